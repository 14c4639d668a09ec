// The portfolio's live numbers for one account, read from the chain at one pinned block (so the total,
// the stake rows and the wallet agree with each other): each layer's share state and the account's
// shares and withdrawal request in it, and the stablecoin in the wallet. Read on the server
// (components/portfolio/PortfolioView.tsx), so the page ships no RPC code.
import type { Address, PublicClient } from 'viem';
import { backstopPoolAbi, erc20Abi } from '@/contracts-abi';
import { LAYERS, type Layer } from '../chain/config';
import type { PoolShareState } from '../mirror/BackstopPool';
import { type RedeemRequestState, toRedeemRequest } from '../pool/redeemRequest';
import { portfolioTotal, positionValueDown } from './stake';

export type PortfolioAddresses = { pools: Record<Layer, Address>; stablecoin: Address };

/** One layer: its totals (what a share is worth) and the account's free shares and escrowed request. */
export type StakeState = PoolShareState & { pool: Address; shares: bigint; request: RedeemRequestState };

export type AccountState = {
  blockNumber: bigint;
  blockTimestamp: bigint;
  walletBalance: bigint;
  stakes: Record<Layer, StakeState>;
};

export async function readAccountState(client: PublicClient, addresses: PortfolioAddresses, account: Address, blockNumber?: bigint): Promise<AccountState> {
  const block = await client.getBlock(blockNumber === undefined ? { blockTag: 'latest' } : { blockNumber });
  const at = { blockNumber: block.number };
  const perLayer = LAYERS.map((layer) => {
    const address = addresses.pools[layer];
    return Promise.all([
      client.readContract({ address, abi: backstopPoolAbi, functionName: 'totalAssets', ...at }),
      client.readContract({ address, abi: backstopPoolAbi, functionName: 'totalSupply', ...at }),
      client.readContract({ address, abi: backstopPoolAbi, functionName: 'balanceOf', args: [account], ...at }),
      client.readContract({ address, abi: backstopPoolAbi, functionName: 'redeemRequest', args: [account], ...at }),
    ]);
  });
  const [walletBalance, ...layers] = await Promise.all([
    client.readContract({ address: addresses.stablecoin, abi: erc20Abi, functionName: 'balanceOf', args: [account], ...at }),
    ...perLayer,
  ]);
  const stakes = Object.fromEntries(
    LAYERS.map((layer, i) => {
      const [totalAssets, totalSupply, shares, request] = layers[i]!;
      return [layer, { pool: addresses.pools[layer], totalAssets, totalSupply, shares, request: toRedeemRequest(request) }];
    }),
  ) as Record<Layer, StakeState>;
  return { blockNumber: block.number, blockTimestamp: block.timestamp, walletBalance, stakes };
}

/** What the account holds, valued down: each stake (requests at what claiming them pays), both together, and with the wallet. */
export function accountTotals(state: AccountState): { stakes: Record<Layer, bigint>; staked: bigint; total: bigint } {
  const stakes = Object.fromEntries(LAYERS.map((layer) => [layer, stakeValueDown(state.stakes[layer])])) as Record<Layer, bigint>;
  const values = LAYERS.map((layer) => stakes[layer]);
  return { stakes, staked: portfolioTotal(values, 0n), total: portfolioTotal(values, state.walletBalance) };
}

/** One stake at what it is worth now: free shares at the share price, requested ones at what their claim pays. */
export function stakeValueDown(stake: StakeState): bigint {
  return positionValueDown(stake, stake.shares, stake.request);
}
