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

const [bookFile, pathsArg, repsArg, seedArg] = process.argv.slice(2);
const book = bookFromJson(JSON.parse(readFileSync(bookFile!, 'utf8')));
const paths = Number(pathsArg);
const reps = Number(repsArg);
const params = { ...DEFAULT_PARAMS, paths, seed: Number(seedArg ?? DEFAULT_PARAMS.seed) };

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

// Throughput: one compile, a warm-up, then `reps` timed runs of all paths.
const cb = compileBook(book, params);
const out = allocateOutputs(paths);
simulatePaths(cb, 0, Math.min(paths, 20_000), out);
const runs: Array<{ cpu: number; wall: number }> = [];
for (let r = 0; r < reps; r++) {
  const c = process.cpuUsage();
  const w = performance.now();
  simulatePaths(cb, 0, paths, out);
  runs.push({ cpu: cpuMs(c), wall: performance.now() - w });
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
