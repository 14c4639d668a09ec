'use client';

import { ChainTime } from '../ui/ChainTime';
import type { Address } from 'viem';
import type { PoolSigningAbi } from './signingAbi';
import { SHARE_DECIMALS } from '@/lib/chain/tokens';
import { formatAmount } from '@/lib/format/amount';
import { formatDuration } from '@/lib/format/duration';
import { claimQuote, type RequestPhase } from '@/lib/pool/redeemRequest';
import { isBusy } from '@/lib/tx/status';
import type { Transactor } from '../tx/useTransactor';
import { Button } from '../ui/Button';
import type { PoolState } from '@/lib/pool/poolState';
import { formatAssets } from '@/lib/format/tokenAmount';
import { SWITCH_NETWORK } from '@/lib/tx/signingGate';

type Props = {
  claim: Transactor;
  pool: Address;
  data: PoolState;
  account: Address;
  wrongNetwork: boolean;
  phase: Extract<RequestPhase, { kind: 'cooldown' | 'claimable' }>;
  poolAbi: PoolSigningAbi;
};

const usd = (v: bigint) => formatAssets(v, { maxFractionDigits: 2 });

/** Step two: a live countdown through the cooldown, then withdraw inside the window. Before any
 *  signature the card says what the claim pays — the lower of the shares' value at request and now —
 *  and which of the two applies. */
export function ClaimWithdrawal({ pool, data, account, wrongNetwork, phase, claim, poolAbi }: Props) {
  const { request } = data;
  const claimable = phase.kind === 'claimable' ? data.maxRedeem : 0n;
  // In the cooldown, the whole request as if claimed now; in the window, what maxRedeem lets through.
  const quote = claimQuote(data, request, phase.kind === 'claimable' ? claimable : request.shares);
  const limitedByFree = phase.kind === 'claimable' && claimable < request.shares;
  const canSubmit = phase.kind === 'claimable' && claimable > 0n && !wrongNetwork && !isBusy(claim.status);

  async function onClaim() {
    if (!canSubmit) return;
    await claim.send({
      label: 'Withdraw',
      address: pool,
      abi: poolAbi,
      functionName: 'redeem',
      args: [claimable, account, account],
      account,
    });
  }

  return (
    <div className="space-y-4" data-testid="withdrawal-request" data-phase={phase.kind}>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Requested</dt>
          <dd className="font-mono tabular-nums" data-testid="requested-shares">
            {formatAmount(request.shares, SHARE_DECIMALS, { maxFractionDigits: 4 })} shares
          </dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">{phase.kind === 'cooldown' ? 'Claimable in' : 'Window closes in'}</dt>
          <dd className="font-mono tabular-nums" data-testid="countdown">
            {formatDuration(phase.secondsLeft)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Worth when requested</dt>
          <dd className="font-mono tabular-nums" data-testid="value-at-request">
            {usd(request.assetsAtRequest)}
          </dd>
        </div>
      </dl>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {phase.kind === 'cooldown' ? (
          <>
            In cooldown: claimable <ChainTime seconds={request.claimableAt} /> until <ChainTime seconds={request.expiresAt} />. The shares still absorb losses
            meanwhile, but what they earn after your request stays with the pool: a withdrawal pays the lower of their value when you requested and when you
            withdraw.
          </>
        ) : (
          <>
            Claimable until <ChainTime seconds={request.expiresAt} />; after that the shares return to you and you would need to request again.
          </>
        )}
      </p>
      {phase.kind === 'claimable' ? (
        <p className="text-sm" data-testid="claim-preview">
          You receive ≈ {usd(quote.pays)}
          {limitedByFree ? ' now — the rest of your request waits until capital backing active cover is released.' : ''}
        </p>
      ) : null}
      {quote.binding === 'atRequest' ? (
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="claim-basis" data-binding="atRequest">
          Your shares are worth {usd(quote.valueNow)} today, but a withdrawal pays what they were worth when you requested it: {usd(quote.valueAtRequest)}. The{' '}
          {usd(quote.valueNow - quote.valueAtRequest)} they earned since stays with the pool&apos;s stakers.
        </p>
      ) : quote.binding === 'now' ? (
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="claim-basis" data-binding="now">
          That is less than the {usd(quote.valueAtRequest)} they were worth when you requested: the pool took a loss since, and shares waiting to be withdrawn
          bear it like everyone&apos;s.
        </p>
      ) : null}
      <Button type="button" onClick={onClaim} disabled={!canSubmit} className="w-full" data-testid="withdraw-button">
        {wrongNetwork ? SWITCH_NETWORK : phase.kind === 'cooldown' ? 'Withdraw (after the cooldown)' : 'Withdraw'}
      </Button>
    </div>
  );
}
