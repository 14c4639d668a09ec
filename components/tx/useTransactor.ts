'use client';

// The one transaction helper: simulate → wallet → mined → the page shows the new state, with the revert in
// words. Every write in the app goes through it (scaffold-eth-2's useTransactor pattern). Once a write is
// mined the page, rendered on the server, is rendered again (router.refresh).
// Neither the write code (./writeActions) nor the wallet is in the page's first load: both are fetched on
// the page's first pointer, touch or key press (a signature is near), or at the latest when a
// transaction is sent, and the send waits for the saved connection to be restored.
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState, useTransition } from 'react';
import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, TransactionReceipt } from 'viem';
import { chain } from '@/lib/chain/config';
import { describeFailure } from '@/lib/tx/describeFailure';
import { shortHash, type TxStatus } from '@/lib/tx/status';
import { loadWallet, walletSettled } from '../wallet/walletLoader';

export type TxRequest<abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable' | 'payable'>> = {
  label: string;
  address: Address;
  abi: abi;
  functionName: name;
  args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', name>;
  /** The account the page shows (and the server read for); the wallet must be signing as it. */
  account: Address;
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

/** Starts both downloads; a failure is retried when the transaction is sent. */
function warmUp() {
  void loadWriteActions().catch(() => undefined);
  void loadWallet().catch(() => undefined);
}

const INTENT_EVENTS = ['pointerdown', 'keydown', 'focusin'] as const;

/** A wallet that cannot sign what the page shows: said in words before anything is simulated. */
class WalletMismatch extends Error {
  override name = 'WalletMismatch';
}

export function useTransactor() {
  const router = useRouter();
  const [status, setStatus] = useState<TxStatus>({ phase: 'idle' });
  const [, startRefresh] = useTransition();

  // The first sign of a user at work on the page starts the downloads, so they are there by the time a
  // form is filled in and sent.
  useEffect(() => {
    const warm = () => {
      for (const type of INTENT_EVENTS) document.removeEventListener(type, warm, true);
      warmUp();
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
        const [{ getConnection, protocolErrorsAbi, simulateContract, waitForTransactionReceipt, wagmiConfig, writeContract }] = await Promise.all([
          loadWriteActions(),
          walletSettled(),
        ]);
        const config = wagmiConfig();
        const connection = getConnection(config);
        if (!connection.isConnected || !connection.address) throw new WalletMismatch('Your wallet is not connected any more: connect it again, then send.');
        if (connection.address.toLowerCase() !== tx.account.toLowerCase()) {
          startRefresh(() => router.refresh());
          throw new WalletMismatch(`Your wallet now signs as ${shortHash(connection.address)}: the page is showing that account now; check it and send again.`);
        }
        if (connection.chainId !== chain.id) throw new WalletMismatch(`Your wallet is on chain ${connection.chainId}: switch it to ${chain.name} first.`);
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
        startRefresh(() => router.refresh());
        return receipt;
      } catch (error) {
        const { kind, message } = await describeFailure(error);
        setStatus({ phase: 'failed', label, kind, message, hash });
        return undefined;
      }
    },
    [router],
  );

  const reset = useCallback(() => setStatus({ phase: 'idle' }), []);
  return { status, send, reset };
}

export type Transactor = ReturnType<typeof useTransactor>;
