'use client';

import Link from 'next/link';
import type { Address } from 'viem';
import type { Layer } from '@/lib/chain/config';
import { SHARE_DECIMALS } from '@/lib/chain/tokens';
import { formatAmount } from '@/lib/format/amount';
import { formatDuration } from '@/lib/format/duration';
import type { IndexedPosition } from '@/lib/history/indexerApi';
import { LAYER_COPY } from '@/lib/pool/layers';
import { claimQuote, requestPhase } from '@/lib/pool/redeemRequest';
import { stakeEarnings } from '@/lib/portfolio/stake';
import { useChainNow } from '../chain/useChainNow';
import { usePoolData } from '../pools/usePoolData';
import { formatAssets } from '@/lib/format/tokenAmount';
import { convertToAssets } from '@/lib/mirror/BackstopPool';

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
  if (!data)
    return (
      <tr>
        <td colSpan={5} className="py-3">
          <div className="h-5 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
        </td>
      </tr>
    );
  const shares = data.shares + data.request.shares;
  // Requested shares count at what their claim pays: the lower of their value at request and now.
  const value = convertToAssets(data, data.shares) + claimQuote(data, data.request, data.request.shares).pays;
  const phase = now !== undefined ? requestPhase(data.request, now) : ({ kind: 'none' } as const);
  const earned = indexed ? stakeEarnings(value, indexed) : undefined;
  return (
    <tr data-testid={`stake-${layer}`} className="border-t border-slate-100 dark:border-slate-800">
      <td className="py-3 pr-3">
        <Link href={`/pools/${layer}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {LAYER_COPY[layer].title.split(' — ')[0]}
        </Link>
      </td>
      <td className="py-3 pr-3 font-mono tabular-nums">{formatAmount(shares, SHARE_DECIMALS, { maxFractionDigits: 4 })}</td>
      <td className="py-3 pr-3 font-mono tabular-nums" data-testid={`stake-${layer}-value`}>
        {usd(value)}
      </td>
      <td className="py-3 pr-3 font-mono tabular-nums" data-testid={`stake-${layer}-earned`}>
        {earned === undefined ? '—' : `${earned >= 0n ? '+' : '−'}${usd(earned >= 0n ? earned : -earned)}`}
      </td>
      <td className="py-3 text-sm" data-testid={`stake-${layer}-request`} data-phase={phase.kind}>
        {phase.kind === 'none' ? '—' : `${formatAmount(data.request.shares, SHARE_DECIMALS, { maxFractionDigits: 2 })} shares, ${requestText(phase)}`}
      </td>
    </tr>
  );
}
