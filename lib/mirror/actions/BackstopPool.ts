// Whole-action twin of BackstopPool (contracts/src/BackstopPool.sol): every state-changing entry point
// as a pure transition — the pool's state (and the stablecoin ledger where tokens move) in, the new
// state and the function's return values out, or the custom error the contract reverts with, checks
// in the contract's order. Built only on the formula twins: the bucket walk `_walk`/`_accrue` is
// accounting.ts `previewAccrual`, every conversion and claim formula is poolMath.ts, the share token is
// lib/token/erc20.ts with the pool's `_update` override. Nothing is mutated, so a caller composing
// several contracts (CoverMarket → pool, ShortfallWaterfall → pools) commits only when all succeed.
// Proven against deployed pools by the protocol soak (scripts/soak): after every action the stored
// `accountingState()`, buckets, requests, balances and views equal what this twin predicts.
// Over 400 lines on purpose: it mirrors one contract (BackstopPool.sol with its modules PoolAccrual and PoolExits)
// entry point by entry point; a split would separate transitions that share the accrual step.
import { addr, isZero, ZERO_ADDRESS } from './address';
import { ContractRevert, MAX_UINT256, Panic } from '../evm';
import * as erc20 from './ERC20';
import type { Erc20State } from './ERC20';
import { MAX_HELD, MAX_TERM, previewAccrual, type Accrual, type AccountingState, type Bucket, type Buckets, type PoolAccounting } from '../BackstopPool';
import {
  assetsDown,
  assetsUp,
  belowSharePriceFloor,
  claimAssetsDown,
  claimSharesUp,
  dayOf,
  earningEndDayUp,
  lockReleaseDay,
  rateDown,
  RATE_SCALE,
  requestAssetsDown,
  sharesDown,
} from '../PoolMath';
import { add, mul, sub } from '../evm';
import { DAY } from '../units';

// BackstopPool's hard bounds and defaults (the contract's constants).
export const MIN_COOLDOWN = 1n * DAY;
export const MAX_COOLDOWN = 10n * DAY;
export const DEFAULT_COOLDOWN = 7n * DAY;
export const MIN_CLAIM_WINDOW = 1n * DAY;
export const MAX_CLAIM_WINDOW = 4n * DAY;
export const DEFAULT_CLAIM_WINDOW = 3n * DAY;
export const MAX_FEE_STREAM_PERIOD = 7n * DAY;
export const DEFAULT_FEE_STREAM_PERIOD = 1n * DAY;
export const MIN_MAX_UTILIZATION_BPS = 1_000n;
export const MAX_MAX_UTILIZATION_BPS = 9_500n;
export const DEFAULT_MAX_UTILIZATION_BPS = 8_000n;
const MAX_UINT128 = (1n << 128n) - 1n;
const EMPTY_BUCKET: Bucket = { rateDrop: 0n, lockRelease: 0n };

/** `_requests[controller]`: both slots. */
export type PoolRequest = { shares: bigint; id: bigint; claimableAt: bigint; expiresAt: bigint; owner: string; assetsAtRequest: bigint };

/** Everything a BackstopPool stores, flat (`_core`, `_risk`, `_params`, mappings, the share token). */
export type PoolState = {
  readonly address: string;
  readonly owner: string;
  // _core
  readonly held: bigint;
  readonly unearned: bigint;
  readonly checkpoint: bigint;
  readonly paused: boolean;
  readonly maxUtilizationBps: bigint;
  // _risk
  readonly rate: bigint;
  readonly locked: bigint;
  /** `_buckets` by day (absent = empty). */
  readonly buckets: ReadonlyMap<bigint, Bucket>;
  // _params
  readonly guardian: string;
  readonly cooldown: bigint;
  readonly claimWindow: bigint;
  readonly feeStreamPeriod: bigint;
  readonly waterfall: string;
  readonly lastRequestId: bigint;
  /** `_requests` by controller (lower-case; absent = none). */
  readonly requests: ReadonlyMap<string, PoolRequest>;
  /** `isMarket` (lower-case addresses). */
  readonly markets: ReadonlySet<string>;
  /** `isOperator` as `${controller}:${operator}` (lower-case). */
  readonly operators: ReadonlySet<string>;
  /** The share token (ERC-20, 18 decimals). */
  readonly shares: Erc20State;
};

