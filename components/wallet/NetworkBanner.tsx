'use client';

import { useConnection, useSwitchChain } from 'wagmi';
import { chain } from '@/lib/chain/config';
import { describeError } from '@/lib/tx/describeError';
import { Button } from '../ui/Button';

/** Shown when the connected wallet is on another chain: one button to switch, nothing breaks. */
export function NetworkBanner() {
  const connection = useConnection();
  const switchChain = useSwitchChain();
  if (!connection.isConnected || connection.chainId === chain.id) return null;
  return (
    <div
      role="alert"
      data-testid="wrong-network"
      className="border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3">
        <span>
          Your wallet is on chain {connection.chainId}. Backstop runs on {chain.name} (chain {chain.id}).
        </span>
        <Button onClick={() => switchChain.mutate({ chainId: chain.id })} disabled={switchChain.isPending}>
          Switch to {chain.name}
        </Button>
        {switchChain.error ? <span className="w-full text-red-700 dark:text-red-300">{describeError(switchChain.error).message}</span> : null}
      </div>
    </div>
  );
}
