import { Suspense } from 'react';
import { contractAddress, LAYERS, type Layer } from '@/lib/chain/config';
import { LAYER_COPY } from '@/lib/pool/layers';
import { serverPublicClient } from '@/lib/chain/serverClient';
import { readOverviewHistory, type OverviewHistory } from '@/lib/history/overviewHistory';
import { readProtocolState } from '@/lib/overview/protocolState';
import { readVenueState } from '@/lib/overview/venueState';
import { fetchVenueActivity } from '@/lib/venue/venueActivity';
import { AutoRefresh } from '../chain/AutoRefresh';
import { IndexerNoticeText } from '../history/IndexerNoticeText';
import { ChartPlaceholder, LazySharePriceChart } from '../history/LazySharePriceChart';
import { RecentEvents } from '../history/RecentEvents';
import { Card } from '../ui/Card';
import { LayerCapitalCard } from './LayerCapitalCard';
import { MintBudgetCard } from './MintBudgetCard';
import { OracleCard } from './OracleCard';
import { QueuedChanges } from './QueuedChanges';
import { VenueCard } from './VenueCard';
import { SolvencyCard } from '../risk/SolvencyCard';
import { settle } from '@/lib/chain/settle';
import { ChainUnreachable } from '@/components/chain/ChainUnreachable';

type History = Promise<OverviewHistory>;

/** The reference venue's open interest (chain, at the overview's block) and lifetime bad debt (indexer); nothing when it is not deployed. */
async function Venue({ blockNumber }: { blockNumber: bigint }) {
  const venue = contractAddress('perpVenue');
  const waterfall = contractAddress('shortfallWaterfall');
  const feed = contractAddress('priceFeed');
  if (!venue || !waterfall || !feed) return null;
  const [state, activity] = await Promise.all([
    readVenueState(serverPublicClient(), { venue, waterfall, feed }, blockNumber).catch(() => null),
    fetchVenueActivity(1).catch(() => null),
  ]);
  return state ? <VenueCard venue={state} totals={activity?.totals ?? null} /> : null;
}

/** The first cards' shape while the chain's numbers stream in. */
export function OverviewPlaceholder() {
  return (
    <div className="grid gap-6 md:grid-cols-2" aria-busy="true">
      <div className="h-56 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
      <div className="h-56 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}

const ActivityPlaceholder = () => <div className="h-40 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />;

async function HistoryNotice({ history }: { history: History }) {
  return <IndexerNoticeText health={(await history).health} />;
}

async function SharePrice({ history, layer }: { history: History; layer: Layer }) {
  return <LazySharePriceChart snapshots={(await history).snapshots[layer]} />;
}

async function Activity({ history }: { history: History }) {
  return <RecentEvents events={(await history).events} />;
}

async function Governance({ history, blockNumber, now }: { history: History; blockNumber: bigint | undefined; now: bigint }) {
  return <QueuedChanges operations={(await history).pendingGovernance} blockNumber={blockNumber} now={now} />;
}

/**
 * The overview, rendered on the server: live capital and oracle from the chain first, history from
 * the indexer streamed in after it (a slow or hung indexer never holds up the live numbers). It ships
 * no wallet or RPC code; it is rendered again every 12 s (about a block on mainnet) while the tab is visible.
 */
export async function ProtocolOverview() {
  const live = await settle(readProtocolState(serverPublicClient()));
  // Never rejects: each part that fails is null, and the page says what it lacks.
  const history = readOverviewHistory('value' in live ? live.value.blockNumber : undefined);
  return (
    <div className="space-y-6">
      <AutoRefresh everyMs={12_000} />
      <Suspense fallback={null}>
        <HistoryNotice history={history} />
      </Suspense>
      {'error' in live ? (
        <ChainUnreachable error={live.error} returns="Live capital appears" />
      ) : (
        <div className="grid gap-6 md:grid-cols-2">
          {LAYERS.map((layer) => (
            <LayerCapitalCard key={layer} layer={layer} capital={live.value.layers[layer]} apy={history.then((h) => h.apy[layer])} />
          ))}
        </div>
      )}
      {'value' in live ? (
        <div className="grid items-start gap-6 md:grid-cols-2">
          <OracleCard oracle={live.value.oracle} now={live.value.blockTimestamp} />
          {live.value.mintBudget ? <MintBudgetCard budget={live.value.mintBudget} /> : null}
        </div>
      ) : null}
      {'value' in live ? (
        <Suspense fallback={null}>
          <Venue blockNumber={live.value.blockNumber} />
        </Suspense>
      ) : null}
      {'value' in live ? <SolvencyCard /> : null}
      {/* History streams in last and at the bottom, so what arrives pushes nothing already on screen. */}
      <Card title="Recent activity">
        <Suspense fallback={<ActivityPlaceholder />}>
          <Activity history={history} />
        </Suspense>
      </Card>
      {'value' in live ? (
        <Card title="Queued governance changes">
          <Suspense fallback={<ActivityPlaceholder />}>
            <Governance history={history} blockNumber={live.value.blockNumber} now={live.value.blockTimestamp} />
          </Suspense>
        </Card>
      ) : null}
      <div className="grid items-start gap-6 md:grid-cols-2">
        {LAYERS.map((layer) => (
          <Card key={layer} title={`${LAYER_COPY[layer].title.split(' — ')[0]} share price`}>
            <div data-testid={`${layer}-share-price-history`}>
              <Suspense fallback={<ChartPlaceholder />}>
                <SharePrice history={history} layer={layer} />
              </Suspense>
            </div>
          </Card>
        ))}
      </div>
    </div>
  );
}
