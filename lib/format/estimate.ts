// Words for the risk analytics' floating-point estimates: amounts go through the one amount formatter
// (rounded to a whole base unit first: an estimate is never a transaction amount), ratios and
// probabilities get fixed, readable precision.
import { formatAssets } from './tokenAmount';
import { formatAmount } from './amount';

/** Base units (a float estimate) as "12,345 USDC" — whole USDC unless the amount is under 100. */
export function formatEstimateAssets(baseUnits: number): string {
  if (!Number.isFinite(baseUnits)) return '—';
  const v = BigInt(Math.round(Math.max(0, baseUnits)));
  return formatAssets(v, { maxFractionDigits: v < 100_000_000n ? 2 : 0 });
}

/** A solvency-style ratio: "4.32×", "> 1,000×", "∞" (nothing at risk). */
export function formatRatio(x: number): string {
  if (x === Infinity) return '∞';
  if (!Number.isFinite(x)) return '—';
  if (x >= 1_000) return '> 1,000×';
  return `${x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2)}×`;
}

/** A probability or share: "12.3 %", "< 0.01 %", "0 %". */
export function formatProbability(p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p === 0) return '0 %';
  if (p < 0.0001) return '< 0.01 %';
  return `${(p * 100).toFixed(p < 0.01 ? 2 : 1)} %`;
}

/** A signed move: "−20 %", "+5 %". */
export function formatMove(move: number, digits = 0): string {
  const v = (move * 100).toFixed(digits);
  return move < 0 ? `−${v.slice(1)} %` : `+${v} %`;
}

/** Days: "38 days", "> 10 years", "never". */
export function formatDays(days: number): string {
  if (days === Infinity) return 'never';
  if (!Number.isFinite(days)) return '—';
  if (days > 3_650) return '> 10 years';
  // The shared bigint formatter, not Intl: a page's first Intl call sets up ICU (~40 ms, ~170 ms at 4× CPU).
  return `${formatAmount(BigInt(Math.round(days)), 0)} days`;
}

/** An annualised yield (a fraction): "24.10%", "−3.05%", "—" when unknown. Losses keep their minus sign. */
export function formatYield(y: number | null | undefined): string {
  if (y === null || y === undefined || !Number.isFinite(y)) return '—';
  const v = (Math.abs(y) * 100).toFixed(2);
  return y < 0 && v !== '0.00' ? `−${v}%` : `${v}%`;
}
