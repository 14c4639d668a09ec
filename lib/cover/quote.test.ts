// Properties of the premium (fast-check): bounded by the payout, monotone in σ and in the closeness of
// the strike, never cheaper when split; and the market-level checks of quoteCover.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WAD } from '@/lib/math/fixedPointMath';
import { MAX_TOTAL_ASSETS, type Pricing } from './markup';
import { CoverMarketError, premiumUp, quote, quoteCover, YEAR, type ProductTerms } from './quote';

const P: Pricing = { baseMarkup: 12n * 10n ** 17n, slope: 5n * 10n ** 17n, steepSlope: 5n * WAD, kink: 8n * 10n ** 17n, minRate: 5n * 10n ** 15n };

/** Pricing inside CoverMarket's governance bounds. */
const pricing: fc.Arbitrary<Pricing> = fc
  .record({
    baseMarkup: fc.bigInt({ min: WAD, max: 3n * WAD }),
    slope: fc.bigInt({ min: 0n, max: 2n * WAD }),
    extra: fc.bigInt({ min: 0n, max: 8n * WAD }),
    kink: fc.bigInt({ min: WAD / 10n, max: (95n * WAD) / 100n }),
    minRate: fc.bigInt({ min: WAD / 10_000n, max: WAD }),
  })
  .map(({ extra, ...p }) => ({ ...p, steepSlope: p.slope + extra }));

/** A pool state and a cover that fits in it. */
const fitting = fc
  .tuple(fc.bigInt({ min: 2n, max: MAX_TOTAL_ASSETS }), fc.bigInt({ min: 0n, max: WAD }), fc.bigInt({ min: 1n, max: WAD }))
  .map(([ta, lf, pf]) => {
    const locked = (ta * lf) / WAD;
    const room = ta - locked;
    return { ta, locked: locked === ta ? ta - 1n : locked, payout: 1n + ((room === 0n ? 0n : room - 1n) * pf) / WAD };
  });

describe('premiumUp properties', () => {
  it('0 < premium ≤ payout, and never below the fair price of the touch', () => {
    fc.assert(
      fc.property(fitting, fc.bigInt({ min: 0n, max: WAD }), fc.bigInt({ min: 1n, max: 100n * YEAR }), pricing, ({ ta, locked, payout }, pTouch, duration, p) => {
        const prem = premiumUp(payout, pTouch, locked, ta, duration, p);
        expect(prem).toBeGreaterThanOrEqual(1n);
        expect(prem).toBeLessThanOrEqual(payout);
        const fair = (payout * pTouch) / WAD;
        expect(prem).toBeGreaterThanOrEqual(fair < payout ? fair : payout);
      }),
      { numRuns: 5_000 },
    );
  });

  it('splitting a cover into pieces bought back to back is never cheaper (when every piece sells)', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fitting,
        fc.bigInt({ min: 0n, max: WAD }),
        fc.bigInt({ min: 1n, max: YEAR }),
        pricing,
        fc.array(fc.bigInt({ min: 1n, max: WAD }), { minLength: 1, maxLength: 7 }),
        ({ ta, locked, payout }, pTouch, duration, p, cuts) => {
          const whole = premiumUp(payout, pTouch, locked, ta, duration, p);
          let left = payout;
          let l = locked;
          let sum = 0n;
          let sellable = true;
          for (const [i, cut] of [...cuts, WAD].entries()) {
            if (left === 0n) break;
            const piece = i === cuts.length ? left : 1n + ((left - 1n) * cut) / WAD;
            const prem = premiumUp(piece, pTouch, l, ta, duration, p);
            if (prem >= piece) sellable = false;
            sum += prem;
            l += piece;
            left -= piece;
          }
          if (sellable) {
            checked++;
            expect(whole).toBeLessThan(payout); // the whole sells too
            expect(sum).toBeGreaterThanOrEqual(whole);
          }
        },
      ),
      { numRuns: 5_000 },
    );
    expect(checked).toBeGreaterThan(1_000); // the property was exercised, not vacuously true
  });
});

