// readRiskBook against the seeded local chain (the same deploy and two weeks of history as `npm start`):
// the book must agree with the contracts' own views, its pool accounting must evaluate (through the
// twin) to the pools' numbers, and the engine must run on it. Also at a past block (history).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { backstopPoolAbi, perpVenueAbi, shortfallWaterfallAbi } from '@/contracts-abi';
import { VENUE_EXPOSURE_CAP } from '../../scripts/chain/deploy';
import { SEED_LISTINGS, seedDemo } from '../../scripts/chain/seed';
import { startLocalChain, type LocalChain } from '../../scripts/testing/localChain';
import { freeAssets, totalAssets } from '../mirror/BackstopPool';
import { bookFromJson, bookToJson, type RiskBook } from './book';
import { compileBook } from './compile';
import { simulatePaths } from './engine';
import { allocateOutputs } from './outputs';
import { blockAtOrBefore, deployedFromBlock, readBookHistory } from './history';
import { readRiskBook } from './loadBook';
import { DEFAULT_PARAMS } from './model';
import { stress } from './stress';
import { summarise } from './summary';

let chain: LocalChain;
let book: RiskBook;
let stakedBlock: bigint;

beforeAll(async () => {
  chain = await startLocalChain({ governance: 'timelock' }); // the demo seed governs through the timelock
  stakedBlock = await chain.publicClient.getBlockNumber();
  await seedDemo(chain.anvil.rpcUrl, chain.deployment);
  book = await readRiskBook(chain.publicClient);
}, 300_000);
afterAll(async () => chain?.stop());

const USDC = 1_000_000n;

