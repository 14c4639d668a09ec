// Validates the cover form before any wallet opens: every refusal is one plain sentence tied to the
// field it concerns, in the order the contract would refuse. A refusal of the quote twin is said through
// the one error table (lib/tx/describeError.ts), so it reads exactly as the chain's revert would.
import { formatAmount, parseAmount } from '../format/amount';
import { quoteBreakdown, type QuoteBreakdown } from './quoteBreakdown';
import { formatDuration } from '../format/duration';
import { DAY } from '../mirror/units';
import { strikeLimit, type MarketSnapshot, type ProductTerms } from '../mirror/CoverMarket';
import { ContractRevert } from '../mirror/evm';
import { describeRevert, hasSentence } from '../tx/describeError';

export type CoverFields = { strike: string; payout: string; durationDays: string };

export type CoverContext = {
  product: ProductTerms;
  market: MarketSnapshot;
  feedDecimals: number;
  assetDecimals: number;
  assetSymbol: string;
  walletBalance: bigint | undefined;
};

export type CoverCheck =
  | { ok: true; strike: bigint; payout: bigint; duration: bigint; quote: QuoteBreakdown; overBalance: boolean }
  | { ok: false; field: keyof CoverFields | 'quote'; message: string; empty: boolean };

/** The field a refusal of the quote twin concerns; any other refusal is about the quote as a whole. */
const FIELD_OF_ERROR: Record<string, keyof CoverFields> = {
  CoverMarketZeroPayout: 'payout',
  CoverMarketAboveMaxUtilization: 'payout',
  CoverMarketDurationOutOfBounds: 'durationDays',
  CoverMarketStrikeOutOfRange: 'strike',
  CoverMarketStrikeBreached: 'strike',
  CoverMarketStrikeTooFar: 'strike',
  CoverMarketUninsurable: 'strike',
};
const fail = (field: keyof CoverFields | 'quote', message: string, empty = false): CoverCheck => ({ ok: false, field, message, empty });

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

export function checkCover(fields: CoverFields, ctx: CoverContext): CoverCheck {
  const { product, market } = ctx;
  const price = (v: bigint) => formatAmount(v, ctx.feedDecimals, { maxFractionDigits: 2 });

  const strike = parseAmount(fields.strike, ctx.feedDecimals);
  if (!strike.ok)
    return strike.reason === 'empty'
      ? fail('strike', 'Enter the strike: your position’s liquidation price.', true)
      : fail('strike', amountMessage(strike.reason, 'strike', ctx.feedDecimals));
  if (strike.value === 0n) return fail('strike', 'The strike must be above zero.');
  if (product.direction === 'Down' && strike.value >= market.spot) {
    return fail('strike', `This cover pays when the price falls to the strike: pick a strike below the price now (${price(market.spot)}).`);
  }
  if (product.direction === 'Up' && strike.value <= market.spot) {
    return fail('strike', `This cover pays when the price rises to the strike: pick a strike above the price now (${price(market.spot)}).`);
  }
  const limit = strikeLimit(product.direction, market.spot, product.maxStrikeRatio);
  const ratio = formatAmount(product.maxStrikeRatio, 2, { maxFractionDigits: 2 });
  if (product.direction === 'Down' && strike.value < limit) {
    return fail('strike', `The strike must be between ${price(limit)} and the price now (${price(market.spot)}): within ×${ratio} of the price.`);
  }
  if (product.direction === 'Up' && strike.value > limit) {
    return fail('strike', `The strike must be between the price now (${price(market.spot)}) and ${price(limit)}: within ×${ratio} of the price.`);
  }

  const payout = parseAmount(fields.payout, ctx.assetDecimals);
  if (!payout.ok)
    return payout.reason === 'empty'
      ? fail('payout', 'Enter the payout you want if the strike is touched.', true)
      : fail('payout', amountMessage(payout.reason, 'payout', ctx.assetDecimals));
  if (payout.value === 0n) return fail('payout', 'The payout must be more than zero.');

  const days = parseAmount(fields.durationDays, 4);
  if (!days.ok)
    return days.reason === 'empty'
      ? fail('durationDays', 'Enter how many days the cover should run.', true)
      : fail('durationDays', amountMessage(days.reason, 'duration', 4));
  // Days with up to 4 decimals → seconds (1 / 10,000 day ≈ 8.6 s), rounded down to whole seconds.
  const duration = (days.value * DAY) / 10_000n;
  if (duration < product.minDuration || duration > product.maxDuration) {
    return fail('durationDays', `Cover runs from ${formatDuration(product.minDuration)} to ${formatDuration(product.maxDuration)}.`);
  }

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
