'use client';

import dynamic from 'next/dynamic';
import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import { formatUnits, type Address } from 'viem';
import { formatChartPrice as usd, priceDomain, priceSeries, strikeInputFromPrice, strikeLineValue } from '@/lib/cover/priceHistory';
import { usePriceHistory } from './usePriceHistory';

// Recharts loads only with the chart; the box keeps its height meanwhile, so nothing below it moves.
const BOX = 'h-48 w-full';
const StrikeChartPlot = dynamic(() => import('./StrikeChartPlot'), {
  ssr: false,
  loading: () => <div className={`${BOX} animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800`} aria-busy="true" />,
});

type Props = {
  feed: Address;
  feedDecimals: number;
  spot: bigint;
  direction: 'Down' | 'Up';
  /** The strike field's text: drawn as a line when it is a positive price. */
  strike: string;
  /** Sets the strike field's text (the price under a click, to the cent). */
  onPick: (strike: string) => void;
};

function Note({ children, busy = false }: { children?: ReactNode; busy?: boolean }) {
  return (
    <div
      className={`${BOX} flex items-center justify-center rounded-lg px-4 text-center text-sm text-slate-500 dark:text-slate-400 ${busy ? 'animate-pulse bg-slate-100 dark:bg-slate-800' : 'border border-dashed border-slate-200 dark:border-slate-700'}`}
      aria-busy={busy || undefined}
    >
      {children}
    </div>
  );
}

/** The feed's recent rounds with the strike line; clicking picks the strike. The strike field stays the way to type it. */
export function StrikeChart({ feed, feedDecimals, spot, direction, strike, onPick }: Props) {
  const history = usePriceHistory(feed);
  // The form re-renders on every keystroke and poll; the plot redraws only when its data changes.
  const points = useMemo(() => (history.rounds ? priceSeries(history.rounds, feedDecimals) : undefined), [history.rounds, feedDecimals]);
  const strikeLine = strikeLineValue(strike, feedDecimals);
  const spotLine = spot > 0n ? Number(formatUnits(spot, feedDecimals)) : undefined;
  const domain = useMemo(() => (points ? priceDomain(points, [strikeLine, spotLine]) : undefined), [points, strikeLine, spotLine]);
  const pick = useRef(onPick);
  pick.current = onPick;
  const onPickPrice = useCallback((price: number) => {
    const text = strikeInputFromPrice(price);
    if (text !== undefined) pick.current(text);
  }, []);

  let body: ReactNode;
  if (history.isError) body = <Note>Price history is unavailable right now; type the strike in the field above.</Note>;
  else if (!points) body = <Note busy />;
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
        <StrikeChartPlot points={points} domain={domain!} strike={strikeLine} spot={spotLine} direction={direction} label={label} onPickPrice={onPickPrice} />
      </div>
    );
  }

  return (
    <figure data-testid="strike-chart" className="space-y-1">
      {body}
      <figcaption className="text-xs text-slate-500 dark:text-slate-400">
        Recent oracle rounds. Click the chart to set the strike at that price{strikeLine !== undefined ? '; the shaded band is where the cover pays' : ''}.
      </figcaption>
    </figure>
  );
}
