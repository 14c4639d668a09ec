import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { belowMarginFraction, WAD } from '@/lib/mirror/PerpMath';
import type { OpenMarket } from './openPreview';
import { checkMarginChange, checkTrade, maxLeverage, maxRemovableMargin, type TradeContext } from './tradeInput';

const SCALE = 10n ** 20n;
const PRICE = 10n ** 8n;
const USDC = 10n ** 6n;
const market: OpenMarket = {
  price: 3_000n * PRICE,
  initialFraction: 125_600_000_000_000_000n, // 12.56 %: 3 σ √(1/365) at σ = 80 %
  params: {
    marginFloor: WAD / 20n,
    marginK: 3n * WAD,
    marginHorizon: 86_400n,
    maintenanceBps: 5_000n,
    fullLiquidationBps: 5_000n,
    tradingFeeBps: 5n,
    liquidationFeeBps: 20n,
    poolFeeShareBps: 5_000n,
    maxPriceAge: 3_600n,
    maxSigmaAge: 86_400n,
    minNotional: 50n * USDC,
    maxOpenInterest: 5_000_000n * USDC,
  },
  priceScale: SCALE,
  sideOpenInterest: 0n,
  sideIndex: 0n,
};
const ctx: TradeContext = {
  market,
  existing: { size: 0n, entryPrice: 0n, margin: 0n, socialLossSnapshot: 0n, isLong: true },
  feedDecimals: 8,
  assetDecimals: 6,
  assetSymbol: 'USDC',
  walletBalance: 10_000n * USDC,
  wrongNetwork: false,
};
const check = (size: string, margin: string, over: Partial<TradeContext> = {}, side: 'long' | 'short' = 'long') =>
  checkTrade({ side, size, margin }, { ...ctx, ...over });

describe('checkTrade: the bad-input table', () => {
  it.each([
    ['empty size', '', '500', 'size', /^Enter the size in ETH\.$/],
    ['zero size', '0', '500', 'size', /more than zero/],
    ['negative size', '-1', '500', 'size', /cannot be negative/],
    ['too many decimals', '1.0000000000000000001', '500', 'size', /at most 18 decimals/],
    ['not a number', '1e3', '500', 'size', /as a number/],
    ['empty margin', '1', '', 'margin', /^Enter the margin in USDC\.$/],
    ['negative margin', '1', '-5', 'margin', /cannot be negative/],
    ['margin decimals', '1', '5.0000001', 'margin', /at most 6 decimals/],
    ['below minimum size', '0.01', '20', 'size', /at least 50 USDC; this one would be worth 30 USDC/],
    ['zero margin', '1', '0', 'margin', /at least 378.3 USDC for this size/],
    ['over leverage', '1', '300', 'margin', /Over the leverage allowed now \(7\.9× at today’s volatility\): put in at least 378\.3 USDC/],
    ['over balance', '10', '10001', 'margin', /more than your USDC balance \(10,000 USDC\)/],
  ] as const)('%s', (_, size, margin, field, message) => {
    const r = check(size, margin);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe(field);
    expect(r.message).toMatch(message);
  });

  it('refuses the wrong network, the other side, and an order over the open-interest cap', () => {
    expect(check('1', '500', { wrongNetwork: true })).toMatchObject({ ok: false, field: 'form', message: 'Switch your wallet to the right network first.' });
    expect(
      check('1', '500', { existing: { size: 10n ** 18n, entryPrice: market.price, margin: 500n * USDC, socialLossSnapshot: 0n, isLong: true } }, 'short'),
    ).toMatchObject({ ok: false, field: 'side' });
    expect(check('1', '500', { market: { ...market, sideOpenInterest: 1_666n * 10n ** 18n } })).toMatchObject({
      ok: false,
      field: 'size',
      message: expect.stringMatching(/open interest/),
    });
  });

  it('accepts exactly from the least margin on (378.3 USDC for 1 ETH at 3,000 and 12.56 %, fee 1.5)', () => {
    const least = check('1', '1').preview!.minMarginIn;
    expect(least).toBe(376_800_000n + 1_500_000n);
    expect(check('1', formatUsdc(least)).ok).toBe(true);
    expect(check('1', formatUsdc(least - 1n)).ok).toBe(false);
  });

  it('shows the most leverage an initial fraction allows', () => {
    expect(maxLeverage(WAD / 20n)).toBe('20');
    expect(maxLeverage(market.initialFraction)).toBe('7.9');
  });
});

const formatUsdc = (v: bigint) => `${v / USDC}.${(v % USDC).toString().padStart(6, '0')}`;

describe('maxRemovableMargin', () => {
  it('is exact: removing it leaves the position at or above the initial fraction, one unit more does not (property)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.bigInt({ min: 10n ** 16n, max: 50n * 10n ** 18n }),
        fc.bigInt({ min: 1_000n * PRICE, max: 5_000n * PRICE }),
        fc.integer({ min: -15, max: 15 }),
        fc.integer({ min: 1, max: 80 }),
        fc.bigInt({ min: 0n, max: 10n * USDC }),
        fc.bigInt({ min: WAD / 50n, max: WAD / 2n }),
        (isLong, size, entry, movePct, marginPct, charge, fraction) => {
          const price = (entry * BigInt(100 + movePct)) / 100n;
          const margin = (size * entry * BigInt(marginPct)) / (100n * SCALE) + charge;
          const p = { isLong, size, entryPrice: entry, margin, socialLossCharge: charge };
          const max = maxRemovableMargin(p, price, fraction, SCALE);
          expect(max).toBeGreaterThanOrEqual(0n);
          expect(max).toBeLessThanOrEqual(margin);
          if (max > 0n) expect(belowMarginFraction(isLong, size, entry, margin - max - charge, price, fraction, SCALE)).toBe(false);
          if (max < margin) expect(belowMarginFraction(isLong, size, entry, margin - max - 1n - charge, price, fraction, SCALE)).toBe(true);
        },
      ),
      { numRuns: 2_000, seed: 15 },
    );
  });
});

describe('checkMarginChange', () => {
  const base = { assetDecimals: 6, assetSymbol: 'USDC', walletBalance: 100n * USDC, maxRemovable: 40n * USDC, wrongNetwork: false };
  it.each([
    ['add', '', /^Enter an amount in USDC\.$/],
    ['add', '0', /more than zero/],
    ['add', '-3', /cannot be negative/],
    ['add', '1.1234567', /at most 6 decimals/],
    ['add', '100.01', /more than your USDC balance \(100 USDC\)/],
    ['remove', '40.000001', /At most 40 USDC can come out now/],
  ] as const)('%s %s', (direction, input, message) => {
    const r = checkMarginChange(direction, input, base);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
  it('accepts what is allowed', () => {
    expect(checkMarginChange('add', '100', base)).toEqual({ ok: true, amount: 100n * USDC });
    expect(checkMarginChange('remove', '40', base)).toEqual({ ok: true, amount: 40n * USDC });
  });
});
