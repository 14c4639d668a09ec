import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateShortfall, layerAvailableDown, layerCapDown, rollWindow, splitFeesSeniorDown, WINDOW, windowOf } from './WaterfallMath';
import { Panic } from './evm';
import { BPS } from './units';

const amount = fc.bigInt({ min: 0n, max: (1n << 96n) - 1n });
const bps = fc.bigInt({ min: 0n, max: BPS });

describe('rolling window', () => {
  it('cuts time into aligned 24 h windows', () => {
    expect(windowOf(WINDOW - 1n)).toBe(0n);
    expect(windowOf(WINDOW)).toBe(1n);
  });

  it('keeps, shifts or forgets the stored buckets', () => {
    expect(rollWindow(10n, 3n, 5n, 10n)).toEqual({ prevNow: 3n, currNow: 5n });
    expect(rollWindow(10n, 3n, 5n, 11n)).toEqual({ prevNow: 5n, currNow: 0n });
    expect(rollWindow(10n, 3n, 5n, 12n)).toEqual({ prevNow: 0n, currNow: 0n });
    expect(rollWindow(10n, 3n, 5n, 9n)).toEqual({ prevNow: 0n, currNow: 0n }); // a stored window in the future
    expect(() => rollWindow((1n << 256n) - 1n, 0n, 0n, 0n)).toThrow(Panic); // `storedWindow + 1` is checked
  });
});

describe('layer cap', () => {
  it('is a floored fraction of free capital plus what was paid this window', () => {
    expect(layerCapDown(1_000n, 0n, 5_000n)).toBe(500n);
    expect(layerCapDown(999n, 0n, 5_000n)).toBe(499n);
    expect(layerCapDown(500n, 500n, 5_000n)).toBe(500n);
    expect(layerAvailableDown(500n, 500n, 5_000n)).toBe(0n);
    expect(layerAvailableDown(100n, 0n, BPS)).toBe(100n);
  });

  it('never offers more than free capital or the cap left', () => {
    fc.assert(
      fc.property(amount, amount, bps, (free, used, capBps) => {
        const available = layerAvailableDown(free, used, capBps);
        expect(available).toBeLessThanOrEqual(free);
        if (available > 0n) expect(used + available).toBeLessThanOrEqual(layerCapDown(free, used, capBps));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives split draws no more than one draw: D × 10000 ≤ capBps × (F + D) within two windows', () => {
    fc.assert(
      fc.property(amount, bps, fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.boolean()), { maxLength: 12 }), (start, capBps, asks) => {
        // draws spread over windows k and k+1; every draw checks `prev + curr` against the cap
        let free = start;
        let window = 0n;
        let prev = 0n;
        let curr = 0n;
        for (const [ask, nextWindow] of asks) {
          if (nextWindow && window === 0n) ({ prevNow: prev, currNow: curr } = rollWindow(window++, prev, curr, 1n));
          const pay = ask < layerAvailableDown(free, prev + curr, capBps) ? ask : layerAvailableDown(free, prev + curr, capBps);
          free -= pay;
          curr += pay;
        }
        const drawn = start - free;
        expect(drawn * BPS).toBeLessThanOrEqual(capBps * (free + drawn));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('allocateShortfall', () => {
  it('fills Junior, then Senior, then the auction, within the venue exposure', () => {
    expect(allocateShortfall(100n, 30n, 50n, 1_000n)).toEqual({ junior: 30n, senior: 50n, recapitalization: 20n, overExposure: 0n });
    expect(allocateShortfall(100n, 30n, 50n, 60n)).toEqual({ junior: 30n, senior: 30n, recapitalization: 0n, overExposure: 40n });
    expect(allocateShortfall(100n, 500n, 50n, 1_000n)).toEqual({ junior: 100n, senior: 0n, recapitalization: 0n, overExposure: 0n });
  });

  it('sums to the amount exactly and respects every limit', () => {
    fc.assert(
      fc.property(amount, amount, amount, amount, (a, j, s, e) => {
        const r = allocateShortfall(a, j, s, e);
        expect(r.junior + r.senior + r.recapitalization + r.overExposure).toBe(a);
        expect(r.junior).toBeLessThanOrEqual(j);
        expect(r.senior).toBeLessThanOrEqual(s);
        expect(r.junior + r.senior + r.recapitalization).toBeLessThanOrEqual(e);
        if (r.senior > 0n) expect(r.junior).toBe(j); // Senior pays only once Junior is exhausted
        if (r.recapitalization > 0n) expect(r.senior).toBe(s);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('splitFeesSeniorDown', () => {
  it('conserves every unit and gives the dust to Junior', () => {
    expect(splitFeesSeniorDown(10n, 3_000n)).toEqual({ junior: 7n, senior: 3n });
    expect(splitFeesSeniorDown(1n, 3_000n)).toEqual({ junior: 1n, senior: 0n });
    fc.assert(
      fc.property(amount, bps, (a, w) => {
        const { junior, senior } = splitFeesSeniorDown(a, w);
        expect(junior + senior).toBe(a);
        expect(senior * BPS).toBeLessThanOrEqual(a * w);
        expect((senior + 1n) * BPS).toBeGreaterThan(a * w);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reverts (Panic) on a weight above 100 %', () => {
    expect(() => splitFeesSeniorDown(10_000n, BPS + 1n)).toThrow(Panic);
  });
});
