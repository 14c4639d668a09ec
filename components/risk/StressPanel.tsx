'use client';

import { useDeferredValue, useId, useMemo, useState } from 'react';
import { formatMove, formatProbability } from '@/lib/format/estimate';
import { formatAssets } from '@/lib/format/tokenAmount';
import { formatAmount } from '@/lib/format/amount';
import type { RiskBook } from '@/lib/risk/book';
import { DEFAULT_DEPTH, type DepthModel } from '@/lib/risk/cascade';
import { stress } from '@/lib/risk/stress';
import { LAYER_COPY } from '@/lib/pool/layers';

const USDC = 1_000_000n;
const usd = (v: bigint) => formatAssets(v, { maxFractionDigits: 0 });

function Slider({
  label,
  value,
  min,
  max,
  step,
  onChange,
  text,
  testId,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (v: number) => void;
  text: string;
  testId: string;
}) {
  const id = useId();
  return (
    <div>
      <div className="flex items-baseline justify-between text-sm">
        <label htmlFor={id} className="font-medium text-slate-700 dark:text-slate-200">
          {label}
        </label>
        <output htmlFor={id} className="font-mono tabular-nums" data-testid={`${testId}-value`}>
          {text}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-valuetext={text}
        className="mt-1 w-full accent-indigo-600"
        data-testid={testId}
      />
    </div>
  );
}

/**
 * Deterministic shocks, recomputed on every slider move (exact bigint twins on the book, no Monte
 * Carlo): which covers pay, what the venue's positions leave, how the waterfall splits it now. `depth`
 * undefined: the cascade's default depth model (the dashboard holds none until the reader sets one).
 */
export function StressPanel({ book, depth = DEFAULT_DEPTH }: { book: RiskBook; depth?: DepthModel }) {
  const [movePct, setMovePct] = useState(-20);
  const [gap, setGap] = useState(false);
  const [sigmaX, setSigmaX] = useState(1);
  const [extra, setExtra] = useState(0);
  const [cascadeOn, setCascadeOn] = useState(true);
  // Sliders stay responsive: the result follows as soon as React has a moment.
  const input = useDeferredValue({ movePct, gap, sigmaX, extra, cascadeOn });
  const r = useMemo(
    () =>
      stress(book, {
        move: input.movePct / 100,
        gap: input.gap,
        sigmaMultiplier: input.sigmaX,
        extraShortfall: BigInt(input.extra) * USDC,
        depth,
        withCascade: input.cascadeOn,
      }),
    [book, input, depth],
  );
  const feed = (p: bigint) => formatAmount(p, book.priceDecimals, { maxFractionDigits: 2 });
  return (
    <div className="grid gap-6 md:grid-cols-2" data-testid="stress-panel">
      <div className="space-y-4">
        <Slider label="Price move" value={movePct} min={-60} max={60} step={1} onChange={setMovePct} text={formatMove(movePct / 100)} testId="stress-move" />
        <Slider label="σ multiplier" value={sigmaX} min={0.5} max={4} step={0.1} onChange={setSigmaX} text={`× ${sigmaX.toFixed(1)}`} testId="stress-sigma" />
        <Slider
          label="Extra venue shortfall"
          value={extra}
          min={0}
          max={500_000}
          step={5_000}
          onChange={setExtra}
          text={`${formatAmount(BigInt(extra), 0)} USDC`}
          testId="stress-extra"
        />
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={gap} onChange={(e) => setGap(e.target.checked)} data-testid="stress-gap" />A gap (no trading in between)
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={cascadeOn} onChange={(e) => setCascadeOn(e.target.checked)} />
            Liquidation cascade
          </label>
        </div>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          The move is applied to the feed now and held for the claim confirmations. A gap fills the liquidations at the shocked price; a continuous move at
          their liquidation prices. The extra shortfall is bad debt the venue reports on top (the waterfall works the same way whatever its source).
        </p>
      </div>
      <div className="space-y-3 text-sm" aria-live="polite" data-testid="stress-result">
        <p>
          Feed {feed(book.spot)} →{' '}
          <span className="font-mono" data-testid="stress-price">
            {feed(r.finalPrice)}
          </span>
          {r.finalPrice !== r.shockedPrice ? <span className="text-slate-500"> (the cascade took it from {feed(r.shockedPrice)})</span> : null}
        </p>
        <dl className="grid grid-cols-2 gap-3">
          <div>
            <dt className="text-xs text-slate-500">Covers that pay</dt>
            <dd className="font-mono" data-testid="stress-covers">
              {r.triggered.length} · {usd(r.coverPayout.junior + r.coverPayout.senior)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Venue shortfall</dt>
            <dd className="font-mono" data-testid="stress-shortfall">
              {usd(r.shortfall)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Positions liquidated</dt>
            <dd className="font-mono">{book.positions.length === 0 ? 'no positions yet' : r.cascade.liquidated}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Expected cover payouts at σ × {sigmaX.toFixed(1)}</dt>
            <dd className="font-mono" data-testid="stress-expected">
              {usd(r.expectedCoverPayout.junior + r.expectedCoverPayout.senior)}
            </dd>
          </div>
        </dl>
        <table className="w-full text-sm" data-testid="stress-split">
          <caption className="mb-1 text-left text-xs text-slate-500">How ShortfallWaterfall splits the shortfall now (exact twin)</caption>
          <tbody className="font-mono tabular-nums">
            <tr>
              <th scope="row" className="py-0.5 text-left font-sans font-normal">
                Junior pays
              </th>
              <td className="text-right" data-testid="stress-junior">
                {usd(r.split.junior)}
              </td>
            </tr>
            <tr>
              <th scope="row" className="py-0.5 text-left font-sans font-normal">
                Senior pays
              </th>
              <td className="text-right" data-testid="stress-senior">
                {usd(r.split.senior)}
              </td>
            </tr>
            <tr>
              <th scope="row" className="py-0.5 text-left font-sans font-normal">
                To the BKS auction
              </th>
              <td className="text-right">{usd(r.recapAccepted)}</td>
            </tr>
            <tr>
              <th scope="row" className="py-0.5 text-left font-sans font-normal">
                Socialised now (deleveraging)
              </th>
              <td className="text-right" data-testid="stress-socialised">
                {usd(r.socialisedNow)}
              </td>
            </tr>
          </tbody>
        </table>
        <ul className="space-y-1">
          {(['junior', 'senior'] as const).map((layer) => {
            const l = r.layers[layer];
            const lost = l.totalAssetsBefore === 0n ? 0 : Number((l.loss * 1_000_000n) / l.totalAssetsBefore) / 1_000_000;
            return (
              <li key={layer} data-testid={`stress-layer-${layer}`}>
                <span className="font-medium">{LAYER_COPY[layer].title.split(' — ')[0]}</span>: loses {usd(l.loss)} ({formatProbability(lost)} of its capital),
                free capital {usd(l.freeBefore)} → {usd(l.freeAfter)}
                {l.exhausted ? (
                  <span className="ml-1 rounded bg-rose-100 px-1 text-xs text-rose-800 dark:bg-rose-950 dark:text-rose-200">cannot pay all of it today</span>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
