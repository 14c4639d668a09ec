import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_UINT256 } from '../evm';
import * as erc20 from './ERC20';
import type { Erc20State } from './ERC20';
import * as accounting from '../BackstopPool';
import * as pool from './BackstopPool';
import type { PoolState } from './BackstopPool';
import { assetsDown, lockReleaseDay, sharesDown } from '../PoolMath';
import { DAY } from '../units';

const POOL = '0x00000000000000000000000000000000000000a1';
const OWNER = '0x00000000000000000000000000000000000000b2';
const GUARDIAN = '0x00000000000000000000000000000000000000c3';
const MARKET = '0x00000000000000000000000000000000000000d4';
const WATERFALL = '0x00000000000000000000000000000000000000e5';
const ALICE = '0x00000000000000000000000000000000000000f6';
const BOB = '0x0000000000000000000000000000000000000107';
const USDC = 10n ** 6n;
const T0 = 20_000n * DAY + 1_000n; // 1,000 s into a day

function errorOf(f: () => unknown): { name: string; args?: readonly unknown[] } {
  try {
    f();
  } catch (e) {
    return { name: (e as { errorName: string }).errorName, args: (e as { args?: readonly unknown[] }).args };
  }
  throw new Error('expected a revert');
}

/** A deployed pool with its market and waterfall registered; Alice and Bob hold 1M USDC each and approved it. */
function fresh(): { p: PoolState; usdc: Erc20State } {
  let p = pool.deployPool({ address: POOL, owner: OWNER, guardian: GUARDIAN, now: T0 - 10n });
  p = pool.setMarket(p, { sender: OWNER, now: T0 }, MARKET, true).pool;
  p = pool.setWaterfall(p, { sender: OWNER, now: T0 }, WATERFALL).pool;
  let usdc = erc20.emptyErc20();
  for (const who of [ALICE, BOB, MARKET, WATERFALL]) {
    usdc = erc20.mint(usdc, who, 1_000_000n * USDC);
    usdc = erc20.approve(usdc, who, POOL, MAX_UINT256);
  }
  return { p, usdc };
}

const at = (now: bigint, sender = ALICE) => ({ sender, now });
const view = (p: PoolState) => pool.poolAccounting(p);

