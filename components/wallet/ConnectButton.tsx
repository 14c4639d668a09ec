'use client';

import { useEffect, useRef, useState } from 'react';
import { useConnect, useConnection, useConnectors, useDisconnect } from 'wagmi';
import { IS_LOCAL_CHAIN } from '@/lib/chain/config';
import { describeError } from '@/lib/tx/describeError';
import { DEV_CONNECTOR_ID } from '@/lib/wallet/devAccount';
import { Button } from '../ui/Button';
import { AccountChip } from './AccountChip';

/** Connected: the account and Disconnect. Otherwise a menu of the wallets found (EIP-6963) and, locally, the dev account. */
export function ConnectButton({ defaultOpen = false, disconnectOnArrival = false }: { defaultOpen?: boolean; disconnectOnArrival?: boolean }) {
  const connection = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const [open, setOpen] = useState(defaultOpen);
  // Disconnect pressed on the server-drawn chip before this code arrived: done once, when wagmi has
  // restored the saved connection (disconnecting mid-reconnect would leave the reconnect to win).
  const disconnectDone = useRef(false);
  const restored = connection.status === 'connected';
  useEffect(() => {
    if (!disconnectOnArrival || disconnectDone.current || !restored) return;
    disconnectDone.current = true;
    disconnect.mutate();
  }, [disconnectOnArrival, restored, disconnect]);

  if (connection.isConnected && connection.address) {
    return (
      <AccountChip
        address={connection.address}
        onDisconnect={() => disconnect.mutate()}
        pending={disconnectOnArrival || disconnect.isPending}
        testId="connected-address"
      />
    );
  }

  // EIP-6963 wallets announce themselves; the generic injected entry only helps when none did.
  const announced = connectors.filter((c) => c.type === 'injected' && c.id !== 'injected');
  const choices = connectors.filter((c) => c.id !== 'injected' || announced.length === 0);
  const failure = connect.error ? describeError(connect.error) : undefined;
  const devConnector = IS_LOCAL_CHAIN ? connectors.find((c) => c.id === DEV_CONNECTOR_ID) : undefined;

  return (
    <div className="relative">
      <Button onClick={() => setOpen((v) => !v)} aria-expanded={open} aria-haspopup="menu">
        Connect wallet
      </Button>
      {open ? (
        <div
          role="menu"
          className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {choices.map((connector) => (
            <button
              key={connector.uid}
              type="button"
              role="menuitem"
              className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800"
              onClick={() => {
                setOpen(false);
                connect.mutate({ connector });
              }}
            >
              {'icon' in connector && typeof connector.icon === 'string' ? (
                // biome-ignore lint/performance/noImgElement: an EIP-6963 wallet's icon is a data: URI it chose; next/image has nothing to optimise
                <img src={connector.icon} alt="" className="h-5 w-5" />
              ) : null}
              {connector.id === 'injected' ? 'Browser wallet' : connector.name}
            </button>
          ))}
        </div>
      ) : null}
      {failure ? (
        <div role="alert" className="absolute right-0 mt-2 w-64 text-xs text-red-700 dark:text-red-400">
          <p>{failure.message}</p>
          {failure.kind === 'no-wallet' && devConnector ? (
            <p className="mt-1 text-slate-700 dark:text-slate-300">
              On this local chain you can use the{' '}
              <button type="button" className="font-medium underline" onClick={() => connect.mutate({ connector: devConnector })}>
                dev account
              </button>{' '}
              instead: no extension needed.
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
