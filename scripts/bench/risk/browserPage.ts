// The Chromium bench page (bundled by scripts/bench/risk.ts with the real runner and worker entry):
// `window.riskBench(bookJson, paths)` runs the Monte Carlo on navigator.hardwareConcurrency workers as
// /risk does, cold (workers started by the run) and warm (a second run on the same workers), and
// measures how long the page's own thread was ever blocked meanwhile (a 5 ms interval's longest gap).
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

async function measure(runner: RiskRunner, bookJson: RiskBookJson, paths: number): Promise<Measured> {
  const book = bookFromJson(bookJson);
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

(window as unknown as { riskBench: unknown }).riskBench = async (bookJson: RiskBookJson, paths: number) => {
  const runner = new RiskRunner(() => new Worker('/worker.js') as never, navigator.hardwareConcurrency);
  // Cold: the run starts the workers. Then as /risk does it: workers started and warmed on a few
  // paths when the page opens (here: 1.5 s before the run), the run afterwards.
  const cold = await measure(runner, bookJson, paths);
  runner.terminate();
  runner.warm(bookFromJson(bookJson), { ...DEFAULT_PARAMS, paths });
  await new Promise((r) => setTimeout(r, 1_500));
  const warm = await measure(runner, bookJson, paths);
  const again = await measure(runner, bookJson, paths);
  runner.terminate();
  return { cores: navigator.hardwareConcurrency, userAgent: navigator.userAgent, cold, warm, again };
};
