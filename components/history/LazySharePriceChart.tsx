'use client';

import dynamic from 'next/dynamic';
import type { PoolSnapshot } from '@/lib/history/indexerApi';
import { useInView } from '../ui/useInView';

/** The chart's box while its data or its code is on the way: the chart's own height, so nothing shifts. */
export const ChartPlaceholder = () => <div className="h-48 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />;

// Recharts loads when the chart nears the viewport, into a box of the chart's own height (no shift).
const SharePriceChart = dynamic(() => import('./SharePriceChart'), { ssr: false, loading: ChartPlaceholder });

/** The share-price chart, or a plain note when history is away or too short. */
export function LazySharePriceChart({ snapshots }: { snapshots: readonly PoolSnapshot[] | null }) {
  const { ref, inView } = useInView<HTMLDivElement>();
  if (snapshots === null) return <p className="text-sm text-slate-500 dark:text-slate-400">Share-price history is unavailable while the indexer is away.</p>;
  if (snapshots.length < 2) return <p className="text-sm text-slate-500">Not enough history yet for a chart.</p>;
  return <div ref={ref}>{inView ? <SharePriceChart snapshots={snapshots} /> : <ChartPlaceholder />}</div>;
}
