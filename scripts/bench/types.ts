// The shape every benchmark section shares. A section measures something (forge gas benches, the
// indexer's throughput, …) and returns tables and notes; `scripts/bench.ts` prints them. Sections
// never assert on numbers: a target is printed beside a measurement, never enforced.
import type { ForgeBenchRun } from './forge';

/** One cell: a number is printed with thousands separators; `null` prints as an empty cell. */
export type Cell = string | number | null;

export type Column = { header: string; align?: 'left' | 'right' };

export type Table = {
  title?: string;
  columns: Column[];
  rows: Cell[][];
};

export type SectionReport = {
  tables: Table[];
  /** Method, caveats and explanations, printed under the tables. */
  notes: string[];
  /**
   * Measurements that could not be taken (a bench test failed, an expected value is missing). Printed
   * loudly; they do not make `npm run bench` fail — only a section that throws does.
   */
  problems: string[];
};

/** Shared, lazily computed inputs: several sections read the same forge run (one compile). */
export type BenchContext = {
  forge(): Promise<ForgeBenchRun>;
};

export type BenchSection = {
  /** Short name used on the command line: `npm run bench -- <id> …`. */
  id: string;
  title: string;
  /** Forge bench files (`contracts/test/bench/*.t.sol`) this section prints; the rest go to "other". */
  files?: string[];
  run(ctx: BenchContext): Promise<SectionReport>;
};

export function emptyReport(): SectionReport {
  return { tables: [], notes: [], problems: [] };
}
