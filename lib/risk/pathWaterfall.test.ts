import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileBook } from './compile';
import { DEFAULT_PARAMS } from './model';
import { EXHAUSTED_JUNIOR, EXHAUSTED_SENIOR, PathWaterfall, SOCIALISED } from './pathWaterfall';
import { syntheticBook } from './testing/syntheticBook';

const K = 1_000_000_000; // 1,000 USDC in base units

function waterfall(options: { exposureCap?: number; recapFill?: number } = {}) {
  // Junior 100k and Senior 160k, all free (no covers), no income: the caps are 50 % and 25 %.
  const book = syntheticBook({ covers: 0, positions: 0, junior: 100_000, senior: 160_000, incomePerDay: 0, exposureCap: options.exposureCap ?? 1_000_000 });
  const wf = new PathWaterfall(compileBook(book, { ...DEFAULT_PARAMS, recapFill: options.recapFill ?? 0.5 }));
  wf.reset();
  return wf;
}

describe('PathWaterfall: ShortfallWaterfall and the Recapitalizer on one path, through the exact twins', () => {
  it('splits Junior first up to 50 % of its free capital, then Senior up to 25 %, then the auction', () => {
    const wf = waterfall();
    wf.absorb(1, 80 * K, 0, 0);
    expect([wf.draws[0], wf.draws[1]]).toEqual([50 * K, 30 * K]);
    // Same window: Junior's cap is used up (free 50k + used 50k → cap 50k); Senior has 40k − 30k left.
    wf.absorb(1, 80 * K, 0, 0);
    expect([wf.draws[0], wf.draws[1]]).toEqual([50 * K, 40 * K]);
    expect(wf.recapAccepted).toBe(70 * K);
    expect(wf.flags & (EXHAUSTED_JUNIOR | EXHAUSTED_SENIOR)).toBe(EXHAUSTED_JUNIOR | EXHAUSTED_SENIOR);
    wf.finish();
    // The auction can raise 5 % of 100M BKS at the 0.5 USDC floor × 50 % fill = 1.25M: all 70k.
    expect(wf.recapRaised).toBe(70 * K);
    expect(wf.socialised).toBe(0);
  });

  it('counts a draw against the layer for 24–48 h (the two-bucket window), then frees it', () => {
    const wf = waterfall();
    wf.absorb(1, 50 * K, 0, 0); // Junior pays 50k on day D+1
    wf.absorb(2, 10 * K, 0, 0); // day D+2: last window's 50k still counts → Junior cap 50k, used 50k
    expect(wf.draws[0]).toBe(50 * K);
    expect(wf.draws[1]).toBe(10 * K);
    wf.absorb(3, 10 * K, 0, 0); // day D+3: the window is empty; Junior (50k free) may pay 25k
    expect(wf.draws[0]).toBe(60 * K);
  });

  it('returns what is beyond the venue exposure cap to the venue (socialised) without touching the pools', () => {
    const wf = waterfall({ exposureCap: 30_000 });
    wf.absorb(1, 50 * K, 0, 0);
    expect(wf.draws[0]).toBe(30 * K);
    expect(wf.eligible).toBe(30 * K);
    wf.finish();
    expect(wf.socialised).toBe(20 * K);
    expect(wf.flags & SOCIALISED).toBe(SOCIALISED);
  });

  it('socialises what the auction cannot raise (fill 0)', () => {
    const wf = waterfall({ recapFill: 0 });
    wf.absorb(1, 200 * K, 0, 0);
    wf.finish();
    expect(wf.draws[0]! + wf.draws[1]!).toBe(90 * K);
    expect(wf.recapRaised).toBe(0);
    expect(wf.socialised).toBe(110 * K);
  });

  it('a spent cover lock never comes back as free capital', () => {
    const wf = waterfall();
    wf.absorb(1, 100 * K, 60 * K, 0); // Junior's free capital is 100k − 60k: cap 20k
    expect(wf.draws[0]).toBe(20 * K);
  });

  it("reporting a step's shortfalls one by one or as their sum splits identically (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 120_000 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 5 }), (amounts, boundary) => {
        const one = waterfall();
        const many = waterfall();
        one.absorb(boundary, amounts.reduce((s, a) => s + a, 0) * 1_000_000, 0, 0);
        for (const a of amounts) many.absorb(boundary, a * 1_000_000, 0, 0);
        one.finish();
        many.finish();
        for (const key of ['eligible', 'recapAccepted', 'recapRaised', 'socialised', 'exposureUsed'] as const) expect(many[key]).toBe(one[key]);
        expect(Array.from(many.draws)).toEqual(Array.from(one.draws));
        expect(Array.from(many.curr)).toEqual(Array.from(one.curr));
      }),
      { numRuns: 300 },
    );
  });
});
