import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateShortfall, layerAvailableDown } from '../mirror/WaterfallMath';
import { withStake } from './book';
import { cascade, cascadeCurve, liquidationMap } from './cascade';
import { liquidationPrice, positionFloats } from './positions';
import { DEFAULT_PARAMS } from './model';
import { stakeRisk, stakeShare } from './stakePreview';
import { shockedPrice, stress } from './stress';
import { makeCover, makePosition, SYNTHETIC_T0, syntheticBook, USDC } from './testing/syntheticBook';
import { compileBook } from './compile';
import { simulatePaths } from './engine';
import { allocateOutputs } from './outputs';
import { summarise } from './summary';

const none = { gap: false, sigmaMultiplier: 1, extraShortfall: 0n } as const;

describe('stress: price shocks through the exact twins', () => {
  const covers = [
    makeCover(SYNTHETIC_T0, { id: 1, direction: 'Down', strikeUsd: 2_700, payoutUsdc: 2_000, days: 30 }),
    makeCover(SYNTHETIC_T0, { id: 2, direction: 'Down', strikeUsd: 2_400, payoutUsdc: 3_000, days: 60 }),
    makeCover(SYNTHETIC_T0, { id: 3, direction: 'Up', strikeUsd: 3_400, payoutUsdc: 1_500, days: 14 }),
  ];
  const book = syntheticBook({ covers: 0, extraCovers: covers, junior: 155_000, senior: 160_000 });

  it('a 10 % fall pays exactly the down covers at or above 2,700; a 25 % fall pays both', () => {
    const ten = stress(book, { ...none, move: -0.1 });
    expect(ten.shockedPrice).toBe(2_700n * 10n ** 8n);
    expect(ten.triggered.map((t) => t.tokenId)).toEqual([1n]);
    expect(ten.coverPayout).toEqual({ junior: 2_000n * USDC, senior: 0n });
    expect(ten.layers.junior.totalAssetsAfter).toBe(153_000n * USDC);
    // A claim is paid from the cover's lock: free capital does not move.
    expect(ten.layers.junior.freeAfter).toBe(ten.layers.junior.freeBefore);
    const quarter = stress(book, { ...none, move: -0.25 });
    expect(quarter.coverPayout.junior).toBe(5_000n * USDC);
    const up = stress(book, { ...none, move: 0.14 });
    expect(up.coverPayout).toEqual({ junior: 0n, senior: 1_500n * USDC });
  });

  it('a cover still inside its activation delay does not pay', () => {
    const fresh = { ...covers[0]!, start: SYNTHETIC_T0 - 100n };
    const r = stress(syntheticBook({ covers: 0, extraCovers: [fresh] }), { ...none, move: -0.2 });
    expect(r.triggered).toEqual([]);
  });

  it('splits a shortfall as ShortfallWaterfall would now: layerAvailableDown, then allocateShortfall', () => {
    const r = stress(book, { ...none, move: 0, extraShortfall: 90_000n * USDC });
    const j = book.layers.junior;
    const s = book.layers.senior;
    const expected = allocateShortfall(
      90_000n * USDC,
      layerAvailableDown(j.freeAssets, 0n, 5_000n),
      layerAvailableDown(s.freeAssets, 0n, 2_500n),
      book.venue!.exposureCap,
    );
    expect(r.split).toEqual(expected);
    expect(r.split.junior + r.split.senior + r.split.recapitalization + r.split.overExposure).toBe(90_000n * USDC);
    expect(r.recapAccepted).toBe(r.split.recapitalization);
    expect(r.layers.junior.exhausted).toBe(r.split.junior < 90_000n * USDC);
  });

  it("σ × Y raises the covers' expected payouts (monotone)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 3, noNaN: true }), fc.double({ min: 0.2, max: 3, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const l = stress(book, { ...none, move: 0, sigmaMultiplier: lo }).expectedCoverPayout;
        const h = stress(book, { ...none, move: 0, sigmaMultiplier: hi }).expectedCoverPayout;
        expect(h.junior + 10n).toBeGreaterThanOrEqual(l.junior);
        expect(h.senior + 10n).toBeGreaterThanOrEqual(l.senior);
      }),
      { numRuns: 50 },
    );
  });

  it('a gap leaves at least the bad debt of the same continuous move (property over random books)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), (seed, move) => {
        const b = syntheticBook({ seed, covers: 3, positions: 40, maxLeverage: 15 });
        expect(stress(b, { ...none, move, gap: true }).shortfall).toBeGreaterThanOrEqual(stress(b, { ...none, move }).shortfall);
      }),
      { numRuns: 60 },
    );
  });

  it('no move and no extra shortfall: no loss anywhere', () => {
    const r = stress(syntheticBook({ covers: 10, positions: 30, maxLeverage: 8 }), { ...none, move: 0 });
    expect(r.shortfall).toBe(0n);
    expect(r.coverPayout).toEqual({ junior: 0n, senior: 0n });
  });

  it('shockedPrice rounds down and never reaches zero', () => {
    expect(shockedPrice(3_000n * 10n ** 8n, -0.1)).toBe(2_700n * 10n ** 8n);
    expect(shockedPrice(3n, -0.5)).toBe(1n);
    expect(shockedPrice(100n, -1)).toBe(1n);
  });
});

