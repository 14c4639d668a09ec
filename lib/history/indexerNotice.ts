import { blocksBehind } from './indexerStatus';

// What a page says about its history source. A few blocks of lag is normal polling; say so only
// when history is visibly stale. Live numbers on the page stay correct either way.
export const STALE_BLOCKS = 5n;

export type IndexerHealth = { configured: boolean; down: boolean; behind: bigint | undefined };

/** No indexer on this network: history is not offered at all. */
export const NO_INDEXER: IndexerHealth = { configured: false, down: false, behind: undefined };

/**
 * The indexer's health from its answer about the last block it indexed (rejected: down) against
 * `chainHead`, the block the page's live numbers come from.
 */
export function indexerHealth(indexed: PromiseSettledResult<bigint>, chainHead: bigint | undefined): IndexerHealth {
  if (indexed.status === 'rejected') return { configured: true, down: true, behind: undefined };
  return { configured: true, down: false, behind: chainHead !== undefined ? blocksBehind(chainHead, indexed.value) : undefined };
}

/** A history read's answer, or null where it failed (the page says what it lacks). */
export const answerOrNull = <T>(read: PromiseSettledResult<T>): T | null => (read.status === 'fulfilled' ? read.value : null);

export function indexerNotice({ configured, down, behind }: IndexerHealth): string | undefined {
  if (!configured) return 'History is not available on this network: live numbers only.';
  if (down) return 'History is unavailable right now (the indexer is not answering). Live numbers come straight from the chain.';
  if (behind !== undefined && behind > STALE_BLOCKS) return `History is ${behind} blocks behind the chain; charts and activity will catch up.`;
  return undefined;
}
