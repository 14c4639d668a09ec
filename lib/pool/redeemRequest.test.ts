import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zeroAddress } from 'viem';
import { requestPhase, type RedeemRequestState } from './redeemRequest';

const request = (claimableAt: bigint, expiresAt: bigint, shares = 10n): RedeemRequestState => ({ requestId: 1n, shares, claimableAt, expiresAt, owner: zeroAddress, assetsAtRequest: 1n });

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
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.bigInt({ min: 0n, max: 10n ** 7n }), fc.bigInt({ min: 0n, max: 10n ** 11n }), fc.bigInt({ min: 0n, max: 10n ** 6n }), (at, window, t, dt) => {
        const r = request(at, at + window);
        expect(order[requestPhase(r, t + dt).kind]).toBeGreaterThanOrEqual(order[requestPhase(r, t).kind]);
      }),
    );
  });
});
