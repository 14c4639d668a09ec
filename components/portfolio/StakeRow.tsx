import { Suspense } from 'react';
import type { Layer } from '@/lib/chain/config';
import { formatAssets, formatShares } from '@/lib/format/tokenAmount';
import type { IndexedPosition } from '@/lib/history/indexerApi';
import { stakeValueDown, type StakeState } from '@/lib/portfolio/accountState';
import { stakeEarnings } from '@/lib/portfolio/stake';
import { LAYER_COPY } from '@/lib/pool/layers';
import { NavLink } from '../ui/NavLink';
import { RequestCell } from './RequestCell';
import { CELL, Label, ROW } from './stakeCells';

const usd = (v: bigint) => formatAssets(v, { maxFractionDigits: 2 });

/** Value now + withdrawn − deposited, once the indexer answers ("—" without it). */
async function Earned({ layer, value, stake, positions }: { layer: Layer; value: bigint; stake: StakeState; positions: Promise<IndexedPosition[] | null> }) {
  const indexed = (await positions)?.find((p) => p.pool.toLowerCase() === stake.pool.toLowerCase());
  const earned = indexed ? stakeEarnings(value, indexed) : undefined;
  return <span data-testid={`stake-${layer}-earned`}>{earned === undefined ? '—' : `${earned >= 0n ? '+' : '−'}${usd(earned >= 0n ? earned : -earned)}`}</span>;
}

/** One layer's stake: live value from the chain, earnings from the indexed flows. */
export function StakeRow({
  layer,
  stake,
  blockTimestamp,
  positions,
}: {
  layer: Layer;
  stake: StakeState;
  blockTimestamp: bigint;
  positions: Promise<IndexedPosition[] | null>;
}) {
  const shares = stake.shares + stake.request.shares;
  // Requested shares count at what their claim pays: the lower of their value at request and now.
  const value = stakeValueDown(stake);
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
        <Suspense fallback={<span className="text-slate-400">…</span>}>
          <Earned layer={layer} value={value} stake={stake} positions={positions} />
        </Suspense>
      </td>
      <RequestCell layer={layer} request={stake.request} blockTimestamp={blockTimestamp} />
    </tr>
  );
}
