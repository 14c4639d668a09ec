// Validates the cover form before any wallet opens: every refusal is one plain sentence tied to the
// field it concerns, in the order the contract would refuse. A refusal of the quote twin is said through
// the one error table (lib/tx/describeError.ts), so it reads exactly as the chain's revert would.
import { formatAmount, parseAmount } from '../format/amount';
import { quoteBreakdown, type QuoteBreakdown } from './quoteBreakdown';
import { formatPeriod } from '../format/duration';
import { DAY } from '../mirror/units';
import { strikeLimit, type MarketSnapshot, type ProductTerms } from '../mirror/CoverMarket';
import { ContractRevert } from '../mirror/evm';
import { describeRevert, hasSentence } from '../tx/revertSentences';

export type CoverFields = { strike: string; payout: string; durationDays: string };

export type CoverContext = {
  product: ProductTerms;
  market: MarketSnapshot;
  feedDecimals: number;
  assetDecimals: number;
  assetSymbol: string;
  walletBalance: bigint | undefined;
};

export type CoverField = keyof CoverFields;

/** What is wrong with each field, judged on its own: a field's message speaks of that field only. */
export type FieldErrors = Partial<Record<CoverField, { message: string; empty: boolean }>>;

export type CoverCheck =
  | { ok: true; strike: bigint; payout: bigint; duration: bigint; quote: QuoteBreakdown; overBalance: boolean }
  | {
      ok: false;
      /** The first refusal in the contract's order (strike, payout, duration, then the quote). */
      field: CoverField | 'quote';
      message: string;
      empty: boolean;
      /** Every field's own refusal, so a bad duration shows under duration while the strike is still empty. */
      fields: FieldErrors;
    };

/** The field a refusal of the quote twin concerns; any other refusal is about the quote as a whole. */
const FIELD_OF_ERROR: Record<string, CoverField> = {
  CoverMarketZeroPayout: 'payout',
  CoverMarketAboveMaxUtilization: 'payout',
  CoverMarketDurationOutOfBounds: 'durationDays',
  CoverMarketStrikeOutOfRange: 'strike',
  CoverMarketStrikeBreached: 'strike',
  CoverMarketStrikeTooFar: 'strike',
  CoverMarketUninsurable: 'strike',
};
type Judged<T> = { ok: true; value: T } | { ok: false; message: string; empty: boolean };
const refuse = (message: string, empty = false): { ok: false; message: string; empty: boolean } => ({ ok: false, message, empty });
const fail = (field: CoverField | 'quote', message: string, empty = false, fields: FieldErrors = {}): CoverCheck => ({
  ok: false,
  field,
  message,
  empty,
  fields: field === 'quote' ? fields : { ...fields, [field]: { message, empty } },
});

function amountMessage(reason: string, what: string, decimals: number): string {
  switch (reason) {
    case 'negative':
      return `The ${what} cannot be negative.`;
    case 'tooManyDecimals':
      return `The ${what} has at most ${decimals} decimals.`;
    default:
      return `Enter the ${what} as a number, like 2500 or 2500.5.`;
  }
}

function judgeStrike(text: string, ctx: CoverContext): Judged<bigint> {
  const { product, market } = ctx;
  const price = (v: bigint) => formatAmount(v, ctx.feedDecimals, { maxFractionDigits: 2 });
  const strike = parseAmount(text, ctx.feedDecimals);
  if (!strike.ok)
    return strike.reason === 'empty'
      ? refuse('Enter the strike: your position’s liquidation price.', true)
      : refuse(amountMessage(strike.reason, 'strike', ctx.feedDecimals));
  if (strike.value === 0n) return refuse('The strike must be above zero.');
  if (product.direction === 'Down' && strike.value >= market.spot) {
    return refuse(`This cover pays when the price falls to the strike: pick a strike below the price now (${price(market.spot)}).`);
  }
  if (product.direction === 'Up' && strike.value <= market.spot) {
    return refuse(`This cover pays when the price rises to the strike: pick a strike above the price now (${price(market.spot)}).`);
  }
  const limit = strikeLimit(product.direction, market.spot, product.maxStrikeRatio);
  const ratio = formatAmount(product.maxStrikeRatio, 2, { maxFractionDigits: 2 });
  if (product.direction === 'Down' && strike.value < limit) {
    return refuse(`The strike must be between ${price(limit)} and the price now (${price(market.spot)}): within ×${ratio} of the price.`);
  }
  if (product.direction === 'Up' && strike.value > limit) {
    return refuse(`The strike must be between the price now (${price(market.spot)}) and ${price(limit)}: within ×${ratio} of the price.`);
  }
  return { ok: true, value: strike.value };
}

