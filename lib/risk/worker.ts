// What a risk worker does with each request, independent of the Worker API (the worker entry and the
// Node benchmark both call this): keep a book, simulate a chunk of paths, or summarise a whole run.
import type { RiskBook } from './book';
import type { CompiledBook } from './compile';
import { compileBook } from './compile';
import { simulatePaths } from './engine';
import type { ModelParams } from './model';
import { allocateOutputs } from './outputs';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { summarise } from './summary';
import { TRAINING_PARAMS, trainEngine, trainingBook } from './warmup';

/** A warm-up with the page's book runs in this many calls (V8 optimises the function, not only its loop). */
const WARM_CALLS = 8;
/** The job id of the start-up training run (warmup.ts); no page ever starts it. */
export const TRAINING_JOB = -2;
/** Paths of the training's own simulate and summarise requests. */
const TRAINING_REQUEST_PATHS = 256;

export type Post = (message: WorkerResponse) => void;

/** How many books, and compiled books, a worker keeps (a run, a stake preview and a history point may overlap). */
const KEEP = 4;

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= KEEP) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

/** Everything but the path count, which does not change the compiled book. */
const compiledKey = (bookId: number, p: ModelParams) =>
  `${bookId}|${p.seed}|${p.horizonDays}|${p.stepsPerDay}|${p.sigmaMultiplier}|${p.jumpsPerYear}|${p.jumpMean}|${p.jumpStdDev}|${p.matchTotalVariance}|${p.touchModel}|${p.recapFill}`;

/** One worker's state: the books it was sent and their compiled forms under the parameters asked. */
export class RiskWorkerCore {
  private readonly books = new Map<number, RiskBook>();
  private readonly compiled = new Map<string, CompiledBook>();
  /** The chunk whose progress is being reported (null between requests). */
  private reporting: { job: number; from: number } | null = null;
  /**
   * The one progress callback every simulatePaths call gets, warm-ups included: V8 specialises the call
   * site on the function it has seen, and a different one would throw the optimised loop away.
   */
  private readonly progress = (done: number): void => {
    const r = this.reporting;
    if (r) this.post({ kind: 'progress', job: r.job, from: r.from, done });
  };

  constructor(private readonly post: Post) {}

  /** Runs the training book through the engine (warmup.ts): the worker entry calls it on start. */
  train(): void {
    // Progress is posted as in a real run (V8 must see that branch too); the page ignores a job it did not start.
    this.reporting = { job: TRAINING_JOB, from: 0 };
    trainEngine(this.progress);
    this.reporting = null;
    // Then once through the requests themselves (a chunk's results posted, a summary of cloned
    // results): in Chromium the first real chunk otherwise still threw the optimised code away.
    const params = TRAINING_PARAMS;
    const n = TRAINING_REQUEST_PATHS;
    this.handle({ kind: 'book', bookId: TRAINING_JOB, book: structuredClone(trainingBook()) });
    this.handle({ kind: 'simulate', job: TRAINING_JOB, bookId: TRAINING_JOB, params, from: 0, to: n });
    const outputs = allocateOutputs(n);
    simulatePaths(this.bookFor({ bookId: TRAINING_JOB, params }), 0, n, outputs, 0, this.progress, 2_048);
    this.handle({ kind: 'summarise', job: TRAINING_JOB, bookId: TRAINING_JOB, params, outputs: structuredClone(outputs) });
    this.books.delete(TRAINING_JOB);
    this.post({ kind: 'trained' });
  }

  private bookFor(request: { bookId: number; params: ModelParams }): CompiledBook {
    const key = compiledKey(request.bookId, request.params);
    const cb = this.compiled.get(key);
    if (cb) return cb;
    const book = this.books.get(request.bookId);
    if (!book) throw new Error(`book ${request.bookId} was never sent to this worker`);
    return remember(this.compiled, key, compileBook(book, request.params));
  }

  handle(request: WorkerRequest): void {
    try {
      if (request.kind === 'book') {
        remember(this.books, request.bookId, request.book);
        return;
      }
      if (request.kind === 'warm') {
        // Several calls, progress callbacks and a summary, like a real run: V8 optimises the function
        // itself (not just the loop it was in) and every branch a run takes.
        const cb = this.bookFor(request);
        const n = request.params.paths;
        const outputs = allocateOutputs(n);
        this.reporting = { job: request.job, from: 0 };
        for (let k = 0; k < WARM_CALLS; k++)
          simulatePaths(cb, Math.floor((k * n) / WARM_CALLS), Math.floor(((k + 1) * n) / WARM_CALLS), outputs, 0, this.progress, 512);
        this.reporting = null;
        summarise(cb, outputs);
        this.post({ kind: 'warmed', job: request.job });
        return;
      }
      if (request.kind === 'simulate') {
        const cb = this.bookFor(request);
        const { from, to, job } = request;
        const outputs = allocateOutputs(to - from);
        this.reporting = { job, from };
        simulatePaths(cb, from, to, outputs, from, this.progress, 2_048);
        this.reporting = null;
        // Copied, not transferred (~0.5 MB, well under a millisecond): the first buffer a worker detaches
        // makes V8 compile a detached-buffer check into every typed-array access of the path loop from
        // then on, ~8 % of its time (npm run bench -- risk, Node, paired processes).
        this.post({ kind: 'chunk', job, from, to, outputs });
        return;
      }
      const cb = this.bookFor(request);
      this.post({ kind: 'summary', job: request.job, summary: summarise(cb, request.outputs) });
    } catch (error) {
      const job = request.kind === 'book' ? TRAINING_JOB : request.job;
      this.post({ kind: 'error', job, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
