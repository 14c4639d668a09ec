'use client';

import type { Layer } from '@/lib/chain/config';
import { useInView } from '../ui/useInView';
import { ChartPlaceholder, LazySharePriceChart } from './LazySharePriceChart';
import { useSnapshots } from './useHistory';

/**
 * The layer's share price history, read from the indexer in the browser once the card nears the
 * viewport: the read loads the SQL client (~90 kB), which a pool page's first screen never needs.
 */
export function SharePriceHistory({ layer }: { layer: Layer }) {
  const { ref, inView } = useInView<HTMLDivElement>();
  const snapshots = useSnapshots(layer, inView);
  return <div ref={ref}>{!snapshots.data && !snapshots.isError ? <ChartPlaceholder /> : <LazySharePriceChart snapshots={snapshots.data ?? null} />}</div>;
}