describe('liquidation cascades', () => {
  // Longs of 1 ETH at 3,000: 10× (liq 2,842.1), 8× (liq 2,763.2), 5× (liq 2,526.3).
  const positions = [
    makePosition({ id: 'x10', side: 'long', size: 1, entryUsd: 3_000, marginUsdc: 300 }),
    makePosition({ id: 'x8', side: 'long', size: 1, entryUsd: 3_000, marginUsdc: 375 }),
    makePosition({ id: 'x5', side: 'long', size: 1, entryUsd: 3_000, marginUsdc: 600 }),
  ];
  const book = syntheticBook({ covers: 0, extraPositions: positions });

  it('maps open interest by liquidation price: every position once, notional at its liquidation price', () => {
    const bins = liquidationMap(book);
    expect(bins.reduce((s, b) => s + b.positions, 0)).toBe(3);
    const total = bins.reduce((s, b) => s + b.longNotional, 0);
    expect(total).toBeCloseTo(
      positions.reduce((s, p) => s + liquidationPrice(p, 8) * positionFloats(p, 8).size, 0),
      6,
    );
    const at = (usd: number) => bins.find((b) => b.fromUsd <= usd && usd < b.toUsd)!;
    expect(at(2_842).positions).toBe(1);
    expect(liquidationMap(syntheticBook({ covers: 0 })).every((b) => b.positions === 0)).toBe(true);
  });

  it('a shock short of every liquidation price moves nothing', () => {
    const r = cascade(book, -0.05, { usdPerPercent: 1 });
    expect(r.liquidated).toBe(0);
    expect(r.finalUsd).toBeCloseTo(2_850, 9);
  });

  it('a thin market carries a 7.5 % fall through the next liquidation prices (fixed point)', () => {
    // $2,000 per 1 %: at −7.5 % (2,775) the 10× goes; selling 2,842 USD moves the price 1.4 % to 2,736,
    // through the 8×'s 2,763; the two sales (5,605 USD) take it to ~2,698, short of the 5×'s 2,526.
    const thin = cascade(book, -0.075, { usdPerPercent: 2_000 });
    expect(thin.liquidatedIds).toEqual(['x10', 'x8']);
    expect(thin.finalUsd).toBeCloseTo(2_775 * Math.exp(-(liquidationPrice(positions[0]!, 8) + liquidationPrice(positions[1]!, 8)) / 200_000), 6);
    // Thinner still: the same shock sweeps the 5× too.
    const thinner = cascade(book, -0.075, { usdPerPercent: 500 });
    expect(thinner.liquidated).toBe(3);
    expect(thinner.rounds.length).toBeGreaterThanOrEqual(2);
    // The fixed point: no long left whose liquidation price the final price has reached.
    expect(thinner.finalUsd).toBeLessThan(liquidationPrice(positions[2]!, 8));
  });

  it('with infinite depth the price stops at the shock; fills at the liquidation price leave no bad debt', () => {
    const r = cascade(book, -0.2, { usdPerPercent: Infinity });
    expect(r.liquidated).toBe(3);
    expect(r.finalUsd).toBeCloseTo(2_400, 9);
    expect(r.badDebt).toBe(0n);
    // The same move as a gap fills all three at 2,400: loss 600 + fee 24 against margins 300, 375, 600.
    expect(cascade(book, -0.2, { usdPerPercent: Infinity }, true).badDebt).toBe(324n * USDC + 249n * USDC + 24n * USDC);
  });

  it('a deeper shock never ends higher, and thinner markets never end higher (property)', () => {
    const dense = syntheticBook({ covers: 0, positions: 200, maxLeverage: 15 });
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.4, noNaN: true }),
        fc.double({ min: 0.001, max: 0.4, noNaN: true }),
        fc.double({ min: 1e4, max: 1e8, noNaN: true }),
        (a, b, depth) => {
          const [small, big] = a <= b ? [a, b] : [b, a];
          expect(cascade(dense, -big, { usdPerPercent: depth }).finalUsd).toBeLessThanOrEqual(cascade(dense, -small, { usdPerPercent: depth }).finalUsd + 1e-9);
          expect(cascade(dense, -big, { usdPerPercent: depth / 2 }).finalUsd).toBeLessThanOrEqual(
            cascade(dense, -big, { usdPerPercent: depth }).finalUsd + 1e-9,
          );
        },
      ),
      { numRuns: 100 },
    );
    const curve = cascadeCurve(dense, { usdPerPercent: 1e6 }, 30);
    expect(curve.down.every((p, i) => i === 0 || p.finalMove <= curve.down[i - 1]!.finalMove + 1e-12)).toBe(true);
  });
});

describe('stake preview', () => {
  it("the stake's share is what the deposit twin mints over the new supply", () => {
    const book = syntheticBook({ covers: 0, junior: 100_000 });
    expect(stakeShare(book, 'junior', 100_000n * USDC)).toBeCloseTo(0.5, 9);
    expect(stakeShare(book, 'junior', 0n)).toBe(0);
  });

  it("the stake's VaR and ES are its share of the layer's, computed on the book with the stake", () => {
    const book = syntheticBook({ covers: 8, positions: 60, maxLeverage: 12, junior: 80_000 });
    const p = { ...DEFAULT_PARAMS, paths: 3_000 };
    const sum = (b: typeof book) => {
      const cb = compileBook(b, p);
      const out = allocateOutputs(p.paths);
      simulatePaths(cb, 0, p.paths, out);
      return summarise(cb, out);
    };
    const amount = 20_000n * USDC;
    const before = sum(book);
    const after = sum(withStake(book, 'junior', amount));
    const risk = stakeRisk(book, 'junior', amount, before, after);
    const share = stakeShare(book, 'junior', amount);
    expect(risk.tail[2]!.valueAtRisk).toBeCloseTo(after.layers.junior.loss.tail[2]!.valueAtRisk * share, 6);
    expect(risk.tail.every((t) => t.expectedShortfall >= t.valueAtRisk)).toBe(true);
    expect(risk.solvencyAfter.ratio).toBeGreaterThanOrEqual(risk.solvencyBefore.ratio);
  });
});
