// The app's way into history: the questions of lib/history/queries.ts run over Ponder's
// SQL-over-HTTP client (@ponder/client, typed by the indexer's schema). History only: live state
// comes from the chain. Any failure, or no answer within INDEXER_TIMEOUT_MS, becomes an
// IndexerError with a sentence the page can show. The query builder is the heaviest code the app
// has, so it runs on the server only: every page is rendered on the server and calls it there.
import { createClient } from '@ponder/client';
import type { Address } from 'viem';
import * as schema from './schema';
import { poolAddress, type Layer } from '../chain/config';
import { INDEXER_TIMEOUT_MS, INDEXER_URL, IndexerError } from './indexerStatus';
import {
  accountPortfolio,
  type CoverMarketHistory,
  coverMarketHistory,
  type ExchangeBook,
  exchangeBook,
  pendingGovernance,
  poolApy,
  poolSnapshots,
  recentEvents,
  type ApyWindow,
  type GovernanceOperation,
  type HistoryDb,
  type Portfolio,
  type PoolSnapshot,
  type ProtocolEvent,
} from './queries';

export type {
  ApyWindow,
  CoverMarketHistory,
  ExchangeBook,
  GovernanceOperation,
  IndexedListing,
  IndexedOffer,
  IndexedTrade,
  IndexedCover,
  IndexedPosition,
  IndexedRequest,
  Portfolio,
  PoolSnapshot,
  ProtocolEvent,
} from './queries';

const clients = new Map<string, HistoryDb>();

/** The SQL-over-HTTP client for an indexer URL (one per URL, reused). */
export function historyDb(url: string | undefined = INDEXER_URL): HistoryDb {
  if (!url) throw new IndexerError('No indexer is configured for this network.');
  let db = clients.get(url);
  if (!db) {
    db = createClient(`${url}/sql`, { schema }).db;
    clients.set(url, db);
  }
  return db;
}

async function ask<T>(question: (db: HistoryDb) => Promise<T>, url?: string): Promise<T> {
  const db = historyDb(url);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // @ponder/client takes no abort signal: a hung indexer is given up on here instead.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), INDEXER_TIMEOUT_MS);
  });
  try {
    return await Promise.race([question(db), timeout]);
  } catch (error) {
    throw error instanceof IndexerError ? error : new IndexerError('The indexer is not answering.');
  } finally {
    clearTimeout(timer);
  }
}

function poolOf(layer: Layer): Address {
  const pool = poolAddress(layer);
  if (!pool) throw new IndexerError(`No ${layer} pool is deployed on this network.`);
  return pool;
}

export function fetchSnapshots(layer: Layer, limit = 200, url?: string): Promise<PoolSnapshot[]> {
  return ask((db) => poolSnapshots(db, poolOf(layer), limit), url);
}

export function fetchEvents(limit = 20, url?: string): Promise<ProtocolEvent[]> {
  return ask((db) => recentEvents(db, limit), url);
}

export async function fetchApy(layer: Layer, url?: string): Promise<ApyWindow[]> {
  return (await ask((db) => poolApy(db, poolOf(layer)), url)).windows;
}

export function fetchPortfolio(account: Address, limit = 50, url?: string): Promise<Portfolio> {
  return ask((db) => accountPortfolio(db, account, limit), url);
}

export function fetchPendingGovernance(limit = 20, url?: string): Promise<GovernanceOperation[]> {
  return ask((db) => pendingGovernance(db, limit), url);
}

export function fetchExchangeBook(url?: string): Promise<ExchangeBook> {
  return ask((db) => exchangeBook(db), url);
}

export function fetchCoverMarketHistory(tokenId: bigint, url?: string): Promise<CoverMarketHistory> {
  return ask((db) => coverMarketHistory(db, tokenId), url);
}
