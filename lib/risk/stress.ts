// Deterministic stress tests: a price move of X % (continuous, or a gap), σ × Y, and an extra venue
// shortfall, applied to the book NOW and run through the exact twins: which covers pay (strike against
// the shocked feed price, bigint), what the venue's positions leave (the cascade loop, cascade.ts), how
// ShortfallWaterfall splits the shortfall (rollWindow / layerAvailableDown / allocateShortfall at the
// block's time, the Recapitalizer's acceptance), and the covers' expected payouts over their remaining
// terms at σ × Y (the touchProbability twin that prices them). Cheap enough to run on every slider move.
import type { Layer } from '../chain/config';
import { WAD } from '../mirror/units';
import { mulDiv } from '../mirror/evm';
import { touchProbability } from '../mirror/TouchProbability';
import { mintCapDown } from '../mirror/AuctionMath';
import { allocateShortfall, layerAvailableDown, rollWindow, windowOf } from '../mirror/WaterfallMath';
import { BOOK_LAYERS, type BookCover, type RiskBook } from './book';
import { cascade, DEFAULT_DEPTH, type CascadeResult, type DepthModel } from './cascade';

export type StressInput = {
  /** Price move, −0.9 … +2 (−0.2 = the feed falls 20 %). */
  move: number;
  /** The move happens at once: liquidations fill at the gapped price (else at their liquidation price). */
  gap: boolean;
  /** σ × this for the expected cover payouts over the covers' remaining terms. */
  sigmaMultiplier: number;
  /** Bad debt the venue reports on top of its positions' (stablecoin base units). */
  extraShortfall: bigint;
  depth?: DepthModel;
  /** Run the price-impact loop (else the price stops at the shock). */
  withCascade?: boolean;
};

export type StressResult = {
  /** The feed price after the shock and after the cascade (feed units). */
  shockedPrice: bigint;
  finalPrice: bigint;
  cascade: CascadeResult;
  /** Covers whose strike the final price reached (and whose claim window is open). */
  triggered: Array<{ tokenId: bigint; layer: Layer; payout: bigint }>;
  coverPayout: Record<Layer, bigint>;
  /** The venue's shortfall: its positions' bad debt plus the extra. */
  shortfall: bigint;
  /** ShortfallWaterfall's split of it, exactly as the contract would split it now. */
  split: { junior: bigint; senior: bigint; recapitalization: bigint; overExposure: bigint };
  /** What the Recapitalizer would take on (0 when it could not mint) and what is left to socialise now. */
  recapAccepted: bigint;
  socialisedNow: bigint;
  layers: Record<Layer, { totalAssetsBefore: bigint; totalAssetsAfter: bigint; freeBefore: bigint; freeAfter: bigint; loss: bigint; exhausted: boolean }>;
  /** Σ payout × P_touch(final price, strike, σ × Y, time left) of the covers not triggered. */
  expectedCoverPayout: Record<Layer, bigint>;
};

/** `spot × (1 + move)` in feed units, rounded down, at least 1. */
export function shockedPrice(spot: bigint, move: number): bigint {
  const ppm = BigInt(Math.round((1 + move) * 1_000_000));
  const p = (spot * ppm) / 1_000_000n;
  return p > 0n ? p : 1n;
}

/** σ × Y in WAD (Y to 1e-6). */
export function scaledSigma(sigmaWad: bigint, multiplier: number): bigint {
  return (sigmaWad * BigInt(Math.round(multiplier * 1_000_000))) / 1_000_000n;
}

/** Whether a round at `price` published now would count for `cover`'s claim (window open, strike reached). */
export function coverTriggeredAt(cover: BookCover, price: bigint, now: bigint): boolean {
  if (now < cover.start + cover.activationDelay || now > cover.end) return false;
  return cover.direction === 'Down' ? price <= cover.strike : price >= cover.strike;
}

/** Exposure the venue has left (0 with no venue), as ShortfallWaterfall._exposureRemaining. */
export function exposureRemaining(book: RiskBook): bigint {
  const v = book.venue;
  if (!v || v.exposureUsed >= v.exposureCap) return 0n;
  return v.exposureCap - v.exposureUsed;
}

