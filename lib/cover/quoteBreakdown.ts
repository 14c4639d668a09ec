// A quote with its parts, for the cover form: the premium itself comes from the `quoteCover` twin (the
// exact number the contract will charge); the parts explain it with the same twins it is built from.
import { touchProbability } from '@/lib/math/touchProbability';
import { WAD } from '@/lib/math/fixedPointMath';
import { averageMarkupUp, ceilDiv } from './markup';
import { floorRateUp, quoteCover, type MarketSnapshot, type ProductTerms } from './quote';

export type QuoteBreakdown = {
  /** What `buyCover` charges at this state (base units, rounded up). */
  premium: bigint;
  /** Probability (WAD) that the price touches the strike within the duration. */
  pTouch: bigint;
  /** Average markup (WAD) over the capital this cover uses: from utilization before to after it. */
  averageMarkup: bigint;
  /** The minimum premium rate for this duration (WAD of payout). */
  floorRate: bigint;
  /** Which term set the price: the touch probability × markup, or the minimum. */
  binding: 'touch' | 'minimum';
  /** premium / payout (WAD), rounded down. */
  premiumRate: bigint;
  /** Free capital of the backing pool before this cover (base units). */
  capacity: bigint;
};

export function quoteBreakdown(product: ProductTerms, market: MarketSnapshot, strike: bigint, payout: bigint, duration: bigint): QuoteBreakdown {
  const premium = quoteCover(product, market, strike, payout, duration);
  const pTouch = touchProbability(market.spot, strike, market.sigma, duration);
  const averageMarkup = averageMarkupUp(market.locked, payout, market.totalAssets, product.pricing);
  const floorRate = floorRateUp(duration, product.pricing);
  // The minimum's part of `premiumUp`, rounded the same way.
  const floorPremium = ceilDiv(payout * floorRate, WAD);
  return {
    premium,
    pTouch,
    averageMarkup,
    floorRate,
    binding: premium === floorPremium && floorPremium > 0n ? 'minimum' : 'touch',
    premiumRate: (premium * WAD) / payout,
    capacity: market.totalAssets > market.locked ? market.totalAssets - market.locked : 0n,
  };
}

/** The slippage bound sent with `buyCover`: the quote plus a tolerance (basis points), rounded up. */
export function maxPremiumFor(premium: bigint, toleranceBps: bigint): bigint {
  return premium + (premium * toleranceBps + 9_999n) / 10_000n;
}
