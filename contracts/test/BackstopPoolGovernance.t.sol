// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {BackstopPoolBase} from "./BackstopPoolBase.t.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {IBackstopPool} from "../src/interfaces/IBackstopPool.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice Governance bounds, two-step ownership and pause semantics (8, 11).
contract BackstopPoolGovernanceTest is BackstopPoolBase {
    function _notOwner(address who) internal pure returns (bytes memory) {
        return abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", who);
    }

    function test_Constructor_DefaultsAndChecks() public {
        assertEq(pool.owner(), gov, "owner");
        assertEq(pool.guardian(), guardian, "guardian");
        assertEq(pool.cooldown(), 7 days, "cooldown");
        assertEq(pool.claimWindow(), 3 days, "window");
        assertEq(pool.feeStreamPeriod(), 1 days, "fee stream");
        assertFalse(pool.paused(), "not paused");
        vm.expectRevert(IBackstopPool.BackstopPoolZeroAddress.selector);
        new BackstopPool(IERC20(address(usdc)), "x", "x", gov, address(0));
        vm.expectRevert(abi.encodeWithSignature("OwnableInvalidOwner(address)", address(0)));
        new BackstopPool(IERC20(address(usdc)), "x", "x", address(0), guardian);
    }

    function test_Setters_RejectOutOfBounds_AcceptBounds() public {
        vm.startPrank(gov);
        vm.expectRevert(
            abi.encodeWithSelector(IBackstopPool.BackstopPoolCooldownOutOfBounds.selector, 1 days - 1, 1 days, 10 days)
        );
        pool.setCooldown(1 days - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IBackstopPool.BackstopPoolCooldownOutOfBounds.selector, 10 days + 1, 1 days, 10 days)
        );
        pool.setCooldown(10 days + 1);
        pool.setCooldown(1 days);
        pool.setCooldown(10 days);
        assertEq(pool.cooldown(), 10 days, "cooldown set");

        vm.expectRevert(
            abi.encodeWithSelector(IBackstopPool.BackstopPoolClaimWindowOutOfBounds.selector, 1 days - 1, 1 days, 4 days)
        );
        pool.setClaimWindow(1 days - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IBackstopPool.BackstopPoolClaimWindowOutOfBounds.selector, 4 days + 1, 1 days, 4 days)
        );
        pool.setClaimWindow(4 days + 1);
        pool.setClaimWindow(1 days);
        pool.setClaimWindow(4 days);
        assertEq(pool.claimWindow(), 4 days, "window set");

        vm.expectRevert(
            abi.encodeWithSelector(IBackstopPool.BackstopPoolFeeStreamPeriodOutOfBounds.selector, 7 days + 1, 0, 7 days)
        );
        pool.setFeeStreamPeriod(7 days + 1);
        pool.setFeeStreamPeriod(0);
        pool.setFeeStreamPeriod(7 days);
        assertEq(pool.feeStreamPeriod(), 7 days, "fee stream set");

        vm.expectRevert(IBackstopPool.BackstopPoolZeroAddress.selector);
        pool.setWaterfall(address(0));
        vm.expectRevert(IBackstopPool.BackstopPoolZeroAddress.selector);
        pool.setGuardian(address(0));
        vm.expectRevert(IBackstopPool.BackstopPoolZeroAddress.selector);
        pool.setMarket(address(0), true);
        vm.stopPrank();
    }

    function testFuzz_Setters_BoundsHold(uint256 value) public {
        vm.startPrank(gov);
        (bool okC,) = address(pool).call(abi.encodeCall(BackstopPool.setCooldown, (value)));
        assertEq(okC, value >= 1 days && value <= 10 days, "cooldown bound");
        (bool okW,) = address(pool).call(abi.encodeCall(BackstopPool.setClaimWindow, (value)));
        assertEq(okW, value >= 1 days && value <= 4 days, "window bound");
        (bool okF,) = address(pool).call(abi.encodeCall(BackstopPool.setFeeStreamPeriod, (value)));
        assertEq(okF, value <= 7 days, "fee stream bound");
        vm.stopPrank();
        assertLe(pool.cooldown(), 10 days, "cooldown in bounds");
        assertGe(pool.cooldown(), 1 days, "cooldown in bounds");
    }

    /// @notice Governance runs through a TimelockController whose delay (15 days) must exceed cooldown +
    ///         window at every value the bounds allow, so an LP who sees a queued change can always leave
    ///         before it lands: request at once, wait out the longest cooldown, claim within the window.
    function test_Bounds_LongestExitFitsInsideTheTimelockDelay() public {
        uint256 timelockDelay = 15 days;
        assertLt(uint256(pool.MAX_COOLDOWN()) + pool.MAX_CLAIM_WINDOW(), timelockDelay, "cooldown + window < delay");
        vm.startPrank(gov);
        pool.setCooldown(pool.MAX_COOLDOWN());
        pool.setClaimWindow(pool.MAX_CLAIM_WINDOW());
        vm.stopPrank();
        uint256 shares = _deposit(alice, 100e6);
        uint256 queuedAt = block.timestamp; // a change is queued; alice reacts in the same block
        _request(alice, shares);
        (,, uint256 claimableAt, uint256 expiresAt,,) = pool.redeemRequest(alice);
        assertLt(expiresAt, queuedAt + timelockDelay, "her whole window ends before the change can land");
        vm.warp(claimableAt);
        vm.prank(alice);
        assertEq(pool.redeem(shares, alice, alice), 100e6, "out before the change");
    }

    function test_Setters_OnlyOwner() public {
        vm.startPrank(guardian);
        vm.expectRevert(_notOwner(guardian));
        pool.setCooldown(2 days);
        vm.expectRevert(_notOwner(guardian));
        pool.setClaimWindow(2 days);
        vm.expectRevert(_notOwner(guardian));
        pool.setFeeStreamPeriod(0);
        vm.expectRevert(_notOwner(guardian));
        pool.setWaterfall(guardian);
        vm.expectRevert(_notOwner(guardian));
        pool.setGuardian(guardian);
        vm.expectRevert(_notOwner(guardian));
        pool.setMarket(guardian, true);
        vm.expectRevert(_notOwner(guardian));
        pool.unpause();
        vm.stopPrank();
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotGuardian.selector, carol));
        pool.pause();
    }

    function test_Ownership_IsTwoStep() public {
        vm.prank(gov);
        pool.transferOwnership(carol);
        assertEq(pool.owner(), gov, "not yet");
        vm.prank(bob);
        vm.expectRevert(_notOwner(bob));
        pool.acceptOwnership();
        vm.prank(carol);
        pool.acceptOwnership();
        assertEq(pool.owner(), carol, "accepted");
    }

    // ------------------------------------------------------------------ pause semantics

    function test_Pause_BlocksNewRiskOnly() public {
        uint256 shares = _deposit(alice, 1_000e6);
        uint256 i = market.lock(100e6, block.timestamp + 20 days);
        _request(alice, shares / 2);
        vm.warp(block.timestamp + 7 days);
        uint256 maxRedeemBefore = pool.maxRedeem(alice);
        uint256 maxWithdrawBefore = pool.maxWithdraw(alice);

        vm.prank(guardian);
        pool.pause();
        assertTrue(pool.paused(), "paused");
        assertEq(pool.maxDeposit(alice), 0, "maxDeposit 0");
        assertEq(pool.maxMint(alice), 0, "maxMint 0");
        assertEq(pool.maxRedeem(alice), maxRedeemBefore, "maxRedeem unchanged");
        assertEq(pool.maxWithdraw(alice), maxWithdrawBefore, "maxWithdraw unchanged");
        assertGt(maxRedeemBefore, 0, "exit open");

        _fund(bob, 10e6);
        vm.startPrank(bob);
        vm.expectRevert(IBackstopPool.BackstopPoolPaused.selector);
        pool.deposit(10e6, bob);
        vm.expectRevert(IBackstopPool.BackstopPoolPaused.selector);
        pool.mint(1e18, bob);
        vm.stopPrank();
        vm.expectRevert(IBackstopPool.BackstopPoolPaused.selector);
        market.lock(1e6, block.timestamp + 1 days);

        // exits, requests, claims, premiums, fees and shortfall cover all still work
        vm.prank(alice);
        pool.redeem(shares / 4, alice, alice);
        vm.prank(alice);
        pool.withdraw(1e6, alice, alice);
        vm.warp(block.timestamp + 4 days);
        vm.prank(alice);
        pool.requestRedeem(1e18, alice, alice);
        market.claim(i, 50e6, carol);
        _fundMarket(1e6);
        market.premium(1e6, block.timestamp + 1 days);
        _fees(1e6);
        _shortfall(1e6);
        pool.checkpoint();

        // the owner may also pause; only the owner unpauses
        vm.prank(guardian);
        vm.expectRevert(_notOwner(guardian));
        pool.unpause();
        vm.prank(gov);
        pool.unpause();
        assertGt(pool.maxDeposit(alice), 0, "deposits reopen");
        vm.prank(gov);
        pool.pause();
        assertTrue(pool.paused(), "owner paused");
        _assertAccounting();
    }
}
