// Twin of BackstopPool's views (contracts/src/BackstopPool.sol): the ERC-4626 conversions and previews,
// the pool-level accounting — the bucket walk `_previewAccrual` and every view built on it — and the
// ERC-7540 claim quotes and limits. The browser reads the raw state the contract exposes for exactly this —
// `accountingState()`, `bucket(day)` for each day of `walkDays`, `totalSupply()` — and evaluates at any
// `now` with no further round trip. Each conversion is one PoolMath twin (lib/mirror/PoolMath.ts) fed the
// contract's `totalSupply()` and `totalAssets()` (held − unearned premium, `shareState`). Same names, same
// uint256 arithmetic and rounding as the contract (always in the pool's favour: fewer shares in, fewer
// assets out); where a view reverts, the twin throws the same named error. Proven equal to live pools on
// anvil by BackstopPool.shares.parity.test.ts, BackstopPool.accounting.parity.test.ts and
// BackstopPool.claims.parity.test.ts.
import { add, ContractRevert, mul, sub } from './evm';
import { belowSharePriceFloor, claimAssetsDown, claimSharesDown, claimSharesUp, dayOf, assetsDown, assetsUp, sharesDown, unearnedUp } from './PoolMath';
import { DAY } from './units';

/** Thrown where BackstopPool reverts with the custom error `errorName` (the views' errors carry no values the twin needs). */
function revert(errorName: `BackstopPool${string}`): ContractRevert {
  return new ContractRevert('BackstopPool', errorName);
}

/** BackstopPool.MAX_BUCKET_WALK: most day buckets one call processes. */
export const MAX_BUCKET_WALK = 90n;
/** BackstopPool.MAX_TERM: furthest ahead a lock or an earning stream may end. */
export const MAX_TERM = 400n * DAY;
/** `held` is a uint96, so this bounds every deposit (`maxDeposit`). */
export const MAX_HELD = (1n << 96n) - 1n;

/** `accountingState()`: the raw `_core` and `_risk` slots. */
export type AccountingState = {
  held: bigint;
  unearned: bigint;
  checkpoint: bigint;
  rate: bigint;
  locked: bigint;
  paused: boolean;
};

/** `bucket(day)`: rate that stops and capital released at `day × 86400`. */
export type Bucket = { rateDrop: bigint; lockRelease: bigint };

/** Buckets by day; must hold every day of `walkDays(state, now)` (absent days are not assumed empty). */
export type Buckets = ReadonlyMap<bigint, Bucket>;

/** Everything the pool's views read, as the browser fetches it. */
export type PoolAccounting = { state: AccountingState; buckets: Buckets; totalSupply: bigint };

/** The contract's in-memory `Accrual`, flattened: the state after the walk, as a view sees it at `now`. */
export type Accrual = AccountingState & { unearnedNow: bigint; walked: boolean; complete: boolean };

/**
 * A controller's request, from `redeemRequest(controller)`: its escrowed shares still to claim, its claim
 * window, and `assetsAtRequest`, their value when requested (a claim pays at most its pro-rata part).
 */
export type RedeemRequest = { shares: bigint; claimableAt: bigint; expiresAt: bigint; assetsAtRequest: bigint };

// ---------------------------------------------------------------------------------------------------
// ERC-4626 conversions and previews

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
 * depends on the controller's request. Quote claims with `previewClaimWithdraw`.
 */
export function previewWithdraw(_pool: PoolShareState, _assets: bigint): never {
  throw revert('BackstopPoolAsyncPreview');
}

/** `previewRedeem(shares)` reverts for every input (ERC-7540); quote claims with `previewClaimRedeem`. */
export function previewRedeem(_pool: PoolShareState, _shares: bigint): never {
  throw revert('BackstopPoolAsyncPreview');
}

// ---------------------------------------------------------------------------------------------------
// Accounting: the bucket walk and the views built on it

/**
 * The days whose `bucket(day)` the walk reads at `now`: (checkpoint day, min(now day, checkpoint day + 90)].
 * Usually none or one; fetch exactly these before calling the views.
 */
export function walkDays(state: AccountingState, now: bigint): bigint[] {
  const cpDay = dayOf(state.checkpoint);
  const nowDay = dayOf(now);
  if (nowDay <= cpDay) return [];
  const lastDay = nowDay - cpDay > MAX_BUCKET_WALK ? cpDay + MAX_BUCKET_WALK : nowDay;
  const days: bigint[] = [];
  for (let d = cpDay + 1n; d <= lastDay; d++) days.push(d);
  return days;
}

