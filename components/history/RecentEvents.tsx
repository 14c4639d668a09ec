import { deployedAddressBook } from '@/lib/chain/addressBook';
import { activityRows } from '@/lib/history/activity';
import type { ProtocolEvent } from '@/lib/history/indexerApi';
import { ActivityList } from './ActivityList';

/** The protocol's latest events from the indexer; `null` when the indexer is away. */
export function RecentEvents({ events }: { events: ProtocolEvent[] | null }) {
  if (events === null) return <p className="text-sm text-slate-500 dark:text-slate-400">Recent activity is unavailable while the indexer is away.</p>;
  if (events.length === 0) return <p className="text-sm text-slate-500">No activity yet.</p>;
  return <ActivityList rows={activityRows(events, deployedAddressBook())} testId="recent-events" />;
}
