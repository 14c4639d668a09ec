// The one wagmi config: the target chain, EIP-6963 injected wallets (discovered automatically),
// and on the local chain a one-click dev account. Cookie storage lets the server render the
// connected state without a flash.
import { cookieStorage, createConfig, createStorage, http } from 'wagmi';
import { injected } from 'wagmi/connectors';
import { chain, IS_LOCAL_CHAIN, RPC_URL } from '../chain/config';
import { devAccount } from '../wallet/devAccount';

export const wagmiConfig = createConfig({
  chains: [chain],
  connectors: IS_LOCAL_CHAIN ? [injected(), devAccount({ rpcUrl: RPC_URL, chainId: chain.id })] : [injected()],
  multiInjectedProviderDiscovery: true,
  transports: { [chain.id]: http(RPC_URL, { batch: true, retryCount: 1 }) },
  storage: createStorage({ storage: cookieStorage }),
  ssr: true,
  pollingInterval: 2_000,
});

declare module 'wagmi' {
  interface Register {
    config: typeof wagmiConfig;
  }
}
