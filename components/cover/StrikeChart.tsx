'use client';

import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import { formatUnits } from 'viem';
import { niceAxis } from '@/lib/chart/axisTicks';
import type { Round } from '@/lib/cover/findClaimRound';
import { formatChartPrice as usd, priceDomain, priceSeries, strikeInputFromPrice, strikeLineValue } from '@/lib/cover/priceHistory';
import StrikeChartPlot from './StrikeChartPlot';

// The notes take the chart's height, so nothing below it moves when the history comes or goes.
const BOX = 'h-48 w-full';

type Props = {
  /** The feed's recent rounds, oldest first, read on the server with the page (null: they could not be read). */
  rounds: readonly Round[] | null;
  feedDecimals: number;
  spot: bigint;
  direction: 'Down' | 'Up';
  /** The strike field's text: drawn as a line when it is a positive price. */
  strike: string;
  /** Sets the strike field's text (the price under a click, to the cent). */
  onPick: (strike: string) => void;
};

function Note({ children }: { children?: ReactNode }) {
  return (
    <div
      className={`${BOX} flex items-center justify-center rounded-lg border border-dashed border-slate-200 px-4 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400`}
    >
      {children}
    </div>
  );
}

/** Identifies a history by its rounds: a page refresh brings a new array with the same rounds. */
const historyKey = (rounds: readonly Round[] | null) => (rounds ? rounds.map((r) => r.roundId).join(',') : 'none');

/** The feed's recent rounds with the strike line; clicking picks the strike. The strike field stays the way to type it. */
export function StrikeChart({ rounds, feedDecimals, spot, direction, strike, onPick }: Props) {
  // The form re-renders on every keystroke and the page every few seconds; the points (and so the plot)
  // change only when a round does.
  const key = historyKey(rounds);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the rounds (a round, once written, does not change)
  const points = useMemo(() => (rounds ? priceSeries(rounds, feedDecimals) : undefined), [key, feedDecimals]);
  const strikeLine = strikeLineValue(strike, feedDecimals);
  const spotLine = spot > 0n ? Number(formatUnits(spot, feedDecimals)) : undefined;
  // The rounds, the strike and the price now, padded, then widened to round-number ticks.
  const axis = useMemo(() => {
    if (!points) return undefined;
    const [lo, hi] = priceDomain(points, [strikeLine, spotLine]);
    return niceAxis(lo, hi, 6);
  }, [points, strikeLine, spotLine]);
  const pick = useRef(onPick);
  pick.current = onPick;
  const onPickPrice = useCallback((price: number) => {
    const text = strikeInputFromPrice(price);
    if (text !== undefined) pick.current(text);
  }, []);

  let body: ReactNode;
  if (!points) body = <Note>Price history is unavailable right now; type the strike in the field above.</Note>;
  else if (points.length < 2) body = <Note>Not enough price rounds yet for a chart; type the strike in the field above.</Note>;
  else {
    const prices = points.map((p) => p.price);
    const label =
      `Price over the last ${points.length} oracle rounds, from ${usd(Math.min(...prices))} to ${usd(Math.max(...prices))} USD` +
      (spotLine !== undefined ? `; now ${usd(spotLine)}` : '') +
      (strikeLine !== undefined ? `; strike line at ${usd(strikeLine)}` : '') +
      '.';
    body = (
      <div className={BOX}>
        <StrikeChartPlot points={points} axis={axis!} strike={strikeLine} spot={spotLine} direction={direction} label={label} onPickPrice={onPickPrice} />
      </div>
    );
  }

  return (
    <figure data-testid="strike-chart" className="space-y-1">
      {body}
      <figcaption className="text-xs text-slate-500 dark:text-slate-400">
        Recent oracle rounds, each the same width (chain time, UTC). Click the chart to set the strike at that price
        {strikeLine !== undefined ? '; the shaded band is where the cover pays' : ''}.
      </figcaption>
    </figure>
  );
}