describe('quote properties (touchProbability × markup)', () => {
  const market = fc.record({
    spot: fc.bigInt({ min: 10n ** 6n, max: 10n ** 24n }),
    duration: fc.bigInt({ min: 3_600n, max: YEAR }),
    payout: fc.bigInt({ min: 1_000_000n, max: 1_000_000_000_000n }),
    lockedFraction: fc.bigInt({ min: 0n, max: 9n * 10n ** 17n }),
    up: fc.boolean(),
  });
  const TA = 10_000_000_000_000n;

  it('is monotone in σ', () => {
    fc.assert(
      fc.property(market, fc.bigInt({ min: 10n ** 15n, max: 95n * 10n ** 16n }), fc.bigInt({ min: 10n ** 16n, max: 10n * WAD }), fc.bigInt({ min: 0n, max: 10n * WAD }), pricing, (m, d, s1, ds, p) => {
        const strike = m.up ? m.spot + (m.spot * d) / WAD : m.spot - (m.spot * d) / WAD;
        const locked = (TA * m.lockedFraction) / WAD;
        const payout = m.payout < TA - locked ? m.payout : TA - locked;
        const low = quote(m.spot, strike, s1, m.duration, payout, locked, TA, p);
        const high = quote(m.spot, strike, s1 + ds, m.duration, payout, locked, TA, p);
        expect(high).toBeGreaterThanOrEqual(low);
      }),
      { numRuns: 5_000 },
    );
  });

  it('is monotone in the closeness of the strike', () => {
    fc.assert(
      fc.property(market, fc.bigInt({ min: 10n ** 15n, max: 95n * 10n ** 16n }), fc.bigInt({ min: 0n, max: WAD }), fc.bigInt({ min: 10n ** 16n, max: 5n * WAD }), pricing, (m, far, t, sigma, p) => {
        const near = 10n ** 15n + ((far - 10n ** 15n) * t) / WAD; // ≤ far
        const k = (d: bigint) => (m.up ? m.spot + (m.spot * d) / WAD : m.spot - (m.spot * d) / WAD);
        const locked = (TA * m.lockedFraction) / WAD;
        const payout = m.payout < TA - locked ? m.payout : TA - locked;
        const farQ = quote(m.spot, k(far), sigma, m.duration, payout, locked, TA, p);
        const nearQ = quote(m.spot, k(near), sigma, m.duration, payout, locked, TA, p);
        expect(nearQ).toBeGreaterThanOrEqual(farQ);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('quoteCover (CoverMarket.quote checks)', () => {
  const down: ProductTerms = { direction: 'Down', minDuration: 3_600n, maxDuration: 90n * 86_400n, pricing: P };
  const up: ProductTerms = { ...down, direction: 'Up' };
  const snap = { spot: 3000_00000000n, sigma: 8n * 10n ** 17n, locked: 0n, totalAssets: 1_000_000_000_000n };
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof CoverMarketError ? `${e.errorName}(${e.args.join(',')})` : String(e);
    }
    return 'no error';
  };

  it('prices like the library below the checks', () => {
    expect(quoteCover(down, snap, 2700_00000000n, 10_000_000_000n, 7n * 86_400n)).toBe(
      quote(snap.spot, 2700_00000000n, snap.sigma, 7n * 86_400n, 10_000_000_000n, 0n, snap.totalAssets, P),
    );
  });

  it('names every refusal like the contract, in its order', () => {
    expect(err(() => quoteCover(down, snap, 2700_00000000n, 0n, 7n * 86_400n))).toBe('CoverMarketZeroPayout()');
    expect(err(() => quoteCover(down, snap, 2700_00000000n, 1n, 3_599n))).toBe('CoverMarketDurationOutOfBounds(3599,3600,7776000)');
    expect(err(() => quoteCover(down, snap, 0n, 1n, 3_600n))).toBe(`CoverMarketStrikeOutOfRange(0,${(1n << 72n) - 1n})`);
    expect(err(() => quoteCover(down, snap, 3000_00000000n, 1_000_000n, 3_600n))).toBe('CoverMarketStrikeBreached(300000000000,300000000000)');
    expect(err(() => quoteCover(up, snap, 2999_00000000n, 1_000_000n, 3_600n))).toBe('CoverMarketStrikeBreached(299900000000,300000000000)');
    expect(err(() => quoteCover(down, { ...snap, locked: snap.totalAssets - 5n }, 2700_00000000n, 6n, 3_600n))).toBe('CoverMarketInsufficientCapital(6,5)');
    expect(err(() => quoteCover(down, snap, 2999_99000000n, 1_000_000_000n, 90n * 86_400n))).toBe('CoverMarketUninsurable(1000000000,1000000000)');
    expect(err(() => quoteCover(down, snap, 2700_00000000n, 1n, 7n * 86_400n))).toBe('CoverMarketUninsurable(1,1)');
  });
});
