// Validates listing, offer and buy forms before any wallet opens, in the order CoverExchange refuses, and
// says each refusal with the same sentence as the chain's revert (lib/tx/describeError.ts).
import { COVER_STATUS } from '../chain/enums';
import { parseAmount } from '../format/amount';
import { DAY } from '../mirror/units';
import { describeRevert } from '../tx/revertSentences';

export type TradedCover = { tokenId: bigint; status: number; payout: bigint; end: bigint; holder: `0x${string}` };

export type TradeCheck<T> = ({ ok: true } & T) | { ok: false; message: string; empty: boolean };

const refuse = (errorName: string, args: readonly unknown[] = []) => ({ ok: false as const, message: describeRevert(errorName, args), empty: false });
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The exchange's cover checks: `Active`, strictly before its end (`_activeCover`). */
function coverRefusal(cover: TradedCover, now: bigint) {
  if (COVER_STATUS[cover.status] !== 'active') return refuse('CoverExchangeCoverNotActive', [cover.tokenId, cover.status]);
  if (now >= cover.end) return refuse('CoverExchangeCoverEnded', [cover.tokenId, cover.end]);
  return null;
}

function parseMoney(text: string, decimals: number, what: string): { ok: true; value: bigint } | { ok: false; message: string; empty: boolean } {
  const parsed = parseAmount(text, decimals);
  if (parsed.ok) return { ok: true, value: parsed.value };
  if (parsed.reason === 'empty') return { ok: false, message: `Enter the ${what}.`, empty: true };
  if (parsed.reason === 'negative') return { ok: false, message: `The ${what} cannot be negative.`, empty: false };
  if (parsed.reason === 'tooManyDecimals') return { ok: false, message: `The ${what} has at most ${decimals} decimals.`, empty: false };
  return { ok: false, message: `Enter the ${what} as a number, like 250 or 250.5.`, empty: false };
}

/** `list(tokenId, price)` by `account`. */
export function checkListing(
  priceText: string,
  cover: TradedCover,
  ctx: { account: `0x${string}`; now: bigint; assetDecimals: number },
): TradeCheck<{ price: bigint }> {
  const price = parseMoney(priceText, ctx.assetDecimals, 'price');
  if (!price.ok) return price;
  if (price.value === 0n) return refuse('CoverExchangeZeroPrice');
  const dead = coverRefusal(cover, ctx.now);
  if (dead) return dead;
  if (!same(cover.holder, ctx.account)) return refuse('CoverExchangeNotHolder', [cover.tokenId, ctx.account, cover.holder]);
  if (price.value > cover.payout) return refuse('CoverExchangePriceAbovePayout', [price.value, cover.payout]);
  return { ok: true, price: price.value };
}

/** `makeOffer(tokenId, amount, now + days)` by `account`, who must hold `amount` of the stablecoin. */
export function checkOffer(
  amountText: string,
  daysText: string,
  cover: TradedCover,
  ctx: { account: `0x${string}`; now: bigint; assetDecimals: number; balance: bigint | undefined },
): TradeCheck<{ amount: bigint; expiry: bigint }> {
  const amount = parseMoney(amountText, ctx.assetDecimals, 'offer');
  if (!amount.ok) return amount;
  if (amount.value === 0n) return refuse('CoverExchangeZeroPrice');
  const days = parseAmount(daysText, 2);
  if (!days.ok)
    return {
      ok: false,
      message: days.reason === 'empty' ? 'Enter how many days the offer stays open.' : 'Enter the days as a number, like 3 or 0.5.',
      empty: days.reason === 'empty',
    };
  const expiry = ctx.now + (days.value * DAY) / 100n;
  if (expiry <= ctx.now) return refuse('CoverExchangeBadExpiry', [expiry, ctx.now]);
  const dead = coverRefusal(cover, ctx.now);
  if (dead) return dead;
  if (amount.value > cover.payout) return refuse('CoverExchangePriceAbovePayout', [amount.value, cover.payout]);
  if (same(cover.holder, ctx.account)) return refuse('CoverExchangeSelfTrade', [ctx.account]);
  if (ctx.balance !== undefined && amount.value > ctx.balance) return refuse('ERC20InsufficientBalance', [ctx.account, ctx.balance, amount.value]);
  return { ok: true, amount: amount.value, expiry };
}

/** `buy(tokenId, price)` of a listing by `account` (the price shown is the slippage bound sent). */
export function checkBuy(
  listing: { seller: `0x${string}`; price: bigint; live: boolean },
  cover: TradedCover,
  ctx: { account: `0x${string}`; now: bigint; balance: bigint | undefined },
): TradeCheck<{ maxPrice: bigint }> {
  if (same(listing.seller, ctx.account)) return refuse('CoverExchangeSelfTrade', [ctx.account]);
  const dead = coverRefusal(cover, ctx.now);
  if (dead) return dead;
  if (!same(cover.holder, listing.seller)) return refuse('CoverExchangeListingVoid', [cover.tokenId, listing.seller, cover.holder]);
  if (!listing.live) return refuse('CoverExchangeNotApproved', [cover.tokenId, listing.seller]);
  if (ctx.balance !== undefined && listing.price > ctx.balance) return refuse('ERC20InsufficientBalance', [ctx.account, ctx.balance, listing.price]);
  return { ok: true, maxPrice: listing.price };
}
