import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { esInterval, expectedShortfall, histogram, meanAndError, valueAtRisk, varInterval } from './estimators';

const sortedSample = fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 400 }).map((a) => Float64Array.from(a).sort());
const alpha = fc.double({ min: 0.5, max: 0.999, noNaN: true });

describe('VaR and ES on fixed samples (textbook definitions)', () => {
  // Losses 1..20: VaR_α = L(⌈20α⌉); ES_α = [(k/n − α)·L(k) + Σ_{i>k} L(i)/n]/(1 − α).
  const sample = Float64Array.from({ length: 20 }, (_, i) => i + 1);

  it('VaR_0.95 of 1..20 is the 19th value, ES_0.95 the mean of the top 5 %', () => {
    expect(valueAtRisk(sample, 0.95)).toBe(19);
    // k = 19, k/n − α = 0: ES = (20/20)/0.05 = 20.
    expect(expectedShortfall(sample, 0.95)).toBeCloseTo(20, 12);
  });

  it('VaR_0.9 is the 18th value and ES_0.9 averages 19 and 20', () => {
    expect(valueAtRisk(sample, 0.9)).toBe(18);
    expect(expectedShortfall(sample, 0.9)).toBeCloseTo(19.5, 12);
  });

  it('handles α between order statistics: VaR_0.93 = L(19), ES = [(0.95 − 0.93)·19 + 20/20]/0.07', () => {
    expect(valueAtRisk(sample, 0.93)).toBe(19);
    expect(expectedShortfall(sample, 0.93)).toBeCloseTo((0.02 * 19 + 1) / 0.07, 12);
  });

  it('ES equals the integral of the quantile function (numerical check on a skewed sample)', () => {
    const skewed = Float64Array.from([0, 0, 0, 0, 0, 0, 1, 3, 7, 50]).sort();
    for (const a of [0.5, 0.75, 0.8, 0.9, 0.95]) {
      // ∫_α^1 q(u) du by a fine Riemann sum of the empirical quantile q(u) = L(⌈nu⌉).
      const steps = 200_000;
      let integral = 0;
      for (let s = 0; s < steps; s++) {
        const u = a + ((s + 0.5) * (1 - a)) / steps;
        integral += skewed[Math.ceil(skewed.length * u) - 1]! * ((1 - a) / steps);
      }
      expect(expectedShortfall(skewed, a)).toBeCloseTo(integral / (1 - a), 3);
    }
  });

  it('a constant loss has VaR = ES = that loss and a zero-width ES interval', () => {
    const flat = new Float64Array(1000).fill(5);
    expect(valueAtRisk(flat, 0.99)).toBe(5);
    expect(expectedShortfall(flat, 0.99)).toBe(5);
    expect(esInterval(flat, 0.99)).toEqual({ lo: 5, hi: 5 });
  });

  it('the mean and its standard error are the textbook ones', () => {
    const { mean, stdErr } = meanAndError([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(mean).toBe(5);
    expect(stdErr).toBeCloseTo(Math.sqrt(32 / 7 / 8), 12);
  });
});

describe('estimator properties (fast-check)', () => {
  it('VaR is monotone in the confidence level', () => {
    fc.assert(
      fc.property(sortedSample, alpha, alpha, (s, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(valueAtRisk(s, lo)).toBeLessThanOrEqual(valueAtRisk(s, hi));
        expect(expectedShortfall(s, lo)).toBeLessThanOrEqual(expectedShortfall(s, hi) * (1 + 1e-12) + 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('ES ≥ VaR at every level, and both lie within the sample', () => {
    fc.assert(
      fc.property(sortedSample, alpha, (s, a) => {
        const v = valueAtRisk(s, a);
        const e = expectedShortfall(s, a);
        expect(e).toBeGreaterThanOrEqual(v);
        expect(v).toBeGreaterThanOrEqual(s[0]!);
        expect(e).toBeLessThanOrEqual(s[s.length - 1]! * (1 + 1e-12));
      }),
      { numRuns: 500 },
    );
  });

  it('the intervals bracket the estimates', () => {
    fc.assert(
      fc.property(sortedSample, alpha, (s, a) => {
        const v = varInterval(s, a);
        expect(v.lo).toBeLessThanOrEqual(valueAtRisk(s, a));
        expect(v.hi).toBeGreaterThanOrEqual(valueAtRisk(s, a));
        const e = esInterval(s, a);
        expect(e.lo).toBeLessThanOrEqual(expectedShortfall(s, a) + 1e-6);
        expect(e.hi).toBeGreaterThanOrEqual(expectedShortfall(s, a) - 1e-6);
      }),
      { numRuns: 500 },
    );
  });

  it('the VaR interval covers the true quantile about 95 % of the time (uniform losses)', () => {
    // 400 samples of 2,000 U(0,1) losses: q_0.95 = 0.95; coverage should be near 95 % (binomial noise ±2.2 %).
    let covered = 0;
    let seed = 1;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let t = 0; t < 400; t++) {
      const s = Float64Array.from({ length: 2000 }, next).sort();
      const { lo, hi } = varInterval(s, 0.95);
      if (lo <= 0.95 && 0.95 <= hi) covered++;
    }
    expect(covered / 400).toBeGreaterThan(0.9);
  });

  it('the histogram accounts for every path: zero share + bar shares = 1', () => {
    fc.assert(
      fc.property(sortedSample, (s) => {
        const h = histogram(s, 20);
        const total = h.zeroShare + h.shares.reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(1, 9);
      }),
      { numRuns: 200 },
    );
  });
});
