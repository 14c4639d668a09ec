import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAmount, formatPercentWad, parseAmount } from './amount';

describe('parseAmount', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-1', 'negative'],
    ['abc', 'invalid'],
    ['1.2.3', 'invalid'],
    ['.', 'invalid'],
    ['1e6', 'invalid'],
    ['0.0000001', 'tooManyDecimals'],
  ])('refuses %j as %s', (input, reason) => {
    const parsed = parseAmount(input, 6);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toBe(reason);
  });

  it.each([
    ['1', 1_000_000n],
    ['1.5', 1_500_000n],
    ['.5', 500_000n],
    ['1,234.000001', 1_234_000_001n],
    ['0', 0n],
    [' 10 ', 10_000_000n],
  ])('reads %j', (input, value) => {
    expect(parseAmount(input, 6)).toEqual({ ok: true, value });
  });

  it('round-trips with formatAmount for any amount (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 18 }), (value, decimals) => {
        expect(parseAmount(formatAmount(value, decimals), decimals)).toEqual({ ok: true, value });
      }),
    );
  });
});

describe('formatAmount', () => {
  it('groups and trims', () => {
    expect(formatAmount(1_234_500_000n, 6)).toBe('1,234.5');
    expect(formatAmount(0n, 6)).toBe('0');
    expect(formatAmount(1n, 6)).toBe('0.000001');
    expect(formatAmount(-2_500_000n, 6)).toBe('-2.5');
  });
  it('cuts digits rounding down by default, up when asked', () => {
    expect(formatAmount(1_999_999n, 6, { maxFractionDigits: 2 })).toBe('1.99');
    expect(formatAmount(1_990_001n, 6, { maxFractionDigits: 2, rounding: 'Up' })).toBe('2');
  });
  it('formats WAD percentages', () => {
    expect(formatPercentWad(123_456_000_000_000_000n)).toBe('12.34%');
  });
});