/** Who calls, and the block's timestamp. */
export type PoolCall = { sender: string; now: bigint };

/** The constructor: defaults, checkpoint at deployment, no shares. */
export function deployPool(args: { address: string; owner: string; guardian: string; now: bigint }): PoolState {
  if (isZero(args.guardian)) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAddress', []);
  return {
    address: addr(args.address),
    owner: addr(args.owner),
    held: 0n,
    unearned: 0n,
    checkpoint: args.now,
    paused: false,
    maxUtilizationBps: DEFAULT_MAX_UTILIZATION_BPS,
    rate: 0n,
    locked: 0n,
    buckets: new Map(),
    guardian: addr(args.guardian),
    cooldown: DEFAULT_COOLDOWN,
    claimWindow: DEFAULT_CLAIM_WINDOW,
    feeStreamPeriod: DEFAULT_FEE_STREAM_PERIOD,
    waterfall: ZERO_ADDRESS,
    lastRequestId: 0n,
    requests: new Map(),
    markets: new Set(),
    operators: new Set(),
    shares: erc20.emptyErc20(),
  };
}

// ------------------------------------------------------------------ the accrual, as calls run it

/** `accountingState()`: the raw slots the formula twins read. */
export function accountingStateOf(s: PoolState): AccountingState {
  return { held: s.held, unearned: s.unearned, checkpoint: s.checkpoint, rate: s.rate, locked: s.locked, paused: s.paused };
}

/** The buckets as accounting.ts reads them: every day answers (absent = empty, as storage does). */
export function bucketsOf(s: PoolState): Buckets {
  return { get: (day: bigint) => s.buckets.get(day) ?? EMPTY_BUCKET } as unknown as Buckets;
}

/** What the ERC-4626 views (accounting.ts) read. */
export function poolAccounting(s: PoolState): PoolAccounting {
  return { state: accountingStateOf(s), buckets: bucketsOf(s), totalSupply: s.shares.totalSupply };
}

/** `_walk` at `now` (the in-memory `Accrual`). */
function walk(s: PoolState, now: bigint): Accrual {
  return previewAccrual(accountingStateOf(s), bucketsOf(s), now);
}

/** `_commit`: the walked (and edited) accrual written back to `_core` and `_risk`. */
function commit(s: PoolState, a: Accrual): PoolState {
  return { ...s, held: a.held, unearned: a.unearned, checkpoint: a.checkpoint, rate: a.rate, locked: a.locked };
}

/** `pendingDays()`: from the STORED checkpoint (what `BackstopPoolCheckpointRequired` carries). */
export function pendingDaysOf(s: PoolState, now: bigint): bigint {
  return sub(dayOf(now), dayOf(s.checkpoint));
}

function requireComplete(s: PoolState, a: Accrual, now: bigint): void {
  if (!a.complete) throw new ContractRevert('BackstopPool', 'BackstopPoolCheckpointRequired', [pendingDaysOf(s, now)]);
}

/** `_accrueForNewRisk`: deposits, mints and locks refuse while paused or behind on buckets. */
function walkForNewRisk(s: PoolState, now: bigint): Accrual {
  const a = walk(s, now);
  if (a.paused) throw new ContractRevert('BackstopPool', 'BackstopPoolPaused', []);
  requireComplete(s, a, now);
  return a;
}

const totalAssetsOf = (a: Accrual) => sub(a.held, a.unearnedNow);
const freeOf = (a: Accrual) => sub(sub(a.held, a.unearnedNow), a.locked);

function withBucket(s: PoolState, day: bigint, change: Partial<Bucket>): ReadonlyMap<bigint, Bucket> {
  const b = s.buckets.get(day) ?? EMPTY_BUCKET;
  const next = { rateDrop: add(b.rateDrop, change.rateDrop ?? 0n), lockRelease: add(b.lockRelease, change.lockRelease ?? 0n) };
  if (next.rateDrop > MAX_UINT128 || next.lockRelease > MAX_UINT128) throw new Panic(0x11n);
  const buckets = new Map(s.buckets);
  buckets.set(day, next);
  return buckets;
}