/** What `absorbShortfall(amount)` would split now (ShortfallWaterfall.previewAbsorbShortfall's twin). */
export function previewShortfall(
  book: RiskBook,
  amount: bigint,
): StressResult['split'] & { recapAccepted: bigint; socialisedNow: bigint; available: Record<Layer, bigint> } {
  const nowWindow = windowOf(book.timestamp);
  const available = {} as Record<Layer, bigint>;
  for (const layer of BOOK_LAYERS) {
    const w = book.waterfall[layer];
    const { prevNow, currNow } = rollWindow(w.window, w.prev, w.curr, nowWindow);
    available[layer] = layerAvailableDown(book.layers[layer].freeAssets, prevNow + currNow, w.capBps);
  }
  if (amount === 0n) return { junior: 0n, senior: 0n, recapitalization: 0n, overExposure: 0n, recapAccepted: 0n, socialisedNow: 0n, available };
  const split = allocateShortfall(amount, available.junior, available.senior, exposureRemaining(book));
  const recap = book.recapitalizer;
  const auctionOpen = Boolean(
    recap?.openAuction &&
      recap.openAuction.closesAt >= book.timestamp &&
      recap.openAuction.raised < recap.openAuction.target &&
      recap.openAuction.minted < recap.openAuction.mintCap,
  );
  const recapAccepted = split.recapitalization > 0n && recap && (auctionOpen || mintCapDown(recap.supply, recap.maxMintBps) > 0n) ? split.recapitalization : 0n;
  return { ...split, recapAccepted, socialisedNow: split.overExposure + (split.recapitalization - recapAccepted), available };
}

export function stress(book: RiskBook, input: StressInput): StressResult {
  const now = book.timestamp;
  const shocked = shockedPrice(book.spot, input.move);
  // Without the loop the market is infinitely deep: the shock's own liquidations move nothing.
  const c = cascade(book, input.move, input.withCascade === false ? { usdPerPercent: Infinity } : (input.depth ?? DEFAULT_DEPTH), input.gap);
  const finalPrice = c.rounds.length <= 1 && c.finalUsd === c.shockedUsd ? shocked : BigInt(Math.max(1, Math.floor(c.finalUsd * 10 ** book.priceDecimals)));
  const triggered = book.covers
    .filter((cv) => coverTriggeredAt(cv, finalPrice, now))
    .map((cv) => ({ tokenId: cv.tokenId, layer: cv.layer, payout: cv.payout }));
  const coverPayout = { junior: 0n, senior: 0n } as Record<Layer, bigint>;
  for (const t of triggered) coverPayout[t.layer] += t.payout;
  const shortfall = c.badDebt + input.extraShortfall;
  const split = previewShortfall(book, shortfall);

  // σ × Y: expected payouts of the covers still in play, from the final price over each one's time left.
  const sigma = scaledSigma(book.sigmaWad, input.sigmaMultiplier);
  const hit = new Set(triggered.map((t) => t.tokenId));
  const expectedCoverPayout = { junior: 0n, senior: 0n } as Record<Layer, bigint>;
  for (const cv of book.covers) {
    if (hit.has(cv.tokenId) || cv.end <= now) continue;
    const p = touchProbability(finalPrice, cv.strike, sigma, cv.end - now);
    expectedCoverPayout[cv.layer] += mulDiv(cv.payout, p, WAD, 'Up');
  }

  const paid = { junior: split.junior, senior: split.senior } as Record<Layer, bigint>;
  const layers = {} as StressResult['layers'];
  for (const layer of BOOK_LAYERS) {
    const l = book.layers[layer];
    // A claim is paid from the cover's lock (free capital unchanged); a shortfall from free capital.
    const loss = coverPayout[layer] + paid[layer];
    layers[layer] = {
      totalAssetsBefore: l.totalAssets,
      totalAssetsAfter: l.totalAssets - loss,
      freeBefore: l.freeAssets,
      freeAfter: l.freeAssets - paid[layer],
      loss,
      exhausted: layer === 'junior' ? split.junior < shortfall - split.overExposure : split.senior < shortfall - split.overExposure - split.junior,
    };
  }
  return {
    shockedPrice: shocked,
    finalPrice,
    cascade: c,
    triggered,
    coverPayout,
    shortfall,
    split: { junior: split.junior, senior: split.senior, recapitalization: split.recapitalization, overExposure: split.overExposure },
    recapAccepted: split.recapAccepted,
    socialisedNow: split.socialisedNow,
    layers,
    expectedCoverPayout,
  };
}
