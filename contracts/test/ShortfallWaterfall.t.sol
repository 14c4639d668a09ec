// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Over 400 lines on purpose: one test per rule of the waterfall, sharing ShortfallWaterfallBase's deploy.

import {ShortfallWaterfallBase} from "./ShortfallWaterfallBase.t.sol";
import {ShortfallWaterfall} from "../src/ShortfallWaterfall.sol";
import {IRecapitalizer} from "../src/interfaces/IRecapitalizer.sol";
import {IShortfallWaterfall} from "../src/interfaces/IShortfallWaterfall.sol";
import {Recapitalizer} from "../src/Recapitalizer.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {IBackstopPool} from "../src/interfaces/IBackstopPool.sol";
import {IShortfallLayer} from "../src/interfaces/IShortfallLayer.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {TestUSDC} from "../src/mocks/TestUSDC.sol";

/// @notice ShortfallWaterfall on two real BackstopPools: access control, the Junior → Senior →
///         recapitalization → remainder order, rolling 24 h caps, venue exposure caps, locked capital,
///         fee split, guardian pause and governance bounds.
contract ShortfallWaterfallTest is ShortfallWaterfallBase {
    event ShortfallAbsorbed(
        address indexed venue,
        uint256 amount,
        uint256 junior,
        uint256 senior,
        uint256 recapitalization,
        uint256 remainder,
        uint256 indexed auctionId
    );
    event FeesDistributed(address indexed venue, uint256 amount, uint256 junior, uint256 senior);

    IShortfallWaterfall.Layer internal constant JR = IShortfallWaterfall.Layer.Junior;
    IShortfallWaterfall.Layer internal constant SR = IShortfallWaterfall.Layer.Senior;

    // ================================================================== access control (test 5)

    function test_absorbShortfall_RevertsForUnregisteredCaller() public {
        vm.expectRevert(abi.encodeWithSelector(IShortfallWaterfall.ShortfallWaterfallNotVenue.selector, stranger));
        vm.prank(stranger);
        wf.absorbShortfall(1e6);
    }

    function test_distributeFees_RevertsForUnregisteredCaller() public {
        _fund(stranger, 1e6);
        vm.prank(stranger);
        usdc.approve(address(wf), 1e6);
        vm.expectRevert(abi.encodeWithSelector(IShortfallWaterfall.ShortfallWaterfallNotVenue.selector, stranger));
        vm.prank(stranger);
        wf.distributeFees(1e6);
    }

    function test_RemovedVenue_CannotDrawOrPayFees() public {
        vm.prank(gov);
        wf.removeVenue(venue);
        vm.expectRevert(abi.encodeWithSelector(IShortfallWaterfall.ShortfallWaterfallNotVenue.selector, venue));
        vm.prank(venue);
        wf.absorbShortfall(1e6);
        vm.expectRevert(abi.encodeWithSelector(IShortfallWaterfall.ShortfallWaterfallNotVenue.selector, venue));
        vm.prank(venue);
        wf.distributeFees(1e6);
    }

    function test_ZeroAmounts_Revert() public {
        vm.expectRevert(IShortfallWaterfall.ShortfallWaterfallZeroAmount.selector);
        vm.prank(venue);
        wf.absorbShortfall(0);
        vm.expectRevert(IShortfallWaterfall.ShortfallWaterfallZeroAmount.selector);
        vm.prank(venue);
        wf.distributeFees(0);
    }

    function test_PoolHooks_RejectAnyoneButTheWaterfall() public {
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotWaterfall.selector, venue));
        vm.prank(venue);
        juniorPool.coverShortfall(1e6, venue);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotWaterfall.selector, stranger));
        vm.prank(stranger);
        seniorPool.receiveFees(1e6);
    }

    // ================================================================== the waterfall order

    function test_absorb_JuniorPaysFirst() public {
        uint256 amount = 100_000e6;
        vm.expectEmit(address(wf));
        emit ShortfallAbsorbed(venue, amount, amount, 0, 0, 0, 0);
        (uint256 j, uint256 s, uint256 r, uint256 rem) = _absorb(venue, amount);
        assertEq(j, amount, "junior");
        assertEq(s + r + rem, 0, "nothing else");
        assertEq(usdc.balanceOf(venue), amount, "venue paid now");
        assertEq(juniorPool.totalAssets(), JUNIOR_CAPITAL - amount, "junior assets");
        assertEq(seniorPool.totalAssets(), SENIOR_CAPITAL, "senior untouched");
        assertEq(recap.auctionCount(), 0, "no auction for a covered shortfall");
    }

    function test_absorb_SpillsToSeniorAtJuniorCap() public {
        uint256 jCap = JUNIOR_CAPITAL * 5_000 / 10_000;
        (uint256 j, uint256 s, uint256 r, uint256 rem) = _absorb(venue, 700_000e6);
        assertEq(j, jCap, "junior pays its cap");
        assertEq(s, 700_000e6 - jCap, "senior pays the rest");
        assertEq(r + rem, 0, "covered");
        assertEq(usdc.balanceOf(venue), 700_000e6, "venue paid");
    }

    function test_absorb_BeyondBothLayers_OpensAuction() public {
        uint256 jCap = JUNIOR_CAPITAL / 2;
        uint256 sCap = SENIOR_CAPITAL / 4;
        uint256 amount = 2_000_000e6;
        vm.expectEmit(address(wf));
        emit ShortfallAbsorbed(venue, amount, jCap, sCap, amount - jCap - sCap, 0, 1);
        (uint256 j, uint256 s, uint256 r, uint256 rem) = _absorb(venue, amount);
        assertEq(j + s + r + rem, amount, "split sums");
        assertEq(r, amount - jCap - sCap, "rest to recapitalization");
        assertEq(rem, 0, "no remainder yet");
        Recapitalizer.Auction memory a = recap.auction(1);
        assertEq(a.venue, venue, "auction venue");
        assertEq(a.target, r, "auction target");
        (, uint256 cap, uint256 used) = wf.venue(venue);
        assertEq(cap, EXPOSURE_CAP, "cap");
        assertEq(used, amount, "exposure counts layers + recapitalization");
    }

    function test_absorb_NoRecapitalizer_AllUncoveredIsRemainder() public {
        vm.prank(gov);
        wf.setRecapitalizer(IRecapitalizer(address(0)));
        (uint256 j, uint256 s, uint256 r, uint256 rem) = _absorb(venue, 2_000_000e6);
        assertEq(r, 0, "no recap");
        assertEq(rem, 2_000_000e6 - j - s, "remainder");
        (,, uint256 used) = wf.venue(venue);
        assertEq(used, j + s, "exposure: only what was paid");
    }

    function testFuzz_absorb_SplitSumsAndMatchesPreview(uint256 amount, uint256 warpBy, uint256 first) public {
        amount = bound(amount, 1, 20_000_000e6);
        first = bound(first, 0, 3_000_000e6);
        if (first > 0) _absorb(venue, first);
        vm.warp(block.timestamp + bound(warpBy, 0, 3 days));
        (uint256 pj, uint256 ps, uint256 pr, uint256 prem) = wf.previewAbsorbShortfall(venue, amount);
        uint256 jBefore = juniorPool.totalAssets();
        uint256 sBefore = seniorPool.totalAssets();
        uint256 vBefore = usdc.balanceOf(venue);
        (uint256 j, uint256 s, uint256 r, uint256 rem) = _absorb(venue, amount);
        assertEq(j + s + r + rem, amount, "split sums to the amount");
        assertEq(j, pj, "preview junior");
        assertEq(s, ps, "preview senior");
        assertEq(r, pr, "preview recap");
        assertEq(rem, prem, "preview remainder");
        assertEq(jBefore - juniorPool.totalAssets(), j, "junior paid exactly");
        assertEq(sBefore - seniorPool.totalAssets(), s, "senior paid exactly");
        assertEq(usdc.balanceOf(venue) - vBefore, j + s, "venue received exactly");
    }

    // ================================================================== exposure cap (test 5)

    function test_VenueOverExposureCap_GetsOnlyTheCap() public {
        uint256 cap = 300_000e6;
        vm.prank(gov);
        wf.setVenue(venue2, cap);
        (uint256 j, uint256 s, uint256 r, uint256 rem) = _absorb(venue2, 400_000e6);
        assertEq(j + s + r, cap, "covered exactly the cap");
        assertEq(rem, 100_000e6, "the excess is the remainder");
        assertEq(usdc.balanceOf(venue2), cap, "venue got the cap");
        // Exhausted: the next shortfall takes nothing from the pools, opens no auction.
        uint256 jAssets = juniorPool.totalAssets();
        (j, s, r, rem) = _absorb(venue2, 50_000e6);
        assertEq(j + s + r, 0, "nothing covered past the cap");
        assertEq(rem, 50_000e6, "all remainder");
        assertEq(juniorPool.totalAssets(), jAssets, "pool untouched");
        assertEq(recap.auctionCount(), 0, "no auction");
        // Governance raising the cap re-opens exactly the difference.
        vm.prank(gov);
        wf.setVenue(venue2, cap + 10_000e6);
        (j, s, r, rem) = _absorb(venue2, 50_000e6);
        assertEq(j + s + r, 10_000e6, "the raise");
        assertEq(rem, 40_000e6, "rest remainder");
    }

    function test_ExposureCap_CountsRecapitalization() public {
        vm.prank(gov);
        wf.setVenue(venue2, 1_600_000e6);
        (uint256 j, uint256 s, uint256 r, uint256 rem) = _absorb(venue2, 2_000_000e6);
        assertEq(j, 500_000e6, "junior");
        assertEq(s, 1_000_000e6, "senior");
        assertEq(r, 100_000e6, "recap up to the exposure cap");
        assertEq(rem, 400_000e6, "excess");
    }

    function testFuzz_ExposureCap_NeverExceeded(uint256 cap, uint256[6] memory amounts) public {
        cap = bound(cap, 1, 3_000_000e6);
        vm.prank(gov);
        wf.setVenue(venue2, cap);
        uint256 covered;
        for (uint256 i; i < amounts.length; ++i) {
            (uint256 j, uint256 s, uint256 r, uint256 rem) = _absorb(venue2, bound(amounts[i], 1, 2_000_000e6));
            covered += j + s + r;
            rem;
            vm.warp(block.timestamp + 1 days);
        }
        assertLe(covered, cap, "lifetime exposure");
        (,, uint256 used) = wf.venue(venue2);
        assertEq(used, covered, "used == covered");
    }

    // ================================================================== rolling 24 h caps (test 5)

    /// @dev Any split of calls, any timing within 24 h: a layer never pays more than capBps of the free
    ///      capital it had (no other flows here, so `free + used` is the starting free capital).
    function testFuzz_RepeatedCallsWithin24h_NeverExceedCaps(uint256[12] memory amounts, uint256[12] memory gaps) public {
        uint256 jLimit = JUNIOR_CAPITAL * 5_000 / 10_000;
        uint256 sLimit = SENIOR_CAPITAL * 2_500 / 10_000;
        uint256[12] memory at;
        uint256[12] memory jDraw;
        uint256[12] memory sDraw;
        for (uint256 i; i < 12; ++i) {
            vm.warp(block.timestamp + bound(gaps[i], 0, 6 hours));
            (uint256 j, uint256 s, uint256 r, uint256 rem) = _absorb(venue, bound(amounts[i], 1, 400_000e6));
            r;
            rem;
            at[i] = block.timestamp;
            jDraw[i] = j;
            sDraw[i] = s;
        }
        // Every 24 h interval ending at a draw.
        for (uint256 i; i < 12; ++i) {
            uint256 jSum;
            uint256 sSum;
            for (uint256 k; k <= i; ++k) {
                if (at[k] + 1 days > at[i]) {
                    jSum += jDraw[k];
                    sSum += sDraw[k];
                }
            }
            assertLe(jSum, jLimit, "junior over its 24h cap");
            assertLe(sSum, sLimit, "senior over its 24h cap");
        }
    }

    function test_ManySmallCalls_GetNoMoreThanOneLarge() public {
        uint256 total;
        for (uint256 i; i < 200; ++i) {
            (uint256 j,,,) = _absorb(venue, 5_000e6);
            total += j;
        }
        assertEq(total, JUNIOR_CAPITAL / 2, "junior: exactly its cap, however split");
        assertEq(_available(JR), 0, "junior exhausted");
    }

    /// @dev The window is conservative: a draw stays counted until the window after next begins.
    function test_Window_DrawCountedBetween24hAnd48h() public {
        _absorb(venue, 500_000e6); // Junior's full cap at T0 (window k)
        assertEq(_available(JR), 0, "exhausted");
        uint256 nextWindow = _windowStart(T0) + 1 days;
        vm.warp(nextWindow + 12 hours); // window k+1: still counted (prev bucket)
        assertEq(_available(JR), 0, "still counted in the next window");
        vm.warp(T0 + 1 days); // exactly 24 h later, still inside window k+1
        assertEq(_available(JR), 0, "24 h later: still counted (never less than 24 h)");
        vm.warp(nextWindow + 1 days); // window k+2: forgotten
        assertEq(_available(JR), 250_000e6, "window after next: 50% of the 500k left");
    }

    function test_LayerCap_UsesCapitalBeforeTheWindowsDraws() public {
        (uint256 free, uint256 used, uint256 cap, uint256 available, uint256 bps) = wf.layerState(JR);
        assertEq(free, JUNIOR_CAPITAL, "free");
        assertEq(used, 0, "used");
        assertEq(cap, JUNIOR_CAPITAL / 2, "cap");
        assertEq(available, cap, "available");
        assertEq(bps, 5_000, "bps");
        _absorb(venue, 200_000e6);
        (free, used, cap, available,) = wf.layerState(JR);
        assertEq(free, JUNIOR_CAPITAL - 200_000e6, "free after");
        assertEq(used, 200_000e6, "used after");
        assertEq(cap, JUNIOR_CAPITAL / 2, "cap does not shrink as the layer pays");
        assertEq(available, 300_000e6, "available after");
    }

    function test_LayerCap_SharedAcrossVenues() public {
        vm.prank(gov);
        wf.setVenue(venue2, EXPOSURE_CAP);
        (uint256 j1,,,) = _absorb(venue, 300_000e6);
        (uint256 j2, uint256 s2,,) = _absorb(venue2, 300_000e6);
        assertEq(j1 + j2, JUNIOR_CAPITAL / 2, "one junior cap for all venues");
        assertEq(s2, 100_000e6, "second venue spills to senior");
    }

    // ================================================================== locked capital (test 6)

    /// @dev At the worst shortfall, day after day until the free capital is gone, every locked payout
    ///      stays payable in full.
    function test_LockedCapital_Untouchable_AtTheWorstShortfall() public {
        uint256 jLocked = 800_000e6;
        uint256 sLocked = 3_200_000e6; // 80 % of Senior: its utilization ceiling (was 3,500,000, above it)
        vm.prank(gov);
        wf.setVenue(venue, type(uint96).max);
        uint256 jIdx = juniorMarket.lock(jLocked, block.timestamp + 60 days);
        uint256 sIdx = seniorMarket.lock(sLocked, block.timestamp + 60 days);
        assertEq(juniorPool.freeAssets(), JUNIOR_CAPITAL - jLocked, "junior free");
        for (uint256 d; d < 40; ++d) {
            (uint256 j, uint256 s,,) = _absorb(venue, 5_000_000e6);
            assertLe(j, JUNIOR_CAPITAL - jLocked, "junior never beyond free");
            assertLe(s, SENIOR_CAPITAL - sLocked, "senior never beyond free");
            assertGe(usdc.balanceOf(address(juniorPool)), jLocked, "junior still holds the locks");
            assertGe(usdc.balanceOf(address(seniorPool)), sLocked, "senior still holds the locks");
            vm.warp(block.timestamp + 1 days);
        }
        assertLt(juniorPool.freeAssets(), (JUNIOR_CAPITAL - jLocked) / 100, "junior free capital drained (< 1% left)");
        assertLt(seniorPool.freeAssets(), (SENIOR_CAPITAL - sLocked) / 100, "senior free capital drained (< 1% left)");
        assertEq(juniorPool.lockedAssets(), jLocked, "junior locks intact");
        assertEq(seniorPool.lockedAssets(), sLocked, "senior locks intact");
        juniorMarket.claim(jIdx, jLocked, stranger);
        seniorMarket.claim(sIdx, sLocked, stranger);
        assertEq(usdc.balanceOf(stranger), jLocked + sLocked, "every locked payout paid in full");
    }

    // ================================================================== fees (test 12)

    function test_distributeFees_SplitsByWeightDustToJunior() public {
        uint256 jHeld = _held(juniorPool);
        uint256 sHeld = _held(seniorPool);
        _fund(venue, 1_001);
        vm.prank(venue);
        usdc.approve(address(wf), 1_001);
        vm.expectEmit(address(wf));
        emit FeesDistributed(venue, 1_001, 701, 300);
        vm.prank(venue);
        (uint256 j, uint256 s) = wf.distributeFees(1_001);
        assertEq(j, 701, "junior (70% + dust)");
        assertEq(s, 300, "senior floor(30%)");
        assertEq(_held(juniorPool) - jHeld, 701, "junior received");
        assertEq(_held(seniorPool) - sHeld, 300, "senior received");
        assertEq(usdc.balanceOf(address(wf)), 0, "nothing stays in the waterfall");
    }

    function testFuzz_distributeFees_ConservesEveryUnit(uint256 amount, uint256 seniorBps) public {
        amount = bound(amount, 1, 1e24); // pools account in uint96
        seniorBps = bound(seniorBps, 1_000, 9_000);
        vm.prank(gov);
        wf.setFeeWeights(10_000 - seniorBps, seniorBps);
        uint256 jHeld = _held(juniorPool);
        uint256 sHeld = _held(seniorPool);
        uint256 jBal = usdc.balanceOf(address(juniorPool));
        uint256 sBal = usdc.balanceOf(address(seniorPool));
        (uint256 j, uint256 s) = _payFees(venue, amount);
        assertEq(j + s, amount, "every unit conserved");
        assertEq(s, amount * seniorBps / 10_000, "senior = floor");
        assertEq(_held(juniorPool) - jHeld + _held(seniorPool) - sHeld, amount, "accounted == paid in");
        assertEq(usdc.balanceOf(address(juniorPool)) - jBal + usdc.balanceOf(address(seniorPool)) - sBal, amount, "tokens");
        assertEq(usdc.balanceOf(address(wf)), 0, "no residue");
        assertEq(usdc.balanceOf(venue), 0, "venue paid exactly amount");
    }

    /// @dev Fees are streamed by the pools: over the stream period the pools' assets rise by exactly the
    ///      fees, never more (no over-emission), however many distributions happen.
    function test_Fees_NeverCreditMoreThanPaidIn() public {
        uint256 jAssets = juniorPool.totalAssets();
        uint256 sAssets = seniorPool.totalAssets();
        uint256 paid;
        for (uint256 i; i < 10; ++i) {
            _payFees(venue, 12_345e6 + i);
            paid += 12_345e6 + i;
            vm.warp(block.timestamp + 3 hours);
            assertLe(juniorPool.totalAssets() - jAssets + seniorPool.totalAssets() - sAssets, paid, "never above paid");
        }
        vm.warp(block.timestamp + 3 days);
        juniorPool.checkpoint();
        seniorPool.checkpoint();
        uint256 earned = juniorPool.totalAssets() - jAssets + seniorPool.totalAssets() - sAssets;
        assertLe(earned, paid, "earned <= paid");
        assertApproxEqAbs(earned, paid, 20, "fully earned once the streams end (pool rounding only)");
    }

    // ================================================================== guardian pause (test 8)

    function test_GuardianPause_BlocksVenueDrawsOnly() public {
        // An auction exists before the pause.
        (,, uint256 r,) = _absorb(venue, 2_000_000e6);
        assertGt(r, 0, "auction open");
        vm.prank(guardian);
        wf.pause();
        assertTrue(wf.paused(), "paused");
        vm.expectRevert(IShortfallWaterfall.ShortfallWaterfallPaused.selector);
        vm.prank(venue);
        wf.absorbShortfall(1e6);
        // Everything else keeps working: fees, auction buys and settlement, pool exits.
        _payFees(venue, 1_000e6);
        (uint256 paid,) = _buy(buyer, 1, 10_000e6);
        assertEq(paid, 10_000e6, "buy works while paused");
        vm.warp(block.timestamp + AUCTION_DURATION + 1);
        recap.settle(1);
        uint256 lpShares = juniorPool.balanceOf(lp); // 1e12 share-wei would be worth nothing after the draw
        vm.prank(lp);
        juniorPool.requestRedeem(lpShares, lp, lp);
        // The guardian can do nothing else.
        vm.startPrank(guardian);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        wf.unpause();
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        wf.setVenue(guardian, 1);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        wf.setLayerCapBps(JR, 100);
        vm.stopPrank();
        vm.prank(gov);
        wf.unpause();
        (uint256 j,,,) = _absorb(venue, 1e6);
        assertEq(j + 0, j, "draws resume");
    }

    function test_Pause_OnlyGuardianOrOwner() public {
        vm.expectRevert(abi.encodeWithSelector(IShortfallWaterfall.ShortfallWaterfallNotGuardian.selector, stranger));
        vm.prank(stranger);
        wf.pause();
        vm.prank(gov);
        wf.pause();
        assertTrue(wf.paused(), "owner may pause");
    }

    // ================================================================== governance bounds (test 8)

    function test_setLayerCapBps_Bounds() public {
        vm.startPrank(gov);
        vm.expectRevert(
            abi.encodeWithSelector(IShortfallWaterfall.ShortfallWaterfallLayerCapOutOfBounds.selector, 99, 100, 5_000)
        );
        wf.setLayerCapBps(JR, 99);
        vm.expectRevert(
            abi.encodeWithSelector(IShortfallWaterfall.ShortfallWaterfallLayerCapOutOfBounds.selector, 5_001, 100, 5_000)
        );
        wf.setLayerCapBps(SR, 5_001);
        wf.setLayerCapBps(JR, 100);
        wf.setLayerCapBps(SR, 5_000);
        vm.stopPrank();
        assertEq(wf.layerCapBps(JR), 100, "junior min");
        assertEq(wf.layerCapBps(SR), 5_000, "senior max");
        (uint256 j, uint256 s,,) = _absorb(venue, 3_000_000e6);
        assertEq(j, JUNIOR_CAPITAL / 100, "1% of junior");
        assertEq(s, SENIOR_CAPITAL / 2, "50% of senior");
    }

    function testFuzz_setLayerCapBps_RejectsOutOfBounds(uint256 bps) public {
        vm.assume(bps < 100 || bps > 5_000);
        vm.expectRevert(
            abi.encodeWithSelector(IShortfallWaterfall.ShortfallWaterfallLayerCapOutOfBounds.selector, bps, 100, 5_000)
        );
        vm.prank(gov);
        wf.setLayerCapBps(JR, bps);
    }

    function test_setFeeWeights_Bounds() public {
        vm.startPrank(gov);
        vm.expectRevert(
            abi.encodeWithSelector(IShortfallWaterfall.ShortfallWaterfallFeeWeightOutOfBounds.selector, 999, 1_000, 9_000)
        );
        wf.setFeeWeights(999, 9_001);
        vm.expectRevert(
            abi.encodeWithSelector(IShortfallWaterfall.ShortfallWaterfallFeeWeightOutOfBounds.selector, 9_500, 1_000, 9_000)
        );
        wf.setFeeWeights(500 + 500, 9_500);
        vm.expectRevert(abi.encodeWithSelector(IShortfallWaterfall.ShortfallWaterfallFeeWeightsSum.selector, 5_000, 4_000));
        wf.setFeeWeights(5_000, 4_000);
        wf.setFeeWeights(9_000, 1_000);
        vm.stopPrank();
        (uint256 j, uint256 s) = wf.feeWeights();
        assertEq(j, 9_000, "junior weight");
        assertEq(s, 1_000, "senior weight");
    }

    function test_setVenue_Bounds() public {
        vm.startPrank(gov);
        vm.expectRevert(
            abi.encodeWithSelector(
                IShortfallWaterfall.ShortfallWaterfallExposureCapOutOfBounds.selector, 0, 1, type(uint96).max
            )
        );
        wf.setVenue(venue2, 0);
        uint256 tooBig = uint256(type(uint96).max) + 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                IShortfallWaterfall.ShortfallWaterfallExposureCapOutOfBounds.selector, tooBig, 1, type(uint96).max
            )
        );
        wf.setVenue(venue2, tooBig);
        vm.expectRevert(IShortfallWaterfall.ShortfallWaterfallZeroAddress.selector);
        wf.setVenue(address(0), 1);
        vm.expectRevert(abi.encodeWithSelector(IShortfallWaterfall.ShortfallWaterfallNotVenue.selector, venue2));
        wf.removeVenue(venue2);
        vm.expectRevert(IShortfallWaterfall.ShortfallWaterfallZeroAddress.selector);
        wf.setGuardian(address(0));
        vm.stopPrank();
    }

    function test_setRecapitalizer_RejectsMismatch() public {
        Recapitalizer other = new Recapitalizer(stranger, IERC20(address(usdc)), gov, treasury, 1e18, 2e6, 1e6, 1 hours, 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IShortfallWaterfall.ShortfallWaterfallRecapitalizerMismatch.selector, stranger, address(usdc)
            )
        );
        vm.prank(gov);
        wf.setRecapitalizer(IRecapitalizer(address(other)));
        TestUSDC otherCoin = new TestUSDC();
        Recapitalizer wrongCoin =
            new Recapitalizer(address(wf), IERC20(address(otherCoin)), gov, treasury, 1e18, 2e6, 1e6, 1 hours, 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IShortfallWaterfall.ShortfallWaterfallRecapitalizerMismatch.selector, address(wf), address(otherCoin)
            )
        );
        vm.prank(gov);
        wf.setRecapitalizer(IRecapitalizer(address(wrongCoin)));
    }

    function test_Governance_OnlyOwner() public {
        vm.startPrank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        wf.setVenue(stranger, 1);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        wf.setFeeWeights(5_000, 5_000);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        wf.setRecapitalizer(IRecapitalizer(address(0)));
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        wf.setGuardian(stranger);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        wf.removeVenue(venue);
        vm.stopPrank();
    }

    function test_Constructor_RejectsMismatchedLayers() public {
        TestUSDC otherCoin = new TestUSDC();
        BackstopPool otherPool = new BackstopPool(IERC20(address(otherCoin)), "x", "x", gov, guardian);
        vm.expectRevert(
            abi.encodeWithSelector(
                IShortfallWaterfall.ShortfallWaterfallAssetMismatch.selector, address(usdc), address(otherCoin)
            )
        );
        new ShortfallWaterfall(IShortfallLayer(address(juniorPool)), IShortfallLayer(address(otherPool)), gov, guardian);
        vm.expectRevert(IShortfallWaterfall.ShortfallWaterfallZeroAddress.selector);
        new ShortfallWaterfall(IShortfallLayer(address(juniorPool)), IShortfallLayer(address(seniorPool)), gov, address(0));
    }

    function test_Ownership_IsTwoStep() public {
        vm.prank(gov);
        wf.transferOwnership(stranger);
        assertEq(wf.owner(), gov, "still gov until accepted");
        vm.prank(stranger);
        wf.acceptOwnership();
        assertEq(wf.owner(), stranger, "accepted");
    }
}
