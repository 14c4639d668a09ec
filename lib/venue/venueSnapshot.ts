// Everything /venue shows from the chain, read on the server at one block in one batched round trip: the
// oracle price and σ, the venue's parameters and sides, and the account's position, balance, allowance and
// what a liquidation left it. Plain data (bigints), so the page's forms get it as props and preview with
// the twins as the user types, without a read of their own.
import { type Address, type PublicClient, zeroAddress } from 'viem';
import { aggregatorV3Abi, erc20Abi, perpVenueAbi, volatilityOracleAbi } from '@/contracts-abi';
import type { ExistingPosition, OpenMarket } from './openPreview';
import { type PositionState, toPositionState, toVenueParams } from './params';

export type VenueAddresses = { venue: Address; stablecoin: Address; feed: Address; oracle: Address };

export type VenueSnapshot = {
  venue: Address;
  stablecoin: Address;
  blockNumber: bigint;
  /** The block's timestamp: the chain clock the staleness of the price and σ is judged by. */
  blockTimestamp: bigint;
  /** The market on the side of the held position (long when none is held). */
  market: OpenMarket;
  /** Both sides' open interest (size) and socialised-loss index. */
  sides: { long: { openInterest: bigint; index: bigint }; short: { openInterest: bigint; index: bigint } };
  feedDecimals: number;
  priceUpdatedAt: bigint;
  sigma: bigint;
  sigmaUpdatedAt: bigint;
  stored: ExistingPosition & { isLong: boolean };
  state: PositionState;
  /** The account's stablecoin balance; undefined without an account. */
  balance: bigint | undefined;
  allowance: bigint;
  owed: bigint;
};

/** Reads the venue at the latest block (pinned, so the numbers agree with each other); without an account, the zero address's (empty) position. */
export async function readVenueSnapshot(client: PublicClient, addresses: VenueAddresses, account: Address | undefined): Promise<VenueSnapshot> {
  const { venue, stablecoin, feed, oracle } = addresses;
  const holder = account ?? zeroAddress;
  const block = await client.getBlock({ blockTag: 'latest' });
  const at = { blockNumber: block.number };
  const onVenue = { address: venue, abi: perpVenueAbi, ...at } as const;
  const [round, feedDecimals, [sigma, sigmaUpdatedAt], initialFraction, params, priceScale, long, short, stored, state, balance, allowance, owed] =
    await Promise.all([
      client.readContract({ address: feed, abi: aggregatorV3Abi, functionName: 'latestRoundData', ...at }),
      client.readContract({ address: feed, abi: aggregatorV3Abi, functionName: 'decimals', ...at }),
      client.readContract({ address: oracle, abi: volatilityOracleAbi, functionName: 'volatility', ...at }),
      client.readContract({ ...onVenue, functionName: 'marginFractionNow' }),
      client.readContract({ ...onVenue, functionName: 'params' }),
      client.readContract({ ...onVenue, functionName: 'priceScale' }),
      client.readContract({ ...onVenue, functionName: 'sideState', args: [true] }),
      client.readContract({ ...onVenue, functionName: 'sideState', args: [false] }),
      client.readContract({ ...onVenue, functionName: 'positionOf', args: [holder] }),
      client.readContract({ ...onVenue, functionName: 'positionState', args: [holder] }),
      client.readContract({ address: stablecoin, abi: erc20Abi, functionName: 'balanceOf', args: [holder], ...at }),
      client.readContract({ address: stablecoin, abi: erc20Abi, functionName: 'allowance', args: [holder, venue], ...at }),
      client.readContract({ ...onVenue, functionName: 'owedTo', args: [holder] }),
    ]);
  const sides = { long: { openInterest: long[0], index: long[1] }, short: { openInterest: short[0], index: short[1] } };
  const held = stored.size > 0n ? stored.isLong : true;
  return {
    venue,
    stablecoin,
    blockNumber: block.number,
    blockTimestamp: block.timestamp,
    market: {
      price: round[1] > 0n ? round[1] : 0n,
      initialFraction,
      params: toVenueParams(params as never),
      priceScale,
      sideOpenInterest: sides[held ? 'long' : 'short'].openInterest,
      sideIndex: sides[held ? 'long' : 'short'].index,
    },
    sides,
    feedDecimals: Number(feedDecimals),
    priceUpdatedAt: round[3],
    sigma,
    sigmaUpdatedAt: BigInt(sigmaUpdatedAt),
    stored: { size: stored.size, entryPrice: stored.entryPrice, margin: stored.margin, socialLossSnapshot: stored.socialLossSnapshot, isLong: stored.isLong },
    state: toPositionState(state as never),
    balance: account ? balance : undefined,
    allowance,
    owed,
  };
}

/** The market of one side (the trade form's side may differ from the held position's). */
export function marketFor(snapshot: Pick<VenueSnapshot, 'market' | 'sides'>, isLong: boolean): OpenMarket {
  const side = isLong ? snapshot.sides.long : snapshot.sides.short;
  return { ...snapshot.market, sideOpenInterest: side.openInterest, sideIndex: side.index };
}
