// Tables the indexer writes. Amounts stay integers (bigint): history never rounds a number the
// chain holds exactly. Share price is assets per 1e18 shares, in the stablecoin's base units.
import { index, onchainTable, onchainView, primaryKey } from 'ponder';

/** Pool state at the end of every block that had a pool event (read from the chain at that block). */
export const poolSnapshot = onchainTable(
  'pool_snapshot',
  (t) => ({
    pool: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    totalAssets: t.bigint().notNull(),
    totalSupply: t.bigint().notNull(),
    lockedAssets: t.bigint().notNull(),
    unearnedPremium: t.bigint().notNull(),
    freeAssets: t.bigint().notNull(),
    sharePrice: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.blockNumber] }) }),
);

/** Every protocol event a person would care about, normalised for the activity feed. */
export const protocolEvent = onchainTable(
  'protocol_event',
  (t) => ({
    id: t.text().primaryKey(),
    kind: t.text().notNull(),
    contract: t.hex().notNull(),
    /** The pool the event hit (its capital or its shares); null for events of the waterfall and auction as a whole. */
    pool: t.hex(),
    account: t.hex(),
    assets: t.bigint(),
    shares: t.bigint(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ byAccount: index().on(table.account), byBlock: index().on(table.blockNumber), byKind: index().on(table.kind) }),
);

/** Each account's position in each pool; `shares` follows balanceOf, `escrowedShares` its open request. */
export const position = onchainTable(
  'position',
  (t) => ({
    pool: t.hex().notNull(),
    account: t.hex().notNull(),
    shares: t.bigint().notNull(),
    escrowedShares: t.bigint().notNull(),
    deposited: t.bigint().notNull(),
    withdrawn: t.bigint().notNull(),
    /** The account's current request as controller (0 when none): claims find their request here. */
    openRequestId: t.bigint().notNull().default(0n),
    updatedBlock: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.account] }), byAccount: index().on(table.account) }),
);

/**
 * ERC-7540 redeem requests and their life cycle: requested → claimed (possibly in parts) | lapsed.
 * `assetsAtRequest` is what the shares were worth when requested: the most all claims of it can pay (a
 * claim pays the lower of that, pro rata, and the shares' value then), from `RedeemRequestTerms`.
 */
export const redeemRequest = onchainTable(
  'redeem_request',
  (t) => ({
    pool: t.hex().notNull(),
    requestId: t.bigint().notNull(),
    controller: t.hex().notNull(),
    owner: t.hex().notNull(),
    shares: t.bigint().notNull(),
    assetsAtRequest: t.bigint().notNull(),
    remainingShares: t.bigint().notNull(),
    claimedAssets: t.bigint().notNull(),
    claimableAt: t.bigint().notNull(),
    expiresAt: t.bigint().notNull(),
    status: t.text().notNull(),
    requestedBlock: t.bigint().notNull(),
    updatedBlock: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.requestId] }), byController: index().on(table.controller) }),
);

/** Money that arrives to be earned by a pool: cover premiums and venue fees (for income APY). */
export const poolIncome = onchainTable(
  'pool_income',
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    kind: t.text().notNull(),
    amount: t.bigint().notNull(),
    earnedAt: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ byPool: index().on(table.pool, table.timestamp) }),
);

/** Each venue shortfall and its exact split through the waterfall. */
export const shortfall = onchainTable(
  'shortfall',
  (t) => ({
    id: t.text().primaryKey(),
    venue: t.hex().notNull(),
    amount: t.bigint().notNull(),
    junior: t.bigint().notNull(),
    senior: t.bigint().notNull(),
    recapitalization: t.bigint().notNull(),
    remainder: t.bigint().notNull(),
    auctionId: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ byBlock: index().on(table.blockNumber) }),
);

/** Venue fees split to the layers. */
export const feeDistribution = onchainTable('fee_distribution', (t) => ({
  id: t.text().primaryKey(),
  venue: t.hex().notNull(),
  amount: t.bigint().notNull(),
  junior: t.bigint().notNull(),
  senior: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  txHash: t.hex().notNull(),
}));

/** Recapitalization auctions: what they had to raise, raised, minted and the dilution that caused. */
export const auction = onchainTable('auction', (t) => ({
  auctionId: t.bigint().primaryKey(),
  venue: t.hex().notNull(),
  target: t.bigint().notNull(),
  raised: t.bigint().notNull(),
  minted: t.bigint().notNull(),
  dilutionWad: t.bigint().notNull(),
  startPrice: t.bigint().notNull(),
  floorPrice: t.bigint().notNull(),
  startTime: t.bigint().notNull(),
  duration: t.bigint().notNull(),
  mintCap: t.bigint().notNull(),
  supplyBefore: t.bigint().notNull(),
  settled: t.boolean().notNull(),
  unraised: t.bigint(),
  updatedBlock: t.bigint().notNull(),
}));

