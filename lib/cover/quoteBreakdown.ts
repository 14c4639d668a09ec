// A quote with its parts, for the cover form: the premium itself comes from the `quoteCover` twin (the
// exact number the contract will charge); the parts explain it with the same twins it is built from.
import { touchProbability } from '@/lib/mirror/TouchProbability';
import { chargedLength, floorRateUp, averageMarkupUp } from '../mirror/CoverPricing';
import { WAD } from '@/lib/mirror/units';
import { capacityUnderCeiling, quoteCover, type MarketSnapshot, type ProductTerms } from '../mirror/CoverMarket';

export type QuoteBreakdown = {
  /** What `buyCover` charges at this state (base units, rounded up). */
  premium: bigint;
  /** Probability (WAD) that the price touches the strike within the duration. */
  pTouch: bigint;
  /** Average markup (WAD) over the capital this cover uses: from utilization before to after it. */
  averageMarkup: bigint;
  /** The lock's charged length (seconds): until the pool releases it, claim grace included, ≥ 2 days. */
  lockLength: bigint;
  /** The cost-of-capital rate over that lock (WAD of payout, before the markup). */
  floorRate: bigint;
  /** Which rate set the price (both are multiplied by the markup): the touch probability or the cost of capital. */
  binding: 'touch' | 'minimum';
  /** premium / payout (WAD), rounded down. */
  premiumRate: bigint;
  /** What the backing pool can still sell under its utilization ceiling, before this cover (base units). */
  capacity: bigint;
};

export function quoteBreakdown(product: ProductTerms, market: MarketSnapshot, strike: bigint, payout: bigint, duration: bigint): QuoteBreakdown {
  const premium = quoteCover(product, market, strike, payout, duration);
  const pTouch = touchProbability(market.spot, strike, market.sigma, duration);
  const averageMarkup = averageMarkupUp(market.locked, payout, market.totalAssets, product.pricing);
  const lockLength = chargedLength(market.now, duration, product.claimGrace);
  const floorRate = floorRateUp(lockLength, product.pricing);
  return {
    premium,
    pTouch,
    averageMarkup,
    lockLength,
    floorRate,
    binding: floorRate >= pTouch ? 'minimum' : 'touch',
    premiumRate: (premium * WAD) / payout,
    capacity: capacityUnderCeiling(market),
  };
}

/** The slippage bound sent with `buyCover`: the quote plus a tolerance (basis points), rounded up. */
export function maxPremiumFor(premium: bigint, toleranceBps: bigint): bigint {
  return premium + (premium * toleranceBps + 9_999n) / 10_000n;
}
