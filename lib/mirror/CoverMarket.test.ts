// The checks CoverMarket.quote runs around the pricing library (`quoteCover`), named and ordered like the contract.
import { describe, expect, it } from 'vitest';
import { chargedLength, quoteUp, type Pricing } from './CoverPricing';
import { DAY, WAD } from './units';
import { quoteCover, type ProductTerms } from './CoverMarket';
import { ContractRevert } from './evm';

const P: Pricing = { baseMarkup: 12n * 10n ** 17n, slope: 5n * 10n ** 17n, steepSlope: 5n * WAD, kink: 8n * 10n ** 17n, minRate: WAD / 10n };

describe('quoteCover (CoverMarket.quote checks)', () => {
  const down: ProductTerms = { direction: 'Down', minDuration: 3_600n, maxDuration: 90n * 86_400n, claimGrace: DAY, maxStrikeRatio: 400n, pricing: P };
  const up: ProductTerms = { ...down, direction: 'Up' };
  const snap = {
    spot: 3000_00000000n,
    latestRoundId: 5n,
    sigma: 8n * 10n ** 17n,
    sigmaRoundId: 5n,
    locked: 0n,
    totalAssets: 1_000_000_000_000n,
    maxUtilizationBps: 8_000n,
    now: 1_700_000_000n,
  };
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof ContractRevert ? `${e.errorName}(${e.args.join(',')})` : String(e);
    }
    return 'no error';
  };

  it('prices like the library below the checks', () => {
    const length = chargedLength(snap.now, 7n * 86_400n, DAY);
    expect(quoteCover(down, snap, 2700_00000000n, 10_000_000_000n, 7n * 86_400n)).toBe(
      quoteUp(snap.spot, 2700_00000000n, snap.sigma, 7n * 86_400n, length, 10_000_000_000n, 0n, snap.totalAssets, P),
    );
  });

  it('names every refusal like the contract, in its order', () => {
    expect(err(() => quoteCover(down, snap, 2700_00000000n, 0n, 7n * 86_400n))).toBe('CoverMarketZeroPayout()');
    expect(err(() => quoteCover(down, snap, 2700_00000000n, 1n, 3_599n))).toBe('CoverMarketDurationOutOfBounds(3599,3600,7776000)');
    expect(err(() => quoteCover(down, snap, 0n, 1n, 3_600n))).toBe(`CoverMarketStrikeOutOfRange(0,${(1n << 72n) - 1n})`);
    expect(err(() => quoteCover(down, snap, 3000_00000000n, 1_000_000n, 3_600n))).toBe('CoverMarketStrikeBreached(300000000000,300000000000)');
    expect(err(() => quoteCover(up, snap, 2999_00000000n, 1_000_000n, 3_600n))).toBe('CoverMarketStrikeBreached(299900000000,300000000000)');
    expect(err(() => quoteCover(down, snap, 749_99999999n, 1_000_000n, 3_600n))).toBe('CoverMarketStrikeTooFar(74999999999,75000000000)');
    expect(err(() => quoteCover(up, snap, 12000_00000001n, 1_000_000n, 3_600n))).toBe('CoverMarketStrikeTooFar(1200000000001,1200000000000)');
    expect(err(() => quoteCover(down, { ...snap, latestRoundId: 6n }, 2700_00000000n, 1n, 3_600n))).toBe('CoverMarketVolatilityBehind(5,6)');
    expect(err(() => quoteCover(down, { ...snap, locked: 799_999_999_995n }, 2700_00000000n, 6n, 3_600n))).toBe('CoverMarketAboveMaxUtilization(6,5)');
    expect(err(() => quoteCover(down, snap, 2999_99000000n, 1_000_000_000n, 90n * 86_400n))).toBe('CoverMarketUninsurable(1000000000,1000000000)');
    expect(err(() => quoteCover(down, snap, 2700_00000000n, 1n, 7n * 86_400n))).toBe('CoverMarketUninsurable(1,1)');
  });
});
