// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CoverMarketBase} from "./CoverMarketBase.t.sol";
import {ICoverMarket} from "../src/interfaces/ICoverMarket.sol";
import {CoverMarket} from "../src/CoverMarket.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {IBackstopPool} from "../src/interfaces/IBackstopPool.sol";
import {MockAggregator} from "../src/mocks/MockAggregator.sol";
import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";

/// @notice Issue 13 item 3: a claim whose confirming rounds were all published before an L2 sequencer
///         outage is never lost to it (the check is skipped for it and its deadline moves by the
///         downtime; past the release day the pool pays from free capital), while a proof published
///         during or after the outage still waits for the grace period. The uptime feed is a
///         MockAggregator (answer 0 = up, 1 = down; `startedAt` = when the status changed).
contract CoverMarketOutageTest is CoverMarketBase {
    uint256 internal constant SEQ_GRACE = 1 hours;
    uint256 internal constant PAYOUT = 10_000e6;

    MockAggregator internal seq;
    CoverMarket internal l2;
    uint256 internal pid;

    function setUp() public override {
        super.setUp();
        seq = new MockAggregator(0, "L2 Sequencer Uptime", address(this));
        seq.pushAnswerAt(0, block.timestamp - 2 hours, block.timestamp - 2 hours); // up for 2 h
        l2 = _newMarket(AggregatorV3Interface(address(seq)), SEQ_GRACE);
        pid = _register(l2, _config(ICoverMarket.Direction.Down)); // claim grace 1 day > 1 hour
        vm.prank(alice);
        usdc.approve(address(l2), type(uint256).max);
    }

    /// @dev A 7-day cover on the L2 market and a touch proven by two rounds 10 minutes in.
    function _coverWithProof() internal returns (uint256 id, uint80 r, ICoverMarket.CoverInfo memory info) {
        vm.prank(alice);
        (id,) = l2.buyCover(pid, 2700e8, PAYOUT, 7 days, type(uint256).max);
        r = _pushN(2600e8, 2, 10 minutes);
        info = l2.coverInfo(id);
    }

    function _down(uint256 at) internal {
        seq.pushAnswerAt(1, at, at);
    }

    function _up(uint256 at) internal {
        seq.pushAnswerAt(0, at, at);
    }

    function test_ProofBeforeOutage_ClaimsWhileDownAndInGrace() public {
        (uint256 id, uint80 r,) = _coverWithProof();
        vm.warp(block.timestamp + 1 hours);
        _down(block.timestamp);
        // A forced-inclusion claim while the sequencer is down: the proof predates the outage.
        uint256 snap = vm.snapshotState();
        vm.prank(keeper);
        l2.claim(id, r);
        assertEq(uint256(l2.coverInfo(id).status), uint256(ICoverMarket.CoverStatus.Claimed), "claimed while down");
        vm.revertToState(snap);
        // Back up, inside the grace period: still claimable at once.
        vm.warp(block.timestamp + 3 hours);
        _up(block.timestamp);
        uint256 before = usdc.balanceOf(alice);
        vm.prank(keeper);
        l2.claim(id, r);
        assertEq(usdc.balanceOf(alice), before + PAYOUT, "paid in the grace period");
    }

    function test_ProofDuringOrAfterOutage_StillWaitsForGrace() public {
        vm.prank(alice);
        (uint256 id,) = l2.buyCover(pid, 2700e8, PAYOUT, 7 days, type(uint256).max);
        vm.warp(block.timestamp + 1 hours);
        uint256 downAt = block.timestamp;
        _down(downAt);
        vm.warp(block.timestamp + 2 hours);
        uint256 upAt = block.timestamp;
        _up(upAt);
        uint80 r = _pushN(2600e8, 2, 1 minutes); // published after the outage began
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketSequencerGracePeriod.selector, upAt, SEQ_GRACE));
        l2.claim(id, r);
        vm.warp(upAt + SEQ_GRACE + 1);
        _push(SPOT, 0);
        vm.prank(keeper);
        l2.claim(id, r);
        assertEq(uint256(l2.coverInfo(id).status), uint256(ICoverMarket.CoverStatus.Claimed), "claimed after grace");
    }

    /// @notice An outage that starts before the deadline and ends after it moves the deadline by its
    ///         downtime: the holder gets back exactly the time it took (inclusive end), no more.
    function test_OutageAcrossTheDeadline_MovesItByTheDowntime() public {
        (uint256 id, uint80 r, ICoverMarket.CoverInfo memory info) = _coverWithProof();
        uint256 deadline = info.claimDeadline;
        uint256 downAt = deadline - 30 minutes;
        vm.warp(downAt);
        _down(downAt);
        vm.warp(deadline + 3 hours);
        uint256 upAt = block.timestamp;
        _up(upAt);
        uint256 moved = deadline + (upAt - downAt);
        assertEq(l2.coverInfo(id).claimDeadline, moved, "coverInfo reports the moved deadline");
        assertEq(uint256(l2.coverInfo(id).status), uint256(ICoverMarket.CoverStatus.Active), "still claimable");
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketClaimWindowOpen.selector, id, moved));
        l2.release(id); // nobody can cut the moved window short
        uint256 snap = vm.snapshotState();
        vm.warp(moved);
        vm.prank(keeper);
        l2.claim(id, r);
        vm.revertToState(snap);
        vm.warp(moved + 1);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketClaimWindowClosed.selector, id, moved));
        l2.claim(id, r);
        // An outage after the nominal deadline moved nothing for a proof that missed it.
    }

    function test_OutageAfterTheDeadline_MovesNothing() public {
        (uint256 id, uint80 r, ICoverMarket.CoverInfo memory info) = _coverWithProof();
        vm.warp(info.claimDeadline + 1);
        _down(block.timestamp);
        vm.warp(block.timestamp + 5 hours);
        _up(block.timestamp);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketClaimWindowClosed.selector, id, info.claimDeadline));
        l2.claim(id, r);
    }

    /// @notice A long outage moves the deadline past the lock's release day: the bucket has released the
    ///         lock, and the pool pays the claim from free capital (`payReleasedClaim`).
    function test_DeadlinePastTheReleaseDay_PaidFromFreeCapital() public {
        (uint256 id, uint80 r, ICoverMarket.CoverInfo memory info) = _coverWithProof();
        uint256 downAt = info.claimDeadline - 1 hours;
        vm.warp(downAt);
        _down(downAt);
        vm.warp(info.releaseDay * 1 days + 6 hours); // the lock is gone
        _up(block.timestamp);
        _push(SPOT, 0);
        uint256 lockedBefore = pool.lockedAssets();
        uint256 totalBefore = pool.totalAssets();
        uint256 before = usdc.balanceOf(alice);
        vm.expectEmit(true, true, true, true, address(pool));
        emit IBackstopPool.ReleasedClaimPaid(address(l2), alice, PAYOUT, info.releaseDay);
        vm.prank(keeper);
        l2.claim(id, r);
        assertEq(usdc.balanceOf(alice), before + PAYOUT, "paid in full");
        assertEq(pool.lockedAssets(), lockedBefore, "no other lock touched");
        assertApproxEqAbs(pool.totalAssets(), totalBefore - PAYOUT, 1e6, "from free capital");
    }

    function test_ClaimGraceAboveTheSequencerGrace() public {
        ICoverMarket.ProductConfig memory c = _config(ICoverMarket.Direction.Down);
        c.claimGrace = uint32(SEQ_GRACE);
        vm.prank(gov);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICoverMarket.CoverMarketParameterOutOfBounds.selector,
                ICoverMarket.Parameter.ClaimGrace,
                SEQ_GRACE,
                SEQ_GRACE + 1,
                14 days
            )
        );
        l2.registerProduct(c);
        c.claimGrace = uint32(SEQ_GRACE + 1);
        _register(l2, c);
    }

    // ---------- the pool hook on its own ----------

    function test_PayReleasedClaim_OnlyForReleasedBuckets() public {
        vm.prank(gov);
        pool.setMarket(address(this), true);
        uint256 today = block.timestamp / 1 days;
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolLockNotReleased.selector, today + 1, today));
        pool.payReleasedClaim(1e6, bob, today + 1);
        uint256 free = pool.freeAssets();
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolInsufficientFreeAssets.selector, free + 1, free));
        pool.payReleasedClaim(free + 1, bob, today);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolZeroAssets.selector, 0));
        pool.payReleasedClaim(0, bob, today);
        uint256 before = usdc.balanceOf(bob);
        pool.payReleasedClaim(1e6, bob, today);
        assertEq(usdc.balanceOf(bob), before + 1e6, "paid");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotMarket.selector, alice));
        pool.payReleasedClaim(1e6, alice, today);
    }
}