function toHeld(held: bigint): bigint {
  if (held > MAX_HELD) throw new ContractRevert('BackstopPool', 'BackstopPoolAmountTooLarge', [held, MAX_HELD]);
  return held;
}

/**
 * `_startStream`: `amount` joins `held` and the unearned reserve, earned at a rate rounded down until the
 * day boundary at or after `end`. Needs a complete walk. Returns the edited accrual, buckets, rate and the
 * time it is fully earned.
 */
function startStream(s: PoolState, a: Accrual, amount: bigint, end: bigint, now: bigint) {
  const endDay = earningEndDayUp(end);
  const earnedAt = mul(endDay, DAY);
  const rate = rateDown(amount, sub(earnedAt, now));
  if (rate > MAX_UINT128) throw new ContractRevert('BackstopPool', 'BackstopPoolAmountTooLarge', [amount, (MAX_UINT128 * (earnedAt - now)) / RATE_SCALE]);
  const held = toHeld(add(a.held, amount));
  const unearned = add(a.unearnedNow, amount);
  const next: Accrual = { ...a, held, unearned, checkpoint: now, rate: add(a.rate, rate), unearnedNow: unearned };
  if (next.rate > MAX_UINT128) throw new Panic(0x11n);
  return { a: next, buckets: withBucket(s, endDay, { rateDrop: rate }), rate, earnedAt };
}

/** The pool's share `_update` override: shares never move to the pool but through `requestRedeem`. */
function sharesHook(s: PoolState) {
  return (_from: string, to: string) => {
    if (addr(to) === s.address) throw new ContractRevert('BackstopPool', 'BackstopPoolEscrowTransfer', []);
  };
}

function onlyOwner(s: PoolState, sender: string): void {
  if (addr(sender) !== s.owner) throw new ContractRevert('BackstopPool', 'OwnableUnauthorizedAccount', [addr(sender)]);
}

function onlyMarket(s: PoolState, sender: string): void {
  if (!s.markets.has(addr(sender))) throw new ContractRevert('BackstopPool', 'BackstopPoolNotMarket', [addr(sender)]);
}

function onlyWaterfall(s: PoolState, sender: string): void {
  if (addr(sender) !== s.waterfall || isZero(sender)) throw new ContractRevert('BackstopPool', 'BackstopPoolNotWaterfall', [addr(sender)]);
}

export function isOperator(s: PoolState, controller: string, operator: string): boolean {
  return s.operators.has(`${addr(controller)}:${addr(operator)}`);
}

// ------------------------------------------------------------------ views the actions need

/** `totalAssets()` at `now`. */
export function totalAssetsAt(s: PoolState, now: bigint): bigint {
  return totalAssetsOf(walk(s, now));
}

/** `freeAssets()` at `now`. */
export function freeAssetsAt(s: PoolState, now: bigint): bigint {
  return freeOf(walk(s, now));
}

/** `underwritingCapital()`: what a cover quote reads. */
export function underwritingCapital(s: PoolState, now: bigint): { totalAssets: bigint; locked: bigint; maxUtilizationBps: bigint } {
  const a = walk(s, now);
  return { totalAssets: totalAssetsOf(a), locked: a.locked, maxUtilizationBps: s.maxUtilizationBps };
}

/** `convertToAssets(shares)` at `now`. */
export function convertToAssetsAt(s: PoolState, shares: bigint, now: bigint): bigint {
  return assetsDown(shares, s.shares.totalSupply, totalAssetsAt(s, now));
}

/** `redeemRequest(controller)`: zeros (and the zero owner) when there is none. */
export function requestOf(s: PoolState, controller: string): PoolRequest {
  return s.requests.get(addr(controller)) ?? { shares: 0n, id: 0n, claimableAt: 0n, expiresAt: 0n, owner: ZERO_ADDRESS, assetsAtRequest: 0n };
}

// ------------------------------------------------------------------ ERC-4626 entry points

