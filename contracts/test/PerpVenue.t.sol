// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PerpVenueBase} from "./PerpVenueBase.t.sol";
import {IPerpVenue} from "../src/interfaces/IPerpVenue.sol";
import {PerpMath} from "../src/libraries/PerpMath.sol";
import {PerpLens} from "../src/libraries/PerpLens.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice PerpVenue: opening with dynamic margin, margin moves, reduce and close with PnL against the
///         house, fees to the pools, governance bounds. Liquidation, bad debt and outages have their own suites.
contract PerpVenueTest is PerpVenueBase {
    function test_Open_StoresThePositionAtTheOraclePriceWithTheMarginFractionOfSigma() public {
        uint256 f = perp.marginFractionNow();
        // 3 σ over a day at σ = 80 %: 3 × 0.8 × √(1/365) ≈ 12.56 %.
        assertApproxEqAbs(f, 0.1256e18, 0.0001e18, "k sigma sqrt(horizon)");
        uint256 before = usdc.balanceOf(alice);
        _open(alice, true, 10 * ETH, 5_000e6);
        IPerpVenue.Position memory p = _pos(alice);
        uint256 fee = 15e6; // 5 bps of 30,000
        assertEq(p.size, 10 * ETH, "size");
        assertEq(p.entryPrice, uint256(SPOT), "entry");
        assertEq(p.margin, 5_000e6 - fee, "margin less the fee");
        assertEq(p.marginFraction, f, "fraction fixed at open");
        assertTrue(p.isLong);
        assertEq(usdc.balanceOf(alice), before - 5_000e6, "margin pulled");
        assertEq(_oi(true), 10 * ETH, "open interest");
        (uint256 margins, uint256 house, uint256 poolFees,,,,) = perp.accounts();
        assertEq(margins, 5_000e6 - fee, "total margin");
        assertEq(poolFees, 7.5e6, "half the fee to the pools");
        assertEq(house, HOUSE + 7.5e6, "the other half to the house");
        assertEq(usdc.balanceOf(address(perp)), _booked(), "books == balance");
    }

    function test_Open_InitialMarginIsExactToTheUnit() public {
        uint256 size = 10 * ETH;
        uint256 fee = PerpMath.mulBpsUp(_notionalUp(size, uint256(SPOT)), 5);
        uint256 required = _initialMargin(size);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueBelowInitialMargin.selector, required - 1, required));
        perp.open(true, size, required - 1 + fee, type(uint256).max);
        _open(alice, true, size, required + fee);
        assertEq(_pos(alice).margin, required, "exactly the initial margin");
    }

    function test_Open_MarginFollowsSigma() public {
        uint256 calm = perp.marginFractionNow();
        // A violent path lifts σ, and with it the initial margin a new position needs.
        _price(2700e8, 1 hours);
        _price(3150e8, 1 hours);
        _price(2600e8, 1 hours);
        uint256 stormy = perp.marginFractionNow();
        assertGt(stormy, calm, "higher sigma, higher initial margin");
        // σ has a floor (10 %); the margin fraction never goes below the 5 % floor.
        assertGe(calm, 0.05e18, "floor");
    }

    function test_Open_Reverts() public {
        vm.startPrank(alice);
        vm.expectRevert(IPerpVenue.PerpVenueZeroAmount.selector);
        perp.open(true, 0, 1_000e6, type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenuePriceSlippage.selector, uint256(SPOT), 2999e8));
        perp.open(true, ETH, 1_000e6, 2999e8);
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenuePriceSlippage.selector, uint256(SPOT), 3001e8));
        perp.open(false, ETH, 1_000e6, 3001e8);
        // 0.01 ETH = 30 USDC < 50 USDC minimum.
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueBelowMinNotional.selector, 30e6, 50e6));
        perp.open(true, ETH / 100, 100e6, type(uint256).max);
        // 2,000 ETH = 6,000,000 USDC > the 5,000,000 cap per side.
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueOpenInterestCap.selector, 6_000_000e6, 5_000_000e6));
        perp.open(true, 2_000 * ETH, 5_000_000e6, type(uint256).max);
        perp.open(true, ETH, 1_000e6, type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueSideMismatch.selector, alice, false));
        perp.open(false, ETH, 1_000e6, 0);
        vm.stopPrank();
        vm.prank(guardian);
        perp.pause();
        vm.prank(bob);
        vm.expectRevert(IPerpVenue.PerpVenuePaused.selector);
        perp.open(true, ETH, 1_000e6, type(uint256).max);
    }

    function test_Increase_MovesPnlIntoMarginAndReMarksTheEntry() public {
        _open(alice, true, 10 * ETH, 5_000e6);
        uint256 margin = _pos(alice).margin;
        _price(3100e8, 10 minutes);
        _open(alice, true, 5 * ETH, 0);
        IPerpVenue.Position memory p = _pos(alice);
        uint256 fee = PerpMath.mulBpsUp(_notionalUp(5 * ETH, 3100e8), 5);
        assertEq(p.size, 15 * ETH, "size");
        assertEq(p.entryPrice, 3100e8, "entry re-marked");
        assertEq(p.margin, margin + 1_000e6 - fee, "the 1,000 USDC profit moved into the margin");
        assertEq(usdc.balanceOf(address(perp)), _booked(), "books == balance");
    }

    function test_CloseLong_ProfitPaidByTheHouse() public {
        _open(alice, true, 10 * ETH, 5_000e6);
        uint256 margin = _pos(alice).margin;
        uint256 house = _house();
        _price(3300e8, 10 minutes);
        uint256 before = usdc.balanceOf(alice);
        vm.prank(alice);
        uint256 payout = perp.close(0);
        uint256 fee = PerpMath.mulBpsUp(_notionalUp(10 * ETH, 3300e8), 5); // 16.5 USDC
        assertEq(payout, margin + 3_000e6 - fee, "margin + profit - fee");
        assertEq(usdc.balanceOf(alice), before + payout, "paid");
        assertEq(_house(), house - 3_000e6 + fee - PerpMath.mulBpsUp(fee, 5_000), "house paid the profit, kept its fee share");
        assertEq(_pos(alice).size, 0, "closed");
        assertEq(_oi(true), 0, "open interest");
        assertEq(usdc.balanceOf(address(perp)), _booked(), "books == balance");
    }

    function test_CloseShort_LossKeptByTheHouse() public {
        _open(bob, false, 10 * ETH, 5_000e6);
        uint256 margin = _pos(bob).margin;
        uint256 house = _house();
        _price(3200e8, 10 minutes);
        vm.prank(bob);
        uint256 payout = perp.close(type(uint256).max);
        uint256 fee = PerpMath.mulBpsUp(_notionalUp(10 * ETH, 3200e8), 5);
        assertEq(payout, margin - 2_000e6 - fee, "margin - loss - fee");
        assertEq(_house(), house + 2_000e6 + fee - PerpMath.mulBpsUp(fee, 5_000), "house kept the loss");
    }

    function test_Reduce_SettlesPnlIntoMarginAndKeepsTheRest() public {
        _open(alice, true, 10 * ETH, 5_000e6);
        uint256 margin = _pos(alice).margin;
        _price(2900e8, 10 minutes);
        vm.prank(alice);
        perp.reduce(4 * ETH, 0);
        IPerpVenue.Position memory p = _pos(alice);
        uint256 fee = PerpMath.mulBpsUp(_notionalUp(4 * ETH, 2900e8), 5);
        assertEq(p.size, 6 * ETH, "rest");
        assertEq(p.entryPrice, uint256(SPOT), "entry kept");
        assertEq(p.margin, margin - 400e6 - fee, "the loss on 4 ETH and the fee left the margin");
        assertEq(_oi(true), 6 * ETH, "open interest");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueSizeTooLarge.selector, 6 * ETH, 6 * ETH - 1));
        perp.reduce(6 * ETH, 0);
        // Leaving 0.01 ETH (29 USDC) would be dust: close instead.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueBelowMinNotional.selector, 29e6, 50e6));
        perp.reduce(6 * ETH - ETH / 100, 0);
        assertEq(usdc.balanceOf(address(perp)), _booked(), "books == balance");
    }

    function test_Margin_AddAlwaysRemoveOnlyAboveInitial() public {
        _open(alice, true, 10 * ETH, 5_000e6);
        vm.prank(alice);
        perp.addMargin(1_000e6);
        uint256 margin = _pos(alice).margin;
        uint256 required = _initialMargin(10 * ETH);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueBelowInitialMargin.selector, required - 1, required));
        perp.removeMargin(margin - required + 1);
        uint256 before = usdc.balanceOf(alice);
        vm.prank(alice);
        perp.removeMargin(margin - required);
        assertEq(usdc.balanceOf(alice), before + margin - required, "paid out");
        assertEq(_pos(alice).margin, required, "margin at initial");
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueNoPosition.selector, bob));
        perp.addMargin(1);
        assertEq(usdc.balanceOf(address(perp)), _booked(), "books == balance");
    }

    function test_DistributeFees_PaysThePoolsShareThroughTheWaterfall() public {
        _open(alice, true, 100 * ETH, 50_000e6);
        _open(bob, false, 100 * ETH, 50_000e6);
        (,, uint256 poolFees,,,,) = perp.accounts();
        assertEq(poolFees, 150e6, "half of 2 x 150 USDC");
        uint256 j = _held(juniorPool);
        uint256 s = _held(seniorPool);
        vm.prank(keeper);
        assertEq(perp.distributeFees(), 150e6, "distributed");
        // Split by the waterfall's weights (70 / 30).
        assertEq(_held(juniorPool) - j + _held(seniorPool) - s, 150e6, "reached the pools");
        vm.expectRevert(IPerpVenue.PerpVenueNothingToDo.selector);
        perp.distributeFees();
        assertEq(usdc.balanceOf(address(perp)), _booked(), "books == balance");
    }

    function test_Governance_BoundedParamsOnlyByTheOwner() public {
        IPerpVenue.Params memory p = _defaultParams();
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(this)));
        perp.setParams(p);
        p.tradingFeeBps = 11;
        vm.prank(gov);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPerpVenue.PerpVenueParameterOutOfBounds.selector, IPerpVenue.Parameter.TradingFeeBps, 11, 0, 10
            )
        );
        perp.setParams(p);
        p = _defaultParams();
        p.marginFloor = 0.01e18; // 100× leverage: below the 2 % floor
        vm.prank(gov);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPerpVenue.PerpVenueParameterOutOfBounds.selector, IPerpVenue.Parameter.MarginFloor, 0.01e18, 0.02e18, 0.5e18
            )
        );
        perp.setParams(p);
        p = _defaultParams();
        p.minNotional = 0.5e6; // below one token
        vm.prank(gov);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPerpVenue.PerpVenueParameterOutOfBounds.selector, IPerpVenue.Parameter.MinNotional, 0.5e6, 1e6, 100_000e6
            )
        );
        perp.setParams(p);
        p = _defaultParams();
        p.marginK = 4e18;
        vm.prank(gov);
        perp.setParams(p);
        assertEq(perp.params().marginK, 4e18, "set");
        // Only the owner resumes what the guardian paused.
        vm.prank(guardian);
        perp.pause();
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        perp.unpause();
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueNotGuardian.selector, stranger));
        perp.pause();
    }

    function test_Bounds_KeepEveryPartialLiquidationAffordable() public pure {
        // The least maintenance fraction the bounds allow exceeds the largest fees a partial liquidation pays,
        // so `partialCloseSizeUp` is always defined (its denominator is positive).
        uint256 leastMaintenance = PerpLens.MIN_MARGIN_FLOOR * PerpLens.MIN_MAINTENANCE_BPS / 10_000;
        uint256 mostFees = (PerpLens.MAX_TRADING_FEE_BPS + PerpLens.MAX_LIQUIDATION_FEE_BPS) * 1e18 / 10_000;
        assertGt(leastMaintenance, mostFees, "maintenance > fees");
    }
}
