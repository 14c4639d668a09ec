// The recent price for the cover form's strike chart: which rounds to read, the rounds as chart points,
// the y-axis range (lib/chart/axisTicks rounds it to ticks), and a clicked price as a strike the form
// can check. Chart coordinates only: floats are fine for drawing; the strike goes back to the form as
// text, and `checkCover` parses and judges it exactly like a typed one.
import { formatUnits } from 'viem';
import { parseAmount } from '../format/amount';
import { aggregatorRoundOf, phaseOf, proxyRoundId, type Round } from './findClaimRound';

/** Most rounds the chart reads (one batch of `getRoundData` calls). */
export const MAX_HISTORY_ROUNDS = 60;

/** One point of the chart: unix seconds and the price in USD. */
export type PricePoint = { t: number; price: number };

/**
 * The ids of the last `count` rounds up to `latest`, oldest first, inside `latest`'s phase (round ids
 * restart at 1 in each phase, so the previous phase's last id is not `latest - 1`). `count` is capped
 * at MAX_HISTORY_ROUNDS; no round yet (`latest` 0) gives none.
 */
export function recentRoundIds(latest: bigint, count: number = MAX_HISTORY_ROUNDS): bigint[] {
  const phase = phaseOf(latest);
  const last = aggregatorRoundOf(latest);
  const n = BigInt(Math.max(0, Math.min(Math.floor(count), MAX_HISTORY_ROUNDS)));
  const first = last >= n ? last - n + 1n : 1n;
  const ids: bigint[] = [];
  for (let r = first; r <= last; r++) ids.push(proxyRoundId(phase, r));
  return ids;
}

/** Rounds → chart points sorted by time (then round id); rounds with no price (answer ≤ 0) or no time (updatedAt 0) are dropped. */
export function priceSeries(rounds: readonly Round[], feedDecimals: number): PricePoint[] {
  return rounds
    .filter((r) => r.answer > 0n && r.updatedAt > 0n)
    .sort((a, b) => (a.updatedAt === b.updatedAt ? (a.roundId < b.roundId ? -1 : a.roundId > b.roundId ? 1 : 0) : a.updatedAt < b.updatedAt ? -1 : 1))
    .map((r) => ({ t: Number(r.updatedAt), price: Number(formatUnits(r.answer, feedDecimals)) }));
}

/**
 * The y-axis range: every price and every mark (strike, spot; undefined or non-finite marks are
 * skipped), widened by `padding` of the span on each side (or of the value when all are equal), never
 * below 0. Always lo < hi, so the axis has room to draw.
 */
export function priceDomain(points: readonly PricePoint[], marks: readonly (number | undefined)[] = [], padding = 0.08): [number, number] {
  const values = [...points.map((p) => p.price), ...marks].filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (values.length === 0) return [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = hi > lo ? (hi - lo) * padding : Math.abs(hi) * padding || 1;
  return [Math.max(0, lo - pad), hi + pad];
}

/**
 * A price picked on the chart as the strike field's text: the nearest cent, e.g. 2431.256 → "2431.26".
 * No nudging toward the safe side: the form's own checks say whether that strike can be bought.
 * Undefined when there is no such price (negative, not finite, or too large to round to a cent exactly).
 */
export function strikeInputFromPrice(price: number): string | undefined {
  if (!Number.isFinite(price) || price < 0 || price >= 1e13) return undefined; // ×100 stays an exact integer below 2^53
  return (Math.round(price * 100) / 100).toFixed(2);
}

/** Where to draw the strike line for what is in the field: a positive price, else nothing. */
export function strikeLineValue(input: string, feedDecimals: number): number | undefined {
  const parsed = parseAmount(input, feedDecimals);
  if (!parsed.ok || parsed.value <= 0n) return undefined;
  return Number(formatUnits(parsed.value, feedDecimals));
}

/** A chart price for labels and the screen-reader summary: grouped, at most cents ("2,431.26"). */
export function formatChartPrice(price: number): string {
  return CHART_PRICE.format(price);
}
// One formatter for every label: toLocaleString with options builds a new Intl formatter per call.
const CHART_PRICE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
