// A stake's result so far: what it is worth now against what went in and came out.
import { convertToAssets, type PoolShareState } from '../mirror/BackstopPool';
import { claimQuote, type RedeemRequestState } from '../pool/redeemRequest';

export type StakeFlows = { deposited: bigint; withdrawn: bigint };

/** Value now + withdrawn − deposited: positive when premiums and fees beat losses. */
export function stakeEarnings(valueNow: bigint, flows: StakeFlows): bigint {
  return valueNow + flows.withdrawn - flows.deposited;
}

/**
 * What a holder's stake in one pool is worth now, in assets, rounded down: free shares at the share price,
 * plus shares escrowed in a withdrawal request at what claiming them pays (the lower of their value at
 * request and now). The one valuation of a position: the pool page, the portfolio rows and its total.
 */
export function positionValueDown(pool: PoolShareState, shares: bigint, request: RedeemRequestState): bigint {
  return convertToAssets(pool, shares) + claimQuote(pool, request, request.shares).pays;
}

/** The portfolio's total: every position's value plus the stablecoin in the wallet (covers are not counted here). */
export function portfolioTotal(positionValues: readonly bigint[], walletBalance: bigint): bigint {
  return positionValues.reduce((sum, v) => sum + v, walletBalance);
}
