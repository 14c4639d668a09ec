// Messages between the page (lib/risk/runner.ts) and the risk workers (lib/risk/risk.worker.ts).
// Books travel as structured clones (bigint included); path results travel as transferred buffers.
import type { RiskBook } from './book';
import type { PathOutputs } from './outputs';
import type { ModelParams } from './model';
import type { RiskSummary } from './summary';

export type WorkerRequest =
  /** Simulate paths [from, to) of job `job` (the worker compiles the book once per job). */
  | { kind: 'simulate'; job: number; book: RiskBook; params: ModelParams; from: number; to: number }
  /** Summarise a whole run's per-path results (sorting 100k+ paths stays off the page's thread). */
  | { kind: 'summarise'; job: number; book: RiskBook; params: ModelParams; outputs: PathOutputs }
  /** Forget job `job`'s compiled book. */
  | { kind: 'forget'; job: number }
  /** Simulate and summarise a few thousand paths of `book` and discard them: V8 optimises the engine. */
  | { kind: 'warm'; job: number; book: RiskBook; params: ModelParams };

export type WorkerResponse =
  | { kind: 'progress'; job: number; from: number; done: number }
  | { kind: 'chunk'; job: number; from: number; to: number; outputs: PathOutputs }
  | { kind: 'summary'; job: number; summary: RiskSummary }
  | { kind: 'warmed'; job: number }
  | { kind: 'error'; job: number; message: string };

/** The buffers of `outputs`, to transfer instead of copying. */
export function outputBuffers(outputs: PathOutputs): ArrayBuffer[] {
  return Object.values(outputs).map((a) => (a as Float64Array).buffer as ArrayBuffer);
}
