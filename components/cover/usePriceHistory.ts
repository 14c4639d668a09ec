'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Address } from 'viem';
import { useReadContract, useReadContracts } from 'wagmi';
import { aggregatorV3Abi } from '@/contracts-abi';
import type { Round } from '@/lib/cover/findClaimRound';
import { MAX_HISTORY_ROUNDS, recentRoundIds } from '@/lib/cover/priceHistory';
import { chainScopes } from '../query/queryKeys';

const NO_ROUNDS: Round[] = [];

/**
 * The feed's last rounds (up to MAX_HISTORY_ROUNDS, inside the current phase), oldest first: the latest
 * round id, then every `getRoundData` in one batch (multicall where the chain has Multicall3, else one
 * JSON-RPC batch). A round the feed refuses is left out. While a new round's batch loads, the previous
 * rounds stay on screen.
 */
export function usePriceHistory(feed: Address, count: number = MAX_HISTORY_ROUNDS) {
  const latest = useReadContract({
    address: feed,
    abi: aggregatorV3Abi,
    functionName: 'latestRoundData',
    scopeKey: chainScopes.feed(feed),
    query: { refetchInterval: 4_000 },
  });
  const ids = latest.data ? recentRoundIds(latest.data[0], count) : [];
  const rounds = useReadContracts({
    allowFailure: true,
    contracts: ids.map((id) => ({ address: feed, abi: aggregatorV3Abi, functionName: 'getRoundData', args: [id] }) as const),
    scopeKey: chainScopes.feed(feed),
    // A round, once written, does not change: the ids in the key say when to read again.
    query: { enabled: ids.length > 0, staleTime: Number.POSITIVE_INFINITY, placeholderData: keepPreviousData },
  });
  // One array per batch read (not per render), so charts drawn from it can skip redraws.
  const list: Round[] | undefined = useMemo(
    () =>
      rounds.data?.flatMap((r) => {
        if (r.status !== 'success') return [];
        const [roundId, answer, startedAt, updatedAt, answeredInRound] = r.result;
        return [{ roundId, answer, startedAt, updatedAt, answeredInRound }];
      }),
    [rounds.data],
  );
  // A failed refresh keeps what was read; only a history never read is an error.
  const isError = (latest.isError && !latest.data) || (rounds.isError && !rounds.data);
  return { rounds: latest.data && ids.length === 0 ? NO_ROUNDS : list, isError };
}
