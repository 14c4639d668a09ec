import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { touchProbability } from '../mirror/TouchProbability';
import { DAY, WAD } from '../mirror/units';
import { coverMarkDown, describeDiscount, discountBps } from './coverMark';
import { checkBuy, checkListing, checkOffer, type TradedCover } from './exchangeInput';
import { marketRows, sortMarketRows } from './marketRows';

const USDC = 1_000_000n;
const ALICE = '0x00000000000000000000000000000000000a11ce' as const;
const BOB = '0x0000000000000000000000000000000000000b0b' as const;
const NOW = 1_800_000_000n;
const cover = { status: 1, payout: 10_000n * USDC, strike: 2_700n * 10n ** 8n, end: NOW + 7n * DAY, down: true };
const market = { spot: 3_000n * 10n ** 8n, sigma: (8n * WAD) / 10n, now: NOW };
const traded: TradedCover = { tokenId: 7n, status: 1, payout: cover.payout, end: cover.end, holder: ALICE };

describe('coverMarkDown', () => {
  it('is payout × P_touch over the time left while active, rounded down', () => {
    const p = touchProbability(market.spot, cover.strike, market.sigma, 7n * DAY);
    expect(coverMarkDown(cover, market, false)).toBe((cover.payout * p) / WAD);
  });
  it('is the payout once provable, 0 once settled or ended without a touch', () => {
    expect(coverMarkDown(cover, market, true)).toBe(cover.payout);
    for (const status of [2, 3, 4]) expect(coverMarkDown({ ...cover, status }, market, true)).toBe(0n);
    expect(coverMarkDown(cover, { ...market, now: cover.end }, false)).toBe(0n);
    expect(coverMarkDown(cover, { ...market, now: cover.end + 1n }, true)).toBe(cover.payout);
  });
  it('never exceeds the payout and falls as the price moves away from the strike', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2_701n, max: 10_000n }), fc.bigInt({ min: 1n, max: 30n * DAY }), (spotUsd, left) => {
        const m = { ...market, spot: spotUsd * 10n ** 8n, now: cover.end - left };
        const v = coverMarkDown(cover, m, false);
        expect(v).toBeLessThanOrEqual(cover.payout);
        expect(coverMarkDown(cover, { ...m, spot: m.spot + 10n ** 8n }, false)).toBeLessThanOrEqual(v);
      }),
    );
  });
});

describe('discountBps', () => {
  it('is the signed distance below the model value, in bps of it', () => {
    expect(discountBps(900n, 1_000n)).toBe(1_000n);
    expect(discountBps(1_100n, 1_000n)).toBe(-1_000n);
    expect(discountBps(5n, 0n)).toBeNull();
    expect(describeDiscount(1_000n)).toBe('10% below model');
    expect(describeDiscount(-250n)).toBe('2.5% above model');
    expect(describeDiscount(null)).toBe('model value 0');
    // Tenths of a percent, rounded away from zero: a discount that is there never reads as 0%.
    expect(describeDiscount(5n)).toBe('0.1% below model');
    expect(describeDiscount(1_251n)).toBe('12.6% below model');
    expect(describeDiscount(-123_456n)).toBe('1,234.6% above model');
    expect(describeDiscount(0n)).toBe('at model');
  });
});

