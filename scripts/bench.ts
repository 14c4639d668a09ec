// `npm run bench [-- <section> …]`: prints gas (and later throughput) tables. Numbers are printed, never
// asserted. Each section runs on its own: one that throws prints its error and the others still run;
// the exit code is non-zero only if a section crashed. `npm run bench -- --list` names the sections.
import { runForgeBenches, type ForgeBenchRun } from './bench/forge';
import { renderTable, wrapNote } from './bench/format';
import { SECTIONS } from './bench/sections';
import type { BenchContext } from './bench/types';

const argv = process.argv.slice(2);
if (argv.includes('--list') || argv.includes('--help')) {
  console.log('usage: npm run bench [-- <section> …]\n\nsections:');
  for (const s of SECTIONS) console.log(`  ${s.id.padEnd(8)} ${s.title}`);
  process.exit(0);
}
const wanted = argv.filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((id) => !SECTIONS.some((s) => s.id === id));
if (unknown.length > 0) {
  console.error(`unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.id).join(', ')}`);
  process.exit(2);
}
const selected = wanted.length === 0 ? SECTIONS : SECTIONS.filter((s) => wanted.includes(s.id));

// One forge run (one compile) shared by every forge-backed section.
let forgeRun: Promise<ForgeBenchRun> | undefined;
const ctx: BenchContext = {
  forge: () => (forgeRun ??= runForgeBenches()),
};

const started = Date.now();
let crashed = 0;
let problems = 0;
const printed = new Map<unknown, string>(); // a shared failure (e.g. forge did not compile) is printed once
for (const section of selected) {
  console.log(`\n━━━ ${section.title} [${section.id}] ━━━\n`);
  try {
    const report = await section.run(ctx);
    for (const table of report.tables) console.log(`${renderTable(table)}\n`);
    for (const note of report.notes) console.log(wrapNote(note));
    if (report.problems.length > 0) {
      problems += report.problems.length;
      console.log('');
      for (const p of report.problems) console.log(wrapNote(p, 100, '⚠ '));
    }
  } catch (error) {
    crashed++;
    const seen = printed.get(error);
    if (seen) {
      console.log(`✗ section "${section.id}" crashed: same error as section "${seen}" above`);
    } else {
      printed.set(error, section.id);
      const message = error instanceof Error ? (process.env.BENCH_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
      console.log(`✗ section "${section.id}" crashed:\n${message}`);
    }
  }
}
const forgeSeconds = forgeRun ? ` (forge: ${(await forgeRun.catch(() => undefined))?.seconds.toFixed(0) ?? '–'} s)` : '';
console.log(`\n${selected.length} section(s), ${crashed} crashed, ${problems} problem(s), ${((Date.now() - started) / 1000).toFixed(0)} s${forgeSeconds}`);
process.exit(crashed > 0 ? 1 : 0);
