// Axis ticks for the app's hand-drawn SVG charts (the cover form's strike chart): round numbers on a
// value axis, and a few labelled rounds on an axis where each oracle round takes the same width.
// Chart coordinates only: floats are fine here; no amount of money passes through.
import { formatTimestamp } from '../format/duration';

/** A value axis: its domain widened to whole steps, the ticks on it (every step, both ends included) and the decimals a label needs. */
export type NiceAxis = { domain: [number, number]; ticks: number[]; step: number; decimals: number };

const MANTISSAS = [1, 2, 5] as const;
/** The finest span an axis resolves: charts draw prices and percentages, never anything this small. */
const RESOLUTION = 1e-9;

/** `mantissa × 10^exponent` without the float drift of multiplying by a negative power (0.1 × 3 = 0.30000000000000004). */
function scaled(units: number, exponent: number): number {
  return exponent >= 0 ? units * 10 ** exponent : units / 10 ** -exponent;
}

/**
 * A value axis with round-number ticks: the smallest step of 1, 2 or 5 × 10^k that covers [lo, hi]
 * with at most `maxTicks` ticks once both ends are moved out to whole steps (so the axis starts and
 * ends on a labelled round number, and there are always at least two ticks). lo ≥ 0 stays ≥ 0.
 * Throws on a non-finite bound or `maxTicks` < 3; a collapsed range (lo = hi, or
 * narrower than 1e-9 or than 1e-12 of its size) is widened around the value.
 */
export function niceAxis(lo: number, hi: number, maxTicks = 6): NiceAxis {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError(`niceAxis: bounds must be finite (got ${lo}, ${hi})`);
  // Three, because a range across zero needs −step, 0 and step at the least.
  if (!Number.isInteger(maxTicks) || maxTicks < 3) throw new RangeError(`niceAxis: maxTicks must be an integer ≥ 3 (got ${maxTicks})`);
  let [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
  // A range too narrow to draw (or to step through in doubles) is treated as one value.
  if (b - a <= Math.max(Math.abs(a) * 1e-12, Math.abs(b) * 1e-12, RESOLUTION)) {
    const pad = Math.abs(a) * 0.05 > RESOLUTION ? Math.abs(a) * 0.05 : 1;
    [a, b] = [a >= 0 ? Math.max(0, a - pad) : a - pad, b + pad];
  }
  // Start one decade below the step that would split the span into maxTicks − 1 parts, then grow.
  let exponent = Math.floor(Math.log10((b - a) / (maxTicks - 1))) - 1;
  // Ends when the step passes the span's size (at most a few rounds); the bound only guards the loop.
  for (; exponent <= 308; exponent++) {
    for (const mantissa of MANTISSAS) {
      const step = scaled(mantissa, exponent);
      let first = Math.floor(a / step);
      let last = Math.ceil(b / step);
      // a / step can round onto a whole number the exact quotient is just short of: keep both ends outside [a, b].
      if (scaled(first * mantissa, exponent) > a) first--;
      if (scaled(last * mantissa, exponent) < b) last++;
      if (last - first + 1 <= maxTicks) {
        const ticks: number[] = [];
        for (let n = first; n <= last; n++) ticks.push(scaled(n * mantissa, exponent));
        return { domain: [ticks[0]!, ticks.at(-1)!], ticks, step, decimals: Math.max(0, -exponent) };
      }
    }
  }
  throw new RangeError(`niceAxis: no step fits [${lo}, ${hi}]`);
}

/** A tick's label: grouped thousands and exactly the decimals the step needs ("2,450", "0.25" → step 0.05 gives "0.25"). */
export function tickLabel(value: number, decimals: number): string {
  let format = TICK_FORMATS.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    TICK_FORMATS.set(decimals, format);
  }
  return format.format(value);
}
// One formatter per decimal count: toLocaleString with options builds a new Intl formatter per call.
const TICK_FORMATS = new Map<number, Intl.NumberFormat>();

/** A labelled position on an axis where each point takes the same width: the point's index and its label. */
export type IndexTick = { index: number; label: string };

/**
 * Labels for an axis of `times.length` evenly spaced points (oracle rounds, oldest first; unix seconds):
 * about `count` points spread evenly by index, first and last included. Each label is the UTC time
 * ("14:05") when it falls on the same day as the label before it, else the UTC date ("05-14"), so the
 * axis tells where days change even though the rounds, not the hours, are evenly spaced.
 */
export function roundAxisTicks(times: readonly number[], count = 4): IndexTick[] {
  const n = times.length;
  if (n === 0 || count < 1) return [];
  const wanted = Math.min(n, Math.max(1, Math.floor(count)));
  const indices = wanted === 1 ? [n - 1] : Array.from({ length: wanted }, (_, i) => Math.round((i * (n - 1)) / (wanted - 1)));
  const unique = [...new Set(indices)];
  let previousDay: string | undefined;
  return unique.map((index) => {
    const text = formatTimestamp(BigInt(Math.floor(times[index]!))); // "YYYY-MM-DD HH:MM UTC"
    const day = text.slice(0, 10);
    const label = day === previousDay ? text.slice(11, 16) : text.slice(5, 10);
    previousDay = day;
    return { index, label };
  });
}
