'use client';

// The one transaction helper: simulate → wallet → mined → refetch what it changed, with the revert in
// words. Every write in the app goes through it (scaffold-eth-2's useTransactor pattern); each names the
// query scopes it changes (components/query/queryKeys.ts), and only those refetch.
// The write code itself (./writeActions) is not in the page's first load: it is fetched on the page's
// first pointer, touch or key press (a signature is near), or at the latest when a transaction is sent.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useConfig } from 'wagmi';
import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, TransactionReceipt } from 'viem';
import { protocolErrorsAbi } from '@/contracts-abi';
import { describeError } from '@/lib/tx/describeError';
import type { TxStatus } from '@/lib/tx/status';
import { invalidateScopes } from '../query/queryKeys';

export type TxRequest<abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>> = {
  label: string;
  address: Address;
  abi: abi;
  functionName: name;
  args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', name>;
  account: Address;
  /** The chain scopes whose reads this write changes (`chainScopes`): they refetch once it is mined. */
  invalidates: readonly string[];
};

let writeActions: Promise<typeof import('./writeActions')> | undefined;
/** The write code, fetched once; a failed fetch (offline, a new deploy) is tried again on the next call. */
function loadWriteActions() {
  writeActions ??= import('./writeActions').catch((error: unknown) => {
    writeActions = undefined;
    throw error;
  });
  return writeActions;
}

const INTENT_EVENTS = ['pointerdown', 'keydown', 'focusin'] as const;

export function useTransactor() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<TxStatus>({ phase: 'idle' });

  // The first sign of a user at work on the page starts the write code's download, so it is there by
  // the time a form is filled in and sent.
  useEffect(() => {
    const warm = () => {
      for (const type of INTENT_EVENTS) document.removeEventListener(type, warm, true);
      void loadWriteActions().catch(() => undefined);
    };
    for (const type of INTENT_EVENTS) document.addEventListener(type, warm, { capture: true, passive: true });
    return () => {
      for (const type of INTENT_EVENTS) document.removeEventListener(type, warm, true);
    };
  }, []);

  const send = useCallback(
    async <abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
      tx: TxRequest<abi, name>,
    ): Promise<TransactionReceipt | undefined> => {
      const { label } = tx;
      setStatus({ phase: 'checking', label });
      let hash: `0x${string}` | undefined;
      try {
        const { simulateContract, waitForTransactionReceipt, writeContract } = await loadWriteActions();
        // Simulating against the contract's ABI plus every protocol error decodes any revert,
        // including one raised by another contract the call reaches.
        const abi = [...tx.abi, ...protocolErrorsAbi] as Abi;
        const { request } = await simulateContract(config, {
          address: tx.address,
          abi,
          functionName: tx.functionName as string,
          args: tx.args as readonly unknown[],
          account: tx.account,
        });
        setStatus({ phase: 'signing', label });
        hash = await writeContract(config, request);
        setStatus({ phase: 'pending', label, hash });
        const receipt = await waitForTransactionReceipt(config, { hash });
        if (receipt.status !== 'success') throw new Error('The transaction was mined but reverted.');
        setStatus({ phase: 'confirmed', label, hash });
        await invalidateScopes(queryClient, tx.invalidates);
        return receipt;
      } catch (error) {
        const { kind, message } = describeError(error);
        setStatus({ phase: 'failed', label, kind, message, hash });
        return undefined;
      }
    },
    [config, queryClient],
  );

  const reset = useCallback(() => setStatus({ phase: 'idle' }), []);
  return { status, send, reset };
}

export type Transactor = ReturnType<typeof useTransactor>;
