// The wallet state the browser last saved in its cookie, read on the server so the first render
// already shows the connected account (no flash of "Connect wallet"), and so a server-rendered page
// can read the account's own numbers without shipping any wallet code.
import { headers } from 'next/headers';
import { type Address, getAddress, isAddress } from 'viem';
import { cookieToInitialState, type State } from 'wagmi';
import { chain } from '@/lib/chain/config';
import { savedConnection } from './savedConnection';
import { wagmiConfig } from './wagmiConfig';

export async function walletStateFromCookie(): Promise<State | undefined> {
  return cookieToInitialState(wagmiConfig(), (await headers()).get('cookie'));
}

/**
 * What a server-rendered page needs of the visitor's wallet: the account, the chain it was last on, and
 * whether that chain is not the app's (the forms then refuse to sign and the banner offers a switch).
 */
export type SavedWallet = { state: State | undefined; account: Address | undefined; chainId: number | undefined; wrongNetwork: boolean };

export async function savedWalletFromCookie(): Promise<SavedWallet> {
  const state = await walletStateFromCookie();
  const { account, chainId } = savedConnection(state);
  return {
    state,
    // The cookie is the visitor's to edit: an account that is not an address is no account (never a 500).
    account: account && isAddress(account, { strict: false }) ? getAddress(account) : undefined,
    chainId,
    wrongNetwork: chainId !== undefined && chainId !== chain.id,
  };
}
