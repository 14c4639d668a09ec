'use client';

import { useId, useState } from 'react';
import type { Address } from 'viem';
import type { PoolSigningAbi } from './signingAbi';
import { ASSET_DECIMALS, ASSET_SYMBOL, SHARE_DECIMALS } from '@/lib/chain/tokens';
import { formatAmount } from '@/lib/format/amount';
import { belowSharePriceFloor } from '@/lib/mirror/PoolMath';
import { needsApproval as approvalNeeded, signingGate } from '@/lib/tx/signingGate';
import { checkAmount } from '@/lib/validation/amountInput';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useApproveThenAct } from '../tx/useApproveThenAct';
import { AmountInput } from '../ui/AmountInput';
import { Button } from '../ui/Button';
import type { PoolState } from '@/lib/pool/poolState';
import { formatAssets } from '@/lib/format/tokenAmount';
import { previewDeposit } from '@/lib/mirror/BackstopPool';
import { StakePreview } from '../risk/StakePreview';

type Props = { pool: Address; stablecoin: Address; data: PoolState; account: Address | undefined; wrongNetwork: boolean; poolAbi: PoolSigningAbi };

/** Stake: approve then deposit, as two visible steps, with the share preview from the lib/ twin. */
export function DepositForm({ pool, stablecoin, data, account, wrongNetwork, poolAbi }: Props) {
  const inputId = useId();
  const [input, setInput] = useState('');
  const { approve, act: deposit, run, busy } = useApproveThenAct();

  const check = checkAmount(input, ASSET_DECIMALS, ASSET_SYMBOL, [
    { value: data.walletBalance, message: (max) => `That is more than your wallet holds (${max}).` },
    // maxDeposit is 0 while the guardian has paused new risk, the pool needs a checkpoint, or the layer is
    // wiped out (share price below the floor: closed until earnings lift it).
    {
      value: data.maxDeposit,
      message: (max) =>
        data.maxDeposit !== 0n
          ? `The pool accepts at most ${max} from you right now.`
          : belowSharePriceFloor(data.totalSupply, data.totalAssets)
            ? 'This layer lost nearly all its capital (its share price fell below the floor), so it takes no new deposits until its earnings lift the price again.'
            : 'The pool is not taking deposits right now.',
    },
  ]);
  const amount = check.ok ? check.value : 0n;
  const needsApproval = check.ok && approvalNeeded(data.allowance, amount);
  const blocked = signingGate({ connected: Boolean(account), wrongNetwork }, 'stake');
  const shares = check.ok ? previewDeposit(data, amount) : undefined;
  const error = !check.ok && !check.empty ? check.message : shares === 0n ? 'This amount is too small to mint a single share.' : undefined;
  const canSubmit = check.ok && shares !== 0n && !blocked && !busy;

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!canSubmit || !account) return;
    const done = await run(
      { token: stablecoin, spender: pool, amount, allowance: data.allowance },
      {
        label: 'Deposit',
        address: pool,
        abi: poolAbi,
        functionName: 'deposit',
        args: [amount, account],
        account,
      },
    );
    if (done) setInput('');
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={`${inputId}-help`}>
      <div>
        <div className="flex items-baseline justify-between">
          <label htmlFor={inputId} className="text-sm font-medium text-slate-800 dark:text-slate-200">
            Amount to stake
          </label>
          <span className="text-xs text-slate-500 dark:text-slate-400" data-testid="wallet-balance">
            Wallet: {account ? formatAssets(data.walletBalance) : '—'}
          </span>
        </div>
        <AmountInput
          id={inputId}
          name="amount"
          value={input}
          onChange={setInput}
          onMax={() => setInput(formatAmount(data.walletBalance < data.maxDeposit ? data.walletBalance : data.maxDeposit, ASSET_DECIMALS, { grouping: false }))}
          maxDisabled={!account}
          invalid={Boolean(error)}
          testId="stake-amount"
        />
        <p id={`${inputId}-help`} className="mt-1 min-h-5 text-sm" data-testid="amount-message">
          {error ? (
            <span className="text-red-700 dark:text-red-400">{error}</span>
          ) : shares !== undefined ? (
            <span className="text-slate-600 dark:text-slate-300" data-testid="share-preview">
              You receive ≈ {formatAmount(shares, SHARE_DECIMALS, { maxFractionDigits: 6 })} shares
            </span>
          ) : null}
        </p>
        <StakePreview pool={pool} input={input} />
      </div>

      <ol className="space-y-1 text-sm text-slate-600 dark:text-slate-300" aria-label="Steps">
        <li data-testid="step-approve">
          1. Approve {ASSET_SYMBOL} {check.ok ? (needsApproval ? '— needed' : '— done') : ''}
        </li>
        <li data-testid="step-deposit">2. Deposit into the pool</li>
      </ol>

      <Button type="submit" disabled={!canSubmit} className="w-full" data-testid="deposit-button">
        {blocked ?? (needsApproval ? 'Approve and deposit' : 'Deposit')}
      </Button>
      <TxStatusLine status={approve.status} />
      <TxStatusLine status={deposit.status} />
    </form>
  );
}
