import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  claimableShares,
  freeAssets,
  lockedAssets,
  MAX_BUCKET_WALK,
  MAX_HELD,
  maxDeposit,
  maxMint,
  maxRedeem,
  maxWithdraw,
  isBelowSharePriceFloor,
  pendingDays,
  previewClaimRedeem,
  previewClaimWithdraw,
  premiumRate,
  previewAccrual,
  shareState,
  totalAssets,
  unearnedPremium,
  walkDays,
  type AccountingState,
  type Bucket,
  type PoolAccounting,
  previewDeposit,
} from './BackstopPool';
import { assetsDown, earningEndDayUp, lockReleaseDay, RATE_SCALE, rateDown, sharesDown } from './PoolMath';
import { Panic } from './evm';
import { DAY } from './units';

const T0 = 20_000n * DAY + 1_000n; // a checkpoint 1,000 s into a day

/**
 * A pool as the contract would leave it after `receivePremium`/`lockCapital` calls at T0: every stream
 * earns until its end day's boundary at a rounded-down rate, every lock releases at its bucket.
 */
function poolAt(free: bigint, streams: { amount: bigint; end: bigint }[], locks: { amount: bigint; until: bigint }[] = [], totalSupply = free * 10n ** 12n) {
  const buckets = new Map<bigint, Bucket>();
  const bucketAt = (d: bigint) => {
    if (!buckets.has(d)) buckets.set(d, { rateDrop: 0n, lockRelease: 0n });
    return buckets.get(d)!;
  };
  let rate = 0n;
  let unearned = 0n;
  for (const s of streams) {
    const endDay = earningEndDayUp(s.end);
    const r = rateDown(s.amount, endDay * DAY - T0);
    rate += r;
    unearned += s.amount;
    bucketAt(endDay).rateDrop += r;
  }
  let locked = 0n;
  for (const l of locks) {
    locked += l.amount;
    bucketAt(lockReleaseDay(l.until)).lockRelease += l.amount;
  }
  const state: AccountingState = { held: free + locked + unearned, unearned, checkpoint: T0, rate, locked, paused: false };
  // every day the walk may read, empty unless a stream or lock ends there
  for (let d = T0 / DAY + 1n; d <= T0 / DAY + MAX_BUCKET_WALK; d++) bucketAt(d);
  return { state, buckets, totalSupply } satisfies PoolAccounting;
}

const panics = (f: () => unknown) => {
  try {
    f();
    return false;
  } catch (e) {
    return e instanceof Panic;
  }
};

describe('the bucket walk', () => {
  it('earns a premium linearly, crediting holders only whole units', () => {
    // 86,400 units earned until the next boundary, 85,400 s away
    const pool = poolAt(1_000_000n, [{ amount: 86_400n, end: T0 + 1n }]);
    const rate = rateDown(86_400n, DAY - 1_000n);
    expect(premiumRate(pool, T0)).toBe(rate);
    expect(totalAssets(pool, T0)).toBe(1_000_000n);
    expect(unearnedPremium(pool, T0 + 10n)).toBe(86_400n - (rate * 10n) / RATE_SCALE);
    expect(totalAssets(pool, T0 + 10n)).toBe(1_000_000n + (rate * 10n) / RATE_SCALE);
  });

  it('ends a stream at its bucket: the rate drops, rounding dust is earned, the premium is all assets', () => {
    const pool = poolAt(1_000_000n, [{ amount: 999_999n, end: T0 + 5n * DAY }]);
    const end = earningEndDayUp(T0 + 5n * DAY) * DAY;
    expect(unearnedPremium(pool, end - 1n)).toBeGreaterThan(0n);
    expect(unearnedPremium(pool, end)).toBe(0n);
    expect(premiumRate(pool, end)).toBe(0n);
    expect(totalAssets(pool, end)).toBe(pool.state.held);
  });

  it('keeps earning the streams that remain after one ends', () => {
    const pool = poolAt(0n, [
      { amount: 10n ** 9n, end: T0 + DAY },
      { amount: 10n ** 9n, end: T0 + 10n * DAY },
    ]);
    const firstEnd = earningEndDayUp(T0 + DAY);
    const secondRate = rateDown(10n ** 9n, earningEndDayUp(T0 + 10n * DAY) * DAY - T0);
    expect(premiumRate(pool, firstEnd * DAY)).toBe(secondRate);
    expect(unearnedPremium(pool, firstEnd * DAY)).toBeGreaterThan(0n);
  });

  it('releases locks at their bucket, not a second earlier', () => {
    const until = T0 + 3n * DAY;
    const pool = poolAt(500n, [], [{ amount: 700n, until }]);
    const release = lockReleaseDay(until) * DAY;
    expect(lockedAssets(pool, release - 1n)).toBe(700n);
    expect(freeAssets(pool, release - 1n)).toBe(500n);
    expect(lockedAssets(pool, release)).toBe(0n);
    expect(freeAssets(pool, release)).toBe(1_200n);
  });

  it('stops after MAX_BUCKET_WALK days: no earning past the walk, no new deposits', () => {
    const pool = poolAt(10n ** 6n, [{ amount: 10n ** 12n, end: T0 + 300n * DAY }]);
    const lastWalked = (T0 / DAY + MAX_BUCKET_WALK) * DAY;
    const late = lastWalked + DAY + 5n;
    expect(walkDays(pool.state, late)).toHaveLength(Number(MAX_BUCKET_WALK));
    const a = previewAccrual(pool.state, pool.buckets, late);
    expect(a.complete).toBe(false);
    expect(a.checkpoint).toBe(lastWalked);
    expect(a.unearnedNow).toBe(a.unearned); // nothing earned after the last walked boundary
    expect(unearnedPremium(pool, late)).toBe(unearnedPremium(pool, lastWalked));
    // understated assets favour the pool: the gap shows less than a complete walk would
    expect(totalAssets(pool, late)).toBeLessThan(totalAssets(pool, lastWalked + DAY - 1n));
    expect(maxDeposit(pool, late)).toBe(0n);
    expect(maxMint(pool, late)).toBe(0n);
    expect(pendingDays(pool.state, late)).toBe(MAX_BUCKET_WALK + 1n);
  });

  it('needs every bucket of walkDays', () => {
    const pool = poolAt(1n, [{ amount: 10n, end: T0 + DAY }]);
    expect(walkDays(pool.state, T0 + 100n)).toEqual([]);
    expect(walkDays(pool.state, T0 + 2n * DAY)).toEqual([T0 / DAY + 1n, T0 / DAY + 2n]);
    expect(() => totalAssets({ ...pool, buckets: new Map() }, T0 + DAY)).toThrow(/bucket/);
  });

  it('reverts (Panic) where the contract does: a time before the checkpoint, an inconsistent state', () => {
    const pool = poolAt(1n, [{ amount: 10n, end: T0 + DAY }]);
    expect(panics(() => totalAssets(pool, T0 - 1n))).toBe(true); // same day, earlier second
    expect(panics(() => totalAssets(pool, T0 - DAY))).toBe(true); // an earlier day
    expect(panics(() => pendingDays(pool.state, T0 - DAY))).toBe(true);
    expect(panics(() => freeAssets({ ...pool, state: { ...pool.state, locked: pool.state.held } }, T0))).toBe(true);
  });
});

