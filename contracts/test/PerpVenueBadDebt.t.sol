// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PerpVenueBase} from "./PerpVenueBase.t.sol";
import {IPerpVenue} from "../src/interfaces/IPerpVenue.sol";
import {PerpMath} from "../src/libraries/PerpMath.sol";
import {IShortfallWaterfall} from "../src/interfaces/IShortfallWaterfall.sol";
import {ShortfallWaterfall} from "../src/ShortfallWaterfall.sol";
import {Recapitalizer} from "../src/Recapitalizer.sol";
import {Vm} from "./utils/Vm.sol";

/// @notice Bad debt: a long gaps through its margin; the venue reports the debt to the waterfall in the
///         liquidation; Junior and Senior pay within their caps, the auction takes what the exposure cap
///         allows, and the rest is socialised over the shorts, pro rata to size, never more than the debt.
///         Every unit is accounted: junior + senior + raised + charges collected + dust == bad debt.
contract PerpVenueBadDebtTest is PerpVenueBase {
    uint256 internal constant I = PerpMath.INDEX_SCALE;
    address internal dave = makeAddr("dave");

    function setUp() public override {
        super.setUp();
        // Small layer caps and a small exposure cap, so every layer of the waterfall is reached.
        vm.startPrank(gov);
        wf.setLayerCapBps(IShortfallWaterfall.Layer.Junior, 100); // 1 % of 1,000,000 free = 10,000
        wf.setLayerCapBps(IShortfallWaterfall.Layer.Senior, 100); // 1 % of 4,000,000 free = 40,000
        wf.setVenue(address(perp), 100_000e6); // junior + senior + recapitalization ≤ 100,000
        vm.stopPrank();
        _fund(dave, 1_000_000e6);
        vm.prank(dave);
        usdc.approve(address(perp), type(uint256).max);
        _open(alice, true, 1_000 * ETH, 400_000e6);
        _open(bob, false, 500 * ETH, 200_000e6);
        _open(carol, false, 250 * ETH, 100_000e6);
    }

    struct Absorbed {
        uint256 debt;
        uint256 junior;
        uint256 senior;
        uint256 recapitalization;
        uint256 remainder;
        uint256 auctionId;
    }

    function _absorbedFrom(Vm.Log[] memory logs) internal view returns (Absorbed memory a) {
        bytes32 topic = IPerpVenue.BadDebtAbsorbed.selector;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(perp) || logs[i].topics[0] != topic) continue;
            (, a.debt, a.junior, a.senior, a.recapitalization, a.remainder) =
                abi.decode(logs[i].data, (bool, uint256, uint256, uint256, uint256, uint256));
            a.auctionId = uint256(logs[i].topics[2]);
        }
    }

    /// @dev The crash: 3,000 → 2,400 in one round (alice's equity ≈ −201,500), then the keeper liquidates.
    function _crashAndLiquidate() internal returns (Absorbed memory a, int256 equity, uint256 aliceMargin) {
        _price(2400e8, 1 minutes);
        IPerpVenue.PositionState memory s = _state(alice);
        equity = s.equity;
        aliceMargin = s.margin;
        assertTrue(equity < 0, "bankrupt");
        vm.recordLogs();
        vm.prank(keeper);
        perp.liquidate(alice);
        a = _absorbedFrom(vm.getRecordedLogs());
    }

    function test_BadDebt_RoutedInTheLiquidationWithTheExactSplit() public {
        uint256 house = _house();
        uint256 juniorBefore = _held(juniorPool);
        uint256 seniorBefore = _held(seniorPool);
        (Absorbed memory a, int256 equity, uint256 aliceMargin) = _crashAndLiquidate();
        assertEq(a.debt, uint256(-equity), "the debt is exactly the negative equity");
        assertEq(a.junior, 10_000e6, "Junior: its 1 % cap");
        assertEq(a.senior, 40_000e6, "Senior: its 1 % cap");
        assertEq(a.recapitalization, 50_000e6, "the auction: up to the exposure cap");
        assertEq(a.remainder, a.debt - 100_000e6, "beyond the exposure cap: socialised");
        assertEq(a.junior + a.senior + a.recapitalization + a.remainder, a.debt, "to the unit");
        assertEq(juniorBefore - _held(juniorPool), a.junior, "Junior paid");
        assertEq(seniorBefore - _held(seniorPool), a.senior, "Senior paid");
        assertEq(_house(), house + aliceMargin + a.junior + a.senior, "the house got the margin and the layers' payments");
        assertEq(_pos(alice).size, 0, "position gone");
        assertEq(perp.owedTo(alice), 0, "nothing left to the trader");
        (uint256 longs, uint256 shorts,,) = perp.recapitalizationOf(a.auctionId);
        assertEq(longs, a.recapitalization, "the auction's part, recorded against the longs");
        assertEq(shorts, 0, "none from shorts");
        assertEq(recap.auction(a.auctionId).target, a.recapitalization, "the auction raises it");
        assertEq(usdc.balanceOf(address(perp)), _booked(), "books == balance");
    }

    function test_Haircut_ProRataToSizeExactAndNeverAboveTheRemainder() public {
        (Absorbed memory a,,) = _crashAndLiquidate();
        (uint256 oiShort, uint256 index, uint256 outstanding) = perp.sideState(false);
        assertEq(oiShort, 750 * ETH, "shorts");
        uint256 delta = a.remainder * I / oiShort;
        assertEq(index, delta, "index rose by remainder / open interest");
        (,,,,,, uint256 dust) = perp.accounts();
        assertEq(outstanding + dust, a.remainder * I, "owed + dust == remainder, exactly");
        assertLt(dust, oiShort, "dust below one unit");
        uint256 bobCharge = _state(bob).socialLossCharge;
        uint256 carolCharge = _state(carol).socialLossCharge;
        assertEq(bobCharge, 500 * ETH * delta / I, "bob: 500 / 750 of it");
        assertEq(carolCharge, 250 * ETH * delta / I, "carol: 250 / 750 of it");
        assertLe(bobCharge + carolCharge, a.remainder, "never more than the remainder");
        assertLe(a.remainder - bobCharge - carolCharge, 2, "at most a unit per position short of it");
        assertEq(_state(alice).size, 0, "longs are not charged");
    }

    function test_Haircut_CollectedAtCloseAndAccountedToTheUnit() public {
        (Absorbed memory a,,) = _crashAndLiquidate();
        IPerpVenue.PositionState memory s = _state(bob);
        uint256 charge = s.socialLossCharge;
        uint256 fee = PerpMath.mulBpsUp(_notionalUp(500 * ETH, 2400e8), 5);
        uint256 before = usdc.balanceOf(bob);
        vm.prank(bob);
        uint256 payout = perp.close(type(uint256).max);
        assertEq(payout, s.margin + 300_000e6 - charge - fee, "margin + profit - haircut - fee");
        assertEq(usdc.balanceOf(bob), before + payout, "paid");
        uint256 carolCharge = _state(carol).socialLossCharge;
        vm.prank(carol);
        perp.close(type(uint256).max);
        (,, uint256 outstanding) = perp.sideState(false);
        (,,,,,, uint256 dust) = perp.accounts();
        assertEq(outstanding, 0, "no open short owes anything");
        assertEq((charge + carolCharge) * I + dust, a.remainder * I, "charges + dust == remainder, to 1e-27 of a unit");
        assertEq(usdc.balanceOf(address(perp)), _booked(), "books == balance");
    }

    function test_Haircut_ChargeAboveProfitIsPaidFromMarginAndMovesTheLiquidationPrice() public {
        _price(2400e8, 1 minutes);
        // dave shorts after the crash, before the keeper acts: no profit yet, but on the charged side.
        _open(dave, false, 100 * ETH, 90_000e6);
        uint256 liqBefore = _state(dave).liquidationPrice;
        int256 equityBefore = _state(dave).equity;
        vm.prank(keeper);
        perp.liquidate(alice);
        IPerpVenue.PositionState memory s = _state(dave);
        assertGt(s.socialLossCharge, 0, "charged");
        assertEq(s.pnl, 0, "no profit to take it from");
        assertEq(s.equity, equityBefore - int256(s.socialLossCharge), "so it comes out of the margin");
        assertLt(s.liquidationPrice, liqBefore, "and the short's liquidation price moved down");
    }

    function test_Recapitalization_RaisedCreditedThenUnraisedSocialisedAtSettlement() public {
        (Absorbed memory a,,) = _crashAndLiquidate();
        // A buyer takes 20,000 USDC of BKS: the proceeds go straight to the venue.
        uint256 balance = usdc.balanceOf(address(perp));
        (uint256 paid,) = _buy(stranger, a.auctionId, 20_000e6);
        assertEq(usdc.balanceOf(address(perp)), balance + paid, "proceeds arrived");
        assertEq(usdc.balanceOf(address(perp)), _booked() + paid, "not yet on the books");
        uint256 house = _house();
        perp.syncRecapitalization(a.auctionId);
        assertEq(_house(), house + paid, "credited to the house");
        assertEq(usdc.balanceOf(address(perp)), _booked(), "books == balance");
        (, uint256 indexBefore, uint256 outstandingBefore) = perp.sideState(false);
        // The auction ends (12 h) without another buyer: its unraised part is socialised over the shorts.
        vm.warp(block.timestamp + 13 hours);
        vm.recordLogs();
        perp.syncRecapitalization(a.auctionId);
        uint256 unraised = a.recapitalization - paid;
        (, uint256 index, uint256 outstanding) = perp.sideState(false);
        assertEq(index - indexBefore, unraised * I / (750 * ETH), "index rose by unraised / open interest");
        assertEq(outstanding - outstandingBefore, unraised * I - unraised * I % (750 * ETH), "owed");
        assertTrue(recap.auction(a.auctionId).settled, "settled by the sync");
        (,,, bool settled) = perp.recapitalizationOf(a.auctionId);
        assertTrue(settled, "done");
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueUnknownAuction.selector, a.auctionId));
        perp.syncRecapitalization(a.auctionId);

        _closeShortsAndAccount(a, paid, unraised);
    }

    /// @dev Both shorts close; then every unit of the debt is accounted for, exactly.
    function _closeShortsAndAccount(Absorbed memory a, uint256 paid, uint256 unraised) internal {
        uint256 charges = _state(bob).socialLossCharge + _state(carol).socialLossCharge;
        vm.prank(bob);
        perp.close(type(uint256).max);
        vm.prank(carol);
        perp.close(type(uint256).max);
        (,,,,,, uint256 dust) = perp.accounts();
        assertEq(
            (a.junior + a.senior + paid + charges) * I + dust, a.debt * I, "junior + senior + raised + haircut + dust == debt"
        );
        assertLe(charges, a.remainder + unraised, "the haircut never exceeds what was left to socialise");
    }

    function test_Recapitalization_SettledBySomeoneElseStillSyncs() public {
        (Absorbed memory a,,) = _crashAndLiquidate();
        vm.warp(block.timestamp + 13 hours);
        recap.settle(a.auctionId); // anyone may settle
        (, uint256 indexBefore,) = perp.sideState(false);
        perp.syncRecapitalization(a.auctionId);
        (, uint256 index,) = perp.sideState(false);
        assertEq(index - indexBefore, a.recapitalization * I / (750 * ETH), "all of it unraised");
    }

    function test_Deferred_WhenTheWaterfallRefusesTheDebtWaitsAndIsRetried() public {
        vm.prank(guardian);
        wf.pause();
        _price(2400e8, 1 minutes);
        int256 equity = _state(alice).equity;
        vm.prank(keeper);
        perp.liquidate(alice); // the liquidation itself never waits for the waterfall
        (,,,, uint256 deferredLong,,) = perp.accounts();
        assertEq(deferredLong, uint256(-equity), "deferred");
        vm.expectRevert(IShortfallWaterfall.ShortfallWaterfallPaused.selector);
        perp.absorbDeferredBadDebt(true);
        vm.prank(gov);
        wf.unpause();
        uint256 house = _house();
        perp.absorbDeferredBadDebt(true);
        (,,,, deferredLong,,) = perp.accounts();
        assertEq(deferredLong, 0, "absorbed");
        assertEq(_house(), house + 50_000e6, "Junior and Senior paid the house");
        vm.expectRevert(IPerpVenue.PerpVenueNothingToDo.selector);
        perp.absorbDeferredBadDebt(true);
    }

    function test_NoOpposingSide_TheHouseKeepsTheRemainderAsDust() public {
        vm.prank(bob);
        perp.close(type(uint256).max);
        vm.prank(carol);
        perp.close(type(uint256).max);
        (,,,,,, uint256 dustBefore) = perp.accounts();
        (Absorbed memory a,,) = _crashAndLiquidate();
        (,,,,,, uint256 dust) = perp.accounts();
        assertEq(dust - dustBefore, a.remainder * I, "nobody to charge: the house books it");
        (, uint256 index,) = perp.sideState(false);
        assertEq(index, 0, "no index move");
    }
}
