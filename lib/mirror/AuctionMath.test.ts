import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rollWindow, windowOf } from './WaterfallMath';
import { auctionPriceUp, BKS_UNIT, bksOutDown, dilutionWadDown, mintBudgetDown, mintCapDown, quoteBuyBksDownPaidUp, stableInUp } from './AuctionMath';
import { BPS, WAD } from './units';

const price = fc.bigInt({ min: 1n, max: 10n ** 12n });
const stable = fc.bigInt({ min: 0n, max: 10n ** 24n });
const bks = fc.bigInt({ min: 0n, max: 10n ** 30n });

describe('auctionPriceUp', () => {
  const t0 = 1_700_000_000n;
  it('decays linearly from the start price to the floor, rounded up', () => {
    expect(auctionPriceUp(2_000_000n, 500_000n, t0, 86_400n, t0)).toBe(2_000_000n);
    expect(auctionPriceUp(2_000_000n, 500_000n, t0, 86_400n, t0 + 43_200n)).toBe(1_250_000n);
    expect(auctionPriceUp(2_000_000n, 500_000n, t0, 86_400n, t0 + 1n)).toBe(500_000n + 1_499_983n); // ceil(1.5e6 × 86399 / 86400)
    expect(auctionPriceUp(2_000_000n, 500_000n, t0, 86_400n, t0 + 86_400n)).toBe(500_000n);
    expect(auctionPriceUp(2_000_000n, 500_000n, t0, 0n, t0 + 1n)).toBe(500_000n);
    expect(auctionPriceUp(400_000n, 500_000n, t0, 86_400n, t0)).toBe(500_000n); // the floor always wins
  });

  it('stays within [floor, start] and never rises with time', () => {
    fc.assert(
      fc.property(
        price,
        price,
        fc.bigInt({ min: 0n, max: 10n ** 6n }),
        fc.bigInt({ min: 0n, max: 2n * 10n ** 6n }),
        fc.bigInt({ min: 0n, max: 2n * 10n ** 6n }),
        (a, b, d, x, y) => {
          const [floor, start] = a < b ? [a, b] : [b, a];
          const [e1, e2] = x < y ? [x, y] : [y, x];
          const p1 = auctionPriceUp(start, floor, t0, d, t0 + e1);
          const p2 = auctionPriceUp(start, floor, t0, d, t0 + e2);
          expect(p1).toBeGreaterThanOrEqual(p2);
          expect(p2).toBeGreaterThanOrEqual(floor);
          expect(p1).toBeLessThanOrEqual(start);
          // never below the exact curve
          if (e1 < d) expect((p1 - floor) * d).toBeGreaterThanOrEqual((start - floor) * (d - e1));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('fills', () => {
  it('rounds BKS out down and stablecoin in up', () => {
    expect(bksOutDown(1_500_000n, 2_000_000n)).toBe(75n * 10n ** 16n);
    expect(bksOutDown(1n, 3n)).toBe(333_333_333_333_333_333n);
    expect(stableInUp(333_333_333_333_333_333n, 3n)).toBe(1n);
    expect(stableInUp(1n, 1n)).toBe(1n);
    expect(() => bksOutDown(1n, 0n)).toThrow('Panic(0x12)');
  });

  it('quoteBuy: pays at least the price for what it mints, within target and mint cap', () => {
    fc.assert(
      fc.property(stable, price, stable, bks, (stableIn, p, target, remainingMint) => {
        const { paid, bksOut } = quoteBuyBksDownPaidUp(stableIn, p, target, remainingMint);
        expect(paid).toBeLessThanOrEqual(stableIn < target ? stableIn : target);
        expect(bksOut).toBeLessThanOrEqual(remainingMint);
        expect(paid * BKS_UNIT).toBeGreaterThanOrEqual(bksOut * p); // effective price ≥ price
      }),
      { numRuns: 2_000 },
    );
  });

  it('quoteBuyBksDownPaidUp recomputes the payment upwards when the mint cap binds', () => {
    expect(quoteBuyBksDownPaidUp(10n ** 6n, 10n ** 6n, 10n ** 9n, BKS_UNIT / 2n)).toEqual({ paid: 500_000n, bksOut: BKS_UNIT / 2n });
    expect(quoteBuyBksDownPaidUp(10n ** 6n, 3n, 10n ** 9n, 1n)).toEqual({ paid: 1n, bksOut: 1n });
  });
});

describe('mint cap and dilution', () => {
  it('caps each event at a floored fraction of supply and reports its dilution', () => {
    expect(mintCapDown(100_000_000n * BKS_UNIT, 500n)).toBe(5_000_000n * BKS_UNIT);
    expect(mintCapDown(19_999n, 500n)).toBe(999n);
    expect(dilutionWadDown(5n, 100n)).toBe(WAD / 20n);
    expect(dilutionWadDown(5n, 0n)).toBe(0n);
    fc.assert(
      fc.property(bks, fc.bigInt({ min: 0n, max: BPS }), (supply, maxMintBps) => {
        const cap = mintCapDown(supply, maxMintBps);
        expect(cap * BPS).toBeLessThanOrEqual(supply * maxMintBps);
        if (supply > 0n) expect(dilutionWadDown(cap, supply)).toBeLessThanOrEqual((maxMintBps * WAD) / BPS);
      }),
    );
  });
});

describe('rolling mint budget', () => {
  it('caps on the supply before the window’s mints and never lets used pass the cap', () => {
    expect(mintBudgetDown(10_500_000n * BKS_UNIT, 500_000n * BKS_UNIT, 500n)).toEqual({ cap: 500_000n * BKS_UNIT, available: 0n });
    expect(mintBudgetDown(10_300_000n * BKS_UNIT, 300_000n * BKS_UNIT, 500n)).toEqual({ cap: 500_000n * BKS_UNIT, available: 200_000n * BKS_UNIT });
    expect(mintBudgetDown(19_999n, 0n, 500n)).toEqual({ cap: 999n, available: 999n });
    expect(() => mintBudgetDown(1n, 2n, 500n)).toThrow('Panic(0x11)');
    fc.assert(
      fc.property(bks, bks, fc.bigInt({ min: 1n, max: 2_000n }), (base, used, bps) => {
        const { cap, available } = mintBudgetDown(base + used, used, bps);
        expect(cap).toBe(mintCapDown(base, bps));
        expect(available + used <= (cap > used ? cap : used)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('no 24 h interval mints more than maxMintBps of the supply at its start, however buys are timed', () => {
    const DAY = 86_400n;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.bigInt({ min: 0n, max: 30n * 3_600n }), fc.bigInt({ min: 1n, max: 10n ** 26n })), { minLength: 1, maxLength: 60 }),
        fc.bigInt({ min: 1n, max: 2_000n }),
        (steps, bps) => {
          const initial = 10n ** 26n;
          let supply = initial;
          let t = 1_700_000_000n;
          let w = { window: 0n, prev: 0n, curr: 0n };
          const mints: { at: bigint; amount: bigint }[] = [];
          for (const [wait, wanted] of steps) {
            t += wait;
            const now = windowOf(t);
            const { prevNow: prev, currNow: curr } = rollWindow(w.window, w.prev, w.curr, now);
            const { available } = mintBudgetDown(supply, prev + curr, bps);
            const out = wanted < available ? wanted : available;
            if (out === 0n) continue;
            supply += out;
            w = { window: now, prev, curr: curr + out };
            mints.push({ at: t, amount: out });
          }
          for (const end of mints) {
            const start = end.at + 1n - DAY;
            const inside = mints.filter((m) => m.at >= start && m.at <= end.at).reduce((s, m) => s + m.amount, 0n);
            const before = mints.filter((m) => m.at < start).reduce((s, m) => s + m.amount, 0n);
            expect(inside * BPS <= (initial + before) * bps).toBe(true);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
