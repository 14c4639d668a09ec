// Reads the risk book from the chain at one block (every read pinned to it, so the numbers agree): both
// pools' capital and raw accounting (the buckets the horizon walks), ShortfallWaterfall's caps and
// rolling windows, the venue's exposure, the Recapitalizer's parameters and open auction, every active
// cover with its product's terms, the feed's price and the oracle's σ. Pure fetch-and-shape: it takes
// any viem client (the server's, or wagmi's in the browser) and returns a RiskBook.
//
// Covers: the newest MAX_COVERS token ids are read through `coverInfo` (a cover lives at most 90 days +
// grace, so on the local chain and a young deployment that is all of them). Venue positions come from
// the reference PerpVenue once it is deployed (issue 15); until then `positions` is empty unless the
// caller passes them.
import { getAddress, type Address, type PublicClient } from 'viem';
import { backstopPoolAbi, bksAbi, coverMarketAbi, mockAggregatorAbi, recapitalizerAbi, shortfallWaterfallAbi, volatilityOracleAbi } from '@/contracts-abi';
import { deployments } from '@/contracts-abi/deployments';
import { contractAddress, LAYERS, poolAddress, TARGET_CHAIN_ID, type Layer } from '../chain/config';
import type { Bucket } from '../mirror/BackstopPool';
import { dayOf } from '../mirror/PoolMath';
import { DAY } from '../mirror/units';
import type { BookCover, BookLayer, BookRecapitalizer, BookVenue, RiskBook, VenuePosition } from './book';

/** Newest covers read (older ids are long expired on any chain younger than this many sales). */
export const MAX_COVERS = 5_000;
/** The longest horizon the engine runs (ModelParams.horizonDays' bound). */
export const MAX_HORIZON_DAYS = 90;

const COVER_ACTIVE = 1; // ICoverMarket.CoverStatus.Active

export class BookNotDeployedError extends Error {}

export type LoadBookOptions = {
  /** Read at this block (default: the latest). Older blocks need an archive node. */
  blockNumber?: bigint;
  /** Days of pool buckets to read past the block: the longest horizon the book can simulate. */
  horizonDays?: number;
  /** The venue whose exposure the waterfall applies (default: the registered venue with most room left). */
  venue?: Address;
  /** The venue's open positions (from PerpVenue when it lands). */
  positions?: VenuePosition[];
};

function required(name: Parameters<typeof contractAddress>[0]): Address {
  const a = contractAddress(name);
  if (!a) throw new BookNotDeployedError('Backstop is not deployed on this chain.');
  return a;
}

