import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assetsDown,
  assetsUp,
  belowSharePriceFloor,
  claimAssetsDown,
  claimSharesDown,
  claimSharesUp,
  dayOf,
  earningEndDayUp,
  lockReleaseDay,
  MAX_SHARES_PER_ASSET,
  RATE_SCALE,
  rateDown,
  requestAssetsDown,
  requestSharesUp,
  sharesDown,
  sharesUp,
  unearnedUp,
  VIRTUAL_SHARES,
} from './PoolMath';
import { MAX_UINT256, Panic } from './evm';
import { DAY } from './units';

const uint = (max: bigint) => fc.bigInt({ min: 0n, max });
const assets = uint((1n << 96n) - 1n);
const supply = uint(10n ** 42n);
const panicCode = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof Panic ? e.code : e;
  }
  return undefined;
};

describe('share conversions', () => {
  it('prices an empty pool at 10^12 shares per asset, with one virtual asset', () => {
    expect(sharesDown(1_000_000n, 0n, 0n)).toBe(1_000_000n * VIRTUAL_SHARES);
    expect(assetsDown(VIRTUAL_SHARES, 0n, 0n)).toBe(1n);
    // 1 asset in a pool of 2 assets and 10^12 shares: 2·10^12 / 3 shares, down and up
    expect(sharesDown(1n, VIRTUAL_SHARES, 2n)).toBe(666_666_666_666n);
    expect(sharesUp(1n, VIRTUAL_SHARES, 2n)).toBe(666_666_666_667n);
    expect(assetsUp(1n, VIRTUAL_SHARES, 2n)).toBe(1n);
    expect(assetsDown(1n, VIRTUAL_SHARES, 2n)).toBe(0n);
  });

  it('rounds down and up by at most one unit around the exact value', () => {
    fc.assert(
      fc.property(uint(10n ** 30n), supply, assets, (x, s, a) => {
        const exactShares = x * (s + VIRTUAL_SHARES);
        const lo = sharesDown(x, s, a);
        const hi = sharesUp(x, s, a);
        expect(lo * (a + 1n)).toBeLessThanOrEqual(exactShares);
        expect(hi * (a + 1n)).toBeGreaterThanOrEqual(exactShares);
        expect(hi - lo).toBe(exactShares % (a + 1n) === 0n ? 0n : 1n);
        const down = assetsDown(x, s, a);
        const up = assetsUp(x, s, a);
        expect(up - down).toBe((x * (a + 1n)) % (s + VIRTUAL_SHARES) === 0n ? 0n : 1n);
      }),
      { numRuns: 2_000 },
    );
  });

  it('never lets a round trip create value (deposit then redeem, mint then redeem)', () => {
    fc.assert(
      fc.property(assets, supply, assets, (a, s, x) => {
        const minted = sharesDown(x, s, a);
        expect(assetsDown(minted, s + minted, a + x)).toBeLessThanOrEqual(x);
        const cost = assetsUp(minted, s, a);
        expect(cost).toBeLessThanOrEqual(x);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is monotone in the amount', () => {
    fc.assert(
      fc.property(assets, supply, uint(10n ** 30n), uint(10n ** 30n), (a, s, x, y) => {
        const [lo, hi] = x < y ? [x, y] : [y, x];
        expect(sharesDown(lo, s, a)).toBeLessThanOrEqual(sharesDown(hi, s, a));
        expect(assetsUp(lo, s, a)).toBeLessThanOrEqual(assetsUp(hi, s, a));
      }),
    );
  });

  it('panics where the contract does', () => {
    expect(panicCode(() => sharesDown(1n, MAX_UINT256 - VIRTUAL_SHARES + 1n, 0n))).toBe(0x11n);
    expect(panicCode(() => assetsDown(1n, 0n, MAX_UINT256))).toBe(0x11n);
    expect(panicCode(() => sharesDown(MAX_UINT256, MAX_UINT256 - VIRTUAL_SHARES, 0n))).not.toBeUndefined();
    expect(sharesDown(MAX_UINT256, 0n, VIRTUAL_SHARES - 1n)).toBe(MAX_UINT256);
  });
});

describe('day buckets', () => {
  it('puts a timestamp in its UTC day and ends streams and locks at boundaries', () => {
    expect(dayOf(DAY - 1n)).toBe(0n);
    expect(dayOf(DAY)).toBe(1n);
    expect(earningEndDayUp(DAY)).toBe(1n); // a boundary earns until itself
    expect(earningEndDayUp(DAY + 1n)).toBe(2n);
    expect(lockReleaseDay(DAY - 1n)).toBe(1n);
    expect(lockReleaseDay(DAY)).toBe(2n); // a claim at `until` still finds its lock
  });

  it('earns until the first boundary at or after the end, releases strictly after `until`', () => {
    fc.assert(
      fc.property(uint(10n ** 12n), (t) => {
        const earnEnd = earningEndDayUp(t) * DAY;
        expect(earnEnd).toBeGreaterThanOrEqual(t);
        expect(earnEnd - t).toBeLessThan(DAY);
        const release = lockReleaseDay(t) * DAY;
        expect(release).toBeGreaterThan(t);
        expect(release - t).toBeLessThanOrEqual(DAY);
      }),
    );
  });

  it('overflows in `end + DAY` exactly as the contract does', () => {
    expect(earningEndDayUp(MAX_UINT256 - DAY)).toBe((MAX_UINT256 - 1n) / DAY);
    expect(panicCode(() => earningEndDayUp(MAX_UINT256 - DAY + 1n))).toBe(0x11n);
    expect(lockReleaseDay(MAX_UINT256)).toBe(MAX_UINT256 / DAY + 1n);
  });
});

describe('linear earning', () => {
  it('rounds the rate down, so a stream never earns more than its amount', () => {
    fc.assert(
      fc.property(assets, fc.bigInt({ min: 1n, max: 401n * DAY }), (amount, duration) => {
        const rate = rateDown(amount, duration);
        expect((rate * duration) / RATE_SCALE).toBeLessThanOrEqual(amount);
        // the reserve left at the end is the rounding dust: less than one unit per 10^18 / duration
        const left = unearnedUp(amount, rate, duration);
        expect(left).toBeLessThanOrEqual(duration / RATE_SCALE + 1n);
      }),
      { numRuns: 2_000 },
    );
  });

  it('releases the reserve monotonically and never below zero', () => {
    fc.assert(
      fc.property(assets, uint(10n ** 40n), uint(10n ** 9n), uint(10n ** 9n), (u, rate, a, b) => {
        const [t1, t2] = a < b ? [a, b] : [b, a];
        const r1 = unearnedUp(u, rate, t1);
        const r2 = unearnedUp(u, rate, t2);
        expect(r1).toBeLessThanOrEqual(u);
        expect(r2).toBeLessThanOrEqual(r1);
        expect(r2).toBeGreaterThanOrEqual(0n);
      }),
    );
  });

  it('credits nothing before a whole unit is earned (reserve rounds up)', () => {
    expect(unearnedUp(10n, RATE_SCALE - 1n, 1n)).toBe(10n);
    expect(unearnedUp(10n, RATE_SCALE, 1n)).toBe(9n);
    expect(unearnedUp(10n, RATE_SCALE, 10n)).toBe(0n);
    expect(unearnedUp(10n, RATE_SCALE, 11n)).toBe(0n);
  });

  it('panics on a zero duration (0x12) and an oversized product (0x11)', () => {
    expect(panicCode(() => rateDown(1n, 0n))).toBe(0x12n);
    expect(panicCode(() => rateDown(MAX_UINT256 / RATE_SCALE + 1n, 1n))).toBe(0x11n);
    expect(panicCode(() => unearnedUp(1n, MAX_UINT256, 2n))).toBe(0x11n);
  });
});

describe('the share-price floor', () => {
  it('closes a layer above 10^18 shares per unit, exactly at the edge', () => {
    // 10^24 shares: open at 10^6 units (the edge: 10^24 + 10^12 ≤ (10^6 + 1) × 10^18), closed one unit below.
    expect(belowSharePriceFloor(10n ** 24n, 10n ** 6n)).toBe(false);
    expect(belowSharePriceFloor(10n ** 24n, 10n ** 6n - 1n)).toBe(true);
    expect(belowSharePriceFloor(0n, 0n)).toBe(false); // an empty pool is open
    expect(belowSharePriceFloor(MAX_SHARES_PER_ASSET - VIRTUAL_SHARES, 0n)).toBe(false);
    expect(belowSharePriceFloor(MAX_SHARES_PER_ASSET - VIRTUAL_SHARES + 1n, 0n)).toBe(true);
    expect(panicCode(() => belowSharePriceFloor(0n, MAX_UINT256))).toBe(0x11n);
  });

  it('is exactly "more than 10^18 shares per unit", counting the virtual share and asset', () => {
    fc.assert(
      fc.property(uint(10n ** 48n), assets, (s, t) => {
        expect(belowSharePriceFloor(s, t)).toBe(s + VIRTUAL_SHARES > (t + 1n) * MAX_SHARES_PER_ASSET);
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('claims: the lower of the value at request and now', () => {
  // A request of `rs` shares of a pool of `sup` shares, worth `ra` when made; `ta` is the pool's assets now.
  const request = fc
    .record({ sup: uint(10n ** 40n), rsBps: fc.bigInt({ min: 1n, max: 10_000n }), ta0: assets, moveBps: fc.bigInt({ min: 0n, max: 30_000n }) })
    .map(({ sup, rsBps, ta0, moveBps }) => {
      const rs = (sup * rsBps) / 10_000n || 1n;
      return { sup: sup < rs ? rs : sup, rs, ra: assetsDown(rs, sup < rs ? rs : sup, ta0), ta: (ta0 * moveBps) / 10_000n };
    });

  it('pays the lower of the two values, each rounded down', () => {
    fc.assert(
      fc.property(request, fc.bigInt({ min: 0n, max: 10_000n }), ({ sup, rs, ra, ta }, bps) => {
        const s = (rs * bps) / 10_000n;
        const now = assetsDown(s, sup, ta);
        const then = requestAssetsDown(s, rs, ra);
        expect(claimAssetsDown(s, rs, ra, sup, ta)).toBe(now < then ? now : then);
        expect(then).toBeLessThanOrEqual(ra);
      }),
      { numRuns: 3_000 },
    );
  });

  it('splitting a claim never pays more than claiming at once (value at request, pro rata, floors)', () => {
    fc.assert(
      fc.property(request, fc.bigInt({ min: 1n, max: 9_999n }), ({ rs, ra }, bps) => {
        const s1 = (rs * bps) / 10_000n;
        const part1 = requestAssetsDown(s1, rs, ra);
        const part2 = requestAssetsDown(rs - s1, rs - s1, ra - part1);
        expect(part1 + part2).toBe(ra); // the parts use up the value at request exactly, never more
        expect(part1 * rs).toBeLessThanOrEqual(ra * s1); // the first part never beats its pro-rata share
      }),
      { numRuns: 3_000 },
    );
  });

  it('withdraw burns the fewest shares whose claim covers the assets', () => {
    fc.assert(
      fc.property(request, fc.bigInt({ min: 1n, max: 10_000n }), ({ sup, rs, ra, ta }, bps) => {
        const max = claimAssetsDown(rs, rs, ra, sup, ta);
        const a = (max * bps) / 10_000n;
        if (a === 0n) return;
        const s = claimSharesUp(a, rs, ra, sup, ta);
        expect(s).toBeLessThanOrEqual(rs);
        expect(claimAssetsDown(s, rs, ra, sup, ta)).toBeGreaterThanOrEqual(a);
        expect(claimAssetsDown(s - 1n, rs, ra, sup, ta)).toBeLessThan(a);
        expect(s).toBe(sharesUp(a, sup, ta) > requestSharesUp(a, rs, ra) ? sharesUp(a, sup, ta) : requestSharesUp(a, rs, ra));
      }),
      { numRuns: 3_000 },
    );
  });

  it('maxRedeem’s cap keeps a claim within the free capital', () => {
    fc.assert(
      fc.property(request, assets, ({ sup, rs, ra, ta }, free) => {
        const s = claimSharesDown(free, rs, ra, sup, ta);
        const capped = s < rs ? s : rs;
        expect(claimAssetsDown(capped, rs, ra, sup, ta)).toBeLessThanOrEqual(free);
      }),
      { numRuns: 3_000 },
    );
  });

  it('a request worth nothing pays nothing and covers no assets', () => {
    expect(requestSharesUp(0n, 10n, 0n)).toBe(0n);
    expect(requestSharesUp(1n, 10n, 0n)).toBe(MAX_UINT256);
    expect(claimSharesDown(5n, 10n, 0n, 100n, 100n)).toBe(MAX_UINT256);
    expect(claimAssetsDown(10n, 10n, 0n, 10n, 10n ** 6n)).toBe(0n);
    expect(panicCode(() => requestAssetsDown(1n, 0n, 5n))).toBe(0x12n); // division by a zero request: Panic(0x12), as OpenZeppelin's mulDiv
  });
});
