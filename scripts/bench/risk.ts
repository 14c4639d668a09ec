// `npm run bench -- risk` (issue "Risk engine"): the Monte Carlo's speed, printed, never asserted.
//   1. Path-steps per second per thread in Node with the whole book evaluated at every step (every
//      strike and liquidation price checked against the step's bridge extremes, payouts, gaps, the
//      waterfall on loss events), on two books: the seeded local chain's shape and a venue-scale book
//      (1,000 covers, 1,000 positions). The engine runs bundled by esbuild in its own `node` process,
//      as the browser runs it; CPU time (user + system) is the denominator, so other load on a shared
//      machine does not count against it. Best and median of several runs.
//   2. The same model vectorised in numpy (scripts/bench/risk_numpy.py) on the same compiled book
//      and path count, single thread, CPU time: the ratio engine / numpy, and a check that both
//      estimate the same mean loss.
//   3. 100,000 paths × 30 steps end to end: in Node on one thread (compile, simulate, summarise), and
//      in Chromium through the page's own worker pool (lib/risk/runner.ts + the worker entry), headless,
//      CHROMIUM_REPS times each: cold (a new pool started by the run), prepared (the pool started and
//      warmed with the book as /risk does at page load, then the run) and again (the same pool), with
//      the progress events seen and the longest the page's thread was ever blocked; median and range.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { bookToJson, type RiskBook } from '../../lib/risk/book';
import { compileBook } from '../../lib/risk/compile';
import { DEFAULT_PARAMS } from '../../lib/risk/model';
import { syntheticBook } from '../../lib/risk/testing/syntheticBook';
import { CHROMIUM_ARGS, chromiumExecutable } from '../testing/chromium';
import { ROOT } from '../chain/artifacts';
import { numpyBook } from './risk/numpyBook';
import { emptyReport, type BenchSection, type Cell } from './types';

const run = promisify(execFile);
const THROUGHPUT_PATHS = 200_000;
const REPS = 9;
const E2E_PATHS = 100_000;
const CHROMIUM_REPS = 5;
const TARGET_PATH_STEPS = 20e6;

type NodeRun = {
  steps: number;
  runs: Array<{ cpu: number; wall: number; referenceCpu: number }>;
  meanLossJunior: number;
  seLossJunior: number;
  e2e: { cpu: number; wall: number; simulateWall: number };
};
type NumpyRun = { cpuSeconds: number; wallSeconds: number; meanLossJunior: number; seLossJunior: number; numpy: string };
type BrowserRun = {
  ms: number;
  simulateMs: number;
  progressEvents: number;
  firstProgressMs: number | null;
  maxMainThreadGapMs: number;
  workers: number;
  chunks: number;
};

const M = (x: number) => `${(x / 1e6).toFixed(1)} M`;
const msText = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const BOOKS: Array<{ label: string; book: RiskBook }> = [
  // As on the seeded local chain: a handful of covers on both layers, no venue positions yet.
  { label: 'seeded shape: 3 covers, 0 positions', book: syntheticBook({ covers: 3, positions: 0 }) },
  {
    label: 'venue scale: 1,000 covers, 1,000 positions',
    book: syntheticBook({ seed: 7, covers: 1_000, positions: 1_000, maxLeverage: 12, junior: 20_000_000, senior: 20_000_000, exposureCap: 5_000_000 }),
  },
];

async function bundle(dir: string, entry: string, outfile: string, platform: 'node' | 'browser'): Promise<string> {
  const file = path.join(dir, outfile);
  await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    format: 'esm',
    platform,
    outfile: file,
    minify: platform === 'browser',
    logLevel: 'warning',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    define: platform === 'browser' ? { 'process.env': '{}' } : {},
  });
  return file;
}

type BrowserRuns = { cores: number; cold: BrowserRun[]; prepared: BrowserRun[]; again: BrowserRun[]; prepareMs: number[] };

