'use client';

import type { Address } from 'viem';
import { LAYERS, poolAddress } from '@/lib/chain/config';
import { StakeRow } from './StakeRow';
import { usePortfolio } from './usePortfolio';

/** My stakes in both layers. */
export function StakesTable({ account }: { account: Address }) {
  const portfolio = usePortfolio(account);
  const indexedFor = (pool: Address | undefined) =>
    portfolio.isError ? null : portfolio.data?.positions.find((p) => p.pool.toLowerCase() === pool?.toLowerCase());
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="pb-2 pr-3 font-medium">Layer</th>
            <th className="pb-2 pr-3 font-medium">Shares</th>
            <th className="pb-2 pr-3 font-medium">Value</th>
            <th className="pb-2 pr-3 font-medium" title="Value now plus withdrawals minus deposits">
              Earned
            </th>
            <th className="pb-2 font-medium">Withdrawal request</th>
          </tr>
        </thead>
        <tbody>
          {LAYERS.map((layer) => (
            <StakeRow key={layer} layer={layer} account={account} indexed={indexedFor(poolAddress(layer))} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