/** Every buy's draw on the Recapitalizer's rolling 24 h mint budget (shared by all auctions). */
export const mintBudgetUse = onchainTable('mint_budget_use', (t) => ({
  id: t.text().primaryKey(),
  auctionId: t.bigint().notNull(),
  minted: t.bigint().notNull(),
  used: t.bigint().notNull(),
  cap: t.bigint().notNull(),
  available: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
}));

/**
 * Governance operations queued on the TimelockController that owns every contract: pending → executed |
 * cancelled (a cancelled id scheduled again is pending again). `readyAt` = scheduled block time + delay,
 * the earliest it can execute.
 */
export const timelockOperation = onchainTable(
  'timelock_operation',
  (t) => ({
    id: t.hex().primaryKey(),
    status: t.text().notNull(),
    calls: t.integer().notNull(),
    predecessor: t.hex().notNull(),
    salt: t.hex(),
    delay: t.bigint().notNull(),
    scheduledAt: t.bigint().notNull(),
    readyAt: t.bigint().notNull(),
    scheduledBlock: t.bigint().notNull(),
    scheduledTx: t.hex().notNull(),
    doneAt: t.bigint(),
    doneTx: t.hex(),
    updatedBlock: t.bigint().notNull(),
  }),
  (table) => ({ byStatus: index().on(table.status, table.readyAt) }),
);

/** The calls of each timelock operation (a batch has several), as scheduled: target, value, calldata. */
export const timelockCall = onchainTable(
  'timelock_call',
  (t) => ({
    /** The operation's id (`operation` is a column name Ponder reserves). */
    opId: t.hex().notNull(),
    index: t.bigint().notNull(),
    target: t.hex().notNull(),
    value: t.bigint().notNull(),
    data: t.hex().notNull(),
    executedBlock: t.bigint(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.opId, table.index] }), byOperation: index().on(table.opId) }),
);

/** The timelock's minimum delay over time (MinDelayChange). */
export const timelockDelayChange = onchainTable('timelock_delay_change', (t) => ({
  id: t.text().primaryKey(),
  oldDelay: t.bigint().notNull(),
  newDelay: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  txHash: t.hex().notNull(),
}));

/** Who holds which timelock role (proposer, canceller, executor, admin) now. */
export const timelockRole = onchainTable(
  'timelock_role',
  (t) => ({
    role: t.hex().notNull(),
    account: t.hex().notNull(),
    granted: t.boolean().notNull(),
    updatedBlock: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.role, table.account] }) }),
);

/** Venues registered with the waterfall. */
export const venue = onchainTable('venue', (t) => ({
  address: t.hex().primaryKey(),
  registered: t.boolean().notNull(),
  exposureCap: t.bigint().notNull(),
  exposureUsed: t.bigint().notNull(),
  updatedBlock: t.bigint().notNull(),
}));

/** Cover products as registered (claim terms fixed at registration). */
export const coverProduct = onchainTable('cover_product', (t) => ({
  productId: t.bigint().primaryKey(),
  feed: t.hex().notNull(),
  pool: t.hex().notNull(),
  oracle: t.hex().notNull(),
  direction: t.integer().notNull(),
  confirmations: t.bigint().notNull(),
  activationDelay: t.bigint().notNull(),
  claimGrace: t.bigint().notNull(),
  paused: t.boolean().notNull(),
}));

/**
 * Each cover and its life cycle: active → claimed | released (marked expired) ; a cover past its claim
 * deadline with status still 'active' has expired (the pool freed its capital on its own).
 */
export const cover = onchainTable(
  'cover',
  (t) => ({
    tokenId: t.bigint().primaryKey(),
    productId: t.bigint().notNull(),
    buyer: t.hex().notNull(),
    holder: t.hex().notNull(),
    strike: t.bigint().notNull(),
    payout: t.bigint().notNull(),
    premium: t.bigint().notNull(),
    start: t.bigint().notNull(),
    end: t.bigint().notNull(),
    claimDeadline: t.bigint().notNull(),
    releaseDay: t.bigint().notNull(),
    spot: t.bigint().notNull(),
    sigma: t.bigint().notNull(),
    status: t.text().notNull(),
    claimRoundId: t.bigint(),
    boughtBlock: t.bigint().notNull(),
    updatedBlock: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ byHolder: index().on(table.holder), byProduct: index().on(table.productId) }),
);

