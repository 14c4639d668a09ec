'use client';

import { useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { historyQueries } from '../history/historyQueries';

/** The account's indexed history: stake flows, redeem requests, its events. */
export function usePortfolio(account: Address | undefined) {
  return useQuery(historyQueries.portfolio(account));
}
