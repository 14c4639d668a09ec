// Addresses in words, one way for every screen (activity feed, governance sentences): a deployed contract's
// name from contracts-abi/deployments (a venue among them once one is deployed), the local chain's seeded
// accounts, else shortened hex. No ABIs here, so a page that only names addresses stays light.
import { zeroAddress, type Address } from 'viem';
import { deployments } from '@/contracts-abi/deployments';
import { DEV_ACCOUNT, LOCAL_KEEPER } from '../wallet/devAccount';
import { LOCAL_CHAIN_ID, TARGET_CHAIN_ID } from './config';

/** Deployed addresses by contract name (a deployment's `contracts`, as plain addresses). */
export type AddressBook = Partial<Record<string, Address>>;

/** Each known name key in words. */
export const ADDRESS_NAMES: Record<string, string> = {
  juniorPool: 'Junior pool',
  seniorPool: 'Senior pool',
  shortfallWaterfall: 'Waterfall',
  recapitalizer: 'Recapitalizer',
  volatilityOracle: 'Volatility oracle',
  coverMarket: 'Cover market',
  timelock: 'Governance timelock',
  stablecoin: 'USDC',
  bks: 'BKS',
  priceFeed: 'the price feed',
  venue: 'Perp venue',
  perpVenue: 'Perp venue',
  keeper: 'Keeper',
  devAccount: 'Dev account',
};

/**
 * The target chain's deployed contracts by name; on the local chain also the accounts the seed and the dev
 * wallet use, so they read as names rather than hex.
 */
export function deployedAddressBook(chainId: number = TARGET_CHAIN_ID): AddressBook {
  const contracts = deployments[chainId]?.contracts ?? {};
  const book: AddressBook = Object.fromEntries(Object.entries(contracts).map(([name, c]) => [name, c.address as Address]));
  return chainId === LOCAL_CHAIN_ID ? { ...book, keeper: LOCAL_KEEPER, devAccount: DEV_ACCOUNT } : book;
}

const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

/** An address in words: a known name, "nobody" for zero, else shortened. */
export function addressName(address: string, book: AddressBook): string {
  if (address.toLowerCase() === zeroAddress) return 'nobody';
  for (const [key, value] of Object.entries(book)) {
    if (value?.toLowerCase() !== address.toLowerCase()) continue;
    return ADDRESS_NAMES[key] ?? key;
  }
  return short(address);
}
