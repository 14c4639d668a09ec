'use client';

// Everything /venue shows from the chain, in one multicall refreshed every 4 s: the oracle price and σ,
// the venue's parameters and sides, and the account's position, balance and allowance.
import { useReadContracts } from 'wagmi';
import { type Address, zeroAddress } from 'viem';
import { aggregatorV3Abi, erc20Abi, perpVenueAbi, volatilityOracleAbi } from '@/contracts-abi';
import { contractAddress } from '@/lib/chain/config';
import type { ExistingPosition, OpenMarket } from '@/lib/venue/openPreview';
import { type PositionState, toPositionState, toVenueParams } from '@/lib/venue/params';
import { chainScopes } from '../query/queryKeys';

export type VenueSnapshot = {
  venue: Address;
  stablecoin: Address;
  market: OpenMarket;
  /** Both sides' open interest (size) and socialised-loss index. */
  sides: { long: { openInterest: bigint; index: bigint }; short: { openInterest: bigint; index: bigint } };
  feedDecimals: number;
  priceUpdatedAt: bigint;
  sigma: bigint;
  sigmaUpdatedAt: bigint;
  stored: ExistingPosition & { isLong: boolean };
  state: PositionState;
  balance: bigint | undefined;
  allowance: bigint;
  owed: bigint;
};

export function useVenue(account: Address | undefined) {
  const venue = contractAddress('perpVenue');
  const stablecoin = contractAddress('stablecoin');
  const feed = contractAddress('priceFeed');
  const oracle = contractAddress('volatilityOracle');
  const holder = account ?? zeroAddress;
  const query = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: feed, abi: aggregatorV3Abi, functionName: 'latestRoundData' },
      { address: feed, abi: aggregatorV3Abi, functionName: 'decimals' },
      { address: oracle, abi: volatilityOracleAbi, functionName: 'volatility' },
      { address: venue, abi: perpVenueAbi, functionName: 'marginFractionNow' },
      { address: venue, abi: perpVenueAbi, functionName: 'params' },
      { address: venue, abi: perpVenueAbi, functionName: 'priceScale' },
      { address: venue, abi: perpVenueAbi, functionName: 'sideState', args: [true] },
      { address: venue, abi: perpVenueAbi, functionName: 'sideState', args: [false] },
      { address: venue, abi: perpVenueAbi, functionName: 'positionOf', args: [holder] },
      { address: venue, abi: perpVenueAbi, functionName: 'positionState', args: [holder] },
      { address: stablecoin, abi: erc20Abi, functionName: 'balanceOf', args: [holder] },
      { address: stablecoin, abi: erc20Abi, functionName: 'allowance', args: [holder, venue ?? zeroAddress] },
      { address: venue, abi: perpVenueAbi, functionName: 'owedTo', args: [holder] },
    ],
    scopeKey: chainScopes.venue(account),
    query: { enabled: Boolean(venue && stablecoin && feed && oracle), refetchInterval: 4_000 },
  });
  if (!query.data || !venue || !stablecoin) return { venue, query, snapshot: undefined };
  const [round, feedDecimals, [sigma, sigmaUpdatedAt], initialFraction, params, priceScale, long, short, stored, state, balance, allowance, owed] = query.data;
  const isLong = stored.size > 0n ? stored.isLong : true;
  const side = isLong ? long : short;
  const snapshot: VenueSnapshot = {
    venue,
    stablecoin,
    market: {
      price: round[1] > 0n ? round[1] : 0n,
      initialFraction,
      params: toVenueParams(params as never),
      priceScale,
      sideOpenInterest: side[0],
      sideIndex: side[1],
    },
    sides: { long: { openInterest: long[0], index: long[1] }, short: { openInterest: short[0], index: short[1] } },
    feedDecimals,
    priceUpdatedAt: round[3],
    sigma,
    sigmaUpdatedAt: BigInt(sigmaUpdatedAt),
    stored: { size: stored.size, entryPrice: stored.entryPrice, margin: stored.margin, socialLossSnapshot: stored.socialLossSnapshot, isLong: stored.isLong },
    state: toPositionState(state as never),
    balance: account ? balance : undefined,
    allowance,
    owed,
  };
  return { venue, query, snapshot };
}

/** The market of one side (the trade form's side may differ from the held position's). */
export function marketFor(snapshot: VenueSnapshot, isLong: boolean): OpenMarket {
  const side = isLong ? snapshot.sides.long : snapshot.sides.short;
  return { ...snapshot.market, sideOpenInterest: side.openInterest, sideIndex: side.index };
}
