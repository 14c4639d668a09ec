export function Stat({ label, value, testId, hint }: { label: string; value: string; testId?: string; hint?: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 font-mono text-lg tabular-nums text-slate-900 dark:text-slate-100" data-testid={testId} title={hint}>
        {value}
      </dd>
    </div>
  );
}
