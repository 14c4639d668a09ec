// The reference PerpVenue's tables (re-exported by lib/history/schema.ts): positions, every trade and
// liquidation, bad debt and how the waterfall split it, socialised losses (the haircut on the profitable
// side), and a per-block series of open interest and cumulative bad debt for the overview. Integers only.
import { index, onchainTable } from 'ponder';

/** One row per trader (one position per account): its latest state, and how it ended. */
export const venuePosition = onchainTable(
  'venue_position',
  (t) => ({
    trader: t.hex().primaryKey(),
    isLong: t.boolean().notNull(),
    size: t.bigint().notNull(),
    entryPrice: t.bigint().notNull(),
    margin: t.bigint().notNull(),
    marginFraction: t.bigint().notNull(),
    /** open | closed | liquidated (a liquidated trader who reopens is open again). */
    status: t.text().notNull(),
    openedBlock: t.bigint().notNull(),
    updatedBlock: t.bigint().notNull(),
  }),
  (table) => ({ byStatus: index().on(table.status) }),
);

/** Every open, increase, reduce, close and liquidation, as emitted. */
export const venueTrade = onchainTable(
  'venue_trade',
  (t) => ({
    id: t.text().primaryKey(),
    trader: t.hex().notNull(),
    /** open | increase | reduce | close | liquidation-partial | liquidation-full | liquidation-bad-debt */
    kind: t.text().notNull(),
    isLong: t.boolean().notNull(),
    sizeDelta: t.bigint().notNull(),
    price: t.bigint().notNull(),
    fee: t.bigint().notNull(),
    realizedPnl: t.bigint().notNull(),
    socialLossCharge: t.bigint().notNull(),
    /** Paid to the trader (close), kept for it (full liquidation), or 0. */
    payout: t.bigint().notNull(),
    sizeAfter: t.bigint().notNull(),
    marginAfter: t.bigint().notNull(),
    liquidator: t.hex(),
    liquidatorFee: t.bigint().notNull(),
    badDebt: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ byTrader: index().on(table.trader), byKind: index().on(table.kind), byBlock: index().on(table.blockNumber) }),
);

/** A bad debt reported to the waterfall (or deferred when it refused): who left it and who paid what. */
export const venueBadDebt = onchainTable('venue_bad_debt', (t) => ({
  id: t.text().primaryKey(),
  trader: t.hex().notNull(),
  isLong: t.boolean().notNull(),
  debt: t.bigint().notNull(),
  junior: t.bigint().notNull(),
  senior: t.bigint().notNull(),
  recapitalization: t.bigint().notNull(),
  remainder: t.bigint().notNull(),
  auctionId: t.bigint().notNull(),
  deferred: t.boolean().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  txHash: t.hex().notNull(),
}));

/** A socialised loss: `amount` charged pro rata to size over one side (the haircut), and why. */
export const venueSocialLoss = onchainTable('venue_social_loss', (t) => ({
  id: t.text().primaryKey(),
  chargedLongs: t.boolean().notNull(),
  /** 0: a liquidation's remainder; otherwise the auction whose unraised part this is. */
  auctionId: t.bigint().notNull(),
  amount: t.bigint().notNull(),
  indexDelta: t.bigint().notNull(),
  index: t.bigint().notNull(),
  openInterest: t.bigint().notNull(),
  dustScaled: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  txHash: t.hex().notNull(),
}));

/** The venue after the last event of each block that had one: open interest per side, the last trade
 *  price, and running totals of bad debt, what the pools and the auction paid, and what was socialised. */
export const venueSeries = onchainTable('venue_series', (t) => ({
  blockNumber: t.bigint().primaryKey(),
  timestamp: t.bigint().notNull(),
  longOpenInterest: t.bigint().notNull(),
  shortOpenInterest: t.bigint().notNull(),
  price: t.bigint().notNull(),
  badDebt: t.bigint().notNull(),
  paidByPools: t.bigint().notNull(),
  recapitalized: t.bigint().notNull(),
  socialised: t.bigint().notNull(),
  feesToPools: t.bigint().notNull(),
}));

/** The running totals (one row, id "venue"): what the next block's series row starts from. */
export const venueTotals = onchainTable('venue_totals', (t) => ({
  id: t.text().primaryKey(),
  longOpenInterest: t.bigint().notNull(),
  shortOpenInterest: t.bigint().notNull(),
  price: t.bigint().notNull(),
  badDebt: t.bigint().notNull(),
  paidByPools: t.bigint().notNull(),
  recapitalized: t.bigint().notNull(),
  socialised: t.bigint().notNull(),
  feesToPools: t.bigint().notNull(),
}));
