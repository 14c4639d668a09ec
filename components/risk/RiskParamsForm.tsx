'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { formatAmount } from '@/lib/format/amount';
import { PARAM_BOUNDS, type ModelParams } from '@/lib/risk/model';

const PATH_CHOICES = [10_000, 50_000, 100_000, 250_000, 1_000_000];

type Field = { key: keyof ModelParams; label: string; help: string; scale?: number; step?: number; min: number; max: number };

// Inputs shown in natural units (percentages as %), stored as the model's fractions.
const NUMBER_FIELDS: Field[] = [
  { key: 'seed', label: 'Seed', help: 'Same seed and book: same numbers on any number of workers.', min: 0, max: 0xffff_ffff, step: 1 },
  { key: 'horizonDays', label: 'Horizon (days)', help: 'The SCR convention is 30 days.', min: 1, max: 90, step: 1 },
  { key: 'sigmaMultiplier', label: 'σ multiplier', help: 'Multiplies the oracle’s σ.', min: 0, max: 10, step: 0.1 },
  { key: 'jumpsPerYear', label: 'Jumps per year', help: 'Merton jump intensity λ.', min: 0, max: 365, step: 1 },
  { key: 'jumpMean', label: 'Mean jump (%)', help: 'Mean of the log jump size (negative: crashes).', scale: 100, min: -100, max: 100, step: 0.5 },
  { key: 'jumpStdDev', label: 'Jump spread (%)', help: 'Standard deviation of the log jump size.', scale: 100, min: 0, max: 100, step: 0.5 },
  { key: 'recapFill', label: 'Auction fill (%)', help: 'Share of an auction’s raise capacity buyers take.', scale: 100, min: 0, max: 100, step: 5 },
];

/**
 * The model's parameters, editable; what is out of bounds is said under the form (the Run button waits).
 * The fields render once the reader opens the form: closed, they show nothing, and a dozen inputs and
 * their options were part of the page's hydration on a phone.
 */
export function RiskParamsForm({
  params,
  onChange,
  maxHorizon,
  error,
  disabled,
}: {
  params: ModelParams;
  onChange: (p: ModelParams) => void;
  maxHorizon: number;
  error: string | null;
  disabled: boolean;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened before the page hydrated: that toggle event had no listener yet.
  useEffect(() => {
    if (details.current?.open) setOpen(true);
  }, []);
  const set = (patch: Partial<ModelParams>) => onChange({ ...params, ...patch });
  return (
    <details
      ref={details}
      className="group rounded-lg border border-slate-200 p-3 dark:border-slate-700"
      data-testid="risk-params"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer text-sm font-medium text-slate-700 dark:text-slate-200">Model parameters</summary>
      {open ? (
        <fieldset disabled={disabled} className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <label className="text-sm">
            <span className="block text-xs text-slate-600 dark:text-slate-300">Paths</span>
            <select
              className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
              value={params.paths}
              onChange={(e) => set({ paths: Number(e.target.value) })}
              data-testid="risk-paths"
            >
              {PATH_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {formatAmount(BigInt(n), 0)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block text-xs text-slate-600 dark:text-slate-300">Steps per day</span>
            <select
              className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
              value={params.stepsPerDay}
              onChange={(e) => set({ stepsPerDay: Number(e.target.value) })}
            >
              {PARAM_BOUNDS.stepsPerDay.allowed.map((n) => (
                <option key={n} value={n}>
                  {n === 1 ? '1 (daily)' : n === 24 ? '24 (hourly)' : n}
                </option>
              ))}
            </select>
          </label>
          {NUMBER_FIELDS.map((f) => {
            const scale = f.scale ?? 1;
            const max = f.key === 'horizonDays' ? Math.min(f.max, maxHorizon) : f.max;
            return (
              <label key={f.key} className="text-sm">
                <span className="block text-xs text-slate-600 dark:text-slate-300">{f.label}</span>
                <input
                  type="number"
                  inputMode="decimal"
                  className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono dark:border-slate-700 dark:bg-slate-900"
                  value={Number(((params[f.key] as number) * scale).toFixed(6))}
                  min={f.min}
                  max={max}
                  step={f.step}
                  aria-describedby={`${id}-${f.key}`}
                  onChange={(e) => set({ [f.key]: e.target.value === '' ? NaN : Number(e.target.value) / scale } as Partial<ModelParams>)}
                  data-testid={`risk-param-${f.key}`}
                />
                <span id={`${id}-${f.key}`} className="mt-0.5 block text-xs text-slate-500 dark:text-slate-400">
                  {f.help}
                </span>
              </label>
            );
          })}
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-1" checked={params.matchTotalVariance} onChange={(e) => set({ matchTotalVariance: e.target.checked })} />
            <span>
              Jumps within σ
              <span className="block text-xs text-slate-500 dark:text-slate-400">The oracle&apos;s σ includes the jumps (the diffusion gets the rest).</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={params.touchModel === 'rounds'}
              onChange={(e) => set({ touchModel: e.target.checked ? 'rounds' : 'continuous' })}
            />
            <span>
              Touches seen by oracle rounds
              <span className="block text-xs text-slate-500 dark:text-slate-400">Off: every touch pays (conservative, as priced).</span>
            </span>
          </label>
        </fieldset>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400" data-testid="risk-params-error">
          {error}
        </p>
      ) : null}
    </details>
  );
}
