// Tables the indexer writes. Amounts stay integers (bigint): history never rounds a number the
// chain holds exactly. Share price is assets per 1e18 shares, in the stablecoin's base units.
import { index, onchainTable, primaryKey } from 'ponder';

/** Pool state after every block that had a pool event. */
export const poolSnapshot = onchainTable(
  'pool_snapshot',
  (t) => ({
    pool: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    totalAssets: t.bigint().notNull(),
    totalSupply: t.bigint().notNull(),
    sharePrice: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.blockNumber] }) }),
);

/** Every protocol event, normalised for the activity feed. */
export const protocolEvent = onchainTable(
  'protocol_event',
  (t) => ({
    id: t.text().primaryKey(),
    kind: t.text().notNull(),
    contract: t.hex().notNull(),
    account: t.hex(),
    assets: t.bigint(),
    shares: t.bigint(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ byAccount: index().on(table.account), byBlock: index().on(table.blockNumber) }),
);

/** Each account's position in each pool. */
export const position = onchainTable(
  'position',
  (t) => ({
    pool: t.hex().notNull(),
    account: t.hex().notNull(),
    shares: t.bigint().notNull(),
    deposited: t.bigint().notNull(),
    withdrawn: t.bigint().notNull(),
    updatedBlock: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.account] }), byAccount: index().on(table.account) }),
);
