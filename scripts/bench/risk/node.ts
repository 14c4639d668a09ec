// Runs in its own `node` process, bundled by esbuild as the browser gets it (scripts/bench/risk.ts):
// the engine's single-thread throughput on a book, and the 100k × 30 run end to end (compile, simulate,
// summarise). CPU time is the process's user + system time (process.cpuUsage), so other load on the
// machine does not count against the engine; wall time is printed beside it.
import { readFileSync } from 'node:fs';
import { bookFromJson } from '../../../lib/risk/book';
import { compileBook } from '../../../lib/risk/compile';
import { simulatePaths } from '../../../lib/risk/engine';
import { allocateOutputs } from '../../../lib/risk/outputs';
import { DEFAULT_PARAMS } from '../../../lib/risk/model';
import { summarise } from '../../../lib/risk/summary';
import { trainEngine } from '../../../lib/risk/warmup';

const [bookFile, pathsArg, repsArg, seedArg] = process.argv.slice(2);
const book = bookFromJson(JSON.parse(readFileSync(bookFile!, 'utf8')));
const paths = Number(pathsArg);
const reps = Number(repsArg);
const params = { ...DEFAULT_PARAMS, paths, seed: Number(seedArg ?? DEFAULT_PARAMS.seed) };

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

// Throughput: one compile, the warm-up a risk worker does (lib/risk/worker.ts: the training book, then
// the book itself in short calls, then one whole run), then `reps` timed runs of all paths. One long
// first call alone left V8 running the loop in its on-stack-replacement code, or recompiling it, inside
// the first timed runs (seen with --trace-opt / --trace-deopt): a cold start, which the end-to-end
// figures below measure, not the engine's throughput. One progress callback for every call, as in a worker.
const progress = (_done: number) => {};
trainEngine(progress);
const cb = compileBook(book, params);
const out = allocateOutputs(paths);
const WARM_CALLS = 16;
const warmPaths = Math.min(paths, 32_000);
for (let k = 0; k < WARM_CALLS; k++)
  simulatePaths(cb, Math.floor((k * warmPaths) / WARM_CALLS), Math.floor(((k + 1) * warmPaths) / WARM_CALLS), out, 0, progress, 512);
simulatePaths(cb, 0, paths, out, 0, progress, 2_048);
// A fixed reference loop (random reads in 1 MB, like the engine's table reads) timed before each run: on
// this shared, virtualised machine the same work takes more CPU time while the host is busy, and its
// spread says how much of the engine's spread is the machine's.
const table = new Float64Array(1 << 17).map((_, i) => i);
function referenceMs(): number {
  const c = process.cpuUsage();
  let x = 12_345;
  let sum = 0;
  for (let i = 0; i < 5_000_000; i++) {
    x = (Math.imul(x, 1_664_525) + 1_013_904_223) | 0;
    sum += table[(x >>> 8) & (table.length - 1)]!;
  }
  if (sum < 0) throw new Error('unreachable');
  return cpuMs(c);
}
referenceMs();
const runs: Array<{ cpu: number; wall: number; referenceCpu: number }> = [];
for (let r = 0; r < reps; r++) {
  const referenceCpu = referenceMs();
  const c = process.cpuUsage();
  const w = performance.now();
  simulatePaths(cb, 0, paths, out, 0, progress, 2_048);
  runs.push({ cpu: cpuMs(c), wall: performance.now() - w, referenceCpu });
}
const loss = Array.from(out.coverJunior, (x, i) => x + out.drawJunior[i]!);
const mean = loss.reduce((s, x) => s + x, 0) / paths;
const se = Math.sqrt(loss.reduce((s, x) => s + (x - mean) ** 2, 0) / (paths - 1) / paths);

// End to end, 100,000 × 30, fresh: compile + simulate + summarise.
const e2eParams = { ...DEFAULT_PARAMS, paths: 100_000 };
const c = process.cpuUsage();
const w = performance.now();
const cb2 = compileBook(book, e2eParams);
const out2 = allocateOutputs(e2eParams.paths);
simulatePaths(cb2, 0, e2eParams.paths, out2);
const tSim = performance.now() - w;
summarise(cb2, out2);
const e2e = { cpu: cpuMs(c), wall: performance.now() - w, simulateWall: tSim };

console.log(JSON.stringify({ steps: cb.steps, runs, meanLossJunior: mean, seLossJunior: se, e2e }));
