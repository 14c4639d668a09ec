// The history questions the app asks, written once in Drizzle against the indexer's own schema.
// The app runs them over Ponder's SQL-over-HTTP client (lib/history/indexerApi.ts); the indexer's
// REST routes run the very same functions on its database, so each question has one answer.
import { and, asc, desc, eq, gte, inArray } from '@ponder/client';
import type { Client } from '@ponder/client';
import type { Address } from 'viem';
// Read through the schema's views, never the tables by name: see the note on the views in ./schema.ts.
import {
  coverTradeView as coverTrade,
  coverView as cover,
  exchangeListingView as exchangeListing,
  exchangeOfferView as exchangeOffer,
  poolIncomeView as poolIncome,
  poolSnapshotView as poolSnapshot,
  positionView as position,
  protocolEventView as protocolEvent,
  redeemRequestView as redeemRequest,
  timelockCallView as timelockCall,
  timelockOperationView as timelockOperation,
} from './schema';
import type * as schema from './schema';
import { incomeApy, sharePriceApy } from './apy';

/** Anything that builds Drizzle selects over the indexer's tables: the HTTP client's db or Ponder's own. */
export type HistoryDb = Pick<Client<typeof schema>['db'], 'select'>;

export type PoolSnapshot = typeof poolSnapshot.$inferSelect;
export type ProtocolEvent = typeof protocolEvent.$inferSelect;
export type IndexedPosition = typeof position.$inferSelect;
export type IndexedRequest = typeof redeemRequest.$inferSelect;
export type IndexedCover = typeof cover.$inferSelect;
export type Portfolio = { positions: IndexedPosition[]; requests: IndexedRequest[]; covers: IndexedCover[]; events: ProtocolEvent[] };
export type ApyWindow = { days: number; incomeApy: number | null; sharePriceApy: number | null };
export type TimelockOperation = typeof timelockOperation.$inferSelect;
export type IndexedListing = typeof exchangeListing.$inferSelect;
export type IndexedOffer = typeof exchangeOffer.$inferSelect;
export type IndexedTrade = typeof coverTrade.$inferSelect;
/** The exchange's book as indexed: listings still listed and open offers, with their covers. */
export type ExchangeBook = { listings: IndexedListing[]; offers: IndexedOffer[]; covers: IndexedCover[] };
/** One cover's market history: the cover, its trades (oldest first), and its open offers and listing. */
export type CoverMarketHistory = { cover: IndexedCover | null; trades: IndexedTrade[]; offers: IndexedOffer[]; listing: IndexedListing | null };
export type TimelockCall = typeof timelockCall.$inferSelect;
/** One timelocked governance operation and its calls in batch order. */
export type GovernanceOperation = TimelockOperation & { callList: TimelockCall[] };

const DAY = 86_400;
export const APY_WINDOW_DAYS = [7, 30] as const;

/** The pool's newest `limit` snapshots, oldest first (a chart's order). */
export async function poolSnapshots(db: HistoryDb, pool: Address, limit: number): Promise<PoolSnapshot[]> {
  const rows = await db.select().from(poolSnapshot).where(eq(poolSnapshot.pool, pool)).orderBy(desc(poolSnapshot.blockNumber)).limit(limit);
  return rows.reverse();
}

/** The protocol's newest events, newest first. */
export function recentEvents(db: HistoryDb, limit: number): Promise<ProtocolEvent[]> {
  return db.select().from(protocolEvent).orderBy(desc(protocolEvent.blockNumber), desc(protocolEvent.id)).limit(limit);
}

/**
 * Realised yield over the trailing 7 and 30 days. "Now" is the newest indexed pool snapshot, so a
 * quiet pool still earns to date; the snapshot before a window carries its level into it.
 */
export async function poolApy(db: HistoryDb, pool: Address): Promise<{ asOf: number | null; windows: ApyWindow[] }> {
  const latest = await db.select().from(poolSnapshot).orderBy(desc(poolSnapshot.blockNumber)).limit(1);
  if (latest.length === 0) return { asOf: null, windows: [] };
  const now = Number(latest[0]!.timestamp);
  const since = BigInt(now - Math.max(...APY_WINDOW_DAYS) * DAY);
  const [points, older, incomes] = await Promise.all([
    db
      .select()
      .from(poolSnapshot)
      .where(and(eq(poolSnapshot.pool, pool), gte(poolSnapshot.timestamp, since)))
      .orderBy(asc(poolSnapshot.timestamp)),
    db.select().from(poolSnapshot).where(eq(poolSnapshot.pool, pool)).orderBy(asc(poolSnapshot.timestamp)).limit(1),
    db
      .select()
      .from(poolIncome)
      .where(and(eq(poolIncome.pool, pool), gte(poolIncome.earnedAt, since))),
  ]);
  const all = [...older, ...points];
  const windows = APY_WINDOW_DAYS.map((days) => ({
    days,
    incomeApy: incomeApy(incomes, all, now - days * DAY, now),
    sharePriceApy: sharePriceApy(all, now - days * DAY, now),
  }));
  return { asOf: now, windows };
}