export async function readRiskBook(client: PublicClient, options: LoadBookOptions = {}): Promise<RiskBook> {
  const horizonDays = Math.min(MAX_HORIZON_DAYS, options.horizonDays ?? MAX_HORIZON_DAYS);
  const feed = required('priceFeed');
  const oracle = required('volatilityOracle');
  const waterfall = required('shortfallWaterfall');
  const recapitalizer = required('recapitalizer');
  const bks = required('bks');
  const market = required('coverMarket');
  const pools = Object.fromEntries(LAYERS.map((l) => [l, poolAddress(l) ?? required(l === 'junior' ? 'juniorPool' : 'seniorPool')])) as Record<Layer, Address>;

  const block = options.blockNumber === undefined ? await client.getBlock({ blockTag: 'latest' }) : await client.getBlock({ blockNumber: options.blockNumber });
  const at = { blockNumber: block.number };
  const now = block.timestamp;

  const layerReads = LAYERS.map((layer) => {
    const address = pools[layer];
    return Promise.all([
      client.readContract({ address, abi: backstopPoolAbi, functionName: 'accountingState', ...at }),
      client.readContract({ address, abi: backstopPoolAbi, functionName: 'totalAssets', ...at }),
      client.readContract({ address, abi: backstopPoolAbi, functionName: 'lockedAssets', ...at }),
      client.readContract({ address, abi: backstopPoolAbi, functionName: 'unearnedPremium', ...at }),
      client.readContract({ address, abi: backstopPoolAbi, functionName: 'freeAssets', ...at }),
      client.readContract({ address, abi: backstopPoolAbi, functionName: 'totalSupply', ...at }),
    ]);
  });
  const [layerValues, round, priceDecimals, sigmaWad, heartbeat, windows, capBps, recapParams, bksSupply, lastTokenId, venueAddress] = await Promise.all([
    Promise.all(layerReads),
    client.readContract({ address: feed, abi: mockAggregatorAbi, functionName: 'latestRoundData', ...at }),
    client.readContract({ address: feed, abi: mockAggregatorAbi, functionName: 'decimals', ...at }),
    client.readContract({ address: oracle, abi: volatilityOracleAbi, functionName: 'sigma', ...at }),
    client.readContract({ address: oracle, abi: volatilityOracleAbi, functionName: 'heartbeat', ...at }),
    Promise.all([0, 1].map((i) => client.readContract({ address: waterfall, abi: shortfallWaterfallAbi, functionName: 'windowState', args: [i], ...at }))),
    Promise.all([0, 1].map((i) => client.readContract({ address: waterfall, abi: shortfallWaterfallAbi, functionName: 'layerCapBps', args: [i], ...at }))),
    client.readContract({ address: recapitalizer, abi: recapitalizerAbi, functionName: 'params', ...at }),
    client.readContract({ address: bks, abi: bksAbi, functionName: 'totalSupply', ...at }),
    client.readContract({ address: market, abi: coverMarketAbi, functionName: 'lastTokenId', ...at }),
    // A provider that refuses the log range leaves the book without a venue, not without a book.
    options.venue ? Promise.resolve(getAddress(options.venue)) : findVenue(client, waterfall, block.number).catch(() => null),
  ]);

  // Buckets: every day the pool twin walks from its checkpoint to the end of the longest horizon.
  const lastDay = dayOf(now + BigInt(horizonDays) * DAY) + 1n;
  const bucketReads = LAYERS.map((layer, i) => {
    const checkpoint = layerValues[i]![0][2];
    const days: bigint[] = [];
    for (let d = dayOf(checkpoint) + 1n; d <= lastDay; d++) days.push(d);
    return Promise.all(
      days.map((day) =>
        client
          .readContract({ address: pools[layer], abi: backstopPoolAbi, functionName: 'bucket', args: [day], ...at })
          .then(([rateDrop, lockRelease]) => [day, { rateDrop, lockRelease }] as [bigint, Bucket]),
      ),
    );
  });

  // Covers: the newest ids, active ones kept, with their product's claim terms.
  const firstId = lastTokenId > BigInt(MAX_COVERS) ? lastTokenId - BigInt(MAX_COVERS) + 1n : 1n;
  const ids: bigint[] = [];
  for (let id = firstId; id <= lastTokenId; id++) ids.push(id);
  const [buckets, infos, venue, auction] = await Promise.all([
    Promise.all(bucketReads),
    Promise.all(ids.map((id) => client.readContract({ address: market, abi: coverMarketAbi, functionName: 'coverInfo', args: [id], ...at }))),
    venueAddress
      ? client.readContract({ address: waterfall, abi: shortfallWaterfallAbi, functionName: 'venue', args: [venueAddress], ...at })
      : Promise.resolve(null),
    venueAddress ? readOpenAuction(client, recapitalizer, venueAddress, at.blockNumber) : Promise.resolve(null),
  ]);
  const active = infos.map((info, i) => ({ id: ids[i]!, info })).filter(({ info }) => Number(info.status) === COVER_ACTIVE && info.end > now);
  const productIds = [...new Set(active.map((c) => c.info.productId))];
  const products = new Map(
    await Promise.all(
      productIds.map(
        async (id) => [id, (await client.readContract({ address: market, abi: coverMarketAbi, functionName: 'product', args: [id], ...at }))[0]] as const,
      ),
    ),
  );
  const layerOfPool = new Map(LAYERS.map((l) => [pools[l].toLowerCase(), l]));
  const covers: BookCover[] = [];
  for (const { id, info } of active) {
    const product = products.get(info.productId)!;
    const layer = layerOfPool.get(product.pool.toLowerCase());
    if (!layer) continue; // a product backed by some other pool carries no risk for these layers
    covers.push({
      tokenId: id,
      layer,
      direction: Number(product.direction) === 0 ? 'Down' : 'Up',
      strike: info.strike,
      payout: info.payout,
      start: info.start,
      end: info.end,
      activationDelay: BigInt(product.activationDelay),
      confirmations: Number(product.confirmations) || 2,
      releaseDay: info.releaseDay,
    });
  }

  const layers = Object.fromEntries(
    LAYERS.map((layer, i) => {
      const [[held, unearned, checkpoint, rate, locked, paused], totalAssets, lockedAssets, unearnedPremium, freeAssets, totalSupply] = layerValues[i]!;
      const book: BookLayer = {
        totalAssets,
        lockedAssets,
        freeAssets,
        unearnedPremium,
        totalSupply,
        accounting: { held, unearned, checkpoint, rate, locked, paused },
        buckets: buckets[i]!,
      };
      return [layer, book];
    }),
  ) as Record<Layer, BookLayer>;

  const [startPrice, floorPrice, duration, maxMintBps] = recapParams;
  const recap: BookRecapitalizer = { supply: bksSupply, maxMintBps, startPrice, floorPrice, duration, openAuction: auction };
  const bookVenue: BookVenue | null = venue && venueAddress && venue[0] ? { address: venueAddress, exposureCap: venue[1], exposureUsed: venue[2] } : null;
  const [, answer] = round;
  return {
    chainId: TARGET_CHAIN_ID,
    blockNumber: block.number,
    timestamp: now,
    spot: answer > 0n ? answer : 0n,
    priceDecimals: Number(priceDecimals),
    sigmaWad,
    roundSeconds: heartbeat,
    horizonDaysLoaded: horizonDays,
    layers,
    waterfall: {
      junior: { capBps: capBps[0]!, window: windows[0]![0], prev: windows[0]![1], curr: windows[0]![2] },
      senior: { capBps: capBps[1]!, window: windows[1]![0], prev: windows[1]![1], curr: windows[1]![2] },
    },
    recapitalizer: recap,
    venue: bookVenue,
    covers,
    positions: options.positions ?? [],
  };
}

