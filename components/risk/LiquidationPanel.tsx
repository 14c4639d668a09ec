'use client';

import { useId, useMemo } from 'react';
import { formatEstimateAssets, formatMove } from '@/lib/format/estimate';
import type { RiskBook } from '@/lib/risk/book';
import { cascadeCurve, DEFAULT_DEPTH, liquidationMap, type DepthModel } from '@/lib/risk/cascade';
import { LineChart, LiquidationBars } from './charts';

/**
 * Open interest by liquidation price, and how far each shock goes once the cascade has run. `depth`
 * undefined: the cascade's default depth model (the dashboard holds none until the reader sets one).
 */
export function LiquidationPanel({ book, depth = DEFAULT_DEPTH, onDepth }: { book: RiskBook; depth?: DepthModel; onDepth: (d: DepthModel) => void }) {
  const id = useId();
  const spot = Number(book.spot) / 10 ** book.priceDecimals;
  const bins = useMemo(() => liquidationMap(book), [book]);
  const curve = useMemo(() => cascadeCurve(book, depth, 50), [book, depth]);
  const depthInput = (
    <label className="block text-sm" htmlFor={id}>
      <span className="text-xs text-slate-600 dark:text-slate-300">Market depth: USD of forced orders that move the price 1 %</span>
      <input
        id={id}
        type="number"
        min={10_000}
        step={100_000}
        value={depth.usdPerPercent}
        onChange={(e) => Number(e.target.value) > 0 && onDepth({ usdPerPercent: Number(e.target.value) })}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono dark:border-slate-700 dark:bg-slate-900"
        data-testid="cascade-depth"
      />
    </label>
  );
  if (book.positions.length === 0) {
    return (
      <div className="space-y-3 text-sm text-slate-600 dark:text-slate-300" data-testid="liquidation-empty">
        <p>
          <strong>No venue positions yet.</strong> The reference venue (PerpVenue) has no open positions on this chain, so there is no open interest to map and
          a shock liquidates nothing: the price stops where the shock puts it. The map and the cascade fill in as soon as positions exist.
        </p>
        {depthInput}
      </div>
    );
  }
  const worst = curve.down[curve.down.length - 1]!;
  return (
    <div className="space-y-4" data-testid="liquidation-panel">
      <div>
        <h3 className="text-sm font-medium">Open interest by liquidation price</h3>
        <LiquidationBars
          bins={bins}
          spotUsd={spot}
          testId="liquidation-map"
          label={`Notional of ${book.positions.length} positions by liquidation price, ±50 % around spot ${Math.round(spot)}: longs below (red), shorts above (blue).`}
        />
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Red: longs (liquidated by a fall); blue: shorts (by a rise). Bars: notional at the liquidation price, in bins of 2.5 % of spot.
        </p>
      </div>
      <div>
        <h3 className="text-sm font-medium">Cascade: where a shock ends</h3>
        <LineChart
          testId="cascade-curve"
          label={`Final price move after the cascade for falls of 1 to 50 %: a 50 % fall ends at ${formatMove(worst.finalMove)}.`}
          series={[
            { name: 'shock', tone: 'stroke-slate-400', dot: 'fill-slate-400', points: curve.down.map((p) => ({ x: -p.shock * 100, y: p.shock * 100 })) },
            {
              name: 'after cascade',
              tone: 'stroke-rose-600',
              dot: 'fill-rose-600',
              points: curve.down.map((p) => ({ x: -p.shock * 100, y: p.finalMove * 100 })),
            },
          ]}
          xLabel={(x) => `shock −${x.toFixed(0)} %`}
          yFormat={(y) => `${y.toFixed(0)} %`}
        />
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Grey: the shock; red: where the price settles once forced orders have pushed it (linear impact in log-price, iterated to a fixed point). At −50 % the
          venue is left with {formatEstimateAssets(Number(worst.badDebt))} of bad debt.
        </p>
      </div>
      {depthInput}
    </div>
  );
}
