'use client';

import { memo, useMemo, useState, type MouseEvent } from 'react';
import { roundAxisTicks, tickLabel, type NiceAxis } from '@/lib/chart/axisTicks';
import { formatChartPrice as usd, type PricePoint } from '@/lib/cover/priceHistory';
import { formatTimestamp } from '@/lib/format/duration';

export type StrikeChartPlotProps = {
  points: readonly PricePoint[];
  /** The price axis: round-number ticks, its domain from the lowest to the highest tick. */
  axis: NiceAxis;
  strike: number | undefined;
  spot: number | undefined;
  direction: 'Down' | 'Up';
  /** Called with the price under the pointer when the plot is clicked. */
  onPickPrice: (price: number) => void;
  /** What the picture shows, for screen readers (the strike field is the way to set it without a pointer). */
  label: string;
};

const STRIKE = '#d97706'; // amber-600: reads on white and on slate-900
const SPOT = '#64748b'; // slate-500
const LINE = '#4f46e5'; // indigo-600
// The plot's box inside the chart, in CSS pixels: the price labels on the left, the round labels below.
const INSET = { left: 52, right: 8, top: 8, bottom: 20 } as const;
// The path's own coordinates; stretched to the box (preserveAspectRatio none), strokes kept at their width.
const VIEW_H = 1_000;

/**
 * The recent price, one step per oracle round with every round the same width (the seeded days and the
 * keeper's 30-second rounds would otherwise squeeze the recent ones into a spike at the right edge), on
 * a price axis with round-number ticks; the strike with the band where the cover pays, and the price now.
 * Plain SVG and CSS: positions are percentages of the box, so it needs no layout measurement and no
 * chart library (Recharts cost /cover ~120 kB and most of its blocking time). A click sets the strike
 * to the price under the pointer; hovering shows that price and the round under the pointer.
 */
function StrikeChartPlot({ points, axis, strike, spot, direction, onPickPrice, label }: StrikeChartPlotProps) {
  const [hover, setHover] = useState<{ price: number; index: number } | undefined>(undefined);
  const [lo, hi] = axis.domain;
  const n = points.length;
  const last = Math.max(1, n - 1);
  const top = (price: number) => `${((hi - Math.min(hi, Math.max(lo, price))) / (hi - lo)) * 100}%`;
  const left = (index: number) => `${(index / last) * 100}%`;

  const path = useMemo(() => {
    const y = (price: number) => (((hi - price) / (hi - lo)) * VIEW_H).toFixed(2);
    let d = `M0 ${y(points[0]!.price)}`;
    for (let i = 1; i < points.length; i++) d += `H${i}V${y(points[i]!.price)}`;
    return d;
  }, [points, lo, hi]);
  const xTicks = useMemo(
    () =>
      roundAxisTicks(
        points.map((p) => p.t),
        4,
      ),
    [points],
  );

  // The price and round under the pointer, or undefined off the plot (axis labels, margins).
  const pointerAt = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const y = event.clientY - box.top - INSET.top;
    const height = box.height - INSET.top - INSET.bottom;
    const width = box.width - INSET.left - INSET.right;
    if (y < 0 || y > height || width <= 0) return undefined;
    const x = Math.min(width, Math.max(0, event.clientX - box.left - INSET.left));
    return { price: hi - (y / height) * (hi - lo), index: Math.round((x / width) * last) };
  };

  const band = strike === undefined ? undefined : direction === 'Down' ? { from: strike, to: lo } : { from: hi, to: strike };
  const round = hover ? points[Math.min(n - 1, hover.index)] : undefined;

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: clicking the chart is a shortcut; the strike field beside it is the keyboard path
    <div
      role="img"
      aria-label={label}
      className="relative h-full w-full cursor-crosshair text-[11px] text-slate-500 select-none dark:text-slate-400"
      data-testid="strike-chart-plot"
      data-points={n}
      data-y-min={lo}
      data-y-max={hi}
      onClick={(e) => {
        const at = pointerAt(e);
        if (at) onPickPrice(at.price);
      }}
      onMouseMove={(e) => setHover(pointerAt(e))}
      onMouseLeave={() => setHover(undefined)}
    >
      <div className="absolute" style={INSET}>
        {axis.ticks.map((tick) => (
          <div key={tick} className="absolute inset-x-0 border-t border-current opacity-25" style={{ top: top(tick) }} />
        ))}
        {axis.ticks.map((tick) => (
          <span key={tick} className="absolute -translate-y-1/2 pr-1.5 text-right tabular-nums" style={{ top: top(tick), right: '100%', width: INSET.left }}>
            {tickLabel(tick, axis.decimals)}
          </span>
        ))}
        {xTicks.map((tick, i) => (
          <span
            key={tick.index}
            className={`absolute top-full pt-0.5 whitespace-nowrap tabular-nums ${i === 0 ? '' : i === xTicks.length - 1 ? '-translate-x-full' : '-translate-x-1/2'}`}
            style={{ left: left(tick.index) }}
          >
            {tick.label}
          </span>
        ))}
        {band ? (
          <div className="absolute inset-x-0" style={{ top: top(band.from), bottom: `calc(100% - ${top(band.to)})`, background: STRIKE, opacity: 0.08 }} />
        ) : null}
        <svg className="absolute inset-0 h-full w-full overflow-visible" viewBox={`0 0 ${last} ${VIEW_H}`} preserveAspectRatio="none" aria-hidden="true">
          <path d={path} fill="none" stroke={LINE} strokeWidth={2} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
        </svg>
        {spot !== undefined ? (
          <div className="absolute inset-x-0 border-t border-dashed" style={{ top: top(spot), borderColor: SPOT }}>
            <span className="absolute bottom-0.5 left-1">Now {usd(spot)}</span>
          </div>
        ) : null}
        {strike !== undefined ? (
          <div className="absolute inset-x-0 border-t-2" style={{ top: top(strike), borderColor: STRIKE, color: STRIKE }}>
            <span className="absolute top-0.5 left-1">Strike {usd(strike)}</span>
          </div>
        ) : null}
        {hover && round ? (
          <>
            <div className="absolute inset-y-0 border-l border-current opacity-40" style={{ left: left(hover.index) }} />
            <div className="absolute inset-x-0 border-t border-dashed" style={{ top: top(hover.price), borderColor: STRIKE, color: STRIKE }}>
              <span className="absolute top-0.5 right-1">Click: strike {usd(Math.round(hover.price * 100) / 100)}</span>
            </div>
            <div
              className={`absolute bottom-1 rounded-md border border-slate-200 bg-white px-2 py-1 text-xs shadow-sm dark:border-slate-700 dark:bg-slate-800 ${hover.index > last / 2 ? '-translate-x-full' : ''}`}
              style={{ left: left(hover.index) }}
            >
              <div className="whitespace-nowrap">{formatTimestamp(BigInt(round.t))}</div>
              <div className="font-mono text-slate-900 tabular-nums dark:text-slate-100">{usd(round.price)} USD</div>
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}

// Props are plain values and a stable callback, so a parent re-render with the same data skips the redraw.
export default memo(StrikeChartPlot);