/** σ after every oracle update (annualised, WAD), for the volatility history. */
export const sigmaUpdate = onchainTable(
  'sigma_update',
  (t) => ({
    id: t.text().primaryKey(),
    oracle: t.hex().notNull(),
    roundId: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
    variance: t.bigint().notNull(),
    sigma: t.bigint().notNull(),
    rounds: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ byTime: index().on(table.timestamp) }),
);

/**
 * The exchange's listings, one row per cover (a relisting replaces it): listed → sold | cancelled. "listed" is
 * the indexer's view of the book; whether a listing can fill right now (the seller still holds the token and
 * the exchange is its approved address) is read from the chain (`CoverExchange.listing`).
 */
export const exchangeListing = onchainTable(
  'exchange_listing',
  (t) => ({
    tokenId: t.bigint().primaryKey(),
    seller: t.hex().notNull(),
    price: t.bigint().notNull(),
    status: t.text().notNull(),
    listedAt: t.bigint().notNull(),
    updatedBlock: t.bigint().notNull(),
  }),
  (table) => ({ bySeller: index().on(table.seller), byStatus: index().on(table.status) }),
);

/** Escrowed offers: open → accepted | cancelled (refunded). */
export const exchangeOffer = onchainTable(
  'exchange_offer',
  (t) => ({
    offerId: t.bigint().primaryKey(),
    tokenId: t.bigint().notNull(),
    buyer: t.hex().notNull(),
    amount: t.bigint().notNull(),
    expiry: t.bigint().notNull(),
    status: t.text().notNull(),
    madeAt: t.bigint().notNull(),
    updatedBlock: t.bigint().notNull(),
  }),
  (table) => ({ byToken: index().on(table.tokenId), byBuyer: index().on(table.buyer) }),
);

/**
 * Every fill (a listing bought, or an offer accepted), with the cover's model value at that block
 * (`CoverValue.modelValueDown` on the feed's price and σ then; a touch not yet claimed is not seen: the mark
 * assumes none), so a cover's page shows its trades against its model value.
 */
export const coverTrade = onchainTable(
  'cover_trade',
  (t) => ({
    id: t.text().primaryKey(),
    tokenId: t.bigint().notNull(),
    seller: t.hex().notNull(),
    buyer: t.hex().notNull(),
    price: t.bigint().notNull(),
    fee: t.bigint().notNull(),
    offerId: t.bigint().notNull(),
    spot: t.bigint().notNull(),
    sigma: t.bigint().notNull(),
    modelValue: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ byToken: index().on(table.tokenId), byTime: index().on(table.timestamp) }),
);

// What the app reads over /sql (lib/history/queries.ts). Ponder 0.16 on PGlite flushes batched
// updates through session temp tables named like their target ("position"), and its /sql endpoint
// runs in that same session, so an unqualified read of "position" can land on the emptied temp table
// (seen after a 10k-event backfill: every account's positions read back empty). A view is bound to
// the real table when Ponder creates it, so reads through these always see the indexed rows.
export const poolSnapshotView = onchainView('pool_snapshot_view').as((qb) => qb.select().from(poolSnapshot));
export const protocolEventView = onchainView('protocol_event_view').as((qb) => qb.select().from(protocolEvent));
export const poolIncomeView = onchainView('pool_income_view').as((qb) => qb.select().from(poolIncome));
export const positionView = onchainView('position_view').as((qb) => qb.select().from(position));
export const redeemRequestView = onchainView('redeem_request_view').as((qb) => qb.select().from(redeemRequest));
export const coverView = onchainView('cover_view').as((qb) => qb.select().from(cover));
export const timelockOperationView = onchainView('timelock_operation_view').as((qb) => qb.select().from(timelockOperation));
export const timelockCallView = onchainView('timelock_call_view').as((qb) => qb.select().from(timelockCall));

// The reference perp venue's tables.
export * from './venueSchema';
export const exchangeListingView = onchainView('exchange_listing_view').as((qb) => qb.select().from(exchangeListing));
export const exchangeOfferView = onchainView('exchange_offer_view').as((qb) => qb.select().from(exchangeOffer));
export const coverTradeView = onchainView('cover_trade_view').as((qb) => qb.select().from(coverTrade));
