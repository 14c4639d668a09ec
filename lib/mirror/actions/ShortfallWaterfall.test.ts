import { describe, expect, it } from 'vitest';
import { MAX_UINT256 } from '../evm';
import * as erc20 from './ERC20';
import * as pool from './BackstopPool';
import * as recap from './Recapitalizer';
import * as wf from './ShortfallWaterfall';
import { layerAvailableDown, windowOf } from '../WaterfallMath';

const USDC = 10n ** 6n;
const DAY = 86_400n;
const WATERFALL = '0x00000000000000000000000000000000000000a1';
const JUNIOR = '0x00000000000000000000000000000000000000b2';
const SENIOR = '0x00000000000000000000000000000000000000c3';
const RECAP = '0x00000000000000000000000000000000000000d4';
const USDC_TOKEN = '0x00000000000000000000000000000000000000e5';
const OWNER = '0x00000000000000000000000000000000000000f6';
const VENUE = '0x0000000000000000000000000000000000000107';
const LP = '0x0000000000000000000000000000000000000118';
const T0 = 20_000n * DAY + 5_000n;
const BKS_SUPPLY = 100_000_000n * 10n ** 18n;

/** Junior 100,000 and Senior 200,000 USDC of free capital, the venue registered with a 1,000,000 USDC exposure. */
function setup(): wf.WaterfallWorld {
  let usdc = erc20.mint(erc20.emptyErc20(), LP, 1_000_000n * USDC);
  usdc = erc20.mint(usdc, VENUE, 1_000_000n * USDC);
  usdc = erc20.approve(usdc, VENUE, WATERFALL, MAX_UINT256);
  const make = (address: string, amount: bigint) => {
    let p = pool.deployPool({ address, owner: OWNER, guardian: OWNER, now: T0 - 100n });
    p = pool.setWaterfall(p, { sender: OWNER, now: T0 }, WATERFALL).pool;
    usdc = erc20.approve(usdc, LP, address, MAX_UINT256);
    const r = pool.deposit(p, usdc, { sender: LP, now: T0 - 50n }, amount, LP);
    usdc = r.usdc;
    return r.pool;
  };
  const junior = make(JUNIOR, 100_000n * USDC);
  const senior = make(SENIOR, 200_000n * USDC);
  let waterfall = wf.deployWaterfall({ address: WATERFALL, owner: OWNER, junior: JUNIOR, senior: SENIOR, asset: USDC_TOKEN, guardian: OWNER });
  waterfall = wf.setRecapitalizer(waterfall, OWNER, RECAP, { waterfall: WATERFALL, stablecoin: USDC_TOKEN }).waterfall;
  waterfall = wf.setVenue(waterfall, OWNER, VENUE, 1_000_000n * USDC).waterfall;
  const r = recap.deployRecapitalizer({
    address: RECAP,
    owner: OWNER,
    waterfall: WATERFALL,
    stablecoin: USDC_TOKEN,
    bks: '0x0000000000000000000000000000000000000129',
    params: { startPrice: 2_000_000n, floorPrice: 500_000n, duration: DAY, maxMintBps: 500n },
  });
  return { waterfall, junior, senior, recap: r, bksSupply: BKS_SUPPLY, usdc };
}

const venue = (now: bigint) => ({ sender: VENUE, now });

