// Twins of BackstopPool's ERC-4626 conversions and previews. Each is one PoolMath twin (poolMath.ts) fed
// the contract's `totalSupply()` and `totalAssets()` — the latter is internal accounting (held − unearned
// premium), which lib/pool/accounting.ts computes from the raw state (`shareState`). Rounding always
// favours the pool: fewer shares in, fewer assets out. previewRedeem/previewWithdraw revert, as ERC-7540
// requires of an asynchronous redeem vault: a claim's quote is accounting.ts previewClaimRedeem /
// previewClaimWithdraw. Proven equal on anvil by shares.parity.test.ts.
import { BackstopPoolError } from './errors';
import { assetsDown, assetsUp, sharesDown } from '../mirror/PoolMath';

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

/**
 * `previewWithdraw(assets)` reverts for every input (ERC-7540, asynchronous redeem): a claim's value
 * depends on the controller's request. Quote claims with accounting.ts `previewClaimWithdraw`.
 */
export function previewWithdraw(_pool: PoolShareState, _assets: bigint): never {
  throw new BackstopPoolError('BackstopPoolAsyncPreview');
}

/** `previewRedeem(shares)` reverts for every input (ERC-7540); quote claims with `previewClaimRedeem`. */
export function previewRedeem(_pool: PoolShareState, _shares: bigint): never {
  throw new BackstopPoolError('BackstopPoolAsyncPreview');
}
