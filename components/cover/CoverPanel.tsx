'use client';

import { useState } from 'react';
import { contractAddress } from '@/lib/chain/config';
import { formatAmount, formatPercentWad } from '@/lib/format/amount';
import { formatDuration } from '@/lib/format/duration';
import { describeError } from '@/lib/tx/describeError';
import { useChainNow } from '../chain/useChainNow';
import { Card } from '../ui/Card';
import { ErrorState } from '../ui/ErrorState';
import { useWalletState } from '../wallet/useWalletState';
import { CoverForm } from './CoverForm';
import { useCoverProducts, useCoverSnapshot, type CoverProduct } from './useCoverMarket';
import { feedDecimalsProblem, staleQuoteReason } from '@/lib/cover/feedChecks';

const productLabel = (p: CoverProduct) =>
  p.direction === 'Down' ? 'Long liquidation: pays if the price falls to the strike' : 'Short liquidation: pays if the price rises to the strike';

export function CoverPanel() {
  const { account, wrongNetwork } = useWalletState();
  const { market, products, query } = useCoverProducts();
  const [selected, setSelected] = useState(0);
  const product = products?.[selected];
  const { snapshot, query: snapshotQuery } = useCoverSnapshot(product, account);
  // Staleness is judged against ages of minutes to hours: a tick every 15 s is plenty, and spares
  // the form (and its chart) a re-render every second.
  const now = useChainNow(15_000);
  const stablecoin = contractAddress('stablecoin');

  if (!market || !stablecoin) return <ErrorState title="No deployment" message="Backstop's cover market is not deployed on this chain." />;
  const failed = query.isError ? query.error : snapshotQuery.isError && !snapshot ? snapshotQuery.error : undefined;
  if (failed) {
    return (
      <ErrorState
        title="Cannot reach the chain"
        message={`${describeError(failed).message} Quotes appear as soon as the RPC answers.`}
        onRetry={() => {
          void query.refetch();
          void snapshotQuery.refetch();
        }}
      />
    );
  }
  if (!products || !product || !snapshot) {
    // The loaded page's own grid, with cards about its cards' heights, so nothing jumps when it arrives.
    return (
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_22rem]" aria-busy="true">
        <div className="h-[52rem] animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
        <div className="h-72 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
      </div>
    );
  }

  // The contract refuses quotes on an old price or σ, and the app's words assume an 8-decimal feed: say so
  // before anyone fills the form.
  const stale =
    feedDecimalsProblem(snapshot.feedDecimals) ??
    (now === undefined
      ? undefined
      : staleQuoteReason({
          now,
          priceUpdatedAt: snapshot.priceUpdatedAt,
          sigmaUpdatedAt: snapshot.sigmaUpdatedAt,
          maxPriceAge: product.maxPriceAge,
          maxSigmaAge: product.maxSigmaAge,
        }));

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_22rem]">
      <Card title="Buy liquidation cover">
        <label className="mb-4 block text-sm">
          <span className="font-medium text-slate-800 dark:text-slate-200">Product</span>
          <select
            className="mt-1 w-full rounded-lg border border-slate-300 bg-transparent px-3 py-2 dark:border-slate-700"
            value={selected}
            onChange={(e) => setSelected(Number(e.target.value))}
            data-testid="cover-product"
          >
            {products.map((p, i) => (
              <option key={p.productId.toString()} value={i}>
                #{p.productId.toString()} · {productLabel(p)}
                {p.paused ? ' (paused)' : ''}
              </option>
            ))}
          </select>
        </label>
        <CoverForm
          key={product.productId.toString()}
          market={market}
          stablecoin={stablecoin}
          product={product}
          snapshot={snapshot}
          now={now ?? snapshot.priceUpdatedAt}
          account={account}
          wrongNetwork={wrongNetwork}
          stale={stale}
        />
      </Card>
      <Card title="Market">
        <dl className="space-y-3 text-sm">
          <div>
            <dt className="text-xs text-slate-500">Price now</dt>
            <dd className="font-mono text-lg tabular-nums" data-testid="cover-spot">
              {formatAmount(snapshot.market.spot, snapshot.feedDecimals, { maxFractionDigits: 2 })} USD
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Volatility (σ, annualised)</dt>
            <dd className="font-mono tabular-nums">{formatPercentWad(snapshot.market.sigma)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Claims need</dt>
            <dd>
              {product.confirmations} consecutive oracle rounds at or beyond the strike, from {formatDuration(product.activationDelay)} after purchase
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Claim window</dt>
            <dd>until {formatDuration(product.claimGrace)} after the cover ends</dd>
          </div>
        </dl>
        {stale ? (
          <p className="mt-4 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="cover-stale">
            {stale}
          </p>
        ) : null}
      </Card>
    </div>
  );
}
