// Where an ERC-7540 redeem request stands at a moment, with the contract's exact boundaries:
// cooldown while now < claimableAt, claimable while claimableAt ≤ now ≤ expiresAt, lapsed after.
import type { Address } from 'viem';

/**
 * `redeemRequest(controller)` as the pool returns it (all zeros when there is none). `assetsAtRequest` is
 * what the shares still to claim were worth when requested: a claim pays at most its pro-rata part.
 */
export type RedeemRequestState = {
  requestId: bigint;
  shares: bigint;
  claimableAt: bigint;
  expiresAt: bigint;
  owner: Address;
  assetsAtRequest: bigint;
};

export type RequestPhase =
  | { kind: 'none' }
  | { kind: 'cooldown'; secondsLeft: bigint }
  | { kind: 'claimable'; secondsLeft: bigint }
  | { kind: 'lapsed' };

export function requestPhase(request: RedeemRequestState | undefined, now: bigint): RequestPhase {
  if (!request || request.shares === 0n) return { kind: 'none' };
  if (now < request.claimableAt) return { kind: 'cooldown', secondsLeft: request.claimableAt - now };
  if (now <= request.expiresAt) return { kind: 'claimable', secondsLeft: request.expiresAt - now };
  return { kind: 'lapsed' };
}

/** The tuple `redeemRequest(controller)` returns, named. */
export function toRedeemRequest([requestId, shares, claimableAt, expiresAt, owner, assetsAtRequest]: readonly [bigint, bigint, bigint, bigint, Address, bigint]): RedeemRequestState {
  return { requestId, shares, claimableAt, expiresAt, owner, assetsAtRequest };
}
