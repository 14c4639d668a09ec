'use client';
// One cover's live terms and status (`CoverMarket.coverInfo`), polled, under the cover's invalidation scope,
// so a claim or a sale anywhere refreshes every view of it.
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { coverMarketAbi } from '@/contracts-abi';
import { chainScopes } from '../query/queryKeys';

export function useCoverInfo(market: Address | undefined, tokenId: bigint) {
  return useReadContract({
    address: market,
    abi: coverMarketAbi,
    functionName: 'coverInfo',
    args: [tokenId],
    scopeKey: chainScopes.cover(tokenId),
    query: { refetchInterval: 4_000 },
  });
}
