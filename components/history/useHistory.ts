'use client';

import { useQuery } from '@tanstack/react-query';
import { useBlockNumber } from 'wagmi';
import type { Layer } from '@/lib/chain/config';
import { blocksBehind, fetchApy, fetchEvents, fetchIndexedBlock, fetchSnapshots, INDEXER_URL } from '@/lib/history/indexerApi';

const HISTORY = { refetchInterval: 5_000, retry: 1, enabled: Boolean(INDEXER_URL) } as const;

export function useSnapshots(layer: Layer) {
  return useQuery({ queryKey: ['history', 'snapshots', layer], queryFn: () => fetchSnapshots(layer), ...HISTORY });
}

export function useRecentEvents(limit = 12) {
  return useQuery({ queryKey: ['history', 'events', limit], queryFn: () => fetchEvents(limit), ...HISTORY });
}

export function useApy(layer: Layer) {
  return useQuery({ queryKey: ['history', 'apy', layer], queryFn: () => fetchApy(layer), ...HISTORY });
}

/** Whether history is available and how far it trails the chain. */
export function useIndexerLag() {
  const head = useBlockNumber({ query: { refetchInterval: 4_000 } });
  const indexed = useQuery({ queryKey: ['history', 'indexed-block'], queryFn: fetchIndexedBlock, ...HISTORY });
  const behind = head.data !== undefined && indexed.data !== undefined ? blocksBehind(head.data, indexed.data) : undefined;
  return { configured: Boolean(INDEXER_URL), down: indexed.isError, behind };
}
