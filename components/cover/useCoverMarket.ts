'use client';

// The cover market's products and a product's quote inputs as client-side queries, for the pages that
// still read the chain in the browser (the portfolio's cover rows, the exchange). /cover itself reads the
// same through lib/cover/coverMarketState.ts on the server; both decode with the same functions.
import { useQuery } from '@tanstack/react-query';
import { useConfig, useReadContract, useReadContracts } from 'wagmi';
import { readContract } from 'wagmi/actions';
import { zeroAddress, type Address } from 'viem';
import { backstopPoolAbi, coverMarketAbi, aggregatorV3Abi, erc20Abi, volatilityOracleAbi } from '@/contracts-abi';
import { contractAddress } from '@/lib/chain/config';
import { toCoverProduct, toCoverSnapshot, type CoverProduct, type CoverSnapshot } from '@/lib/cover/coverMarketState';
import { chainScopes } from '../query/queryKeys';

export type { CoverProduct, CoverSnapshot };

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
  const list: CoverProduct[] | undefined = products.data?.map((read, i) => toCoverProduct(ids[i]!, read));
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
  const snapshot: CoverSnapshot | undefined = query.data ? toCoverSnapshot(query.data, account) : undefined;
  return { query, snapshot };
}