/** `_enter`: room in `held`, then the shares to `receiver` and the assets from the caller. */
function enter(s: PoolState, usdc: Erc20State, call: PoolCall, a: Accrual, receiver: string, assets: bigint, shares: bigint) {
  const room = sub(MAX_HELD, a.held);
  if (assets > room) throw new ContractRevert('BackstopPool', 'ERC4626ExceededMaxDeposit', [addr(receiver), assets, room]);
  let pool = commit(s, { ...a, held: a.held + assets });
  pool = { ...pool, shares: erc20.mint(pool.shares, receiver, shares, sharesHook(pool)) };
  const ledger = erc20.transferFrom(usdc, s.address, call.sender, s.address, assets);
  return { pool, usdc: ledger };
}

/** `deposit(assets, receiver)`: shares rounded down. */
export function deposit(s: PoolState, usdc: Erc20State, call: PoolCall, assets: bigint, receiver: string) {
  const a = walkForNewRisk(s, call.now);
  const supply = s.shares.totalSupply;
  const ta = totalAssetsOf(a);
  if (belowSharePriceFloor(supply, ta)) throw new ContractRevert('BackstopPool', 'BackstopPoolSharePriceBelowFloor', [ta, supply]);
  const shares = sharesDown(assets, supply, ta);
  if (shares === 0n) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroShares', [assets]);
  return { ...enter(s, usdc, call, a, receiver, assets, shares), shares };
}

/** `mint(shares, receiver)`: assets rounded up. */
export function mint(s: PoolState, usdc: Erc20State, call: PoolCall, shares: bigint, receiver: string) {
  if (shares === 0n) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroShares', [0n]);
  const a = walkForNewRisk(s, call.now);
  const supply = s.shares.totalSupply;
  const ta = totalAssetsOf(a);
  if (belowSharePriceFloor(supply, ta)) throw new ContractRevert('BackstopPool', 'BackstopPoolSharePriceBelowFloor', [ta, supply]);
  const assets = assetsUp(shares, supply, ta);
  return { ...enter(s, usdc, call, a, receiver, assets, shares), assets };
}

/** `_requireClaimable`: the caller acts for `controller`, whose request is inside its window. */
function requireClaimable(s: PoolState, q: PoolRequest, controller: string, call: PoolCall): void {
  if (addr(call.sender) !== addr(controller) && !isOperator(s, controller, call.sender)) {
    throw new ContractRevert('BackstopPool', 'BackstopPoolNotOperator', [addr(call.sender), addr(controller)]);
  }
  if (q.shares === 0n) throw new ContractRevert('BackstopPool', 'BackstopPoolNoRequest', [addr(controller)]);
  if (call.now < q.claimableAt) throw new ContractRevert('BackstopPool', 'BackstopPoolCooldownActive', [q.id, q.claimableAt]);
  if (call.now > q.expiresAt) throw new ContractRevert('BackstopPool', 'BackstopPoolRequestLapsed', [q.id, q.expiresAt]);
}

/** `_exit`: free capital pays `assets`, the request keeps the rest (and its pro-rata value at request). */
function exit(s: PoolState, usdc: Erc20State, a: Accrual, q: PoolRequest, controller: string, receiver: string, assets: bigint, shares: bigint) {
  if (shares > q.shares) throw new ContractRevert('BackstopPool', 'BackstopPoolExceedsRequest', [q.id, shares, q.shares]);
  const free = freeOf(a);
  if (assets > free) throw new ContractRevert('BackstopPool', 'BackstopPoolInsufficientFreeAssets', [assets, free]);
  let pool = commit(s, { ...a, held: a.held - assets });
  const requests = new Map(pool.requests);
  if (shares === q.shares) {
    requests.delete(addr(controller));
  } else {
    const spent = requestAssetsDown(shares, q.shares, q.assetsAtRequest);
    requests.set(addr(controller), { ...q, shares: q.shares - shares, assetsAtRequest: q.assetsAtRequest - spent });
  }
  pool = { ...pool, requests, shares: erc20.burn(pool.shares, s.address, shares) };
  const ledger = erc20.transfer(usdc, s.address, receiver, assets);
  return { pool, usdc: ledger };
}

