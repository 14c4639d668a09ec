// Validates the cover form before any wallet opens: every refusal is one plain sentence tied to the
// field it concerns, in the order the contract would refuse (so the message matches a revert).
import { formatAmount, parseAmount } from '../format/amount';
import { CoverMarketError, strikeLimit, type MarketSnapshot, type ProductTerms } from '../mirror/CoverPricing';
import { quoteBreakdown, type QuoteBreakdown } from './quoteBreakdown';
import { formatDuration } from '../format/duration';

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

const DAY = 86_400n;
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
  if (!strike.ok) return strike.reason === 'empty' ? fail('strike', 'Enter the strike: your position’s liquidation price.', true) : fail('strike', amountMessage(strike.reason, 'strike', ctx.feedDecimals));
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
  if (!payout.ok) return payout.reason === 'empty' ? fail('payout', 'Enter the payout you want if the strike is touched.', true) : fail('payout', amountMessage(payout.reason, 'payout', ctx.assetDecimals));
  if (payout.value === 0n) return fail('payout', 'The payout must be more than zero.');

  const days = parseAmount(fields.durationDays, 4);
  if (!days.ok) return days.reason === 'empty' ? fail('durationDays', 'Enter how many days the cover should run.', true) : fail('durationDays', amountMessage(days.reason, 'duration', 4));
  // Days with up to 4 decimals → seconds (1 / 10,000 day ≈ 8.6 s), rounded down to whole seconds.
  const duration = (days.value * DAY) / 10_000n;
  if (duration < product.minDuration || duration > product.maxDuration) {
    return fail('durationDays', `Cover runs from ${formatDuration(product.minDuration)} to ${formatDuration(product.maxDuration)}.`);
  }

  let quote: QuoteBreakdown;
  try {
    quote = quoteBreakdown(product, market, strike.value, payout.value, duration);
  } catch (error) {
    if (error instanceof CoverMarketError && error.errorName === 'CoverMarketAboveMaxUtilization') {
      const free = formatAmount(10_000n - market.maxUtilizationBps, 2, { maxFractionDigits: 2 });
      return fail(
        'payout',
        `The payout is above what the pool can back: at most ${formatAmount(error.args[1]!, ctx.assetDecimals, { maxFractionDigits: 2 })} ${ctx.assetSymbol} of cover can be sold from this pool now (it keeps ${free}% of its capital free for shortfalls and withdrawals).`,
      );
    }
    if (error instanceof CoverMarketError && error.errorName === 'CoverMarketVolatilityBehind') {
      return fail('quote', 'Volatility has not caught up with the latest price round yet, so the cover cannot be priced: it catches up at the next oracle update.');
    }
    if (error instanceof CoverMarketError && error.errorName === 'CoverMarketUninsurable') {
      return fail('strike', 'The strike is so close that a touch is all but certain: the premium would equal the payout. Pick a strike further away.');
    }
    return fail('quote', 'This cover cannot be priced right now.');
  }
  const overBalance = ctx.walletBalance !== undefined && quote.premium > ctx.walletBalance;
  return { ok: true, strike: strike.value, payout: payout.value, duration, quote, overBalance };
}
