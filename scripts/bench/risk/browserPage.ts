// The Chromium bench page (bundled by scripts/bench/risk.ts with the real runner and worker entry):
// `window.riskBench(bookJson, paths, reps)` runs the Monte Carlo on navigator.hardwareConcurrency workers
// as /risk does, `reps` times each way, and measures how long the page's own thread was ever blocked
// meanwhile (a 5 ms interval's longest gap):
//   cold     — a new worker pool started by the run itself (each worker loads, trains the engine, then
//              simulates): the worst case, nothing prepared;
//   prepared — as /risk opens: the pool started and warmed with the book when the page loads
//              (`RiskRunner.warm`, awaited), then the run, as a click would start it;
//   again    — the same pool, another run.
import { bookFromJson, type RiskBookJson } from '../../../lib/risk/book';
import { DEFAULT_PARAMS } from '../../../lib/risk/model';
import { RiskRunner } from '../../../lib/risk/runner';

type Measured = {
  ms: number;
  simulateMs: number;
  progressEvents: number;
  firstProgressMs: number | null;
  maxMainThreadGapMs: number;
  workers: number;
  chunks: number;
  meanLossJunior: number;
  solvency: number;
};

async function measure(runner: RiskRunner, book: ReturnType<typeof bookFromJson>, paths: number): Promise<Measured> {
  let progressEvents = 0;
  let firstProgressMs: number | null = null;
  let last = performance.now();
  let maxGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  const result = await runner.run(
    book,
    { ...DEFAULT_PARAMS, paths },
    {
      onProgress: (f) => {
        progressEvents++;
        if (firstProgressMs === null && f > 0) firstProgressMs = performance.now() - start;
      },
    },
  );
  const ms = performance.now() - start;
  clearInterval(ticker);
  return {
    ms,
    simulateMs: result.simulateMilliseconds,
    progressEvents,
    firstProgressMs,
    maxMainThreadGapMs: maxGap,
    workers: result.workers,
    chunks: result.chunks,
    meanLossJunior: result.summary.layers.junior.loss.mean,
    solvency: result.summary.pools.solvency.ratio,
  };
}

(window as unknown as { riskBench: unknown }).riskBench = async (bookJson: RiskBookJson, paths: number, reps: number) => {
  const book = bookFromJson(bookJson);
  const params = { ...DEFAULT_PARAMS, paths };
  const pool = () => new RiskRunner(() => new Worker('/worker.js') as never, navigator.hardwareConcurrency);
  const cold: Measured[] = [];
  const prepared: Measured[] = [];
  const again: Measured[] = [];
  const prepareMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    let runner = pool();
    cold.push(await measure(runner, book, paths));
    runner.terminate();
    runner = pool();
    const t = performance.now();
    await runner.warm(book, params);
    prepareMs.push(performance.now() - t);
    prepared.push(await measure(runner, book, paths));
    again.push(await measure(runner, book, paths));
    runner.terminate();
  }
  return { cores: navigator.hardwareConcurrency, userAgent: navigator.userAgent, cold, prepared, again, prepareMs };
};
