'use client';

import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { fetchPortfolio, INDEXER_URL } from '@/lib/history/indexerApi';

/** The account's indexed history: stake flows, redeem requests, its events. */
export function usePortfolio(account: Address | undefined) {
  return useQuery({
    queryKey: ['history', 'portfolio', account],
    queryFn: () => fetchPortfolio(account!),
    enabled: Boolean(account && INDEXER_URL),
    refetchInterval: 5_000,
    retry: 1,
  });
}
