import { Suspense } from 'react';
import { contractAddress, IS_LOCAL_CHAIN } from '@/lib/chain/config';
import { serverPublicClient } from '@/lib/chain/serverClient';
import { ASSET_DECIMALS, ASSET_SYMBOL } from '@/lib/chain/tokens';
import { formatAmount, formatPercentWad } from '@/lib/format/amount';
import { notionalDown } from '@/lib/mirror/PerpMath';
import { maxLeverage } from '@/lib/venue/tradeInput';
import { readVenueSnapshot, type VenueAddresses } from '@/lib/venue/venueSnapshot';
import { FaucetCard } from '../faucet/FaucetCard';
import { Card } from '../ui/Card';
import { ErrorState } from '../ui/ErrorState';
import { savedWalletFromCookie } from '../wallet/walletCookie';
import { DevPanel } from './DevPanel';
import { LazyPositionCard } from './LazyPositionCard';
import { StaleNotice } from './StaleNotice';
import { TradeForm } from './TradeForm';
import { VENUE_SIGNING_ABI } from './signingAbi';
import { ActivityPlaceholder, VenueActivity } from './VenueActivity';
import { WithdrawOwed } from './WithdrawOwed';
import { settle } from '@/lib/chain/settle';
import { ChainUnreachable } from '@/components/chain/ChainUnreachable';
import { AutoRefresh } from '../chain/AutoRefresh';

function venueAddresses(): VenueAddresses | undefined {
  const [venue, stablecoin, feed, oracle] = (['perpVenue', 'stablecoin', 'priceFeed', 'volatilityOracle'] as const).map(contractAddress);
  return venue && stablecoin && feed && oracle ? { venue, stablecoin, feed, oracle } : undefined;
}

/** The shape of the panel, while the chain is read (so nothing moves when it arrives). */
export function VenueLoading() {
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_24rem]" aria-busy="true" data-testid="venue-loading">
      <div className="h-[36rem] animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
      <div className="h-72 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}

/**
 * The venue rendered on the server: the market and the visitor's position from one batched chain read at
 * one block (the account from the wallet cookie), the forms as client components that preview with the
 * twins from these numbers, and the liquidations from the indexer streamed in after them. Rendered again
 * every 4 s while the tab is visible, and after every mined write; the forms keep what was typed.
 */
export async function VenuePanel() {
  const addresses = venueAddresses();
  if (!addresses) return <ErrorState title="No deployment" message="The reference venue is not deployed on this chain." />;
  const { account, wrongNetwork } = await savedWalletFromCookie();
  const read = await settle(readVenueSnapshot(serverPublicClient(), addresses, account));
  if ('error' in read) {
    return (
      <>
        <AutoRefresh everyMs={4_000} />
        <ChainUnreachable error={read.error} returns="The venue appears" />
      </>
    );
  }
  const snapshot = read.value;
  const m = snapshot.market;
  const price = (v: bigint) => formatAmount(v, snapshot.feedDecimals, { maxFractionDigits: 2 });
  const money = (v: bigint) => `${formatAmount(v, ASSET_DECIMALS, { maxFractionDigits: 0 })} ${ASSET_SYMBOL}`;
  const holding = snapshot.state.size > 0n;

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_24rem]">
      <AutoRefresh everyMs={4_000} />
      <div className="space-y-6">
        {/* The trade form keeps its place in the tree whether or not a position is held, so the status of
            the transaction that opened one stays on screen when the position card appears above it. */}
        {holding && account ? (
          <Card title="Your position">
            <LazyPositionCard snapshot={snapshot} account={account} wrongNetwork={wrongNetwork} venueAbi={VENUE_SIGNING_ABI} />
          </Card>
        ) : null}
        <Card title={holding ? 'Increase' : 'Trade'}>
          <TradeForm snapshot={snapshot} account={account} wrongNetwork={wrongNetwork} venueAbi={VENUE_SIGNING_ABI} />
        </Card>
        {account && snapshot.owed > 0n ? (
          <Card title="Left to you by a liquidation">
            <WithdrawOwed venue={snapshot.venue} owed={snapshot.owed} account={account} wrongNetwork={wrongNetwork} venueAbi={VENUE_SIGNING_ABI} />
          </Card>
        ) : null}
      </div>
      <div className="space-y-6">
        <FaucetCard stablecoin={snapshot.stablecoin} account={account} disabled={wrongNetwork} />
        <Card title="Market">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-xs text-slate-500">ETH / USD (oracle)</dt>
              <dd className="font-mono text-lg tabular-nums" data-testid="venue-price">
                {price(m.price)} USD
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Volatility (σ, annualised)</dt>
              <dd className="font-mono tabular-nums">{formatPercentWad(snapshot.sigma)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Initial margin now</dt>
              <dd>
                {formatPercentWad(m.initialFraction)} of notional (at most {maxLeverage(m.initialFraction)}×); maintenance{' '}
                {formatPercentWad((m.initialFraction * m.params.maintenanceBps) / 10_000n)}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Open interest (longs / shorts)</dt>
              <dd className="font-mono tabular-nums" data-testid="venue-open-interest">
                {money(notionalDown(snapshot.sides.long.openInterest, m.price, m.priceScale))} /{' '}
                {money(notionalDown(snapshot.sides.short.openInterest, m.price, m.priceScale))}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Fees</dt>
              <dd>
                {Number(m.params.tradingFeeBps) / 100}% per trade ({Number(m.params.poolFeeShareBps) / 100}% of it to the pools); liquidators earn{' '}
                {Number(m.params.liquidationFeeBps) / 100}% of what they close
              </dd>
            </div>
          </dl>
          <StaleNotice
            clock={{
              blockTimestamp: snapshot.blockTimestamp,
              priceUpdatedAt: snapshot.priceUpdatedAt,
              sigmaUpdatedAt: snapshot.sigmaUpdatedAt,
              params: { maxPriceAge: m.params.maxPriceAge, maxSigmaAge: m.params.maxSigmaAge },
            }}
          />
        </Card>
        <Card title="Liquidations">
          {/* The indexer in its own boundary: a slow one never holds up the market and the forms. */}
          <Suspense fallback={<ActivityPlaceholder />}>
            <VenueActivity />
          </Suspense>
        </Card>
        {IS_LOCAL_CHAIN ? <DevPanel /> : null}
      </div>
    </div>
  );
}