describe('ShortfallWaterfall whole-action twin', () => {
  it('Junior pays first within its 24 h cap, then Senior, then the auction; the venue is paid now', () => {
    const w = setup();
    const r = wf.absorbShortfall(w, venue(T0), 150_000n * USDC);
    // Junior: 50 % of 100,000; Senior: 25 % of 200,000; the rest is auctioned.
    expect([r.juniorPaid, r.seniorPaid, r.recapitalization, r.remainder]).toEqual([50_000n * USDC, 50_000n * USDC, 50_000n * USDC, 0n]);
    expect(r.auctionId).toBe(1n);
    expect(erc20.balanceOf(r.world.usdc, VENUE) - erc20.balanceOf(w.usdc, VENUE)).toBe(100_000n * USDC);
    expect(r.world.waterfall.windows[0]).toEqual({ window: windowOf(T0), prev: 0n, curr: 50_000n * USDC });
    expect(wf.venueOf(r.world.waterfall, VENUE).exposureUsed).toBe(150_000n * USDC);
    expect(recap.auctionOf(r.world.recap, 1n)).toMatchObject({ venue: VENUE, target: 50_000n * USDC, mintCap: BKS_SUPPLY / 20n, startTime: T0 });
    // Within the same rolling window Junior has nothing left; a second report tops the open auction up.
    const again = wf.absorbShortfall(r.world, venue(T0 + 60n), 10_000n * USDC);
    expect(again.juniorPaid).toBe(0n);
    expect(again.seniorPaid).toBe(layerAvailableDown(pool.freeAssetsAt(r.world.senior, T0 + 60n), 50_000n * USDC, 2_500n));
    expect(again.auctionId).toBe(1n);
  });

  it('previewAbsorbShortfall answers what absorbShortfall then does (and 0 exposure for a stranger)', () => {
    const w = setup();
    for (const amount of [1n, 40_000n * USDC, 150_000n * USDC, 2_000_000n * USDC]) {
      const preview = wf.previewAbsorbShortfall(w, VENUE, amount, T0);
      const done = wf.absorbShortfall(w, venue(T0), amount);
      expect(preview).toEqual({ juniorPaid: done.juniorPaid, seniorPaid: done.seniorPaid, recapitalization: done.recapitalization, remainder: done.remainder });
    }
    expect(wf.previewAbsorbShortfall(w, LP, 5n * USDC, T0)).toEqual({ juniorPaid: 0n, seniorPaid: 0n, recapitalization: 0n, remainder: 5n * USDC });
  });

  it("beyond the venue's lifetime exposure the rest is returned to the venue", () => {
    const w = setup();
    const capped = { ...w, waterfall: wf.setVenue(w.waterfall, OWNER, VENUE, 30_000n * USDC).waterfall };
    const r = wf.absorbShortfall(capped, venue(T0), 40_000n * USDC);
    expect([r.juniorPaid, r.seniorPaid, r.recapitalization, r.remainder]).toEqual([30_000n * USDC, 0n, 0n, 10_000n * USDC]);
    expect(() => wf.absorbShortfall(r.world, venue(T0 + 1n), USDC)).not.toThrow(); // nothing left to cover: all remainder
    expect(wf.absorbShortfall(r.world, venue(T0 + 1n), USDC).remainder).toBe(USDC);
  });

  it('refuses strangers, pauses and zero amounts in the contract order', () => {
    const w = setup();
    expect(() => wf.absorbShortfall(w, { sender: LP, now: T0 }, USDC)).toThrowError('ShortfallWaterfallNotVenue');
    const paused = { ...w, waterfall: wf.pauseWaterfall(w.waterfall, OWNER).waterfall };
    expect(() => wf.absorbShortfall(paused, venue(T0), 0n)).toThrowError('ShortfallWaterfallPaused');
    expect(() => wf.absorbShortfall(w, venue(T0), 0n)).toThrowError('ShortfallWaterfallZeroAmount');
    expect(() => wf.setFeeWeights(w.waterfall, OWNER, 7_000n, 3_001n)).toThrowError('ShortfallWaterfallFeeWeightsSum');
    expect(() => wf.setLayerCapBps(w.waterfall, OWNER, wf.JUNIOR, 99n)).toThrowError('ShortfallWaterfallLayerCapOutOfBounds');
  });

  it('fees are split by weight (dust to Junior) and streamed by each pool; paused or not', () => {
    const w = setup();
    const paused = { ...w, waterfall: wf.pauseWaterfall(w.waterfall, OWNER).waterfall };
    const r = wf.distributeFees(paused, venue(T0), 1_001n);
    expect([r.juniorFees, r.seniorFees]).toEqual([701n, 300n]);
    expect(r.world.junior.unearned).toBe(701n);
    expect(r.world.senior.unearned).toBe(300n);
    expect(erc20.balanceOf(r.world.usdc, WATERFALL)).toBe(0n);
    expect(erc20.allowance(r.world.usdc, WATERFALL, JUNIOR)).toBe(0n);
  });
});
