'use client';

import { type ComponentType, useEffect, useState } from 'react';
import type { PoolSnapshot } from '@/lib/history/indexerApi';
import { useInView } from '../ui/useInView';

/** The chart's box while its data or its code is on the way: the chart's own height, so nothing shifts. */
export const ChartPlaceholder = () => <div className="h-48 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />;

type Chart = ComponentType<{ snapshots: readonly PoolSnapshot[] }>;

/**
 * The share-price chart, or a plain note when history is away or too short. Recharts loads when the chart
 * nears the viewport, into a box of the chart's own height (no shift); a plain import() rather than
 * next/dynamic, whose loader would otherwise ride in the overview's first load.
 */
export function LazySharePriceChart({ snapshots }: { snapshots: readonly PoolSnapshot[] | null }) {
  const { ref, inView } = useInView<HTMLDivElement>();
  const [chart, setChart] = useState<{ Chart: Chart } | 'failed'>();
  useEffect(() => {
    if (!inView || chart) return;
    void import('./SharePriceChart').then(
      (m) => setChart({ Chart: m.default }),
      () => setChart('failed'),
    );
  }, [inView, chart]);
  if (snapshots === null) return <p className="text-sm text-slate-500 dark:text-slate-400">Share-price history is unavailable while the indexer is away.</p>;
  if (snapshots.length < 2) return <p className="text-sm text-slate-500">Not enough history yet for a chart.</p>;
  if (chart === 'failed') return <p className="text-sm text-slate-500">The chart could not be loaded; reload the page to try again.</p>;
  return <div ref={ref}>{chart ? <chart.Chart snapshots={snapshots} /> : <ChartPlaceholder />}</div>;
}
