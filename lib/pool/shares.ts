// Twins of BackstopPool's ERC-4626 share conversions (OpenZeppelin ERC4626 with a decimals offset).
// Same integer arithmetic and rounding as contracts/src/BackstopPool.sol, proven equal on anvil by
// shares.parity.test.ts. Rounding always favours the pool: fewer shares in, fewer assets out.
import { mulDiv } from '../math/mulDiv';
import type { Rounding } from '../math/rounding';

/** BackstopPool `_decimalsOffset()`: shares carry 12 more decimals than the 6-decimal stablecoin. */
export const DECIMALS_OFFSET = 12n;
const VIRTUAL_SHARES = 10n ** DECIMALS_OFFSET;
const VIRTUAL_ASSETS = 1n;

/** The two numbers every conversion depends on, as the contract reads them. */
export type PoolShareState = { totalAssets: bigint; totalSupply: bigint };

/** Mirrors OZ `ERC4626._convertToShares(assets, rounding)`. */
export function convertToSharesRounded(pool: PoolShareState, assets: bigint, rounding: Rounding): bigint {
  return mulDiv(assets, pool.totalSupply + VIRTUAL_SHARES, pool.totalAssets + VIRTUAL_ASSETS, rounding);
}

/** Mirrors OZ `ERC4626._convertToAssets(shares, rounding)`. */
export function convertToAssetsRounded(pool: PoolShareState, shares: bigint, rounding: Rounding): bigint {
  return mulDiv(shares, pool.totalAssets + VIRTUAL_ASSETS, pool.totalSupply + VIRTUAL_SHARES, rounding);
}

/** Mirrors `BackstopPool.convertToShares`: rounds down. */
export function convertToShares(pool: PoolShareState, assets: bigint): bigint {
  return convertToSharesRounded(pool, assets, 'Down');
}

/** Mirrors `BackstopPool.convertToAssets`: rounds down. */
export function convertToAssets(pool: PoolShareState, shares: bigint): bigint {
  return convertToAssetsRounded(pool, shares, 'Down');
}

/** Mirrors `BackstopPool.previewDeposit`: shares for `assets`, rounded down (the depositor gets no dust). */
export function previewDeposit(pool: PoolShareState, assets: bigint): bigint {
  return convertToSharesRounded(pool, assets, 'Down');
}

/** Mirrors `BackstopPool.previewMint`: assets charged for `shares`, rounded up. */
export function previewMint(pool: PoolShareState, shares: bigint): bigint {
  return convertToAssetsRounded(pool, shares, 'Up');
}

/** Mirrors `BackstopPool.previewWithdraw`: shares burnt to pay `assets`, rounded up. */
export function previewWithdraw(pool: PoolShareState, assets: bigint): bigint {
  return convertToSharesRounded(pool, assets, 'Up');
}

/** Mirrors `BackstopPool.previewRedeem`: assets paid for `shares`, rounded down. */
export function previewRedeem(pool: PoolShareState, shares: bigint): bigint {
  return convertToAssetsRounded(pool, shares, 'Down');
}
