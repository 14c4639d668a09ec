// Twins of contracts/src/libraries/PoolMath.sol: BackstopPool's share conversions, the share-price floor,
// what a redeem-request claim pays (the lower of the value at request and at claim), day buckets and the
// linear earning of premiums and fees. Same names, same uint256 arithmetic, same rounding; where the
// EVM reverts (checked overflow, division by zero) the twin throws. Proven equal on anvil by
// PoolMath.parity.test.ts; lib/mirror/BackstopPool.ts builds on these, never on
// copies of the formulas.
import { add, div, MAX_UINT256, mul, mulDiv, sub, uint } from './evm';
import { DAY } from './units';

/** Fixed-point scale of the earning rate (asset base units × 1e18 per second). */
export const RATE_SCALE = 10n ** 18n;
/** 10 ** decimalsOffset: the virtual shares of the inflation defence. */
export const VIRTUAL_SHARES = 10n ** 12n;
/** Most shares per base unit of assets at which a layer still takes deposits (10^-6 of the launch price). */
export const MAX_SHARES_PER_ASSET = 10n ** 18n;

/** Shares for `assets`, rounded down (deposit, previewDeposit, convertToShares, claimSharesDown). */
export function sharesDown(assets: bigint, supply: bigint, totalAssets_: bigint): bigint {
  return mulDiv(assets, add(supply, VIRTUAL_SHARES), add(totalAssets_, 1n), 'Down');
}

/** Shares for `assets`, rounded up (a claim's value-now side, claimSharesUp). */
export function sharesUp(assets: bigint, supply: bigint, totalAssets_: bigint): bigint {
  return mulDiv(assets, add(supply, VIRTUAL_SHARES), add(totalAssets_, 1n), 'Up');
}

/** Assets for `shares`, rounded down (convertToAssets, a claim's value-now side). */
export function assetsDown(shares: bigint, supply: bigint, totalAssets_: bigint): bigint {
  return mulDiv(shares, add(totalAssets_, 1n), add(supply, VIRTUAL_SHARES), 'Down');
}

/** Assets for `shares`, rounded up (mint, previewMint). */
export function assetsUp(shares: bigint, supply: bigint, totalAssets_: bigint): bigint {
  return mulDiv(shares, add(totalAssets_, 1n), add(supply, VIRTUAL_SHARES), 'Up');
}

/**
 * `belowSharePriceFloor`: `supply > (totalAssets + 1) × 10^18 − 10^12` — a wiped-out layer, closed to
 * deposits and mints. Same checked arithmetic, so it overflows where the contract does.
 */
export function belowSharePriceFloor(supply: bigint, totalAssets_: bigint): boolean {
  return uint(supply) > sub(mul(add(totalAssets_, 1n), MAX_SHARES_PER_ASSET), VIRTUAL_SHARES);
}

/** `requestAssetsDown`: value at request of `shares` of a request, `requestAssets × shares / requestShares`, down. */
export function requestAssetsDown(shares: bigint, requestShares: bigint, requestAssets: bigint): bigint {
  return mulDiv(requestAssets, shares, requestShares, 'Down');
}

/** `requestSharesUp`: fewest request shares whose value at request covers `assets`; none (max) if it was worth 0. */
export function requestSharesUp(assets: bigint, requestShares: bigint, requestAssets: bigint): bigint {
  if (uint(requestAssets) === 0n) return uint(assets) === 0n ? 0n : MAX_UINT256;
  return mulDiv(assets, requestShares, requestAssets, 'Up');
}

/** `claimAssetsDown`: a claim of `shares` pays the lower of their value now and at request. */
export function claimAssetsDown(shares: bigint, requestShares: bigint, requestAssets: bigint, supply: bigint, totalAssets_: bigint): bigint {
  const valueNow = assetsDown(shares, supply, totalAssets_);
  const valueAtRequest = requestAssetsDown(shares, requestShares, requestAssets);
  return valueNow < valueAtRequest ? valueNow : valueAtRequest;
}

/** `claimSharesUp`: shares a claim of `assets` burns — the larger of `sharesUp` and `requestSharesUp`. */
export function claimSharesUp(assets: bigint, requestShares: bigint, requestAssets: bigint, supply: bigint, totalAssets_: bigint): bigint {
  const byValueNow = sharesUp(assets, supply, totalAssets_);
  const byValueAtRequest = requestSharesUp(assets, requestShares, requestAssets);
  return byValueNow > byValueAtRequest ? byValueNow : byValueAtRequest;
}

/** `claimSharesDown`: most shares a claim may burn while paying at most `assets` (maxRedeem's cap). */
export function claimSharesDown(assets: bigint, requestShares: bigint, requestAssets: bigint, supply: bigint, totalAssets_: bigint): bigint {
  if (uint(requestAssets) === 0n) return MAX_UINT256;
  const byValueNow = sharesDown(assets, supply, totalAssets_);
  const byValueAtRequest = mulDiv(assets, requestShares, requestAssets, 'Down');
  return byValueNow > byValueAtRequest ? byValueNow : byValueAtRequest;
}

/** The day bucket a timestamp falls in. */
export function dayOf(t: bigint): bigint {
  return div(t, DAY);
}

/** `ceil(end / 86400)`, computed as the contract does — `(end + DAY) − 1` — so it overflows where it does. */
export function earningEndDayUp(end: bigint): bigint {
  return div(sub(add(end, DAY), 1n), DAY);
}

/** `floor(until / 86400) + 1`: strictly after `until`, so a claim at `until` still finds its lock. */
export function lockReleaseDay(until: bigint): bigint {
  return add(div(until, DAY), 1n);
}

/** Earning rate for `amount` over `duration` seconds, × 1e18, rounded down. */
export function rateDown(amount: bigint, duration: bigint): bigint {
  return div(mul(amount, RATE_SCALE), duration);
}

/** Reserve left after earning at `rate` for `elapsed` s: earned rounds down, so the reserve rounds up. */
export function unearnedUp(unearned: bigint, rate: bigint, elapsed: bigint): bigint {
  const earned = div(mul(rate, elapsed), RATE_SCALE);
  return earned >= uint(unearned) ? 0n : unearned - earned;
}
