'use client';

import { useEffect, useState, type ComponentType } from 'react';
import type { State } from 'wagmi';
import { Button } from '../ui/Button';
import { AccountChip } from './AccountChip';
import type WalletIsland from './WalletIsland';

type Island = typeof WalletIsland;
type Props = { initialState: State | undefined };

/** The account the saved wallet state says is connected, if any. */
function savedAccount(state: State | undefined): string | undefined {
  const current = state?.current ? state.connections.get(state.current) : undefined;
  return current?.accounts[0];
}

/**
 * The wallet control of a page that signs nothing: wagmi and viem load when the user reaches for the
 * button (hover, focus, click), or at once when the saved state says a wallet is connected. Until then
 * it draws exactly what the real control draws, so nothing moves when it arrives.
 */
export function LazyConnectButton({ initialState }: Props) {
  const account = savedAccount(initialState);
  const [island, setIsland] = useState<{ Component: ComponentType<Parameters<Island>[0]> } | undefined>(undefined);
  const [openMenu, setOpenMenu] = useState(false);
  const [failed, setFailed] = useState(false);

  // A failed download (offline, a new deploy) says so on the button; the next click tries again.
  const load = () => {
    void import('./WalletIsland').then(
      (m) => setIsland((loaded) => loaded ?? { Component: m.default }),
      () => setFailed(true),
    );
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load only when the account appears; `load` is a fresh closure each render and idempotent
  useEffect(() => {
    if (account) load();
  }, [account]);

  if (island) return <island.Component initialState={initialState} openMenu={openMenu} />;
  // The saved account, drawn as the real control draws it, until the real one arrives.
  if (account) return <AccountChip address={account} />;
  return (
    <Button
      onPointerEnter={load}
      onFocus={load}
      onClick={() => {
        setOpenMenu(true);
        setFailed(false);
        load();
      }}
      aria-haspopup="menu"
      aria-expanded={false}
      title={failed ? 'The wallet could not be loaded; click to try again.' : undefined}
    >
      {failed ? 'Connect wallet (retry)' : 'Connect wallet'}
    </Button>
  );
}
