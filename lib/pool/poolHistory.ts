// A pool page's history, read on the server from the indexer: how far it has got, the layer's yield
// windows and its share-price snapshots. Each part may fail on its own (the indexer is away, or behind);
// the page shows what it has and says what it lacks. Never rejects.
import type { Layer } from '../chain/config';
import { fetchApy, fetchSnapshots, type ApyWindow, type PoolSnapshot } from '../history/indexerApi';
import { answerOrNull, type IndexerHealth, indexerHealth, NO_INDEXER } from '../history/indexerNotice';
import { fetchIndexedBlock, INDEXER_URL } from '../history/indexerStatus';

export type PoolHistory = { health: IndexerHealth; apy: ApyWindow[] | null; snapshots: PoolSnapshot[] | null };

/** `chainHead` is the block the page's live numbers come from, for the "N blocks behind" notice. */
export async function readPoolHistory(
  layer: Layer,
  chainHead: bigint | undefined,
  url: string | undefined = process.env.INDEXER_URL || INDEXER_URL,
): Promise<PoolHistory> {
  if (!url) return { health: NO_INDEXER, apy: null, snapshots: null };
  const [indexed, apy, snapshots] = await Promise.allSettled([fetchIndexedBlock(url), fetchApy(layer, url), fetchSnapshots(layer, 200, url)]);
  return { health: indexerHealth(indexed, chainHead), apy: answerOrNull(apy), snapshots: answerOrNull(snapshots) };
}
