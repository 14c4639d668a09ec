'use client';

import { perpVenueAbi } from '@/contracts-abi';
import { ASSET_DECIMALS, ASSET_SYMBOL } from '@/lib/chain/tokens';
import { formatAmount, formatPercentWad } from '@/lib/format/amount';
import { describeError } from '@/lib/tx/describeError';
import { notionalDown } from '@/lib/mirror/PerpMath';
import { venueStaleness } from '@/lib/venue/staleness';
import { maxLeverage } from '@/lib/venue/tradeInput';
import { useChainNow } from '../chain/useChainNow';
import { chainScopes } from '../query/queryKeys';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useTransactor } from '../tx/useTransactor';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { ErrorState } from '../ui/ErrorState';
import { TestFunds } from '../faucet/TestFunds';
import { useWalletState } from '../wallet/useWalletState';
import { DevPanel } from './DevPanel';
import { PositionCard } from './PositionCard';
import { TradeForm } from './TradeForm';
import { useVenue } from './useVenue';
import { VenueActivity } from './VenueActivity';

export function VenuePanel() {
  const { account, wrongNetwork } = useWalletState();
  const { venue, query, snapshot } = useVenue(account);
  const now = useChainNow(15_000);
  const withdraw = useTransactor();
  if (!venue) return <ErrorState title="No deployment" message="The reference venue is not deployed on this chain." />;
  if (query.isError && !snapshot) {
    return (
      <ErrorState
        title="Cannot reach the chain"
        message={`${describeError(query.error).message} The venue appears as soon as the RPC answers.`}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (!snapshot) {
    return (
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_24rem]" aria-busy="true">
        <div className="h-[36rem] animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
        <div className="h-72 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
      </div>
    );
  }
  const m = snapshot.market;
  const stale =
    now === undefined ? undefined : venueStaleness({ now, priceUpdatedAt: snapshot.priceUpdatedAt, sigmaUpdatedAt: snapshot.sigmaUpdatedAt, params: m.params });
  const price = (v: bigint) => formatAmount(v, snapshot.feedDecimals, { maxFractionDigits: 2 });
  const money = (v: bigint) => `${formatAmount(v, ASSET_DECIMALS, { maxFractionDigits: 0 })} ${ASSET_SYMBOL}`;
  const holding = snapshot.state.size > 0n;

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_24rem]">
      <div className="space-y-6">
        {/* The trade form keeps its place in the tree whether or not a position is held, so the status of
            the transaction that opened one stays on screen when the position card appears above it. */}
        {holding && account ? (
          <Card title="Your position">
            <PositionCard snapshot={snapshot} account={account} wrongNetwork={wrongNetwork} />
          </Card>
        ) : null}
        <Card title={holding ? 'Increase' : 'Trade'}>
          <TradeForm snapshot={snapshot} account={account} wrongNetwork={wrongNetwork} stale={stale} />
        </Card>
        {account && snapshot.owed > 0n ? (
          <Card title="Left to you by a liquidation">
            <p className="mb-2 text-sm" data-testid="venue-owed">
              {formatAmount(snapshot.owed, ASSET_DECIMALS, { maxFractionDigits: 2 })} {ASSET_SYMBOL}
            </p>
            <Button
              variant="secondary"
              disabled={wrongNetwork}
              onClick={() =>
                void withdraw.send({
                  label: 'Withdraw',
                  address: venue,
                  abi: perpVenueAbi,
                  functionName: 'withdrawOwed',
                  args: [],
                  account,
                  invalidates: [chainScopes.venue(account)],
                })
              }
            >
              Withdraw
            </Button>
            <TxStatusLine status={withdraw.status} />
          </Card>
        ) : null}
      </div>
      <div className="space-y-6">
        <TestFunds stablecoin={snapshot.stablecoin} account={account} disabled={wrongNetwork} invalidates={[chainScopes.venue(account)]} />
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
          {stale ? (
            <p className="mt-4 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="venue-stale">
              {stale}
            </p>
          ) : null}
        </Card>
        <Card title="Liquidations">
          <VenueActivity />
        </Card>
        <DevPanel />
      </div>
    </div>
  );
}
