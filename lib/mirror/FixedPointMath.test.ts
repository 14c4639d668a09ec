import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ContractRevert } from './evm';
import { expWad, isqrt, lnWad, sqrtWad } from './FixedPointMath';
import { absDiff, mathReference } from '../../scripts/testing/mathFixtures';
import { WAD } from './units';

const ref = mathReference();

describe('lnWad', () => {
  it('is within 1 wei of 50-digit mpmath on the fixture', () => {
    ref.lnIn.forEach((x, i) => expect(absDiff(lnWad(x), ref.lnOut[i]!)).toBeLessThanOrEqual(1n));
  });
  it('is exact at 1 and throws at or below 0', () => {
    expect(lnWad(WAD)).toBe(0n);
    expect(() => lnWad(0n)).toThrow(ContractRevert);
    expect(() => lnWad(-1n)).toThrow(/FixedPointMathLnUndefined/);
  });
  it('is monotone (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 255n) - 1n }), fc.bigInt({ min: 1n, max: (1n << 255n) - 1n }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(lnWad(lo) <= lnWad(hi)).toBe(true);
      }),
    );
  });
  it('agrees with Math.log to double precision (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 40n }), (x) => {
        expect(Math.abs(Number(lnWad(x)) / 1e18 - Math.log(Number(x) / 1e18))).toBeLessThan(1e-12);
      }),
    );
  });
});

describe('expWad', () => {
  it('is within 1 wei + 1e-20 relative of 50-digit mpmath on the fixture', () => {
    ref.expIn.forEach((x, i) => expect(absDiff(expWad(x), ref.expOut[i]!)).toBeLessThanOrEqual(ref.expOut[i]! / 10n ** 20n + 1n));
  });
  it('handles its edges', () => {
    expect(expWad(0n)).toBe(WAD);
    expect(expWad(-41_446_531_673_892_822_314n)).toBe(0n);
    expect(expWad(-(1n << 255n))).toBe(0n);
    expect(() => expWad(135n * WAD + 1n)).toThrow(/FixedPointMathExpOverflow/);
  });
  it('inverts lnWad (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 6n, max: 10n ** 36n }), (x) => {
        expect(absDiff(expWad(lnWad(x)), x)).toBeLessThanOrEqual(x / 10n ** 17n + 2n);
      }),
    );
  });
});

describe('sqrtWad', () => {
  it('is the exact floor (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: ((1n << 256n) - 1n) / WAD }), (x) => {
        const r = sqrtWad(x);
        expect(r * r <= x * WAD && (r + 1n) * (r + 1n) > x * WAD).toBe(true);
      }),
    );
  });
  it('throws where the contract reverts', () => {
    expect(() => sqrtWad(((1n << 256n) - 1n) / WAD + 1n)).toThrow(/FixedPointMathSqrtOverflow/);
    expect(isqrt(0n)).toBe(0n);
    expect(sqrtWad(2n * WAD)).toBe(1414213562373095048n);
  });
});
