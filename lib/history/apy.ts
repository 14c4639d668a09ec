// Realised yield over a trailing window (7 or 30 days), computed one way for the indexer API and the
// app. Analytics, so floating point: no transaction carries these numbers.

export const YEAR_SECONDS = 365 * 86_400;

/** Premium or fee income: `amount` earned linearly from `timestamp` until `earnedAt` (unix seconds). */
export type Income = { amount: bigint; timestamp: bigint; earnedAt: bigint };

/** A pool's state at a moment: its assets and share price (assets per 1e18 shares, base units). */
export type PoolPoint = { timestamp: bigint; totalAssets: bigint; sharePrice: bigint };

/** The part of each income earned inside [from, to]: premiums and streamed fees accrue linearly. */
export function earnedInWindow(incomes: readonly Income[], from: number, to: number): number {
  let earned = 0;
  for (const income of incomes) {
    const start = Number(income.timestamp);
    const end = Number(income.earnedAt);
    const amount = Number(income.amount);
    if (end <= start) {
      if (start >= from && start <= to) earned += amount; // earned at once
      continue;
    }
    const overlap = Math.min(end, to) - Math.max(start, from);
    if (overlap > 0) earned += (amount * overlap) / (end - start);
  }
  return earned;
}

/** Time-weighted average of total assets over [from, to] (the value before `from` carries in). */
export function averageAssets(points: readonly PoolPoint[], from: number, to: number): number {
  if (to <= from) return 0;
  const sorted = [...points].sort((a, b) => Number(a.timestamp - b.timestamp));
  let area = 0;
  let level = 0;
  let cursor = from;
  for (const p of sorted) {
    const t = Number(p.timestamp);
    if (t <= from) {
      level = Number(p.totalAssets);
      continue;
    }
    if (t >= to) break;
    area += level * (t - cursor);
    cursor = t;
    level = Number(p.totalAssets);
  }
  area += level * (to - cursor);
  return area / (to - from);
}

/** Simple annualised income yield: income earned in the window ÷ average assets, scaled to a year. */
/** A pool younger than the window is measured over its life, not diluted by the time before it. */
export function incomeApy(incomes: readonly Income[], points: readonly PoolPoint[], from: number, to: number): number | null {
  if (points.length === 0) return null;
  const start = Math.max(from, Math.min(...points.map((p) => Number(p.timestamp))));
  const assets = averageAssets(points, start, to);
  if (assets <= 0 || to <= start) return null;
  return (earnedInWindow(incomes, start, to) / assets) * (YEAR_SECONDS / (to - start));
}

/** Compounded share-price return over the window, annualised: net of losses, what holders really got. */
export function sharePriceApy(points: readonly PoolPoint[], from: number, to: number): number | null {
  const sorted = [...points].sort((a, b) => Number(a.timestamp - b.timestamp));
  const before = sorted.filter((p) => Number(p.timestamp) <= from).at(-1) ?? sorted.find((p) => Number(p.timestamp) <= to);
  const after = sorted.filter((p) => Number(p.timestamp) <= to).at(-1);
  if (!before || !after || before.sharePrice === 0n) return null;
  const span = to - Math.max(from, Number(before.timestamp));
  if (span <= 0) return null;
  const growth = Number(after.sharePrice) / Number(before.sharePrice);
  return growth ** (YEAR_SECONDS / span) - 1;
}
