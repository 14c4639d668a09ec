// The risk engine's input: the "book", a plain snapshot of everything that can lose the pools money,
// built from chain state at one block (lib/risk/loadBook.ts) or by hand in tests and benchmarks.
// Amounts are bigint exactly as the contracts hold them (the waterfall and pool twins run on them);
// only the engine's compiled form (compile.ts) turns prices and sizes into floats.
import type { Layer } from '../chain/config';
import type { AccountingState, Bucket } from '../mirror/BackstopPool';
import { fromBigintJson, toBigintJson } from '../wire/bigintJson';

/**
 * The layers in loss order (lib/chain/config's LAYERS, repeated here so the engine and its worker do
 * not pull the chain configuration — viem's chain definitions and the deployments — into their bundle).
 */
export const BOOK_LAYERS = ['junior', 'senior'] as const satisfies readonly Layer[];

export type CoverDirection = 'Down' | 'Up';

/** One active cover: pays `payout` from `layer`'s lock if the feed confirms a touch of `strike` by `end`. */
export type BookCover = {
  tokenId: bigint;
  layer: Layer;
  direction: CoverDirection;
  /** Feed units (the feed's decimals). */
  strike: bigint;
  /** Stablecoin base units, locked in the layer's pool. */
  payout: bigint;
  /** Unix seconds; rounds count from `start + activationDelay` to `end`. */
  start: bigint;
  end: bigint;
  activationDelay: bigint;
  /** Consecutive rounds at or beyond the strike a claim needs. */
  confirmations: number;
  /** Unix day at whose start the pool releases the lock (`CoverInfo.releaseDay`). */
  releaseDay: bigint;
};

/**
 * A venue position in the isolated-margin model the engine assumes (the reference PerpVenue, issue 15,
 * will supply these; the book is empty of them until it lands). A position is liquidated in full when
 * the price reaches its liquidation price, where equity = maintenance × notional:
 *   long:  margin + size·(P − entry) = m·size·P   →  P_liq = (size·entry − margin) / (size·(1 − m))
 *   short: margin + size·(entry − P) = m·size·P   →  P_liq = (size·entry + margin) / (size·(1 + m))
 * Executed at price X, the liquidator's fee f·size·X is owed first (a keeper must be paid to close an
 * underwater position), so the venue's bad debt is
 *   long:  max(0, size·(entry − X) + f·size·X − margin),   short: max(0, size·(X − entry) + f·size·X − margin).
 * With m > f that is zero when the keeper closes at the liquidation price; bad debt comes from a gap
 * through it (the price jumps past the liquidation price before anyone can act).
 */
export type VenuePosition = {
  id: string;
  side: 'long' | 'short';
  /** Base-asset units scaled by 10^sizeDecimals. */
  size: bigint;
  sizeDecimals: number;
  /** Feed units. */
  entryPrice: bigint;
  /** Stablecoin base units. */
  margin: bigint;
  /** Maintenance margin as a fraction of notional, WAD (1e18 = 100 %). */
  maintenanceMarginWad: bigint;
  /** Liquidation fee as a fraction of notional, WAD. */
  liquidationFeeWad: bigint;
};

/** A pool layer as the engine needs it: its capital and the raw accounting its twin evaluates at any time. */
export type BookLayer = {
  totalAssets: bigint;
  lockedAssets: bigint;
  freeAssets: bigint;
  unearnedPremium: bigint;
  totalSupply: bigint;
  /** `accountingState()` and `bucket(day)` for every day the horizon walks (see lib/pool/accounting.ts). */
  accounting: AccountingState;
  buckets: Array<[bigint, Bucket]>;
};

/** ShortfallWaterfall's state for one layer: its cap and its stored rolling window (`windowState`). */
export type BookWaterfallLayer = { capBps: bigint; window: bigint; prev: bigint; curr: bigint };

/** The Recapitalizer's parameters for the next auction, and the venue's open one if any. */
export type BookRecapitalizer = {
  supply: bigint;
  maxMintBps: bigint;
  startPrice: bigint;
  floorPrice: bigint;
  duration: bigint;
  /** The venue's open auction: what it must still raise and may still mint, and when it closes. */
  openAuction: { target: bigint; raised: bigint; mintCap: bigint; minted: bigint; closesAt: bigint } | null;
};

/** The venue whose positions the book holds (or, with none, the registered venue with most room). */
export type BookVenue = { address: string; exposureCap: bigint; exposureUsed: bigint };

export type RiskBook = {
  chainId: number;
  blockNumber: bigint;
  /** Block timestamp: the simulation's t = 0. */
  timestamp: bigint;
  /** Feed answer (feed units) and decimals. */
  spot: bigint;
  priceDecimals: number;
  /** The volatility oracle's annualised σ, WAD. */
  sigmaWad: bigint;
  /** The feed's heartbeat (seconds between rounds when the price is quiet), for the round-sampling mode. */
  roundSeconds: bigint;
  /** Days after `timestamp` whose pool buckets the book holds: the longest horizon it can simulate. */
  horizonDaysLoaded: number;
  layers: Record<Layer, BookLayer>;
  waterfall: Record<Layer, BookWaterfallLayer>;
  recapitalizer: BookRecapitalizer | null;
  venue: BookVenue | null;
  covers: BookCover[];
  positions: VenuePosition[];
};

// ---------------------------------------------------------------- JSON (server → browser → worker)

/** A book with every bigint tagged (lib/wire/bigintJson.ts), for JSON answers (GET /risk/history); a server component hands the book itself (React sends bigints). */
export type RiskBookJson = { __riskBook: 1; data: unknown };

export function bookToJson(book: RiskBook): RiskBookJson {
  return { __riskBook: 1, data: JSON.parse(toBigintJson(book)) };
}

export function bookFromJson(json: RiskBookJson): RiskBook {
  return fromBigintJson<RiskBook>(JSON.stringify(json.data));
}

/** A copy of the book with `amount` more assets in `layer` (a deposit adds free capital). */
export function withStake(book: RiskBook, layer: Layer, amount: bigint): RiskBook {
  const l = book.layers[layer];
  return {
    ...book,
    layers: {
      ...book.layers,
      [layer]: {
        ...l,
        totalAssets: l.totalAssets + amount,
        freeAssets: l.freeAssets + amount,
        accounting: { ...l.accounting, held: l.accounting.held + amount },
      },
    },
  };
}
