import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { touchProbability } from '../mirror/TouchProbability';
import { coverOutlook, type CoverOutlookInput } from './coverOutlook';

const WAD = 10n ** 18n;
const DAY = 86_400n;
const base: CoverOutlookInput = {
  direction: 'Down',
  spot: 3_000n * 10n ** 8n,
  strike: 2_400n * 10n ** 8n,
  sigma: (8n * WAD) / 10n,
  now: 1_000n * DAY,
  start: 999n * DAY,
  end: 1_006n * DAY,
  activationDelay: 3_600n,
};

describe('coverOutlook', () => {
  it('a long’s cover 20 % below the price: −20 % to go, P(touch) from the twin over the 6 days left', () => {
    const o = coverOutlook(base);
    expect(o.distanceBps).toBe(-2_000n);
    expect(o.remaining).toBe(6n * DAY);
    expect(o.pTouch).toBe(touchProbability(base.spot, base.strike, base.sigma, 6n * DAY));
    expect(o.pTouch! > 0n && o.pTouch! < WAD).toBe(true);
  });

  it('counts the term only from the activation delay, and nothing after the end', () => {
    expect(coverOutlook({ ...base, start: base.now, activationDelay: DAY }).remaining).toBe(5n * DAY);
    expect(coverOutlook({ ...base, now: base.end + 1n })).toMatchObject({ remaining: 0n, pTouch: 0n });
  });

  it('a short’s cover above the price moves up; at or beyond the strike it is certain with nothing to go', () => {
    expect(coverOutlook({ ...base, direction: 'Up', strike: 3_300n * 10n ** 8n }).distanceBps).toBe(1_000n);
    expect(coverOutlook({ ...base, spot: base.strike })).toMatchObject({ distanceBps: 0n, pTouch: WAD });
    expect(coverOutlook({ ...base, direction: 'Up', strike: 2_900n * 10n ** 8n })).toMatchObject({ distanceBps: 0n, pTouch: WAD });
  });

  it('is a probability, rises as the strike nears and as time remains (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 9_999n }),
        fc.bigInt({ min: 1n, max: 9_999n }),
        fc.bigInt({ min: 1n, max: 60n * DAY }),
        fc.bigInt({ min: WAD / 100n, max: 3n * WAD }),
        (farBps, nearBps, left, sigma) => {
          const [far, near] = farBps > nearBps ? [farBps, nearBps] : [nearBps, farBps];
          const at = (bps: bigint, secs: bigint) =>
            coverOutlook({ ...base, sigma, strike: (base.spot * (10_000n - bps)) / 10_000n, start: 0n, activationDelay: 0n, end: base.now + secs }).pTouch!;
          const p = at(far, left);
          expect(p >= 0n && p <= WAD).toBe(true);
          expect(at(near, left)).toBeGreaterThanOrEqual(p);
          expect(at(far, left + DAY)).toBeGreaterThanOrEqual(p);
        },
      ),
      { numRuns: 300 },
    );
  });
});
