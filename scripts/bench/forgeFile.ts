// A generic section for one forge bench file: every logged measurement in log order, with the issue's
// target beside it when one applies (see targets.ts). Adding `contracts/test/bench/FooGas.t.sol` needs
// no code here: unclaimed files show up in the "other" section automatically.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONTRACTS_DIR } from '../chain/artifacts';
import { BENCH_DIR, type ForgeBenchRun } from './forge';
import { targetStatus } from './format';
import { targetFor } from './targets';
import { emptyReport, type BenchSection, type Cell, type SectionReport, type Table } from './types';

export function benchFileExists(file: string): boolean {
  return existsSync(path.join(CONTRACTS_DIR, BENCH_DIR, file));
}

/** A bench's own pass/fail flag (`targetMet.<op>` = 0/1): not a measurement; the table judges itself. */
const VERDICT_KEY = /^targetMet\./;

/** The table of every value `file` logged, with targets where the issues give them. */
export function fileTable(run: ForgeBenchRun, file: string, title?: string): Table {
  const values = run.valuesIn(file);
  // When a bench flags its canonical measurement of a target (`targetMet.<key>`), only that key carries
  // the target; variants with the same name ("quote (warm, …)") are printed without it.
  const flagged = [...values.keys()].filter((k) => values.has(`targetMet.${k}`));
  const rows: Cell[][] = [];
  for (const [key, value] of values) {
    if (VERDICT_KEY.test(key)) continue;
    let target = targetFor(key);
    if (target && flagged.some((k) => k !== key && targetFor(k) === target)) target = undefined;
    rows.push([key, value, target?.label ?? null, target ? targetStatus(value, target.max) : null]);
  }
  return {
    title: title ?? file,
    columns: [{ header: 'measurement' }, { header: 'gas' }, { header: 'target' }, { header: '', align: 'left' }],
    rows,
  };
}

export function fileReport(run: ForgeBenchRun, file: string, notes: string[] = []): SectionReport {
  const report = emptyReport();
  if (run.testsIn(file).length === 0) {
    if (benchFileExists(file)) report.problems.push(`${file} exists but ran no testBench* test`);
    else report.notes.push(`contracts/${BENCH_DIR}/${file} is not there yet: nothing to measure.`);
    return report;
  }
  report.tables.push(fileTable(run, file));
  report.notes.push(...notes);
  report.problems.push(...run.failuresIn(file));
  return report;
}

/** A section that prints one bench file generically. */
export function forgeFileSection(options: { id: string; title: string; file: string; notes?: string[] }): BenchSection {
  return {
    id: options.id,
    title: options.title,
    files: [options.file],
    async run(ctx) {
      return fileReport(await ctx.forge(), options.file, options.notes);
    },
  };
}

/** Every bench file no other section claims, printed generically. */
export function otherForgeFilesSection(claimed: () => string[]): BenchSection {
  return {
    id: 'other',
    title: 'Other forge benches',
    async run(ctx) {
      const run = await ctx.forge();
      const taken = new Set(claimed());
      const report = emptyReport();
      const files = run.files().filter((f) => !taken.has(f));
      if (files.length === 0) report.notes.push('No other bench files.');
      for (const file of files) {
        const r = fileReport(run, file);
        report.tables.push(...r.tables);
        report.problems.push(...r.problems);
      }
      return report;
    },
  };
}