const streamArb = fc.record({ amount: fc.bigInt({ min: 1n, max: 10n ** 24n }), end: fc.bigInt({ min: T0 + 1n, max: T0 + 80n * DAY }) });
const lockArb = fc.record({ amount: fc.bigInt({ min: 1n, max: 10n ** 24n }), until: fc.bigInt({ min: T0, max: T0 + 80n * DAY }) });
const poolArb = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 24n }), fc.array(streamArb, { maxLength: 6 }), fc.array(lockArb, { maxLength: 4 }))
  .map(([free, streams, locks]) => poolAt(free, streams, locks));
const within = fc.bigInt({ min: T0, max: (T0 / DAY + MAX_BUCKET_WALK + 1n) * DAY - 1n });

describe('accounting properties (pools built as the contract builds them)', () => {
  it('splits held exactly into free + locked + unearned', () => {
    fc.assert(
      fc.property(poolArb, within, (pool, now) => {
        expect(freeAssets(pool, now) + lockedAssets(pool, now) + unearnedPremium(pool, now)).toBe(pool.state.held);
      }),
    );
  });

  it('never lowers total assets as time passes inside the walk bound', () => {
    fc.assert(
      fc.property(poolArb, within, within, (pool, a, b) => {
        const [t1, t2] = a < b ? [a, b] : [b, a];
        expect(totalAssets(pool, t1)).toBeLessThanOrEqual(totalAssets(pool, t2));
        expect(totalAssets(pool, t2)).toBeLessThanOrEqual(pool.state.held);
      }),
    );
  });

  it('earns everything once every stream has ended, releases everything once every lock has', () => {
    fc.assert(
      fc.property(poolArb, (pool) => {
        const after = (T0 / DAY + 82n) * DAY;
        expect(unearnedPremium(pool, after)).toBe(0n);
        expect(premiumRate(pool, after)).toBe(0n);
        expect(lockedAssets(pool, after)).toBe(0n);
        expect(totalAssets(pool, after)).toBe(pool.state.held);
      }),
    );
  });

  it('never credits more by checkpointing in between (extra floors only keep more reserve)', () => {
    fc.assert(
      fc.property(poolArb, within, within, (pool, a, b) => {
        const [t1, t2] = a < b ? [a, b] : [b, a];
        const mid = previewAccrual(pool.state, pool.buckets, t1);
        const committed: AccountingState = {
          held: mid.held,
          unearned: mid.unearned,
          checkpoint: mid.checkpoint,
          rate: mid.rate,
          locked: mid.locked,
          paused: mid.paused,
        };
        const viaCheckpoint = previewAccrual(committed, pool.buckets, t2);
        const direct = previewAccrual(pool.state, pool.buckets, t2);
        expect(viaCheckpoint.unearnedNow).toBeGreaterThanOrEqual(direct.unearnedNow);
        expect(viaCheckpoint.rate).toBe(direct.rate);
        expect(viaCheckpoint.locked).toBe(direct.locked);
      }),
    );
  });

  it('prices shares on total assets, not on held', () => {
    fc.assert(
      fc.property(poolArb, within, fc.bigInt({ min: 0n, max: 10n ** 20n }), (pool, now, x) => {
        expect(previewDeposit(shareState(pool, now), x)).toBe(sharesDown(x, pool.totalSupply, totalAssets(pool, now)));
      }),
    );
  });
});

