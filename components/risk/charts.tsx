// Small SVG charts for /risk: drawn by hand (a few hundred bytes each) instead of loading a chart
// library, so the page's JavaScript stays small. Each has a text label for screen readers.
import { formatAmount } from '@/lib/format/amount';
import type { Histogram } from '@/lib/risk/estimators';

const W = 600;

export type Marker = { value: number; label: string; tone: 'var' | 'es' };

/**
 * A loss histogram: bar heights on a square-root scale (so the thin tail stays visible), VaR and ES
 * markers as vertical lines (99.5 % strong, 99 % faint). Paths that lost nothing are not a bar: the
 * caption states their share. Text sits in HTML around the drawing, so it stays legible at phone width.
 */
export function LossHistogram({
  histogram,
  markers,
  label,
  formatValue,
  testId,
}: {
  histogram: Histogram;
  markers: Marker[];
  label: string;
  formatValue: (v: number) => string;
  testId?: string;
}) {
  const H = 150;
  const top = 6;
  const { edges, shares } = histogram;
  if (shares.length === 0) {
    return (
      <div
        className="flex h-32 items-center justify-center rounded-lg border border-dashed border-slate-200 px-4 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400"
        data-testid={testId}
      >
        No path lost anything over the horizon.
      </div>
    );
  }
  const upper = edges[edges.length - 1]!;
  const max = Math.sqrt(Math.max(...shares));
  const bw = W / shares.length;
  const x = (v: number) => Math.min(W - 1.5, Math.max(1.5, (v / upper) * W));
  const shown = markers.filter((m) => m.value > 0);
  const strong = (m: Marker) => m.label.endsWith('99.5 %');
  return (
    <figure data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={label}>
        <line x1={0} y1={H - 0.5} x2={W} y2={H - 0.5} className="stroke-slate-300 dark:stroke-slate-600" />
        {shares.map((s, i) => {
          const h = s > 0 ? Math.max(2, (Math.sqrt(s) / max) * (H - top)) : 0;
          // biome-ignore lint/suspicious/noArrayIndexKey: a histogram bin's identity is its position on the axis.
          return <rect key={i} x={i * bw + 0.5} y={H - h} width={Math.max(0.5, bw - 1)} height={h} className="fill-indigo-400 dark:fill-indigo-500" />;
        })}
        {shown.map((m) => (
          <line
            key={m.label}
            x1={x(m.value)}
            y1={0}
            x2={x(m.value)}
            y2={H}
            strokeDasharray={m.tone === 'es' ? '6 4' : undefined}
            strokeOpacity={strong(m) ? 1 : 0.45}
            className={m.tone === 'var' ? 'stroke-amber-600' : 'stroke-rose-600'}
            strokeWidth={3}
          />
        ))}
      </svg>
      <div className="flex justify-between text-xs text-slate-500 dark:text-slate-400">
        <span>0</span>
        <span>{formatValue(upper)}</span>
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600 dark:text-slate-300">
        {shown.map((m) => (
          <li key={m.label} className="flex items-center gap-1">
            <span
              aria-hidden
              className={`inline-block w-4 border-t-2 ${m.tone === 'var' ? 'border-amber-600' : 'border-dashed border-rose-600'} ${strong(m) ? '' : 'opacity-50'}`}
            />
            {m.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** A half-circle gauge for a solvency ratio: red below 1×, amber to 1.5×, green above; the needle stops at 3×. */
export function SolvencyGauge({ ratio, label, testId }: { ratio: number; label: string; testId?: string }) {
  const R = 80;
  const cx = 100;
  const cy = 95;
  const max = 3;
  const point = (v: number) => {
    const a = Math.PI * (1 - Math.min(max, Math.max(0, v)) / max);
    return [cx + R * Math.cos(a), cy - R * Math.sin(a)] as const;
  };
  const arc = (from: number, to: number) => {
    const [x1, y1] = point(from);
    const [x2, y2] = point(to);
    return `M ${x1} ${y1} A ${R} ${R} 0 0 1 ${x2} ${y2}`;
  };
  const [nx, ny] = point(Number.isFinite(ratio) ? ratio : max);
  return (
    <svg viewBox="0 0 200 110" className="h-auto w-full max-w-56" role="img" aria-label={label} data-testid={testId}>
      <path d={arc(0, 1)} className="fill-none stroke-rose-500" strokeWidth={12} />
      <path d={arc(1, 1.5)} className="fill-none stroke-amber-400" strokeWidth={12} />
      <path d={arc(1.5, max)} className="fill-none stroke-emerald-500" strokeWidth={12} />
      <line x1={cx} y1={cy} x2={nx} y2={ny} className="stroke-slate-800 dark:stroke-slate-100" strokeWidth={3} strokeLinecap="round" />
      <circle cx={cx} cy={cy} r={4} className="fill-slate-800 dark:fill-slate-100" />
      <text x={cx - R} y={cy + 13} textAnchor="middle" className="fill-slate-500 text-[9px]">
        0×
      </text>
      <text x={cx} y={cy - R - 6} textAnchor="middle" className="fill-slate-500 text-[9px]">
        1.5×
      </text>
      <text x={cx + R} y={cy + 13} textAnchor="middle" className="fill-slate-500 text-[9px]">
        ≥ 3×
      </text>
    </svg>
  );
}

export type LinePoint = { x: number; y: number };

/** A line chart with an optional horizontal reference line (e.g. solvency 1×); labels in HTML around it. */
export function LineChart({
  series,
  label,
  xLabel,
  yFormat,
  reference,
  testId,
  height = 150,
}: {
  series: Array<{ points: LinePoint[]; tone: string; dot: string; name: string }>;
  label: string;
  xLabel: (x: number) => string;
  yFormat: (y: number) => string;
  reference?: number;
  testId?: string;
  height?: number;
}) {
  const H = height;
  const pad = 6;
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.y));
  if (all.length === 0) return null;
  const xs = all.map((p) => p.x);
  const ys = [...all.map((p) => p.y), ...(reference !== undefined ? [reference] : [])];
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 < 1e-9) [y0, y1] = [y0 - 1, y1 + 1];
  const xAt = (x: number) => pad + ((x - x0) / (x1 - x0 || 1)) * (W - 2 * pad);
  const yAt = (y: number) => pad + (1 - (y - y0) / (y1 - y0)) * (H - 2 * pad);
  return (
    <figure data-testid={testId}>
      <div className="flex gap-1">
        <div className="flex w-12 shrink-0 flex-col justify-between text-right text-xs text-slate-500 dark:text-slate-400" aria-hidden>
          <span>{yFormat(y1)}</span>
          <span>{yFormat(y0)}</span>
        </div>
        <svg viewBox={`0 0 ${W} ${H}`} className="h-auto min-w-0 flex-1" role="img" aria-label={label}>
          <line x1={0} y1={H - 0.5} x2={W} y2={H - 0.5} className="stroke-slate-300 dark:stroke-slate-600" />
          {reference !== undefined ? (
            <line x1={0} y1={yAt(reference)} x2={W} y2={yAt(reference)} strokeDasharray="6 4" strokeWidth={2} className="stroke-rose-500" />
          ) : null}
          {series.map((s) => {
            const pts = s.points.filter((p) => Number.isFinite(p.y));
            return (
              <g key={s.name}>
                <polyline points={pts.map((p) => `${xAt(p.x)},${yAt(p.y)}`).join(' ')} className={`fill-none ${s.tone}`} strokeWidth={3} />
                {pts.map((p) => (
                  <circle key={p.x} cx={xAt(p.x)} cy={yAt(p.y)} r={4} className={s.dot} />
                ))}
              </g>
            );
          })}
        </svg>
      </div>
      <div className="ml-[3.25rem] flex justify-between text-xs text-slate-500 dark:text-slate-400" aria-hidden>
        <span>{xLabel(x0)}</span>
        <span>{xLabel(x1)}</span>
      </div>
    </figure>
  );
}

/** Horizontal bars around a centre line: longs' notional below spot, shorts' above, by liquidation price. */
export function LiquidationBars({
  bins,
  spotUsd,
  label,
  testId,
}: {
  bins: Array<{ fromUsd: number; toUsd: number; longNotional: number; shortNotional: number }>;
  spotUsd: number;
  label: string;
  testId?: string;
}) {
  const H = 160;
  const pad = { l: 2, r: 2, t: 4, b: 2 };
  const max = Math.max(1, ...bins.map((b) => Math.max(b.longNotional, b.shortNotional)));
  const bw = (W - pad.l - pad.r) / bins.length;
  const lo = bins[0]?.fromUsd ?? 0;
  const hi = bins[bins.length - 1]?.toUsd ?? 1;
  const sx = pad.l + ((spotUsd - lo) / (hi - lo)) * (W - pad.l - pad.r);
  return (
    <figure data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={label}>
        {bins.map((b, i) => {
          const hl = (b.longNotional / max) * (H - pad.t - pad.b);
          const hs = (b.shortNotional / max) * (H - pad.t - pad.b);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a price bucket's identity is its position on the axis.
            <g key={i}>
              {hl > 0 ? <rect x={pad.l + i * bw + 0.5} y={H - pad.b - hl} width={bw - 1} height={hl} className="fill-rose-400" /> : null}
              {hs > 0 ? <rect x={pad.l + i * bw + 0.5} y={H - pad.b - hs} width={bw - 1} height={hs} className="fill-sky-400" /> : null}
            </g>
          );
        })}
        <line x1={sx} y1={pad.t} x2={sx} y2={H - pad.b} strokeDasharray="6 4" strokeWidth={2} className="stroke-slate-700 dark:stroke-slate-200" />
      </svg>
      <div className="flex justify-between text-xs text-slate-500 dark:text-slate-400" aria-hidden>
        <span>{formatAmount(BigInt(Math.round(lo)), 0)}</span>
        <span>dashed: spot {formatAmount(BigInt(Math.round(spotUsd)), 0)}</span>
        <span>{formatAmount(BigInt(Math.round(hi)), 0)}</span>
      </div>
    </figure>
  );
}
