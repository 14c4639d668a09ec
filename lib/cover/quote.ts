// Twins of the premium in contracts/src/libraries/CoverPricing.sol (`floorRateUp`, `premiumUp`, `quote`)
// and of the checks `CoverMarket.quote` runs around it (`quoteCover`). Same integer operations, same
// rounding (every premium rounds up: in the pool's favour), same reverts as thrown errors.
import { WAD } from '@/lib/math/fixedPointMath';
import { touchProbability } from '@/lib/math/touchProbability';
import { ceilDiv, CoverPricingOutOfDomain, markupIntegralDown, MAX_TOTAL_ASSETS, assertPricing, type Pricing } from './markup';

export const YEAR = 365n * 86_400n;
/** `CoverPricing.MAX_DURATION`: the premium's domain (products are bounded far below it). */
export const MAX_PRICING_DURATION = 100n * YEAR;
/** `CoverMarket.MAX_STRIKE`: a cover stores its strike in 72 bits. */
export const MAX_STRIKE = (1n << 72n) - 1n;

/** ⌈minRate × duration / 365 days⌉ (WAD). Mirrors `CoverPricing.floorRateUp`. */
export function floorRateUp(duration: bigint, p: Pricing): bigint {
  assertPricing(p);
  if (duration < 0n || duration > MAX_PRICING_DURATION) throw new CoverPricingOutOfDomain(0n, 0n, 0n, 0n, duration);
  return ceilDiv(p.minRate * duration, YEAR);
}

/**
 * The premium (base units, rounded up, ≤ payout):
 *   min(payout, max(⌈P_touch × (A(locked + payout) − A(locked)) / 1e36⌉, ⌈payout × floorRate / 1e18⌉)).
 * Mirrors `CoverPricing.premiumUp`.
 */
export function premiumUp(payout: bigint, pTouch: bigint, locked: bigint, totalAssets: bigint, duration: bigint, p: Pricing): bigint {
  if (
    payout <= 0n ||
    pTouch < 0n ||
    pTouch > WAD ||
    totalAssets <= 0n ||
    totalAssets > MAX_TOTAL_ASSETS ||
    locked < 0n ||
    locked > totalAssets ||
    payout > totalAssets - locked ||
    duration < 0n ||
    duration > MAX_PRICING_DURATION
  ) {
    throw new CoverPricingOutOfDomain(payout, pTouch, locked, totalAssets, duration);
  }
  const cost = markupIntegralDown(locked + payout, totalAssets, p) - markupIntegralDown(locked, totalAssets, p);
  const touchPart = ceilDiv(pTouch * cost, WAD * WAD);
  const floorPart = ceilDiv(payout * floorRateUp(duration, p), WAD);
  const premium = touchPart > floorPart ? touchPart : floorPart;
  return premium < payout ? premium : payout;
}

/**
 * The whole quote from market inputs: `premiumUp` with P_touch = touchProbability(spot, strike, sigma,
 * duration). Mirrors `CoverPricing.quote` (which `CoverMarket.quote` runs inline).
 */
export function quote(
  spot: bigint,
  strike: bigint,
  sigma: bigint,
  duration: bigint,
  payout: bigint,
  locked: bigint,
  totalAssets: bigint,
  p: Pricing,
): bigint {
  return premiumUp(payout, touchProbability(spot, strike, sigma, duration), locked, totalAssets, duration, p);
}

// ---------------------------------------------------------------------------------------------------
// CoverMarket.quote

export type Direction = 'Down' | 'Up';

/** What `CoverMarket.quote` reads from the product (`CoverMarket.product(id)`). */
export type ProductTerms = { direction: Direction; minDuration: bigint; maxDuration: bigint; pricing: Pricing };

/**
 * What `CoverMarket.quote` reads from chain at one block: the feed's latest answer (`spot`, feed units),
 * the oracle's clamped σ (WAD), the backing pool's locked and total assets (base units).
 */
export type MarketSnapshot = { spot: bigint; sigma: bigint; locked: bigint; totalAssets: bigint };

type CoverMarketErrorName =
  | 'CoverMarketZeroPayout'
  | 'CoverMarketDurationOutOfBounds'
  | 'CoverMarketStrikeOutOfRange'
  | 'CoverMarketStrikeBreached'
  | 'CoverMarketInsufficientCapital'
  | 'CoverMarketUninsurable';

/** Thrown where `CoverMarket.quote` / `buyCover` revert with the custom error `errorName(...args)`. */
export class CoverMarketError extends Error {
  constructor(
    readonly errorName: CoverMarketErrorName,
    readonly args: readonly bigint[],
  ) {
    super(`${errorName}(${args.join(', ')})`);
  }
}

/**
 * The premium `CoverMarket.quote(productId, strike, payout, duration)` returns for the given snapshot,
 * with its checks in the contract's order. Freshness of the price and of σ and the L2 sequencer are
 * chain-state checks the caller makes when it takes the snapshot (the contract reverts
 * `CoverMarketStalePrice` / `CoverMarketStaleVolatility` / `CoverMarketSequencer*` before pricing).
 */
export function quoteCover(product: ProductTerms, market: MarketSnapshot, strike: bigint, payout: bigint, duration: bigint): bigint {
  if (payout === 0n) throw new CoverMarketError('CoverMarketZeroPayout', []);
  if (duration < product.minDuration || duration > product.maxDuration) {
    throw new CoverMarketError('CoverMarketDurationOutOfBounds', [duration, product.minDuration, product.maxDuration]);
  }
  if (strike === 0n || strike > MAX_STRIKE) throw new CoverMarketError('CoverMarketStrikeOutOfRange', [strike, MAX_STRIKE]);
  const breached = product.direction === 'Down' ? strike >= market.spot : strike <= market.spot;
  if (breached) throw new CoverMarketError('CoverMarketStrikeBreached', [strike, market.spot]);
  const free = market.totalAssets > market.locked ? market.totalAssets - market.locked : 0n;
  if (payout > free) throw new CoverMarketError('CoverMarketInsufficientCapital', [payout, free]);
  const premium = quote(market.spot, strike, market.sigma, duration, payout, market.locked, market.totalAssets, product.pricing);
  if (premium >= payout) throw new CoverMarketError('CoverMarketUninsurable', [premium, payout]);
  return premium;
}
