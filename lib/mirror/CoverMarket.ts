// Twin of the checks `CoverMarket.quote` (contracts/src/CoverMarket.sol) runs around the pricing library, in
// the contract's order: zero payout, duration bounds, strike range, a breached strike, the strike limit,
// σ behind the feed, the utilization ceiling, then `CoverPricing.quoteUp` (lib/mirror/CoverPricing.ts) and the
// uninsurable check. Where the market reverts the twin throws the same named error with the same arguments.
// Proven equal to a deployed market on 12,000 quotes by CoverMarket.parity.test.ts.
import { add, ContractRevert, div, mul, sub } from './evm';
import { chargedLength, quoteUp, type Pricing } from './CoverPricing';

/** `CoverMarket.MAX_STRIKE`: a cover stores its strike in 72 bits. */
export const MAX_STRIKE = (1n << 72n) - 1n;

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

/** The custom errors `CoverMarket.quote` can revert with (the ones a snapshot decides). */
export type CoverMarketErrorName =
  | 'CoverMarketZeroPayout'
  | 'CoverMarketDurationOutOfBounds'
  | 'CoverMarketStrikeOutOfRange'
  | 'CoverMarketStrikeBreached'
  | 'CoverMarketStrikeTooFar'
  | 'CoverMarketVolatilityBehind'
  | 'CoverMarketAboveMaxUtilization'
  | 'CoverMarketUninsurable';

/** Thrown where `CoverMarket.quote` / `buyCover` revert with the custom error `errorName(...args)`. */
function revert(errorName: CoverMarketErrorName, args: readonly bigint[]): ContractRevert {
  return new ContractRevert('CoverMarket', errorName, args);
}

/**
 * The strike range at this spot: the lowest Down strike ⌈spot × 100 / ratio⌉ or the highest Up strike
 * ⌊spot × ratio / 100⌋ (the limit `CoverMarketStrikeTooFar` carries).
 */
export function strikeLimit(direction: Direction, spot: bigint, maxStrikeRatio: bigint): bigint {
  return direction === 'Down' ? div(sub(add(mul(spot, 100n), maxStrikeRatio), 1n), maxStrikeRatio) : div(mul(spot, maxStrikeRatio), 100n);
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
  if (payout === 0n) throw revert('CoverMarketZeroPayout', []);
  if (duration < product.minDuration || duration > product.maxDuration) {
    throw revert('CoverMarketDurationOutOfBounds', [duration, product.minDuration, product.maxDuration]);
  }
  if (strike === 0n || strike > MAX_STRIKE) throw revert('CoverMarketStrikeOutOfRange', [strike, MAX_STRIKE]);
  const down = product.direction === 'Down';
  if (down ? strike >= market.spot : strike <= market.spot) throw revert('CoverMarketStrikeBreached', [strike, market.spot]);
  const limit = strikeLimit(product.direction, market.spot, product.maxStrikeRatio);
  if (down ? strike < limit : strike > limit) throw revert('CoverMarketStrikeTooFar', [strike, limit]);
  if (market.sigmaRoundId !== market.latestRoundId) {
    throw revert('CoverMarketVolatilityBehind', [market.sigmaRoundId, market.latestRoundId]);
  }
  const capacity = capacityUnderCeiling(market);
  if (payout > capacity) throw revert('CoverMarketAboveMaxUtilization', [payout, capacity]);
  const length = chargedLength(market.now, duration, product.claimGrace);
  const premium = quoteUp(market.spot, strike, market.sigma, duration, length, payout, market.locked, market.totalAssets, product.pricing);
  if (premium >= payout) throw revert('CoverMarketUninsurable', [premium, payout]);
  return premium;
}
