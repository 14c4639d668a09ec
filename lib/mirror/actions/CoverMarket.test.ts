import { describe, expect, it } from 'vitest';
import { ContractRevert, MAX_UINT256 } from '../evm';
import * as erc20 from './ERC20';
import * as pool from './BackstopPool';
import { deployOracle, poke, type AggregatorV3, type FeedRound } from './VolatilityOracle';
import * as market from './CoverMarket';
import { chargedLength, quoteUp as premiumOf } from '../CoverPricing';

const WAD = 10n ** 18n;
const USDC = 10n ** 6n;
const DAY = 86_400n;
const PRICE = 10n ** 8n;
const MARKET = '0x00000000000000000000000000000000000000a1';
const POOL = '0x00000000000000000000000000000000000000b2';
const ORACLE = '0x00000000000000000000000000000000000000c3';
const FEED = '0x00000000000000000000000000000000000000d4';
const OWNER = '0x00000000000000000000000000000000000000e5';
const ALICE = '0x00000000000000000000000000000000000000f6';
const BOB = '0x0000000000000000000000000000000000000107';
const T0 = 20_000n * DAY + 1_000n;
const PRICING = { baseMarkup: (12n * WAD) / 10n, slope: WAD / 2n, steepSlope: 5n * WAD, kink: (8n * WAD) / 10n, minRate: WAD / 10n };

/** A phase-1 feed whose rounds the test appends. */
function makeFeed() {
  const rounds: FeedRound[] = [];
  const reader: AggregatorV3 = {
    latestRoundData: () => rounds[rounds.length - 1]!,
    getRoundData: (id) => {
      const r = rounds.find((x) => x.roundId === id);
      if (!r) throw new ContractRevert('CoverMarket', 'MockAggregatorNoData', [id]);
      return r;
    },
  };
  const push = (price: bigint, at: bigint) => {
    const roundId = (1n << 64n) | BigInt(rounds.length + 1);
    rounds.push({ roundId, answer: price * PRICE, startedAt: at, updatedAt: at, answeredInRound: roundId });
    return roundId;
  };
  return { reader, push };
}

/** A market with one Down product on a 100,000 USDC pool, σ folded up to the price at T0. */
function setup() {
  const feed = makeFeed();
  feed.push(3_000n, T0 - 100n);
  let o = deployOracle({ address: ORACLE, owner: OWNER, initialSigma: 8n * 10n ** 17n, sigmaFloor: 10n ** 17n, sigmaCap: 3n * WAD, heartbeat: 3_600n });
  o = poke(o, feed.reader, T0 - 50n).oracle;
  let p = pool.deployPool({ address: POOL, owner: OWNER, guardian: OWNER, now: T0 - 1_000n });
  p = pool.setMarket(p, { sender: OWNER, now: T0 }, MARKET, true).pool;
  let usdc = erc20.emptyErc20();
  for (const who of [ALICE, BOB]) {
    usdc = erc20.mint(usdc, who, 1_000_000n * USDC);
    usdc = erc20.approve(usdc, who, POOL, MAX_UINT256);
    usdc = erc20.approve(usdc, who, MARKET, MAX_UINT256);
  }
  const deposited = pool.deposit(p, usdc, { sender: BOB, now: T0 - 20n }, 100_000n * USDC, BOB);
  let m = market.deployMarket({ address: MARKET, asset: '0x0000000000000000000000000000000000000999', owner: OWNER, guardian: OWNER });
  m = market.registerProduct(m, OWNER, {
    feed: FEED,
    oracle: ORACLE,
    pool: POOL,
    direction: 'Down',
    confirmations: 2n,
    activationDelay: 300n,
    claimGrace: DAY,
    minDuration: 3_600n,
    maxDuration: 90n * DAY,
    maxPriceAge: 3_600n,
    maxSigmaAge: DAY,
    maxStrikeRatio: 400n,
    pricing: PRICING,
  }).market;
  const world: market.CoverWorld = { market: m, pools: new Map([[POOL, deposited.pool]]), oracle: o, usdc: deposited.usdc };
  return { world, feed };
}

const buyer = (now: bigint) => ({ sender: ALICE, now });

function errorName(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as { errorName: string }).errorName;
  }
  throw new Error('expected a revert');
}

