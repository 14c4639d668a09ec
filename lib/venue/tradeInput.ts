// Validates the venue's forms before any wallet opens: one plain sentence per refusal, tied to the field
// it concerns, in the order the venue itself would refuse (so a message matches the revert it prevents).
import { formatAmount, parseAmount } from '@/lib/format/amount';
import { belowMarginFraction, WAD } from '@/lib/mirror/PerpMath';
import { previewOpen, type ExistingPosition, type OpenMarket, type OpenPreview } from './openPreview';

export const SIZE_DECIMALS = 18;
export const SIZE_SYMBOL = 'ETH';

export type TradeFields = { side: 'long' | 'short'; size: string; margin: string };
export type TradeContext = {
  market: OpenMarket;
  existing: ExistingPosition & { isLong: boolean };
  feedDecimals: number;
  assetDecimals: number;
  assetSymbol: string;
  walletBalance: bigint | undefined;
  wrongNetwork: boolean;
};
type Field = keyof TradeFields | 'form';
export type TradeCheck =
  | { ok: true; isLong: boolean; size: bigint; margin: bigint; preview: OpenPreview }
  | { ok: false; field: Field; message: string; empty: boolean; preview?: OpenPreview };

const fail = (field: Field, message: string, empty = false, preview?: OpenPreview): TradeCheck => ({ ok: false, field, message, empty, preview });

function amountMessage(reason: string, what: string, decimals: number, example: string): string {
  if (reason === 'negative') return `The ${what} cannot be negative.`;
  if (reason === 'tooManyDecimals') return `The ${what} has at most ${decimals} decimals.`;
  return `Enter the ${what} as a number, like ${example}.`;
}

/** The most leverage an initial fraction allows: 1 / f, shown with one decimal. */
export function maxLeverage(initialFraction: bigint): string {
  if (initialFraction === 0n) return '∞';
  return formatAmount((WAD * 10n) / initialFraction, 1, { maxFractionDigits: 1 });
}

export function checkTrade(fields: TradeFields, ctx: TradeContext): TradeCheck {
  const money = (v: bigint) => `${formatAmount(v, ctx.assetDecimals, { maxFractionDigits: 2, rounding: 'Up' })} ${ctx.assetSymbol}`;
  if (ctx.wrongNetwork) return fail('form', 'Switch your wallet to the right network first.');
  const isLong = fields.side === 'long';
  if (ctx.existing.size > 0n && ctx.existing.isLong !== isLong) {
    return fail('side', `You hold a ${ctx.existing.isLong ? 'long' : 'short'}: close it before opening a ${fields.side} (one position per account).`);
  }
  const size = parseAmount(fields.size, SIZE_DECIMALS);
  if (!size.ok)
    return size.reason === 'empty'
      ? fail('size', `Enter the size in ${SIZE_SYMBOL}.`, true)
      : fail('size', amountMessage(size.reason, 'size', SIZE_DECIMALS, '1.5'));
  if (size.value === 0n) return fail('size', 'The size must be more than zero.');
  const margin = parseAmount(fields.margin, ctx.assetDecimals);
  if (!margin.ok)
    return margin.reason === 'empty'
      ? fail('margin', `Enter the margin in ${ctx.assetSymbol}.`, true)
      : fail('margin', amountMessage(margin.reason, 'margin', ctx.assetDecimals, '500'));
  const preview = previewOpen(isLong, size.value, margin.value, ctx.market, ctx.existing);
  const r = preview.refusal;
  if (r?.error === 'PerpVenueBelowMinNotional') {
    return fail('size', `A position must be worth at least ${money(r.needed)}; this one would be worth ${money(preview.notional)}.`, false, preview);
  }
  if (r?.error === 'PerpVenueOpenInterestCap') {
    return fail('size', `The venue takes at most ${money(r.needed)} of open interest per side: this order would pass it. Try a smaller size.`, false, preview);
  }
  if (r?.error === 'PerpVenueInsufficientMargin' || r?.error === 'PerpVenueBelowInitialMargin') {
    const lev = maxLeverage(ctx.market.initialFraction);
    return fail(
      'margin',
      margin.value === 0n && ctx.existing.size === 0n
        ? `Enter the margin: at least ${money(preview.minMarginIn)} for this size.`
        : `Over the leverage allowed now (${lev}× at today’s volatility): put in at least ${money(preview.minMarginIn)} of margin for this size.`,
      false,
      preview,
    );
  }
  if (ctx.walletBalance !== undefined && margin.value > ctx.walletBalance) {
    return fail('margin', `The margin is more than your ${ctx.assetSymbol} balance (${money(ctx.walletBalance)}).`, false, preview);
  }
  return { ok: true, isLong, size: size.value, margin: margin.value, preview };
}

