'use client';

import { useReadContract, useReadContracts } from 'wagmi';
import { zeroAddress, type Address } from 'viem';
import { backstopPoolAbi, coverMarketAbi, mockAggregatorAbi, testUSDCAbi, volatilityOracleAbi } from '@/contracts-abi';
import { contractAddress } from '@/lib/chain/config';
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

/** Every registered product (ids 1…productCount). */
export function useCoverProducts() {
  const market = contractAddress('coverMarket');
  const count = useReadContract({ address: market, abi: coverMarketAbi, functionName: 'productCount', query: { enabled: Boolean(market) } });
  const ids = count.data ? Array.from({ length: Number(count.data) }, (_, i) => BigInt(i + 1)) : [];
  const products = useReadContracts({
    allowFailure: false,
    contracts: ids.map((id) => ({ address: market, abi: coverMarketAbi, functionName: 'product', args: [id] }) as const),
    query: { enabled: ids.length > 0 },
  });
  type ProductRead = readonly [
    {
      feed: Address;
      oracle: Address;
      pool: Address;
      direction: number;
      confirmations: number;
      activationDelay: number;
      claimGrace: number;
      minDuration: number;
      maxDuration: number;
      maxPriceAge: number;
      maxSigmaAge: number;
      maxStrikeRatio: number;
      pricing: ProductTerms['pricing'];
    },
    boolean,
  ];
  const list: CoverProduct[] | undefined = (products.data as readonly ProductRead[] | undefined)?.map(([config, paused], i) => ({
    productId: ids[i]!,
    feed: config.feed,
    oracle: config.oracle,
    pool: config.pool,
    direction: config.direction === 0 ? 'Down' : 'Up',
    confirmations: config.confirmations,
    activationDelay: BigInt(config.activationDelay),
    claimGrace: BigInt(config.claimGrace),
    minDuration: BigInt(config.minDuration),
    maxDuration: BigInt(config.maxDuration),
    maxPriceAge: BigInt(config.maxPriceAge),
    maxSigmaAge: BigInt(config.maxSigmaAge),
    maxStrikeRatio: BigInt(config.maxStrikeRatio),
    pricing: config.pricing,
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
      { address: product?.feed, abi: mockAggregatorAbi, functionName: 'latestRoundData' },
      { address: product?.feed, abi: mockAggregatorAbi, functionName: 'decimals' },
      { address: product?.oracle, abi: volatilityOracleAbi, functionName: 'volatility' },
      { address: product?.pool, abi: backstopPoolAbi, functionName: 'underwritingCapital' },
      { address: stablecoin, abi: testUSDCAbi, functionName: 'balanceOf', args: [holder] },
      { address: stablecoin, abi: testUSDCAbi, functionName: 'allowance', args: [holder, market ?? zeroAddress] },
    ],
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