describe('CoverMarket whole-action twin', () => {
  it('buyCover charges the quote, books the premium and the lock in the pool, mints the cover', () => {
    const { world, feed } = setup();
    const r = market.buyCover(world, feed.reader, buyer(T0), 1n, 2_500n * PRICE, 5_000n * USDC, 7n * DAY, MAX_UINT256);
    const sigma = world.oracle.sigma;
    expect(r.premium).toBe(
      premiumOf(3_000n * PRICE, 2_500n * PRICE, sigma, 7n * DAY, chargedLength(T0, 7n * DAY, DAY), 5_000n * USDC, 0n, 100_000n * USDC, PRICING),
    );
    expect(r.tokenId).toBe(1n);
    const p = r.world.pools.get(POOL)!;
    expect([p.locked, p.unearned, p.held]).toEqual([5_000n * USDC, r.premium, 100_000n * USDC + r.premium]);
    expect(erc20.balanceOf(world.usdc, ALICE) - erc20.balanceOf(r.world.usdc, ALICE)).toBe(r.premium);
    expect(r.world.market.owners.get(1n)).toBe(ALICE);
    expect(market.coverInfo(r.world.market, 1n, T0)).toMatchObject({
      status: market.COVER_STATUS.Active,
      claimDeadline: T0 + 7n * DAY + DAY,
      releaseDay: (T0 + 8n * DAY) / DAY + 1n,
    });
  });

  it('refuses in the contract order: range, ceiling, slippage, pause, stale price', () => {
    const { world, feed } = setup();
    const buy =
      (strike: bigint, payout: bigint, maxPremium = MAX_UINT256, w = world, now = T0) =>
      () =>
        market.buyCover(w, feed.reader, buyer(now), 1n, strike * PRICE, payout * USDC, 7n * DAY, maxPremium);
    expect(errorName(buy(3_000n, 1_000n))).toBe('CoverMarketStrikeBreached');
    expect(errorName(buy(749n, 1_000n))).toBe('CoverMarketStrikeTooFar');
    expect(errorName(buy(2_500n, 80_001n))).toBe('CoverMarketAboveMaxUtilization');
    const premium = market.buyCover(world, feed.reader, buyer(T0), 1n, 2_500n * PRICE, 1_000n * USDC, 7n * DAY, MAX_UINT256).premium;
    expect(errorName(buy(2_500n, 1_000n, premium - 1n))).toBe('CoverMarketPremiumAboveMax');
    const paused = { ...world, market: market.pauseProduct(world.market, OWNER, 1n).market };
    expect(errorName(buy(2_500n, 1_000n, MAX_UINT256, paused))).toBe('CoverMarketSalesPaused');
    expect(errorName(buy(2_500n, 1_000n, MAX_UINT256, world, T0 - 100n + 3_601n))).toBe('CoverMarketStalePrice');
  });

  it('pokes σ when the feed has a new round, and refuses when a poke cannot catch up (> 32 rounds)', () => {
    const { world, feed } = setup();
    feed.push(2_990n, T0 - 10n);
    const r = market.buyCover(world, feed.reader, buyer(T0), 1n, 2_500n * PRICE, 1_000n * USDC, 7n * DAY, MAX_UINT256);
    expect(r.world.oracle.lastRoundId).toBe((1n << 64n) | 2n);
    for (let i = 0; i < 33; i++) feed.push(2_990n + BigInt(i % 2), T0 - 9n + BigInt(i));
    expect(errorName(() => market.buyCover(r.world, feed.reader, buyer(T0 + 30n), 1n, 2_500n * PRICE, 1_000n * USDC, 7n * DAY, MAX_UINT256))).toBe(
      'CoverMarketVolatilityBehind',
    );
  });

  it('claim pays the holder from the lock when two rounds after activation reach the strike; the cover is then frozen', async () => {
    const { world, feed } = setup();
    let r = market.buyCover(world, feed.reader, buyer(T0), 1n, 2_500n * PRICE, 5_000n * USDC, 7n * DAY, MAX_UINT256);
    const early = feed.push(2_400n, T0 + 100n); // before start + activationDelay: does not count
    feed.push(2_450n, T0 + 400n);
    const touch = feed.push(2_480n, T0 + 500n);
    await expect(market.claim(r.world, feed.reader, { sender: BOB, now: T0 + 600n }, 1n, early)).rejects.toThrowError('CoverMarketRoundOutsideWindow');
    const moved = market.transferCover(r.world.market, ALICE, ALICE, BOB, 1n).market;
    r = { ...r, world: { ...r.world, market: moved } };
    const claimed = await market.claim(r.world, feed.reader, { sender: ALICE, now: T0 + 600n }, 1n, touch - 1n);
    expect(claimed.holder).toBe(BOB);
    expect(erc20.balanceOf(claimed.world.usdc, BOB) - erc20.balanceOf(r.world.usdc, BOB)).toBe(5_000n * USDC);
    expect(claimed.world.pools.get(POOL)!.locked).toBe(0n);
    expect(() => market.transferCover(claimed.world.market, BOB, BOB, ALICE, 1n)).toThrowError('CoverMarketAlreadyClaimed');
    await expect(market.claim(claimed.world, feed.reader, { sender: ALICE, now: T0 + 700n }, 1n, touch - 1n)).rejects.toThrowError('CoverMarketAlreadyClaimed');
  });

  it("release frees the lock after the deadline, before the pool's own release day; nothing after it", () => {
    const { world, feed } = setup();
    const r = market.buyCover(world, feed.reader, buyer(T0), 1n, 2_500n * PRICE, 5_000n * USDC, 2n * DAY, MAX_UINT256);
    const deadline = T0 + 3n * DAY;
    const releaseDay = deadline / DAY + 1n;
    expect(() => market.release(r.world, { sender: BOB, now: deadline }, 1n)).toThrowError('CoverMarketClaimWindowOpen');
    const early = market.release(r.world, { sender: BOB, now: deadline + 1n }, 1n);
    expect(early.released).toBe(5_000n * USDC);
    expect(early.world.pools.get(POOL)!.locked).toBe(0n);
    const late = market.release(r.world, { sender: BOB, now: releaseDay * DAY }, 1n);
    expect(late.released).toBe(0n);
    expect(market.coverInfo(late.world.market, 1n, releaseDay * DAY).status).toBe(market.COVER_STATUS.Released);
    expect(() => market.transferCover(early.world.market, ALICE, ALICE, BOB, 1n)).toThrowError('CoverMarketAlreadyReleased');
    expect(() => market.transferCover(r.world.market, BOB, ALICE, BOB, 1n)).toThrowError('ERC721InsufficientApproval');
  });
});
