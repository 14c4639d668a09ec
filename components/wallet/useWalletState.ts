'use client';

import { useConnection } from 'wagmi';
import { chain } from '@/lib/chain/config';

/** The connected account, and whether it may sign on the target chain right now. */
export function useWalletState() {
  const connection = useConnection();
  const account = connection.isConnected ? connection.address : undefined;
  const wrongNetwork = connection.isConnected && connection.chainId !== chain.id;
  return { account, wrongNetwork, canSign: Boolean(account) && !wrongNetwork };
}
