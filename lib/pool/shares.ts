// Twins of BackstopPool's ERC-4626 conversions and previews. Each is one PoolMath twin (poolMath.ts) fed
// the contract's `totalSupply()` and `totalAssets()` — the latter is internal accounting (held − unearned
// premium), which lib/pool/accounting.ts computes from the raw state (`shareState`). Rounding always
// favours the pool: fewer shares in, fewer assets out. Proven equal on anvil by shares.parity.test.ts.
import { assetsDown, assetsUp, sharesDown, sharesUp } from './poolMath';

/** BackstopPool `_decimalsOffset()`: shares carry 12 more decimals than the 6-decimal stablecoin. */
export const DECIMALS_OFFSET = 12n;

/** The two numbers every conversion depends on, as the contract reads them. */
export type PoolShareState = { totalAssets: bigint; totalSupply: bigint };

/** `convertToShares(assets)`: `sharesDown`. */
export function convertToShares(pool: PoolShareState, assets: bigint): bigint {
  return sharesDown(assets, pool.totalSupply, pool.totalAssets);
}

/** `convertToAssets(shares)`: `assetsDown`. */
export function convertToAssets(pool: PoolShareState, shares: bigint): bigint {
  return assetsDown(shares, pool.totalSupply, pool.totalAssets);
}

/** `previewDeposit(assets)`: `sharesDown` (the depositor gets no dust). */
export function previewDeposit(pool: PoolShareState, assets: bigint): bigint {
  return sharesDown(assets, pool.totalSupply, pool.totalAssets);
}

/** `previewMint(shares)`: `assetsUp` (the minter pays at least the shares' value). */
export function previewMint(pool: PoolShareState, shares: bigint): bigint {
  return assetsUp(shares, pool.totalSupply, pool.totalAssets);
}

/** `previewWithdraw(assets)`: `sharesUp` (the leaver burns at least the value taken). */
export function previewWithdraw(pool: PoolShareState, assets: bigint): bigint {
  return sharesUp(assets, pool.totalSupply, pool.totalAssets);
}

/** `previewRedeem(shares)`: `assetsDown` (the leaver gets no more than the shares are worth). */
export function previewRedeem(pool: PoolShareState, shares: bigint): bigint {
  return assetsDown(shares, pool.totalSupply, pool.totalAssets);
}
