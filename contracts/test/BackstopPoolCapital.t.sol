// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {BackstopPoolBase} from "./BackstopPoolBase.t.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {IBackstopPool} from "../src/interfaces/IBackstopPool.sol";
import {PoolMath} from "../src/libraries/PoolMath.sol";
import {PoolMarketHarness} from "./harness/PoolMarketHarness.sol";

/// @notice Locked capital, claims, bucket release, shortfall cover, fees, checkpoints, and who may call
///         the hooks (5, 6).
contract BackstopPoolCapitalTest is BackstopPoolBase {
    function setUp() public override {
        super.setUp();
        _deposit(bob, 10_000e6);
    }

    // ------------------------------------------------------------------ 5. unauthorized hooks

    function test_Hooks_RejectUnauthorizedCallers() public {
        vm.startPrank(carol);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotMarket.selector, carol));
        pool.lockCapital(1e6, block.timestamp + 1 days);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotMarket.selector, carol));
        pool.receivePremium(1e6, block.timestamp + 1 days);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotMarket.selector, carol));
        pool.payClaim(1e6, carol, 1);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotMarket.selector, carol));
        pool.releaseCapital(1e6, 1);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotWaterfall.selector, carol));
        pool.coverShortfall(1e6, carol);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotWaterfall.selector, carol));
        pool.receiveFees(1e6);
        vm.stopPrank();
        // a market is not the waterfall and the waterfall is not a market
        vm.prank(address(market));
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotWaterfall.selector, address(market)));
        pool.coverShortfall(1e6, carol);
        vm.prank(waterfall);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotMarket.selector, waterfall));
        pool.lockCapital(1e6, block.timestamp + 1 days);
        // a deregistered market loses access
        vm.prank(gov);
        pool.setMarket(address(market), false);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotMarket.selector, address(market)));
        market.lock(1e6, block.timestamp + 1 days);
    }

    // ------------------------------------------------------------------ 6. locked capital untouchable

    /// @notice At the worst shortfall (all free capital drawn) every locked payout stays fully payable,
    ///         and neither the waterfall nor leavers can reach locked capital.
    function testFuzz_LockedCapital_UntouchableAtWorstShortfall(uint256 p1, uint256 p2, uint256 aliceAssets) public {
        aliceAssets = bound(aliceAssets, 1e6, 1e12);
        uint256 aliceShares = _deposit(alice, aliceAssets);
        uint256 total = pool.totalAssets();
        p1 = bound(p1, 1, total / 2);
        p2 = bound(p2, 1, (total * 8_000) / 10_000 - p1); // up to the utilization ceiling (was: all of it)
        uint256 i1 = _sell(p1, p1 / 50 + 1, 30 days, 2 days);
        uint256 i2 = _sell(p2, 0, 10 days, 1 days);
        _request(alice, aliceShares);
        vm.warp(block.timestamp + 7 days);
        uint256 free = pool.freeAssets();
        assertEq(free, pool.totalAssets() - p1 - p2, "free = assets - locked");
        // more than free is refused
        vm.prank(waterfall);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolInsufficientFreeAssets.selector, free + 1, free));
        pool.coverShortfall(free + 1, venue);
        // the worst shortfall takes all free capital
        if (free > 0) _shortfall(free);
        assertEq(pool.freeAssets(), 0, "no free capital left");
        // leavers get nothing out of locked capital
        assertEq(pool.maxWithdraw(alice), 0, "maxWithdraw limited by free capital");
        assertEq(pool.maxRedeem(alice), 0, "maxRedeem limited by free capital");
        uint256 value = pool.previewClaimRedeem(aliceShares, alice);
        vm.prank(alice);
        if (value > 0) {
            vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolInsufficientFreeAssets.selector, value, 0));
        } else {
            vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolZeroAssets.selector, aliceShares));
        }
        pool.redeem(aliceShares, alice, alice);
        // every locked payout is paid in full
        address h1 = makeAddr("holder1");
        address h2 = makeAddr("holder2");
        market.claim(i1, p1, h1);
        market.claim(i2, p2, h2);
        assertEq(usdc.balanceOf(h1), p1, "payout 1 in full");
        assertEq(usdc.balanceOf(h2), p2, "payout 2 in full");
        assertEq(pool.lockedAssets(), 0, "nothing locked");
        _assertAccounting();
    }

    /// @notice More than free capital is refused; so is a lock within it that passes the utilization ceiling
    ///         (80 %): the last fifth stays free. (Was: locks up to all free capital; the ceiling now binds first.)
    function test_Lock_RefusesMoreThanFree() public {
        uint256 free = pool.freeAssets();
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolInsufficientFreeAssets.selector, free + 1, free));
        market.lock(free + 1, block.timestamp + 1 days);
        uint256 maxLocked = (pool.totalAssets() * 8_000) / 10_000;
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolAboveMaxUtilization.selector, free, maxLocked));
        market.lock(free, block.timestamp + 1 days);
        market.lock(maxLocked, block.timestamp + 1 days);
        assertEq(pool.freeAssets(), pool.totalAssets() - maxLocked, "locked up to the ceiling");
        vm.expectRevert(
            abi.encodeWithSelector(IBackstopPool.BackstopPoolAboveMaxUtilization.selector, maxLocked + 1, maxLocked)
        );
        market.lock(1, block.timestamp + 1 days);
    }

    /// @notice The utilization ceiling: owner-only, bounded in [10 %, 95 %], evented; a lower ceiling refuses
    ///         new locks above it at once (locks already taken stay).
    function test_MaxUtilization_BoundedOwnerOnly() public {
        assertEq(pool.maxUtilizationBps(), 8_000, "default 80 %");
        vm.prank(alice);
        vm.expectRevert();
        pool.setMaxUtilizationBps(9_000);
        vm.startPrank(gov);
        vm.expectRevert(
            abi.encodeWithSelector(IBackstopPool.BackstopPoolMaxUtilizationOutOfBounds.selector, 9_501, 1_000, 9_500)
        );
        pool.setMaxUtilizationBps(9_501);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolMaxUtilizationOutOfBounds.selector, 999, 1_000, 9_500));
        pool.setMaxUtilizationBps(999);
        vm.expectEmit(false, false, false, true, address(pool));
        emit IBackstopPool.MaxUtilizationBpsSet(8_000, 9_500);
        pool.setMaxUtilizationBps(9_500);
        vm.stopPrank();
        (,, uint256 ceiling) = pool.underwritingCapital();
        assertEq(ceiling, 9_500, "underwritingCapital reports it");
        uint256 total = pool.totalAssets();
        market.lock((total * 9_500) / 10_000, block.timestamp + 1 days);
        vm.prank(gov);
        pool.setMaxUtilizationBps(1_000);
        vm.expectRevert(
            abi.encodeWithSelector(
                IBackstopPool.BackstopPoolAboveMaxUtilization.selector, (total * 9_500) / 10_000 + 1, total / 10
            )
        );
        market.lock(1, block.timestamp + 1 days);
        assertEq(pool.lockedAssets(), (total * 9_500) / 10_000, "existing locks stay");
        // The ceiling shares the hot slot with the accounting: a deposit and a walk keep it.
        vm.warp(block.timestamp + 3 days);
        pool.checkpoint();
        assertEq(pool.maxUtilizationBps(), 1_000, "kept across writes of the hot slot");
    }

    function test_Lock_ExpiryBounds() public {
        uint256 maxT = block.timestamp + 400 days;
        vm.expectRevert(
            abi.encodeWithSelector(IBackstopPool.BackstopPoolInvalidExpiry.selector, block.timestamp - 1, block.timestamp, maxT)
        );
        market.lock(1e6, block.timestamp - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IBackstopPool.BackstopPoolInvalidExpiry.selector, maxT + 1, block.timestamp, maxT)
        );
        market.lock(1e6, maxT + 1);
        market.lock(1e6, maxT);
        vm.expectRevert(
            abi.encodeWithSelector(IBackstopPool.BackstopPoolInvalidExpiry.selector, block.timestamp, block.timestamp, maxT)
        );
        market.premium(1e6, block.timestamp);
    }

    /// @notice A premium whose earning rate would not fit 128 bits is refused by name, never truncated
    ///         into a slower stream (found by the TypeScript twin's review).
    function test_Premium_RateOverflowRevertsInsteadOfTruncating() public {
        uint256 earnUntil = (block.timestamp / 1 days + 1) * 1 days; // the next day boundary
        uint256 duration = earnUntil - block.timestamp;
        uint256 maxAmount = type(uint128).max * duration / PoolMath.RATE_SCALE;
        uint256 tooMuch = (uint256(type(uint128).max) + 1) * duration / PoolMath.RATE_SCALE + 1;
        _fundMarket(tooMuch);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolAmountTooLarge.selector, tooMuch, maxAmount));
        market.premium(tooMuch, earnUntil);
        uint256 rateBefore = pool.premiumRate();
        market.premium(maxAmount, earnUntil);
        assertEq(pool.premiumRate() - rateBefore, PoolMath.rateDown(maxAmount, duration), "largest stream keeps its exact rate");
    }

    /// @notice The one-step sale hook books only a premium that actually arrived, only for a market, and
    ///         leaves the same books as `receivePremium` + `lockCapital`.
    function test_UnderwriteCover_BooksPremiumAndLockLikeTheTwoHooks() public {
        uint256 earnUntil = block.timestamp + 3 days;
        uint256 until = earnUntil + 1 days;
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotMarket.selector, carol));
        pool.underwriteCover(10e6, earnUntil, 1_000e6, until);
        // Nothing transferred: refused by name.
        vm.prank(address(market));
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolPremiumNotReceived.selector, 10e6, 0));
        pool.underwriteCover(10e6, earnUntil, 1_000e6, until);

        uint256 snap = vm.snapshotState();
        _fundMarket(10e6);
        market.premium(10e6, earnUntil);
        market.lock(1_000e6, until);
        (uint256 held, uint256 unearned,, uint256 rate, uint256 locked,) = pool.accountingState();
        vm.revertToState(snap);

        _fundMarket(10e6);
        vm.prank(address(market));
        usdc.transfer(address(pool), 10e6);
        vm.prank(address(market));
        uint256 releaseDay = pool.underwriteCover(10e6, earnUntil, 1_000e6, until);
        (uint256 held2, uint256 unearned2,, uint256 rate2, uint256 locked2,) = pool.accountingState();
        assertEq(releaseDay, until / 1 days + 1, "release day");
        assertEq(held2, held, "held");
        assertEq(unearned2, unearned, "unearned");
        assertEq(rate2, rate, "rate");
        assertEq(locked2, locked, "locked");
    }

    // ------------------------------------------------------------------ release on expiry

    function test_Lock_ReleasedAtBucketAfterUntil_ClaimableThroughUntil() public {
        uint256 until = block.timestamp + 5 days;
        uint256 i = market.lock(1_000e6, until);
        (, uint256 releaseDay,) = market.locks(i);
        assertEq(releaseDay, until / 1 days + 1, "release day");
        assertEq(pool.lockedAssets(), 1_000e6, "locked");
        vm.warp(until);
        assertEq(pool.lockedAssets(), 1_000e6, "still locked at until");
        uint256 snap = vm.snapshotState();
        market.claim(i, 400e6, carol); // claim at the deadline works
        assertEq(pool.lockedAssets(), 600e6, "claim lowered the lock");
        vm.revertToState(snap);
        vm.warp(releaseDay * 1 days);
        assertEq(pool.lockedAssets(), 0, "released at the bucket");
        assertEq(pool.freeAssets(), 10_000e6, "all free again");
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolLockReleased.selector, releaseDay, releaseDay));
        market.claim(i, 1, carol);
    }

    function test_Claim_CannotExceedItsBucket() public {
        uint256 i = market.lock(100e6, block.timestamp + 3 days);
        (, uint256 releaseDay,) = market.locks(i);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolExceedsLock.selector, releaseDay, 100e6 + 1, 100e6));
        market.payClaimRaw(100e6 + 1, carol, releaseDay);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolExceedsLock.selector, releaseDay + 1, 1, 0));
        market.payClaimRaw(1, carol, releaseDay + 1);
        market.release(i, 30e6);
        assertEq(pool.lockedAssets(), 70e6, "early release");
        market.claim(i, 70e6, carol);
        assertEq(pool.lockedAssets(), 0, "claimed the rest");
        assertEq(pool.totalAssets(), 10_000e6 - 70e6, "claim paid from the pool");
        _assertAccounting();
    }

    /// @notice 1,000 covers expiring on many days release with no per-cover work in the hot path.
    function test_ManyLocks_ReleasedByBuckets() public {
        for (uint256 i; i < 1_000; ++i) {
            market.lock(1e6, block.timestamp + 1 days + (i % 50) * 1 days);
        }
        assertEq(pool.lockedAssets(), 1_000e6, "all locked");
        vm.warp(block.timestamp + 25 days + 12 hours);
        assertEq(pool.lockedAssets(), 1_000e6 - 25 * 20e6 + (0), "half the days released");
        vm.warp(block.timestamp + 30 days);
        pool.checkpoint();
        assertEq(pool.lockedAssets(), 0, "all released");
    }

    // ------------------------------------------------------------------ checkpoints and the walk bound

    function test_LongGap_DepositsNeedCheckpoint_ExitsDoNot() public {
        uint256 aliceShares = _deposit(alice, 1_000e6);
        _sell(500e6, 100e6, 200 days, 0);
        _request(alice, aliceShares);
        vm.warp(block.timestamp + 150 days); // the request is lapsed by now; make a fresh one later
        assertEq(pool.pendingDays(), 150, "days behind");
        assertEq(pool.maxDeposit(alice), 0, "maxDeposit 0 while behind");
        assertEq(pool.maxMint(alice), 0, "maxMint 0 while behind");
        _fund(alice, 1e6);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolCheckpointRequired.selector, 150));
        pool.deposit(1e6, alice);
        // exits still work, on the partly advanced state (conservative: less premium counted)
        uint256 partialAssets = pool.totalAssets();
        vm.prank(alice);
        pool.requestRedeem(1e18, alice, alice); // returns the lapsed request, makes a new one
        assertEq(pool.balanceOf(alice), aliceShares - 1e18, "lapsed shares returned");
        // one checkpoint advances 90 days; the next finishes
        assertEq(pool.checkpoint(), 60, "60 days left");
        assertEq(pool.checkpoint(), 0, "caught up");
        assertGe(pool.totalAssets(), partialAssets, "catching up only adds earned premium");
        vm.prank(alice);
        pool.deposit(1e6, alice);
        _assertAccounting();
    }

    /// @notice The walk result does not depend on how often the pool is touched.
    function testFuzz_Accrual_PathIndependent(uint256 seed, uint256 gaps) public {
        uint256 snap = vm.snapshotState();
        uint256 t0 = block.timestamp;
        for (uint256 i; i < 8; ++i) {
            _sell(
                bound(uint256(keccak256(abi.encode(seed, i))), 1e6, 500e6),
                bound(uint256(keccak256(abi.encode(seed, i, 1))), 1, 50e6),
                bound(uint256(keccak256(abi.encode(seed, i, 2))), 1 hours, 80 days),
                1 days
            );
        }
        uint256 end = t0 + 85 days;
        // path A: touch the pool every `gap`
        uint256 gap = bound(gaps, 1 hours, 20 days);
        for (uint256 t = t0 + gap; t < end; t += gap) {
            vm.warp(t);
            pool.checkpoint();
        }
        vm.warp(end);
        uint256 assetsA = pool.totalAssets();
        uint256 lockedA = pool.lockedAssets();
        vm.revertToState(snap);
        for (uint256 i; i < 8; ++i) {
            _sell(
                bound(uint256(keccak256(abi.encode(seed, i))), 1e6, 500e6),
                bound(uint256(keccak256(abi.encode(seed, i, 1))), 1, 50e6),
                bound(uint256(keccak256(abi.encode(seed, i, 2))), 1 hours, 80 days),
                1 days
            );
        }
        vm.warp(end);
        // path B: never touched; views walk all buckets
        assertEq(pool.lockedAssets(), lockedA, "locked differs by path");
        // Each checkpoint may drop < 1 unit of earning precision (in the pool's favour).
        assertApproxEqAbs(pool.totalAssets(), assetsA, 100, "assets differ by path");
        assertGe(pool.totalAssets() + 0, assetsA, "touching more often never earns more");
    }

    // ------------------------------------------------------------------ shortfall and fees

    function test_CoverShortfall_PaysRecipientAndLowersPrice() public {
        uint256 aliceShares = _deposit(alice, 10_000e6);
        _shortfall(5_000e6);
        assertEq(usdc.balanceOf(venue), 5_000e6, "venue paid");
        assertEq(pool.totalAssets(), 15_000e6, "assets lowered");
        assertApproxEqAbs(pool.convertToAssets(aliceShares), 7_500e6, 1, "pro rata");
        vm.prank(waterfall);
        pool.coverShortfall(0, venue); // no-op
        assertEq(pool.totalAssets(), 15_000e6, "no-op");
        vm.prank(waterfall);
        vm.expectRevert(IBackstopPool.BackstopPoolZeroAddress.selector);
        pool.coverShortfall(1, address(0));
        _assertAccounting();
    }

    function test_Fees_StreamedOrImmediate() public {
        _fees(1_000e6);
        assertEq(pool.totalAssets(), 10_000e6, "streamed: nothing at once");
        assertEq(pool.unearnedPremium(), 1_000e6, "in the reserve");
        vm.prank(gov);
        pool.setFeeStreamPeriod(0);
        _fees(500e6);
        assertEq(pool.totalAssets(), 10_500e6, "immediate with period 0");
        vm.warp(block.timestamp + 2 days);
        assertEq(pool.totalAssets(), 11_500e6, "stream done");
        _assertAccounting();
    }

    function test_SkimSurplus_OnlyDonations() public {
        _fund(carol, 77e6);
        vm.prank(carol);
        usdc.transfer(address(pool), 77e6);
        assertEq(pool.totalAssets(), 10_000e6, "donation ignored");
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", carol));
        pool.skimSurplus(carol);
        vm.prank(gov);
        assertEq(pool.skimSurplus(gov), 77e6, "skimmed");
        assertEq(usdc.balanceOf(gov), 77e6, "to recipient");
        _assertAccounting();
    }

    /// @notice A second market registered on the same pool shares the same free capital.
    function test_TwoMarkets_ShareFreeCapital() public {
        PoolMarketHarness m2 = new PoolMarketHarness(pool);
        vm.prank(gov);
        pool.setMarket(address(m2), true);
        market.lock(6_000e6, block.timestamp + 2 days);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolInsufficientFreeAssets.selector, 5_000e6, 4_000e6));
        m2.lock(5_000e6, block.timestamp + 2 days);
        // One ceiling for both markets (80 %: 8,000 of 10,000).
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolAboveMaxUtilization.selector, 10_000e6, 8_000e6));
        m2.lock(4_000e6, block.timestamp + 2 days);
        m2.lock(2_000e6, block.timestamp + 2 days);
        assertEq(pool.freeAssets(), 2_000e6, "locked up to the shared ceiling");
    }
}