/** `withdraw(assets, receiver, controller)`: pays exactly `assets`, burns the fewest shares (rounded up). */
export function withdraw(s: PoolState, usdc: Erc20State, call: PoolCall, assets: bigint, receiver: string, controller: string) {
  if (assets === 0n) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAssets', [0n]);
  const q = requestOf(s, controller);
  requireClaimable(s, q, controller, call);
  const a = walk(s, call.now);
  const shares = claimSharesUp(assets, q.shares, q.assetsAtRequest, s.shares.totalSupply, totalAssetsOf(a));
  return { ...exit(s, usdc, a, q, controller, receiver, assets, shares), shares };
}

/** `redeem(shares, receiver, controller)`: the lower of the value now and at request, rounded down. */
export function redeem(s: PoolState, usdc: Erc20State, call: PoolCall, shares: bigint, receiver: string, controller: string) {
  const q = requestOf(s, controller);
  requireClaimable(s, q, controller, call);
  if (shares > q.shares) throw new ContractRevert('BackstopPool', 'BackstopPoolExceedsRequest', [q.id, shares, q.shares]);
  const a = walk(s, call.now);
  const assets = claimAssetsDown(shares, q.shares, q.assetsAtRequest, s.shares.totalSupply, totalAssetsOf(a));
  if (assets === 0n) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAssets', [shares]);
  return { ...exit(s, usdc, a, q, controller, receiver, assets, shares), assets };
}

// ------------------------------------------------------------------ ERC-7540

/** `_returnLapsed`: the lapsed request's shares go back to the owner who escrowed them. */
function returnLapsed(s: PoolState, controller: string, q: PoolRequest): PoolState {
  const requests = new Map(s.requests);
  requests.delete(addr(controller));
  return { ...s, requests, shares: erc20.update(s.shares, s.address, q.owner, q.shares) };
}

/** `requestRedeem(shares, controller, owner)`: escrows `owner`'s shares for `controller`, worth `convertToAssets` now. */
export function requestRedeem(s: PoolState, call: PoolCall, shares: bigint, controller: string, owner: string) {
  if (shares === 0n) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroShares', [0n]);
  if (isZero(controller)) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAddress', []);
  if (addr(call.sender) !== addr(controller) && !isOperator(s, controller, call.sender)) {
    throw new ContractRevert('BackstopPool', 'BackstopPoolNotOperator', [addr(call.sender), addr(controller)]);
  }
  let pool = s;
  if (addr(call.sender) !== addr(owner) && !isOperator(s, owner, call.sender)) {
    pool = { ...pool, shares: erc20.spendAllowance(pool.shares, owner, call.sender, shares) };
  }
  const q = requestOf(pool, controller);
  if (q.shares !== 0n) {
    if (call.now <= q.expiresAt) throw new ContractRevert('BackstopPool', 'BackstopPoolRequestPending', [addr(controller), q.id, q.shares]);
    pool = returnLapsed(pool, controller, q);
  }
  if (shares > MAX_UINT128) throw new ContractRevert('BackstopPool', 'BackstopPoolAmountTooLarge', [shares, MAX_UINT128]);
  const assetsAtRequest = convertToAssetsAt(pool, shares, call.now);
  if (assetsAtRequest === 0n) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAssets', [shares]);
  // `_openRequest`
  const requestId = pool.lastRequestId + 1n;
  const claimableAt = call.now + pool.cooldown;
  const expiresAt = claimableAt + pool.claimWindow;
  const requests = new Map(pool.requests);
  requests.set(addr(controller), { shares, id: requestId, claimableAt, expiresAt, owner: addr(owner), assetsAtRequest });
  pool = { ...pool, lastRequestId: requestId, requests, shares: erc20.update(pool.shares, owner, s.address, shares) };
  return { pool, requestId };
}

/** `reclaimLapsedRequest(controller)`: anyone hands a lapsed request's shares back to their owner. */
export function reclaimLapsedRequest(s: PoolState, call: PoolCall, controller: string) {
  const q = requestOf(s, controller);
  if (q.shares === 0n) throw new ContractRevert('BackstopPool', 'BackstopPoolNoRequest', [addr(controller)]);
  if (call.now <= q.expiresAt) throw new ContractRevert('BackstopPool', 'BackstopPoolRequestNotLapsed', [q.id, q.expiresAt]);
  return { pool: returnLapsed(s, controller, q) };
}

