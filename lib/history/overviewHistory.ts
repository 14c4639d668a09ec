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
import { blocksBehind, fetchIndexedBlock, INDEXER_URL } from './indexerStatus';
import type { IndexerHealth } from './indexerNotice';

export type OverviewHistory = {
  health: IndexerHealth;
  apy: Record<Layer, ApyWindow[] | null>;
  events: ProtocolEvent[] | null;
  juniorSnapshots: PoolSnapshot[] | null;
  /** Timelocked governance changes queued and not yet executed or cancelled. */
  pendingGovernance: GovernanceOperation[] | null;
};

const settled = <T>(r: PromiseSettledResult<T>): T | null => (r.status === 'fulfilled' ? r.value : null);

/** `chainHead` is the block the page's live numbers come from, for the "N blocks behind" notice. */
export async function readOverviewHistory(
  chainHead: bigint | undefined,
  url: string | undefined = process.env.INDEXER_URL || INDEXER_URL,
): Promise<OverviewHistory> {
  if (!url)
    return {
      health: { configured: false, down: false, behind: undefined },
      apy: { junior: null, senior: null },
      events: null,
      juniorSnapshots: null,
      pendingGovernance: null,
    };
  const [indexed, events, snapshots, governance, ...apy] = await Promise.allSettled([
    fetchIndexedBlock(url),
    fetchEvents(12, url),
    fetchSnapshots('junior', 200, url),
    fetchPendingGovernance(10, url),
    ...LAYERS.map((layer) => fetchApy(layer, url)),
  ]);
  const indexedBlock = settled(indexed);
  return {
    health: {
      configured: true,
      down: indexedBlock === null,
      behind: indexedBlock !== null && chainHead !== undefined ? blocksBehind(chainHead, indexedBlock) : undefined,
    },
    apy: Object.fromEntries(LAYERS.map((layer, i) => [layer, settled(apy[i]!) as ApyWindow[] | null])) as Record<Layer, ApyWindow[] | null>,
    events: settled(events) as ProtocolEvent[] | null,
    juniorSnapshots: settled(snapshots) as PoolSnapshot[] | null,
    pendingGovernance: settled(governance) as GovernanceOperation[] | null,
  };
}