/** A position as the margin form needs it (from `positionState`). */
export type HeldPosition = { isLong: boolean; size: bigint; entryPrice: bigint; margin: bigint; socialLossCharge: bigint };

/**
 * The most `removeMargin` lets out at `price` with initial fraction `fraction`: the rest must pass the
 * exact initial-margin test (`belowMarginFraction(…, margin − amount − charge, price, fraction)` false), so
 * margin − amount ≥ charge + ⌈(f × size × price − WAD × dir × size × (price − entry)) / (WAD × scale)⌉.
 */
export function maxRemovableMargin(p: HeldPosition, price: bigint, fraction: bigint, scale: bigint): bigint {
  const move = p.isLong ? price - p.entryPrice : p.entryPrice - price;
  const numerator = fraction * p.size * price - WAD * p.size * move;
  const denominator = WAD * scale;
  const need = numerator <= 0n ? -(-numerator / denominator) : (numerator + denominator - 1n) / denominator;
  const keep = p.socialLossCharge + need;
  // Never more than the margin itself (`removeMargin` refuses that first), even for a position in profit.
  const removable = p.margin - keep > p.margin ? p.margin : p.margin - keep;
  if (removable <= 0n) return 0n;
  // The twin's own test decides (the closed form above is its exact inverse; this guards the boundary).
  return belowMarginFraction(p.isLong, p.size, p.entryPrice, p.margin - removable - p.socialLossCharge, price, fraction, scale) ? removable - 1n : removable;
}

export type MarginCheck = { ok: true; amount: bigint } | { ok: false; message: string; empty: boolean };

/** The add / remove margin form. `maxRemovable` from `maxRemovableMargin` at the price and σ now. */
export function checkMarginChange(
  direction: 'add' | 'remove',
  input: string,
  ctx: { assetDecimals: number; assetSymbol: string; walletBalance: bigint | undefined; maxRemovable: bigint; wrongNetwork: boolean },
): MarginCheck {
  const money = (v: bigint) => `${formatAmount(v, ctx.assetDecimals, { maxFractionDigits: 2 })} ${ctx.assetSymbol}`;
  if (ctx.wrongNetwork) return { ok: false, message: 'Switch your wallet to the right network first.', empty: false };
  const amount = parseAmount(input, ctx.assetDecimals);
  if (!amount.ok)
    return {
      ok: false,
      empty: amount.reason === 'empty',
      message: amount.reason === 'empty' ? `Enter an amount in ${ctx.assetSymbol}.` : amountMessage(amount.reason, 'amount', ctx.assetDecimals, '250'),
    };
  if (amount.value === 0n) return { ok: false, empty: false, message: 'The amount must be more than zero.' };
  if (direction === 'add' && ctx.walletBalance !== undefined && amount.value > ctx.walletBalance) {
    return { ok: false, empty: false, message: `That is more than your ${ctx.assetSymbol} balance (${money(ctx.walletBalance)}).` };
  }
  if (direction === 'remove' && amount.value > ctx.maxRemovable) {
    return {
      ok: false,
      empty: false,
      message: `At most ${money(ctx.maxRemovable)} can come out now: the rest must stay above the initial margin at today’s price and volatility.`,
    };
  }
  return { ok: true, amount: amount.value };
}
