import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAmount } from '@/lib/format/amount';
import { aggregatorRoundOf, phaseOf, proxyRoundId, type Round } from './findClaimRound';
import {
  formatChartPrice,
  MAX_HISTORY_ROUNDS,
  priceDomain,
  priceSeries,
  recentRoundIds,
  strikeInputFromPrice,
  strikeLineValue,
  timeAxisLabel,
  type PricePoint,
} from './priceHistory';

const USD = 10n ** 8n; // the feed's 8 decimals
const round = (agg: bigint, answer: bigint, updatedAt: bigint, phase = 1n): Round => {
  const roundId = proxyRoundId(phase, agg);
  return { roundId, answer, startedAt: updatedAt, updatedAt, answeredInRound: roundId };
};

describe('recentRoundIds', () => {
  it('the last rounds of the phase, oldest first, ending at the latest', () => {
    expect(recentRoundIds(proxyRoundId(1n, 10n), 3)).toEqual([proxyRoundId(1n, 8n), proxyRoundId(1n, 9n), proxyRoundId(1n, 10n)]);
  });

  it('stops at round 1 of the phase instead of reaching into the previous one', () => {
    expect(recentRoundIds(proxyRoundId(2n, 2n), 5)).toEqual([proxyRoundId(2n, 1n), proxyRoundId(2n, 2n)]);
  });

  it('no round yet, or no count, reads nothing', () => {
    expect(recentRoundIds(0n, 10)).toEqual([]);
    expect(recentRoundIds(proxyRoundId(1n, 5n), 0)).toEqual([]);
    expect(recentRoundIds(proxyRoundId(1n, 5n), -3)).toEqual([]);
  });

  it('never reads more than MAX_HISTORY_ROUNDS', () => {
    expect(recentRoundIds(proxyRoundId(1n, 1_000n), 10_000)).toHaveLength(MAX_HISTORY_ROUNDS);
    expect(recentRoundIds(proxyRoundId(1n, 1_000n))).toHaveLength(MAX_HISTORY_ROUNDS);
  });

  it('property: consecutive ids of one phase ending at latest, min(count, rounds so far) of them', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 0xffffn }),
        fc.oneof(fc.bigInt({ min: 0n, max: 100n }), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n })),
        fc.integer({ min: 0, max: 200 }),
        (phase, agg, count) => {
          const latest = proxyRoundId(phase, agg);
          const ids = recentRoundIds(latest, count);
          const expected = agg < BigInt(Math.min(count, MAX_HISTORY_ROUNDS)) ? Number(agg) : Math.min(count, MAX_HISTORY_ROUNDS);
          expect(ids).toHaveLength(expected);
          ids.forEach((id, i) => {
            expect(phaseOf(id)).toBe(phase);
            expect(aggregatorRoundOf(id)).toBeGreaterThanOrEqual(1n);
            if (i > 0) expect(id).toBe(ids[i - 1]! + 1n);
          });
          if (ids.length > 0) expect(ids.at(-1)).toBe(latest);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('priceSeries', () => {
  it('sorts by time, converts with the feed decimals and drops rounds without a price or a time', () => {
    const rounds = [
      round(3n, 2_650n * USD + 5n * 10n ** 7n, 3_000n),
      round(1n, 3_000n * USD, 1_000n),
      round(4n, 0n, 4_000n), // no price
      round(5n, -1n, 5_000n), // negative
      round(2n, 2_690n * USD, 0n), // never updated
      round(6n, 2_780n * USD, 2_000n),
    ];
    expect(priceSeries(rounds, 8)).toEqual([
      { t: 1_000, price: 3_000 },
      { t: 2_000, price: 2_780 },
      { t: 3_000, price: 2_650.5 },
    ]);
  });

  it('orders rounds of the same second by round id', () => {
    const series = priceSeries([round(2n, 2n * USD, 100n), round(1n, 1n * USD, 100n)], 8);
    expect(series.map((p) => p.price)).toEqual([1, 2]);
  });

  it('does not change the rounds it was given', () => {
    const rounds = [round(2n, 2n * USD, 200n), round(1n, 1n * USD, 100n)];
    priceSeries(rounds, 8);
    expect(rounds.map((r) => r.updatedAt)).toEqual([200n, 100n]);
  });

  it('property: exactly the valid rounds, in time order, each within a float rounding of answer / 10^decimals', () => {
    const arbRound = fc.record({
      agg: fc.bigInt({ min: 1n, max: 1_000n }),
      answer: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 15n }),
      updatedAt: fc.bigInt({ min: 0n, max: 2_000_000_000n }),
    });
    fc.assert(
      fc.property(fc.array(arbRound, { maxLength: 80 }), fc.integer({ min: 0, max: 18 }), (raw, decimals) => {
        const rounds = raw.map((r) => round(r.agg, r.answer, r.updatedAt));
        const series = priceSeries(rounds, decimals);
        const valid = rounds.filter((r) => r.answer > 0n && r.updatedAt > 0n);
        expect(series).toHaveLength(valid.length);
        for (let i = 1; i < series.length; i++) expect(series[i]!.t).toBeGreaterThanOrEqual(series[i - 1]!.t);
        const byTime = [...valid].sort((a, b) => Number(a.updatedAt - b.updatedAt) || Number(a.roundId - b.roundId));
        series.forEach((p, i) => {
          expect(p.t).toBe(Number(byTime[i]!.updatedAt));
          const exact = Number(byTime[i]!.answer) / 10 ** decimals;
          expect(Math.abs(p.price - exact)).toBeLessThanOrEqual(exact * 1e-12);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('priceDomain', () => {
  const points: PricePoint[] = [
    { t: 1, price: 3_000 },
    { t: 2, price: 2_800 },
  ];

  it('pads the prices by 8 % of their span on each side', () => {
    const [lo, hi] = priceDomain(points);
    expect(lo).toBeCloseTo(2_784, 9);
    expect(hi).toBeCloseTo(3_016, 9);
  });

  it('stretches to a strike below every price and skips marks that are not numbers', () => {
    const [lo, hi] = priceDomain(points, [2_500, undefined, Number.NaN]);
    expect(lo).toBeCloseTo(2_460, 9);
    expect(hi).toBeCloseTo(3_040, 9);
  });

  it('opens a flat series (and an empty one) into a drawable range, never below 0', () => {
    expect(priceDomain([{ t: 1, price: 100 }])).toEqual([92, 108]);
    expect(priceDomain([])).toEqual([0, 1]);
    expect(priceDomain([], [0])).toEqual([0, 1]);
    expect(priceDomain([{ t: 1, price: 1 }], [1_000])[0]).toBe(0);
  });

  it('property: contains every price and the strike, with lo < hi and lo ≥ 0', () => {
    const price = fc.double({ min: 0, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(fc.array(price, { maxLength: 60 }), fc.option(price, { nil: undefined }), fc.option(price, { nil: undefined }), (prices, strike, spot) => {
        const [lo, hi] = priceDomain(
          prices.map((p, t) => ({ t, price: p })),
          [strike, spot],
        );
        expect(lo).toBeLessThan(hi);
        expect(lo).toBeGreaterThanOrEqual(0);
        for (const v of [...prices, strike, spot]) {
          if (v === undefined) continue;
          expect(v).toBeGreaterThanOrEqual(lo);
          expect(v).toBeLessThanOrEqual(hi);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('strikeInputFromPrice', () => {
  it('rounds to the nearest cent, either way', () => {
    expect(strikeInputFromPrice(2_431.256)).toBe('2431.26');
    expect(strikeInputFromPrice(2_431.254)).toBe('2431.25');
    expect(strikeInputFromPrice(2_500)).toBe('2500.00');
    expect(strikeInputFromPrice(0.004)).toBe('0.00');
  });

  it('gives nothing for a price that is not one', () => {
    expect(strikeInputFromPrice(-1)).toBeUndefined();
    expect(strikeInputFromPrice(Number.NaN)).toBeUndefined();
    expect(strikeInputFromPrice(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(strikeInputFromPrice(1e13)).toBeUndefined();
  });

  it('property: the text parses as the feed amount within half a cent of the price', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e13, maxExcluded: true, noNaN: true }), (price) => {
        const text = strikeInputFromPrice(price);
        expect(text).toMatch(/^\d+\.\d{2}$/);
        const parsed = parseAmount(text!, 8);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const cents = Number(parsed.value / 10n ** 6n);
        expect(parsed.value % 10n ** 6n).toBe(0n);
        // Half a cent, plus the float error of price × 100 at this magnitude.
        expect(Math.abs(cents - price * 100)).toBeLessThanOrEqual(0.5 + price * 100 * Number.EPSILON * 2);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('strikeLineValue', () => {
  it('draws a typed positive strike, nothing for empty, zero or bad text', () => {
    expect(strikeLineValue('2,500.5', 8)).toBe(2_500.5);
    expect(strikeLineValue('', 8)).toBeUndefined();
    expect(strikeLineValue('0', 8)).toBeUndefined();
    expect(strikeLineValue('abc', 8)).toBeUndefined();
    expect(strikeLineValue('-5', 8)).toBeUndefined();
    expect(strikeLineValue('1.123456789', 8)).toBeUndefined();
  });

  it('a picked strike draws where it was picked (to the cent)', () => {
    expect(strikeLineValue(strikeInputFromPrice(2_431.256)!, 8)).toBe(2_431.26);
  });
});

describe('timeAxisLabel', () => {
  const t = Date.UTC(2026, 4, 14, 14, 5) / 1000;
  it('dates over long spans, times over short ones (UTC)', () => {
    expect(timeAxisLabel(t, 14 * 86_400)).toBe('05-14');
    expect(timeAxisLabel(t, 3_600)).toBe('14:05');
  });
});

describe('formatChartPrice', () => {
  it('groups thousands and keeps at most cents', () => {
    expect(formatChartPrice(2431.256)).toBe('2,431.26');
    expect(formatChartPrice(2800)).toBe('2,800');
    expect(formatChartPrice(0.5)).toBe('0.5');
  });
});