async function inChromium(dir: string, bookJson: unknown): Promise<BrowserRuns> {
  await bundle(dir, 'scripts/bench/risk/browserPage.ts', 'page.js', 'browser');
  await bundle(dir, 'lib/risk/risk.worker.ts', 'worker.js', 'browser');
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>risk bench</title><script type="module" src="/page.js"></script>');
  const server = createServer((req, res) => {
    const name = (req.url ?? '/') === '/' ? 'index.html' : (req.url ?? '').slice(1).split('?')[0]!;
    if (!['index.html', 'page.js', 'worker.js'].includes(name)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': name.endsWith('.html') ? 'text/html' : 'text/javascript' });
    res.end(readFileSync(path.join(dir, name)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page
      .waitForFunction(() => 'riskBench' in window, undefined, { timeout: 20_000 })
      .catch((e: unknown) => {
        throw new Error(`the bench page did not load: ${errors.join('; ') || String(e)}`);
      });
    return await page.evaluate(
      ([b, n, reps]) => (window as unknown as { riskBench: (b: unknown, n: number, reps: number) => Promise<never> }).riskBench(b, n, reps),
      [bookJson, E2E_PATHS, CHROMIUM_REPS] as const,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

export const riskSection: BenchSection = {
  id: 'risk',
  title: 'Risk engine: Monte Carlo path-steps per second (Node, numpy) and 100k × 30 end to end (Node, Chromium)',
  async run() {
    const report = emptyReport();
    const dir = mkdtempSync(path.join(tmpdir(), 'risk-bench-'));
    try {
      const nodeScript = await bundle(dir, 'scripts/bench/risk/node.ts', 'node.mjs', 'node');
      const throughput: Cell[][] = [];
      const e2eRows: Cell[][] = [];
      const referenceCpu: number[] = [];
      for (const [i, { label, book }] of BOOKS.entries()) {
        const bookFile = path.join(dir, `book${i}.json`);
        writeFileSync(bookFile, JSON.stringify(bookToJson(book)));
        const { stdout } = await run(process.execPath, [nodeScript, bookFile, String(THROUGHPUT_PATHS), String(REPS)], { maxBuffer: 1 << 24 });
        const node = JSON.parse(stdout) as NodeRun;
        referenceCpu.push(...node.runs.map((r) => r.referenceCpu));
        const pathSteps = THROUGHPUT_PATHS * node.steps;
        const best = pathSteps / (Math.min(...node.runs.map((r) => r.cpu)) / 1000);
        const med = pathSteps / (median(node.runs.map((r) => r.cpu)) / 1000);
        const wallBest = pathSteps / (Math.min(...node.runs.map((r) => r.wall)) / 1000);

        const cb = compileBook(book, { ...DEFAULT_PARAMS, paths: THROUGHPUT_PATHS });
        const npFile = path.join(dir, `numpy${i}.json`);
        writeFileSync(npFile, JSON.stringify(numpyBook(cb)));
        let np: NumpyRun | null = null;
        try {
          const out = await run('python3', [path.join(ROOT, 'scripts/bench/risk_numpy.py'), npFile, String(THROUGHPUT_PATHS), '1'], { maxBuffer: 1 << 24 });
          np = JSON.parse(out.stdout) as NumpyRun;
        } catch (error) {
          report.problems.push(`numpy run failed (${label}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
        const npRate = np ? pathSteps / np.cpuSeconds : null;
        throughput.push([
          label,
          `${THROUGHPUT_PATHS.toLocaleString('en-US')} × ${node.steps}`,
          M(best),
          M(med),
          M(wallBest),
          npRate ? M(npRate) : '–',
          npRate ? `${(best / npRate).toFixed(2)}× / ${(med / npRate).toFixed(2)}×` : '–',
          `${best >= TARGET_PATH_STEPS ? '✓' : '✗'} ≥ 20 M, ${npRate && best >= npRate ? '✓' : '✗'} ≥ 1.0×`,
        ]);
        if (np) {
          const z = Math.abs(node.meanLossJunior - np.meanLossJunior) / Math.hypot(node.seLossJunior, np.seLossJunior);
          report.notes.push(
            `Same model check (${label}): mean Junior 30-day loss ${(node.meanLossJunior / 1e6).toFixed(0)} USDC (engine) vs ${(np.meanLossJunior / 1e6).toFixed(0)} USDC (numpy ${np.numpy}), ${z.toFixed(1)} standard errors apart (different random streams).`,
          );
          if (z > 4) report.problems.push(`engine and numpy disagree on ${label}: ${z.toFixed(1)} standard errors`);
        }
        e2eRows.push([`Node, 1 thread — ${label}`, msText(node.e2e.wall), `cpu ${msText(node.e2e.cpu)}; simulate ${msText(node.e2e.simulateWall)}`]);
        if (i === BOOKS.length - 1 || i === 0) {
          try {
            const b = await inChromium(dir, bookToJson(book));
            const range = (xs: number[]) => `${msText(Math.min(...xs))}–${msText(Math.max(...xs))}`;
            for (const [name, runs] of [
              ['cold (a new pool started by the run)', b.cold],
              [`prepared at page load (warm-up ${msText(median(b.prepareMs))}), then run`, b.prepared],
              ['again (same pool)', b.again],
            ] as const) {
              const ms = runs.map((r) => r.ms);
              const med = median(ms);
              e2eRows.push([
                `Chromium, ${runs[0]!.workers} workers, ${name} — ${label}`,
                msText(med),
                `${med < 1000 ? '✓' : '✗'} < 1 s (median of ${runs.length}, range ${range(ms)}); simulate ${msText(median(runs.map((r) => r.simulateMs)))} + summary ${msText(median(runs.map((r) => r.ms - r.simulateMs)))}; ${runs[0]!.chunks} chunks, ${runs[0]!.progressEvents} progress updates (first after ${msText(median(runs.map((r) => r.firstProgressMs ?? Number.NaN)))}); page thread blocked ≤ ${msText(Math.max(...runs.map((r) => r.maxMainThreadGapMs)))}`,
              ]);
            }
          } catch (error) {
            report.problems.push(`Chromium run failed (${label}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          }
        }
      }
      report.tables.push({
        title: 'Path-steps per second, one thread (CPU time; the whole book evaluated at every step)',
        columns: [
          { header: 'book' },
          { header: 'paths × steps' },
          { header: 'engine best' },
          { header: 'median' },
          { header: 'wall best' },
          { header: 'numpy' },
          { header: 'engine / numpy' },
          { header: 'target', align: 'left' },
        ],
        rows: throughput,
      });
      report.tables.push({
        title: `${E2E_PATHS.toLocaleString('en-US')} paths × 30 daily steps, end to end (compile, simulate, summarise)`,
        columns: [{ header: 'where' }, { header: 'time' }, { header: '', align: 'left' }],
        rows: e2eRows,
      });
      report.notes.push(
        `Engine: ${REPS} timed runs of ${THROUGHPUT_PATHS.toLocaleString('en-US')} paths after a warm-up, bundled by esbuild and run by ${process.version} in its own process; "best" is the fastest run's CPU time, "wall" its elapsed time. numpy: one run (after a 2,000-path warm-up), time.process_time(); ratio = engine ÷ numpy, best and median. Load average during the bench: ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' / ')} on a machine shared with other work — the CPU-time rates are the fair per-thread figures.`,
        `Host check: a fixed reference loop (5 M random reads in 1 MB) timed before each engine run took ${msText(Math.min(...referenceCpu))} of CPU at best and ${msText(median(referenceCpu))} at the median (worst ${msText(Math.max(...referenceCpu))}): on this virtualised machine a busy host makes the same work take more CPU time, so a median far above the best says the engine's median was the machine's too.`,
        `Chromium: /usr/bin/chromium (or Playwright's) headless, the real runner and worker entry bundled by esbuild, one worker per navigator.hardwareConcurrency, ${CHROMIUM_REPS} repetitions of each. "cold": a new pool started by the run (each worker loads, trains the engine on its start-up book — lib/risk/warmup.ts — then simulates); "prepared": as /risk does when it opens, the pool was started and warmed with the book (RiskRunner.warm, awaited), then the run as a click starts it; "again": the same pool. "Page thread blocked" is the longest gap of a 5 ms interval during the run (worst of the repetitions).`,
      );
      return report;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
