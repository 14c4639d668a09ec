'use client';

// The exchange's chain reads: the price and σ of every product now (for model values), each listed cover's
// on-chain listing (live or not) and state, and the trader's stablecoin balance and allowance to the exchange.
import { zeroAddress, type Address } from 'viem';
import { useReadContracts } from 'wagmi';
import { aggregatorV3Abi, coverExchangeAbi, coverMarketAbi, erc20Abi, volatilityOracleAbi } from '@/contracts-abi';
import { contractAddress } from '@/lib/chain/config';
import type { MarketNow } from '@/lib/exchange/coverMark';
import type { CoverProduct } from '../cover/useCoverMarket';
import { chainScopes } from '../query/queryKeys';

/** Spot and σ of each product now, by product id (the chain clock is added by the caller). */
export function useProductMarks(products: readonly CoverProduct[]) {
  const query = useReadContracts({
    allowFailure: false,
    contracts: products.flatMap((p) => [
      { address: p.feed, abi: aggregatorV3Abi, functionName: 'latestRoundData' } as const,
      { address: p.oracle, abi: volatilityOracleAbi, functionName: 'volatility' } as const,
    ]),
    scopeKey: chainScopes.coverProducts(),
    query: { enabled: products.length > 0, refetchInterval: 4_000 },
  });
  const byProduct = new Map<bigint, Omit<MarketNow, 'now'>>();
  if (query.data) {
    products.forEach((p, i) => {
      const round = query.data[2 * i] as readonly [bigint, bigint, bigint, bigint, bigint];
      const vol = query.data[2 * i + 1] as readonly [bigint, bigint, bigint, Address];
      byProduct.set(p.productId, { spot: round[1] > 0n ? round[1] : 0n, sigma: vol[0] });
    });
  }
  return { query, byProduct };
}

export type ChainListing = { seller: Address; price: bigint; live: boolean };
export type ChainCover = { productId: bigint; strike: bigint; payout: bigint; end: bigint; status: number; holder: Address };

/** The on-chain listing and cover state of each token (what a buy would see now). */
export function useListedCovers(tokenIds: readonly bigint[]) {
  const exchange = contractAddress('coverExchange');
  const market = contractAddress('coverMarket');
  const query = useReadContracts({
    allowFailure: false,
    contracts: tokenIds.flatMap((id) => [
      { address: exchange, abi: coverExchangeAbi, functionName: 'listing', args: [id] } as const,
      { address: market, abi: coverMarketAbi, functionName: 'coverInfo', args: [id] } as const,
    ]),
    scopeKey: chainScopes.exchange(),
    query: { enabled: Boolean(exchange && market) && tokenIds.length > 0, refetchInterval: 4_000 },
  });
  const byToken = new Map<bigint, { listing: ChainListing; cover: ChainCover }>();
  if (query.data) {
    tokenIds.forEach((id, i) => {
      const [l, live] = query.data[2 * i] as readonly [{ seller: Address; price: bigint }, boolean];
      const c = query.data[2 * i + 1] as ChainCover;
      byToken.set(id, { listing: { seller: l.seller, price: l.price, live }, cover: c });
    });
  }
  return { query, byToken };
}

/** The trader's stablecoin balance and allowance to the exchange, and the exchange's fee. */
export function useTrader(account: Address | undefined) {
  const exchange = contractAddress('coverExchange');
  const stablecoin = contractAddress('stablecoin');
  const holder = account ?? zeroAddress;
  const query = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: stablecoin, abi: erc20Abi, functionName: 'balanceOf', args: [holder] },
      { address: stablecoin, abi: erc20Abi, functionName: 'allowance', args: [holder, exchange ?? zeroAddress] },
      { address: exchange, abi: coverExchangeAbi, functionName: 'feeBps' },
    ],
    scopeKey: chainScopes.exchange(),
    query: { enabled: Boolean(exchange && stablecoin), refetchInterval: 4_000 },
  });
  const [balance, allowance, feeBps] = query.data ?? [undefined, undefined, undefined];
  return { exchange, stablecoin, balance: account ? balance : undefined, allowance: allowance ?? 0n, feeBps: feeBps ?? 0n, query };
}
