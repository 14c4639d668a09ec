import { deployedAddressBook } from '@/lib/chain/addressBook';
import { activityRows } from '@/lib/history/activity';
import type { AccountHistory as History } from '@/lib/portfolio/accountHistory';
import { ActivityList } from '../history/ActivityList';

/** The account's own events, from the indexer (read on the server). */
export async function AccountHistory({ history }: { history: Promise<History> }) {
  const { portfolio } = await history;
  if (!portfolio)
    return <p className="text-sm text-slate-500 dark:text-slate-400">Your history is unavailable while the indexer is away; balances above are live.</p>;
  if (portfolio.events.length === 0) return <p className="text-sm text-slate-500">Nothing yet.</p>;
  return <ActivityList rows={activityRows(portfolio.events, deployedAddressBook())} testId="account-history" showWho={false} />;
}
