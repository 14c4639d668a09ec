'use client';

import { useEffect, useState, type ComponentType } from 'react';
import type { State } from 'wagmi';
import { EARLY_PRESS_ATTRIBUTE, takeEarlyPresses } from '../hydration/earlyPress';
import { Button } from '../ui/Button';
import { AccountChip } from './AccountChip';
import { savedConnection } from './savedConnection';
import { usePressHold } from './usePressHold';
import { loadWallet, onWalletLoaded } from './walletLoader';
import type WalletIsland from './WalletIsland';

type Island = typeof WalletIsland;

const CONNECT_PRESS = 'connect-wallet';
const DISCONNECT_PRESS = 'disconnect';
type Props = { initialState: State | undefined };

/**
 * The wallet control of a server-rendered page: wagmi and viem load when the user reaches for the
 * button (hover, focus, click) or when a form's transaction helper sees a signature near (walletLoader).
 * A saved connection is drawn from the cookie exactly as the real control draws it, so nothing moves when
 * the real one arrives, and the page's numbers for that account are already on the server's page.
 * A press made before hydration (earlyPress) or under way when the real control arrives (usePressHold)
 * is never lost.
 */
export function LazyConnectButton({ initialState }: Props) {
  const { account } = savedConnection(initialState);
  const [island, setIsland] = useState<{ Component: ComponentType<Parameters<Island>[0]> } | undefined>(undefined);
  const [openMenu, setOpenMenu] = useState(false);
  const [failed, setFailed] = useState(false);
  // A press on the saved account's Disconnect before the wallet's code is there is carried out when it arrives.
  const [disconnectRequested, setDisconnectRequested] = useState(false);
  const { pressing, holdPress } = usePressHold();
  // The server-drawn control has focus: the real one takes it when it arrives (a keyboard user keeps their place).
  const [focused, setFocused] = useState(false);

  useEffect(() => onWalletLoaded((m) => setIsland((loaded) => loaded ?? { Component: m.default })), []);
  // A failed download (offline, a new deploy) says so on the button; the next click tries again.
  const load = () => {
    loadWallet().catch(() => setFailed(true));
  };
  const pressConnect = () => {
    setOpenMenu(true);
    setFailed(false);
    load();
  };
  const pressDisconnect = () => {
    setDisconnectRequested(true);
    load();
  };
  // A press that landed before hydration (components/hydration/earlyPress.ts) is carried out now, once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the record is taken once, at hydration; the handlers only set state
  useEffect(() => {
    const presses = takeEarlyPresses();
    if (account && presses.includes(DISCONNECT_PRESS)) pressDisconnect();
    else if (!account && presses.includes(CONNECT_PRESS)) pressConnect();
  }, []);

  if (island && !pressing)
    return <island.Component initialState={initialState} openMenu={openMenu} disconnectOnArrival={disconnectRequested} focusOnArrival={focused} />;
  const controlHandlers = {
    ...holdPress,
    onFocus: () => {
      setFocused(true);
      load();
    },
    onBlur: () => setFocused(false),
  };
  if (account) {
    return (
      <AccountChip
        address={account}
        onIntent={load}
        onDisconnect={pressDisconnect}
        controlHandlers={controlHandlers}
        pending={disconnectRequested}
        earlyPress={DISCONNECT_PRESS}
        testId="connected-address"
      />
    );
  }
  return (
    <Button
      onPointerEnter={load}
      onClick={pressConnect}
      {...controlHandlers}
      {...{ [EARLY_PRESS_ATTRIBUTE]: CONNECT_PRESS }}
      aria-haspopup="menu"
      aria-expanded={false}
      title={failed ? 'The wallet could not be loaded; click to try again.' : undefined}
    >
      {failed ? 'Connect wallet (retry)' : 'Connect wallet'}
    </Button>
  );
}
