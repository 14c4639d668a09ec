// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PerpVenueBase} from "../PerpVenueBase.t.sol";
import {IShortfallWaterfall} from "../../src/interfaces/IShortfallWaterfall.sol";
import {ShortfallWaterfall} from "../../src/ShortfallWaterfall.sol";
import {Recapitalizer} from "../../src/Recapitalizer.sol";
import {IPerpVenue} from "../../src/interfaces/IPerpVenue.sol";
import {PerpMath} from "../../src/libraries/PerpMath.sol";
import {PerpVenueHandler} from "./PerpVenueHandler.sol";
import {HandlerNames} from "./HandlerNames.sol";

/// @notice PerpVenue invariants under random sequences of opens, increases, margin moves, reduces, closes,
///         liquidations, price walks and gaps (up to −35 % a round), auction buys, recapitalization syncs,
///         fee distributions and withdrawals, on the real pools, waterfall and recapitalizer (Junior and
///         Senior capped at 1 % a day and a 2,000,000 USDC exposure cap, so the auction and the
///         socialised loss are reached).
///         Properties: the venue's stablecoin is exactly its books (margins + house + pools' fees + owed +
///         auction proceeds not yet synced); total margin, open interest and owed equal the sums over the
///         positions; what the open positions owe the loss index is exactly Σ size × (index − snapshot);
///         bad debt only when the margin did not cover the loss, and then exactly the shortfall; every split
///         sums to its debt; every unit of bad debt is accounted (layers + auction + remainder + deferred);
///         what is socialised is exactly the remainders and the settled auctions' unraised parts; the
///         charges collected plus dust plus what is still owed equal what was socialised, to 1e-27 of a unit,
///         so the haircut never exceeds the bad debt left; a partial liquidation never leaves a position
///         liquidatable.
/// forge-config: default.invariant.runs = 420
/// forge-config: default.invariant.depth = 128
/// forge-config: default.invariant.fail-on-revert = true
contract PerpVenueInvariantTest is PerpVenueBase {
    event log_named_uint(string key, uint256 val);

    PerpVenueHandler internal handler;
    uint256 internal constant I = PerpMath.INDEX_SCALE;

    function setUp() public override {
        super.setUp();
        vm.startPrank(gov);
        wf.setLayerCapBps(IShortfallWaterfall.Layer.Junior, 100);
        wf.setLayerCapBps(IShortfallWaterfall.Layer.Senior, 100);
        wf.setVenue(address(perp), 2_000_000e6);
        vm.stopPrank();
        _fundHouse(9_000_000e6);
        // The feed's owner is this test; the handler publishes rounds through it.
        handler = new PerpVenueHandler(perp, usdc, feed, oracle, recap);
        feed.transferOwnership(address(handler));
        targetContract(address(handler));
    }

    /// @dev 420 runs × 128 calls = 53,760 calls; the successful ones are logged per action.
    function invariant_PerpVenue() public view {
        _checkBooks();
        _checkPositions();
        _checkBadDebt();
    }

    function _checkBooks() internal view {
        (uint256 margins, uint256 house, uint256 poolFees, uint256 owed,,,) = perp.accounts();
        uint256 unsynced;
        for (uint256 i; i < handler.auctionCount(); ++i) {
            uint256 id = handler.auctionIds(i);
            (,, uint256 credited,) = perp.recapitalizationOf(id);
            unsynced += recap.auction(id).raised - credited;
        }
        assertEq(usdc.balanceOf(address(perp)), margins + house + poolFees + owed + unsynced, "balance == books");
    }

    function _checkPositions() internal view {
        uint256 margins;
        uint256 owed;
        uint256[2] memory oi;
        uint256[2] memory owing;
        for (uint256 i; i < 4; ++i) {
            address t = handler.traders(i);
            IPerpVenue.Position memory p = perp.positionOf(t);
            owed += perp.owedTo(t);
            if (p.size == 0) continue;
            margins += p.margin;
            uint256 side = p.isLong ? 1 : 0;
            oi[side] += p.size;
            (, uint256 index,) = perp.sideState(p.isLong);
            owing[side] += p.size * (index - p.socialLossSnapshot);
            assertGe(PerpMath.notionalDown(p.size, uint256(p.entryPrice), 1e20), 1, "no empty position");
        }
        (uint256 totalMargin,,, uint256 totalOwed,,,) = perp.accounts();
        assertEq(totalMargin, margins, "total margin == sum of margins");
        assertEq(totalOwed, owed, "owed == sum owed");
        for (uint256 side; side < 2; ++side) {
            (uint256 openInterest,, uint256 outstanding) = perp.sideState(side == 1);
            assertEq(openInterest, oi[side], "open interest == sum of sizes");
            assertEq(outstanding, owing[side], "owed to the index == sum of size x (index - snapshot)");
        }
        assertFalse(handler.ghostPartialLeftUnhealthy(), "a partial liquidation left the position liquidatable");
    }

    function _checkBadDebt() internal view {
        assertFalse(handler.ghostSplitBroken(), "a split did not sum to its debt");
        assertFalse(handler.ghostBadDebtWithoutLoss(), "bad debt without a loss beyond the margin, or not exactly it");
        (,,,, uint256 deferredLong, uint256 deferredShort, uint256 dust) = perp.accounts();
        assertEq(
            handler.ghostBadDebt(),
            handler.ghostLayers() + handler.ghostRecapAccepted() + handler.ghostRemainder() + deferredLong + deferredShort,
            "every unit of bad debt is accounted"
        );
        uint256 unraised;
        uint256 raised;
        for (uint256 i; i < handler.auctionCount(); ++i) {
            uint256 id = handler.auctionIds(i);
            Recapitalizer.Auction memory a = recap.auction(id);
            raised += a.raised;
            (,,, bool settled) = perp.recapitalizationOf(id);
            if (settled) unraised += a.target - a.raised;
        }
        assertEq(handler.ghostSocialised(), handler.ghostRemainder() + unraised, "socialised == remainders + unraised");
        (,, uint256 owingLong) = perp.sideState(true);
        (,, uint256 owingShort) = perp.sideState(false);
        assertEq(
            handler.ghostSocialised() * I,
            handler.ghostCharges() * I + dust + owingLong + owingShort,
            "charges + dust + owed == socialised"
        );
        assertLe(
            handler.ghostCharges(),
            handler.ghostBadDebt() - handler.ghostLayers() - raised,
            "the haircut never exceeds the bad debt left"
        );
    }

    function afterInvariant() public {
        (uint256 okTotal, uint256 skippedTotal) = handler.totals();
        // PERP_INVARIANT_CALLS=<file>: one line per run (npm run bench sums them into the totals).
        string memory path = vm.envOr("PERP_INVARIANT_CALLS", string(""));
        if (bytes(path).length != 0) {
            string memory line = "";
            for (uint256 i; i < handler.nameCount(); ++i) {
                bytes32 name = handler.names(i);
                line = string.concat(
                    line,
                    HandlerNames.toLabel(name),
                    " ",
                    vm.toString(handler.ok(name)),
                    " ",
                    vm.toString(handler.skipped(name)),
                    " "
                );
            }
            line = string.concat(
                line,
                "badDebt ",
                vm.toString(handler.ghostBadDebtEvents()),
                " 0 partials ",
                vm.toString(handler.ghostPartials()),
                " 0"
            );
            vm.writeLine(
                path,
                string.concat(
                    line,
                    " fulls ",
                    vm.toString(handler.ghostFulls()),
                    " 0 auctions ",
                    vm.toString(handler.auctionCount()),
                    " 0"
                )
            );
        }
        for (uint256 i; i < handler.nameCount(); ++i) {
            bytes32 name = handler.names(i);
            emit log_named_uint(string.concat("ok.", HandlerNames.toLabel(name)), handler.ok(name));
            emit log_named_uint(string.concat("skipped.", HandlerNames.toLabel(name)), handler.skipped(name));
        }
        emit log_named_uint("ok.total", okTotal);
        emit log_named_uint("skipped.total", skippedTotal);
        emit log_named_uint("badDebtEvents", handler.ghostBadDebtEvents());
        emit log_named_uint("partials", handler.ghostPartials());
        emit log_named_uint("fulls", handler.ghostFulls());
        emit log_named_uint("auctions", handler.auctionCount());
        emit log_named_uint("socialised", handler.ghostSocialised());
        emit log_named_uint("charges", handler.ghostCharges());
    }
}
