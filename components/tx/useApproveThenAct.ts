'use client';

// The approve-then-act flow of every form that spends the stablecoin (stake, buy cover): approve exactly what
// the action needs when the allowance is short, then the action, as two visible steps through the one
// transaction helper. The gate before it (wallet, network) is lib/tx/signingGate.ts.
import type { Abi, Address, ContractFunctionName, TransactionReceipt } from 'viem';
import { erc20Abi } from '@/contracts-abi';
import { needsApproval } from '@/lib/tx/signingGate';
import { isBusy } from '@/lib/tx/status';
import { type TxRequest, useTransactor } from './useTransactor';

export type Spend = { token: Address; spender: Address; amount: bigint; allowance: bigint };

export function useApproveThenAct() {
  const approve = useTransactor();
  const act = useTransactor();

  async function run<abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
    spend: Spend,
    action: TxRequest<abi, name>,
  ): Promise<TransactionReceipt | undefined> {
    if (needsApproval(spend.allowance, spend.amount)) {
      const approved = await approve.send({
        label: 'Approve',
        address: spend.token,
        abi: erc20Abi,
        functionName: 'approve',
        args: [spend.spender, spend.amount],
        account: action.account,
      });
      if (!approved) return undefined;
    }
    return act.send(action);
  }

  return { approve, act, run, busy: isBusy(approve.status) || isBusy(act.status) };
}