/** `setOperator(operator, approved)`: the caller (a controller) approves or revokes an operator. */
export function setOperator(s: PoolState, call: PoolCall, operator: string, approved: boolean) {
  const operators = new Set(s.operators);
  const key = `${addr(call.sender)}:${addr(operator)}`;
  if (approved) operators.add(key);
  else operators.delete(key);
  return { pool: { ...s, operators }, result: true };
}

/** Share `transfer(to, value)`. */
export function transferShares(s: PoolState, call: PoolCall, to: string, value: bigint) {
  return { pool: { ...s, shares: erc20.transfer(s.shares, call.sender, to, value, sharesHook(s)) }, result: true };
}

/** Share `transferFrom(from, to, value)`. */
export function transferSharesFrom(s: PoolState, call: PoolCall, from: string, to: string, value: bigint) {
  return { pool: { ...s, shares: erc20.transferFrom(s.shares, call.sender, from, to, value, sharesHook(s)) }, result: true };
}

/** Share `approve(spender, value)`. */
export function approveShares(s: PoolState, call: PoolCall, spender: string, value: bigint) {
  return { pool: { ...s, shares: erc20.approve(s.shares, call.sender, spender, value) }, result: true };
}

// ------------------------------------------------------------------ market hooks

function checkExpiry(value: bigint, now: bigint, strictlyAfter: boolean): void {
  if ((strictlyAfter ? value <= now : value < now) || value > now + MAX_TERM) {
    throw new ContractRevert('BackstopPool', 'BackstopPoolInvalidExpiry', [value, now, now + MAX_TERM]);
  }
}

/** `_requireUnderCeiling`: locked + amount ≤ ⌊total assets × maxUtilizationBps / 10000⌋. */
function requireUnderCeiling(s: PoolState, a: Accrual, amount: bigint): void {
  const maxLocked = (totalAssetsOf(a) * s.maxUtilizationBps) / 10_000n;
  if (a.locked + amount > maxLocked) throw new ContractRevert('BackstopPool', 'BackstopPoolAboveMaxUtilization', [a.locked + amount, maxLocked]);
}

/**
 * `underwriteCover(premium, earnUntil, amount, until)` by a market that already moved `premium` into the
 * pool: earns the premium like `receivePremium` and locks `amount` like `lockCapital`. Returns the lock's
 * release day.
 */
export function underwriteCover(s: PoolState, usdc: Erc20State, call: PoolCall, premium: bigint, earnUntil: bigint, amount: bigint, until: bigint) {
  onlyMarket(s, call.sender);
  if (premium === 0n || amount === 0n) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAssets', [0n]);
  checkExpiry(earnUntil, call.now, true);
  checkExpiry(until, call.now, false);
  const a0 = walkForNewRisk(s, call.now);
  const free = freeOf(a0);
  if (amount > free) throw new ContractRevert('BackstopPool', 'BackstopPoolInsufficientFreeAssets', [amount, free]);
  requireUnderCeiling(s, a0, amount);
  const balance = erc20.balanceOf(usdc, s.address);
  if (balance < a0.held + premium) throw new ContractRevert('BackstopPool', 'BackstopPoolPremiumNotReceived', [premium, balance - a0.held]);
  const stream = startStream(s, a0, premium, earnUntil, call.now);
  const releaseDay = lockReleaseDay(until);
  const pool = { ...s, buckets: stream.buckets };
  const a = { ...stream.a, locked: stream.a.locked + amount };
  return { pool: { ...commit(pool, a), buckets: withBucket(pool, releaseDay, { lockRelease: amount }) }, releaseDay };
}

