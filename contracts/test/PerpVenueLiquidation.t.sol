// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PerpVenueBase} from "./PerpVenueBase.t.sol";
import {IPerpVenue} from "../src/interfaces/IPerpVenue.sol";
import {PerpMath} from "../src/libraries/PerpMath.sol";

/// @notice Liquidation: exactly at the liquidation price and not a feed unit before, partial back above
///         maintenance, full below the deeper threshold, the liquidator paid only from the position, no
///         profit from healthy or self-liquidation, no griefing by a front-run top-up or reduce.
contract PerpVenueLiquidationTest is PerpVenueBase {
    uint256 internal constant SIZE = 10 * ETH;
    uint256 internal constant MARGIN = 4_000e6;

    function _liq(address who) internal returns (uint256 closed, uint256 fee) {
        vm.prank(keeper);
        return perp.liquidate(who);
    }

    function _setPrice(uint256 price) internal {
        _price(int256(price), 1 minutes);
    }

    function test_Liquidate_HealthyReverts() public {
        _open(alice, true, SIZE, MARGIN);
        IPerpVenue.PositionState memory s = _state(alice);
        vm.prank(keeper);
        vm.expectRevert(
            abi.encodeWithSelector(IPerpVenue.PerpVenueNotLiquidatable.selector, alice, s.equity, s.maintenanceMargin)
        );
        perp.liquidate(alice);
    }

    function test_LiquidationPrice_ExactToTheFeedUnit_Long() public {
        _open(alice, true, SIZE, MARGIN);
        uint256 l = _state(alice).liquidationPrice;
        assertGt(l, 2700e8, "about -7.5 %");
        assertLt(l, 2800e8, "about -7.5 %");
        _setPrice(l + 1);
        assertFalse(_state(alice).liquidatable, "one unit above: healthy");
        vm.prank(keeper);
        vm.expectRevert();
        perp.liquidate(alice);
        _setPrice(l);
        assertTrue(_state(alice).liquidatable, "at the price: liquidatable");
        (uint256 closed,) = _liq(alice);
        assertGt(closed, 0, "liquidated");
    }

    function test_LiquidationPrice_ExactToTheFeedUnit_Short() public {
        _open(bob, false, SIZE, MARGIN);
        uint256 l = _state(bob).liquidationPrice;
        assertGt(l, 3150e8, "about +6.6 %");
        _setPrice(l - 1);
        vm.prank(keeper);
        vm.expectRevert();
        perp.liquidate(bob);
        _setPrice(l);
        (uint256 closed,) = _liq(bob);
        assertGt(closed, 0, "liquidated");
    }

    function test_Partial_BringsThePositionBackAboveMaintenanceAndPaysTheLiquidatorFromIt() public {
        _open(alice, true, SIZE, MARGIN);
        IPerpVenue.Position memory before = _pos(alice);
        uint256 price = _state(alice).liquidationPrice - 5e8; // 5 USD past it: partial territory
        _setPrice(price);
        IPerpVenue.PositionState memory s = _state(alice);
        assertTrue(s.liquidatable && !s.fullLiquidation, "partial");
        uint256 house = _house();
        uint256 keeperBefore = usdc.balanceOf(keeper);
        (uint256 closed, uint256 fee) = _liq(alice);
        IPerpVenue.Position memory p = _pos(alice);
        assertEq(p.size, SIZE - closed, "rest");
        assertLt(closed, SIZE, "not all of it");
        uint256 notional = _notionalUp(closed, price);
        assertEq(fee, notional * 20 / 10_000, "20 bps of what it closed, rounded down");
        assertEq(usdc.balanceOf(keeper), keeperBefore + fee, "liquidator paid");
        uint256 tradingFee = PerpMath.mulBpsUp(notional, 5);
        int256 realized = PerpMath.pnlDown(true, closed, before.entryPrice, price, SCALE);
        assertEq(int256(uint256(p.margin)), int256(uint256(before.margin)) + realized - int256(tradingFee + fee), "margin");
        assertEq(_house(), house + uint256(-realized) + tradingFee - PerpMath.mulBpsUp(tradingFee, 5_000), "house");
        IPerpVenue.PositionState memory after_ = _state(alice);
        assertFalse(after_.liquidatable, "back above maintenance at the same price");
        assertGe(uint256(after_.equity) * 1e18, (after_.maintenanceMargin - 1) * 1e18, "equity above maintenance");
        assertEq(usdc.balanceOf(address(perp)), _booked(), "books == balance");
    }

    function test_Full_BelowTheDeeperThresholdClosesAllAndKeepsTheRestForTheTrader() public {
        _open(alice, true, SIZE, MARGIN);
        _setPrice(2650e8); // equity 3,985 − 3,500 = 485 < 3.14 % of 26,500 = 832: full
        IPerpVenue.PositionState memory s = _state(alice);
        assertTrue(s.fullLiquidation, "full");
        uint256 notional = _notionalUp(SIZE, 2650e8);
        uint256 tradingFee = PerpMath.mulBpsUp(notional, 5);
        uint256 liqFee = notional * 20 / 10_000;
        (uint256 closed, uint256 fee) = _liq(alice);
        assertEq(closed, SIZE, "all");
        assertEq(fee, liqFee, "full fee: the equity covers it");
        uint256 left = uint256(s.equity) - tradingFee - liqFee;
        assertEq(perp.owedTo(alice), left, "the rest is kept for the trader");
        assertEq(_pos(alice).size, 0, "gone");
        assertEq(_oi(true), 0, "open interest");
        uint256 before = usdc.balanceOf(alice);
        vm.prank(alice);
        perp.withdrawOwed();
        assertEq(usdc.balanceOf(alice), before + left, "withdrawn");
        assertEq(usdc.balanceOf(address(perp)), _booked(), "books == balance");
    }

    function test_Full_FeeOnlyFromTheEquityThatIsLeft() public {
        _open(alice, true, SIZE, MARGIN);
        _setPrice(2605e8); // equity 3,985 − 3,950 = 35 USDC; fees would be 13 + 52
        IPerpVenue.PositionState memory s = _state(alice);
        uint256 equity = uint256(s.equity);
        uint256 tradingFee = PerpMath.mulBpsUp(_notionalUp(SIZE, 2605e8), 5);
        (, uint256 fee) = _liq(alice);
        assertEq(fee, equity - tradingFee, "the liquidator gets what is left after the trading fee, not more");
        assertEq(perp.owedTo(alice), 0, "nothing left");
        (,,,, uint256 deferredLong,,) = perp.accounts();
        assertEq(deferredLong, 0, "no bad debt");
    }

    /// @dev A position one unit past maintenance, after a front-running top-up of 1 unit: still liquidated.
    function test_NoGriefing_OneUnitTopUpDoesNotStopTheLiquidation() public {
        _open(alice, true, SIZE, MARGIN);
        uint256 l = _state(alice).liquidationPrice;
        _setPrice(l - 20e8);
        vm.prank(alice);
        perp.addMargin(1);
        (uint256 closed,) = _liq(alice);
        assertGt(closed, 0, "liquidated anyway: the size is computed at execution");
    }

    function test_NoGriefing_FrontRunReduceCannotLeaveDust() public {
        _open(alice, true, SIZE, MARGIN);
        _setPrice(_state(alice).liquidationPrice - 20e8);
        // Reducing to dust would make the liquidation unprofitable: the minimum notional refuses it.
        vm.prank(alice);
        vm.expectRevert();
        perp.reduce(SIZE - ETH / 100, 0);
        (uint256 closed,) = _liq(alice);
        assertGt(closed, 0, "liquidated");
    }

    /// @dev A liquidator can never liquidate a position that is not below maintenance, whatever the price.
    function testFuzz_NoLiquidationAboveTheLiquidationPrice(bool isLong, uint256 size, uint256 margin, uint256 move) public {
        size = bound(size, ETH / 10, 500 * ETH);
        uint256 required = _initialMargin(size);
        margin = bound(margin, required + _notionalUp(size, uint256(SPOT)) / 1000 + 1, required * 4);
        _open(alice, isLong, size, margin);
        uint256 l = _state(alice).liquidationPrice;
        uint256 price = isLong ? bound(move, l + 1, uint256(SPOT) * 2) : bound(move, uint256(SPOT) / 2, l - 1);
        _setPrice(price);
        assertFalse(_state(alice).liquidatable, "healthy");
        vm.prank(keeper);
        vm.expectRevert();
        perp.liquidate(alice);
    }

    /// @dev A trader liquidating its own position gets exactly what closing it would have paid (its own
    ///      liquidator fee included), never more: self-liquidation is no profit.
    function testFuzz_SelfLiquidationPaysNoMoreThanClosing(bool isLong, uint256 size, uint256 margin, uint256 depth) public {
        size = bound(size, ETH / 10, 500 * ETH);
        uint256 required = _initialMargin(size);
        margin = bound(margin, required + _notionalUp(size, uint256(SPOT)) / 1000 + 1, required * 2);
        _open(alice, isLong, size, margin);
        uint256 l = _state(alice).liquidationPrice;
        // Anywhere from just past the liquidation price to 30 % beyond it.
        uint256 price = isLong ? l - bound(depth, 0, l * 3 / 10) : l + bound(depth, 0, l * 3 / 10);
        _setPrice(price);
        IPerpVenue.PositionState memory s = _state(alice);
        vm.assume(s.equity >= 0); // a bankrupt position cannot be closed, only liquidated
        uint256 snapshot = vm.snapshotState();
        uint256 before = usdc.balanceOf(alice);
        vm.prank(alice);
        perp.close(isLong ? 0 : type(uint256).max);
        uint256 byClosing = usdc.balanceOf(alice) - before;
        vm.revertToState(snapshot);

        before = usdc.balanceOf(alice);
        vm.prank(alice);
        perp.liquidate(alice);
        // A partial self-liquidation keeps a position: value it by closing the rest right away.
        if (_pos(alice).size > 0) {
            vm.prank(alice);
            perp.close(isLong ? 0 : type(uint256).max);
        }
        if (perp.owedTo(alice) > 0) {
            vm.prank(alice);
            perp.withdrawOwed();
        }
        uint256 bySelfLiquidating = usdc.balanceOf(alice) - before;
        assertLe(bySelfLiquidating, byClosing, "no profit from self-liquidation");
        assertEq(usdc.balanceOf(address(perp)), _booked(), "books == balance");
    }

    /// @dev Every partial liquidation leaves the position above maintenance at the same price, above the
    ///      minimum notional, and the liquidator's fee is 20 bps of what it closed.
    function testFuzz_PartialAlwaysRestoresMaintenance(bool isLong, uint256 size, uint256 margin, uint256 depth) public {
        size = bound(size, ETH / 10, 800 * ETH);
        uint256 required = _initialMargin(size);
        margin = bound(margin, required + _notionalUp(size, uint256(SPOT)) / 1000 + 1, required * 3);
        _open(alice, isLong, size, margin);
        uint256 l = _state(alice).liquidationPrice;
        uint256 price = isLong ? l - bound(depth, 0, l / 50) : l + bound(depth, 0, l / 50);
        _setPrice(price);
        IPerpVenue.PositionState memory s = _state(alice);
        vm.assume(s.liquidatable && !s.fullLiquidation);
        (uint256 closed, uint256 fee) = _liq(alice);
        IPerpVenue.Position memory p = _pos(alice);
        if (p.size == 0) return; // closed in full: the rest would have been dust or the fees took the margin
        assertEq(closed + p.size, size, "sizes");
        assertEq(fee, _notionalUp(closed, price) * 20 / 10_000, "fee");
        assertFalse(_state(alice).liquidatable, "above maintenance");
        assertGe(PerpMath.notionalDown(p.size, price, SCALE), 50e6, "not dust");
        assertEq(usdc.balanceOf(address(perp)), _booked(), "books == balance");
    }
}
