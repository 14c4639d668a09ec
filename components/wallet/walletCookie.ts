// The wallet state the browser last saved in its cookie, read on the server so the first render
// already shows the connected account (no flash of "Connect wallet"), and so a server-rendered page
// can read the account's own numbers without shipping any wallet code.
import { headers } from 'next/headers';
import type { Address } from 'viem';
import { cookieToInitialState, type State } from 'wagmi';
import { savedConnection } from './savedConnection';
import { wagmiConfig } from './wagmiConfig';

export async function walletStateFromCookie(): Promise<State | undefined> {
  return cookieToInitialState(wagmiConfig(), (await headers()).get('cookie'));
}

/** What a server-rendered page needs of the visitor's wallet: the account and the chain it was last on. */
export type SavedWallet = { state: State | undefined; account: Address | undefined; chainId: number | undefined };

export async function savedWalletFromCookie(): Promise<SavedWallet> {
  const state = await walletStateFromCookie();
  return { state, ...savedConnection(state) };
}
