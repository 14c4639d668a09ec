import { Suspense } from 'react';
import { formatAmount, formatPercentWad } from '@/lib/format/amount';
import { ASSET_DECIMALS, ASSET_SYMBOL } from '@/lib/chain/tokens';
import { formatYield } from '@/lib/format/estimate';
import type { ApyWindow } from '@/lib/history/indexerApi';
import { positionValueDown } from '@/lib/portfolio/stake';
import { Stat } from '../ui/Stat';
import type { PoolState } from '@/lib/pool/poolState';
import { formatAssets, formatShares } from '@/lib/format/tokenAmount';

const usd = (v: bigint) => formatAssets(v, { maxFractionDigits: 2 });
const shares = (v: bigint) => formatShares(v, { maxFractionDigits: 4 });

type Apy = ApyWindow[] | null | undefined;

/** The four yield stats; `apy` is undefined while history streams in ("…"), null when it is away ("—"). */
function YieldStats({ apy }: { apy: Apy }) {
  const window = (days: number) => apy?.find((w) => w.days === days);
  const yieldOf = (days: number, which: 'incomeApy' | 'sharePriceApy') => (apy === undefined ? '…' : formatYield(window(days)?.[which]));
  return (
    <>
      <Stat
        label="APY 7 d, gross"
        value={yieldOf(7, 'incomeApy')}
        testId="pool-apy-gross-7"
        hint="Premiums and fees earned over the last 7 days ÷ capital, annualised: before losses"
      />
      <Stat
        label="APY 7 d, net"
        value={yieldOf(7, 'sharePriceApy')}
        testId="pool-apy-net-7"
        hint="The share price's change over the last 7 days, annualised: what holders got after losses"
      />
      <Stat label="APY 30 d, gross" value={yieldOf(30, 'incomeApy')} testId="pool-apy-gross-30" hint="Premiums and fees over the last 30 days, annualised" />
      <Stat
        label="APY 30 d, net"
        value={yieldOf(30, 'sharePriceApy')}
        testId="pool-apy-net-30"
        hint="The share price's change over the last 30 days, annualised"
      />
    </>
  );
}

async function IndexedYieldStats({ apy }: { apy: Promise<ApyWindow[] | null> }) {
  return <YieldStats apy={await apy} />;
}

/**
 * The pool's numbers and the visitor's position, rendered on the server. `apy` is the indexer's yield
 * windows, streamed in after the live numbers (a slow indexer never holds them up).
 */
export function PoolStats({ data, connected, apy }: { data: PoolState; connected: boolean; apy: Promise<ApyWindow[] | null> }) {
  // Escrowed shares are still the holder's until claimed, at what a claim of them pays: the lower of their
  // value at request and now.
  const positionValue = positionValueDown(data, data.shares, data.request);
  const { cap, available, capBps } = data.shortfallCap;
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
      <Stat label="Pool TVL" value={usd(data.totalAssets)} testId="pool-tvl" hint="Earned assets backing the shares (excludes unearned premium)" />
      <Stat label="Free capital" value={usd(data.freeAssets)} testId="free-assets" hint="What withdrawals and shortfalls may use" />
      <Stat label="Locked for cover" value={usd(data.lockedAssets)} testId="locked-assets" hint="Payouts of active covers, untouchable until they expire" />
      <Stat label="Unearned premium" value={usd(data.unearnedPremium)} testId="unearned-premium" hint="Paid in, earned linearly over each cover's term" />
      <Suspense fallback={<YieldStats apy={undefined} />}>
        <IndexedYieldStats apy={apy} />
      </Suspense>
      <Stat
        label="24 h shortfall cap"
        value={usd(cap)}
        testId="layer-cap"
        hint={`Most this layer pays toward venue shortfalls in any rolling 24 h: ${formatPercentWad(capBps * 10n ** 14n)} of its free capital (with what it paid in the window)`}
      />
      <Stat label="Cap left now" value={usd(available)} testId="layer-cap-left" hint="What this layer may still pay toward shortfalls in the rolling 24 h" />
      <Stat
        label="Share price"
        value={`${formatAmount(data.sharePrice, ASSET_DECIMALS)} ${ASSET_SYMBOL} per share`}
        testId="share-price"
        hint="Assets one share redeems for"
      />
      <Stat label="Your shares" value={connected ? shares(data.shares) : '—'} testId="your-shares" />
      <Stat
        label="In withdrawal"
        value={connected ? shares(data.request.shares) : '—'}
        testId="escrowed-shares"
        hint="Your shares escrowed in a withdrawal request"
      />
      <Stat label="Your stake" value={connected ? usd(positionValue) : '—'} testId="your-stake" hint="Your shares and those in withdrawal, in USDC" />
    </dl>
  );
}
