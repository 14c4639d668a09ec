// `npm test`: every test — forge (unit, fuzz, invariant), vitest (unit, property, parity on anvil)
// and Playwright (real Chromium against the real local stack) — then one summary line that CI reads:
// `N passed, N failed`.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, CONTRACTS_DIR } from './chain/artifacts';
import { FORGE_BIN, buildContracts, generateAbis } from './chain/build';
import { capture, run } from './chain/run';
import { E2E_INDEXER_URL, E2E_KEEPER_URL, E2E_RPC_URL } from './testing/e2eEnv';
import { runStaticChecks } from './checks/static';

type Result = { runner: string; passed: number; failed: number; seconds: number; note?: string };
const results: Result[] = [];
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wants = (runner: string) => only.length === 0 || only.includes(runner);
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

async function step(runner: string, body: () => Promise<Omit<Result, 'runner' | 'seconds'>>): Promise<void> {
  const started = Date.now();
  console.log(`\n━━━ ${runner} ━━━`);
  try {
    results.push({ runner, seconds: (Date.now() - started) / 1000, ...(await body()) });
  } catch (error) {
    // A runner that could not run at all counts as one failure, never as silence.
    results.push({ runner, passed: 0, failed: 1, seconds: (Date.now() - started) / 1000, note: error instanceof Error ? error.message : String(error) });
  }
  const last = results[results.length - 1]!;
  last.seconds = (Date.now() - started) / 1000;
}

async function forge() {
  await buildContracts();
  await generateAbis(true); // contracts-abi/ must match the contracts (drift check)
  const { code, output } = await capture(FORGE_BIN, ['test', '--no-match-test', 'testBench'], {
    cwd: CONTRACTS_DIR,
    env: { ...process.env, FORGE_COLOR: 'never', NO_COLOR: '1' },
  });
  const summary = [...output.matchAll(/(\d+) tests passed, (\d+) failed/g)].pop();
  if (!summary) throw new Error(`forge printed no summary (exit ${code})`);
  const passed = Number(summary[1]);
  const failed = Number(summary[2]);
  if (code !== 0 && failed === 0) throw new Error(`forge exited ${code}`);
  return { passed, failed };
}

async function vitest() {
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  const report = path.join(ROOT, 'test-results', 'vitest.json');
  const { code } = await capture(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { cwd: ROOT });
  if (!existsSync(report)) throw new Error(`vitest wrote no report (exit ${code})`);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const failed = json.numFailedTests + (code !== 0 && json.numFailedTests === 0 ? 1 : 0);
  return { passed: json.numPassedTests, failed };
}

const E2E_ENV = {
  ...process.env,
  NEXT_DIST_DIR: '.next-e2e',
  NEXT_PUBLIC_RPC_URL: E2E_RPC_URL,
  NEXT_PUBLIC_CHAIN_ID: '31337',
  NEXT_PUBLIC_INDEXER_URL: E2E_INDEXER_URL,
  NEXT_PUBLIC_KEEPER_URL: E2E_KEEPER_URL,
  NEXT_TELEMETRY_DISABLED: '1',
};

/** The production build Playwright serves, run quietly beside forge; its output goes to a log. */
async function buildForE2e(): Promise<void> {
  const log = path.join(ROOT, 'test-results', 'e2e-build.log');
  mkdirSync(path.dirname(log), { recursive: true });
  const out = openSync(log, 'w');
  try {
    await run(bin('next'), ['build'], { cwd: ROOT, env: E2E_ENV, stdio: ['ignore', out, out] });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}:\n${readFileSync(log, 'utf8').slice(-4000)}`);
  } finally {
    closeSync(out);
  }
}

async function playwright(build: Promise<void>) {
  await build;
  const report = path.join(ROOT, 'test-results', 'e2e.json');
  const { code } = await capture(bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts'], { cwd: ROOT, env: E2E_ENV });
  if (!existsSync(report)) throw new Error(`Playwright wrote no report (exit ${code})`);
  const stats = JSON.parse(readFileSync(report, 'utf8')).stats;
  const failed = stats.unexpected + stats.flaky + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
  return { passed: stats.expected, failed };
}

// The static checks (lint, layers, format, tsc) count one test each and run first: a style slip fails in
// seconds and stops the run before the slow runners start.
async function staticChecks() {
  const checks = await runStaticChecks();
  for (const c of checks) {
    if (!c.ok) console.error(`\n${c.name} failed:\n${c.output.trim()}`);
    console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}`);
  }
  return { passed: checks.filter((c) => c.ok).length, failed: checks.filter((c) => !c.ok).length };
}

if (wants('static')) await step('static', staticChecks);
const staticFailed = results.some((r) => r.runner === 'static' && r.failed > 0);
if (staticFailed) console.log('\nstatic checks failed: the other runners were not started (npm run lint; npm run format)');
// Playwright's production build starts with forge and runs beside it: solc-js compiles on one core and
// forge's longest invariant campaigns finish alone, so the build takes cores that would otherwise idle.
// Not beside vitest, whose chain tests wait on anvil with timeouts. A failed build fails the playwright runner.
const e2eBuild = wants('playwright') && !staticFailed ? buildForE2e() : undefined;
e2eBuild?.catch(() => {}); // awaited (and reported) by the playwright step
if (wants('forge') && !staticFailed) await step('forge', forge);
await e2eBuild?.catch(() => {}); // (when forge was not run, the build must still finish before vitest starts)
if (wants('vitest') && !staticFailed) await step('vitest', vitest);
if (e2eBuild) await step('playwright', () => playwright(e2eBuild));

console.log('\n━━━ summary ━━━');
for (const r of results) {
  console.log(
    `${r.runner.padEnd(11)} ${String(r.passed).padStart(5)} passed  ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(0).padStart(4)} s${r.note ? `  (${r.note})` : ''}`,
  );
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
