'use client';

import { useState, type ReactNode } from 'react';
import type { Address } from 'viem';
import type { CoverPrefill } from '@/lib/venue/coverLink';
import { formatAmount, formatPercentWad } from '@/lib/format/amount';
import { formatDuration } from '@/lib/format/duration';
import type { CoverMarketState, CoverProduct } from '@/lib/cover/coverMarketState';
import { roundsOf } from '@/lib/cover/marketRounds';
import { feedDecimalsProblem, staleQuoteReason } from '@/lib/cover/feedChecks';
import { useChainClock } from '../chain/useChainClock';
import { Card } from '../ui/Card';
import { type BuyCoverAbi, CoverForm } from './CoverForm';

const productLabel = (p: CoverProduct) =>
  p.direction === 'Down' ? 'Long liquidation: pays if the price falls to the strike' : 'Short liquidation: pays if the price rises to the strike';

type Props = {
  market: Address;
  stablecoin: Address;
  /** Read on the server at one block; a new one arrives with every page refresh (the form keeps its fields). */
  state: CoverMarketState;
  account: Address | undefined;
  wrongNetwork: boolean;
  /** Fields from /venue's "buy cover at my liquidation price" link (the page's query, read on the server). */
  prefill: Partial<CoverPrefill>;
  /** The test-funds card, rendered on the server. */
  faucet: ReactNode;
  buyCoverAbi: BuyCoverAbi;
};

/** The product picker, the buy form with its live quote, and the product's market terms; the server supplies every number. */
export function CoverPanel({ market, stablecoin, state, account, wrongNetwork, prefill, faucet, buyCoverAbi }: Props) {
  const { products, snapshots } = state;
  // The link's direction selects that product first.
  const [selected, setSelected] = useState(() => Math.max(0, prefill.direction ? products.findIndex((p) => p.direction === prefill.direction) : 0));
  const index = Math.min(selected, products.length - 1);
  const product = products[index]!;
  const snapshot = snapshots[index]!;
  // Staleness is judged against ages of minutes to hours: a tick every 15 s is plenty, and spares
  // the form (and its chart) a re-render every second.
  const now = useChainClock(state.blockTimestamp, 15_000);

  // The contract refuses quotes on an old price or σ, and the app's words assume an 8-decimal feed: say so
  // before anyone fills the form.
  const stale =
    feedDecimalsProblem(snapshot.feedDecimals) ??
    staleQuoteReason({
      now,
      priceUpdatedAt: snapshot.priceUpdatedAt,
      sigmaUpdatedAt: snapshot.sigmaUpdatedAt,
      maxPriceAge: product.maxPriceAge,
      maxSigmaAge: product.maxSigmaAge,
    });

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_22rem]">
      <Card title="Buy liquidation cover">
        <label className="mb-4 block text-sm">
          <span className="font-medium text-slate-800 dark:text-slate-200">Product</span>
          <select
            className="mt-1 w-full rounded-lg border border-slate-300 bg-transparent px-3 py-2 dark:border-slate-700"
            value={index}
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
          key={`${product.productId}:${prefill.strike ?? ''}`}
          market={market}
          stablecoin={stablecoin}
          product={product}
          snapshot={snapshot}
          rounds={roundsOf(state, product.feed)}
          now={now}
          account={account}
          wrongNetwork={wrongNetwork}
          stale={stale}
          initial={product.direction === prefill.direction ? prefill : undefined}
          buyCoverAbi={buyCoverAbi}
        />
      </Card>
      <div className="space-y-6">
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
        {faucet}
      </div>
    </div>
  );
}
