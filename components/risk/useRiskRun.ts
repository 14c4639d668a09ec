'use client';

import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { RiskBook } from '@/lib/risk/book';
import type { ModelParams } from '@/lib/risk/model';
import { RiskRunner, type RunResult } from '@/lib/risk/runner';
import { createRiskWorker } from './riskWorker';

export type RunState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: RunResult }
  | { status: 'cancelled'; previous?: RunResult }
  | { status: 'error'; message: string; previous?: RunResult };

/** One worker pool for the component's life (terminated when it unmounts). */
export function useRiskRunner(): () => RiskRunner {
  const ref = useRef<RiskRunner | null>(null);
  useEffect(() => () => ref.current?.terminate(), []);
  return useCallback(() => (ref.current ??= new RiskRunner(createRiskWorker)), []);
}

const PROGRESS_INTERVAL_MS = 100;

/**
 * A run's share of paths done, kept outside the dashboard's state: a tick repaints the progress bar
 * alone (RunProgressBar), not the dashboard around it — on a phone each dashboard render was a long task.
 */
export class RunProgress {
  private value = 0;
  private readonly listeners = new Set<() => void>();
  readonly get = () => this.value;
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  set(value: number): void {
    if (value === this.value) return;
    this.value = value;
    for (const l of this.listeners) l();
  }
}

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/**
 * A Monte Carlo run with progress (repainted at most ten times a second), cancel and an error state. The
 * last good result stays available while a new run goes or after it fails.
 */
export function useRiskRun(runner: () => RiskRunner) {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const last = useRef<RunResult | undefined>(undefined);
  const [progress] = useState(() => new RunProgress());

  const start = useCallback(
    async (book: RiskBook, params: ModelParams): Promise<RunResult | null> => {
      // A run already going is replaced, not aborted: its workers stay warm (RiskRunner.run).
      const controller = new AbortController();
      abort.current = controller;
      let frame = 0;
      let pending = 0;
      let painted = 0;
      progress.set(0);
      setState({ status: 'running' });
      try {
        const result = await runner().run(book, params, {
          signal: controller.signal,
          onProgress: (fraction) => {
            pending = fraction;
            // At most once a frame and ten times a second: the bar's own transition fills the gaps.
            if (!frame && performance.now() - painted >= PROGRESS_INTERVAL_MS) {
              frame = requestAnimationFrame(() => {
                frame = 0;
                painted = performance.now();
                if (abort.current === controller) progress.set(pending);
              });
            }
          },
        });
        cancelAnimationFrame(frame);
        if (abort.current !== controller) return null;
        last.current = result;
        // In a transition: the answer's hundreds of elements are built in slices that yield to input and
        // paint (on a phone, one urgent render of them was a long task); the bar shows 100 % meanwhile.
        startTransition(() => setState({ status: 'done', result }));
        return result;
      } catch (error) {
        cancelAnimationFrame(frame);
        if (abort.current !== controller && isAbort(error)) return null; // replaced by a newer run
        if (isAbort(error)) setState({ status: 'cancelled', previous: last.current });
        else setState({ status: 'error', message: error instanceof Error ? error.message : String(error), previous: last.current });
        return null;
      }
    },
    [runner, progress],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);

  return { state, start, cancel, progress, last: last.current };
}