/** One account's positions, redeem requests, covers held and newest `limit` events. */
export async function accountPortfolio(db: HistoryDb, account: Address, limit: number): Promise<Portfolio> {
  const [positions, requests, covers, events] = await Promise.all([
    db.select().from(position).where(eq(position.account, account)),
    db.select().from(redeemRequest).where(eq(redeemRequest.controller, account)).orderBy(desc(redeemRequest.requestedBlock)),
    db.select().from(cover).where(eq(cover.holder, account)).orderBy(desc(cover.tokenId)),
    db.select().from(protocolEvent).where(eq(protocolEvent.account, account)).orderBy(desc(protocolEvent.blockNumber), desc(protocolEvent.id)).limit(limit),
  ]);
  return { positions, requests, covers, events };
}

async function withCalls(db: HistoryDb, operations: TimelockOperation[]): Promise<GovernanceOperation[]> {
  if (operations.length === 0) return [];
  const calls = await db
    .select()
    .from(timelockCall)
    .where(
      inArray(
        timelockCall.opId,
        operations.map((o) => o.id),
      ),
    )
    .orderBy(asc(timelockCall.opId), asc(timelockCall.index));
  return operations.map((o) => ({ ...o, callList: calls.filter((c) => c.opId === o.id) }));
}

/** Governance changes queued and not yet executed or cancelled, the soonest executable first. */
export async function pendingGovernance(db: HistoryDb, limit: number): Promise<GovernanceOperation[]> {
  const operations = await db
    .select()
    .from(timelockOperation)
    .where(eq(timelockOperation.status, 'pending'))
    .orderBy(asc(timelockOperation.readyAt), asc(timelockOperation.id))
    .limit(limit);
  return withCalls(db, operations);
}

/** The newest governance operations in any state (queued, executed, cancelled), newest first. */
export async function governanceHistory(db: HistoryDb, limit: number): Promise<GovernanceOperation[]> {
  const operations = await db.select().from(timelockOperation).orderBy(desc(timelockOperation.scheduledBlock), asc(timelockOperation.id)).limit(limit);
  return withCalls(db, operations);
}

/** Every listing still listed and every open offer, with the covers they concern (the market view filters live ones on chain). */
export async function exchangeBook(db: HistoryDb): Promise<ExchangeBook> {
  const [listings, offers] = await Promise.all([
    db.select().from(exchangeListing).where(eq(exchangeListing.status, 'listed')).orderBy(asc(exchangeListing.tokenId)),
    db.select().from(exchangeOffer).where(eq(exchangeOffer.status, 'open')).orderBy(desc(exchangeOffer.amount), asc(exchangeOffer.offerId)),
  ]);
  const ids = [...new Set([...listings.map((l) => l.tokenId), ...offers.map((o) => o.tokenId)])];
  const covers = ids.length === 0 ? [] : await db.select().from(cover).where(inArray(cover.tokenId, ids));
  return { listings, offers, covers };
}

/** Cover `tokenId`'s trades (oldest first), open offers and listing row. */
export async function coverMarketHistory(db: HistoryDb, tokenId: bigint): Promise<CoverMarketHistory> {
  const [covers, trades, offers, listings] = await Promise.all([
    db.select().from(cover).where(eq(cover.tokenId, tokenId)),
    db.select().from(coverTrade).where(eq(coverTrade.tokenId, tokenId)).orderBy(asc(coverTrade.blockNumber), asc(coverTrade.id)),
    db
      .select()
      .from(exchangeOffer)
      .where(and(eq(exchangeOffer.tokenId, tokenId), eq(exchangeOffer.status, 'open')))
      .orderBy(desc(exchangeOffer.amount)),
    db.select().from(exchangeListing).where(eq(exchangeListing.tokenId, tokenId)),
  ]);
  return { cover: covers[0] ?? null, trades, offers, listing: listings[0] ?? null };
}
