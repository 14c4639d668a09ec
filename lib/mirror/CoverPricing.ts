// Twins of the premium in contracts/src/libraries/CoverPricing.sol (`chargedLength`, `floorRateUp`,
// `premiumUp`, `quote`) and of the checks `CoverMarket.quote` runs around it (`quoteCover`). Same integer
// operations, same rounding (every premium rounds up: in the pool's favour), same reverts as thrown errors.
import { WAD } from '@/lib/mirror/FixedPointMath';
import { touchProbability } from '@/lib/mirror/TouchProbability';
import { ceilDiv, CoverPricingOutOfDomain, markupIntegralDown, MAX_TOTAL_ASSETS, assertPricing, type Pricing } from '../cover/markup';

export const YEAR = 365n * 86_400n;
export const DAY = 86_400n;
/** `CoverPricing.MAX_DURATION`: the premium's domain (products are bounded far below it). */
export const MAX_PRICING_DURATION = 100n * YEAR;
/** `CoverPricing.MIN_CHARGED_LENGTH`: the shortest lock a premium is charged for. */
export const MIN_CHARGED_LENGTH = 2n * DAY;
/** `CoverMarket.MAX_STRIKE`: a cover stores its strike in 72 bits. */
export const MAX_STRIKE = (1n << 72n) - 1n;
const MAX_UINT256 = (1n << 256n) - 1n;

/**
 * The length a cover's lock is charged for (seconds): from `now` to the start of the day the pool releases
 * it, `releaseDay = (now + duration + claimGrace) / 1 day + 1`, at least `MIN_CHARGED_LENGTH`.
 * Mirrors `CoverPricing.chargedLength`.
 */
export function chargedLength(now: bigint, duration: bigint, claimGrace: bigint): bigint {
  if (now < 0n || duration < 0n || claimGrace < 0n || now > MAX_PRICING_DURATION * 2n || duration > MAX_PRICING_DURATION || claimGrace > MAX_PRICING_DURATION) {
    throw new CoverPricingOutOfDomain(0n, 0n, claimGrace, now, duration);
  }
  const length = ((now + duration + claimGrace) / DAY + 1n) * DAY - now;
  return length > MIN_CHARGED_LENGTH ? length : MIN_CHARGED_LENGTH;
}

/** ⌈minRate × length / 365 days⌉ (WAD): the cost of capital over a lock. Mirrors `CoverPricing.floorRateUp`. */
export function floorRateUp(length: bigint, p: Pricing): bigint {
  assertPricing(p);
  if (length < 0n || length > MAX_PRICING_DURATION) throw new CoverPricingOutOfDomain(0n, 0n, 0n, 0n, length);
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
    throw new CoverPricingOutOfDomain(payout, pTouch, locked, totalAssets, length);
  }
  const cost = markupIntegralDown(locked + payout, totalAssets, p) - markupIntegralDown(locked, totalAssets, p);
  const floor = floorRateUp(length, p);
  const rate = pTouch > floor ? pTouch : floor;
  const premium = ceilDiv(rate * cost, WAD * WAD);
  return premium < payout ? premium : payout;
}

/**
 * The whole quote from market inputs: `premiumUp` with P_touch = touchProbability(spot, strike, sigma,
 * duration) and the lock charged for `length` (`chargedLength`). Mirrors `CoverPricing.quote` (which
 * `CoverMarket.quote` runs inline).
 */
