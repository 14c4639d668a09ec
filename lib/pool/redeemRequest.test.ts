import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zeroAddress } from 'viem';
import { claimQuote, requestPhase, type RedeemRequestState } from './redeemRequest';

const request = (claimableAt: bigint, expiresAt: bigint, shares = 10n): RedeemRequestState => ({
  requestId: 1n,
  shares,
  claimableAt,
  expiresAt,
  owner: zeroAddress,
  assetsAtRequest: 1n,
});

describe('requestPhase', () => {
  it('follows the contract at cooldown end − 1 s, cooldown end, window end and window end + 1 s', () => {
    const r = request(1_000n, 2_000n);
    expect(requestPhase(r, 999n)).toEqual({ kind: 'cooldown', secondsLeft: 1n });
    expect(requestPhase(r, 1_000n)).toEqual({ kind: 'claimable', secondsLeft: 1_000n });
    expect(requestPhase(r, 2_000n)).toEqual({ kind: 'claimable', secondsLeft: 0n });
    expect(requestPhase(r, 2_001n)).toEqual({ kind: 'lapsed' });
  });

  it('has no phase without a request or with zero shares', () => {
    expect(requestPhase(undefined, 5n)).toEqual({ kind: 'none' });
    expect(requestPhase(request(1n, 2n, 0n), 1n)).toEqual({ kind: 'none' });
  });

  it('moves forward only: cooldown → claimable → lapsed as time passes (property)', () => {
    const order = { cooldown: 0, claimable: 1, lapsed: 2, none: -1 } as const;
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 10n }),
        fc.bigInt({ min: 0n, max: 10n ** 7n }),
        fc.bigInt({ min: 0n, max: 10n ** 11n }),
        fc.bigInt({ min: 0n, max: 10n ** 6n }),
        (at, window, t, dt) => {
          const r = request(at, at + window);
          expect(order[requestPhase(r, t + dt).kind]).toBeGreaterThanOrEqual(order[requestPhase(r, t).kind]);
        },
      ),
    );
  });
});

describe('claimQuote', () => {
  const pool = { totalAssets: 2_200n * 10n ** 6n, totalSupply: 2_000n * 10n ** 18n }; // 1.10 per share
  const req = (shares: bigint, assetsAtRequest: bigint): RedeemRequestState => ({
    requestId: 1n,
    shares,
    claimableAt: 0n,
    expiresAt: 0n,
    owner: zeroAddress,
    assetsAtRequest,
  });

  it('pays the value at request after a gain, and says so', () => {
    const q = claimQuote(pool, req(1_000n * 10n ** 18n, 1_000n * 10n ** 6n), 1_000n * 10n ** 18n);
    expect(q).toEqual({ pays: 1_000n * 10n ** 6n, valueNow: 1_099_999_999n, valueAtRequest: 1_000n * 10n ** 6n, binding: 'atRequest' });
  });

  it('pays the value now after a loss, and a part pro rata', () => {
    const q = claimQuote(pool, req(1_000n * 10n ** 18n, 1_200n * 10n ** 6n), 500n * 10n ** 18n);
    expect(q.binding).toBe('now');
    expect(q.pays).toBe(q.valueNow);
    expect(q.valueAtRequest).toBe(600n * 10n ** 6n);
  });

  it('is the lower of the two for any request, and nothing without one', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 10_000n }), (s, a, bps) => {
        const q = claimQuote(pool, req(s, a), (s * bps) / 10_000n);
        expect(q.pays).toBe(q.valueNow < q.valueAtRequest ? q.valueNow : q.valueAtRequest);
      }),
      { numRuns: 500 },
    );
    expect(claimQuote(pool, req(0n, 0n), 0n).pays).toBe(0n);
  });
});
