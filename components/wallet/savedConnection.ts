import type { Address } from 'viem';
import type { State } from 'wagmi';

/** The account and chain of the connection a saved wallet state marks as current, if any. */
export function savedConnection(state: State | undefined): { account: Address | undefined; chainId: number | undefined } {
  const current = state?.current ? state.connections.get(state.current) : undefined;
  return { account: current?.accounts[0], chainId: current?.chainId };
}
