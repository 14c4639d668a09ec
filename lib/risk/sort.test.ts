import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortedAscending } from './sort';

const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe('sortedAscending', () => {
  it('orders exactly as Float64Array.prototype.sort, negatives, ±0, ±∞ and ties included, and leaves its input alone (property)', () => {
    const value = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, Infinity, -Infinity, 1, 1e6), fc.integer({ min: 0, max: 2 ** 40 }).map(Number));
    fc.assert(
      fc.property(fc.array(value, { minLength: 4_096, maxLength: 6_000 }), (xs) => {
        const input = Float64Array.from(xs);
        const before = input.slice();
        expect(same(sortedAscending(input), input.slice().sort())).toBe(true);
        expect(same(input, before)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('sorts a run-sized sample of losses (mostly zeros, integer base units) as the comparison sort does', () => {
    const n = 100_000;
    const losses = new Float64Array(n);
    for (let i = 0; i < n; i++) losses[i] = i % 3 === 0 ? 0 : Math.floor(((i * 2_654_435_761) % 4_294_967_296) * 1_000);
    expect(same(sortedAscending(losses), losses.slice().sort())).toBe(true);
  });
});