/** `_unlock`: `amount` leaves the lock in bucket `releaseDay` (still unreleased) and `locked`. */
function unlock(s: PoolState, call: PoolCall, amount: bigint, releaseDay: bigint) {
  const a = walk(s, call.now);
  const processedDay = dayOf(a.checkpoint);
  if (releaseDay <= processedDay) throw new ContractRevert('BackstopPool', 'BackstopPoolLockReleased', [releaseDay, processedDay]);
  const available = (s.buckets.get(releaseDay) ?? EMPTY_BUCKET).lockRelease;
  if (amount > available) throw new ContractRevert('BackstopPool', 'BackstopPoolExceedsLock', [releaseDay, amount, available]);
  const buckets = new Map(s.buckets);
  buckets.set(releaseDay, { ...(s.buckets.get(releaseDay) ?? EMPTY_BUCKET), lockRelease: available - amount });
  return { a: { ...a, locked: sub(a.locked, amount) }, buckets };
}

/** `payClaim(amount, recipient, releaseDay)`: a market pays a claim out of its lock. */
export function payClaim(s: PoolState, usdc: Erc20State, call: PoolCall, amount: bigint, recipient: string, releaseDay: bigint) {
  onlyMarket(s, call.sender);
  if (amount === 0n) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAssets', [0n]);
  if (isZero(recipient)) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAddress', []);
  const { a, buckets } = unlock(s, call, amount, releaseDay);
  const pool = commit({ ...s, buckets }, { ...a, held: sub(a.held, amount) });
  return { pool, usdc: erc20.transfer(usdc, s.address, recipient, amount) };
}

/** `payReleasedClaim(amount, recipient, releaseDay)`: a claim whose lock was already released, from free capital. */
export function payReleasedClaim(s: PoolState, usdc: Erc20State, call: PoolCall, amount: bigint, recipient: string, releaseDay: bigint) {
  onlyMarket(s, call.sender);
  if (amount === 0n) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAssets', [0n]);
  if (isZero(recipient)) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAddress', []);
  const a = walk(s, call.now);
  const processedDay = dayOf(a.checkpoint);
  if (releaseDay > processedDay) throw new ContractRevert('BackstopPool', 'BackstopPoolLockNotReleased', [releaseDay, processedDay]);
  const free = freeOf(a);
  if (amount > free) throw new ContractRevert('BackstopPool', 'BackstopPoolInsufficientFreeAssets', [amount, free]);
  return { pool: commit(s, { ...a, held: a.held - amount }), usdc: erc20.transfer(usdc, s.address, recipient, amount) };
}

/** `releaseCapital(amount, releaseDay)`: a market frees its lock before the pool's bucket would. */
export function releaseCapital(s: PoolState, call: PoolCall, amount: bigint, releaseDay: bigint) {
  onlyMarket(s, call.sender);
  if (amount === 0n) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAssets', [0n]);
  const { a, buckets } = unlock(s, call, amount, releaseDay);
  return { pool: commit({ ...s, buckets }, a) };
}

// ------------------------------------------------------------------ waterfall hooks

/** `coverShortfall(amount, recipient)`: the waterfall draws free capital (0 is a no-op). */
export function coverShortfall(s: PoolState, usdc: Erc20State, call: PoolCall, amount: bigint, recipient: string) {
  onlyWaterfall(s, call.sender);
  if (amount === 0n) return { pool: s, usdc };
  if (isZero(recipient)) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAddress', []);
  const a = walk(s, call.now);
  const free = freeOf(a);
  if (amount > free) throw new ContractRevert('BackstopPool', 'BackstopPoolInsufficientFreeAssets', [amount, free]);
  return { pool: commit(s, { ...a, held: a.held - amount }), usdc: erc20.transfer(usdc, s.address, recipient, amount) };
}

/** `receiveFees(amount)`: the waterfall's fees, streamed over `feeStreamPeriod` (at once if 0); 0 is a no-op. */
export function receiveFees(s: PoolState, usdc: Erc20State, call: PoolCall, amount: bigint) {
  onlyWaterfall(s, call.sender);
  if (amount === 0n) return { pool: s, usdc };
  const a = walk(s, call.now);
  let pool: PoolState;
  if (s.feeStreamPeriod === 0n) {
    pool = commit(s, { ...a, held: toHeld(a.held + amount) });
  } else {
    requireComplete(s, a, call.now);
    const stream = startStream(s, a, amount, call.now + s.feeStreamPeriod, call.now);
    pool = commit({ ...s, buckets: stream.buckets }, stream.a);
  }
  return { pool, usdc: erc20.transferFrom(usdc, s.address, call.sender, s.address, amount) };
}

