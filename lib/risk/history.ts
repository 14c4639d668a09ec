// The solvency history, RECOMPUTED FROM PAST STATE: the book is read again at the last block of each
// past day (readRiskBook at that block) and the browser runs today's model on each. Chosen over storing
// a ratio per block in the indexer or the keeper because (1) it needs nothing new on chain or in the
// indexer, (2) every point uses the model and parameters on the screen, so a change of model never
// mixes old and new numbers in one chart, and (3) it is exactly reproducible from the chain. The cost:
// past state needs an archive RPC (the local anvil keeps it; on a public chain a pruned node makes the
// history say it is unavailable), and ~N reads of the book. Venue positions at past blocks will need
// the venue's own history once it lands (see the README).
import type { PublicClient } from 'viem';
import { deployments } from '@/contracts-abi/deployments';
import { TARGET_CHAIN_ID } from '../chain/config';
import type { RiskBook } from './book';
import { readRiskBook } from './loadBook';

/** The first block at which every contract the book reads exists (the last one deployed). */
export function deployedFromBlock(chainId: number = TARGET_CHAIN_ID): bigint {
  const contracts = Object.values(deployments[chainId]?.contracts ?? {});
  return BigInt(Math.max(1, ...contracts.map((c) => c.blockNumber)));
}

export type HistoryPoint = { day: number; blockNumber: bigint; timestamp: bigint; book: RiskBook };

/** The newest block with timestamp ≤ t, by binary search between `lo` and `hi` (inclusive). */
export async function blockAtOrBefore(client: PublicClient, t: bigint, lo: bigint, hi: bigint): Promise<{ number: bigint; timestamp: bigint } | null> {
  const at = async (n: bigint) => (await client.getBlock({ blockNumber: n })).timestamp;
  if ((await at(lo)) > t) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1n) / 2n;
    if ((await at(mid)) <= t) lo = mid;
    else hi = mid - 1n;
  }
  return { number: lo, timestamp: await at(lo) };
}

/**
 * The book at the end of each of the last `days` days before `now`'s block (oldest first), from the
 * deployment block on. Days with no block of their own repeat no point.
 */
export async function readBookHistory(
  client: PublicClient,
  now: RiskBook,
  options: { days?: number; fromBlock?: bigint; horizonDays?: number } = {},
): Promise<HistoryPoint[]> {
  const days = options.days ?? 14;
  const from = options.fromBlock ?? deployedFromBlock();
  const blocks: Array<{ day: number; number: bigint; timestamp: bigint }> = [];
  let hi = now.blockNumber - 1n;
  for (let d = 1; d <= days && hi >= from; d++) {
    const t = now.timestamp - BigInt(d) * 86_400n;
    const b = await blockAtOrBefore(client, t, from, hi);
    if (!b) break;
    if (!blocks.some((x) => x.number === b.number)) blocks.push({ day: -d, ...b });
    hi = b.number;
  }
  blocks.reverse();
  const books = await Promise.all(blocks.map((b) => readRiskBook(client, { blockNumber: b.number, horizonDays: options.horizonDays ?? 30 })));
  return blocks.map((b, i) => ({ day: b.day, blockNumber: b.number, timestamp: b.timestamp, book: books[i]! }));
}
