'use client';

import type { State } from 'wagmi';
import { Providers } from '../Providers';
import { ConnectButton } from './ConnectButton';

/** The wallet control with its own providers, for a page that has none (loaded on demand). */
export default function WalletIsland({
  initialState,
  openMenu,
  disconnectOnArrival,
  focusOnArrival,
}: {
  initialState: State | undefined;
  openMenu: boolean;
  disconnectOnArrival: boolean;
  /** The server-drawn control had focus: the real one takes it. */
  focusOnArrival: boolean;
}) {
  return (
    <Providers initialState={initialState}>
      <ConnectButton defaultOpen={openMenu} disconnectOnArrival={disconnectOnArrival} focusOnArrival={focusOnArrival} />
    </Providers>
  );
}
