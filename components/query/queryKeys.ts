// Every query's key comes from here. Chain reads are wagmi hooks whose key wagmi derives from the call; each
// carries a scope (wagmi's `scopeKey`) named here, so a transaction invalidates exactly the scopes it
// touched (`invalidateScopes`), never the whole cache. History has plain keys under 'history'. Keys hold
// addresses and ids, never a block number (a key that changes every block is a cache that never hits).
import type { Query, QueryClient } from '@tanstack/react-query';
import type { Address } from 'viem';
import type { Layer } from '@/lib/chain/config';

const lower = (a: Address | undefined) => a?.toLowerCase() ?? 'none';

/** Scopes of the chain reads: what one screen shows from the chain. */
export const chainScopes = {
  /** A pool's state and the account's position in it, wallet balance and allowance included (usePoolData). */
  pool: (pool: Address | undefined) => `pool:${lower(pool)}`,
  /** The cover products on sale (productCount, product(id)). */
  coverProducts: () => 'cover:products',
  /** What a quote reads now, with the buyer's balance and allowance (useCoverSnapshot). */
  coverSnapshot: (productId: bigint | undefined) => `cover:snapshot:${productId ?? 'none'}`,
  /** One cover's state (coverInfo) and the round that proves its claim. */
  cover: (tokenId: bigint) => `cover:${tokenId}`,
  /** The test stablecoin's faucet terms (a constant: read once). */
  faucet: (token: Address | undefined) => `faucet:${lower(token)}`,
  /** The perp venue's market, sides and the account's position, balance and allowance (useVenue). */
  venue: (account: Address | undefined) => `venue:${lower(account)}`,
  /** The exchange's listings and offers as read on chain (listing(id), offer(id)), with the trader's allowance. */
  exchange: () => 'exchange',
  /** A price feed's rounds (the chart): only the keeper's rounds change them. */
  feed: (feed: Address | undefined) => `feed:${lower(feed)}`,
} as const;

export type ChainScope = ReturnType<(typeof chainScopes)[keyof typeof chainScopes]>;

/** Keys of the indexer's history queries (components/history/historyQueries.ts). */
export const historyKeys = {
  snapshots: (layer: Layer) => ['history', 'snapshots', layer] as const,
  apy: (layer: Layer) => ['history', 'apy', layer] as const,
  portfolio: (account: Address | undefined) => ['history', 'portfolio', lower(account)] as const,
  indexedBlock: () => ['history', 'indexed-block'] as const,
  venueActivity: () => ['history', 'venue-activity'] as const,
  exchangeBook: () => ['history', 'exchange-book'] as const,
  coverMarket: (tokenId: bigint) => ['history', 'cover-market', tokenId.toString()] as const,
};

/** Keys of the cover queries that are not plain chain reads. */
export const coverKeys = {
  /** The feed round that proves a cover's touch (findClaimRound); a new end means a new search. */
  claimRound: (market: Address, tokenId: bigint, end: bigint | undefined) =>
    ['cover', 'claim-round', lower(market), tokenId.toString(), end?.toString() ?? 'none'] as const,
};

/** The scope a wagmi query was created with (its key is `[name, { …parameters, scopeKey }]`). */
export function scopeOf(query: Pick<Query, 'queryKey'>): string | undefined {
  const parameters = query.queryKey[1];
  if (typeof parameters !== 'object' || parameters === null || !('scopeKey' in parameters)) return undefined;
  const scope = (parameters as { scopeKey?: unknown }).scopeKey;
  return typeof scope === 'string' ? scope : undefined;
}

/** Refetches the queries of these scopes (after a transaction that changed what they show). */
export function invalidateScopes(queryClient: QueryClient, scopes: readonly string[]): Promise<void> {
  const wanted = new Set(scopes);
  return queryClient.invalidateQueries({ predicate: (query) => wanted.has(scopeOf(query) ?? '') });
}
