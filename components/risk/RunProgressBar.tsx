'use client';

import { useSyncExternalStore } from 'react';
import type { RunProgress } from './useRiskRun';

/** The running Monte Carlo's progress: subscribed to the run's RunProgress, so a tick re-renders this alone. */
export function RunProgressBar({ progress }: { progress: RunProgress }) {
  const fraction = useSyncExternalStore(progress.subscribe, progress.get, progress.get);
  return (
    <div className="mt-3">
      <div
        role="progressbar"
        aria-label="Simulation progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        data-testid="risk-progress"
      >
        {/* Scaled, not resized: a transform runs on the compositor, a width transition re-lays the page out every frame. */}
        <div className="h-full w-full origin-left bg-indigo-600 transition-transform duration-100" style={{ transform: `scaleX(${fraction})` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500" aria-live="polite">
        {Math.round(fraction * 100)} % of the paths
      </p>
    </div>
  );
}
