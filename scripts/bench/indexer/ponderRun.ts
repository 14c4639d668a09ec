// Starts the real indexer (scripts/testing/ponder.ts: `ponder start` on a throwaway PGlite) and times
// it: from the spawn until its HTTP server answers, until /status reaches the chain head, and until
// the caller's check sees the data through the API. Ponder's own log marks (backfill start and end)
// are timed on the same clock, so the fixed boot cost can be told apart from the indexing work.
import { performance } from 'node:perf_hooks';
import { startPonder, type PonderInstance } from '../../testing/ponder';

export type PonderTiming = {
  ponder: PonderInstance;
  /** Milliseconds from spawn. */
  serverUpMs: number;
  backfillStartMs: number | null;
  backfillDoneMs: number | null;
  headMs: number;
  visibleMs: number;
};

const POLL_MS = 25;

async function statusBlock(url: string): Promise<number | null> {
  try {
    const res = await fetch(`${url}/status`);
    if (!res.ok) return null;
    const status = (await res.json()) as Record<string, { block: { number: number } | null }>;
    const blocks = Object.values(status).map((s) => s.block?.number ?? -1);
    return blocks.length === 0 ? null : Math.min(...blocks);
  } catch {
    return null;
  }
}

export async function timePonder(options: {
  rpcUrl: string;
  head: number;
  /** True once the data the caller expects is readable through the API. */
  visible?: (url: string) => Promise<boolean>;
  timeoutMs?: number;
}): Promise<PonderTiming> {
  const started = performance.now();
  const since = () => performance.now() - started;
  const ponder = await startPonder({ rpcUrl: options.rpcUrl });
  const deadline = started + (options.timeoutMs ?? 600_000);
  let serverUpMs: number | null = null;
  let headMs: number | null = null;
  let backfillStartMs: number | null = null;
  let backfillDoneMs: number | null = null;
  let exited = false;
  ponder.process.once('exit', () => (exited = true));
  try {
    for (;;) {
      const logs = ponder.logs();
      if (backfillStartMs === null && logs.includes('Started backfill indexing')) backfillStartMs = since();
      if (backfillDoneMs === null && logs.includes('Completed backfill indexing')) backfillDoneMs = since();
      if (exited) throw new Error(`ponder exited:\n${logs.slice(-3000)}`);
      const block = await statusBlock(ponder.url);
      if (block !== null && serverUpMs === null) serverUpMs = since();
      if (block !== null && block >= options.head && headMs === null) headMs = since();
      if (headMs !== null && (!options.visible || (await options.visible(ponder.url)))) {
        return { ponder, serverUpMs: serverUpMs!, backfillStartMs, backfillDoneMs, headMs, visibleMs: since() };
      }
      if (performance.now() > deadline) throw new Error(`ponder did not index block ${options.head} in time:\n${logs.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } catch (error) {
    await ponder.stop();
    throw error;
  }
}
