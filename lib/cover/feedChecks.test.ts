import { describe, expect, it } from 'vitest';
import { feedDecimalsProblem, staleQuoteReason } from './feedChecks';

describe('feed checks', () => {
  const fresh = { now: 10_000n, priceUpdatedAt: 9_000n, sigmaUpdatedAt: 9_000n, maxPriceAge: 1_000n, maxSigmaAge: 1_000n };
  it('refuses exactly past the ages the market allows, price first', () => {
    expect(staleQuoteReason(fresh)).toBeUndefined();
    expect(staleQuoteReason({ ...fresh, priceUpdatedAt: 8_999n })).toMatch(/price feed has not updated/);
    expect(staleQuoteReason({ ...fresh, sigmaUpdatedAt: 8_999n })).toMatch(/Volatility has not been updated/);
    expect(staleQuoteReason({ ...fresh, priceUpdatedAt: 0n, sigmaUpdatedAt: 0n })).toMatch(/price feed/);
  });
  it('accepts 8-decimal feeds only', () => {
    expect(feedDecimalsProblem(8)).toBeUndefined();
    expect(feedDecimalsProblem(18)).toMatch(/18 decimals/);
  });
});