function bucketOf(buckets: Buckets, day: bigint): Bucket {
  const b = buckets.get(day);
  if (!b) throw new Error(`bucket(${day}) was not provided (fetch every day of walkDays)`);
  return b;
}

/**
 * `_previewAccrual`: walks the non-empty buckets after the checkpoint (at most MAX_BUCKET_WALK days),
 * then earns to `now` — unless the walk stopped short, in which case nothing more is earned until
 * someone calls `checkpoint()` (understated assets favour the pool).
 * The contract skips loading `_risk` when nothing can need it (no unearned reserve, same day); that
 * changes no view's answer, since `rate × elapsed` cannot overflow for a uint128 rate, so the twin
 * always uses the stored rate and lock.
 */
export function previewAccrual(state: AccountingState, buckets: Buckets, now: bigint): Accrual {
  let cp = state.checkpoint;
  const cpDay = dayOf(cp);
  const nowDay = dayOf(now);
  let { unearned, checkpoint, rate, locked } = state;
  let u = unearned;
  let walked = false;
  let complete = true;
  if (nowDay !== cpDay) {
    walked = true;
    let lastDay = nowDay;
    if (sub(nowDay, cpDay) > MAX_BUCKET_WALK) {
      lastDay = add(cpDay, MAX_BUCKET_WALK);
      complete = false;
    }
    for (let d = add(cpDay, 1n); d <= lastDay; d++) {
      const b = bucketOf(buckets, d);
      if (b.rateDrop === 0n && b.lockRelease === 0n) continue;
      const t = mul(d, DAY);
      u = unearnedUp(u, rate, sub(t, cp));
      cp = t;
      rate = sub(rate, b.rateDrop);
      locked = sub(locked, b.lockRelease);
      // Rounded-down rates can leave dust in the reserve once every stream has ended: it is earned.
      if (rate === 0n) u = 0n;
    }
    const end = mul(lastDay, DAY);
    u = unearnedUp(u, rate, sub(end, cp));
    unearned = u;
    checkpoint = BigInt.asUintN(40, end); // the contract stores it as a uint40
    cp = end;
  }
  const unearnedNow = complete ? unearnedUp(u, rate, sub(now, cp)) : u;
  return { held: state.held, unearned, checkpoint, rate, locked, paused: state.paused, unearnedNow, walked, complete };
}

/** `_free`: held − unearnedNow − locked. */
function free(a: Accrual): bigint {
  return sub(sub(a.held, a.unearnedNow), a.locked);
}

/** `totalAssets()`: held − unearnedNow; unearned premium is not an asset yet. */
export function totalAssets(pool: PoolAccounting, now: bigint): bigint {
  const a = previewAccrual(pool.state, pool.buckets, now);
  return sub(a.held, a.unearnedNow);
}

/** `freeAssets()`: total assets − locked; what withdrawals and shortfalls may touch. */
export function freeAssets(pool: PoolAccounting, now: bigint): bigint {
  return free(previewAccrual(pool.state, pool.buckets, now));
}

/** `lockedAssets()`: capital locked for active covers, after expired buckets released theirs. */
export function lockedAssets(pool: PoolAccounting, now: bigint): bigint {
  return previewAccrual(pool.state, pool.buckets, now).locked;
}

/** `unearnedPremium()`: premiums and streamed fees received but not yet earned. */
export function unearnedPremium(pool: PoolAccounting, now: bigint): bigint {
  return previewAccrual(pool.state, pool.buckets, now).unearnedNow;
}

/** `premiumRate()`: base units × 1e18 per second, after expired streams stopped. */
export function premiumRate(pool: PoolAccounting, now: bigint): bigint {
  return previewAccrual(pool.state, pool.buckets, now).rate;
}

/** `pendingDays()`: days since the stored checkpoint; above MAX_BUCKET_WALK new risk needs `checkpoint()`. */
export function pendingDays(state: AccountingState, now: bigint): bigint {
  return sub(dayOf(now), dayOf(state.checkpoint));
}

/** What the ERC-4626 conversions and previews above need at `now`. */
export function shareState(pool: PoolAccounting, now: bigint): PoolShareState {
  return { totalAssets: totalAssets(pool, now), totalSupply: pool.totalSupply };
}

