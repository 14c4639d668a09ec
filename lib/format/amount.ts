// The one number formatter and parser for token amounts: bigint in, string out, and back, with
// explicit decimals. No floats touch an amount that a transaction will carry.

export type ParsedAmount = { ok: true; value: bigint } | { ok: false; reason: 'empty' | 'invalid' | 'negative' | 'tooManyDecimals'; decimals: number };

const AMOUNT_PATTERN = /^(\d*)(?:\.(\d*))?$/;

/**
 * Parses what a person typed ("1,234.5", " 10 ", ".5") into base units of a token with `decimals`.
 * Refuses rather than rounds: a user who typed more decimals than the token has gets told so.
 */
export function parseAmount(input: string, decimals: number): ParsedAmount {
  const text = input.trim().replace(/[,_\s]/g, '');
  if (text === '') return { ok: false, reason: 'empty', decimals };
  if (text.startsWith('-')) return { ok: false, reason: 'negative', decimals };
  const match = AMOUNT_PATTERN.exec(text);
  if (!match || text === '.') return { ok: false, reason: 'invalid', decimals };
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) return { ok: false, reason: 'tooManyDecimals', decimals };
  const value = BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  return { ok: true, value };
}

export type FormatOptions = {
  /** Most fraction digits to show (default: all significant ones, up to `decimals`). */
  maxFractionDigits?: number;
  /** Group thousands with commas (default true). */
  grouping?: boolean;
  /** Rounding when digits are cut: 'Down' (default, never overstates a balance) or 'Up'. */
  rounding?: 'Down' | 'Up';
};

/** Formats base units as a decimal string, e.g. 1234500000n with 6 decimals → "1,234.5". */
export function formatAmount(value: bigint, decimals: number, options: FormatOptions = {}): string {
  const { maxFractionDigits = decimals, grouping = true, rounding = 'Down' } = options;
  const negative = value < 0n;
  let abs = negative ? -value : value;
  const shown = Math.min(maxFractionDigits, decimals);
  const cut = 10n ** BigInt(decimals - shown);
  const remainder = abs % cut;
  abs = abs / cut;
  if (rounding === 'Up' && remainder > 0n) abs += 1n;
  const scale = 10n ** BigInt(shown);
  const whole = (abs / scale).toString();
  const fraction = shown > 0 ? (abs % scale).toString().padStart(shown, '0').replace(/0+$/, '') : '';
  const wholeText = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${negative ? '-' : ''}${wholeText}${fraction ? `.${fraction}` : ''}`;
}

/** Formats a WAD-scaled (1e18) ratio as a percentage string with `digits` decimals, rounding down. */
export function formatPercentWad(wad: bigint, digits = 2): string {
  return `${formatAmount(wad * 100n, 18, { maxFractionDigits: digits })}%`;
}
