// Where an ERC-7540 redeem request stands at a moment, with the contract's exact boundaries:
// cooldown while now < claimableAt, claimable while claimableAt ≤ now ≤ expiresAt, lapsed after; and
// what claiming part of it pays, broken down for the words the withdrawal card shows before signing.
import type { Address } from 'viem';
import { assetsDown, claimAssetsDown, requestAssetsDown } from '../mirror/PoolMath';
import type { PoolShareState } from '../mirror/BackstopPool';

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

export type RequestPhase = { kind: 'none' } | { kind: 'cooldown'; secondsLeft: bigint } | { kind: 'claimable'; secondsLeft: bigint } | { kind: 'lapsed' };

export function requestPhase(request: RedeemRequestState | undefined, now: bigint): RequestPhase {
  if (!request || request.shares === 0n) return { kind: 'none' };
  if (now < request.claimableAt) return { kind: 'cooldown', secondsLeft: request.claimableAt - now };
  if (now <= request.expiresAt) return { kind: 'claimable', secondsLeft: request.expiresAt - now };
  return { kind: 'lapsed' };
}

/** The tuple `redeemRequest(controller)` returns, named. */
export function toRedeemRequest([requestId, shares, claimableAt, expiresAt, owner, assetsAtRequest]: readonly [
  bigint,
  bigint,
  bigint,
  bigint,
  Address,
  bigint,
]): RedeemRequestState {
  return { requestId, shares, claimableAt, expiresAt, owner, assetsAtRequest };
}

/**
 * What claiming `shares` of `request` pays at the pool's current totals — `previewClaimRedeem`, the lower of
 * the shares' value now and their part of the value at request (PoolMath.claimAssetsDown) — with both
 * values, so the page can say which one applies: `atRequest` when the price rose since the request (the
 * gain stays with the pool), `now` when the pool lost money since (the loss hits the request too).
 */
export type ClaimQuote = { pays: bigint; valueNow: bigint; valueAtRequest: bigint; binding: 'atRequest' | 'now' | 'equal' };

export function claimQuote(pool: PoolShareState, request: RedeemRequestState, shares: bigint): ClaimQuote {
  if (request.shares === 0n || shares === 0n) return { pays: 0n, valueNow: 0n, valueAtRequest: 0n, binding: 'equal' };
  const valueNow = assetsDown(shares, pool.totalSupply, pool.totalAssets);
  const valueAtRequest = requestAssetsDown(shares, request.shares, request.assetsAtRequest);
  const pays = claimAssetsDown(shares, request.shares, request.assetsAtRequest, pool.totalSupply, pool.totalAssets);
  return { pays, valueNow, valueAtRequest, binding: valueAtRequest < valueNow ? 'atRequest' : valueNow < valueAtRequest ? 'now' : 'equal' };
}
