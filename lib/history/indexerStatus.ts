// Where the indexer is and how far it has got: a plain fetch of Ponder's /status, light enough for
// every page. The history rows themselves come through lib/history/indexerApi.ts, on the server.

/** Where the indexer answers; unset means this deployment has no indexer and pages use live state only. */
export const INDEXER_URL: string | undefined =
  process.env.NEXT_PUBLIC_INDEXER_URL || (Number(process.env.NEXT_PUBLIC_CHAIN_ID ?? 31337) === 31337 ? 'http://127.0.0.1:42069' : undefined);

/** How long a history read may take before the page gives up and says history is unavailable. */
export const INDEXER_TIMEOUT_MS = 4_000;

/** A history read that failed, with a sentence the page can show as it is. */
export class IndexerError extends Error {}

/** The newest block the indexer has processed on every chain it follows (Ponder's /status). */
export async function fetchIndexedBlock(url: string | undefined = INDEXER_URL): Promise<bigint> {
  if (!url) throw new IndexerError('No indexer is configured for this network.');
  let status: Record<string, { block: { number: number } }>;
  try {
    const res = await fetch(`${url}/status`, { cache: 'no-store', signal: AbortSignal.timeout(INDEXER_TIMEOUT_MS) });
    if (!res.ok) throw new Error(String(res.status));
    status = await res.json();
  } catch {
    throw new IndexerError('The indexer is not answering.');
  }
  const numbers = Object.values(status).map((s) => s.block.number);
  if (numbers.length === 0) throw new IndexerError('The indexer has not started indexing yet.');
  return BigInt(Math.min(...numbers));
}

/** Blocks the indexer trails the chain head by (0 when it is level or the head is older). */
export function blocksBehind(chainHead: bigint, indexed: bigint): bigint {
  return chainHead > indexed ? chainHead - indexed : 0n;
}
