'use client';

import type { Address } from 'viem';
import { deployedAddressBook } from '@/lib/chain/addressBook';
import { activityRows } from '@/lib/history/activity';
import { ActivityList } from '../history/ActivityList';
import { usePortfolio } from './usePortfolio';

/** The account's own events, from the indexer. */
export function AccountHistory({ account }: { account: Address }) {
  const portfolio = usePortfolio(account);
  if (portfolio.isError)
    return <p className="text-sm text-slate-500 dark:text-slate-400">Your history is unavailable while the indexer is away; balances above are live.</p>;
  if (!portfolio.data) return <div className="h-24 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />;
  if (portfolio.data.events.length === 0) return <p className="text-sm text-slate-500">Nothing yet.</p>;
  return <ActivityList rows={activityRows(portfolio.data.events, deployedAddressBook())} testId="account-history" showWho={false} />;
}
