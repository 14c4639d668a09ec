// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {BackstopPoolBase} from "./BackstopPoolBase.t.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {IERC7540Operator, IERC7540Redeem} from "../src/interfaces/IERC7540.sol";
import {IBackstopPool} from "../src/interfaces/IBackstopPool.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";

/// @notice ERC-7540-shaped exits: escrow rules, operators (9) and the cooldown/window edges (10).
contract BackstopPoolRedeemTest is BackstopPoolBase {
    event RedeemRequest(
        address indexed controller, address indexed owner, uint256 indexed requestId, address sender, uint256 shares
    );
    event OperatorSet(address indexed controller, address indexed operator, bool approved);
    event RedeemRequestLapsed(address indexed controller, address indexed owner, uint256 indexed requestId, uint256 shares);

    uint256 internal shares;

    function setUp() public override {
        super.setUp();
        shares = _deposit(alice, 1_000e6);
        _deposit(bob, 1_000e6);
    }

    function test_InterfaceIds_MatchErc7540() public view {
        assertEq(bytes32(type(IERC7540Operator).interfaceId), bytes32(bytes4(0xe3bc4e65)), "operator id");
        assertEq(bytes32(type(IERC7540Redeem).interfaceId), bytes32(bytes4(0x620ee8e4)), "async redeem id");
        assertTrue(pool.supportsInterface(0xe3bc4e65), "operator");
        assertTrue(pool.supportsInterface(0x620ee8e4), "async redeem");
        assertTrue(pool.supportsInterface(type(IERC165).interfaceId), "165");
        assertFalse(pool.supportsInterface(0xce3bbe50), "no async deposit");
        assertEq(pool.share(), address(pool), "7575 share");
    }

    // ------------------------------------------------------------------ 9. escrow

    function test_Request_EscrowsSharesInThePool() public {
        vm.expectEmit(true, true, true, true, address(pool));
        emit RedeemRequest(alice, alice, 1, alice, shares / 2);
        uint256 id = _request(alice, shares / 2);
        assertEq(id, 1, "first id");
        assertEq(pool.balanceOf(alice), shares / 2, "owner keeps the rest");
        assertEq(pool.balanceOf(address(pool)), shares / 2, "escrowed in the pool");
        assertEq(pool.totalSupply(), 2_000e18, "escrowed shares stay in supply");
        assertEq(pool.pendingRedeemRequest(id, alice), shares / 2, "pending");
        assertEq(pool.pendingRedeemRequest(0, alice), shares / 2, "id 0 = current");
        assertEq(pool.claimableRedeemRequest(id, alice), 0, "not claimable yet");
        assertEq(pool.pendingRedeemRequest(id + 1, alice), 0, "unknown id");
        (uint256 rid, uint256 rs, uint256 claimableAt, uint256 expiresAt, address owner,) = pool.redeemRequest(alice);
        assertEq(rid, id, "id");
        assertEq(rs, shares / 2, "shares");
        assertEq(claimableAt, block.timestamp + 7 days, "claimableAt");
        assertEq(expiresAt, block.timestamp + 10 days, "expiresAt");
        assertEq(owner, alice, "owner");
    }

    function test_EscrowedShares_CannotBeTransferred() public {
        _request(alice, shares);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 0, 1));
        pool.transfer(bob, 1);
        // Nobody can move shares out of the pool's escrow: it grants no allowance.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, alice, 0, 1));
        pool.transferFrom(address(pool), alice, 1);
        // Nor can shares be pushed into escrow around requestRedeem.
        vm.prank(bob);
        vm.expectRevert(IBackstopPool.BackstopPoolEscrowTransfer.selector);
        pool.transfer(address(pool), 1);
    }

    function test_Request_CannotBeDoubledOrToppedUp() public {
        uint256 id = _request(alice, shares / 2);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolRequestPending.selector, alice, id, shares / 2));
        pool.requestRedeem(1, alice, alice);
        // Still refused once claimable: no top-up to redeem more than was escrowed.
        vm.warp(block.timestamp + 7 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolRequestPending.selector, alice, id, shares / 2));
        pool.requestRedeem(shares / 2, alice, alice);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IBackstopPool.BackstopPoolExceedsRequest.selector, id, shares / 2 + 1, shares / 2)
        );
        pool.redeem(shares / 2 + 1, alice, alice);
        assertEq(pool.maxRedeem(alice), shares / 2, "max is the escrow");
    }

    function test_Request_MoreThanBalanceReverts() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, shares, shares + 1));
        pool.requestRedeem(shares + 1, alice, alice);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolZeroShares.selector, 0));
        pool.requestRedeem(0, alice, alice);
    }

    function test_PartialClaims_ThenLapseReturnsTheRest() public {
        uint256 id = _request(alice, shares);
        vm.warp(block.timestamp + 7 days);
        vm.prank(alice);
        pool.redeem(shares / 4, alice, alice);
        vm.prank(alice);
        pool.withdraw(100e6, alice, alice);
        uint256 left = shares - shares / 4 - 100e18;
        assertEq(pool.claimableRedeemRequest(id, alice), left, "rest still claimable");
        vm.warp(block.timestamp + 3 days + 1);
        assertEq(pool.claimableRedeemRequest(id, alice), 0, "lapsed");
        vm.expectEmit(true, true, true, true, address(pool));
        emit RedeemRequestLapsed(alice, alice, id, left);
        vm.prank(carol); // anyone
        pool.reclaimLapsedRequest(alice);
        assertEq(pool.balanceOf(alice), left, "shares back to owner");
        assertEq(pool.balanceOf(address(pool)), 0, "escrow empty");
        assertEq(usdc.balanceOf(alice), 350e6, "claimed 250 + 100");
    }

    // ------------------------------------------------------------------ 9. operators

    function test_Operator_ActsOnlyForApprovingControllers() public {
        vm.expectEmit(true, true, false, true, address(pool));
        emit OperatorSet(alice, carol, true);
        vm.prank(alice);
        assertTrue(pool.setOperator(carol, true), "setOperator returns true");
        assertTrue(pool.isOperator(alice, carol), "approved");
        assertFalse(pool.isOperator(bob, carol), "not for bob");

        // carol requests for alice (operator of the owner, no allowance needed), controller alice
        vm.prank(carol);
        uint256 id = pool.requestRedeem(shares, alice, alice);
        // carol cannot request bob's shares
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, carol, 0, 1));
        pool.requestRedeem(1, carol, bob);

        vm.warp(block.timestamp + 7 days);
        // bob is not alice's operator
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotOperator.selector, bob, alice));
        pool.redeem(shares, bob, alice);
        // carol claims alice's request to carol's wallet
        vm.prank(carol);
        uint256 got = pool.redeem(shares, carol, alice);
        assertEq(got, 1_000e6, "operator claimed");
        assertEq(usdc.balanceOf(carol), 1_000e6, "to receiver");
        assertEq(id, 1, "id");

        // revoked operators lose the power
        vm.prank(alice);
        pool.setOperator(carol, false);
        _request(bob, 1e18);
        vm.warp(block.timestamp + 7 days);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotOperator.selector, carol, bob));
        pool.withdraw(1, carol, bob);
    }

    function test_Request_WithAllowance_OwnerGetsLapsedSharesBack() public {
        vm.prank(alice);
        pool.approve(carol, shares);
        vm.prank(carol);
        uint256 id = pool.requestRedeem(shares, carol, alice); // carol controls a request of alice's shares
        assertEq(pool.allowance(alice, carol), 0, "allowance spent");
        (,,,, address owner,) = pool.redeemRequest(carol);
        assertEq(owner, alice, "owner recorded");
        vm.warp(block.timestamp + 10 days + 1);
        // the controller's next request lazily returns the lapsed shares to alice first
        _deposit(carol, 10e6);
        vm.expectEmit(true, true, true, true, address(pool));
        emit RedeemRequestLapsed(carol, alice, id, shares);
        vm.prank(carol);
        pool.requestRedeem(10e18, carol, carol);
        assertEq(pool.balanceOf(alice), shares, "alice got her shares back");
        (,,,, owner,) = pool.redeemRequest(carol);
        assertEq(owner, carol, "owner of the new request");
    }

    // ------------------------------------------------------------------ 10. cooldown edges

    function test_CooldownEdges_OnlyInWindowClaimSucceeds() public {
        uint256 t = block.timestamp;
        uint256 id = _request(alice, shares);
        uint256 claimableAt = t + 7 days;
        uint256 expiresAt = claimableAt + 3 days;

        vm.warp(claimableAt - 1);
        assertEq(pool.maxRedeem(alice), 0, "cooldown end - 1: nothing");
        assertEq(pool.pendingRedeemRequest(id, alice), shares, "still pending");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolCooldownActive.selector, id, claimableAt));
        pool.redeem(1e18, alice, alice);

        vm.warp(claimableAt);
        assertEq(pool.pendingRedeemRequest(id, alice), 0, "no longer pending");
        assertEq(pool.claimableRedeemRequest(id, alice), shares, "claimable at cooldown end");

        vm.warp(expiresAt);
        assertEq(pool.maxRedeem(alice), shares, "window end: claimable");
        uint256 snap = vm.snapshotState();
        vm.prank(alice);
        assertEq(pool.redeem(shares, alice, alice), 1_000e6, "claim at the window's last second");
        vm.revertToState(snap);

        vm.warp(expiresAt + 1);
        assertEq(pool.maxRedeem(alice), 0, "window end + 1: nothing");
        assertEq(pool.maxWithdraw(alice), 0, "window end + 1: nothing");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolRequestLapsed.selector, id, expiresAt));
        pool.redeem(1e18, alice, alice);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolRequestLapsed.selector, id, expiresAt));
        pool.withdraw(1e6, alice, alice);
    }

    function test_Reclaim_BeforeLapseReverts() public {
        uint256 id = _request(alice, shares);
        vm.warp(block.timestamp + 10 days);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolRequestNotLapsed.selector, id, block.timestamp));
        pool.reclaimLapsedRequest(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNoRequest.selector, bob));
        pool.reclaimLapsedRequest(bob);
    }

    /// @notice A governance change of cooldown/window does not touch requests already made.
    function test_ParamChange_DoesNotAffectExistingRequests() public {
        uint256 t = block.timestamp;
        _request(alice, shares);
        vm.startPrank(gov);
        pool.setCooldown(10 days);
        pool.setClaimWindow(1 days);
        vm.stopPrank();
        vm.warp(t + 7 days);
        assertEq(pool.maxRedeem(alice), shares, "old cooldown applies");
        _request(bob, 1e18);
        (,, uint256 claimableAt, uint256 expiresAt,,) = pool.redeemRequest(bob);
        assertEq(claimableAt, block.timestamp + 10 days, "new cooldown for new requests");
        assertEq(expiresAt, claimableAt + 1 days, "new window for new requests");
    }

    /// @notice Fuzz the claim moment: success iff claimableAt <= t <= expiresAt.
    function testFuzz_ClaimSucceedsOnlyInWindow(uint256 dt) public {
        dt = bound(dt, 0, 20 days);
        uint256 t = block.timestamp;
        _request(alice, shares);
        vm.warp(t + dt);
        bool inWindow = dt >= 7 days && dt <= 10 days;
        assertEq(pool.maxRedeem(alice), inWindow ? shares : 0, "maxRedeem");
        vm.prank(alice);
        if (inWindow) {
            assertEq(pool.redeem(shares, alice, alice), 1_000e6, "claim");
        } else {
            vm.expectRevert();
            pool.redeem(shares, alice, alice);
        }
    }
}
