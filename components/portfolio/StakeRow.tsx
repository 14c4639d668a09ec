'use client';

import { NavLink } from '@/components/ui/NavLink';
import type { Address } from 'viem';
import type { Layer } from '@/lib/chain/config';
import { formatDuration } from '@/lib/format/duration';
import type { IndexedPosition } from '@/lib/history/indexerApi';
import { LAYER_COPY } from '@/lib/pool/layers';
import { requestPhase } from '@/lib/pool/redeemRequest';
import { positionValueDown, stakeEarnings } from '@/lib/portfolio/stake';
import { useChainNow } from '../chain/useChainNow';
import { usePoolData } from '../pools/usePoolData';
import { formatAssets, formatShares } from '@/lib/format/tokenAmount';

const usd = (v: bigint) => formatAssets(v, { maxFractionDigits: 2 });

function requestText(phase: ReturnType<typeof requestPhase>): string {
  switch (phase.kind) {
    case 'cooldown':
      return `cooldown, claimable in ${formatDuration(phase.secondsLeft)}`;
    case 'claimable':
      return `claimable now, for ${formatDuration(phase.secondsLeft)}`;
    case 'lapsed':
      return 'lapsed: shares return to you on your next request';
    default:
      return 'none';
  }
}

/** One layer's stake: live value from the chain, earnings from the indexed flows. */
export function StakeRow({ layer, account, indexed }: { layer: Layer; account: Address; indexed: IndexedPosition | undefined | null }) {
  const { data } = usePoolData(layer, account);
  const now = useChainNow();
  // Until the chain answers, the row's own cells with a placeholder in each: on a phone, where a row is
  // a card of five lines, a one-line skeleton made everything below it jump when the numbers came.
  if (!data)
    return (
      <tr className={ROW} aria-busy="true">
        {['Layer', 'Shares', 'Value', 'Earned', 'Withdrawal request'].map((label) => (
          <td key={label} className={`${CELL} text-slate-400`}>
            {label === 'Layer' ? null : <Label>{label}</Label>}…
          </td>
        ))}
      </tr>
    );
  const shares = data.shares + data.request.shares;
  // Requested shares count at what their claim pays: the lower of their value at request and now.
  const value = positionValueDown(data, data.shares, data.request);
  const phase = now !== undefined ? requestPhase(data.request, now) : ({ kind: 'none' } as const);
  const earned = indexed ? stakeEarnings(value, indexed) : undefined;
  return (
    <tr data-testid={`stake-${layer}`} className={ROW}>
      <td className={`${CELL} font-medium`}>
        <NavLink href={`/pools/${layer}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {LAYER_COPY[layer].title.split(' — ')[0]}
        </NavLink>
      </td>
      <td className={`${CELL} font-mono tabular-nums`}>
        <Label>Shares</Label>
        {formatShares(shares, { maxFractionDigits: 4 })}
      </td>
      <td className={`${CELL} font-mono tabular-nums`}>
        <Label>Value</Label>
        <span data-testid={`stake-${layer}-value`}>{usd(value)}</span>
      </td>
      <td className={`${CELL} font-mono tabular-nums`}>
        <Label>Earned</Label>
        <span data-testid={`stake-${layer}-earned`}>{earned === undefined ? '—' : `${earned >= 0n ? '+' : '−'}${usd(earned >= 0n ? earned : -earned)}`}</span>
      </td>
      <td className={`${CELL} text-sm`} data-testid={`stake-${layer}-request`} data-phase={phase.kind}>
        <Label>Withdrawal request</Label>
        {phase.kind === 'none' ? '—' : `${formatShares(data.request.shares, { maxFractionDigits: 2 })}, ${requestText(phase)}`}
      </td>
    </tr>
  );
}

// Below 640 px a row is a card: each cell a line with its own label (the table's header is hidden there).
const ROW = 'block rounded-lg border border-slate-200 p-3 sm:table-row sm:rounded-none sm:border-0 sm:border-t sm:p-0 dark:border-slate-800';
const CELL = 'flex justify-between gap-3 py-1 text-right sm:table-cell sm:py-3 sm:pr-3 sm:text-left';
const Label = ({ children }: { children: string }) => <span className="font-sans text-xs text-slate-500 sm:hidden">{children}</span>;
