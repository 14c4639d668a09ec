import { describe, expect, it } from 'vitest';
import { checkAmount } from './amountInput';

const limits = [
  { value: 50_000_000n, message: (m: string) => `You only have ${m}.` },
  { value: 20_000_000n, message: (m: string) => `The pool accepts at most ${m} now.` },
];

describe('checkAmount', () => {
  it.each([
    ['', 'Enter an amount.'],
    ['0', 'The amount must be more than zero.'],
    ['-5', 'The amount cannot be negative.'],
    ['ten', 'Enter a number, like 100 or 12.5.'],
    ['1.0000001', 'USDC has at most 6 decimals.'],
    ['60', 'You only have 50 USDC.'],
    ['30', 'The pool accepts at most 20 USDC now.'],
  ])('refuses %j: %s', (input, message) => {
    const result = checkAmount(input, 6, 'USDC', limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe(message);
  });

  it('accepts an amount within every limit, to the last unit', () => {
    expect(checkAmount('20', 6, 'USDC', limits)).toEqual({ ok: true, value: 20_000_000n });
    expect(checkAmount('20.000001', 6, 'USDC', limits).ok).toBe(false);
  });
});
