import { niceAxis, tickLabel } from '@/lib/chart/axisTicks';
import type { TradePoint } from '@/lib/exchange/tradeSeries';
import { formatTimestamp } from '@/lib/format/duration';

const PRICE = '#d97706'; // amber-600: reads on white and on slate-900
const MODEL = '#4f46e5'; // indigo-600
// The plot's box inside the chart, in CSS pixels: the value labels on the left, the time labels below.
const INSET = { left: 52, right: 12, top: 8, bottom: 20 } as const;
// The path's own coordinates; stretched to the box (preserveAspectRatio none), strokes kept at their width.
const VIEW = 1_000;

const usdc = (v: number) => `${v.toFixed(2)} USDC`;
const when = (t: number) => formatTimestamp(BigInt(Math.floor(t)));

/**
 * Trade prices (dots) against the model value (a step line: the value the indexer computed at each trade's
 * block, then the value now), drawn on the server as plain SVG and CSS: no chart library, no script, and
 * positions in percentages of the box, so it needs no layout measurement. Dates are chain time.
 */
export function CoverTradesChart({ points }: { points: readonly TradePoint[] }) {
  if (points.length === 0) return null;
  const times = points.map((p) => p.t);
  const t0 = Math.min(...times);
  const span = Math.max(...times) - t0 || 1;
  const axis = niceAxis(0, Math.max(...points.flatMap((p) => (p.price === null ? [p.model] : [p.model, p.price]))), 5);
  const [lo, hi] = axis.domain;
  const x = (t: number) => ((t - t0) / span) * VIEW;
  const y = (v: number) => ((hi - v) / (hi - lo)) * VIEW;
  const pct = (v: number) => `${(v / VIEW) * 100}%`;
  let path = `M${x(points[0]!.t).toFixed(2)} ${y(points[0]!.model).toFixed(2)}`;
  for (const p of points.slice(1)) path += `H${x(p.t).toFixed(2)}V${y(p.model).toFixed(2)}`;
  const trades = points.filter((p): p is TradePoint & { price: number } => p.price !== null);
  const label = `Trade prices against the model value over time: ${trades.length} ${trades.length === 1 ? 'trade' : 'trades'}, the model value now ${usdc(points.at(-1)!.model)}.`;

  return (
    <figure className="space-y-2">
      <div
        role="img"
        aria-label={label}
        className="relative h-56 w-full text-[11px] text-slate-500 dark:text-slate-400"
        data-testid="cover-trades-chart"
        data-points={points.length}
      >
        <div className="absolute" style={INSET}>
          {axis.ticks.map((tick) => (
            <div key={tick} className="absolute inset-x-0 border-t border-current opacity-25" style={{ top: pct(y(tick)) }} />
          ))}
          {axis.ticks.map((tick) => (
            <span
              key={tick}
              className="absolute -translate-y-1/2 pr-1.5 text-right tabular-nums"
              style={{ top: pct(y(tick)), right: '100%', width: INSET.left }}
            >
              {tickLabel(tick, axis.decimals)}
            </span>
          ))}
          <span className="absolute top-full left-0 pt-0.5 whitespace-nowrap tabular-nums">{when(t0).slice(5, 16)}</span>
          {span > 1 ? <span className="absolute top-full right-0 pt-0.5 whitespace-nowrap tabular-nums">{when(t0 + span).slice(5, 16)}</span> : null}
          <svg className="absolute inset-0 h-full w-full overflow-visible" viewBox={`0 0 ${VIEW} ${VIEW}`} preserveAspectRatio="none" aria-hidden="true">
            <path d={path} fill="none" stroke={MODEL} strokeWidth={2} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
          </svg>
          {trades.map((p, i) => (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: two trades may share a block time; the order is the indexer's
              key={i}
              className="absolute size-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full"
              style={{ left: pct(x(p.t)), top: pct(y(p.price)), background: PRICE }}
              title={`${when(p.t)}: traded at ${usdc(p.price)}, model ${usdc(p.model)}`}
            />
          ))}
        </div>
      </div>
      <figcaption className="flex flex-wrap gap-4 text-xs text-slate-600 dark:text-slate-300">
        <span className="flex items-center gap-1.5">
          <span className="inline-block size-2.5 rounded-full" style={{ background: PRICE }} /> Trade price
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-0.5 w-4" style={{ background: MODEL }} /> Model value (USDC; times are chain time, UTC)
        </span>
      </figcaption>
    </figure>
  );
}
