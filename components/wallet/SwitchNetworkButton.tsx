'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { chain } from '@/lib/chain/config';
import { describeFailure } from '@/lib/tx/describeFailure';
import { Button } from '../ui/Button';
import { walletSettled } from './walletLoader';

/** Asks the wallet to switch to the app's chain (the wallet code loads on the click), then renders the page again. */
export function SwitchNetworkButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const switchToAppChain = async () => {
    setPending(true);
    setError(undefined);
    try {
      const [{ switchChain, wagmiConfig }] = await Promise.all([import('../tx/writeActions'), walletSettled()]);
      await switchChain(wagmiConfig(), { chainId: chain.id });
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
        Switch to {chain.name}
      </Button>
      {error ? <span className="w-full text-red-700 dark:text-red-300">{error}</span> : null}
    </>
  );
}