export function quote(
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

// ---------------------------------------------------------------------------------------------------
// CoverMarket.quote

export type Direction = 'Down' | 'Up';

/** What `CoverMarket.quote` reads from the product (`CoverMarket.product(id)`). */
export type ProductTerms = {
  direction: Direction;
  minDuration: bigint;
  maxDuration: bigint;
  /** Seconds after `end` a claim may still come: the lock lasts until the day after `end + claimGrace`. */
  claimGrace: bigint;
  /** Strike range k in hundredths (400 = ×4): Down strikes ≥ spot / k, Up strikes ≤ spot × k. */
  maxStrikeRatio: bigint;
  pricing: Pricing;
};

/**
 * What `CoverMarket.quote` reads from chain at one block: the feed's latest answer (`spot`, feed units) and
 * round id, the oracle's clamped σ (WAD) and the last round it folded, the backing pool's locked and total
 * assets (base units) and its utilization ceiling (bps), and the block's timestamp (`now`).
 */
export type MarketSnapshot = {
  spot: bigint;
  latestRoundId: bigint;
  sigma: bigint;
  sigmaRoundId: bigint;
  locked: bigint;
  totalAssets: bigint;
  maxUtilizationBps: bigint;
  now: bigint;
};

type CoverMarketErrorName =
  | 'CoverMarketZeroPayout'
  | 'CoverMarketDurationOutOfBounds'
  | 'CoverMarketStrikeOutOfRange'
  | 'CoverMarketStrikeBreached'
  | 'CoverMarketStrikeTooFar'
  | 'CoverMarketVolatilityBehind'
  | 'CoverMarketAboveMaxUtilization'
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

/** Checked uint256 arithmetic as the contract does it: past 2^256 − 1 it panics (0x11). */
function checked(v: bigint): bigint {
  if (v > MAX_UINT256) throw new RangeError('Panic(0x11): arithmetic overflow');
  return v;
}

/**
 * The strike range at this spot: the lowest Down strike ⌈spot × 100 / ratio⌉ or the highest Up strike
 * ⌊spot × ratio / 100⌋ (the limit `CoverMarketStrikeTooFar` carries).
 */
export function strikeLimit(direction: Direction, spot: bigint, maxStrikeRatio: bigint): bigint {
  return direction === 'Down' ? checked(checked(spot * 100n) + maxStrikeRatio - 1n) / maxStrikeRatio : checked(spot * maxStrikeRatio) / 100n;
}

/** What can still be sold from the pool under its ceiling: ⌊TA × bps / 10000⌋ − locked (≥ 0). */
export function capacityUnderCeiling(market: Pick<MarketSnapshot, 'totalAssets' | 'locked' | 'maxUtilizationBps'>): bigint {
  const maxLocked = (market.totalAssets * market.maxUtilizationBps) / 10_000n;
  return maxLocked > market.locked ? maxLocked - market.locked : 0n;
}

/**
 * The premium `CoverMarket.quote(productId, strike, payout, duration)` returns for the given snapshot,
 * with its checks in the contract's order. Freshness of the price and of σ in time, the feed's latest
 * round being complete and positive, and the L2 sequencer are chain-state checks the caller makes when it
 * takes the snapshot (the contract reverts `CoverMarketStalePrice` / `CoverMarketStaleVolatility` /
 * `CoverMarketNonPositiveAnswer` / `CoverMarketIncompleteRound` / `CoverMarketSequencer*`).
 */
export function quoteCover(product: ProductTerms, market: MarketSnapshot, strike: bigint, payout: bigint, duration: bigint): bigint {
  if (payout === 0n) throw new CoverMarketError('CoverMarketZeroPayout', []);
  if (duration < product.minDuration || duration > product.maxDuration) {
    throw new CoverMarketError('CoverMarketDurationOutOfBounds', [duration, product.minDuration, product.maxDuration]);
  }
  if (strike === 0n || strike > MAX_STRIKE) throw new CoverMarketError('CoverMarketStrikeOutOfRange', [strike, MAX_STRIKE]);
  const down = product.direction === 'Down';
  if (down ? strike >= market.spot : strike <= market.spot) throw new CoverMarketError('CoverMarketStrikeBreached', [strike, market.spot]);
  const limit = strikeLimit(product.direction, market.spot, product.maxStrikeRatio);
  if (down ? strike < limit : strike > limit) throw new CoverMarketError('CoverMarketStrikeTooFar', [strike, limit]);
  if (market.sigmaRoundId !== market.latestRoundId) {
    throw new CoverMarketError('CoverMarketVolatilityBehind', [market.sigmaRoundId, market.latestRoundId]);
  }
  const capacity = capacityUnderCeiling(market);
  if (payout > capacity) throw new CoverMarketError('CoverMarketAboveMaxUtilization', [payout, capacity]);
  const length = chargedLength(market.now, duration, product.claimGrace);
  const premium = quote(market.spot, strike, market.sigma, duration, length, payout, market.locked, market.totalAssets, product.pricing);
  if (premium >= payout) throw new CoverMarketError('CoverMarketUninsurable', [premium, payout]);
  return premium;
}
