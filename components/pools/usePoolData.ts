'use client';

import { useReadContracts } from 'wagmi';
import { zeroAddress, type Address } from 'viem';
import { backstopPoolAbi, erc20Abi } from '@/contracts-abi';
import { contractAddress, poolAddress, type Layer } from '@/lib/chain/config';
import { toRedeemRequest } from '@/lib/pool/redeemRequest';
import { chainScopes } from '../query/queryKeys';

const ONE_SHARE = 10n ** 18n;

/** Live pool state and the account's position, read from the chain in one batched call. */
export function usePoolData(layer: Layer, account: Address | undefined) {
  const pool = poolAddress(layer);
  const stablecoin = contractAddress('stablecoin');
  const holder = account ?? zeroAddress;
  const query = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: pool, abi: backstopPoolAbi, functionName: 'totalAssets' },
      { address: pool, abi: backstopPoolAbi, functionName: 'totalSupply' },
      { address: pool, abi: backstopPoolAbi, functionName: 'convertToAssets', args: [ONE_SHARE] },
      { address: pool, abi: backstopPoolAbi, functionName: 'balanceOf', args: [holder] },
      { address: pool, abi: backstopPoolAbi, functionName: 'maxDeposit', args: [holder] },
      { address: stablecoin, abi: erc20Abi, functionName: 'balanceOf', args: [holder] },
      { address: stablecoin, abi: erc20Abi, functionName: 'allowance', args: [holder, pool ?? zeroAddress] },
      { address: pool, abi: backstopPoolAbi, functionName: 'redeemRequest', args: [holder] },
      { address: pool, abi: backstopPoolAbi, functionName: 'maxRedeem', args: [holder] },
      { address: pool, abi: backstopPoolAbi, functionName: 'lockedAssets' },
      { address: pool, abi: backstopPoolAbi, functionName: 'unearnedPremium' },
      { address: pool, abi: backstopPoolAbi, functionName: 'cooldown' },
      { address: pool, abi: backstopPoolAbi, functionName: 'claimWindow' },
      { address: pool, abi: backstopPoolAbi, functionName: 'freeAssets' },
    ],
    scopeKey: chainScopes.pool(pool),
    query: { enabled: Boolean(pool && stablecoin), refetchInterval: 4_000 },
  });
  const data = query.data
    ? {
        totalAssets: query.data[0],
        totalSupply: query.data[1],
        sharePrice: query.data[2],
        shares: query.data[3],
        maxDeposit: query.data[4],
        walletBalance: query.data[5],
        allowance: query.data[6],
        request: toRedeemRequest(query.data[7]),
        /** Shares claimable now: the request's, capped by the pool's free capital (0 outside the window). */
        maxRedeem: query.data[8],
        lockedAssets: query.data[9],
        unearnedPremium: query.data[10],
        cooldown: query.data[11],
        claimWindow: query.data[12],
        freeAssets: query.data[13],
      }
    : undefined;
  return { pool, stablecoin, data, query };
}

export type PoolData = NonNullable<ReturnType<typeof usePoolData>['data']>;
