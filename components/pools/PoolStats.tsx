import { formatAmount } from '@/lib/format/amount';
import { ASSET_DECIMALS, ASSET_SYMBOL, SHARE_DECIMALS } from '@/lib/chain/tokens';
import { claimQuote } from '@/lib/pool/redeemRequest';
import { Stat } from '../ui/Stat';
import type { PoolData } from './usePoolData';
import { formatAssets } from '@/lib/format/tokenAmount';
import { convertToAssets } from '@/lib/mirror/BackstopPool';

const usd = (v: bigint) => formatAssets(v, { maxFractionDigits: 2 });

export function PoolStats({ data, connected }: { data: PoolData; connected: boolean }) {
  // Escrowed shares are still the holder's until claimed, at what a claim of them pays: the lower of their
  // value at request and now.
  const positionValue = convertToAssets(data, data.shares) + claimQuote(data, data.request, data.request.shares).pays;
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
      <Stat label="Pool TVL" value={usd(data.totalAssets)} testId="pool-tvl" hint="Earned assets backing the shares (excludes unearned premium)" />
      <Stat label="Free capital" value={usd(data.freeAssets)} testId="free-assets" hint="What withdrawals and shortfalls may use" />
      <Stat label="Locked for cover" value={usd(data.lockedAssets)} testId="locked-assets" hint="Payouts of active covers, untouchable until they expire" />
      <Stat label="Unearned premium" value={usd(data.unearnedPremium)} testId="unearned-premium" hint="Paid in, earned linearly over each cover's term" />
      <Stat
        label="Share price"
        value={`${formatAmount(data.sharePrice, ASSET_DECIMALS)} ${ASSET_SYMBOL}`}
        testId="share-price"
        hint="Assets one share redeems for"
      />
      <Stat label="Your shares" value={connected ? formatAmount(data.shares, SHARE_DECIMALS, { maxFractionDigits: 4 }) : '—'} testId="your-shares" />
      <Stat
        label="In withdrawal"
        value={connected ? formatAmount(data.request.shares, SHARE_DECIMALS, { maxFractionDigits: 4 }) : '—'}
        testId="escrowed-shares"
      />
      <Stat label="Your stake" value={connected ? usd(positionValue) : '—'} testId="your-stake" />
    </dl>
  );
}