function judgePayout(text: string, ctx: CoverContext): Judged<bigint> {
  const payout = parseAmount(text, ctx.assetDecimals);
  if (!payout.ok)
    return payout.reason === 'empty'
      ? refuse('Enter the payout you want if the strike is touched.', true)
      : refuse(amountMessage(payout.reason, 'payout', ctx.assetDecimals));
  if (payout.value === 0n) return refuse('The payout must be more than zero.');
  return { ok: true, value: payout.value };
}

function judgeDuration(text: string, ctx: CoverContext): Judged<bigint> {
  const { product } = ctx;
  const days = parseAmount(text, 4);
  if (!days.ok) return days.reason === 'empty' ? refuse('Enter how many days the cover should run.', true) : refuse(amountMessage(days.reason, 'duration', 4));
  // Days with up to 4 decimals → seconds (1 / 10,000 day ≈ 8.6 s), rounded down to whole seconds.
  const duration = (days.value * DAY) / 10_000n;
  if (duration < product.minDuration || duration > product.maxDuration) {
    return refuse(`Cover runs from ${formatPeriod(product.minDuration)} to ${formatPeriod(product.maxDuration)}.`);
  }
  return { ok: true, value: duration };
}

/** The duration field's hint: the product's range, in days as the field takes them and in words. */
export function durationHint(product: Pick<ProductTerms, 'minDuration' | 'maxDuration'>): string {
  // Rounded inward, so either typed figure is inside the range.
  const minDays = formatAmount((product.minDuration * 10_000n + DAY - 1n) / DAY, 4, { grouping: false });
  const maxDays = formatAmount((product.maxDuration * 10_000n) / DAY, 4, { grouping: false });
  return `From ${minDays} days (${formatPeriod(product.minDuration)}) to ${maxDays} days (${formatPeriod(product.maxDuration)}), this product's maximum.`;
}

export function checkCover(fields: CoverFields, ctx: CoverContext): CoverCheck {
  const { product, market } = ctx;
  const judged = { strike: judgeStrike(fields.strike, ctx), payout: judgePayout(fields.payout, ctx), durationDays: judgeDuration(fields.durationDays, ctx) };
  const errors: FieldErrors = {};
  for (const field of ['strike', 'payout', 'durationDays'] as const) {
    const j = judged[field];
    if (!j.ok) errors[field] = { message: j.message, empty: j.empty };
  }
  const { strike, payout, durationDays } = judged;
  if (!strike.ok) return fail('strike', strike.message, strike.empty, errors);
  if (!payout.ok) return fail('payout', payout.message, payout.empty, errors);
  if (!durationDays.ok) return fail('durationDays', durationDays.message, durationDays.empty, errors);
  const duration = durationDays.value;

  let quote: QuoteBreakdown;
  try {
    quote = quoteBreakdown(product, market, strike.value, payout.value, duration);
  } catch (error) {
    if (error instanceof ContractRevert && hasSentence(error.errorName)) {
      return fail(FIELD_OF_ERROR[error.errorName] ?? 'quote', describeRevert(error.errorName, error.args, { maxUtilizationBps: market.maxUtilizationBps }));
    }
    return fail('quote', 'This cover cannot be priced right now.');
  }
  const overBalance = ctx.walletBalance !== undefined && quote.premium > ctx.walletBalance;
  return { ok: true, strike: strike.value, payout: payout.value, duration, quote, overBalance };
}
