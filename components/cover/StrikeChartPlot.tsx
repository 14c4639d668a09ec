'use client';

import { memo, useEffect, useRef, useState, type MouseEvent, type RefObject } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  usePlotArea,
  useYAxisInverseScale,
  type TooltipContentProps,
} from 'recharts';
import { formatTimestamp } from '@/lib/format/duration';
import { formatChartPrice as usd, timeAxisLabel, type PricePoint } from '@/lib/cover/priceHistory';

export type StrikeChartPlotProps = {
  points: readonly PricePoint[];
  domain: [number, number];
  strike: number | undefined;
  spot: number | undefined;
  direction: 'Down' | 'Up';
  /** Called with the price under the pointer when the plot is clicked. */
  onPickPrice: (price: number) => void;
  /** What the picture shows, for screen readers (the strike field is the way to set it without a pointer). */
  label: string;
};

/** Pixel row → price on the y-axis, and the plot's top and bottom rows (chart pixels, 0 = the chart's top). */
type PointerScale = { priceAt: (y: number) => unknown; top: number; bottom: number };

const STRIKE = '#d97706'; // amber-600: reads on white and on slate-900
const SPOT = '#64748b'; // slate-500

/** Inside the chart, hands the y-axis's inverse scale and the plot area to the click handler outside it. */
function PointerScaleProbe({ target }: { target: RefObject<PointerScale | undefined> }) {
  const inverse = useYAxisInverseScale();
  const plot = usePlotArea();
  useEffect(() => {
    target.current = inverse && plot ? { priceAt: inverse, top: plot.y, bottom: plot.y + plot.height } : undefined;
  }, [target, inverse, plot]);
  return null;
}

function RoundTooltip({ active, payload }: TooltipContentProps) {
  const point = active ? (payload?.[0]?.payload as PricePoint | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-2 py-1 text-xs shadow-sm dark:border-slate-700 dark:bg-slate-800">
      <div className="text-slate-500 dark:text-slate-400">{formatTimestamp(BigInt(point.t))}</div>
      <div className="font-mono text-slate-900 tabular-nums dark:text-slate-100">{usd(point.price)} USD</div>
    </div>
  );
}

/** The recent price with the strike and the price now; a click sets the strike to the price under the pointer. Loaded lazily with Recharts. */
function StrikeChartPlot({ points, domain, strike, spot, direction, onPickPrice, label }: StrikeChartPlotProps) {
  const scale = useRef<PointerScale | undefined>(undefined);
  const [hover, setHover] = useState<number | undefined>(undefined);
  const first = points[0]!.t;
  const span = points[points.length - 1]!.t - first;

  // The price at the pointer's row, or undefined off the plot (axis labels, margins).
  const priceAt = (event: MouseEvent<HTMLDivElement>): number | undefined => {
    const s = scale.current;
    if (!s) return undefined;
    const y = event.clientY - event.currentTarget.getBoundingClientRect().top;
    if (y < s.top || y > s.bottom) return undefined;
    const price = Number(s.priceAt(y));
    return Number.isFinite(price) ? price : undefined;
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: clicking the chart is a shortcut; the strike field beside it is the keyboard path
    <div
      role="img"
      aria-label={label}
      className="h-full w-full cursor-crosshair text-slate-500 select-none dark:text-slate-400"
      data-testid="strike-chart-plot"
      data-points={points.length}
      data-y-min={domain[0]}
      data-y-max={domain[1]}
      onClick={(e) => {
        const price = priceAt(e);
        if (price !== undefined) onPickPrice(price);
      }}
      onMouseMove={(e) => setHover(priceAt(e))}
      onMouseLeave={() => setHover(undefined)}
    >
      <ResponsiveContainer>
        <LineChart data={points as PricePoint[]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.25} />
          <XAxis
            dataKey="t"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(t: number) => timeAxisLabel(t, span)}
            tick={{ fill: 'currentColor' }}
            stroke="currentColor"
            fontSize={11}
            minTickGap={24}
          />
          <YAxis
            type="number"
            domain={domain}
            allowDataOverflow
            tickFormatter={(v: number) => usd(Math.round(v))}
            tick={{ fill: 'currentColor' }}
            stroke="currentColor"
            width={52}
            fontSize={11}
          />
          {strike !== undefined ? (
            <ReferenceArea
              y1={direction === 'Down' ? domain[0] : strike}
              y2={direction === 'Down' ? strike : domain[1]}
              fill={STRIKE}
              fillOpacity={0.08}
              ifOverflow="hidden"
            />
          ) : null}
          {spot !== undefined ? (
            <ReferenceLine
              y={spot}
              stroke={SPOT}
              strokeDasharray="2 4"
              label={{ value: `Now ${usd(spot)}`, position: 'insideBottomLeft', fill: 'currentColor', fontSize: 11 }}
            />
          ) : null}
          {strike !== undefined ? (
            <ReferenceLine
              y={strike}
              stroke={STRIKE}
              strokeWidth={2}
              label={{ value: `Strike ${usd(strike)}`, position: 'insideTopLeft', fill: STRIKE, fontSize: 11 }}
            />
          ) : null}
          {hover !== undefined ? (
            <ReferenceLine
              y={hover}
              stroke={STRIKE}
              strokeOpacity={0.6}
              strokeDasharray="4 3"
              label={{ value: `Click: strike ${usd(Math.round(hover * 100) / 100)}`, position: 'insideTopRight', fill: STRIKE, fontSize: 11 }}
            />
          ) : null}
          <Tooltip content={RoundTooltip} cursor={{ stroke: 'currentColor', strokeOpacity: 0.4 }} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="price" stroke="#4f46e5" strokeWidth={2} dot={false} activeDot={{ r: 3 }} isAnimationActive={false} />
          <PointerScaleProbe target={scale} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

// Props are plain values and a stable callback, so a parent re-render with the same data skips the redraw.
export default memo(StrikeChartPlot);
