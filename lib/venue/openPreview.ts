// What `PerpVenue.open` will do with an order, before signing: the fee, the margin left, the initial
// margin σ asks, the least margin that passes, and the position's liquidation price — each computed with
// the PerpMath twins in the order `_increase` checks, so a refusal here is the revert the venue would give.
import { belowMarginFraction, liquidationPrice, mulBpsUp, notionalDown, notionalUp, pnlDown, socialLossChargeDown, WAD } from '@/lib/mirror/PerpMath';
import type { VenueParams } from './params';

export type OpenMarket = {
  /** The oracle price now (feed units): the entry of the order. */
  price: bigint;
  /** `marginFractionNow()`: the initial fraction σ gives now (WAD). */
  initialFraction: bigint;
  params: VenueParams;
  priceScale: bigint;
  /** The side's open interest (size) and socialised-loss index. */
  sideOpenInterest: bigint;
  sideIndex: bigint;
};

/** The trader's position on that side before the order (size 0: none). */
export type ExistingPosition = { size: bigint; entryPrice: bigint; margin: bigint; socialLossSnapshot: bigint };

export type OpenPreview = {
  fee: bigint;
  /** The PnL so far and the socialised charge an increase moves into the margin. */
  realized: bigint;
  charge: bigint;
  size: bigint;
  notional: bigint;
  /** The margin after the order (funds − charge − fee). */
  margin: bigint;
  /** The least margin after the order that passes the initial-margin test: ⌈f × size × price / (WAD × scale)⌉. */
  initialMargin: bigint;
  /** The least `marginIn` that passes (0 when the position already holds enough). */
  minMarginIn: bigint;
  maintenanceFraction: bigint;
  /** Exact (PerpMath.liquidationPrice at the maintenance fraction): a long liquidates at or below it, a short at or above. */
  liquidationPrice: bigint;
  /** The first check the order fails, by the venue's error name, or null. */
  refusal: null | {
    error: 'PerpVenueZeroAmount' | 'PerpVenueInsufficientMargin' | 'PerpVenueBelowMinNotional' | 'PerpVenueOpenInterestCap' | 'PerpVenueBelowInitialMargin';
    needed: bigint;
  };
};

const NONE: ExistingPosition = { size: 0n, entryPrice: 0n, margin: 0n, socialLossSnapshot: 0n };

export function previewOpen(isLong: boolean, sizeDelta: bigint, marginIn: bigint, market: OpenMarket, existing: ExistingPosition = NONE): OpenPreview {
  const { price, priceScale: scale, params: q } = market;
  let charge = 0n;
  let realized = 0n;
  if (existing.size > 0n) {
    charge = socialLossChargeDown(existing.size, market.sideIndex, existing.socialLossSnapshot).charge;
    realized = pnlDown(isLong, existing.size, existing.entryPrice, price, scale);
  }
  const size = existing.size + sizeDelta;
  const fee = sizeDelta === 0n ? 0n : mulBpsUp(notionalUp(sizeDelta, price, scale), q.tradingFeeBps);
  const funds = existing.margin + marginIn + realized;
  const margin = funds - charge - fee;
  const notional = size === 0n ? 0n : notionalDown(size, price, scale);
  // margin × scale × WAD ≥ f × size × price ⇔ margin ≥ ⌈f × size × price / (scale × WAD)⌉ (the exact test at entry).
  const initialMargin = (market.initialFraction * size * price + scale * WAD - 1n) / (scale * WAD);
  const minMarginIn = initialMargin + charge + fee - existing.margin - realized > 0n ? initialMargin + charge + fee - existing.margin - realized : 0n;
  const maintenanceFraction = mulBpsUp(market.initialFraction, q.maintenanceBps);
  const liq = size > 0n && margin >= 0n ? liquidationPrice(isLong, size, price, margin, maintenanceFraction, scale) : 0n;
  const preview = { fee, realized, charge, size, notional, margin, initialMargin, minMarginIn, maintenanceFraction, liquidationPrice: liq };

  let refusal: OpenPreview['refusal'] = null;
  if (sizeDelta === 0n) refusal = { error: 'PerpVenueZeroAmount', needed: 1n };
  else if (funds < charge + fee) refusal = { error: 'PerpVenueInsufficientMargin', needed: charge + fee };
  else if (notional < q.minNotional) refusal = { error: 'PerpVenueBelowMinNotional', needed: q.minNotional };
  else if (notionalUp(market.sideOpenInterest + sizeDelta, price, scale) > q.maxOpenInterest)
    refusal = { error: 'PerpVenueOpenInterestCap', needed: q.maxOpenInterest };
  else if (belowMarginFraction(isLong, size, price, margin, price, market.initialFraction, scale))
    refusal = { error: 'PerpVenueBelowInitialMargin', needed: minMarginIn };
  return { ...preview, refusal };
}
