'use client';

import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useConnect, useConnection, useConnectors, useDisconnect } from 'wagmi';
import { IS_LOCAL_CHAIN } from '@/lib/chain/config';
import { describeError } from '@/lib/tx/describeError';
import { DEV_CONNECTOR_ID } from '@/lib/wallet/devAccount';
import { menuKeyAction } from '@/lib/wallet/menuKeys';
import { Button } from '../ui/Button';
import { AccountChip } from './AccountChip';

/**
 * Connected: the account and Disconnect. Otherwise a menu of the wallets found (EIP-6963) and, locally, the
 * dev account — a WAI-ARIA menu button: opening focuses the first wallet, the arrow keys, Home and End move
 * among them, Escape closes back to the button, Tab or a press elsewhere closes it. Focus follows the
 * control as it changes: to Connect wallet after a disconnect, to the real control when it replaces the
 * server-drawn one (`focusOnArrival`).
 */
export function ConnectButton({
  defaultOpen = false,
  disconnectOnArrival = false,
  focusOnArrival = false,
}: {
  defaultOpen?: boolean;
  disconnectOnArrival?: boolean;
  focusOnArrival?: boolean;
}) {
  const connection = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const [open, setOpen] = useState(defaultOpen);
  const menuId = `${useId()}-wallets`;
  const connectButton = useRef<HTMLButtonElement>(null);
  const disconnectButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  // Where focus goes at the next render: the control that replaced the focused one.
  const focusNext = useRef<'connect' | 'disconnect' | undefined>(undefined);
  // Disconnect pressed on the server-drawn chip before this code arrived: done once, when wagmi has
  // restored the saved connection (disconnecting mid-reconnect would leave the reconnect to win).
  const disconnectDone = useRef(false);
  const restored = connection.status === 'connected';
  useEffect(() => {
    if (!disconnectOnArrival || disconnectDone.current || !restored) return;
    disconnectDone.current = true;
    disconnect.mutate();
  }, [disconnectOnArrival, restored, disconnect]);

  const address = connection.isConnected ? connection.address : undefined;
  const connected = address !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the first commit takes the server-drawn control's focus
  useEffect(() => {
    // A disconnect pressed before arrival ends on Connect wallet, where the press was (its button went disabled).
    if (disconnectOnArrival) focusNext.current = 'connect';
    // An open menu focuses its first wallet itself (below).
    if (!focusOnArrival || open) return;
    if (connected) disconnectButton.current?.focus();
    else connectButton.current?.focus();
  }, []);
  useEffect(() => {
    if (focusNext.current === (connected ? 'disconnect' : 'connect')) {
      focusNext.current = undefined;
      (connected ? disconnectButton : connectButton).current?.focus();
    }
  }, [connected]);
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    // A press anywhere outside the control closes the menu.
    const closeOutside = (event: PointerEvent) => {
      if (!menu.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside, true);
    return () => document.removeEventListener('pointerdown', closeOutside, true);
  }, [open]);

  if (address) {
    return (
      <AccountChip
        address={address}
        onDisconnect={() => {
          // Disconnect is about to disappear under the focus: Connect wallet, which replaces it, takes it.
          if (document.activeElement === disconnectButton.current) focusNext.current = 'connect';
          disconnect.mutate();
        }}
        pending={disconnectOnArrival || disconnect.isPending}
        testId="connected-address"
        buttonRef={disconnectButton}
      />
    );
  }

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const action = menuKeyAction(event.key, items.indexOf(document.activeElement as HTMLElement), items.length);
    if (!action) return;
    if ('focus' in action) {
      event.preventDefault();
      items[action.focus]?.focus();
      return;
    }
    setOpen(false);
    if (action.close === 'to-button') {
      event.preventDefault();
      connectButton.current?.focus();
    }
  };

  // EIP-6963 wallets announce themselves; the generic injected entry only helps when none did.
  const announced = connectors.filter((c) => c.type === 'injected' && c.id !== 'injected');
  const choices = connectors.filter((c) => c.id !== 'injected' || announced.length === 0);
  const failure = connect.error ? describeError(connect.error) : undefined;
  const devConnector = IS_LOCAL_CHAIN ? connectors.find((c) => c.id === DEV_CONNECTOR_ID) : undefined;

  return (
    <div className="relative">
      <Button ref={connectButton} onClick={() => setOpen((v) => !v)} aria-expanded={open} aria-haspopup="menu" aria-controls={open ? menuId : undefined}>
        Connect wallet
      </Button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Wallets"
          tabIndex={-1}
          onKeyDown={onMenuKey}
          className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {choices.map((connector) => (
            <button
              key={connector.uid}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800"
              onClick={() => {
                // The menu goes away under the focus: once connected, Disconnect takes it.
                if (menu.current?.contains(document.activeElement)) focusNext.current = 'disconnect';
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