describe('bad input: list / offer / buy, before any wallet opens', () => {
  const ctx = { account: ALICE, now: NOW, assetDecimals: 6 };
  it.each([
    ['', /Enter the price/],
    ['abc', /as a number/],
    ['-5', /cannot be negative/],
    ['1.1234567', /at most 6 decimals/],
    ['0', /more than zero/],
    ['10000.000001', /never be worth more than its payout/],
  ])('list at %j', (text, message) => {
    const r = checkListing(text, traded, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
  it('list: not the holder, a settled cover, an ended one; a good price passes', () => {
    const say = (r: ReturnType<typeof checkListing>) => (r.ok ? 'ok' : r.message);
    expect(say(checkListing('100', traded, { ...ctx, account: BOB }))).toMatch(/Only the holder/);
    expect(say(checkListing('100', { ...traded, status: 3 }, ctx))).toMatch(/already paid/);
    expect(say(checkListing('100', traded, { ...ctx, now: traded.end }))).toMatch(/window closed/);
    expect(checkListing('10,000', traded, ctx)).toEqual({ ok: true, price: 10_000n * USDC });
  });
  it('offer: amount, days, self-bid, balance', () => {
    const o = { account: BOB, now: NOW, assetDecimals: 6, balance: 500n * USDC };
    const say = (r: ReturnType<typeof checkOffer>) => (r.ok ? 'ok' : r.message);
    expect(say(checkOffer('0', '3', traded, o))).toMatch(/more than zero/);
    expect(say(checkOffer('100', '', traded, o))).toMatch(/how many days/);
    expect(say(checkOffer('100', '0', traded, o))).toMatch(/expire in the future/);
    expect(say(checkOffer('100', '3', traded, { ...o, account: ALICE }))).toMatch(/trade with yourself/);
    expect(say(checkOffer('600', '3', traded, o))).toMatch(/balance/);
    expect(checkOffer('300', '3', traded, o)).toEqual({ ok: true, amount: 300n * USDC, expiry: NOW + 3n * DAY });
  });
  it('buy: own listing, void, unapproved, balance; the shown price is the bound sent', () => {
    const l = { seller: ALICE, price: 400n * USDC, live: true };
    const b = { account: BOB, now: NOW, balance: 1_000n * USDC };
    const say = (r: ReturnType<typeof checkBuy>) => (r.ok ? 'ok' : r.message);
    expect(say(checkBuy(l, traded, { ...b, account: ALICE }))).toMatch(/trade with yourself/);
    expect(say(checkBuy(l, { ...traded, holder: BOB }, b))).toMatch(/no longer holds/);
    expect(say(checkBuy({ ...l, live: false }, traded, b))).toMatch(/not approved/);
    expect(say(checkBuy(l, traded, { ...b, balance: 1n }))).toMatch(/balance/);
    expect(checkBuy(l, traded, b)).toEqual({ ok: true, maxPrice: 400n * USDC });
  });
});

describe('market rows', () => {
  const marks = new Map([[1n, { spot: market.spot, sigma: market.sigma }]]);
  const input = (tokenId: bigint, strike: bigint, end: bigint, price: bigint, live = true) => ({
    tokenId,
    listing: { seller: ALICE, price, live },
    cover: { productId: 1n, strike: strike * 10n ** 8n, payout: 1_000n * USDC, end, status: 1 },
  });
  const rows = marketRows(
    [
      input(1n, 2_700n, NOW + 10n * DAY, 300n * USDC),
      input(2n, 2_500n, NOW + 3n * DAY, 1n * USDC),
      input(3n, 2_900n, NOW + 20n * DAY, 900n * USDC),
      input(4n, 2_800n, NOW + DAY, 5n, false),
      input(5n, 2_800n, NOW, 5n),
    ],
    marks,
    () => true,
    NOW,
  );
  it('keeps only live listings before their end, each marked to model', () => {
    expect(rows.map((r) => r.tokenId)).toEqual([1n, 2n, 3n]);
    for (const r of rows) expect(r.discountBps).toBe(discountBps(r.price, r.model));
  });
  it('sorts by strike, expiry and discount (deepest first)', () => {
    expect(sortMarketRows(rows, 'strike').map((r) => r.tokenId)).toEqual([2n, 1n, 3n]);
    expect(sortMarketRows(rows, 'expiry').map((r) => r.tokenId)).toEqual([2n, 1n, 3n]);
    expect(sortMarketRows(rows, 'strike', true).map((r) => r.tokenId)).toEqual([3n, 1n, 2n]);
    const byDiscount = sortMarketRows(rows, 'discount');
    for (let i = 1; i < byDiscount.length; i++) expect(byDiscount[i - 1]!.discountBps! >= byDiscount[i]!.discountBps!).toBe(true);
  });
});
