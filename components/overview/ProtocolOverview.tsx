'use client';

import { LAYERS } from '@/lib/chain/config';
import { describeError } from '@/lib/tx/describeError';
import { IndexerNotice } from '../history/IndexerNotice';
import { RecentEvents } from '../history/RecentEvents';
import { SharePriceHistory } from '../history/SharePriceHistory';
import { Card } from '../ui/Card';
import { ErrorState } from '../ui/ErrorState';
import { LayerCapitalCard } from './LayerCapitalCard';
import { useLayerCapital } from './useLayerCapital';

/** The overview: live capital per layer from the chain, history from the indexer. */
export function ProtocolOverview() {
  const { layers, query } = useLayerCapital();
  return (
    <div className="space-y-6">
      <IndexerNotice />
      {query.isError && !layers ? (
        <ErrorState title="Cannot reach the chain" message={describeError(query.error).message} onRetry={() => query.refetch()} />
      ) : (
        <div className="grid gap-6 md:grid-cols-2">
          {LAYERS.map((layer) =>
            layers ? (
              <LayerCapitalCard key={layer} layer={layer} capital={layers[layer]} />
            ) : (
              <div key={layer} className="h-64 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" aria-busy="true" />
            ),
          )}
        </div>
      )}
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Junior share price">
          <SharePriceHistory layer="junior" />
        </Card>
        <Card title="Recent activity">
          <RecentEvents />
        </Card>
      </div>
    </div>
  );
}
