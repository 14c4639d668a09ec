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

describe('net yield counts losses (sharePriceApy beside incomeApy)', () => {
  // Any income stream and any pool history whose share price ends the window below where it began.
  const history = fc
    .record({
      start: fc.bigInt({ min: 1_000_000n, max: 10n ** 12n }),
      moves: fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 1, maxLength: 12 }),
      incomes: fc.array(fc.record({ amount: fc.bigInt({ min: 1n, max: 10n ** 12n }), at: fc.integer({ min: 0, max: 7 * DAY }) }), { maxLength: 10 }),
    })
    .map(({ start, moves, incomes }) => {
      let price = start;
      const points: PoolPoint[] = [{ timestamp: 0n, totalAssets: 10n ** 12n, sharePrice: price }];
      moves.forEach((bps, i) => {
        price = (price * BigInt(10_000 + bps)) / 10_000n;
        points.push({ timestamp: BigInt(Math.round(((i + 1) * 7 * DAY) / moves.length)), totalAssets: 10n ** 12n, sharePrice: price });
      });
      return { points, first: start, last: price, incomes: incomes.map((x) => ({ amount: x.amount, timestamp: BigInt(x.at), earnedAt: BigInt(7 * DAY) })) };
    });

  it('a falling share price gives a negative net yield whatever the gross (property)', () => {
    fc.assert(
      fc.property(history, ({ points, first, last, incomes }) => {
        fc.pre(last < first);
        const gross = incomeApy(incomes, points, 0, 7 * DAY)!;
        expect(gross).toBeGreaterThanOrEqual(0);
        expect(sharePriceApy(points, 0, 7 * DAY)!).toBeLessThan(0);
      }),
    );
  });

  it('the net yield has the sign of the share price change and ignores what was merely paid in (property)', () => {
    fc.assert(
      fc.property(history, ({ points, first, last }) => {
        const net = sharePriceApy(points, 0, 7 * DAY)!;
        expect(Math.sign(net)).toBe(last > first ? 1 : last < first ? -1 : 0);
      }),
    );
  });

  it('the issue’s case: 24 % gross while the share price fell 3 % in a week is a large loss net', () => {
    const points: PoolPoint[] = [
      { timestamp: 0n, totalAssets: 1_000_000n, sharePrice: 1_000_000n },
      { timestamp: BigInt(7 * DAY), totalAssets: 970_000n, sharePrice: 970_000n },
    ];
    const net = sharePriceApy(points, 0, 7 * DAY)!;
    expect(net).toBeCloseTo(0.97 ** (YEAR_SECONDS / (7 * DAY)) - 1, 10);
    expect(net).toBeLessThan(-0.75);
  });
});
