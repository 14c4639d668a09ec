import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileBook } from './compile';
import { DEFAULT_PARAMS } from './model';
import { EXHAUSTED_JUNIOR, EXHAUSTED_SENIOR, PathWaterfall, SOCIALISED } from './pathWaterfall';
import { syntheticBook } from './testing/syntheticBook';

const K = 1_000_000_000; // 1,000 USDC in base units
const K_BIG = BigInt(K);

function waterfall(options: { exposureCap?: number; recapFill?: number; auctionOpenAtStart?: boolean } = {}) {
  // Junior 100k and Senior 160k, all free (no covers), no income: the caps are 50 % and 25 %.
  const book = syntheticBook({ covers: 0, positions: 0, junior: 100_000, senior: 160_000, incomePerDay: 0, exposureCap: options.exposureCap ?? 1_000_000 });
  if (options.auctionOpenAtStart) {
    // Left open by the venue before t = 0: 20k still to raise, for two more days, and able to mint only
    // 100k BKS (at the 0.5 USDC floor and a 50 % fill, 25k USDC: less than a new auction could raise).
    book.recapitalizer!.openAuction = {
      target: 30n * K_BIG,
      raised: 10n * K_BIG,
      mintCap: 100_000n * 10n ** 18n,
      minted: 0n,
      closesAt: book.timestamp + 2n * 86_400n,
    };
  }
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
  // The engine skips `reset` after a path that left `dirty` false (most paths: no loss event), so a
  // clean waterfall must be in exactly the state `reset` gives: whatever a path did, the next path must
  // split its losses as on a fresh waterfall — with an auction left open before t = 0, which a path with
  // no loss event of its own still settles at its end.
  it('after any path, resetting only when dirty leaves it as a fresh waterfall (property)', () => {
    const day = fc.integer({ min: 1, max: 5 });
    const loss = fc.integer({ min: 1, max: 150_000 }).map((a) => a * 1_000_000);
    const path = fc.array(fc.tuple(day, loss), { maxLength: 4 }).map((events) => events.sort((x, y) => x[0] - y[0]));
    fc.assert(
      fc.property(fc.boolean(), path, path, (auctionOpenAtStart, first, second) => {
        const reused = waterfall({ auctionOpenAtStart });
        for (const [d, amount] of first) reused.absorb(d, amount, 0, 0);
        reused.finish();
        if (reused.dirty) reused.reset();
        const fresh = waterfall({ auctionOpenAtStart });
        for (const wf of [reused, fresh]) {
          for (const [d, amount] of second) wf.absorb(d, amount, 0, 0);
          wf.finish();
        }
        for (const key of ['eligible', 'overExposure', 'recapAccepted', 'recapRaised', 'socialised', 'exposureUsed', 'flags'] as const)
          expect([key, reused[key]]).toEqual([key, fresh[key]]);
        expect(Array.from(reused.draws)).toEqual(Array.from(fresh.draws));
        expect([reused.window, reused.prev, reused.curr]).toEqual([fresh.window, fresh.prev, fresh.curr]);
      }),
      { numRuns: 300 },
    );
  });
});
