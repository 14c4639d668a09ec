// Predictive liquidation prevention: the probability that the price touches a position's liquidation
// price within a horizon (the cover market's `touchProbability` twin at the oracle's σ), and the exact
// margin to add so that probability falls to a threshold — by a monotone integer search over the twins,
// so the amount is the least whole stablecoin unit `addMargin` accepts that achieves it.
import { MAX_PRICE as TOUCH_MAX_PRICE, touchProbability } from '@/lib/mirror/TouchProbability';
import { liquidationPrice, MAX_MARGIN, WAD } from '@/lib/mirror/PerpMath';

export const DAY = 86_400n;

/** What the search needs of a position (from `positionState`). */
export type MarginedPosition = {
  isLong: boolean;
  size: bigint;
  entryPrice: bigint;
  margin: bigint;
  socialLossCharge: bigint;
  maintenanceFraction: bigint;
};

/**
 * P(touch the liquidation price within `horizon`) as a WAD. A long with no positive liquidation price
 * (0) can never be liquidated: 0. A position already at or past it: 1.
 */
export function liquidationTouchProbability(isLong: boolean, spot: bigint, liquidation: bigint, sigma: bigint, horizon: bigint = DAY): bigint {
  if (isLong ? liquidation === 0n : liquidation > TOUCH_MAX_PRICE) return 0n;
  if (isLong ? spot <= liquidation : spot >= liquidation) return WAD;
  return touchProbability(spot, liquidation, sigma, horizon);
}

/** The liquidation price after adding `amount` to the margin (exact, PerpMath twin). */
export function liquidationPriceAfterAdding(p: MarginedPosition, amount: bigint, scale: bigint): bigint {
  return liquidationPrice(p.isLong, p.size, p.entryPrice, p.margin + amount - p.socialLossCharge, p.maintenanceFraction, scale);
}

/** Distance from the price now to the liquidation price, as a WAD fraction of the price (0 when at or past it). */
export function distanceToLiquidation(isLong: boolean, spot: bigint, liquidation: bigint): bigint {
  if (isLong) return liquidation >= spot ? 0n : ((spot - liquidation) * WAD) / spot;
  return liquidation <= spot ? 0n : ((liquidation - spot) * WAD) / spot;
}

export type MarginRemedy =
  | { kind: 'none-needed'; probability: bigint }
  | { kind: 'add'; amount: bigint; probability: bigint; liquidationPrice: bigint }
  | { kind: 'impossible' };

/**
 * The least whole amount (stablecoin units, ≥ 1) to add to the margin so that the touch probability
 * within `horizon` at σ is at most `threshold` (a WAD). Adding margin moves a long's liquidation price
 * down and a short's up (never the other way), so the probability is non-increasing in the amount and a
 * binary search over integers finds the least one: P(amount) ≤ threshold < P(amount − 1).
 * `impossible` when even the most margin a position can hold (2^96 − 1) does not reach the threshold.
 */
export function marginToReachTouchProbability(
  p: MarginedPosition,
  spot: bigint,
  sigma: bigint,
  threshold: bigint,
  scale: bigint,
  horizon: bigint = DAY,
): MarginRemedy {
  const probabilityAfter = (amount: bigint) => liquidationTouchProbability(p.isLong, spot, liquidationPriceAfterAdding(p, amount, scale), sigma, horizon);
  const now = probabilityAfter(0n);
  if (now <= threshold) return { kind: 'none-needed', probability: now };
  const ceiling = MAX_MARGIN - p.margin;
  if (ceiling < 1n || probabilityAfter(ceiling) > threshold) return { kind: 'impossible' };
  // Invariant: P(low) > threshold, P(high) ≤ threshold. Grow `high` geometrically first (cheap for the usual case).
  let low = 0n;
  let high = 1n;
  while (high < ceiling && probabilityAfter(high) > threshold) {
    low = high;
    high = high * 2n > ceiling ? ceiling : high * 2n;
  }
  while (high - low > 1n) {
    const mid = (low + high) / 2n;
    if (probabilityAfter(mid) <= threshold) high = mid;
    else low = mid;
  }
  return { kind: 'add', amount: high, probability: probabilityAfter(high), liquidationPrice: liquidationPriceAfterAdding(p, high, scale) };
}
