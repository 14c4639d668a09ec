// Validates an amount field before any wallet opens: every refusal has one plain sentence.
import { formatAmount, parseAmount } from '../format/amount';

export type AmountLimit = { value: bigint; message: (formatted: string) => string };

export type AmountCheck = { ok: true; value: bigint } | { ok: false; message: string; empty: boolean };

/**
 * Checks `input` for a token with `decimals` and `symbol` against ordered limits (e.g. the wallet
 * balance, then the pool's maxDeposit). Zero is refused: a zero-amount transaction only costs gas.
 */
export function checkAmount(input: string, decimals: number, symbol: string, limits: readonly AmountLimit[] = []): AmountCheck {
  const parsed = parseAmount(input, decimals);
  if (!parsed.ok) {
    switch (parsed.reason) {
      case 'empty':
        return { ok: false, message: 'Enter an amount.', empty: true };
      case 'negative':
        return { ok: false, message: 'The amount cannot be negative.', empty: false };
      case 'tooManyDecimals':
        return { ok: false, message: `${symbol} has at most ${decimals} decimals.`, empty: false };
      default:
        return { ok: false, message: 'Enter a number, like 100 or 12.5.', empty: false };
    }
  }
  if (parsed.value === 0n) return { ok: false, message: 'The amount must be more than zero.', empty: false };
  for (const limit of limits) {
    if (parsed.value > limit.value) {
      return { ok: false, message: limit.message(`${formatAmount(limit.value, decimals)} ${symbol}`), empty: false };
    }
  }
  return { ok: true, value: parsed.value };
}