describe('readRiskBook on the seeded local chain', () => {
  it('reads both layers as the pools report them, and the accounting twin reproduces them at t = 0', async () => {
    for (const [layer, key] of [
      ['junior', 'juniorPool'],
      ['senior', 'seniorPool'],
    ] as const) {
      const address = chain.deployment.contracts[key].address;
      const read = (functionName: 'totalAssets' | 'freeAssets' | 'lockedAssets') =>
        chain.publicClient.readContract({ address, abi: backstopPoolAbi, functionName, blockNumber: book.blockNumber });
      const l = book.layers[layer];
      expect(l.totalAssets).toBe(await read('totalAssets'));
      expect(l.freeAssets).toBe(await read('freeAssets'));
      expect(l.lockedAssets).toBe(await read('lockedAssets'));
      const pool = { state: l.accounting, buckets: new Map(l.buckets), totalSupply: l.totalSupply };
      expect(totalAssets(pool, book.timestamp)).toBe(l.totalAssets);
      expect(freeAssets(pool, book.timestamp)).toBe(l.freeAssets);
      // ...and it can be evaluated over the whole 90-day horizon.
      expect(() => freeAssets(pool, book.timestamp + 90n * 86_400n)).not.toThrow();
    }
  });

  it("holds the active covers with their products' terms (the seeded 60-day long cover and the exchange's four; the 14-day one has expired, #1 was claimed)", () => {
    // #4–#7: the covers the seed buys and lists on the exchange (SEED_LISTINGS, in order).
    expect(book.covers.map((c) => c.tokenId)).toEqual([2n, 4n, 5n, 6n, 7n]);
    expect(book.covers.slice(1).map((c) => c.payout)).toEqual(SEED_LISTINGS.map((l) => l.payout * USDC));
    const cover = book.covers[0];
    expect(cover).toMatchObject({
      layer: 'junior',
      direction: 'Down',
      strike: 2_400n * 10n ** 8n,
      payout: 3_000n * USDC,
      confirmations: 2,
      activationDelay: 300n,
    });
    expect(book.spot).toBe(2_780n * 10n ** 8n);
    expect(book.priceDecimals).toBe(8);
    expect(book.sigmaWad > 0n).toBe(true);
    expect(book.roundSeconds).toBe(3_600n);
  });

  it('finds the registered venue (the real PerpVenue) and its used exposure (what the waterfall paid of the seeded bad debt)', async () => {
    const venue = chain.deployment.contracts.perpVenue.address;
    const absorbed = await chain.publicClient.getContractEvents({
      address: venue,
      abi: perpVenueAbi,
      eventName: 'BadDebtAbsorbed',
      fromBlock: 0n,
      toBlock: book.blockNumber,
    });
    expect(absorbed.length).toBeGreaterThan(0);
    expect(book.venue?.address).toBe(venue);
    expect(book.venue?.exposureCap).toBe(VENUE_EXPOSURE_CAP);
    expect(book.venue?.exposureUsed).toBe(absorbed.reduce((s, e) => s + e.args.junior! + e.args.senior! + e.args.recapitalization!, 0n));
    const [window, prev, curr] = await chain.publicClient.readContract({
      address: chain.deployment.contracts.shortfallWaterfall.address,
      abi: shortfallWaterfallAbi,
      functionName: 'windowState',
      args: [0],
      blockNumber: book.blockNumber,
    });
    expect(book.waterfall.junior).toEqual({ capBps: 5_000n, window, prev, curr });
    expect(book.recapitalizer?.maxMintBps).toBe(500n);
  });

  it("carries the venue's open positions as the chain reports them (the seed leaves some open after its crash)", async () => {
    const venue = chain.deployment.contracts.perpVenue.address;
    expect(book.positions.length).toBeGreaterThan(0);
    for (const p of book.positions) {
      const state = (await chain.publicClient.readContract({
        address: venue,
        abi: perpVenueAbi,
        functionName: 'positionState',
        args: [p.id as Address],
        blockNumber: book.blockNumber,
      })) as {
        isLong: boolean;
        size: bigint;
        entryPrice: bigint;
        margin: bigint;
        socialLossCharge: bigint;
        maintenanceFraction: bigint;
      };
      expect(state.size).toBeGreaterThan(0n);
      expect(p).toMatchObject({
        side: state.isLong ? 'long' : 'short',
        size: state.size,
        sizeDecimals: 18,
        entryPrice: state.entryPrice,
        maintenanceMarginWad: state.maintenanceFraction,
      });
      expect(p.margin).toBe(state.margin > state.socialLossCharge ? state.margin - state.socialLossCharge : 0n);
    }
  });

  it('survives the trip to the browser and back (bigint as tagged strings)', () => {
    expect(bookFromJson(bookToJson(book))).toEqual(book);
  });

  it('runs the Monte Carlo and the stress tests on it', () => {
    const params = { ...DEFAULT_PARAMS, paths: 5_000 };
    const cb = compileBook(book, params);
    const out = allocateOutputs(params.paths);
    simulatePaths(cb, 0, params.paths, out);
    const s = summarise(cb, out);
    // The Down strikes lie 6–21 % under spot: some paths touch them, most do not. Junior backs 9,500 USDC of
    // Down cover (#2 and the exchange's three), Senior the one Up cover of 1,000 at +26 %.
    expect(s.layers.junior.loss.mean).toBeGreaterThan(0);
    expect(s.layers.junior.loss.mean).toBeLessThan(9_500e6);
    expect(s.layers.senior.loss.mean).toBeLessThan(1_000e6);
    expect(s.pools.solvency.ratio).toBeGreaterThan(1);
    const r = stress(book, { move: -0.2, gap: false, sigmaMultiplier: 1, extraShortfall: 10_000n * USDC });
    // −20 % from 2,780 reaches 2,224: the 2,400, 2,500 and 2,600 strikes pay (3,000 + 2,000 + 1,500), not 2,200.
    expect(r.coverPayout.junior).toBe(6_500n * USDC);
    expect(r.split.junior + r.split.senior + r.split.recapitalization + r.split.overExposure).toBe(10_000n * USDC);
  });

  it('reads the book at a past block (the solvency history recomputes from past state)', async () => {
    const past = await readRiskBook(chain.publicClient, { blockNumber: stakedBlock + 8n, horizonDays: 30 });
    expect(past.blockNumber).toBe(stakedBlock + 8n);
    expect(past.timestamp < book.timestamp).toBe(true);
    expect(past.covers).toEqual([]);
    expect(past.horizonDaysLoaded).toBe(30);
    const ta = await chain.publicClient.readContract({
      address: chain.deployment.contracts.juniorPool.address,
      abi: backstopPoolAbi,
      functionName: 'totalAssets',
      blockNumber: past.blockNumber,
    });
    expect(past.layers.junior.totalAssets).toBe(ta);
  });

  it('reads the history: the book at the end of each past day, oldest first, each at the newest block of its day', async () => {
    const points = await readBookHistory(chain.publicClient, book, { days: 14 });
    // The seed jumps 3, 3, 1, 2, 2 and 3 days: a day without a block of its own adds no point.
    expect(points.length).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < points.length; i++) {
      const p = points[i]!;
      expect(p.book.blockNumber).toBe(p.blockNumber);
      expect(p.timestamp <= book.timestamp + BigInt(p.day) * 86_400n).toBe(true);
      if (i > 0) expect(p.blockNumber > points[i - 1]!.blockNumber).toBe(true);
      // The newest such block: the next one is past the day's end.
      const next = await chain.publicClient.getBlock({ blockNumber: p.blockNumber + 1n });
      expect(next.timestamp > book.timestamp + BigInt(p.day) * 86_400n).toBe(true);
    }
    expect(deployedFromBlock() >= 1n).toBe(true);
    expect(await blockAtOrBefore(chain.publicClient, 0n, 1n, book.blockNumber)).toBeNull();
  });
});
