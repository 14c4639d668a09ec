// A cover's mark (its model value now) and an ask's or offer's distance from it. The formula is the twin of
// CoverValue.sol (lib/mirror/CoverValue.ts); this file only maps a cover's state onto its inputs.
import { COVER_STATUS } from '../chain/enums';
import { formatAmount } from '../format/amount';
import { modelValueDown } from '../mirror/CoverValue';
import { BPS } from '../mirror/units';

export type MarkedCover = {
  /** `coverInfo().status` (ICoverMarket.CoverStatus). */
  status: number;
  payout: bigint;
  strike: bigint;
  end: bigint;
  /** The product's direction. */
  down: boolean;
};

export type MarketNow = {
  /** The feed's price now (feed units). */
  spot: bigint;
  /** The oracle's σ (WAD). */
  sigma: bigint;
  /** Chain time (unix seconds). */
  now: bigint;
};

/**
 * The cover's model value now, in the stablecoin's base units (rounded down): 0 for a claimed, released or
 * expired cover (paid, or worth nothing to anyone who buys it), the payout when a claim round is known
 * (`provable`), else `CoverValue.modelValueDown` over the time left to the end.
 */
export function coverMarkDown(cover: MarkedCover, market: MarketNow, provable: boolean): bigint {
  if (COVER_STATUS[cover.status] !== 'active') return 0n;
  const remaining = market.now < cover.end ? cover.end - market.now : 0n;
  return modelValueDown(cover.payout, cover.down, market.spot, cover.strike, market.sigma, remaining, provable);
}

/**
 * How far below the model value a price is, in basis points of the model value (positive: a discount, the
 * buyer pays less than the mark; negative: a premium). Rounded toward zero. `null` when the model value is 0
 * (any price is then a premium of unbounded size).
 */
export function discountBps(price: bigint, model: bigint): bigint | null {
  if (model === 0n) return null;
  return ((model - price) * BPS) / model;
}

/** "12.3% below model" / "4% above model" / "at model" / "model value 0". */
export function describeDiscount(bps: bigint | null): string {
  if (bps === null) return 'model value 0';
  if (bps === 0n) return 'at model';
  // The shared bigint formatter, not Intl (a page's first Intl call sets up ICU: ~40 ms, more on a phone);
  // rounded away from zero, so a discount that is there never reads as 0%.
  const pct = formatAmount(bps < 0n ? -bps : bps, 2, { maxFractionDigits: 1, rounding: 'Up' });
  return bps > 0n ? `${pct}% below model` : `${pct}% above model`;
}
