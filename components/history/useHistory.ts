'use client';

import { useQuery } from '@tanstack/react-query';
import { useBlockNumber } from 'wagmi';
import type { Layer } from '@/lib/chain/config';
import { blocksBehind, INDEXER_URL } from '@/lib/history/indexerStatus';
import type { IndexerHealth } from '@/lib/history/indexerNotice';
import { historyQueries } from './historyQueries';

/** The layer's share-price snapshots; `enabled` false holds the read (and the SQL client's download) back. */
export function useSnapshots(layer: Layer, enabled = true) {
  const query = historyQueries.snapshots(layer);
  return useQuery({ ...query, enabled: query.enabled && enabled });
}

/** The layer's realised yield windows (gross income and net share-price change). */
export function useApy(layer: Layer) {
  return useQuery(historyQueries.apy(layer));
}

/** Whether history is available and how far it trails the chain. */
export function useIndexerLag(): IndexerHealth {
  const head = useBlockNumber({ query: { refetchInterval: 4_000 } });
  const indexed = useQuery(historyQueries.indexedBlock());
  const behind = head.data !== undefined && indexed.data !== undefined ? blocksBehind(head.data, indexed.data) : undefined;
  return { configured: Boolean(INDEXER_URL), down: indexed.isError, behind };
}
