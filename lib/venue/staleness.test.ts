import { describe, expect, it } from 'vitest';
import { venueStaleness } from './staleness';

const params = { maxPriceAge: 3_600n, maxSigmaAge: 86_400n };
describe('venueStaleness', () => {
  it('is silent within the ages the venue accepts, and names the price first, then σ', () => {
    expect(venueStaleness({ now: 10_000n, priceUpdatedAt: 6_400n, sigmaUpdatedAt: 0n, params })).toBeUndefined();
    expect(venueStaleness({ now: 10_000n, priceUpdatedAt: 6_399n, sigmaUpdatedAt: 0n, params })).toMatch(/has not updated for 1 h/);
    expect(venueStaleness({ now: 100_000n, priceUpdatedAt: 99_000n, sigmaUpdatedAt: 0n, params })).toMatch(/Volatility/);
  });
});
