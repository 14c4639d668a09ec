import type { ReactNode } from 'react';
import { LAYERS } from '@/lib/chain/config';
import type { IndexedPosition } from '@/lib/history/indexerApi';
import type { AccountState } from '@/lib/portfolio/accountState';
import { CELL, Label, ROW } from './stakeCells';
import { StakeRow } from './StakeRow';

/** The table's header and body; below 640 px each row is a card and the header is hidden. */
export function StakesTableFrame({ children }: { children: ReactNode }) {
  return (
    <table className="block w-full text-left text-sm sm:table">
      <thead className="hidden text-xs uppercase tracking-wide text-slate-500 sm:table-header-group">
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
      <tbody className="block space-y-3 sm:table-row-group sm:space-y-0">{children}</tbody>
    </table>
  );
}

/** A row's own cells with a placeholder in each, so a phone's five-line card has its loaded height. */
export function StakeRowPlaceholder() {
  return (
    <tr className={ROW} aria-busy="true">
      {['Layer', 'Shares', 'Value', 'Earned', 'Withdrawal request'].map((label) => (
        <td key={label} className={`${CELL} text-slate-400`}>
          {label === 'Layer' ? null : <Label>{label}</Label>}…
        </td>
      ))}
    </tr>
  );
}

/** My stakes in both layers: live from the chain; "earned" from the indexed flows, streamed in after. */
export function StakesTable({ state, positions }: { state: AccountState; positions: Promise<IndexedPosition[] | null> }) {
  return (
    <StakesTableFrame>
      {LAYERS.map((layer) => (
        <StakeRow key={layer} layer={layer} stake={state.stakes[layer]} blockTimestamp={state.blockTimestamp} positions={positions} />
      ))}
    </StakesTableFrame>
  );
}
