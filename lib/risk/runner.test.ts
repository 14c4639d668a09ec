import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from './model';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { chunkSize, RiskRunError, RiskRunner, type WorkerLike } from './runner';
import { syntheticBook } from './testing/syntheticBook';
import { RiskWorkerCore } from './worker';

const book = syntheticBook({ covers: 5 });
const params = { ...DEFAULT_PARAMS, paths: 6_000 };

/** An in-process worker (the real core behind cloned, asynchronous messages) that records what it did. */
function fakeWorker(log: { terminated: number; requests: WorkerRequest[] }, behaviour: 'ok' | 'crash' | 'report' = 'ok'): WorkerLike {
  let dead = false;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(message: WorkerRequest) {
      log.requests.push(message);
      if (behaviour === 'crash') {
        setTimeout(() => worker.onerror?.({ message: 'out of memory' } as ErrorEvent), 0);
        return;
      }
      const copy = structuredClone(message);
      if (behaviour === 'report' && copy.kind === 'simulate') copy.params = { ...copy.params, paths: -1 }; // the core will refuse it
      setTimeout(() => !dead && core.handle(copy), 0);
    },
    terminate() {
      dead = true;
      log.terminated++;
    },
  } as WorkerLike;
  const core = new RiskWorkerCore((message: WorkerResponse) => {
    const copy = structuredClone(message);
    setTimeout(() => !dead && worker.onmessage?.({ data: copy } as MessageEvent<WorkerResponse>), 0);
  });
  // A real worker trains the engine first (warmup.ts; tested there) and then says so.
  setTimeout(() => !dead && worker.onmessage?.({ data: { kind: 'trained' } } as MessageEvent<WorkerResponse>), 0);
  return worker;
}

describe('RiskRunner', () => {
  it('cuts the paths into chunks the workers pull, reports progress up to 1 and summarises once', async () => {
    const log = { terminated: 0, requests: [] as WorkerRequest[] };
    const progress: number[] = [];
    const result = await new RiskRunner(() => fakeWorker(log), 2).run(book, params, { onProgress: (f) => progress.push(f) });
    const chunks = log.requests.filter((r) => r.kind === 'simulate');
    expect(chunks.length).toBe(Math.ceil(6_000 / chunkSize(6_000, 2)));
    // Every path exactly once.
    const covered = chunks.flatMap((r) => (r.kind === 'simulate' ? [[r.from, r.to]] : [])).sort((a, b) => a[0]! - b[0]!);
    expect(covered[0]![0]).toBe(0);
    for (let i = 1; i < covered.length; i++) expect(covered[i]![0]).toBe(covered[i - 1]![1]);
    expect(covered[covered.length - 1]![1]).toBe(6_000);
    expect(log.requests.filter((r) => r.kind === 'summarise')).toHaveLength(1);
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true);
    expect(result.summary.paths).toBe(6_000);
  });

  it('a cancel terminates the workers at once and rejects with an AbortError; the next run starts new ones', async () => {
    const log = { terminated: 0, requests: [] as WorkerRequest[] };
    let created = 0;
    const runner = new RiskRunner(() => {
      created++;
      return fakeWorker(log);
    }, 2);
    const controller = new AbortController();
    const run = runner.run(book, params, { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(log.terminated).toBe(2);
    const again = await runner.run(book, params);
    expect(again.summary.paths).toBe(6_000);
    expect(created).toBe(4);
  });

  it('a newer run replaces a running one without restarting the workers', async () => {
    const log = { terminated: 0, requests: [] as WorkerRequest[] };
    const runner = new RiskRunner(() => fakeWorker(log), 2);
    const first = runner.run(book, params);
    const second = runner.run(book, { ...params, seed: 3 });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect((await second).summary.seed).toBe(3);
    expect(log.terminated).toBe(0);
  });

  it('a worker that crashes, or reports an error, rejects the run with a sentence', async () => {
    const crash = new RiskRunner(() => fakeWorker({ terminated: 0, requests: [] }, 'crash'), 2).run(book, params);
    await expect(crash).rejects.toThrow(new RiskRunError('A risk worker failed: out of memory.'));
    const report = new RiskRunner(() => fakeWorker({ terminated: 0, requests: [] }, 'report'), 1).run(book, params);
    await expect(report).rejects.toThrow(/^The risk engine stopped: paths must lie in/);
  });

  it('sends each book to each worker once, however many chunks and runs use it', async () => {
    const log = { terminated: 0, requests: [] as WorkerRequest[] };
    const runner = new RiskRunner(() => fakeWorker(log), 2);
    await runner.run(book, params);
    await runner.run(book, { ...params, seed: 5 });
    expect(log.requests.filter((q) => q.kind === 'book')).toHaveLength(2);
    expect(log.requests.filter((q) => q.kind === 'simulate').length).toBeGreaterThan(4);
    const other = syntheticBook({ covers: 2 });
    await runner.run(other, params);
    expect(log.requests.filter((q) => q.kind === 'book')).toHaveLength(4);
  });

  it('warm() resolves once every worker has trained and warmed up on the book', async () => {
    const log = { terminated: 0, requests: [] as WorkerRequest[] };
    const runner = new RiskRunner(() => fakeWorker(log), 2);
    await runner.warm(book, params);
    expect(log.requests.filter((q) => q.kind === 'warm')).toHaveLength(2);
    // Terminated while warming: it resolves too (nobody is left to wait for).
    const again = new RiskRunner(() => fakeWorker(log), 2);
    const pending = again.warm(book, params);
    again.terminate();
    await pending;
  });

  it('warm-up work is thrown away and the first run still covers every path', async () => {
    const log = { terminated: 0, requests: [] as WorkerRequest[] };
    const runner = new RiskRunner(() => fakeWorker(log), 2);
    runner.warm(book, params);
    const r = await runner.run(book, params);
    expect(r.summary.paths).toBe(6_000);
    expect(log.requests.filter((q) => q.kind === 'warm')).toHaveLength(2);
    expect(log.requests.filter((q) => q.kind !== 'book' && q.job === -1 && q.kind !== 'warm')).toHaveLength(0);
  });
});
