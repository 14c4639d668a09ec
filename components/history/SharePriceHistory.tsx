'use client';

import dynamic from 'next/dynamic';
import type { Layer } from '@/lib/chain/config';
import { useSnapshots } from './useHistory';

const SharePriceChart = dynamic(() => import('./SharePriceChart'), {
  ssr: false,
  loading: () => <div className="h-48 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" />,
});

/** The layer's share price history from the indexer, or a plain note when history is away. */
export function SharePriceHistory({ layer }: { layer: Layer }) {
  const snapshots = useSnapshots(layer);
  if (snapshots.isError) return <p className="text-sm text-slate-500 dark:text-slate-400">Share-price history is unavailable while the indexer is away.</p>;
  if (!snapshots.data) return <div className="h-48 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />;
  if (snapshots.data.length < 2) return <p className="text-sm text-slate-500">Not enough history yet for a chart.</p>;
  return <SharePriceChart snapshots={snapshots.data} />;
}
