import { ChainTime } from '../ui/ChainTime';
import { shortHash } from '@/lib/tx/status';
import { eventAmount, eventLabel } from '@/lib/history/eventCopy';
import type { ProtocolEvent } from '@/lib/history/indexerApi';

/** The protocol's latest events from the indexer; `null` when the indexer is away. */
export function RecentEvents({ events }: { events: ProtocolEvent[] | null }) {
  if (events === null) return <p className="text-sm text-slate-500 dark:text-slate-400">Recent activity is unavailable while the indexer is away.</p>;
  if (events.length === 0) return <p className="text-sm text-slate-500">No activity yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="recent-events">
      {events.map((e) => (
        <li key={e.id} className="flex items-baseline justify-between gap-3 py-2">
          <span>
            <span className="font-medium">{eventLabel(e.kind)}</span>
            {e.account ? <span className="ml-2 font-mono text-xs text-slate-500">{shortHash(e.account)}</span> : null}
          </span>
          <span className="text-right">
            <span className="font-mono tabular-nums">{eventAmount(e)}</span>
            <ChainTime seconds={e.timestamp} className="block text-xs text-slate-500" />
          </span>
        </li>
      ))}
    </ul>
  );
}
