// The static checks, cheapest first: lint (Biome, warnings fail), the one-way layers, formatting (Biome for
// TypeScript/CSS, `forge fmt` for Solidity) and the type check. `npm run lint` runs them; `npm test` runs them
// before anything else and stops there when one fails, so a style slip costs seconds, not a test run.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { checkLayers } from './layers';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

export type StaticCheck = { name: string; ok: boolean; output: string };

/** Runs a command quietly (its output is shown only if the check fails). */
function quiet(file: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORGE_COLOR: 'never' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', (e) => resolve({ code: 1, output: output + String(e) }));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function command(name: string, file: string, args: string[], cwd = ROOT, failsOn?: RegExp): Promise<StaticCheck> {
  const { code, output } = await quiet(file, args, cwd);
  // forge 1.7's `fmt --check` prints each diff but exits 0: its output decides.
  return { name, ok: code === 0 && !(failsOn?.test(output) ?? false), output };
}

export async function runStaticChecks(): Promise<StaticCheck[]> {
  const results: StaticCheck[] = [];
  results.push(await command('biome lint', bin('biome'), ['lint', '--error-on-warnings', '.']));
  const layers = checkLayers(ROOT);
  results.push({
    name: 'layers',
    ok: layers.violations.length === 0,
    output: layers.violations.map((v) => `${v.file}: import '${v.specifier}': ${v.reason}`).join('\n') || `${layers.files} files, no wrong-way import`,
  });
  results.push(await command('biome format', bin('biome'), ['format', '.']));
  results.push(await command('forge fmt', bin('forge'), ['fmt', '--root', '.', '--check'], path.join(ROOT, 'contracts'), /^Diff in /m));
  results.push(await command('tsc --noEmit', bin('tsc'), ['--noEmit', '-p', '.']));
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runStaticChecks();
  for (const r of results) {
    if (!r.ok) console.error(`\n${r.name} failed:\n${r.output.trim()}`);
    console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}`);
  }
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}