/** The registered venue with the most exposure left, from the waterfall's VenueSet / VenueRemoved events. */
async function findVenue(client: PublicClient, waterfall: Address, toBlock: bigint): Promise<Address | null> {
  const fromBlock = BigInt(deployments[TARGET_CHAIN_ID]?.contracts.shortfallWaterfall?.blockNumber ?? 0);
  const [set, removed] = await Promise.all([
    client.getContractEvents({ address: waterfall, abi: shortfallWaterfallAbi, eventName: 'VenueSet', fromBlock, toBlock }),
    client.getContractEvents({ address: waterfall, abi: shortfallWaterfallAbi, eventName: 'VenueRemoved', fromBlock, toBlock }),
  ]);
  const room = new Map<string, bigint>();
  for (const log of set) room.set(log.args.venue!, (log.args.exposureCap ?? 0n) - (log.args.exposureUsed ?? 0n));
  for (const log of removed) room.delete(log.args.venue!);
  let best: Address | null = null;
  let bestRoom = -1n;
  for (const [address, r] of room) if (r > bestRoom) [best, bestRoom] = [address as Address, r];
  return best;
}

async function readOpenAuction(client: PublicClient, recapitalizer: Address, venue: Address, blockNumber: bigint): Promise<BookRecapitalizer['openAuction']> {
  const id = await client.readContract({ address: recapitalizer, abi: recapitalizerAbi, functionName: 'currentAuctionOf', args: [venue], blockNumber });
  if (id === 0n) return null;
  const a = await client.readContract({ address: recapitalizer, abi: recapitalizerAbi, functionName: 'auction', args: [id], blockNumber });
  if (a.settled) return null;
  return { target: a.target, raised: a.raised, mintCap: a.mintCap, minted: a.minted, closesAt: BigInt(a.startTime) + BigInt(a.duration) };
}
