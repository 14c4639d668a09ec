// Properties of the premium (fast-check): bounded by the payout, monotone in σ and in the closeness of
// the strike, never cheaper when split. The market-level checks of quoteCover: CoverMarket.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chargedLength, MIN_CHARGED_LENGTH, premiumUp, quoteUp, MAX_TOTAL_ASSETS, type Pricing } from './CoverPricing';
import { WAD, DAY, YEAR } from '@/lib/mirror/units';
import { quoteCover, type ProductTerms } from './CoverMarket';

/** Pricing inside CoverMarket's governance bounds. */
const pricing: fc.Arbitrary<Pricing> = fc
  .record({
    baseMarkup: fc.bigInt({ min: WAD, max: 3n * WAD }),
    slope: fc.bigInt({ min: 0n, max: 2n * WAD }),
    extra: fc.bigInt({ min: 0n, max: 8n * WAD }),
    kink: fc.bigInt({ min: WAD / 10n, max: (95n * WAD) / 100n }),
    minRate: fc.bigInt({ min: WAD / 20n, max: WAD }),
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
      fc.property(
        fitting,
        fc.bigInt({ min: 0n, max: WAD }),
        fc.bigInt({ min: 1n, max: 100n * YEAR }),
        pricing,
        ({ ta, locked, payout }, pTouch, duration, p) => {
          const prem = premiumUp(payout, pTouch, locked, ta, duration, p);
          expect(prem).toBeGreaterThanOrEqual(1n);
          expect(prem).toBeLessThanOrEqual(payout);
          const fair = (payout * pTouch) / WAD;
          expect(prem).toBeGreaterThanOrEqual(fair < payout ? fair : payout);
        },
      ),
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

describe('quoteUp properties (touchProbability × markup)', () => {
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
      fc.property(
        market,
        fc.bigInt({ min: 10n ** 15n, max: 95n * 10n ** 16n }),
        fc.bigInt({ min: 10n ** 16n, max: 10n * WAD }),
        fc.bigInt({ min: 0n, max: 10n * WAD }),
        pricing,
        (m, d, s1, ds, p) => {
          const strike = m.up ? m.spot + (m.spot * d) / WAD : m.spot - (m.spot * d) / WAD;
          const locked = (TA * m.lockedFraction) / WAD;
          const payout = m.payout < TA - locked ? m.payout : TA - locked;
          const low = quoteUp(m.spot, strike, s1, m.duration, m.duration + DAY, payout, locked, TA, p);
          const high = quoteUp(m.spot, strike, s1 + ds, m.duration, m.duration + DAY, payout, locked, TA, p);
          expect(high).toBeGreaterThanOrEqual(low);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('is monotone in the closeness of the strike', () => {
    fc.assert(
      fc.property(
        market,
        fc.bigInt({ min: 10n ** 15n, max: 95n * 10n ** 16n }),
        fc.bigInt({ min: 0n, max: WAD }),
        fc.bigInt({ min: 10n ** 16n, max: 5n * WAD }),
        pricing,
        (m, far, t, sigma, p) => {
          const near = 10n ** 15n + ((far - 10n ** 15n) * t) / WAD; // ≤ far
          const k = (d: bigint) => (m.up ? m.spot + (m.spot * d) / WAD : m.spot - (m.spot * d) / WAD);
          const locked = (TA * m.lockedFraction) / WAD;
          const payout = m.payout < TA - locked ? m.payout : TA - locked;
          const farQ = quoteUp(m.spot, k(far), sigma, m.duration, m.duration + DAY, payout, locked, TA, p);
          const nearQ = quoteUp(m.spot, k(near), sigma, m.duration, m.duration + DAY, payout, locked, TA, p);
          expect(nearQ).toBeGreaterThanOrEqual(farQ);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe('chargedLength and the premium over the lock', () => {
  it('charges from now to the release day, at least 2 days', () => {
    const t = 1_700_006_400n; // a day boundary
    expect(chargedLength(t, 3_600n, 3_600n)).toBe(MIN_CHARGED_LENGTH); // 1 day, raised to the minimum
    expect(chargedLength(t, 7n * DAY, DAY)).toBe(9n * DAY);
    expect(chargedLength(t + DAY - 7_201n, 3_600n, 3_600n)).toBe(MIN_CHARGED_LENGTH); // ~2 h real lock
    expect(chargedLength(t - 1n, 7n * DAY, DAY)).toBe(8n * DAY + 1n);
    expect(() => chargedLength(t, 100n * YEAR + 1n, 0n)).toThrow(/CoverPricingOutOfDomain/);
  });

  it('is monotone in the duration, and so is the premium (payout, utilization too)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1_600_000_000n, max: 2_000_000_000n }),
        fc.bigInt({ min: 3_600n, max: YEAR }),
        fc.bigInt({ min: 0n, max: YEAR }),
        fc.bigInt({ min: 3_600n, max: 14n * DAY }),
        fitting,
        fc.bigInt({ min: 0n, max: WAD }),
        pricing,
        (now, d1, dd, grace, { ta, locked, payout }, pTouch, p) => {
          const l1 = chargedLength(now, d1, grace);
          const l2 = chargedLength(now, d1 + dd, grace);
          expect(l2).toBeGreaterThanOrEqual(l1);
          expect(l1).toBeGreaterThan(d1 + grace - 1n);
          const base = premiumUp(payout, pTouch, locked, ta, l1, p);
          expect(premiumUp(payout, pTouch, locked, ta, l2, p)).toBeGreaterThanOrEqual(base);
          if (payout > 1n) expect(premiumUp(payout - 1n, pTouch, locked, ta, l1, p)).toBeLessThanOrEqual(base);
          if (locked > 0n) expect(premiumUp(payout, pTouch, locked - 1n, ta, l1, p)).toBeLessThanOrEqual(base);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe('the capacity attack on the twin (issue 13 item 1)', () => {
  it('10 USDC never locks more than budget × year / (minRate × 2 days × base markup) of a 1,000,000 USDC pool', () => {
    const CAPITAL = 1_000_000_000_000n;
    const BUDGET = 10_000_000n;
    fc.assert(
      fc.property(
        pricing,
        fc.bigInt({ min: 1_600_000_000n, max: 2_000_000_000n }),
        fc.bigInt({ min: 3_600n, max: 30n * DAY }),
        fc.bigInt({ min: 3_600n, max: 14n * DAY }),
        fc.bigInt({ min: 110n, max: 1_000n }),
        fc.bigInt({ min: 10n ** 16n, max: 10n * WAD }),
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 1_000n }),
        (p, now, duration, claimGrace, ratio, sigma, upSide, where) => {
          const product: ProductTerms = {
            direction: upSide ? 'Up' : 'Down',
            minDuration: 3_600n,
            maxDuration: 365n * DAY,
            claimGrace,
            maxStrikeRatio: ratio,
            pricing: p,
          };
          const spot = 3000_00000000n;
          const market = { spot, latestRoundId: 1n, sigma, sigmaRoundId: 1n, locked: 0n, totalAssets: CAPITAL, maxUtilizationBps: 9_500n, now };
          // any strike inside the range, from the farthest allowed to one unit from spot
          const far = upSide ? (spot * ratio) / 100n : (spot * 100n + ratio - 1n) / ratio;
          const strike = upSide ? spot + 1n + ((far - spot - 1n) * where) / 1_000n : far + ((spot - 1n - far) * (1_000n - where)) / 1_000n;
          let lo = 0n;
          let hi = (CAPITAL * 9_500n) / 10_000n;
          while (lo < hi) {
            const mid = (lo + hi + 1n) / 2n;
            let premium: bigint | undefined;
            try {
              premium = quoteCover(product, market, strike, mid, duration);
            } catch {
              premium = undefined;
            }
            if (premium !== undefined && premium <= BUDGET) lo = mid;
            else hi = mid - 1n;
          }
          // lo × minRate × 2 days × base / (year × 1e36) ≤ budget, up to rounding
          expect(lo * p.minRate * MIN_CHARGED_LENGTH * p.baseMarkup).toBeLessThanOrEqual((BUDGET + 1n) * YEAR * WAD * WAD);
          // so at the cheapest bounds (5 %/yr, markup 1) at most 3.65 % of the pool
          expect(lo * 10_000n).toBeLessThanOrEqual(CAPITAL * 366n);
        },
      ),
      { numRuns: 300 },
    );
  });
});
