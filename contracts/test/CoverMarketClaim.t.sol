// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Over 400 lines on purpose: one test per rule of the claim, sharing CoverMarketBase's deploy.

import {CoverMarketBase} from "./CoverMarketBase.t.sol";
import {ICoverMarket} from "../src/interfaces/ICoverMarket.sol";
import {CoverMarket} from "../src/CoverMarket.sol";
import {MockAggregator} from "../src/mocks/MockAggregator.sol";
import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";

/// @notice Claims and expiry: the oracle proof (activation delay against front-running, window, phases,
///         completeness, confirmations), who gets paid, the claim deadline, the L2 sequencer, isolation
///         of other covers' locks, and expiry by the pool's buckets or `release`.
contract CoverMarketClaimTest is CoverMarketBase {
    uint256 internal constant PAYOUT = 10_000e6;
    uint256 internal constant STRIKE = 2700e8;

    // ---------- the happy path ----------

    function test_Claim_PaysHolderOnceConfirmed() public {
        uint256 id = _buyDown(alice);
        uint80 r = _push(2650e8, 10 minutes);
        // One round is not enough: the second confirmation does not exist yet.
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketRoundUnavailable.selector, r + 1));
        market.claim(id, r);
        _push(2700e8, 1 minutes); // exactly at the strike counts

        uint256 aliceBefore = usdc.balanceOf(alice);
        uint256 lockedBefore = pool.lockedAssets();
        uint256 totalBefore = pool.totalAssets();
        vm.expectEmit(true, true, false, true, address(market));
        emit ICoverMarket.CoverClaimed(id, alice, r, PAYOUT, keeper);
        _claim(id, r); // a keeper claims for the holder
        assertEq(usdc.balanceOf(alice), aliceBefore + PAYOUT, "holder paid in full");
        assertEq(usdc.balanceOf(keeper), 0, "caller paid nothing");
        assertEq(pool.lockedAssets(), lockedBefore - PAYOUT, "paid from the lock");
        assertApproxEqAbs(pool.totalAssets(), totalBefore - PAYOUT, 1e6, "loss borne by the pool");
        assertEq(uint256(_status(id)), uint256(ICoverMarket.CoverStatus.Claimed), "claimed");
    }

    function test_Claim_SecondClaimReverts() public {
        uint256 id = _buyDown(alice);
        uint80 r = _pushN(2600e8, 3, 10 minutes);
        _claim(id, r);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketAlreadyClaimed.selector, id));
        market.claim(id, r);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketAlreadyClaimed.selector, id));
        market.claim(id, r + 1); // not with other rounds either
    }

    function test_Claim_AfterTransferPaysNewOwnerOnly() public {
        uint256 id = _buyDown(alice);
        vm.prank(alice);
        market.safeTransferFrom(alice, bob, id);
        uint80 r = _pushN(2600e8, 2, 10 minutes);
        uint256 aliceBefore = usdc.balanceOf(alice);
        uint256 bobBefore = usdc.balanceOf(bob);
        vm.prank(alice); // even the previous owner calling pays the current one
        market.claim(id, r);
        assertEq(usdc.balanceOf(bob), bobBefore + PAYOUT, "new owner paid");
        assertEq(usdc.balanceOf(alice), aliceBefore, "old owner paid nothing");
    }

    function test_Claim_UnknownCover() public {
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketUnknownCover.selector, 42));
        market.claim(42, 1);
    }

    function test_Claim_UpDirection() public {
        (uint256 id,) = _buy(alice, upId, 3300e8, PAYOUT, 7 days);
        uint80 r = _push(3290e8, 10 minutes);
        _push(3310e8, 1 minutes);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeNotReached.selector, r, int256(3290e8), 3300e8));
        market.claim(id, r);
        _push(3300e8, 1 minutes);
        _claim(id, r + 1);
        assertEq(uint256(_status(id)), uint256(ICoverMarket.CoverStatus.Claimed), "claimed");
    }

    function test_Claim_FiveConfirmations() public {
        ICoverMarket.ProductConfig memory c = _config(ICoverMarket.Direction.Down);
        c.confirmations = 5;
        uint256 five = _register(market, c);
        (uint256 id,) = _buy(alice, five, STRIKE, PAYOUT, 7 days);
        uint80 r = _pushN(2600e8, 4, 10 minutes);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketRoundUnavailable.selector, r + 4));
        market.claim(id, r);
        _push(2800e8, 1 minutes);
        vm.prank(keeper);
        vm.expectRevert(
            abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeNotReached.selector, r + 4, int256(2800e8), STRIKE)
        );
        market.claim(id, r);
        _pushN(2600e8, 5, 1 minutes);
        _claim(id, r + 5);
    }

    // ---------- front-running: the activation delay ----------

    function test_FrontRunning_UpdateRightAfterPurchaseDoesNotCount() public {
        // The buyer saw a crash update in the mempool and bought in the block before it landed.
        uint256 id = _buyDown(alice);
        uint256 start = block.timestamp;
        uint80 r = _push(2500e8, 12); // next block
        _push(2500e8, 60);
        _push(2500e8, DELAY - 72 - 1); // one second before activation
        vm.prank(keeper);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICoverMarket.CoverMarketRoundOutsideWindow.selector, r, start + 12, start + DELAY, start + 7 days
            )
        );
        market.claim(id, r);
        vm.prank(keeper);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICoverMarket.CoverMarketRoundOutsideWindow.selector, r + 1, start + 72, start + DELAY, start + 7 days
            )
        );
        market.claim(id, r + 1);
        // From start + activationDelay (inclusive) rounds count.
        uint80 first = _push(2500e8, 1);
        assertEq(block.timestamp, start + DELAY, "boundary");
        _push(2500e8, 1);
        vm.prank(keeper);
        vm.expectRevert(); // the pair (r+2, first) still starts before the window
        market.claim(id, r + 2);
        _claim(id, first);
    }

    function test_FrontRunning_TouchAlreadyInHistoryDoesNotCount() public {
        // The price touched 2,600 an hour ago and recovered; the latest round is back at 3,000.
        uint80 old = _pushN(2600e8, 2, 10 minutes);
        _push(SPOT, 1 hours);
        uint256 id = _buyDown(alice); // not breached at the latest round
        vm.warp(block.timestamp + 1 hours);
        vm.prank(keeper);
        vm.expectRevert(); // RoundOutsideWindow(old, …)
        market.claim(id, old);
        bytes memory err = _revertData(keeper, abi.encodeCall(market.claim, (id, old)));
        assertEq(_selector(err), ICoverMarket.CoverMarketRoundOutsideWindow.selector, "history before purchase");
    }

    // ---------- window, completeness, positivity, consecutiveness, phases ----------

    function test_Claim_RoundsAfterEndDoNotCount_EndInclusive() public {
        uint256 id = _buyDown(alice);
        uint256 end = block.timestamp + 7 days;
        // keep the oracle fresh through the term
        for (uint256 i; i < 6; ++i) {
            _push(SPOT, 1 days);
        }
        vm.warp(end - 1);
        uint80 r = feed.pushAnswer(2600e8);
        vm.warp(end);
        feed.pushAnswer(2600e8);
        vm.warp(end + 1);
        feed.pushAnswer(2600e8);
        vm.prank(keeper);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICoverMarket.CoverMarketRoundOutsideWindow.selector, r + 2, end + 1, end - 7 days + DELAY, end
            )
        );
        market.claim(id, r + 1);
        _claim(id, r); // (end − 1, end) are both inside
    }

    function test_Claim_RejectsNonPositiveAnswers() public {
        uint256 id = _buyDown(alice);
        vm.warp(block.timestamp + 10 minutes);
        uint80 r = feed.proxyRoundId(1, 2);
        feed.setRound(r, 0, block.timestamp, block.timestamp, r);
        feed.setRound(r + 1, -1, block.timestamp, block.timestamp, r + 1);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketNonPositiveAnswer.selector, r, int256(0)));
        market.claim(id, r);
        feed.setRound(r, 2600e8, block.timestamp, block.timestamp, r);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketNonPositiveAnswer.selector, r + 1, int256(-1)));
        market.claim(id, r);
    }

    function test_Claim_RejectsIncompleteRounds() public {
        uint256 id = _buyDown(alice);
        vm.warp(block.timestamp + 10 minutes);
        uint80 r = feed.proxyRoundId(1, 2);
        uint256 t = block.timestamp;
        feed.setRound(r, 2600e8, 0, t, r); // startedAt == 0
        feed.setRound(r + 1, 2600e8, t, t, r + 1);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketIncompleteRound.selector, r, 0, r));
        market.claim(id, r);
        feed.setRound(r, 2600e8, t, t, r - 1); // answered in an earlier round: carried over, not fresh
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketIncompleteRound.selector, r, t, r - 1));
        market.claim(id, r);
        feed.setRound(r, 2600e8, t, t, r);
        _claim(id, r);
    }

    function test_Claim_NonConsecutiveTouchesRejected() public {
        uint256 id = _buyDown(alice);
        uint80 r = _push(2600e8, 10 minutes);
        _push(2800e8, 1 minutes); // recovered in between
        _push(2600e8, 1 minutes);
        vm.prank(keeper);
        vm.expectRevert(
            abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeNotReached.selector, r + 1, int256(2800e8), STRIKE)
        );
        market.claim(id, r);
        vm.prank(keeper);
        vm.expectRevert(
            abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeNotReached.selector, r + 1, int256(2800e8), STRIKE)
        );
        market.claim(id, r + 1);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketRoundUnavailable.selector, r + 3));
        market.claim(id, r + 2);
    }

    function test_Claim_PhasesNeverChainAcrossABoundary() public {
        uint256 id = _buyDown(alice);
        uint80 lastOfPhase1 = _push(2600e8, 10 minutes);
        feed.startNewPhase();
        uint80 firstOfPhase2 = _push(2600e8, 1 minutes);
        _push(2600e8, 1 minutes);
        assertEq(uint256(firstOfPhase2 >> 64), 2, "phase 2");
        // (last of phase 1, first of phase 2) are not consecutive ids: id + 1 is phase 1's next round.
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketRoundUnavailable.selector, lastOfPhase1 + 1));
        market.claim(id, lastOfPhase1);
        // Malformed ids: phase 0, aggregator round 0, a phase that does not exist, and a run that would
        // carry into the next phase.
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketInvalidRoundId.selector, uint80(2)));
        market.claim(id, 2);
        uint80 phaseOnly = uint80(2) << 64;
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketInvalidRoundId.selector, phaseOnly));
        market.claim(id, phaseOnly);
        uint80 future = feed.proxyRoundId(9, 1);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketRoundUnavailable.selector, future));
        market.claim(id, future);
        uint80 edge = feed.proxyRoundId(1, type(uint64).max);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketRoundsCrossPhase.selector, edge, 2));
        market.claim(id, edge);
        // Inside phase 2 the pair is consecutive and pays.
        _claim(id, firstOfPhase2);
    }

    function test_Claim_OlderPhaseRoundsStillCount() public {
        uint256 id = _buyDown(alice);
        uint80 r = _pushN(2600e8, 2, 10 minutes);
        feed.startNewPhase(); // the proxy moved to a new aggregator after the crash
        _push(SPOT, 1 minutes);
        _claim(id, r);
    }

    function testFuzz_Claim_CountsOnlyRoundsInsideWindow(uint256 offset, uint256 gap) public {
        uint256 id = _buyDown(alice);
        uint256 start = block.timestamp;
        uint256 end = start + 7 days;
        offset = bound(offset, 1, 7 days + 1 hours);
        gap = bound(gap, 1, 1 hours);
        vm.warp(start + offset);
        uint80 r = feed.pushAnswer(2600e8);
        vm.warp(start + offset + gap);
        feed.pushAnswer(2600e8);
        bool inside = offset >= DELAY && offset + gap <= end - start;
        bytes memory err = _revertData(keeper, abi.encodeCall(market.claim, (id, r)));
        if (inside) {
            assertEq(err.length, 0, "rounds inside the window pay");
        } else {
            assertEq(_selector(err), ICoverMarket.CoverMarketRoundOutsideWindow.selector, "outside the window");
        }
    }

    // ---------- claim deadline ----------

    function test_Claim_DeadlineInclusive() public {
        uint256 id = _buyDown(alice);
        uint256 deadline = block.timestamp + 7 days + GRACE;
        uint80 r = _pushN(2600e8, 2, 1 days);
        vm.warp(deadline);
        uint256 snap = vm.snapshotState();
        _claim(id, r);
        vm.revertToState(snap);
        vm.warp(deadline + 1);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketClaimWindowClosed.selector, id, deadline));
        market.claim(id, r);
    }

    // ---------- L2 sequencer ----------

    function test_Sequencer_DownOrInGrace_BlocksSalesAndClaims() public {
        MockAggregator seq = new MockAggregator(0, "L2 Sequencer Uptime", address(this));
        seq.pushAnswerAt(0, block.timestamp - 2 hours, block.timestamp - 2 hours); // up for 2 h
        CoverMarket l2 = _newMarket(AggregatorV3Interface(address(seq)), 1 hours);
        uint256 pid = _register(l2, _config(ICoverMarket.Direction.Down));
        vm.prank(alice);
        usdc.approve(address(l2), type(uint256).max);
        vm.prank(alice);
        (uint256 id,) = l2.buyCover(pid, STRIKE, PAYOUT, 7 days, type(uint256).max);
        uint80 r = _pushN(2600e8, 2, 10 minutes);

        // Down: sales and claims revert.
        seq.pushAnswerAt(1, block.timestamp, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketSequencerDown.selector, int256(1)));
        l2.quote(pid, STRIKE, PAYOUT, 7 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketSequencerDown.selector, int256(1)));
        l2.buyCover(pid, STRIKE, PAYOUT, 7 days, type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketSequencerDown.selector, int256(1)));
        l2.claim(id, r);

        // Back up: still refused during the grace period (inclusive), allowed after it.
        vm.warp(block.timestamp + 5 minutes);
        uint256 upAt = block.timestamp;
        seq.pushAnswerAt(0, upAt, upAt);
        _push(SPOT, 0);
        vm.warp(upAt + 1 hours);
        _push(SPOT, 0);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketSequencerGracePeriod.selector, upAt, 1 hours));
        l2.claim(id, r);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketSequencerGracePeriod.selector, upAt, 1 hours));
        l2.quote(pid, STRIKE, PAYOUT, 7 days);
        vm.warp(upAt + 1 hours + 1);
        _push(SPOT, 0);
        l2.quote(pid, STRIKE, PAYOUT, 7 days);
        l2.claim(id, r);
        assertEq(uint256(l2.coverInfo(id).status), uint256(ICoverMarket.CoverStatus.Claimed), "claimed after grace");
    }

    function test_Sequencer_UninitialisedFeedRejected() public {
        MockAggregator seq = new MockAggregator(0, "L2 Sequencer Uptime", address(this));
        seq.pushAnswerAt(0, 0, block.timestamp); // startedAt 0: Arbitrum before the first status
        CoverMarket l2 = _newMarket(AggregatorV3Interface(address(seq)), 1 hours);
        uint256 pid = _register(l2, _config(ICoverMarket.Direction.Down));
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketSequencerGracePeriod.selector, 0, 1 hours));
        l2.quote(pid, STRIKE, PAYOUT, 7 days);
    }

    // ---------- isolation of locked capital ----------

    function test_PaidClaim_NeverTouchesOtherCoversLocks() public {
        uint256 a = _buyDown(alice); // 7 days
        (uint256 b,) = _buy(bob, downId, 2500e8, 40_000e6, 30 days);
        (uint256 c,) = _buy(bob, upId, 3300e8, 25_000e6, 14 days);
        ICoverMarket.CoverInfo memory ib = market.coverInfo(b);
        ICoverMarket.CoverInfo memory ic = market.coverInfo(c);
        (, uint256 bucketB) = pool.bucket(ib.releaseDay);
        (, uint256 bucketC) = pool.bucket(ic.releaseDay);
        uint256 lockedBefore = pool.lockedAssets();

        uint80 r = _pushN(2600e8, 2, 10 minutes);
        _claim(a, r);
        assertEq(pool.lockedAssets(), lockedBefore - PAYOUT, "only A's payout left the lock");
        (, uint256 bucketBAfter) = pool.bucket(ib.releaseDay);
        (, uint256 bucketCAfter) = pool.bucket(ic.releaseDay);
        assertEq(bucketBAfter, bucketB, "B's bucket untouched");
        assertEq(bucketCAfter, bucketC, "C's bucket untouched");

        // A shortfall now cannot reach B's or C's locked capital either, and both still pay in full.
        uint256 free = pool.freeAssets();
        vm.prank(gov);
        pool.setWaterfall(gov);
        vm.prank(gov);
        pool.coverShortfall(free, gov);
        uint80 r2 = _pushN(2400e8, 2, 1 hours);
        uint256 bobBefore = usdc.balanceOf(bob);
        _claim(b, r2);
        assertEq(usdc.balanceOf(bob), bobBefore + 40_000e6, "B paid in full after A's claim and a shortfall");
        uint80 r3 = _pushN(3350e8, 2, 1 hours);
        _claim(c, r3);
        assertEq(usdc.balanceOf(bob), bobBefore + 65_000e6, "C paid in full");
        assertEq(pool.lockedAssets(), 0, "nothing left locked");
    }

    // ---------- expiry and release ----------

    function test_Expiry_BucketReleasesWithoutAnyCall() public {
        uint256 id = _buyDown(alice);
        ICoverMarket.CoverInfo memory info = market.coverInfo(id);
        uint256 lockedBefore = pool.lockedAssets();
        vm.warp(info.claimDeadline);
        assertEq(uint256(_status(id)), uint256(ICoverMarket.CoverStatus.Active), "active through the deadline");
        vm.warp(info.claimDeadline + 1);
        assertEq(uint256(_status(id)), uint256(ICoverMarket.CoverStatus.Expired), "expired, still locked");
        assertEq(pool.lockedAssets(), lockedBefore, "locked until the release day");
        vm.warp(info.releaseDay * 1 days);
        assertEq(pool.lockedAssets(), lockedBefore - PAYOUT, "released by the bucket, no call");
        assertEq(uint256(_status(id)), uint256(ICoverMarket.CoverStatus.Released), "released");
        // `release` then only records the end (nothing left to free) and emits for the indexer.
        vm.expectEmit(true, true, false, true, address(market));
        emit ICoverMarket.CoverReleased(id, keeper, 0);
        vm.prank(keeper);
        assertEq(market.release(id), 0, "nothing to free");
        assertEq(pool.lockedAssets(), lockedBefore - PAYOUT, "unchanged");
    }

    function test_Release_FreesCapitalEarly_Permissionless() public {
        uint256 id = _buyDown(alice);
        ICoverMarket.CoverInfo memory info = market.coverInfo(id);
        uint256 lockedBefore = pool.lockedAssets();
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketClaimWindowOpen.selector, id, info.claimDeadline));
        market.release(id);
        vm.warp(info.claimDeadline);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketClaimWindowOpen.selector, id, info.claimDeadline));
        market.release(id);
        vm.warp(info.claimDeadline + 1);
        vm.expectEmit(true, true, false, true, address(market));
        emit ICoverMarket.CoverReleased(id, keeper, PAYOUT);
        vm.prank(keeper);
        assertEq(market.release(id), PAYOUT, "freed");
        assertEq(pool.lockedAssets(), lockedBefore - PAYOUT, "capital back before the bucket");
        assertEq(uint256(_status(id)), uint256(ICoverMarket.CoverStatus.Released), "released");
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketAlreadyReleased.selector, id));
        market.release(id);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketAlreadyReleased.selector, id));
        market.claim(id, 1);
        // The bucket does not release it a second time.
        vm.warp(info.releaseDay * 1 days + 1);
        assertEq(pool.lockedAssets(), lockedBefore - PAYOUT, "released once");
    }

    function test_Release_OfClaimedCoverReverts() public {
        uint256 id = _buyDown(alice);
        uint80 r = _pushN(2600e8, 2, 10 minutes);
        _claim(id, r);
        vm.warp(block.timestamp + 10 days);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketAlreadyClaimed.selector, id));
        market.release(id);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketUnknownCover.selector, 7));
        market.release(7);
    }
}
