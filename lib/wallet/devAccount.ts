// The local chain's one-click wallet: which account it is and the id its wagmi connector goes by. The
// connector itself (wagmi code) is components/wallet/devAccountConnector.ts; lib/ stays framework-free.
import type { Address } from 'viem';

/** anvil's default account #9 (mnemonic "test test … junk"); the deployer uses #0. */
export const DEV_ACCOUNT: Address = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720';
export const DEV_CONNECTOR_ID = 'devAccount';
