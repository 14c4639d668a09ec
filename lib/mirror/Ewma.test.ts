import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lnWad, sqrtWad } from './FixedPointMath';
import { priceSeries } from '../../scripts/testing/mathFixtures';
import { ewmaUpdate } from './Ewma';
import { ContractRevert } from './evm';
import { WAD, DAY, YEAR } from './units';

describe('ewmaUpdate', () => {
  it('follows the double-precision reference EWMA on the recorded series within 1e-9 relative', () => {
    const { initialSigma, answers, timestamps, referenceSigma } = priceSeries();
    let variance = (initialSigma * initialSigma) / WAD;
    let worst = 0;
    for (let i = 1; i < answers.length; i++) {
      variance = ewmaUpdate(variance, lnWad(answers[i]!) - lnWad(answers[i - 1]!), timestamps[i]! - timestamps[i - 1]!);
      const s = Number(sqrtWad(variance));
      const r = Number(referenceSigma[i - 1]!);
      worst = Math.max(worst, Math.abs(s - r) / r);
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('weights one day at λ = 0.94 and annualises by dt', () => {
    // A zero return over a day: variance × 0.94 (rounded up).
    expect(absDiff(ewmaUpdate(WAD, 0n, DAY), 94n * 10n ** 16n)).toBeLessThanOrEqual(1n);
    // Starting from 0, a 1 % return over a year: (1 − 0.94^365)·1e-4 = 1e-4 − 1.55e-14.
    expect(absDiff(ewmaUpdate(0n, 10n ** 16n, YEAR), 10n ** 14n - 15_547n)).toBeLessThanOrEqual(2n);
  });

  it('throws where the contract reverts', () => {
    expect(() => ewmaUpdate(WAD, 0n, 0n)).toThrow(ContractRevert);
    expect(() => ewmaUpdate(WAD, 0n, 0n)).toThrow('EwmaZeroInterval');
    expect(() => ewmaUpdate(10n ** 36n + 1n, 0n, 1n)).toThrow(/EwmaOutOfDomain/);
    expect(() => ewmaUpdate(0n, -(1n << 255n), 1n)).toThrow(/Panic/);
  });

  it('stays between the old variance and the sample (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 20n }),
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.bigInt({ min: 1n, max: 30n * DAY }),
        (v, r, dt) => {
          const out = ewmaUpdate(v, r, dt);
          const sample = (r * r * YEAR + dt * WAD - 1n) / (dt * WAD);
          const lo = v < sample ? v : sample;
          const hi = v < sample ? sample : v;
          expect(out >= lo && out <= hi + 1n).toBe(true);
        },
      ),
    );
  });

  it('does not care how a quiet interval is split (time scaling)', () => {
    // Two zero-return half-days decay like one zero-return day, to a few wei.
    const v = 4n * 10n ** 17n;
    const split = ewmaUpdate(ewmaUpdate(v, 0n, DAY / 2n), 0n, DAY / 2n);
    expect(absDiff(split, ewmaUpdate(v, 0n, DAY))).toBeLessThanOrEqual(3n);
  });
});

const absDiff = (a: bigint, b: bigint) => (a > b ? a - b : b - a);
