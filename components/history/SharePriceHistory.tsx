'use client';

import type { Layer } from '@/lib/chain/config';
import { ChartPlaceholder, LazySharePriceChart } from './LazySharePriceChart';
import { useSnapshots } from './useHistory';

/** The layer's share price history, read from the indexer in the browser. */
export function SharePriceHistory({ layer }: { layer: Layer }) {
  const snapshots = useSnapshots(layer);
  if (!snapshots.data && !snapshots.isError) return <ChartPlaceholder />;
  return <LazySharePriceChart snapshots={snapshots.data ?? null} />;
}
