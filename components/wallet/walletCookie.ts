// The wallet state the browser last saved in its cookie, read on the server so the first render
// already shows the connected account (no flash of "Connect wallet").
import { headers } from 'next/headers';
import { cookieToInitialState, type State } from 'wagmi';
import { wagmiConfig } from './wagmiConfig';

export async function walletStateFromCookie(): Promise<State | undefined> {
  return cookieToInitialState(wagmiConfig(), (await headers()).get('cookie'));
}
