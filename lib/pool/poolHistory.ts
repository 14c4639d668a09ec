// A pool page's history, read on the server from the indexer: how far it has got, the layer's yield
// windows and its share-price snapshots. Each part may fail on its own (the indexer is away, or behind);
// the page shows what it has and says what it lacks. Never rejects.
import type { Layer } from '../chain/config';
import { fetchApy, fetchSnapshots, type ApyWindow, type PoolSnapshot } from '../history/indexerApi';
import type { IndexerHealth } from '../history/indexerNotice';
import { blocksBehind, fetchIndexedBlock, INDEXER_URL } from '../history/indexerStatus';

export type PoolHistory = { health: IndexerHealth; apy: ApyWindow[] | null; snapshots: PoolSnapshot[] | null };

const settled = <T>(r: PromiseSettledResult<T>): T | null => (r.status === 'fulfilled' ? r.value : null);

/** `chainHead` is the block the page's live numbers come from, for the "N blocks behind" notice. */
export async function readPoolHistory(
  layer: Layer,
  chainHead: bigint | undefined,
  url: string | undefined = process.env.INDEXER_URL || INDEXER_URL,
): Promise<PoolHistory> {
  if (!url) return { health: { configured: false, down: false, behind: undefined }, apy: null, snapshots: null };
  const [indexed, apy, snapshots] = await Promise.allSettled([fetchIndexedBlock(url), fetchApy(layer, url), fetchSnapshots(layer, 200, url)]);
  const indexedBlock = settled(indexed);
  return {
    health: {
      configured: true,
      down: indexedBlock === null,
      behind: indexedBlock !== null && chainHead !== undefined ? blocksBehind(chainHead, indexedBlock) : undefined,
    },
    apy: settled(apy),
    snapshots: settled(snapshots),
  };
}
