import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageAssets, earnedInWindow, incomeApy, sharePriceApy, YEAR_SECONDS, type PoolPoint } from './apy';

const DAY = 86_400;

describe('earnedInWindow', () => {
  it('counts only the overlap of each linear stream with the window', () => {
    const income = { amount: 1_000n, timestamp: 0n, earnedAt: BigInt(10 * DAY) };
    expect(earnedInWindow([income], 0, 10 * DAY)).toBeCloseTo(1_000);
    expect(earnedInWindow([income], 5 * DAY, 20 * DAY)).toBeCloseTo(500);
    expect(earnedInWindow([income], 10 * DAY, 20 * DAY)).toBe(0);
  });

  it('books an instant income (earnedAt == timestamp) when it lands inside the window', () => {
    expect(earnedInWindow([{ amount: 7n, timestamp: 100n, earnedAt: 100n }], 0, 200)).toBe(7);
    expect(earnedInWindow([{ amount: 7n, timestamp: 300n, earnedAt: 300n }], 0, 200)).toBe(0);
  });

  it('never earns more than was paid, and splitting the window adds up (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ amount: fc.bigInt({ min: 0n, max: 10n ** 12n }), timestamp: fc.integer({ min: 0, max: 1e6 }), length: fc.integer({ min: 0, max: 1e6 }) }),
          { maxLength: 20 },
        ),
        fc.integer({ min: 0, max: 2e6 }),
        fc.integer({ min: 0, max: 2e6 }),
        (raw, a, b) => {
          const incomes = raw.map((r) => ({ amount: r.amount, timestamp: BigInt(r.timestamp), earnedAt: BigInt(r.timestamp + r.length) }));
          const [from, to] = a < b ? [a, b] : [b, a];
          const mid = Math.floor((from + to) / 2);
          const paid = raw.reduce((s, r) => s + Number(r.amount), 0);
          const whole = earnedInWindow(incomes, from, to);
          expect(whole).toBeLessThanOrEqual(paid * (1 + 1e-12));
          // Instant incomes exactly at the midpoint count in both halves; exclude that edge.
          if (!raw.some((r) => r.length === 0 && r.timestamp === mid)) {
            expect(earnedInWindow(incomes, from, mid) + earnedInWindow(incomes, mid, to)).toBeCloseTo(whole, 0);
          }
        },
      ),
    );
  });
});

describe('averageAssets', () => {
  it('weights each level by how long it held', () => {
    const points: PoolPoint[] = [
      { timestamp: 0n, totalAssets: 100n, sharePrice: 1n },
      { timestamp: BigInt(DAY), totalAssets: 300n, sharePrice: 1n },
    ];
    expect(averageAssets(points, 0, 2 * DAY)).toBeCloseTo(200);
    expect(averageAssets(points, DAY, 2 * DAY)).toBeCloseTo(300);
  });
});

describe('incomeApy and sharePriceApy', () => {
  const points: PoolPoint[] = [
    { timestamp: 0n, totalAssets: 1_000_000n, sharePrice: 1_000_000n },
    { timestamp: BigInt(7 * DAY), totalAssets: 1_000_000n, sharePrice: 1_001_000n },
  ];

  it('annualises 0.1 % earned over 7 days', () => {
    const apy = incomeApy([{ amount: 1_000n, timestamp: 0n, earnedAt: BigInt(7 * DAY) }], points, 0, 7 * DAY)!;
    expect(apy).toBeCloseTo(0.001 * (YEAR_SECONDS / (7 * DAY)), 10);
    expect(sharePriceApy(points, 0, 7 * DAY)!).toBeCloseTo(1.001 ** (365 / 7) - 1, 10);
  });

  it('is negative after a loss and null without data', () => {
    const loss: PoolPoint[] = [points[0]!, { timestamp: BigInt(7 * DAY), totalAssets: 900_000n, sharePrice: 900_000n }];
    expect(sharePriceApy(loss, 0, 7 * DAY)!).toBeLessThan(0);
    expect(sharePriceApy([], 0, 7 * DAY)).toBeNull();
    expect(incomeApy([], [], 0, 7 * DAY)).toBeNull();
  });
});
