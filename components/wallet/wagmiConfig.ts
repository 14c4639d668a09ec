// The one wagmi config: the target chain, EIP-6963 injected wallets (discovered automatically),
// and on the local chain a one-click dev account. Cookie storage lets the server render the
// connected state without a flash.
import { cookieStorage, createConfig, createStorage, http } from 'wagmi';
import { injected } from 'wagmi/connectors';
import { chain, IS_LOCAL_CHAIN, RPC_URL } from '../../lib/chain/config';
import { devAccount } from './devAccountConnector';

function createWagmiConfig() {
  return createConfig({
    chains: [chain],
    connectors: IS_LOCAL_CHAIN ? [injected(), devAccount({ rpcUrl: RPC_URL, chainId: chain.id })] : [injected()],
    multiInjectedProviderDiscovery: true,
    transports: { [chain.id]: http(RPC_URL, { batch: true, retryCount: 1 }) },
    storage: createStorage({ storage: cookieStorage }),
    ssr: true,
    pollingInterval: 2_000,
  });
}

export type WagmiConfig = ReturnType<typeof createWagmiConfig>;

let browserConfig: WagmiConfig | undefined;

/**
 * The config for this render. In the browser one config lives for the whole visit (every provider
 * shares its connection); on the server each request gets its own, because a config holds wallet
 * state and one visitor's cookie must never show up in another visitor's page.
 */
export function wagmiConfig(): WagmiConfig {
  if (typeof window === 'undefined') return createWagmiConfig();
  return (browserConfig ??= createWagmiConfig());
}

declare module 'wagmi' {
  interface Register {
    config: WagmiConfig;
  }
}
