// The risk book as a browser query: one key per chain, re-read every minute (the stake preview).
import type { PublicClient } from 'viem';
import { TARGET_CHAIN_ID } from '@/lib/chain/config';
import { readRiskBook } from '@/lib/risk/loadBook';

/** Horizon the pool page's preview reads buckets for (the preview runs 30 days). */
const PREVIEW_HORIZON_DAYS = 30;

export const riskQueries = {
  book: (client: PublicClient | undefined) => ({
    queryKey: ['risk', 'book', TARGET_CHAIN_ID] as const,
    queryFn: () => readRiskBook(client!, { horizonDays: PREVIEW_HORIZON_DAYS }),
    enabled: Boolean(client),
    staleTime: 30_000,
    refetchInterval: 60_000,
    retry: 1,
  }),
};
