'use client';

import dynamic from 'next/dynamic';
import type { Address } from 'viem';
import { LAYERS, poolAddress } from '@/lib/chain/config';
import { ASSET_DECIMALS } from '@/lib/chain/tokens';
import { parseAmount } from '@/lib/format/amount';

// The engine, its runner and the book reader load only once someone types an amount.
const StakePreviewPanel = dynamic(() => import('./StakePreviewPanel'), {
  ssr: false,
  loading: () => <div className="h-24 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />,
});

/** Before staking: the stake's own 30-day risk and the layer's solvency after it, for the amount typed. */
export function StakePreview({ pool, input }: { pool: Address; input: string }) {
  const parsed = parseAmount(input, ASSET_DECIMALS);
  const layer = LAYERS.find((l) => poolAddress(l)?.toLowerCase() === pool.toLowerCase());
  if (!parsed.ok || parsed.value === 0n || !layer) return null;
  return <StakePreviewPanel layer={layer} amount={parsed.value} />;
}
