// Twin of contracts/src/libraries/CoverPricing.sol: the kinked utilization markup and the area under it,
// the charged length of a lock, the cost-of-capital floor and the premium (`chargedLength`, `floorRateUp`,
// `premiumUp`, `quoteUp`). Same integer operations, same rounding (every premium rounds up: in the pool's
// favour), so a preview in the browser is bit for bit what the contract charges; where the library
// reverts the twin throws `CoverPricingOutOfDomain`. The checks `CoverMarket.quote` runs around it are
// lib/mirror/CoverMarket.ts. Proven equal on anvil by CoverPricing.parity.test.ts.
import { ceilDiv, ContractRevert } from './evm';
import { touchProbability } from './TouchProbability';
import { DAY, WAD, YEAR } from './units';

/** `CoverPricing.MAX_DURATION`: the premium's domain (products are bounded far below it). */
export const MAX_PRICING_DURATION = 100n * YEAR;
/** `CoverPricing.MIN_CHARGED_LENGTH`: the shortest lock a premium is charged for. */
export const MIN_CHARGED_LENGTH = 2n * DAY;

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

/** The library's one revert, `CoverPricingOutOfDomain(payout, pTouch, locked, totalAssets, duration)`. */
function outOfDomain(payout: bigint, pTouch: bigint, locked: bigint, totalAssets: bigint, duration: bigint): ContractRevert {
  return new ContractRevert('CoverPricing', 'CoverPricingOutOfDomain', [payout, pTouch, locked, totalAssets, duration]);
}

/** Rejects what the ABI would refuse to encode: a pricing field outside uint64. */
export function assertPricing(p: Pricing): void {
  for (const [k, v] of Object.entries(p)) {
    if (v < 0n || v > MAX_UINT64) throw new RangeError(`pricing.${k} = ${v} is not a uint64`);
  }
}

/**
 * The markup curve at `utilization` (WAD): base + slope·min(u, kink) + steepSlope·max(u − kink, 0), each
 * product rounded down. For display; premiums use its area (`markupIntegralDown`).
 * Mirrors `CoverPricing.markupDown`.
 */
export function markupDown(utilization: bigint, p: Pricing): bigint {
  assertPricing(p);
  if (utilization < 0n || utilization > MAX_TOTAL_ASSETS) throw outOfDomain(0n, 0n, utilization, 0n, 0n);
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
    throw outOfDomain(x, 0n, 0n, totalAssets, 0n);
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
    throw outOfDomain(payout, 0n, locked, totalAssets, 0n);
  }
  const cost = markupIntegralDown(locked + payout, totalAssets, p) - markupIntegralDown(locked, totalAssets, p);
  return ceilDiv(cost, payout);
}

/**
 * The length a cover's lock is charged for (seconds): from `now` to the start of the day the pool releases
 * it, `releaseDay = (now + duration + claimGrace) / 1 day + 1`, at least `MIN_CHARGED_LENGTH`.
 * Mirrors `CoverPricing.chargedLength`.
 */
export function chargedLength(now: bigint, duration: bigint, claimGrace: bigint): bigint {
  if (now < 0n || duration < 0n || claimGrace < 0n || now > MAX_PRICING_DURATION * 2n || duration > MAX_PRICING_DURATION || claimGrace > MAX_PRICING_DURATION) {
    throw outOfDomain(0n, 0n, claimGrace, now, duration);
  }
  const length = ((now + duration + claimGrace) / DAY + 1n) * DAY - now;
  return length > MIN_CHARGED_LENGTH ? length : MIN_CHARGED_LENGTH;
}

/** ⌈minRate × length / 365 days⌉ (WAD): the cost of capital over a lock. Mirrors `CoverPricing.floorRateUp`. */
export function floorRateUp(length: bigint, p: Pricing): bigint {
  assertPricing(p);
  if (length < 0n || length > MAX_PRICING_DURATION) throw outOfDomain(0n, 0n, 0n, 0n, length);
  return ceilDiv(p.minRate * length, YEAR);
}

/**
 * The premium (base units, rounded up, ≤ payout):
 *   min(payout, ⌈max(P_touch, floorRate(length)) × (A(locked + payout) − A(locked)) / 1e36⌉).
 * Mirrors `CoverPricing.premiumUp`.
 */
export function premiumUp(payout: bigint, pTouch: bigint, locked: bigint, totalAssets: bigint, length: bigint, p: Pricing): bigint {
  if (
    payout <= 0n ||
    pTouch < 0n ||
    pTouch > WAD ||
    totalAssets <= 0n ||
    totalAssets > MAX_TOTAL_ASSETS ||
    locked < 0n ||
    locked > totalAssets ||
    payout > totalAssets - locked ||
    length < 0n ||
    length > MAX_PRICING_DURATION
  ) {
    throw outOfDomain(payout, pTouch, locked, totalAssets, length);
  }
  const cost = markupIntegralDown(locked + payout, totalAssets, p) - markupIntegralDown(locked, totalAssets, p);
  const floor = floorRateUp(length, p);
  const rate = pTouch > floor ? pTouch : floor;
  const premium = ceilDiv(rate * cost, WAD * WAD);
  return premium < payout ? premium : payout;
}

/**
 * The whole quote from market inputs, rounded up: `premiumUp` with P_touch = touchProbability(spot, strike, sigma,
 * duration) and the lock charged for `length` (`chargedLength`). Mirrors `CoverPricing.quoteUp` (which
 * `CoverMarket.quote` runs inline).
 */
export function quoteUp(
  spot: bigint,
  strike: bigint,
  sigma: bigint,
  duration: bigint,
  length: bigint,
  payout: bigint,
  locked: bigint,
  totalAssets: bigint,
  p: Pricing,
): bigint {
  return premiumUp(payout, touchProbability(spot, strike, sigma, duration), locked, totalAssets, length, p);
}
