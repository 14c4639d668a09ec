'use client';

import type { Address } from 'viem';
import { backstopPoolAbi } from '@/contracts-abi';
import { SHARE_DECIMALS } from '@/lib/chain/tokens';
import { formatAmount } from '@/lib/format/amount';
import { formatDuration, formatTimestamp } from '@/lib/format/duration';
import type { RequestPhase } from '@/lib/pool/redeemRequest';
import { previewRedeem } from '@/lib/pool/shares';
import { isBusy } from '@/lib/tx/status';
import type { Transactor } from '../tx/useTransactor';
import { Button } from '../ui/Button';
import type { PoolData } from './usePoolData';
import { formatAssets } from '@/lib/format/tokenAmount';

type Props = {
  claim: Transactor;
  pool: Address;
  data: PoolData;
  account: Address;
  wrongNetwork: boolean;
  phase: Extract<RequestPhase, { kind: 'cooldown' | 'claimable' }>;
};

/** Step two: a live countdown through the cooldown, then withdraw inside the window. */
export function ClaimWithdrawal({ pool, data, account, wrongNetwork, phase, claim }: Props) {
  const { request } = data;
  const claimable = phase.kind === 'claimable' ? data.maxRedeem : 0n;
  const payout = previewRedeem(data, claimable);
  const limitedByFree = phase.kind === 'claimable' && claimable < request.shares;
  const canSubmit = phase.kind === 'claimable' && claimable > 0n && !wrongNetwork && !isBusy(claim.status);

  async function onClaim() {
    if (!canSubmit) return;
    await claim.send({ label: 'Withdraw', address: pool, abi: backstopPoolAbi, functionName: 'redeem', args: [claimable, account, account], account });
  }

  return (
    <div className="space-y-4" data-testid="withdrawal-request" data-phase={phase.kind}>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Requested</dt>
          <dd className="font-mono tabular-nums" data-testid="requested-shares">{formatAmount(request.shares, SHARE_DECIMALS, { maxFractionDigits: 4 })} shares</dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">{phase.kind === 'cooldown' ? 'Claimable in' : 'Window closes in'}</dt>
          <dd className="font-mono tabular-nums" data-testid="countdown">{formatDuration(phase.secondsLeft)}</dd>
        </div>
      </dl>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {phase.kind === 'cooldown'
          ? `In cooldown: claimable ${formatTimestamp(request.claimableAt)} until ${formatTimestamp(request.expiresAt)}. The shares keep earning and still absorb losses meanwhile.`
          : `Claimable until ${formatTimestamp(request.expiresAt)}; after that the shares return to you and you would need to request again.`}
      </p>
      {phase.kind === 'claimable' ? (
        <p className="text-sm" data-testid="claim-preview">
          You receive ≈ {formatAssets(payout, { maxFractionDigits: 2 })}
          {limitedByFree ? ' now — the rest of your request waits until capital backing active cover is released.' : ''}
        </p>
      ) : null}
      <Button type="button" onClick={onClaim} disabled={!canSubmit} className="w-full" data-testid="withdraw-button">
        {wrongNetwork ? 'Switch your wallet to the right network first.' : phase.kind === 'cooldown' ? 'Withdraw (after the cooldown)' : 'Withdraw'}
      </Button>
    </div>
  );
}
