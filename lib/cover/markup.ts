// Twins of the markup functions in contracts/src/libraries/CoverPricing.sol: the kinked utilization
// curve and the area under it, with the same integer operations and the same rounding, so a preview in
// the browser is bit for bit what the contract charges.
import { WAD } from '@/lib/mirror/FixedPointMath';

/** Pricing parameters of a product, all WAD, each a uint64 on chain (`CoverPricing.Pricing`). */
export type Pricing = {
  /** Markup at zero utilization (1.2e18: premiums are 1.2 × the fair touch price). */
  baseMarkup: bigint;
  /** Markup added per unit of utilization below the kink. */
  slope: bigint;
  /** Markup added per unit of utilization above the kink. */
  steepSlope: bigint;
  /** Utilization (WAD) where the steep slope starts. */
  kink: bigint;
  /** Minimum premium rate per year (WAD). */
  minRate: bigint;
};

/** The pools account in uint96; the library's domain stops there (`CoverPricing.MAX_TOTAL_ASSETS`). */
export const MAX_TOTAL_ASSETS = (1n << 96n) - 1n;
const MAX_UINT64 = (1n << 64n) - 1n;

/** Thrown where the contract reverts with `CoverPricingOutOfDomain(payout, pTouch, locked, totalAssets, duration)`. */
export class CoverPricingOutOfDomain extends Error {
  readonly errorName = 'CoverPricingOutOfDomain';
  constructor(
    readonly payout: bigint,
    readonly pTouch: bigint,
    readonly locked: bigint,
    readonly totalAssets: bigint,
    readonly duration: bigint,
  ) {
    super(`CoverPricingOutOfDomain(${payout}, ${pTouch}, ${locked}, ${totalAssets}, ${duration})`);
  }
}

/** Rejects what the ABI would refuse to encode: a pricing field outside uint64. */
export function assertPricing(p: Pricing): void {
  for (const [k, v] of Object.entries(p)) {
    if (v < 0n || v > MAX_UINT64) throw new RangeError(`pricing.${k} = ${v} is not a uint64`);
  }
}

/** OpenZeppelin `Math.ceilDiv`: ⌈a / b⌉ for a ≥ 0, b > 0. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError('ceilDiv: division by zero');
  return a === 0n ? 0n : (a - 1n) / b + 1n;
}

/**
 * The markup curve at `utilization` (WAD): base + slope·min(u, kink) + steepSlope·max(u − kink, 0), each
 * product rounded down. For display; premiums use its area (`markupIntegralDown`).
 * Mirrors `CoverPricing.markup`.
 */
export function markup(utilization: bigint, p: Pricing): bigint {
  assertPricing(p);
  if (utilization < 0n || utilization > MAX_TOTAL_ASSETS) throw new CoverPricingOutOfDomain(0n, 0n, utilization, 0n, 0n);
  if (utilization <= p.kink) return p.baseMarkup + (p.slope * utilization) / WAD;
  return p.baseMarkup + (p.slope * p.kink) / WAD + (p.steepSlope * (utilization - p.kink)) / WAD;
}

/**
 * A(x): the area under the markup curve from 0 to `x` base units of locked capital in a pool of
 * `totalAssets` (base units × WAD), each term rounded down; the kink sits at ⌊kink·TA/1e18⌋ base units.
 * Mirrors `CoverPricing.markupIntegralDown`.
 */
export function markupIntegralDown(x: bigint, totalAssets: bigint, p: Pricing): bigint {
  assertPricing(p);
  if (totalAssets <= 0n || totalAssets > MAX_TOTAL_ASSETS || x < 0n || x > totalAssets) {
    throw new CoverPricingOutOfDomain(x, 0n, 0n, totalAssets, 0n);
  }
  const kinkAssets = (totalAssets * p.kink) / WAD;
  const below = x < kinkAssets ? x : kinkAssets;
  const above = x - below;
  return (
    p.baseMarkup * x +
    (p.slope * below * below) / (2n * totalAssets) +
    (p.slope * kinkAssets * above) / totalAssets +
    (p.steepSlope * above * above) / (2n * totalAssets)
  );
}

/**
 * The average markup (WAD) a cover of `payout` pays on top of `locked`, rounded up:
 * ⌈(A(locked + payout) − A(locked)) / payout⌉. Mirrors `CoverPricing.averageMarkupUp`.
 */
export function averageMarkupUp(locked: bigint, payout: bigint, totalAssets: bigint, p: Pricing): bigint {
  if (payout <= 0n || locked < 0n || locked > totalAssets || payout > totalAssets - locked) {
    throw new CoverPricingOutOfDomain(payout, 0n, locked, totalAssets, 0n);
  }
  const cost = markupIntegralDown(locked + payout, totalAssets, p) - markupIntegralDown(locked, totalAssets, p);
  return ceilDiv(cost, payout);
}
