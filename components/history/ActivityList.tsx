import type { ActivityRow } from '@/lib/history/activity';
import { ChainTime } from '../ui/ChainTime';

/** Activity rows, one per event: what, which pool, who (named when known), how much, when (chain time). */
export function ActivityList({ rows, testId, showWho = true }: { rows: readonly ActivityRow[]; testId: string; showWho?: boolean }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2" data-testid="activity-row" title={`tx ${r.txHash}`}>
          <span className="min-w-0">
            <span className="font-medium">{r.label}</span>
            {r.pool ? (
              <span
                className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300"
                data-testid="activity-pool"
              >
                {r.pool}
              </span>
            ) : null}
            {showWho && r.who ? (
              <span className="ml-2 text-xs text-slate-500" data-testid="activity-who">
                {r.who}
              </span>
            ) : null}
          </span>
          <span className="shrink-0 text-right">
            <span className="font-mono tabular-nums">{r.amount}</span>
            <ChainTime seconds={r.timestamp} className="block text-xs text-slate-500" />
          </span>
        </li>
      ))}
    </ul>
  );
}
