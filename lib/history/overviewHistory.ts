// The overview's history, read on the server in one go. Each part may fail on its own (the indexer
// is away, or behind); the page shows what it has and says what it lacks.
import { LAYERS, type Layer } from '../chain/config';
import {
  fetchApy,
  fetchEvents,
  fetchPendingGovernance,
  fetchSnapshots,
  type ApyWindow,
  type GovernanceOperation,
  type PoolSnapshot,
  type ProtocolEvent,
} from './indexerApi';
import { fetchIndexedBlock, INDEXER_URL } from './indexerStatus';
import { answerOrNull, type IndexerHealth, indexerHealth, NO_INDEXER } from './indexerNotice';

export type OverviewHistory = {
  health: IndexerHealth;
  apy: Record<Layer, ApyWindow[] | null>;
  events: ProtocolEvent[] | null;
  /** Each layer's share-price history (Junior's and Senior's alike). */
  snapshots: Record<Layer, PoolSnapshot[] | null>;
  /** Timelocked governance changes queued and not yet executed or cancelled. */
  pendingGovernance: GovernanceOperation[] | null;
};

/** `chainHead` is the block the page's live numbers come from, for the "N blocks behind" notice. */
export async function readOverviewHistory(
  chainHead: bigint | undefined,
  url: string | undefined = process.env.INDEXER_URL || INDEXER_URL,
): Promise<OverviewHistory> {
  if (!url)
    return {
      health: NO_INDEXER,
      apy: { junior: null, senior: null },
      events: null,
      snapshots: { junior: null, senior: null },
      pendingGovernance: null,
    };
  const [indexed, events, governance, ...perLayer] = await Promise.allSettled([
    fetchIndexedBlock(url),
    fetchEvents(12, url),
    fetchPendingGovernance(10, url),
    ...LAYERS.map((layer) => fetchApy(layer, url)),
    ...LAYERS.map((layer) => fetchSnapshots(layer, 200, url)),
  ]);
  const apy = perLayer.slice(0, LAYERS.length);
  const snapshots = perLayer.slice(LAYERS.length);
  return {
    health: indexerHealth(indexed, chainHead),
    apy: Object.fromEntries(LAYERS.map((layer, i) => [layer, answerOrNull(apy[i]!) as ApyWindow[] | null])) as Record<Layer, ApyWindow[] | null>,
    events: answerOrNull(events) as ProtocolEvent[] | null,
    snapshots: Object.fromEntries(LAYERS.map((layer, i) => [layer, answerOrNull(snapshots[i]!) as PoolSnapshot[] | null])) as Record<
      Layer,
      PoolSnapshot[] | null
    >,
    pendingGovernance: answerOrNull(governance) as GovernanceOperation[] | null,
  };
}
