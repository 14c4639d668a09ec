// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ShortfallWaterfallBase} from "./ShortfallWaterfallBase.t.sol";
import {Recapitalizer} from "../src/Recapitalizer.sol";
import {AuctionMath} from "../src/libraries/AuctionMath.sol";

/// @notice Dilution bounded across re-reports (issue 13, item 4). A per-auction mint cap alone lets a venue
///         re-report the unraised rest once its auction settled, report the next liquidation of the same
///         cascade, or a second venue report its own shortfall: each opens a fresh auction with a fresh
///         cap, so dilution within a day had no bound. The `test_Attack_*` tests reproduce those attacks
///         with buys that simply stop when refused (try/catch), so they compile and run on the code before
///         the rolling budget too — where they fail (checked: each minted 2× the cap within an hour).
///         The rest pins the budget's exact behaviour on the real waterfall, pools and Recapitalizer.
contract RecapitalizerMintBudgetTest is ShortfallWaterfallBase {
    event MintBudgetUsed(uint256 indexed auctionId, uint256 minted, uint256 used, uint256 cap, uint256 available);

    /// @dev What Junior + Senior can pay at most from the initial state (50 % and 25 %).
    uint256 internal constant LAYERS = JUNIOR_CAPITAL / 2 + SENIOR_CAPITAL / 4;
    /// @dev 5 % of the initial supply: the per-auction cap of the first auction and the day's budget.
    uint256 internal constant BUDGET = INITIAL_BKS * MAX_MINT_BPS / 10_000;
    /// @dev T0 lies 6,400 s before the next aligned window boundary (1,700,006,400).
    uint256 internal constant NEXT_WINDOW = (T0 / 1 days + 1) * 1 days;

    // mint ledger for the any-interval check
    uint256[] internal _mintAt;
    uint256[] internal _mintAmount;

    function setUp() public override {
        super.setUp();
        vm.prank(gov);
        wf.setVenue(venue2, EXPOSURE_CAP);
    }

    // ------------------------------------------------------------------ helpers

    /// @dev A buy that stops quietly when the contract refuses it (any reason): the attacker's best effort.
    function _tryBuy(uint256 auctionId, uint256 stableIn) internal returns (uint256 out) {
        _fund(buyer, stableIn);
        vm.prank(buyer);
        usdc.approve(address(recap), stableIn);
        vm.prank(buyer);
        try recap.buy(auctionId, stableIn, type(uint256).max) returns (uint256, uint256 bksOut) {
            out = bksOut;
            if (out > 0) {
                _mintAt.push(block.timestamp);
                _mintAmount.push(out);
            }
        } catch {}
        vm.prank(buyer);
        usdc.approve(address(recap), 0);
    }

    /// @dev For the 24 h interval [t − 86,399, t] ending at every mint t: the BKS it minted ≤ maxMintBps ×
    ///      the supply before it began. Intervals ending at a mint dominate all others (an interval's mints
    ///      lie in the one ending at its last mint, which starts no later, on no larger a supply).
    function _assertEvery24hIntervalBounded() internal view {
        for (uint256 i; i < _mintAt.length; ++i) {
            uint256 start = _mintAt[i] + 1 - 1 days;
            uint256 inside;
            uint256 before;
            for (uint256 j; j <= i; ++j) {
                if (_mintAt[j] >= start) inside += _mintAmount[j];
                else before += _mintAmount[j];
            }
            assertLe(inside * 10_000, (INITIAL_BKS + before) * MAX_MINT_BPS, "BKS minted in a 24 h interval beyond the bound");
        }
    }

    function _minted() internal view returns (uint256) {
        return bks.totalSupply() - INITIAL_BKS;
    }

    // ================================================================== the attacks (failing on the old code)

    /// @dev The cap binds in auction 1 (it settles with 1,000,000 unraised); the venue re-reports the rest
    ///      an hour later and auction 2 opens with a fresh 5 % cap. Old code: 2 × 5 % minted in one hour.
    function test_Attack_ReReportOfTheUnraisedRest_BoundedIn24h() public {
        _absorb(venue, LAYERS + 2_000_000e6);
        _tryBuy(1, 2_000_000e6); // at 2 USDC: 1,000,000 raised for 500,000 BKS = the cap
        assertTrue(recap.auction(1).settled, "auction 1 capped and settled");
        uint256 unraised = recap.auction(1).target - recap.auction(1).raised;
        vm.warp(T0 + 1 hours);
        (,, uint256 r,) = _absorb(venue, unraised); // layers spent in this window: all to the auction
        assertEq(r, unraised, "re-reported to the Recapitalizer");
        assertEq(recap.auctionCount(), 2, "a fresh auction");
        _tryBuy(2, unraised);
        assertLe(_minted(), BUDGET, "re-report: dilution within 24 h beyond maxMintBps");
        _assertEvery24hIntervalBounded();
    }

    /// @dev Two venues, two concurrent auctions, each with its own cap. Old code: 2 × 5 % at once.
    function test_Attack_SecondVenue_BoundedIn24h() public {
        _absorb(venue, LAYERS + 2_000_000e6);
        (,, uint256 r,) = _absorb(venue2, 2_000_000e6);
        assertEq(r, 2_000_000e6, "venue2: all to its own auction");
        _tryBuy(1, 2_000_000e6);
        _tryBuy(2, 2_000_000e6);
        assertLe(_minted(), BUDGET, "second venue: dilution within 24 h beyond maxMintBps");
        _assertEvery24hIntervalBounded();
    }

    /// @dev The next liquidation of the same cascade after the first auction expired: a new event, a new
    ///      cap. Buys spread over the day so that no single auction reaches its own cap.
    function test_Attack_CascadeOfLiquidations_BoundedIn24h() public {
        vm.prank(gov);
        recap.setDuration(1 hours);
        uint256 t = T0;
        for (uint256 i; i < 6; ++i) {
            _absorb(venue, i == 0 ? LAYERS + 400_000e6 : 400_000e6); // each opens a one-hour auction
            _tryBuy(recap.auctionCount(), 400_000e6); // 200,000 BKS at 2 USDC: 40 % of its own cap
            t += 1 hours + 1;
            vm.warp(t); // expired: the next shortfall settles it and opens another
        }
        assertEq(recap.auctionCount(), 6, "six events in six hours");
        assertLe(_minted(), BUDGET, "cascade: dilution within 24 h beyond maxMintBps");
        _assertEvery24hIntervalBounded();
    }

    /// @dev Mints timed around the aligned window boundary: the last seconds of one window and the first
    ///      of the next are one real 24 h interval, and the two buckets count both in full.
    function test_Attack_AcrossTheWindowBoundary_BoundedIn24h() public {
        _absorb(venue, LAYERS + 2_000_000e6);
        _absorb(venue2, 2_000_000e6);
        vm.warp(NEXT_WINDOW - 1);
        _tryBuy(1, 2_000_000e6);
        vm.warp(NEXT_WINDOW);
        _tryBuy(2, 2_000_000e6);
        vm.warp(NEXT_WINDOW + 1 days - 1); // still inside 24 h of the first mint's window's end
        _absorb(venue, 2_000_000e6);
        _tryBuy(recap.currentAuctionOf(venue), 2_000_000e6);
        _assertEvery24hIntervalBounded();
        assertLe(_minted(), BUDGET, "around the boundary: one budget for both windows");
    }

    /// @dev Any sequence of shortfalls from both venues, buys of any size and waits, across days.
    function testFuzz_Attack_AnySequence_EveryIntervalBounded(uint256[16] memory seeds) public {
        vm.prank(gov);
        recap.setDuration(1 hours);
        _absorb(venue, LAYERS); // spend the layers' first window so shortfalls reach the auction
        for (uint256 i; i < 16; ++i) {
            uint256 s = seeds[i];
            address v = s % 2 == 0 ? venue : venue2;
            if ((s >> 1) % 3 == 0) _absorb(v, bound(s >> 8, 1e6, 3_000_000e6));
            uint256 id = recap.currentAuctionOf(v);
            if (id != 0 && recap.isOpen(id)) _tryBuy(id, bound(s >> 64, 1e6, 2_000_000e6));
            vm.warp(block.timestamp + bound(s >> 128, 0, 20 hours));
        }
        _assertEvery24hIntervalBounded();
    }

    // ================================================================== the budget, exactly

    /// @dev All of the budget minted in this window: it still counts through the next one, so buys resume
    ///      only when it rolls out a window later.
    function test_SpentBudget_RevertsWithWhenItFreesUp() public {
        _absorb(venue, LAYERS + 2_000_000e6);
        _absorb(venue2, 2_000_000e6);
        _buy(buyer, 1, 1_000_000e6); // 500,000 BKS: the budget
        assertEq(recap.previewOpenAuction(venue2, 1), 1, "auctions still open: the budget may refill");
        _fund(buyer, 1e6);
        vm.startPrank(buyer);
        usdc.approve(address(recap), 1e6);
        vm.expectRevert(
            abi.encodeWithSelector(Recapitalizer.RecapitalizerMintBudgetSpent.selector, BUDGET, BUDGET, NEXT_WINDOW + 1 days)
        );
        recap.buy(2, 1e6, type(uint256).max);
        vm.stopPrank();
        (uint256 price, uint256 paid, uint256 out) = recap.previewBuy(2, 1e6);
        assertEq(price, START_PRICE, "price still quoted");
        assertEq(paid + out, 0, "preview: nothing fills");
        assertTrue(recap.isOpen(2), "auction 2 stays open");
    }

    function test_BuyCutToTheBudget_AuctionStaysOpen_EmitsTheBudget() public {
        _absorb(venue, LAYERS + 2_000_000e6);
        _absorb(venue2, 2_000_000e6);
        _buy(buyer, 1, 600_000e6); // 300,000 BKS
        uint256 left = BUDGET - 300_000e18;
        _fund(buyer, 2_000_000e6);
        vm.prank(buyer);
        usdc.approve(address(recap), 2_000_000e6);
        vm.expectEmit(address(recap));
        emit MintBudgetUsed(2, left, BUDGET, BUDGET, 0);
        vm.prank(buyer);
        (uint256 paid, uint256 out) = recap.buy(2, 2_000_000e6, type(uint256).max);
        assertEq(out, left, "cut to what the budget leaves");
        assertEq(paid, AuctionMath.stableInUp(left, START_PRICE), "paid for exactly that");
        Recapitalizer.Auction memory a = recap.auction(2);
        assertLt(a.minted, a.mintCap, "below its own cap");
        assertFalse(a.settled, "not settled: it sells again when the budget frees");
        (uint256 used, uint256 cap, uint256 available, uint256 nextAt) = recap.mintBudget();
        assertEq(used, BUDGET, "used");
        assertEq(cap, BUDGET, "cap: 5 % of the supply before the window's mints");
        assertEq(available, 0, "none left");
        assertEq(nextAt, NEXT_WINDOW, "next window");
    }

    /// @dev The first window boundary moves this window's mints to `prev` (still counted); the second frees
    ///      them. The cap is 5 % of the supply at the start of the previous window, so it grows only as
    ///      minted BKS leave the window.
    function test_Budget_RefillsAsTheWindowRolls() public {
        vm.prank(gov);
        recap.setDuration(7 days);
        _absorb(venue, LAYERS + 5_000_000e6);
        _buy(buyer, 1, 500_000e6); // 250,000 BKS at T0
        vm.warp(NEXT_WINDOW + 10);
        (uint256 used, uint256 cap, uint256 available,) = recap.mintBudget();
        assertEq(used, 250_000e18, "previous window still counts");
        assertEq(cap, BUDGET, "supply at the previous window's start");
        assertEq(available, BUDGET - 250_000e18, "the rest");
        (, uint256 out) = _buy(buyer, 1, 10_000_000e6);
        assertEq(out, BUDGET - 250_000e18, "cut to the rest");
        assertEq(recap.auction(1).minted, BUDGET, "auction 1's own cap is 5 % too");
        // The auction's own cap is reached; a second auction draws on the rolling budget only. Spent now,
        // with half of it minted in the previous window: the next boundary frees that half.
        _absorb(venue2, 1_000_000e6);
        _fund(buyer, 1e6);
        vm.startPrank(buyer);
        usdc.approve(address(recap), 1e6);
        vm.expectRevert(
            abi.encodeWithSelector(Recapitalizer.RecapitalizerMintBudgetSpent.selector, BUDGET, BUDGET, NEXT_WINDOW + 1 days)
        );
        recap.buy(2, 1e6, type(uint256).max);
        vm.stopPrank();
        vm.warp(NEXT_WINDOW + 1 days + 10);
        (used, cap, available,) = recap.mintBudget();
        assertEq(used, BUDGET - 250_000e18, "only the second window's mints remain");
        assertEq(cap, (INITIAL_BKS + 250_000e18) * MAX_MINT_BPS / 10_000, "cap on the supply at that window's start");
        assertEq(available, cap - used, "available");
        vm.warp(NEXT_WINDOW + 2 days + 10);
        (used, cap, available,) = recap.mintBudget();
        assertEq(used, 0, "all rolled out");
        assertEq(available, (INITIAL_BKS + BUDGET) * MAX_MINT_BPS / 10_000, "a full budget on the new supply");
    }

    function test_LoweringMaxMintBps_LowersTheRollingBudgetAtOnce() public {
        _absorb(venue, LAYERS + 2_000_000e6);
        _buy(buyer, 1, 400_000e6); // 200,000 BKS = 2 % of supply
        vm.prank(gov);
        recap.setMaxMintBps(200); // 2 %: already spent
        (uint256 used, uint256 cap, uint256 available,) = recap.mintBudget();
        assertEq(used, 200_000e18, "used");
        assertEq(cap, 200_000e18, "2 % of the supply before the window's mints");
        assertEq(available, 0, "spent");
        _fund(buyer, 1e6);
        vm.startPrank(buyer);
        usdc.approve(address(recap), 1e6);
        vm.expectRevert(
            abi.encodeWithSelector(
                Recapitalizer.RecapitalizerMintBudgetSpent.selector, 200_000e18, 200_000e18, NEXT_WINDOW + 1 days
            )
        );
        recap.buy(1, 1e6, type(uint256).max);
        vm.stopPrank();
        assertEq(recap.auction(1).mintCap, BUDGET, "the open auction keeps its own cap");
    }

    function testFuzz_mintBudget_CapOnTheSupplyBeforeTheWindow(uint256 supply, uint256 used, uint256 bps) public pure {
        supply = bound(supply, 0, 1e36);
        used = bound(used, 0, supply);
        bps = bound(bps, 1, 2_000);
        (uint256 cap, uint256 available) = AuctionMath.mintBudgetDown(supply, used, bps);
        assertEq(cap, (supply - used) * bps / 10_000, "cap");
        assertLe(available + used, cap > used ? cap : used, "never beyond the cap");
        assertEq(available, used >= cap ? 0 : cap - used, "available");
    }
}
