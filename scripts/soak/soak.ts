// `npm run soak [-- --actions N --seed S --full-every K]`: the protocol soak (scripts/soak/run.ts) on a fresh
// anvil — 10,000 seeded random actions by default — with one summary line per action kind, the comparison
// totals and the wall time. Exits 1 at the first mismatch, after printing how to replay it.
import { formatReport, runSoak } from './run';
import { DEFAULT_ACTIONS, DEFAULT_SEED } from './seed';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} takes a whole number`);
  return v;
}

const actions = flag('actions', DEFAULT_ACTIONS);
const seed = flag('seed', DEFAULT_SEED);
const fullEvery = flag('full-every', 100);
console.log(`soak: ${actions} actions, seed ${seed}, a full comparison every ${fullEvery} actions`);
const report = await runSoak({ actions, seed, fullEvery, log: (line) => console.log(line) });
for (const line of formatReport(report)) console.log(line);
process.exit(report.mismatch ? 1 : 0);