describe('BackstopPool whole-action twin', () => {
  it('deposit: shares rounded down at the virtual-share price, assets pulled, held grows', () => {
    const { p, usdc } = fresh();
    const r = pool.deposit(p, usdc, at(T0), 100n * USDC, ALICE);
    expect(r.shares).toBe(sharesDown(100n * USDC, 0n, 0n));
    expect(r.pool.held).toBe(100n * USDC);
    expect(erc20.balanceOf(r.usdc, POOL)).toBe(100n * USDC);
    expect(erc20.balanceOf(r.pool.shares, ALICE)).toBe(r.shares);
    // Guardian pauses new risk; only the owner resumes.
    const paused = pool.pause(r.pool, at(T0, GUARDIAN)).pool;
    expect(errorOf(() => pool.deposit(paused, r.usdc, at(T0 + 1n), USDC, ALICE)).name).toBe('BackstopPoolPaused');
    expect(errorOf(() => pool.unpause(paused, at(T0, GUARDIAN))).name).toBe('OwnableUnauthorizedAccount');
    expect(errorOf(() => pool.deposit(p, usdc, at(T0), 2_000_000n * USDC, ALICE)).name).toBe('ERC20InsufficientBalance');
    expect(errorOf(() => pool.deposit(p, usdc, at(T0), 0n, ALICE))).toEqual({ name: 'BackstopPoolZeroShares', args: [0n] });
  });

  it('a claim pays the lower of the value at request and now: fees after the request stay with the pool', () => {
    let { p, usdc } = fresh();
    ({ pool: p, usdc } = pool.deposit(p, usdc, at(T0), 1_000n * USDC, ALICE));
    ({ pool: p, usdc } = pool.deposit(p, usdc, at(T0 + 1n, BOB), 1_000n * USDC, BOB));
    const shares = erc20.balanceOf(p.shares, ALICE);
    const req = pool.requestRedeem(p, at(T0 + 2n), shares, ALICE, ALICE);
    p = req.pool;
    const q = pool.requestOf(p, ALICE);
    expect(q).toMatchObject({ shares, id: 1n, claimableAt: T0 + 2n + pool.DEFAULT_COOLDOWN, owner: ALICE });
    expect(q.assetsAtRequest).toBe(assetsDown(shares, p.shares.totalSupply, 2_000n * USDC));
    // The waterfall pays 500 USDC of fees, streamed over a day: the price rises after the request.
    ({ pool: p, usdc } = pool.receiveFees(p, usdc, at(T0 + 10n, WATERFALL), 500n * USDC));
    expect(errorOf(() => pool.redeem(p, usdc, at(q.claimableAt - 1n), shares, ALICE, ALICE))).toEqual({
      name: 'BackstopPoolCooldownActive',
      args: [1n, q.claimableAt],
    });
    const paid = pool.redeem(p, usdc, at(q.claimableAt), shares, ALICE, ALICE);
    expect(paid.assets).toBe(q.assetsAtRequest);
    expect(paid.assets).toBeLessThan(assetsDown(shares, p.shares.totalSupply, accounting.totalAssets(view(p), q.claimableAt)));
    expect(erc20.balanceOf(paid.usdc, ALICE) - erc20.balanceOf(usdc, ALICE)).toBe(paid.assets);
    expect(pool.requestOf(paid.pool, ALICE).shares).toBe(0n);
  });

  it('a loss after the request hits it; a partial claim keeps its pro-rata value at request', () => {
    let { p, usdc } = fresh();
    ({ pool: p, usdc } = pool.deposit(p, usdc, at(T0), 1_000n * USDC, ALICE));
    const shares = erc20.balanceOf(p.shares, ALICE);
    p = pool.requestRedeem(p, at(T0 + 1n), shares, ALICE, ALICE).pool;
    ({ pool: p, usdc } = pool.coverShortfall(p, usdc, at(T0 + 2n, WATERFALL), 400n * USDC, BOB));
    const q = pool.requestOf(p, ALICE);
    const half = shares / 2n;
    const r = pool.redeem(p, usdc, at(q.claimableAt + 1n), half, ALICE, ALICE);
    expect(r.assets).toBe(assetsDown(half, p.shares.totalSupply, 600n * USDC));
    const left = pool.requestOf(r.pool, ALICE);
    expect(left.shares).toBe(shares - half);
    expect(left.assetsAtRequest).toBe(q.assetsAtRequest - (q.assetsAtRequest * half) / shares);
  });

  it('only the controller or its operator files a request on it; an allowance spends as ERC-20', () => {
    let { p, usdc } = fresh();
    ({ pool: p, usdc } = pool.deposit(p, usdc, at(T0), 1_000n * USDC, ALICE));
    const shares = erc20.balanceOf(p.shares, ALICE);
    expect(errorOf(() => pool.requestRedeem(p, at(T0, BOB), shares, ALICE, ALICE))).toEqual({ name: 'BackstopPoolNotOperator', args: [BOB, ALICE] });
    const withOperator = pool.setOperator(p, at(T0), BOB, true).pool;
    expect(pool.requestRedeem(withOperator, at(T0, BOB), shares, ALICE, ALICE).requestId).toBe(1n);
    const approved = pool.approveShares(p, at(T0), BOB, shares / 4n).pool;
    const byAllowance = pool.requestRedeem(approved, at(T0, BOB), shares / 4n, BOB, ALICE).pool;
    expect(erc20.allowance(byAllowance.shares, ALICE, BOB)).toBe(0n);
    expect(pool.requestOf(byAllowance, BOB)).toMatchObject({ shares: shares / 4n, owner: ALICE });
    expect(errorOf(() => pool.requestRedeem(byAllowance, at(T0 + 1n, BOB), 1n, BOB, ALICE)).name).toBe('ERC20InsufficientAllowance');
    expect(errorOf(() => pool.transferShares(p, at(T0), POOL, 1n)).name).toBe('BackstopPoolEscrowTransfer');
  });

  it('a lapsed request goes back to its owner (lazily, or by anyone through reclaim)', () => {
    let { p, usdc } = fresh();
    ({ pool: p, usdc } = pool.deposit(p, usdc, at(T0), 1_000n * USDC, ALICE));
    const shares = erc20.balanceOf(p.shares, ALICE);
    p = pool.requestRedeem(p, at(T0 + 1n), shares, ALICE, ALICE).pool;
    const q = pool.requestOf(p, ALICE);
    expect(errorOf(() => pool.reclaimLapsedRequest(p, at(q.expiresAt, BOB), ALICE))).toEqual({ name: 'BackstopPoolRequestNotLapsed', args: [1n, q.expiresAt] });
    expect(errorOf(() => pool.redeem(p, usdc, at(q.expiresAt + 1n), shares, ALICE, ALICE)).name).toBe('BackstopPoolRequestLapsed');
    const back = pool.reclaimLapsedRequest(p, at(q.expiresAt + 1n, BOB), ALICE).pool;
    expect(erc20.balanceOf(back.shares, ALICE)).toBe(shares);
    expect(pool.requestOf(back, ALICE).shares).toBe(0n);
    // Or the controller's next request returns it first.
    const again = pool.requestRedeem(p, at(q.expiresAt + 1n), shares / 2n, ALICE, ALICE);
    expect(again.requestId).toBe(2n);
    expect(erc20.balanceOf(again.pool.shares, ALICE)).toBe(shares - shares / 2n);
  });

  it('underwriteCover: needs the premium in the pool, streams it, locks under the ceiling; claims and releases use the lock', () => {
    let { p, usdc } = fresh();
    ({ pool: p, usdc } = pool.deposit(p, usdc, at(T0), 10_000n * USDC, ALICE));
    const end = T0 + 3n * DAY;
    const until = end + DAY;
    const market = at(T0 + 5n, MARKET);
    expect(errorOf(() => pool.underwriteCover(p, usdc, market, 50n * USDC, end, 1_000n * USDC, until)).name).toBe('BackstopPoolPremiumNotReceived');
    const paidIn = erc20.transfer(usdc, BOB, POOL, 50n * USDC);
    expect(errorOf(() => pool.underwriteCover(p, paidIn, market, 50n * USDC, end, 8_001n * USDC, until))).toEqual({
      name: 'BackstopPoolAboveMaxUtilization',
      args: [8_001n * USDC, 8_000n * USDC],
    });
    const booked = pool.underwriteCover(p, paidIn, market, 50n * USDC, end, 1_000n * USDC, until);
    expect(booked.releaseDay).toBe(lockReleaseDay(until));
    p = booked.pool;
    expect([p.held, p.unearned, p.locked, p.checkpoint]).toEqual([10_050n * USDC, 50n * USDC, 1_000n * USDC, T0 + 5n]);
    expect(p.buckets.get(booked.releaseDay)?.lockRelease).toBe(1_000n * USDC);
    // The premium is earned by its end day: total assets rise to 10,050.
    expect(accounting.totalAssets(view(p), (end / DAY + 1n) * DAY)).toBe(10_050n * USDC);
    const claim = pool.payClaim(p, paidIn, at(end, MARKET), 1_000n * USDC, BOB, booked.releaseDay);
    expect([claim.pool.locked, claim.pool.held, claim.pool.buckets.get(booked.releaseDay)?.lockRelease]).toEqual([0n, 9_050n * USDC, 0n]);
    expect(errorOf(() => pool.payClaim(claim.pool, claim.usdc, at(end + 1n, MARKET), 1n, BOB, booked.releaseDay)).name).toBe('BackstopPoolExceedsLock');
    // After the release day the bucket has released the lock by itself: nothing to release.
    expect(errorOf(() => pool.releaseCapital(p, at(booked.releaseDay * DAY, MARKET), 1_000n * USDC, booked.releaseDay)).name).toBe('BackstopPoolLockReleased');
    expect(pool.releaseCapital(p, at(booked.releaseDay * DAY - 1n, MARKET), 1_000n * USDC, booked.releaseDay).pool.locked).toBe(0n);
    expect(errorOf(() => pool.underwriteCover(p, paidIn, at(T0, ALICE), 1n, end, 1n, until)).name).toBe('BackstopPoolNotMarket');
  });

  it('beyond 90 idle days new risk waits for checkpoint(); exits and shortfalls do not', () => {
    let { p, usdc } = fresh();
    ({ pool: p, usdc } = pool.deposit(p, usdc, at(T0), 1_000n * USDC, ALICE));
    const later = T0 + 100n * DAY;
    expect(errorOf(() => pool.deposit(p, usdc, at(later), USDC, ALICE))).toEqual({ name: 'BackstopPoolCheckpointRequired', args: [100n] });
    expect(pool.coverShortfall(p, usdc, at(later, WATERFALL), USDC, BOB).pool.held).toBe(999n * USDC);
    const c = pool.checkpoint(p, at(later));
    expect(c.remaining).toBe(10n);
    expect(pool.deposit(pool.checkpoint(c.pool, at(later + 1n)).pool, usdc, at(later + 2n), USDC, ALICE).shares).toBeGreaterThan(0n);
  });

  it('keeps every unit: USDC held by the pool = held, shares sum to the supply (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('deposit' as const), who: fc.boolean(), amount: fc.bigInt({ min: 0n, max: 50_000n * USDC }) }),
      fc.record({ kind: fc.constant('request' as const), who: fc.boolean(), part: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ kind: fc.constant('redeem' as const), who: fc.boolean(), part: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ kind: fc.constant('fees' as const), amount: fc.bigInt({ min: 0n, max: 5_000n * USDC }) }),
      fc.record({ kind: fc.constant('shortfall' as const), amount: fc.bigInt({ min: 0n, max: 20_000n * USDC }) }),
      fc.record({ kind: fc.constant('wait' as const), seconds: fc.bigInt({ min: 1n, max: 4n * DAY }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        let { p, usdc } = fresh();
        let now = T0;
        for (const o of ops) {
          now += 1n;
          try {
            if (o.kind === 'deposit') ({ pool: p, usdc } = pool.deposit(p, usdc, at(now, o.who ? ALICE : BOB), o.amount, o.who ? ALICE : BOB));
            else if (o.kind === 'request') {
              const who = o.who ? ALICE : BOB;
              p = pool.requestRedeem(p, at(now, who), (erc20.balanceOf(p.shares, who) * BigInt(o.part)) / 100n, who, who).pool;
            } else if (o.kind === 'redeem') {
              const who = o.who ? ALICE : BOB;
              ({ pool: p, usdc } = pool.redeem(p, usdc, at(now, who), (pool.requestOf(p, who).shares * BigInt(o.part)) / 100n, who, who));
            } else if (o.kind === 'fees') ({ pool: p, usdc } = pool.receiveFees(p, usdc, at(now, WATERFALL), o.amount));
            else if (o.kind === 'shortfall') ({ pool: p, usdc } = pool.coverShortfall(p, usdc, at(now, WATERFALL), o.amount, WATERFALL));
            else now += o.seconds;
          } catch (e) {
            expect(typeof (e as { errorName?: unknown }).errorName).toBe('string'); // a named revert, never a crash
          }
          expect(erc20.balanceOf(usdc, POOL)).toBe(p.held);
          expect(erc20.balanceOf(p.shares, ALICE) + erc20.balanceOf(p.shares, BOB) + erc20.balanceOf(p.shares, POOL)).toBe(p.shares.totalSupply);
        }
      }),
      { numRuns: 200 },
    );
  });
});
