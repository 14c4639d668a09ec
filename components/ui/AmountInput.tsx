'use client';

import { useTypedBeforeHydration } from '../hydration/useTypedBeforeHydration';

/** A decimal amount box with a Max button; the label and the message below belong to the form. */
export function AmountInput({
  id,
  name,
  value,
  onChange,
  onMax,
  maxDisabled,
  invalid,
  testId,
}: {
  id: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  onMax: () => void;
  maxDisabled: boolean;
  invalid: boolean;
  testId?: string;
}) {
  const input = useTypedBeforeHydration(value, onChange);
  return (
    <div className="mt-1 flex rounded-lg border border-slate-300 focus-within:border-indigo-500 dark:border-slate-700">
      <input
        ref={input}
        id={id}
        name={name}
        inputMode="decimal"
        autoComplete="off"
        placeholder="0.00"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={`${id}-help`}
        data-testid={testId}
        className="w-full rounded-lg bg-transparent px-3 py-2 font-mono text-slate-900 outline-none dark:text-slate-100"
      />
      <button type="button" className="px-3 text-xs font-semibold text-indigo-700 dark:text-indigo-300" onClick={onMax} disabled={maxDisabled}>
        Max
      </button>
    </div>
  );
}
