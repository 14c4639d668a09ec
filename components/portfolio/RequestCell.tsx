'use client';

import { useChainClock } from '@/components/chain/useChainClock';
import type { Layer } from '@/lib/chain/config';
import { formatDuration } from '@/lib/format/duration';
import { formatShares } from '@/lib/format/tokenAmount';
import { type RedeemRequestState, requestPhase } from '@/lib/pool/redeemRequest';
import { CELL, Label } from './stakeCells';

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

/** A stake's withdrawal request, its phase on the chain's clock (ticking between the server's renders). */
export function RequestCell({ layer, request, blockTimestamp }: { layer: Layer; request: RedeemRequestState; blockTimestamp: bigint }) {
  const now = useChainClock(blockTimestamp);
  const phase = requestPhase(request, now);
  return (
    <td className={`${CELL} text-sm`} data-testid={`stake-${layer}-request`} data-phase={phase.kind}>
      <Label>Withdrawal request</Label>
      {phase.kind === 'none' ? '—' : `${formatShares(request.shares, { maxFractionDigits: 2 })}, ${requestText(phase)}`}
    </td>
  );
}