/** `_depositRoom`: the room `held` has left and the shares it mints; (0, 0) while deposits are closed. */
function depositRoom(pool: PoolAccounting, now: bigint): { room: bigint; shares: bigint } {
  const a = previewAccrual(pool.state, pool.buckets, now);
  if (a.paused || !a.complete) return { room: 0n, shares: 0n };
  const assets = sub(a.held, a.unearnedNow);
  if (belowSharePriceFloor(pool.totalSupply, assets)) return { room: 0n, shares: 0n };
  const room = sub(MAX_HELD, a.held);
  return { room, shares: sharesDown(room, pool.totalSupply, assets) };
}

/**
 * `maxDeposit`: 0 while paused, while a checkpoint is required, below the share-price floor (a wiped-out
 * layer) or when the room left would mint no share; else the room left in `held`.
 */
export function maxDeposit(pool: PoolAccounting, now: bigint): bigint {
  const { room, shares } = depositRoom(pool, now);
  return shares === 0n ? 0n : room;
}

/** `maxMint`: shares for `maxDeposit`'s room, rounded down; 0 whenever no deposit is possible. */
export function maxMint(pool: PoolAccounting, now: bigint): bigint {
  return depositRoom(pool, now).shares;
}

/** `isBelowSharePriceFloor`: whether the layer is wiped out (deposits closed until earnings lift the price). */
export function isBelowSharePriceFloor(pool: PoolAccounting, now: bigint): boolean {
  return belowSharePriceFloor(pool.totalSupply, totalAssets(pool, now));
}

/** `_inWindow`: the request's shares inside its claim window (both ends inclusive), else 0. */
export function claimableShares(request: RedeemRequest, now: bigint): bigint {
  if (request.shares === 0n || now < request.claimableAt || now > request.expiresAt) return 0n;
  return request.shares;
}

/**
 * `maxWithdraw(controller)`: the lower of the claimable shares' value now and their value at request
 * (rounded down), capped by free capital; 0 outside the window.
 */
export function maxWithdraw(pool: PoolAccounting, request: RedeemRequest, now: bigint): bigint {
  const shares = claimableShares(request, now);
  if (shares === 0n) return 0n;
  const a = previewAccrual(pool.state, pool.buckets, now);
  const assets = claimAssetsDown(shares, shares, request.assetsAtRequest, pool.totalSupply, sub(a.held, a.unearnedNow));
  const f = free(a);
  return assets < f ? assets : f;
}

/** `maxRedeem(controller)`: the claimable shares, capped by what free capital pays; 0 if it would pay 0. */
export function maxRedeem(pool: PoolAccounting, request: RedeemRequest, now: bigint): bigint {
  const requested = claimableShares(request, now);
  if (requested === 0n) return 0n;
  const a = previewAccrual(pool.state, pool.buckets, now);
  const supply = pool.totalSupply;
  const assets = sub(a.held, a.unearnedNow);
  let shares = requested;
  const byFree = claimSharesDown(free(a), requested, request.assetsAtRequest, supply, assets);
  if (byFree < shares) shares = byFree;
  return claimAssetsDown(shares, requested, request.assetsAtRequest, supply, assets) === 0n ? 0n : shares;
}

/** `_loadRequestForQuote`: a claim quote needs a request. */
function requireRequest(request: RedeemRequest): void {
  if (request.shares === 0n) throw revert('BackstopPoolNoRequest');
}

/**
 * `previewClaimRedeem(shares, controller)`: what `redeem` pays now — the lower of the shares' value now and
 * their pro-rata part of the request's value at request, rounded down. Like an ERC-4626 preview it ignores
 * the claim window and free capital (quotes in cooldown too); throws where the contract reverts.
 */
export function previewClaimRedeem(pool: PoolAccounting, request: RedeemRequest, shares: bigint, now: bigint): bigint {
  requireRequest(request);
  if (shares > request.shares) throw revert('BackstopPoolExceedsRequest');
  const a = previewAccrual(pool.state, pool.buckets, now);
  return claimAssetsDown(shares, request.shares, request.assetsAtRequest, pool.totalSupply, sub(a.held, a.unearnedNow));
}

/** `previewClaimWithdraw(assets, controller)`: shares `withdraw(assets)` burns now, rounded up. */
export function previewClaimWithdraw(pool: PoolAccounting, request: RedeemRequest, assets: bigint, now: bigint): bigint {
  requireRequest(request);
  const a = previewAccrual(pool.state, pool.buckets, now);
  const shares = claimSharesUp(assets, request.shares, request.assetsAtRequest, pool.totalSupply, sub(a.held, a.unearnedNow));
  if (shares > request.shares) throw revert('BackstopPoolExceedsRequest');
  return shares;
}
