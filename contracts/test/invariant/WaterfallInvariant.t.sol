// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ShortfallWaterfallBase} from "../ShortfallWaterfallBase.t.sol";
import {Recapitalizer} from "../../src/Recapitalizer.sol";
import {AuctionMath} from "../../src/libraries/AuctionMath.sol";
import {WaterfallHandler} from "./WaterfallHandler.sol";
import {SweepSchedule} from "./SweepSchedule.sol";
import {HandlerNames} from "./HandlerNames.sol";

/// @notice Waterfall invariants under random sequences of shortfalls (two venues, one with a small
///         exposure cap), fees, auction buys, settlements, deposits, cover locks and time warps, on the real
///         pools, waterfall, recapitalizer and BKS.
///         Properties: the waterfall never takes more than a layer's cap within any 24 h; every split sums
///         to the amount and every unit is accounted (layers + raised + remainder + unraised); each auction
///         mints ≤ its cap and never sells below its floor; all auctions together never mint more BKS in
///         any 24 h interval than maxMintBps of the supply at its start (issue 13, item 4: two venues
///         re-reporting, cascades of auctions); fees distributed == fees paid in; no venue
///         exceeds its exposure cap; locked capital stays in the pool; nothing is left in the waterfall or
///         the recapitalizer.
/// forge-config: default.invariant.runs = 560
/// forge-config: default.invariant.depth = 128
/// forge-config: default.invariant.fail-on-revert = true
contract WaterfallInvariantTest is ShortfallWaterfallBase, SweepSchedule {
    event log_named_uint(string key, uint256 val);

    WaterfallHandler internal handler;
    uint256 internal constant SMALL_EXPOSURE = 2_000_000e6;

    function setUp() public override {
        super.setUp();
        vm.prank(gov);
        wf.setVenue(venue2, SMALL_EXPOSURE);
        handler = new WaterfallHandler(juniorPool, seniorPool, usdc, wf, recap, juniorMarket, venue, venue2);
        targetContract(address(handler));
    }

    /// @dev 560 runs × 128 calls = 71,680 calls, of which ≈ 54,000 do something (buys and settlements
    ///      need an auction in the right state; the rest is counted as skipped and logged).
    /// forge-config: default.invariant.runs = 560
    /// forge-config: default.invariant.depth = 128
    function invariant_Waterfall() public view {
        assertFalse(handler.ghostCapBreached(), handler.ghostCapBreachWhere());
        assertFalse(handler.ghostSplitBroken(), "a split did not sum to its amount");
        assertFalse(handler.ghostMintBoundBreached(), handler.ghostMintBreachWhere());
        (uint256 used, uint256 cap, uint256 available,) = recap.mintBudget();
        assertLe(used, cap, "rolling mint budget overspent");
        assertEq(available, cap - used, "budget left");
        if (_sweepDue()) _sweepAuctions();
        _checkVenues();
        _checkFees();
        _checkNothingStuck();
        _checkLockedCapital();
    }

    /// @dev Per venue, every call: Σ amount == Σ layers + Σ recapitalization + Σ remainder; exposure used ==
    ///      layers + recapitalization ≤ cap.
    function _checkVenues() internal view {
        address[2] memory vs = [venue, venue2];
        for (uint256 i; i < 2; ++i) {
            assertEq(
                handler.ghostShortfall(i),
                handler.ghostLayersPaid(i) + handler.ghostRecap(i) + handler.ghostRemainder(i),
                "split ledger"
            );
            (, uint256 cap, uint256 used) = wf.venue(vs[i]);
            assertEq(used, handler.ghostLayersPaid(i) + handler.ghostRecap(i), "exposure used");
            assertLe(used, cap, "exposure cap exceeded");
        }
    }

    /// @dev One pass over every auction: minted ≤ cap = floor(supplyBefore × bps / 10000), raised ≤ target,
    ///      and the venue paid at least the floor for every BKS; supply == initial + Σ minted; per venue
    ///      Σ recapitalization == Σ auction targets and the venue holds exactly layers + raised (fees it was
    ///      given it paid on).
    function _sweepAuctions() internal view {
        address[2] memory vs = [venue, venue2];
        uint256[2] memory targets;
        uint256[2] memory raised;
        uint256 minted;
        uint256 n = recap.auctionCount();
        for (uint256 id = 1; id <= n; ++id) {
            Recapitalizer.Auction memory a = recap.auction(id);
            assertLe(a.minted, a.mintCap, "minted > cap");
            assertLe(a.mintCap, AuctionMath.mintCapDown(a.supplyBefore, MAX_MINT_BPS), "cap > bps of supply");
            assertLe(a.raised, a.target, "raised > target");
            assertGe(a.raised * 1e18, a.minted * a.floorPrice, "sold below the floor");
            minted += a.minted;
            uint256 v = a.venue == vs[0] ? 0 : 1;
            assertEq(a.venue, vs[v], "an auction for an unknown venue");
            targets[v] += a.target;
            raised[v] += a.raised;
        }
        assertEq(minted, handler.ghostMinted(), "minted ledger");
        assertEq(bks.totalSupply(), INITIAL_BKS + minted, "supply != initial + minted");
        for (uint256 i; i < 2; ++i) {
            assertEq(handler.ghostRecap(i), targets[i], "recapitalization == auction targets");
            assertEq(usdc.balanceOf(vs[i]), handler.ghostLayersPaid(i) + raised[i], "venue balance");
        }
    }

    function _callsThisRun() internal view override returns (uint256) {
        (uint256 okTotal, uint256 skippedTotal) = handler.totals();
        return okTotal + skippedTotal;
    }

    function _checkFees() internal view {
        uint256 paid = handler.ghostFeesPaid(0) + handler.ghostFeesPaid(1);
        assertEq(handler.ghostFeesToJunior() + handler.ghostFeesToSenior(), paid, "fees distributed != paid in");
    }

    function _checkNothingStuck() internal view {
        assertEq(usdc.balanceOf(address(wf)), 0, "tokens left in the waterfall");
        assertEq(usdc.balanceOf(address(recap)), 0, "tokens left in the recapitalizer");
    }

    function _checkLockedCapital() internal view {
        assertLe(juniorPool.lockedAssets(), usdc.balanceOf(address(juniorPool)), "junior locks not backed");
        assertLe(juniorPool.lockedAssets(), juniorPool.totalAssets(), "junior locked > assets");
    }

    /// @dev Logs what every handler did in the last run (`-vv`) and, when WATERFALL_INVARIANT_CALLS names
    ///      a file, appends one line per run ("name ok skipped ...") so a whole campaign can be summed.
    function afterInvariant() public {
        _sweepAuctions();
        string memory path = vm.envOr("WATERFALL_INVARIANT_CALLS", string(""));
        string memory line = "";
        (uint256 okTotal, uint256 skippedTotal) = handler.totals();
        for (uint256 i; i < handler.nameCount(); ++i) {
            bytes32 name = handler.names(i);
            string memory label = HandlerNames.toLabel(name);
            emit log_named_uint(string.concat("ok.", label), handler.ok(name));
            emit log_named_uint(string.concat("skipped.", label), handler.skipped(name));
            line = string.concat(line, label, " ", vm.toString(handler.ok(name)), " ", vm.toString(handler.skipped(name)), " ");
        }
        if (bytes(path).length != 0) vm.writeLine(path, line);
        emit log_named_uint("ok.total", okTotal);
        emit log_named_uint("skipped.total", skippedTotal);
        emit log_named_uint("draws", handler.drawCount());
        emit log_named_uint("auctions", recap.auctionCount());
        emit log_named_uint("mints", handler.mintCount());
        emit log_named_uint("budgetCuts", handler.ghostBudgetCuts());
        emit log_named_uint("skipped.buy.budgetSpent", handler.ghostBudgetSpentSkips());
        emit log_named_uint("maxDilutionBpsIn24h", handler.ghostMaxDilutionBps());
        if (bytes(path).length != 0) {
            vm.writeLine(
                string.concat(path, ".mint"),
                string.concat(
                    "mints ",
                    vm.toString(handler.mintCount()),
                    " budgetCuts ",
                    vm.toString(handler.ghostBudgetCuts()),
                    " budgetSpentSkips ",
                    vm.toString(handler.ghostBudgetSpentSkips()),
                    " maxDilutionBps ",
                    vm.toString(handler.ghostMaxDilutionBps())
                )
            );
        }
    }
}
