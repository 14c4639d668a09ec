'use client';

import { formatShares } from '@/lib/format/tokenAmount';
import { useId, useState } from 'react';
import type { Address } from 'viem';
import type { PoolSigningAbi } from './signingAbi';
import { SHARE_DECIMALS } from '@/lib/chain/tokens';
import { formatAmount } from '@/lib/format/amount';
import { formatDuration } from '@/lib/format/duration';
import { isBusy } from '@/lib/tx/status';
import { checkAmount } from '@/lib/validation/amountInput';
import type { Transactor } from '../tx/useTransactor';
import { AmountInput } from '../ui/AmountInput';
import { Button } from '../ui/Button';
import type { PoolState } from '@/lib/pool/poolState';
import { formatAssets } from '@/lib/format/tokenAmount';
import { convertToAssets } from '@/lib/mirror/BackstopPool';
import { signingGate } from '@/lib/tx/signingGate';

type Props = {
  request: Transactor;
  pool: Address;
  data: PoolState;
  account: Address | undefined;
  wrongNetwork: boolean;
  replacesLapsed: boolean;
  poolAbi: PoolSigningAbi;
};

/** Step one of leaving: escrow shares into a redeem request; the assets are priced when claimed. */
export function RequestRedeemForm({ pool, data, account, wrongNetwork, replacesLapsed, request, poolAbi }: Props) {
  const inputId = useId();
  const [input, setInput] = useState('');
  const check = checkAmount(input, SHARE_DECIMALS, 'shares', [{ value: data.shares, message: (max) => `You hold ${max}; you cannot request more.` }]);
  const shares = check.ok ? check.value : 0n;
  // What the request records as its value at request, and the most a withdrawal of it can pay.
  const estimate = check.ok ? convertToAssets(data, shares) : undefined;
  const error =
    !check.ok && !check.empty
      ? check.message
      : estimate === 0n
        ? 'These shares are worth nothing at today’s price: a request of them would pay nothing.'
        : undefined;
  const blocked =
    signingGate({ connected: Boolean(account), wrongNetwork }, 'withdraw') ?? (data.shares === 0n ? 'You hold no shares in this pool.' : undefined);
  const canSubmit = check.ok && estimate !== 0n && !blocked && !isBusy(request.status);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!canSubmit || !account) return;
    const done = await request.send({
      label: 'Request withdrawal',
      address: pool,
      abi: poolAbi,
      functionName: 'requestRedeem',
      args: [shares, account, account],
      account,
    });
    if (done) setInput('');
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Withdrawals take two steps. Request now; after a {formatDuration(data.cooldown)} cooldown you have {formatDuration(data.claimWindow)} to withdraw. A
        withdrawal pays the lower of the shares&apos; value when you request and when you withdraw: requested shares still absorb losses, and what they earn
        after the request stays with the pool{replacesLapsed ? '; your lapsed request is returned to you first' : ''}.
      </p>
      <div>
        <div className="flex items-baseline justify-between">
          <label htmlFor={inputId} className="text-sm font-medium text-slate-800 dark:text-slate-200">
            Shares to withdraw
          </label>
          <span className="text-xs text-slate-500 dark:text-slate-400">Held: {account ? formatShares(data.shares, { maxFractionDigits: 4 }) : '—'}</span>
        </div>
        <AmountInput
          id={inputId}
          name="shares"
          value={input}
          onChange={setInput}
          onMax={() => setInput(formatAmount(data.shares, SHARE_DECIMALS, { grouping: false }))}
          maxDisabled={!account}
          invalid={Boolean(error)}
          testId="request-amount"
        />
        <p id={`${inputId}-help`} className="mt-1 min-h-5 text-sm" data-testid="request-message">
          {error ? (
            <span className="text-red-700 dark:text-red-400">{error}</span>
          ) : estimate !== undefined ? (
            <span className="text-slate-600 dark:text-slate-300">
              Worth ≈ {formatAssets(estimate, { maxFractionDigits: 2 })} today: the most this withdrawal can pay (less if the pool takes a loss first).
            </span>
          ) : null}
        </p>
      </div>
      <Button type="submit" disabled={!canSubmit} className="w-full" data-testid="request-button">
        {blocked ?? 'Request withdrawal'}
      </Button>
    </form>
  );
}
