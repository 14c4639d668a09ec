// Messages between the page (lib/risk/runner.ts) and the risk workers (lib/risk/risk.worker.ts).
// A book travels once to each worker as a structured clone (bigint included; a venue-scale book costs
// ~7 ms to clone) and is then named by its id. A chunk's path results come back copied (a worker never
// detaches a buffer: see worker.ts); a whole run's results go to a worker for the summary transferred.
import type { RiskBook } from './book';
import type { PathOutputs } from './outputs';
import type { ModelParams } from './model';
import type { RiskSummary } from './summary';

export type WorkerRequest =
  /** Keep `book` as book `bookId` (the worker keeps the few newest). */
  | { kind: 'book'; bookId: number; book: RiskBook }
  /** Simulate paths [from, to) of job `job` (the worker compiles a book once per set of parameters). */
  | { kind: 'simulate'; job: number; bookId: number; params: ModelParams; from: number; to: number }
  /** Summarise a whole run's per-path results (sorting 100k+ paths stays off the page's thread). */
  | { kind: 'summarise'; job: number; bookId: number; params: ModelParams; outputs: PathOutputs }
  /** Simulate and summarise a few thousand paths of the book and discard them (and keep it compiled). */
  | { kind: 'warm'; job: number; bookId: number; params: ModelParams };

export type WorkerResponse =
  /** The start-up training (warmup.ts) is done: the engine is optimised. */
  | { kind: 'trained' }
  | { kind: 'progress'; job: number; from: number; done: number }
  | { kind: 'chunk'; job: number; from: number; to: number; outputs: PathOutputs }
  | { kind: 'summary'; job: number; summary: RiskSummary }
  | { kind: 'warmed'; job: number }
  | { kind: 'error'; job: number; message: string };

/** The buffers of `outputs`, to transfer instead of copying. */
export function outputBuffers(outputs: PathOutputs): ArrayBuffer[] {
  return Object.values(outputs).map((a) => (a as Float64Array).buffer as ArrayBuffer);
}
