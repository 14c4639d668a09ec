'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { describeFailure } from '@/lib/tx/describeFailure';
import { Button } from '../ui/Button';
import { walletSettled } from './walletLoader';

/**
 * Asks the wallet to switch to the app's chain (the wallet code loads on the click), then renders the page
 * again. The chain comes as props from the server: the chain config (every chain's definition) stays out
 * of the first load of every page.
 */
export function SwitchNetworkButton({ chainId, chainName }: { chainId: number; chainName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const switchToAppChain = async () => {
    setPending(true);
    setError(undefined);
    try {
      const [{ switchChain, wagmiConfig }] = await Promise.all([import('../tx/writeActions'), walletSettled()]);
      await switchChain(wagmiConfig(), { chainId });
      router.refresh();
    } catch (e) {
      setError((await describeFailure(e)).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button onClick={switchToAppChain} disabled={pending}>
        Switch to {chainName}
      </Button>
      {error ? <span className="w-full text-red-700 dark:text-red-300">{error}</span> : null}
    </>
  );
}
