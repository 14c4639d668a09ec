'use client';

import type { Address } from 'viem';
import { formatTimestamp } from '@/lib/format/duration';
import { eventAmount, eventLabel } from '@/lib/history/eventCopy';
import { shortHash } from '@/lib/tx/status';
import { usePortfolio } from './usePortfolio';

/** The account's own events, from the indexer. */
export function AccountHistory({ account }: { account: Address }) {
  const portfolio = usePortfolio(account);
  if (portfolio.isError)
    return <p className="text-sm text-slate-500 dark:text-slate-400">Your history is unavailable while the indexer is away; balances above are live.</p>;
  if (!portfolio.data) return <div className="h-24 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />;
  if (portfolio.data.events.length === 0) return <p className="text-sm text-slate-500">Nothing yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="account-history">
      {portfolio.data.events.map((e) => (
        <li key={e.id} className="flex items-baseline justify-between gap-3 py-2">
          <span>
            <span className="font-medium">{eventLabel(e.kind)}</span>
            <span className="ml-2 font-mono text-xs text-slate-500" title={e.txHash}>
              tx {shortHash(e.txHash)}
            </span>
          </span>
          <span className="text-right">
            <span className="font-mono tabular-nums">{eventAmount(e)}</span>
            <span className="block text-xs text-slate-500">{formatTimestamp(e.timestamp)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
