import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WAD } from '@/lib/mirror/units';
import { averageMarkupUp, markupDown, markupIntegralDown, MAX_TOTAL_ASSETS, type Pricing } from './CoverPricing';

const P: Pricing = { baseMarkup: 12n * 10n ** 17n, slope: 5n * 10n ** 17n, steepSlope: 5n * WAD, kink: 8n * 10n ** 17n, minRate: 5n * 10n ** 15n };

describe('markupDown curve (same points as the forge test)', () => {
  it('base, below, at and above the kink', () => {
    expect(markupDown(0n, P)).toBe(12n * 10n ** 17n);
    expect(markupDown(5n * 10n ** 17n, P)).toBe(145n * 10n ** 16n);
    expect(markupDown(8n * 10n ** 17n, P)).toBe(16n * 10n ** 17n);
    expect(markupDown(9n * 10n ** 17n, P)).toBe(21n * 10n ** 17n);
    expect(markupDown(WAD, P)).toBe(26n * 10n ** 17n);
  });

  it('area under the whole curve is 1.54 × TA, the last 10 % averages 2.35', () => {
    const ta = 1_000_000_000_000n;
    expect(markupIntegralDown(ta, ta, P)).toBe(154n * 10n ** 16n * ta);
    expect(averageMarkupUp(0n, ta, ta, P)).toBe(154n * 10n ** 16n);
    expect(averageMarkupUp((ta * 9n) / 10n, ta / 10n, ta, P)).toBe(235n * 10n ** 16n);
  });

  it('throws where the contract reverts', () => {
    expect(() => markupIntegralDown(2n, 1n, P)).toThrow(/^CoverPricingOutOfDomain\(/);
    expect(() => markupIntegralDown(0n, 0n, P)).toThrow(/^CoverPricingOutOfDomain\(/);
    expect(() => markupIntegralDown(1n, MAX_TOTAL_ASSETS + 1n, P)).toThrow(/^CoverPricingOutOfDomain\(/);
    expect(() => markupDown(MAX_TOTAL_ASSETS + 1n, P)).toThrow(/^CoverPricingOutOfDomain\(/);
    expect(() => averageMarkupUp(0n, 0n, 10n, P)).toThrow(/^CoverPricingOutOfDomain\(/);
    expect(() => markupDown(0n, { ...P, slope: 1n << 64n })).toThrow(RangeError);
  });

  it('A is non-decreasing and its slope lies between the curve at both ends', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 7n, max: MAX_TOTAL_ASSETS }), fc.bigInt({ min: 0n, max: WAD }), fc.bigInt({ min: 0n, max: WAD }), (ta, f1, f2) => {
        const [lo, hi] = f1 < f2 ? [f1, f2] : [f2, f1];
        const x1 = (ta * lo) / WAD;
        const x2 = (ta * hi) / WAD;
        const a1 = markupIntegralDown(x1, ta, P);
        const a2 = markupIntegralDown(x2, ta, P);
        expect(a2).toBeGreaterThanOrEqual(a1);
        if (x2 > x1) {
          const dx = x2 - x1;
          const slack = 4n * 20n * WAD + (markupDown(WAD, P) * dx) / 10n ** 6n;
          expect(a2 - a1 + slack).toBeGreaterThanOrEqual(markupDown((x1 * WAD) / ta, P) * dx);
          expect(a2 - a1).toBeLessThanOrEqual(markupDown((x2 * WAD + ta - 1n) / ta, P) * dx + slack);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