/** `checkpoint()`: anyone processes up to 90 elapsed day buckets; returns the days still pending. */
export function checkpoint(s: PoolState, call: PoolCall) {
  const a = walk(s, call.now);
  const pool = a.walked ? commit(s, a) : s;
  return { pool, remaining: pendingDaysOf(pool, call.now) };
}

// ------------------------------------------------------------------ governance

function bounded(name: `BackstopPool${string}`, value: bigint, min: bigint, max: bigint): void {
  if (value < min || value > max) throw new ContractRevert('BackstopPool', name, [value, min, max]);
}

export function setCooldown(s: PoolState, call: PoolCall, value: bigint) {
  onlyOwner(s, call.sender);
  bounded('BackstopPoolCooldownOutOfBounds', value, MIN_COOLDOWN, MAX_COOLDOWN);
  return { pool: { ...s, cooldown: value } };
}

export function setClaimWindow(s: PoolState, call: PoolCall, value: bigint) {
  onlyOwner(s, call.sender);
  bounded('BackstopPoolClaimWindowOutOfBounds', value, MIN_CLAIM_WINDOW, MAX_CLAIM_WINDOW);
  return { pool: { ...s, claimWindow: value } };
}

export function setFeeStreamPeriod(s: PoolState, call: PoolCall, value: bigint) {
  onlyOwner(s, call.sender);
  bounded('BackstopPoolFeeStreamPeriodOutOfBounds', value, 0n, MAX_FEE_STREAM_PERIOD);
  return { pool: { ...s, feeStreamPeriod: value } };
}

export function setMaxUtilizationBps(s: PoolState, call: PoolCall, value: bigint) {
  onlyOwner(s, call.sender);
  bounded('BackstopPoolMaxUtilizationOutOfBounds', value, MIN_MAX_UTILIZATION_BPS, MAX_MAX_UTILIZATION_BPS);
  return { pool: { ...s, maxUtilizationBps: value } };
}

export function setMarket(s: PoolState, call: PoolCall, market: string, allowed: boolean) {
  onlyOwner(s, call.sender);
  if (isZero(market)) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAddress', []);
  const markets = new Set(s.markets);
  if (allowed) markets.add(addr(market));
  else markets.delete(addr(market));
  return { pool: { ...s, markets } };
}

export function setWaterfall(s: PoolState, call: PoolCall, waterfall: string) {
  onlyOwner(s, call.sender);
  if (isZero(waterfall)) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAddress', []);
  return { pool: { ...s, waterfall: addr(waterfall) } };
}

export function setGuardian(s: PoolState, call: PoolCall, guardian: string) {
  onlyOwner(s, call.sender);
  if (isZero(guardian)) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAddress', []);
  return { pool: { ...s, guardian: addr(guardian) } };
}

/** `pause()`: the guardian or the owner stops new risk. */
export function pause(s: PoolState, call: PoolCall) {
  if (addr(call.sender) !== s.guardian && addr(call.sender) !== s.owner)
    throw new ContractRevert('BackstopPool', 'BackstopPoolNotGuardian', [addr(call.sender)]);
  return { pool: { ...s, paused: true } };
}

/** `unpause()`: only the owner. */
export function unpause(s: PoolState, call: PoolCall) {
  onlyOwner(s, call.sender);
  return { pool: { ...s, paused: false } };
}

/** `skimSurplus(recipient)`: tokens beyond `held` (donations) leave to `recipient`. */
export function skimSurplus(s: PoolState, usdc: Erc20State, call: PoolCall, recipient: string) {
  onlyOwner(s, call.sender);
  if (isZero(recipient)) throw new ContractRevert('BackstopPool', 'BackstopPoolZeroAddress', []);
  const amount = sub(erc20.balanceOf(usdc, s.address), s.held);
  return { pool: s, usdc: erc20.transfer(usdc, s.address, recipient, amount), amount };
}

/** Largest uint256: `type(uint256).max`, an infinite allowance. */
export const INFINITE_ALLOWANCE = MAX_UINT256;
