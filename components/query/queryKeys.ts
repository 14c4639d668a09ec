// Every client-side query's key comes from here (the cover exchange's pages; the others read on the server). Chain reads are wagmi hooks whose key wagmi derives from the call; each
// carries a scope (wagmi's `scopeKey`) named here, so a transaction invalidates exactly the scopes it
// touched (`invalidateScopes`), never the whole cache. History has plain keys under 'history'. Keys hold
// addresses and ids, never a block number (a key that changes every block is a cache that never hits).
import type { Query, QueryClient } from '@tanstack/react-query';
import type { Address } from 'viem';

const lower = (a: Address | undefined) => a?.toLowerCase() ?? 'none';

/** Scopes of the chain reads: what one screen shows from the chain. */
export const chainScopes = {
  /** The cover products on sale (productCount, product(id)). */
  coverProducts: () => 'cover:products',
  /** What a quote reads now, with the buyer's balance and allowance (useCoverSnapshot). */
  coverSnapshot: (productId: bigint | undefined) => `cover:snapshot:${productId ?? 'none'}`,
  /** One cover's state (coverInfo) and the round that proves its claim. */
  cover: (tokenId: bigint) => `cover:${tokenId}`,
  /** The exchange's listings and offers as read on chain (listing(id), offer(id)), with the trader's allowance. */
  exchange: () => 'exchange',
} as const;

export type ChainScope = ReturnType<(typeof chainScopes)[keyof typeof chainScopes]>;

/** Keys of the indexer's history queries (components/history/historyQueries.ts). */
export const historyKeys = {
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
