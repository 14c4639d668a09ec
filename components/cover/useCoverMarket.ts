'use client';

import { useQuery } from '@tanstack/react-query';
import { useConfig, useReadContract, useReadContracts } from 'wagmi';
import { readContract } from 'wagmi/actions';
import { zeroAddress, type Address } from 'viem';
import { backstopPoolAbi, coverMarketAbi, aggregatorV3Abi, erc20Abi, volatilityOracleAbi } from '@/contracts-abi';
import { contractAddress } from '@/lib/chain/config';
import { decodeDirection } from '@/lib/chain/enums';
import { chainScopes } from '../query/queryKeys';
import type { MarketSnapshot, ProductTerms } from '@/lib/mirror/CoverMarket';

export type CoverProduct = ProductTerms & {
  productId: bigint;
  feed: Address;
  oracle: Address;
  pool: Address;
  paused: boolean;
  confirmations: number;
  activationDelay: bigint;
  claimGrace: bigint;
  maxPriceAge: bigint;
  maxSigmaAge: bigint;
};

/** Every registered product (ids 1…productCount), read with the contract's own types (no hand-typed tuples). */
export function useCoverProducts() {
  const market = contractAddress('coverMarket');
  const config = useConfig();
  const scopeKey = chainScopes.coverProducts();
  const count = useReadContract({ address: market, abi: coverMarketAbi, functionName: 'productCount', scopeKey, query: { enabled: Boolean(market) } });
  const ids = count.data ? Array.from({ length: Number(count.data) }, (_, i) => BigInt(i + 1)) : [];
  const products = useQuery({
    queryKey: ['readContract', { scopeKey, functionName: 'product', address: market, ids: ids.map(String) }],
    enabled: Boolean(market) && ids.length > 0,
    queryFn: () => Promise.all(ids.map((id) => readContract(config, { address: market!, abi: coverMarketAbi, functionName: 'product', args: [id] }))),
  });
  const list: CoverProduct[] | undefined = products.data?.map(([c, paused], i) => ({
    productId: ids[i]!,
    feed: c.feed,
    oracle: c.oracle,
    pool: c.pool,
    direction: decodeDirection(c.direction),
    confirmations: c.confirmations,
    activationDelay: BigInt(c.activationDelay),
    claimGrace: BigInt(c.claimGrace),
    minDuration: BigInt(c.minDuration),
    maxDuration: BigInt(c.maxDuration),
    maxPriceAge: BigInt(c.maxPriceAge),
    maxSigmaAge: BigInt(c.maxSigmaAge),
    maxStrikeRatio: BigInt(c.maxStrikeRatio),
    pricing: c.pricing,
    paused,
  }));
  return { market, products: list, query: count.isError ? count : products };
}

/** What a quote needs at this moment, plus the buyer's balance and allowance. */
export function useCoverSnapshot(product: CoverProduct | undefined, account: Address | undefined) {
  const market = contractAddress('coverMarket');
  const stablecoin = contractAddress('stablecoin');
  const holder = account ?? zeroAddress;
  const query = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: product?.feed, abi: aggregatorV3Abi, functionName: 'latestRoundData' },
      { address: product?.feed, abi: aggregatorV3Abi, functionName: 'decimals' },
      { address: product?.oracle, abi: volatilityOracleAbi, functionName: 'volatility' },
      { address: product?.pool, abi: backstopPoolAbi, functionName: 'underwritingCapital' },
      { address: stablecoin, abi: erc20Abi, functionName: 'balanceOf', args: [holder] },
      { address: stablecoin, abi: erc20Abi, functionName: 'allowance', args: [holder, market ?? zeroAddress] },
    ],
    scopeKey: chainScopes.coverSnapshot(product?.productId),
    query: { enabled: Boolean(product && stablecoin && market), refetchInterval: 4_000 },
  });
  if (!query.data) return { query, snapshot: undefined };
  const [round, feedDecimals, [sigma, sigmaUpdatedAt, sigmaRoundId], [totalAssets, locked, maxUtilizationBps], balance, allowance] = query.data;
  const snapshot = {
    // Everything a quote reads but the block's time, which the form adds from the chain clock.
    market: {
      spot: round[1] > 0n ? round[1] : 0n,
      latestRoundId: round[0],
      sigma,
      sigmaRoundId,
      locked,
      totalAssets,
      maxUtilizationBps,
    } satisfies Omit<MarketSnapshot, 'now'>,
    priceUpdatedAt: round[3],
    sigmaUpdatedAt: BigInt(sigmaUpdatedAt),
    feedDecimals,
    balance: account ? balance : undefined,
    allowance,
  };
  return { query, snapshot };
}

export type CoverSnapshot = NonNullable<ReturnType<typeof useCoverSnapshot>['snapshot']>;
