import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passDown, passUp, sweep } from './levels';

const sorted = (xs: number[], direction: 'down' | 'up') => {
  const s = [...xs].sort((a, b) => (direction === 'down' ? b - a : a - b));
  return Float64Array.from([...s, direction === 'down' ? -Infinity : Infinity]);
};
const level = fc.double({ min: -2, max: 2, noNaN: true });

describe('a side’s merged sweep', () => {
  for (const direction of ['down', 'up'] as const) {
    it(`(${direction}) passes exactly the covers and positions each list alone would pass, for any extreme (property)`, () => {
      fc.assert(
        fc.property(
          fc.array(level, { maxLength: 40 }),
          fc.array(level, { maxLength: 40 }),
          fc.array(level, { minLength: 1, maxLength: 8 }),
          (c, p, extremes) => {
            const covers = sorted(c, direction);
            const positions = sorted(p, direction);
            const s = sweep(covers, positions, direction);
            const pass = direction === 'down' ? passDown : passUp;
            const beyond = (x: number, m: number) => (direction === 'down' ? x >= m : x <= m);
            // A running extreme only moves outward: the pointer never goes back.
            const ms = [...extremes].sort((a, b) => (direction === 'down' ? b - a : a - b));
            let at = 0;
            for (const m of ms) {
              at = pass(s, at, m);
              expect(s.covers[at]).toBe(c.filter((x) => beyond(x, m)).length);
              expect(s.positions[at]).toBe(p.filter((x) => beyond(x, m)).length);
            }
          },
        ),
        { numRuns: 500 },
      );
    });
  }
});
