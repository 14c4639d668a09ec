// Runs the forge gas benches (`testBench_*` in contracts/test/bench, excluded from `npm test`) once and
// parses their output. Each bench logs its numbers with `emit log_named_uint("<key>", gas)`; forge's
// `--json -vv` report carries them as `decoded_logs` ("<key>: <value>") per test.
// Forge writes to the default `contracts/out` (or $FOUNDRY_OUT / $FOUNDRY_CACHE_PATH when set).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CONTRACTS_DIR } from '../chain/artifacts';
import { FORGE_BIN } from '../chain/build';

export const BENCH_DIR = 'test/bench';

export type ForgeBenchTest = {
  /** Source file name, e.g. `PoolGas.t.sol`. */
  file: string;
  contract: string;
  /** Test function, e.g. `testBench_deposit()`. */
  test: string;
  ok: boolean;
  reason: string | null;
  /** The logged measurements in log order: key → value. */
  values: Map<string, number>;
};

export class ForgeBenchRun {
  constructor(
    readonly tests: ForgeBenchTest[],
    readonly seconds: number,
  ) {}

  /** Bench files that produced at least one test, sorted. */
  files(): string[] {
    return [...new Set(this.tests.map((t) => t.file))].sort();
  }

  testsIn(file: string): ForgeBenchTest[] {
    return this.tests.filter((t) => t.file === file);
  }

  /** Every logged value of a file, in test order then log order (a key logged twice keeps the last). */
  valuesIn(file: string): Map<string, number> {
    const all = new Map<string, number>();
    for (const t of this.testsIn(file)) for (const [k, v] of t.values) all.set(k, v);
    return all;
  }

  /** One line per failed test of `file`, for a section's `problems`. */
  failuresIn(file: string): string[] {
    return this.testsIn(file)
      .filter((t) => !t.ok)
      .map((t) => `${t.file}:${t.contract}.${t.test} failed${t.reason ? `: ${t.reason}` : ''}`);
  }
}

type ForgeJson = Record<
  string,
  {
    test_results?: Record<string, { status?: string; reason?: string | null; decoded_logs?: string[] }>;
  }
>;

/** `"key: value"` → [key, value]; keys may themselves contain ": ", so split at the last one. */
export function parseLogLine(line: string): [string, number] | undefined {
  const at = line.lastIndexOf(': ');
  if (at < 0) return undefined;
  const value = Number(line.slice(at + 2).trim());
  if (!Number.isFinite(value)) return undefined;
  return [line.slice(0, at).trim(), value];
}

export function parseForgeJson(stdout: string): ForgeBenchTest[] {
  const json = extractJson(stdout);
  const tests: ForgeBenchTest[] = [];
  for (const [suite, body] of Object.entries(json)) {
    const colon = suite.lastIndexOf(':');
    const file = path.basename(colon < 0 ? suite : suite.slice(0, colon));
    const contract = colon < 0 ? suite : suite.slice(colon + 1);
    for (const [test, result] of Object.entries(body.test_results ?? {})) {
      const values = new Map<string, number>();
      for (const line of result.decoded_logs ?? []) {
        const kv = parseLogLine(line);
        if (kv) values.set(kv[0], kv[1]);
      }
      tests.push({ file, contract, test, ok: result.status === 'Success', reason: result.reason ?? null, values });
    }
  }
  return tests.sort((a, b) => a.file.localeCompare(b.file) || a.contract.localeCompare(b.contract) || a.test.localeCompare(b.test));
}

function extractJson(stdout: string): ForgeJson {
  const trimmed = stdout.trim();
  try {
    return JSON.parse(trimmed) as ForgeJson;
  } catch {
    // Anything forge printed around the report: take the last line that parses as an object.
    for (const line of trimmed.split('\n').reverse()) {
      if (!line.startsWith('{')) continue;
      try {
        return JSON.parse(line) as ForgeJson;
      } catch {
        /* keep looking */
      }
    }
  }
  throw new Error('forge printed no JSON report');
}

/** Compiles (if needed) and runs every `testBench*` test under contracts/test/bench. */
export async function runForgeBenches(): Promise<ForgeBenchRun> {
  const args = ['test', '--match-path', `${BENCH_DIR}/**`, '--match-test', 'testBench', '--json', '-vv'];
  process.stderr.write(`forge ${args.join(' ')}  (compiles first if needed: ~30–60 s)\n`);
  const started = Date.now();
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(FORGE_BIN, args, {
      cwd: CONTRACTS_DIR,
      env: { ...process.env, FORGE_COLOR: 'never', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', (e) => resolve({ code: 1, stdout: out, stderr: err + String(e) }));
    child.on('exit', (c) => resolve({ code: c ?? 1, stdout: out, stderr: err }));
  });
  let tests: ForgeBenchTest[];
  try {
    tests = parseForgeJson(stdout);
  } catch (error) {
    const tail = (stderr || stdout).trim().split('\n').slice(-25).join('\n');
    throw new Error(`forge exited ${code} without a test report (compile error?):\n${tail}`, { cause: error });
  }
  if (tests.length === 0) throw new Error(`forge found no testBench* tests under contracts/${BENCH_DIR}`);
  return new ForgeBenchRun(tests, (Date.now() - started) / 1000);
}
