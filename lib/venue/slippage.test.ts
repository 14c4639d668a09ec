import { describe, expect, it } from 'vitest';
import { exitSlippageLimit, openSlippageLimit } from './slippage';

describe('slippage limits', () => {
  it('bound the price against the trader, 1 % by default, rounded so the limit never tightens', () => {
    expect(openSlippageLimit(true, 300_000_000_001n)).toBe(303_000_000_002n); // ceiling, rounded up
    expect(openSlippageLimit(false, 300_000_000_001n)).toBe(297_000_000_000n); // floor, rounded down
    expect(exitSlippageLimit(true, 300_000_000_000n)).toBe(297_000_000_000n);
    expect(exitSlippageLimit(false, 300_000_000_000n)).toBe(303_000_000_000n);
    expect(openSlippageLimit(true, 100n, 0n)).toBe(100n);
  });
});
