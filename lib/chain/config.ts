// Which chain the app serves and where its contracts live, from configuration
// (NEXT_PUBLIC_CHAIN_ID, NEXT_PUBLIC_RPC_URL) and contracts-abi/deployments.
import { defineChain, type Address, type Chain } from 'viem';
import { foundry, sepolia } from 'viem/chains';
import { deployments } from '@/contracts-abi/deployments';

export const TARGET_CHAIN_ID = Number(process.env.NEXT_PUBLIC_CHAIN_ID ?? foundry.id);
export const LOCAL_CHAIN_ID = foundry.id;
export const IS_LOCAL_CHAIN = TARGET_CHAIN_ID === LOCAL_CHAIN_ID;

const KNOWN_CHAINS: Record<number, Chain> = { [foundry.id]: foundry, [sepolia.id]: sepolia };

function targetChain(): Chain {
  const known = KNOWN_CHAINS[TARGET_CHAIN_ID];
  const rpcUrl = process.env.NEXT_PUBLIC_RPC_URL ?? known?.rpcUrls.default.http[0] ?? 'http://127.0.0.1:8545';
  return defineChain({
    ...(known ?? { id: TARGET_CHAIN_ID, name: `Chain ${TARGET_CHAIN_ID}`, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 } }),
    id: TARGET_CHAIN_ID,
    name: known?.id === foundry.id ? 'Local Anvil' : (known?.name ?? `Chain ${TARGET_CHAIN_ID}`),
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

export const chain = targetChain();
export const RPC_URL = chain.rpcUrls.default.http[0] as string;

export type ContractName =
  | 'stablecoin'
  | 'juniorPool'
  | 'seniorPool'
  | 'shortfallWaterfall'
  | 'recapitalizer'
  | 'bks'
  | 'priceFeed'
  | 'volatilityOracle'
  | 'coverMarket'
  | 'perpVenue'
  | 'coverExchange'
  | 'timelock';

/** Deployed addresses on the target chain; undefined when nothing is deployed there. */
export function contractAddress(name: ContractName): Address | undefined {
  const deployment = deployments[TARGET_CHAIN_ID];
  return deployment?.contracts[name]?.address as Address | undefined;
}

export const LAYERS = ['junior', 'senior'] as const;
export type Layer = (typeof LAYERS)[number];

export function isLayer(value: string): value is Layer {
  return (LAYERS as readonly string[]).includes(value);
}

export function poolAddress(layer: Layer): Address | undefined {
  return contractAddress(layer === 'junior' ? 'juniorPool' : 'seniorPool');
}
