import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceAxis, roundAxisTicks, tickLabel } from './axisTicks';

const DAY = 86_400;
const T0 = Date.UTC(2026, 4, 14) / 1000; // 2026-05-14 00:00 UTC

/** The step's mantissa: 1, 2 or 5 for a round-number step. */
function mantissaOf(step: number): number {
  const exponent = Math.floor(Math.log10(step));
  return Number((step / 10 ** exponent).toPrecision(12));
}

describe('niceAxis', () => {
  it('a price range gets round hundreds, ends widened to whole steps', () => {
    expect(niceAxis(2_412.7, 2_861.3, 6)).toEqual({ domain: [2_400, 2_900], ticks: [2_400, 2_500, 2_600, 2_700, 2_800, 2_900], step: 100, decimals: 0 });
  });

  it('picks the smallest of 1, 2, 5 × 10^k that fits maxTicks', () => {
    expect(niceAxis(0, 10, 6).step).toBe(2);
    expect(niceAxis(0, 10, 11).step).toBe(1);
    expect(niceAxis(0, 10, 3).step).toBe(5);
    expect(niceAxis(0, 10, 3).step).toBe(5);
    expect(niceAxis(-3, 8, 3)).toEqual({ domain: [-10, 10], ticks: [-10, 0, 10], step: 10, decimals: 0 });
  });

  it('small steps keep exact decimals (no 0.30000000000000004)', () => {
    const axis = niceAxis(0.12, 0.38, 4);
    expect(axis.ticks).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(axis.decimals).toBe(1);
    expect(niceAxis(1.0003, 1.0011, 5).ticks).toEqual([1, 1.0005, 1.001, 1.0015]);
  });

  it('a collapsed range is widened around the value; a non-negative range stays non-negative', () => {
    const axis = niceAxis(2_800, 2_800);
    expect(axis.domain[0]).toBeLessThan(2_800);
    expect(axis.domain[1]).toBeGreaterThan(2_800);
    expect(niceAxis(0, 0).domain[0]).toBe(0);
    expect(niceAxis(0.3, 7).domain[0]).toBe(0);
  });

  it('reversed bounds are read in order; non-finite bounds and too few ticks are refused', () => {
    expect(niceAxis(10, 0, 6)).toEqual(niceAxis(0, 10, 6));
    expect(() => niceAxis(Number.NaN, 1)).toThrow(RangeError);
    expect(() => niceAxis(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => niceAxis(0, 1, 2)).toThrow(RangeError); // across zero, two ticks cannot cover both sides
  });

  it('property: ticks are whole multiples of a 1/2/5 step, cover the range, at most maxTicks, at least two', () => {
    const bound = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(bound, bound, fc.integer({ min: 3, max: 12 }), (x, y, maxTicks) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const { domain, ticks, step, decimals } = niceAxis(lo, hi, maxTicks);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(maxTicks);
        expect(domain).toEqual([ticks[0], ticks.at(-1)]);
        expect(domain[0]).toBeLessThanOrEqual(lo);
        expect(domain[1]).toBeGreaterThanOrEqual(hi);
        if (lo >= 0) expect(domain[0]).toBeGreaterThanOrEqual(0);
        expect([1, 2, 5]).toContain(mantissaOf(step));
        for (let i = 0; i < ticks.length; i++) {
          const units = ticks[i]! / step;
          expect(Math.abs(units - Math.round(units))).toBeLessThan(1e-6);
          if (i > 0) expect((ticks[i]! - ticks[i - 1]!) / step).toBeCloseTo(1, 6);
          // The decimals the step has are enough to print every tick exactly.
          expect(Number(ticks[i]!.toFixed(decimals))).toBeCloseTo(ticks[i]!, 9);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('property: the step is the smallest round step that fits (the next smaller one needs more than maxTicks)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.integer({ min: 3, max: 10 }),
        (lo, span, maxTicks) => {
          const { step } = niceAxis(lo, lo + span, maxTicks);
          const m = mantissaOf(step);
          const smaller = m === 1 ? step / 2 : m === 2 ? step / 2 : (step * 2) / 5;
          // Whole steps of the smaller size around [lo, hi], each end checked exactly as niceAxis does.
          let first = Math.floor(lo / smaller);
          let last = Math.ceil((lo + span) / smaller);
          if (first * smaller > lo) first--;
          if (last * smaller < lo + span) last++;
          const count = last - first + 1;
          expect(count).toBeGreaterThan(maxTicks);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('tickLabel', () => {
  it('groups thousands and prints exactly the step’s decimals', () => {
    expect(tickLabel(2_400, 0)).toBe('2,400');
    expect(tickLabel(0.3, 1)).toBe('0.3');
    expect(tickLabel(1.001, 4)).toBe('1.0010');
  });
});

describe('roundAxisTicks', () => {
  it('spreads labels evenly by index, first and last included', () => {
    const times = Array.from({ length: 10 }, (_, i) => T0 + i * 60);
    expect(roundAxisTicks(times, 4).map((t) => t.index)).toEqual([0, 3, 6, 9]);
  });

  it('dates where the day changes, times within a day: the seeded days then the keeper’s minutes', () => {
    // Five daily rounds, then five a minute apart on the last day (the squeeze a time axis would draw).
    const times = [0, 1, 2, 3, 4].map((d) => T0 + d * DAY + 12 * 3_600).concat([1, 2, 3, 4, 5].map((m) => T0 + 4 * DAY + 14 * 3_600 + m * 60));
    expect(roundAxisTicks(times, 4)).toEqual([
      { index: 0, label: '05-14' },
      { index: 3, label: '05-17' },
      { index: 6, label: '05-18' },
      { index: 9, label: '14:05' },
    ]);
  });

  it('more labels than points gives one per point; none for none', () => {
    expect(roundAxisTicks([T0, T0 + 60], 5).map((t) => t.index)).toEqual([0, 1]);
    expect(roundAxisTicks([], 4)).toEqual([]);
    expect(roundAxisTicks([T0], 4)).toEqual([{ index: 0, label: '05-14' }]);
  });

  it('property: indices strictly increase from 0 to the last point, at most count of them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4e9 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 10 }), (raw, count) => {
        const times = [...raw].sort((a, b) => a - b);
        const ticks = roundAxisTicks(times, count);
        expect(ticks.length).toBeLessThanOrEqual(count);
        expect(ticks.at(-1)!.index).toBe(times.length - 1);
        if (count > 1) expect(ticks[0]!.index).toBe(0);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.index).toBeGreaterThan(ticks[i - 1]!.index);
        for (const t of ticks) expect(t.label).toMatch(/^(\d\d-\d\d|\d\d:\d\d)$/);
      }),
      { numRuns: 500 },
    );
  });
});