describe('limits', () => {
  const pool = poolAt(1_000n, [{ amount: 500n, end: T0 + 2n * DAY }], [{ amount: 4_000n, until: T0 + DAY }], 5_500n * 10n ** 12n);
  // Worth 3,000 when requested (before a loss): today's value (≈ 1,818) is the lower one.
  const request = { shares: 2_000n * 10n ** 12n, claimableAt: T0 + 10n, expiresAt: T0 + 20n, assetsAtRequest: 3_000n };

  it('counts a request only inside its window, both ends included', () => {
    expect(claimableShares(request, T0 + 9n)).toBe(0n);
    expect(claimableShares(request, T0 + 10n)).toBe(request.shares);
    expect(claimableShares(request, T0 + 20n)).toBe(request.shares);
    expect(claimableShares(request, T0 + 21n)).toBe(0n);
    expect(maxWithdraw(pool, request, T0 + 9n)).toBe(0n);
    expect(maxRedeem(pool, request, T0 + 21n)).toBe(0n);
  });

  it('caps claims by free capital: locked cover payouts are untouchable', () => {
    const now = T0 + 15n;
    const free = freeAssets(pool, now);
    expect(free).toBe(1_000n);
    const value = assetsDown(request.shares, pool.totalSupply, totalAssets(pool, now));
    expect(value).toBeGreaterThan(free);
    expect(maxWithdraw(pool, request, now)).toBe(free);
    const shares = maxRedeem(pool, request, now);
    expect(shares).toBe(sharesDown(free, pool.totalSupply, totalAssets(pool, now)));
    expect(assetsDown(shares, pool.totalSupply, totalAssets(pool, now))).toBeLessThanOrEqual(free);
  });

  it('pays the lower of the value at request and now, and quotes claims exactly that way', () => {
    const now = T0 + 15n;
    const valueNow = assetsDown(request.shares, pool.totalSupply, totalAssets(pool, now));
    expect(previewClaimRedeem(pool, request, request.shares, now)).toBe(valueNow); // a loss since: today's value
    const gained = { ...request, assetsAtRequest: 900n }; // a gain since: the value at request
    expect(previewClaimRedeem(pool, gained, request.shares, now)).toBe(900n);
    expect(previewClaimRedeem(pool, gained, request.shares / 2n, now)).toBe(450n);
    expect(maxWithdraw(pool, gained, now)).toBe(900n); // under the 1,000 of free capital
    expect(maxRedeem(pool, gained, now)).toBe(gained.shares);
    expect(previewClaimWithdraw(pool, gained, 450n, now)).toBe(request.shares / 2n);
    // Quotes ignore the window (like ERC-4626 previews) but not the request itself.
    expect(previewClaimRedeem(pool, gained, 1n, T0)).toBe(0n);
    expect(() => previewClaimRedeem(pool, gained, request.shares + 1n, now)).toThrow('BackstopPoolExceedsRequest');
    expect(() => previewClaimWithdraw(pool, gained, 901n, now)).toThrow('BackstopPoolExceedsRequest');
    const none = { shares: 0n, claimableAt: 0n, expiresAt: 0n, assetsAtRequest: 0n };
    expect(() => previewClaimRedeem(pool, none, 0n, now)).toThrow('BackstopPoolNoRequest');
    expect(() => previewClaimWithdraw(pool, none, 0n, now)).toThrow('BackstopPoolNoRequest');
    expect(maxRedeem(pool, none, now)).toBe(0n);
  });

  it('closes deposits below the share-price floor and reopens them above it', () => {
    // 10^24 shares: open from 10^6 units of assets, closed below.
    const atFloor = poolAt(1_000_000n, [], [], 10n ** 24n);
    expect(isBelowSharePriceFloor(atFloor, T0)).toBe(false);
    expect(maxDeposit(atFloor, T0)).toBe(MAX_HELD - atFloor.state.held);
    const below = poolAt(999_999n, [], [], 10n ** 24n);
    expect(isBelowSharePriceFloor(below, T0)).toBe(true);
    expect(maxDeposit(below, T0)).toBe(0n);
    expect(maxMint(below, T0)).toBe(0n);
  });

  it('refuses deposits while paused and bounds them by the uint96 accounting', () => {
    expect(maxDeposit(pool, T0)).toBe(MAX_HELD - pool.state.held);
    expect(maxMint(pool, T0)).toBe(sharesDown(MAX_HELD - pool.state.held, pool.totalSupply, totalAssets(pool, T0)));
    const paused = { ...pool, state: { ...pool.state, paused: true } };
    expect(maxDeposit(paused, T0)).toBe(0n);
    expect(maxMint(paused, T0)).toBe(0n);
  });
});
