// The overview's venue numbers, live from the chain: open interest per side (size, and notional at the
// oracle price), the waterfall's lifetime exposure of the venue (what Junior, Senior and the auction have
// covered of its bad debt, against its cap), and bad debt the waterfall refused and the venue holds.
// The lifetime bad debt itself (including what was socialised) comes from the indexer (lib/venue/venueActivity.ts).
import type { Address, PublicClient } from 'viem';
import { aggregatorV3Abi, perpVenueAbi, shortfallWaterfallAbi } from '@/contracts-abi';
import { notionalDown } from '../mirror/PerpMath';

export type VenueState = {
  longSize: bigint;
  shortSize: bigint;
  longNotional: bigint;
  shortNotional: bigint;
  exposureUsed: bigint;
  exposureCap: bigint;
  deferredBadDebt: bigint;
};

export async function readVenueState(
  client: PublicClient,
  addresses: { venue: Address; waterfall: Address; feed: Address },
  blockNumber?: bigint,
): Promise<VenueState> {
  const at = blockNumber === undefined ? {} : { blockNumber };
  const [long, short, scale, round, registration, accounts] = await Promise.all([
    client.readContract({ address: addresses.venue, abi: perpVenueAbi, functionName: 'sideState', args: [true], ...at }),
    client.readContract({ address: addresses.venue, abi: perpVenueAbi, functionName: 'sideState', args: [false], ...at }),
    client.readContract({ address: addresses.venue, abi: perpVenueAbi, functionName: 'priceScale', ...at }),
    client.readContract({ address: addresses.feed, abi: aggregatorV3Abi, functionName: 'latestRoundData', ...at }),
    client.readContract({ address: addresses.waterfall, abi: shortfallWaterfallAbi, functionName: 'venue', args: [addresses.venue], ...at }),
    client.readContract({ address: addresses.venue, abi: perpVenueAbi, functionName: 'accounts', ...at }),
  ]);
  const price = round[1] > 0n ? round[1] : 0n;
  return {
    longSize: long[0],
    shortSize: short[0],
    longNotional: notionalDown(long[0], price, scale),
    shortNotional: notionalDown(short[0], price, scale),
    exposureUsed: registration[2],
    exposureCap: registration[1],
    deferredBadDebt: accounts[4] + accounts[5],
  };
}
