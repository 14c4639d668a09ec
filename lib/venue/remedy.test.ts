import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WAD } from '@/lib/mirror/PerpMath';
import {
  distanceToLiquidation,
  liquidationPriceAfterAdding,
  liquidationTouchProbability,
  marginToReachTouchProbability,
  type MarginedPosition,
} from './remedy';

const SCALE = 10n ** 20n; // 8-decimal feed, 6-decimal stablecoin
const PRICE = 10n ** 8n;
const USDC = 10n ** 6n;
const ETH = 10n ** 18n;

const long: MarginedPosition = {
  isLong: true,
  size: 2n * ETH,
  entryPrice: 3_000n * PRICE,
  margin: 700n * USDC,
  socialLossCharge: 0n,
  maintenanceFraction: 6n * 10n ** 16n,
};
const p = (pos: MarginedPosition, spot: bigint, sigma: bigint, amount: bigint) =>
  liquidationTouchProbability(pos.isLong, spot, liquidationPriceAfterAdding(pos, amount, SCALE), sigma);

describe('liquidationTouchProbability', () => {
  it('is 1 at or past the liquidation price, 0 for a long that cannot be liquidated', () => {
    expect(liquidationTouchProbability(true, 2_000n * PRICE, 2_000n * PRICE, WAD)).toBe(WAD);
    expect(liquidationTouchProbability(false, 2_000n * PRICE, 1_999n * PRICE, WAD)).toBe(WAD);
    expect(liquidationTouchProbability(true, 2_000n * PRICE, 0n, WAD)).toBe(0n);
    const near = liquidationTouchProbability(true, 3_000n * PRICE, 2_900n * PRICE, WAD);
    const far = liquidationTouchProbability(true, 3_000n * PRICE, 2_500n * PRICE, WAD);
    expect(near).toBeGreaterThan(far);
  });

  it('measures the distance on the losing side only', () => {
    expect(distanceToLiquidation(true, 3_000n * PRICE, 2_700n * PRICE)).toBe(WAD / 10n);
    expect(distanceToLiquidation(false, 3_000n * PRICE, 3_300n * PRICE)).toBe(WAD / 10n);
    expect(distanceToLiquidation(true, 3_000n * PRICE, 3_100n * PRICE)).toBe(0n);
  });
});

describe('marginToReachTouchProbability', () => {
  it('finds the least whole unit: at the amount the probability is at most the threshold, one unit less it is above', () => {
    const sigma = 8n * 10n ** 17n;
    const threshold = WAD / 10n;
    const r = marginToReachTouchProbability(long, 3_000n * PRICE, sigma, threshold, SCALE);
    expect(r.kind).toBe('add');
    if (r.kind !== 'add') return;
    expect(p(long, 3_000n * PRICE, sigma, r.amount)).toBeLessThanOrEqual(threshold);
    expect(p(long, 3_000n * PRICE, sigma, r.amount - 1n)).toBeGreaterThan(threshold);
    expect(r.liquidationPrice).toBeLessThan(liquidationPriceAfterAdding(long, 0n, SCALE));
  });

  it('says none is needed below the threshold; a threshold of 0 is reachable on both sides', () => {
    expect(marginToReachTouchProbability(long, 3_000n * PRICE, 10n ** 17n, WAD, SCALE).kind).toBe('none-needed');
    const short = { ...long, isLong: false };
    expect(marginToReachTouchProbability(short, 3_000n * PRICE, 8n * 10n ** 17n, 0n, SCALE).kind).toBe('add'); // a short's liquidation price can be pushed past the twin's domain
    // A long can always reach probability 0 (at the latest when its liquidation price is 0).
    const r = marginToReachTouchProbability(long, 3_000n * PRICE, 8n * 10n ** 17n, 0n, SCALE);
    expect(r).toMatchObject({ kind: 'add', probability: 0n });
  });

  it('is exact and minimal for random positions, both sides (property)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.bigInt({ min: ETH / 10n, max: 100n * ETH }),
        fc.bigInt({ min: 1_000n * PRICE, max: 5_000n * PRICE }),
        fc.integer({ min: 3, max: 60 }), // margin in % of notional
        fc.integer({ min: -8, max: 8 }), // spot move from entry, %
        fc.bigInt({ min: 10n ** 17n, max: 3n * WAD }),
        fc.bigInt({ min: WAD / 100n, max: WAD / 2n }),
        fc.bigInt({ min: 0n, max: 50n * USDC }),
        (isLong, size, entry, marginPct, movePct, sigma, threshold, charge) => {
          const notional = (size * entry) / SCALE;
          const pos: MarginedPosition = {
            isLong,
            size,
            entryPrice: entry,
            margin: (notional * BigInt(marginPct)) / 100n + charge,
            socialLossCharge: charge,
            maintenanceFraction: 5n * 10n ** 16n,
          };
          const spot = (entry * BigInt(100 + movePct)) / 100n;
          const r = marginToReachTouchProbability(pos, spot, sigma, threshold, SCALE);
          if (r.kind === 'none-needed') expect(p(pos, spot, sigma, 0n)).toBeLessThanOrEqual(threshold);
          if (r.kind === 'add') {
            expect(r.amount).toBeGreaterThanOrEqual(1n);
            expect(p(pos, spot, sigma, r.amount)).toBeLessThanOrEqual(threshold);
            expect(p(pos, spot, sigma, r.amount - 1n)).toBeGreaterThan(threshold);
          }
          expect(r.kind).not.toBe('impossible');
        },
      ),
      { numRuns: 300, seed: 15 },
    );
  });

  it('no smaller amount reaches the threshold: every unit in the 2,000 below it and 1,000 evenly spaced ones down to 0 stay above', () => {
    const small: MarginedPosition = {
      isLong: true,
      size: ETH / 50n,
      entryPrice: 3_000n * PRICE,
      margin: 4n * USDC,
      socialLossCharge: 0n,
      maintenanceFraction: 5n * 10n ** 16n,
    };
    for (const [pos, threshold] of [
      [small, WAD / 2n],
      [small, WAD / 20n],
      [{ ...small, isLong: false }, WAD / 5n],
    ] as const) {
      const r = marginToReachTouchProbability(pos, 3_000n * PRICE, 8n * 10n ** 17n, threshold, SCALE);
      expect(r.kind).toBe('add');
      if (r.kind !== 'add') continue;
      for (let x = r.amount - 1n; x >= 0n && x >= r.amount - 2_000n; x--) expect(p(pos, 3_000n * PRICE, 8n * 10n ** 17n, x)).toBeGreaterThan(threshold);
      for (let i = 0n; i < 1_000n; i++) expect(p(pos, 3_000n * PRICE, 8n * 10n ** 17n, (r.amount * i) / 1_000n)).toBeGreaterThan(threshold);
    }
  });
});
