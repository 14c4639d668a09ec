import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PathRandom, wedge } from './random';

/** xoshiro128** straight from Blackman & Vigna's reference C, in BigInt (masked to 32 bits). */
function referenceXoshiro(state: [bigint, bigint, bigint, bigint], count: number): number[] {
  const M = 0xffffffffn;
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M;
  let [s0, s1, s2, s3] = state;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(Number((rotl((s1 * 5n) & M, 7n) * 9n) & M));
    const t = (s1 << 9n) & M;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11n);
  }
  return out;
}

describe('PathRandom', () => {
  it('is xoshiro128**: equal to the reference algorithm output for output (first value 11520 from state 1,2,3,4)', () => {
    const r = new PathRandom();
    r.s.set([1, 2, 3, 4]);
    const ours = Array.from({ length: 1000 }, () => r.nextInt32() >>> 0);
    const ref = referenceXoshiro([1n, 2n, 3n, 4n], 1000);
    expect(ours[0]).toBe(11520);
    expect(ours).toEqual(ref);
  });

  it('gives each (seed, path) its own stream, the same every time', () => {
    const r = new PathRandom();
    const draw = (seed: number, path: number) => {
      r.seedPath(seed, path);
      return [r.nextInt32(), r.nextInt32(), r.nextInt32()];
    };
    expect(draw(7, 12)).toEqual(draw(7, 12));
    expect(draw(7, 12)).not.toEqual(draw(7, 13));
    expect(draw(7, 12)).not.toEqual(draw(8, 12));
    // Neighbouring paths are not correlated: first outputs of 20,000 paths are uniform (χ² on 16 cells).
    const cells = new Array(16).fill(0);
    for (let p = 0; p < 20_000; p++) {
      r.seedPath(1, p);
      cells[(r.nextInt32() >>> 0) >>> 28]++;
    }
    const chi2 = cells.reduce((s, c) => s + (c - 1250) ** 2 / 1250, 0);
    expect(chi2).toBeLessThan(37.7); // 99.9 % quantile of χ²(15)
  });

  it('draws standard normals: mean 0, variance 1, tails as Φ says (10^6 draws)', () => {
    const r = new PathRandom();
    r.seedPath(42, 0);
    const n = 1_000_000;
    let sum = 0;
    let sumSq = 0;
    let beyond2 = 0;
    let beyond3 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) > 2) beyond2++;
      if (Math.abs(z) > 3.5) beyond3++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    // P(|Z| > 2) = 0.0455003, P(|Z| > 3.5) = 0.000465258 (the ziggurat's tail strip is exercised).
    expect(Math.abs(beyond2 / n - 0.0455003)).toBeLessThan(5 * Math.sqrt(0.0455 / n));
    expect(Math.abs(beyond3 / n - 0.000465258)).toBeLessThan(5 * Math.sqrt(0.000465 / n));
  });

  it('draws standard exponentials: mean 1, P(E > 8) = e^-8 (10^6 draws)', () => {
    const r = new PathRandom();
    r.seedPath(43, 0);
    const n = 1_000_000;
    let sum = 0;
    let beyond = 0;
    let negative = 0; // counted, not expect()ed per draw: a million expect calls took a minute
    for (let i = 0; i < n; i++) {
      const e = r.exponential();
      if (!(e >= 0)) negative++;
      sum += e;
      if (e > 8) beyond++;
    }
    expect(negative).toBe(0);
    expect(Math.abs(sum / n - 1)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(beyond / n - Math.exp(-8))).toBeLessThan(5 * Math.sqrt(Math.exp(-8) / n));
  });

  it('draws uniforms strictly inside (0, 1)', () => {
    const r = new PathRandom();
    r.s.set([0, 0, 0, 1]);
    for (let i = 0; i < 10_000; i++) {
      const u = r.uniform();
      expect(u > 0 && u < 1).toBe(true);
    }
  });

  it('decides a ziggurat wedge by a line only where the exact test agrees (property, both ziggurats, every layer)', () => {
    let decided = 0;
    let total = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('normal' as const, 'exponential' as const),
        fc.integer({ min: 1, max: 255 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (kind, layer, s, t) => {
          const i = kind === 'normal' ? 1 + (layer % 127) : layer;
          const w0 = wedge(kind, i, 0, 0);
          const x = w0.a + s * (w0.b - w0.a);
          const y = w0.fb + t * (w0.fa - w0.fb);
          const w = wedge(kind, i, x, y);
          total++;
          if (w.squeezed !== -1) {
            decided++;
            expect(w.squeezed === 1).toBe(w.exact);
          }
        },
      ),
      { numRuns: 20_000 },
    );
    // The lines decide most candidates (that is the point: Math.exp only for the rest).
    expect(decided / total).toBeGreaterThan(0.8);
  });
});
