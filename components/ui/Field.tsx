'use client';

import { useTypedBeforeHydration } from '../hydration/useTypedBeforeHydration';

// A labelled text input with its one-line hint or error below (every form's fields: cover, venue).
export function Field({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  testId,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  testId: string;
}) {
  const input = useTypedBeforeHydration(value, onChange);
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-help`}
        data-testid={testId}
        className="mt-1 w-full rounded-lg border border-slate-300 bg-transparent px-3 py-2 font-mono outline-none focus:border-indigo-500 dark:border-slate-700"
      />
      <p id={`${id}-help`} className={`mt-1 min-h-5 text-xs ${error ? 'text-red-700 dark:text-red-400' : 'text-slate-500'}`} data-testid={`${testId}-message`}>
        {error ?? hint}
      </p>
    </div>
  );
}
