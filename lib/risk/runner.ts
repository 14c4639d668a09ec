// Runs the Monte Carlo on a pool of Web Workers: the paths are cut into chunks that idle workers pull
// (one in flight per worker, so a fast core takes more), results are placed by path index, and one
// worker summarises. Each book is sent to each worker once and named by an id afterwards. Because every path has its own random stream (random.ts), the result for a seed
// is the same on 1 worker or 16 and for any chunk size. Progress is reported as chunks advance; an
// abort terminates the workers at once (a tight loop cannot be interrupted any other way) and the next
// run starts fresh ones; a worker that fails rejects the run with a sentence the page can show.
import type { RiskBook } from './book';
import { allocateOutputs, OUTPUT_KEYS, type PathOutputs } from './outputs';
import type { ModelParams } from './model';
import { outputBuffers, type WorkerRequest, type WorkerResponse } from './protocol';
import type { RiskSummary } from './summary';

export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
};

export type RunOptions = {
  /** Share of the paths done, in [0, 1]. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

/** `simulateMilliseconds`: until the last chunk came back; the rest is the summary (sorting, tails). */
export type RunResult = { summary: RiskSummary; workers: number; chunks: number; milliseconds: number; simulateMilliseconds: number };

export class RiskRunError extends Error {}

/** The cores the browser reports, at least 1 and at most 16. */
export function defaultWorkerCount(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  return Math.min(16, Math.max(1, Number.isFinite(n) && n > 0 ? n : 1));
}

/** Paths per chunk: about 8 chunks per worker, between 1,000 and 20,000 paths. */
export function chunkSize(paths: number, workers: number): number {
  return Math.min(20_000, Math.max(1_000, Math.ceil(paths / (workers * 8))));
}

type Job = {
  id: number;
  book: RiskBook;
  bookId: number;
  params: ModelParams;
  outputs: PathOutputs;
  next: number;
  chunk: number;
  chunks: number;
  doneByChunk: Map<number, number>;
  finished: number;
  onProgress?: (fraction: number) => void;
  resolve: (summary: RiskSummary) => void;
  reject: (error: unknown) => void;
  summarising: boolean;
  simulatedAt: number;
};

let jobIds = 0;
let bookIds = 0;
/** The id under which each book is sent to the workers (the same object is sent once). */
const bookId = new WeakMap<RiskBook, number>();
const idOf = (book: RiskBook) => {
  let id = bookId.get(book);
  if (id === undefined) bookId.set(book, (id = ++bookIds));
  return id;
};
/** The job id of warm-up work (never a run's). */
const WARM_JOB = -1;
/** Enough paths for the progress reports (every 2,048) to run during the warm-up too. */
const WARM_PATHS = 6_000;

export class RiskRunner {
  private workers: WorkerLike[] = [];
  private busy: Array<number | null> = [];
  /** Per worker: the ids of the books it holds. */
  private sent: Array<Set<number>> = [];
  private job: Job | null = null;
  /** Workers whose start-up training or page warm-up is still running, and who waits for them. */
  private pendingWarm = new Set<number>();
  private pendingTraining = new Set<number>();
  private warmWaiters: Array<() => void> = [];

  constructor(
    private readonly createWorker: () => WorkerLike,
    readonly size: number = defaultWorkerCount(),
  ) {}

  /**
   * Starts the workers ahead of the first run (each trains the engine on start: warmup.ts) and, given
   * the book, has each compile it and simulate and summarise a few thousand of its paths, thrown away.
   * Resolves when every worker has done so (or the pool was terminated meanwhile).
   */
  warm(book?: RiskBook, params?: ModelParams): Promise<void> {
    const workers = this.pool();
    if (book && params) {
      const paths = Math.min(params.paths, WARM_PATHS);
      for (let i = 0; i < workers.length; i++) {
        if (this.busy[i] !== null) continue;
        this.busy[i] = WARM_JOB;
        this.pendingWarm.add(i);
        const id = this.ensureBook(i, book);
        this.send(i, { kind: 'warm', job: WARM_JOB, bookId: id, params: { ...params, paths } });
      }
    }
    return new Promise((resolve) => {
      this.warmWaiters.push(resolve);
      this.settleWarm();
    });
  }

  private settleWarm(): void {
    if (this.pendingWarm.size > 0 || this.pendingTraining.size > 0) return;
    const waiters = this.warmWaiters;
    this.warmWaiters = [];
    for (const w of waiters) w();
  }

  private ensureBook(worker: number, book: RiskBook): number {
    const id = idOf(book);
    const held = this.sent[worker]!;
    if (!held.has(id)) {
      held.add(id);
      this.send(worker, { kind: 'book', bookId: id, book });
    }
    return id;
  }

  private pool(): WorkerLike[] {
    if (this.workers.length === 0) {
      for (let i = 0; i < this.size; i++) {
        const worker = this.createWorker();
        worker.onmessage = (event) => this.receive(i, event.data);
        worker.onerror = (event) => this.fail(new RiskRunError(`A risk worker failed${event.message ? `: ${event.message}` : ''}.`));
        worker.onmessageerror = () => this.fail(new RiskRunError('A risk worker sent a message that could not be read.'));
        this.workers.push(worker);
        this.busy.push(null);
        this.sent.push(new Set());
        this.pendingTraining.add(i);
      }
    }
    return this.workers;
  }

  /** Stops every worker now; the next run starts new ones. */
  terminate(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
    this.busy = [];
    this.sent = [];
    this.pendingWarm.clear();
    this.pendingTraining.clear();
    this.settleWarm();
  }

  private fail(error: unknown): void {
    const job = this.job;
    this.job = null;
    this.terminate();
    job?.reject(error);
  }

  /**
   * Simulates `params.paths` paths of `book` and summarises them. A run started while another is going
   * replaces it (the old one rejects with an AbortError; work already in flight is discarded).
   */
  run(book: RiskBook, params: ModelParams, options: RunOptions = {}): Promise<RunResult> {
    const started = performance.now();
    if (this.job) {
      const old = this.job;
      this.job = null;
      old.reject(new DOMException('Replaced by a newer run.', 'AbortError'));
    }
    const workers = this.pool();
    const chunk = chunkSize(params.paths, workers.length);
    return new Promise<RunResult>((resolve, reject) => {
      if (options.signal?.aborted) return reject(new DOMException('Cancelled.', 'AbortError'));
      const job: Job = {
        id: ++jobIds,
        book,
        bookId: idOf(book),
        params,
        outputs: allocateOutputs(params.paths),
        next: 0,
        chunk,
        chunks: Math.ceil(params.paths / chunk),
        doneByChunk: new Map(),
        finished: 0,
        onProgress: options.onProgress,
        resolve: (summary) =>
          resolve({
            summary,
            workers: workers.length,
            chunks: job.chunks,
            milliseconds: performance.now() - started,
            simulateMilliseconds: job.simulatedAt - started,
          }),
        reject,
        summarising: false,
        simulatedAt: 0,
      };
      options.signal?.addEventListener(
        'abort',
        () => {
          if (this.job !== job) return;
          this.job = null;
          this.terminate(); // the only way to stop a worker in the middle of a chunk
          reject(new DOMException('Cancelled.', 'AbortError'));
        },
        { once: true },
      );
      this.job = job;
      options.onProgress?.(0);
      for (let i = 0; i < workers.length; i++) if (this.busy[i] === null) this.dispatch(i);
    });
  }

  private dispatch(worker: number): void {
    const job = this.job;
    if (!job || job.next >= job.params.paths) return;
    const from = job.next;
    const to = Math.min(job.params.paths, from + job.chunk);
    job.next = to;
    this.busy[worker] = job.id;
    this.ensureBook(worker, job.book);
    this.send(worker, { kind: 'simulate', job: job.id, bookId: job.bookId, params: job.params, from, to });
  }

  private send(worker: number, request: WorkerRequest, transfer: Transferable[] = []): void {
    this.workers[worker]!.postMessage(request, transfer);
  }

  private progress(job: Job): void {
    let done = 0;
    for (const d of job.doneByChunk.values()) done += d;
    job.onProgress?.(Math.min(1, done / job.params.paths));
  }

  private receive(worker: number, message: WorkerResponse): void {
    if (message.kind === 'trained') {
      this.pendingTraining.delete(worker);
      this.settleWarm();
      return;
    }
    if (message.kind === 'warmed') {
      this.pendingWarm.delete(worker);
      this.settleWarm();
    }
    const job = this.job;
    // A worker's answer to the request in flight frees it (its start-up training answers no request).
    const answers = message.kind === 'chunk' || message.kind === 'summary' || message.kind === 'error' || message.kind === 'warmed';
    if (answers && message.job === this.busy[worker]) this.busy[worker] = null;
    if (!job || message.job !== job.id) {
      // A warm-up's or a replaced run's chunk: hand this worker the current run's next chunk.
      if (job && this.busy[worker] === null && !job.summarising) this.dispatch(worker);
      return;
    }
    switch (message.kind) {
      case 'progress':
        job.doneByChunk.set(message.from, message.done);
        this.progress(job);
        return;
      case 'error':
        this.fail(new RiskRunError(`The risk engine stopped: ${message.message}`));
        return;
      case 'summary':
        this.job = null;
        job.onProgress?.(1);
        job.resolve(message.summary);
        return;
      case 'chunk': {
        for (const key of OUTPUT_KEYS) (job.outputs[key] as Float64Array).set(message.outputs[key] as Float64Array, message.from);
        job.doneByChunk.set(message.from, message.to - message.from);
        job.finished++;
        this.progress(job);
        if (job.finished === job.chunks) {
          job.summarising = true;
          job.simulatedAt = performance.now();
          this.busy[worker] = job.id;
          this.send(worker, { kind: 'summarise', job: job.id, bookId: job.bookId, params: job.params, outputs: job.outputs }, outputBuffers(job.outputs));
        } else {
          this.dispatch(worker);
        }
      }
    }
  }
}
