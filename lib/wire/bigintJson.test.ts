import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBigintJson, toBigintJson } from './bigintJson';

// A JSON-like value that may hold bigints anywhere (what the history queries and the risk book hold: bigints,
// strings, numbers, booleans and nulls, in arrays and objects).
const wireValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.bigInt(),
    fc.string(),
    fc.integer().map((n) => n + 0), // JSON has no -0
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

describe('bigintJson', () => {
  it('round-trips every bigint as a bigint, and everything else unchanged', () => {
    fc.assert(
      fc.property(wireValue, (value) => {
        expect(fromBigintJson(toBigintJson(value))).toEqual(value);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps bigints beyond 2^53 exact', () => {
    const big = 2n ** 255n - 1n;
    expect(fromBigintJson<{ assets: bigint }[]>(toBigintJson([{ assets: big }]))[0]!.assets).toBe(big);
  });

  it('leaves an object that only looks like a tag (not decimal digits) alone', () => {
    expect(fromBigintJson(JSON.stringify({ $bigint: '12a' }))).toEqual({ $bigint: '12a' });
  });
});
