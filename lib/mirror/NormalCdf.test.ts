import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalCdf } from './NormalCdf';
import { absDiff, mathReference, phiDouble } from '../../scripts/testing/mathFixtures';
import { WAD } from './units';

const ref = mathReference();

describe('normalCdf (Φ)', () => {
  it('is within 1e-12 of 50-digit mpmath over the whole domain (measured: ≤ 2 wei)', () => {
    let worst = 0n;
    ref.cdfIn.forEach((x, i) => {
      const e = absDiff(normalCdf(x), ref.cdfOut[i]!);
      if (e > worst) worst = e;
    });
    expect(worst).toBeLessThanOrEqual(10n ** 6n);
    expect(worst).toBeLessThanOrEqual(3n);
  });
  it('saturates in the tails and is exactly ½ at 0', () => {
    expect(normalCdf(0n)).toBe(WAD / 2n);
    expect(normalCdf(-9n * WAD)).toBe(0n);
    expect(normalCdf(9n * WAD)).toBe(WAD);
    expect(normalCdf(-(1n << 255n))).toBe(0n);
    expect(normalCdf((1n << 255n) - 1n)).toBe(WAD);
  });
  it('is symmetric and within [0, 1] (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -12n * WAD, max: 12n * WAD }), (x) => {
        const p = normalCdf(x);
        expect(p >= 0n && p <= WAD).toBe(true);
        expect(absDiff(p + normalCdf(-x), WAD)).toBeLessThanOrEqual(2n);
      }),
    );
  });
  it('agrees with a double-precision Φ (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => {
        const wad = BigInt(Math.round(x * 1e6)) * 10n ** 12n;
        expect(Math.abs(Number(normalCdf(wad)) / 1e18 - phiDouble(Number(wad) / 1e18))).toBeLessThan(1e-13);
      }),
    );
  });
});
