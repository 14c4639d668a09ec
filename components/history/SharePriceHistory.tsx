'use client';

import type { Layer } from '@/lib/chain/config';
import { LazySharePriceChart } from './LazySharePriceChart';
import { useSnapshots } from './useHistory';

/** The layer's share price history, read from the indexer in the browser. */
export function SharePriceHistory({ layer }: { layer: Layer }) {
  const snapshots = useSnapshots(layer);
  if (!snapshots.data && !snapshots.isError) return <div className="h-48 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />;
  return <LazySharePriceChart snapshots={snapshots.data ?? null} />;
}
