import { describe, expect, it } from 'vitest';
import { checkCover, type CoverContext } from './coverInput';
import { maxPremiumFor } from './quoteBreakdown';

const WAD = 10n ** 18n;
const ctx: CoverContext = {
  product: {
    direction: 'Down',
    minDuration: 3_600n,
    maxDuration: 90n * 86_400n,
    claimGrace: 86_400n,
    maxStrikeRatio: 400n,
    pricing: { baseMarkup: (12n * WAD) / 10n, slope: WAD / 2n, steepSlope: 5n * WAD, kink: (8n * WAD) / 10n, minRate: WAD / 10n },
  },
  market: {
    spot: 3_000n * 10n ** 8n,
    latestRoundId: 7n,
    sigma: (8n * WAD) / 10n,
    sigmaRoundId: 7n,
    locked: 0n,
    totalAssets: 100_000n * 10n ** 6n,
    maxUtilizationBps: 8_000n,
    now: 1_700_000_000n,
  },
  feedDecimals: 8,
  assetDecimals: 6,
  assetSymbol: 'USDC',
  walletBalance: 1_000n * 10n ** 6n,
};

const check = (strike: string, payout: string, durationDays: string, over: Partial<CoverContext> = {}) =>
  checkCover({ strike, payout, durationDays }, { ...ctx, ...over });

describe('checkCover', () => {
  it('prices a valid cover with its parts', () => {
    const r = check('2500', '1000', '7');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.duration).toBe(7n * 86_400n);
    expect(r.quote.premium).toBeGreaterThan(0n);
    expect(r.quote.premium).toBeLessThan(1_000n * 10n ** 6n);
    expect(r.quote.pTouch).toBeGreaterThan(0n);
    expect(r.quote.capacity).toBe(80_000n * 10n ** 6n); // under the 80 % ceiling
    expect(r.quote.lockLength).toBeGreaterThanOrEqual(2n * 86_400n);
  });

  it.each([
    ['', '100', '7', 'strike', /liquidation price/],
    ['abc', '100', '7', 'strike', /as a number/],
    ['-5', '100', '7', 'strike', /negative/],
    ['0', '100', '7', 'strike', /above zero/],
    ['3000', '100', '7', 'strike', /below the price now/],
    ['3100', '100', '7', 'strike', /below the price now/],
    ['2500', '', '7', 'payout', /Enter the payout/],
    ['2500', '0', '7', 'payout', /more than zero/],
    ['2500', '1.1234567', '7', 'payout', /at most 6 decimals/],
    ['2500', '200000', '7', 'payout', /at most 80,000 USDC of cover can be sold from this pool now \(it keeps 20% of its capital free/],
    ['2500', '80000.000001', '7', 'payout', /payout is above what the pool can back: at most 80,000 USDC/],
    ['749.99', '100', '7', 'strike', /The strike must be between 750 and the price now \(3,000\): within ×4 of the price/],
    ['2500', '100', '0.01', 'durationDays', /from 1 h/],
    ['2500', '100', '91', 'durationDays', /to 90 d/],
    ['2999.99', '100', '7', 'strike', /all but certain/],
  ])('strike %s, payout %s, %s days → %s refused', (strike, payout, days, field, message) => {
    const r = check(strike, payout, days);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe(field);
    expect(r.message).toMatch(message);
  });

  it('flags a premium above the wallet balance without hiding the quote', () => {
    const r = check('2500', '5000', '30', { walletBalance: 1n });
    expect(r.ok && r.overBalance).toBe(true);
  });

  it('needs the strike above spot for an up product, and within its range', () => {
    const up = { product: { ...ctx.product, direction: 'Up' as const } };
    expect((check('2900', '100', '7', up) as { message: string }).message).toMatch(/above the price now/);
    const far = check('12000.01', '100', '7', up);
    expect(!far.ok && far.field).toBe('strike');
    expect(!far.ok && far.message).toMatch(/between the price now \(3,000\) and 12,000: within ×4 of the price/);
    expect(check('12000', '100', '7', up).ok).toBe(true);
  });

  it('refuses to price while σ has not folded the latest round', () => {
    const r = check('2500', '100', '7', { market: { ...ctx.market, latestRoundId: 8n } });
    expect(!r.ok && r.field).toBe('quote');
    expect(!r.ok && r.message).toMatch(/Volatility has not caught up with the latest price round/);
  });
});

describe('maxPremiumFor', () => {
  it('adds the tolerance, rounded up', () => {
    expect(maxPremiumFor(10_000n, 100n)).toBe(10_100n);
    expect(maxPremiumFor(1n, 1n)).toBe(2n);
    expect(maxPremiumFor(0n, 500n)).toBe(0n);
  });
});
