'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { type State, useConnection } from 'wagmi';
import { savedConnection } from './savedConnection';
import { markWalletSettled } from './walletLoader';

const key = (account: string | undefined, chainId: number | undefined) => (account ? `${account.toLowerCase()}@${chainId}` : 'none');

/**
 * Keeps the server's picture of the wallet true: pages render the account's numbers on the server from
 * the wallet cookie, so when the wallet connects, disconnects, changes account or chain, the page is
 * rendered again with the new cookie. Also tells waiting transactions that the reconnect has settled.
 */
export function WalletSync({ initialState }: { initialState: State | undefined }) {
  const router = useRouter();
  const connection = useConnection();
  const settledKey =
    connection.status === 'connected' ? key(connection.address, connection.chainId) : connection.status === 'disconnected' ? 'none' : undefined;
  const saved = savedConnection(initialState);
  const renderedKey = key(saved.account, saved.chainId);
  useEffect(() => {
    if (settledKey === undefined) return;
    markWalletSettled();
    if (settledKey !== renderedKey) router.refresh();
  }, [settledKey, renderedKey, router]);
  return null;
}
