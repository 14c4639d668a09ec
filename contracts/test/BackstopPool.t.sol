// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {TestUSDC} from "../src/TestUSDC.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

contract BackstopPoolTest is Test {
    TestUSDC internal usdc;
    BackstopPool internal pool;
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    function setUp() public {
        usdc = new TestUSDC();
        pool = new BackstopPool(IERC20(address(usdc)), "Backstop Junior", "bJR");
    }

    /// @dev Writes the balance straight into TestUSDC's storage (OZ ERC20: balances at slot 0,
    ///      total supply at slot 2) so fuzz runs can fund any amount without faucet loops.
    function _fund(address who, uint256 amount) internal {
        bytes32 balanceSlot = keccak256(abi.encode(who, uint256(0)));
        uint256 before = usdc.balanceOf(who);
        vm.store(address(usdc), balanceSlot, bytes32(before + amount));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + amount));
        assertEq(usdc.balanceOf(who), before + amount, "fund: balance slot moved");
        vm.prank(who);
        usdc.approve(address(pool), type(uint256).max);
    }

    function test_Deposit_MintsSharesWithOffset() public {
        _fund(alice, 1_000e6);
        vm.prank(alice);
        uint256 shares = pool.deposit(1_000e6, alice);
        assertEq(shares, 1_000e6 * 1e12, "first deposit mints assets x 10^offset");
        assertEq(pool.balanceOf(alice), shares, "shares to receiver");
        assertEq(pool.totalAssets(), 1_000e6, "assets in pool");
        assertEq(pool.decimals(), 18, "share decimals = 6 + offset 12");
    }

    function test_Redeem_ReturnsAssets() public {
        _fund(alice, 500e6);
        vm.startPrank(alice);
        uint256 shares = pool.deposit(500e6, alice);
        uint256 assets = pool.redeem(shares, alice, alice);
        vm.stopPrank();
        assertEq(assets, 500e6, "full redeem returns the deposit");
        assertEq(usdc.balanceOf(alice), 500e6, "wallet restored");
        assertEq(pool.totalSupply(), 0, "no shares left");
    }

    function test_Deposit_RevertsOnZeroShares() public {
        _fund(alice, 1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(BackstopPool.BackstopPoolZeroShares.selector, 0));
        pool.deposit(0, alice);
    }

    function test_Redeem_RevertsWhenItWouldPayNothing() public {
        _fund(alice, 10e6);
        vm.prank(alice);
        pool.deposit(10e6, alice);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(BackstopPool.BackstopPoolZeroAssets.selector, 1));
        pool.redeem(1, alice, alice);
    }

    function test_Faucet_RejectsOverCap() public {
        uint256 cap = usdc.FAUCET_CAP();
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.TestUSDCFaucetCapExceeded.selector, cap + 1, cap));
        usdc.faucet(cap + 1);
    }

    /// @notice Deposit then redeem never returns more than was put in, whatever the pool's state.
    function testFuzz_DepositRedeem_NeverCreatesValue(uint256 seedAssets, uint256 donation, uint256 assets) public {
        seedAssets = bound(seedAssets, 1, 1e15);
        donation = bound(donation, 0, 1e15);
        assets = bound(assets, 1, 1e15);
        _fund(bob, seedAssets + donation);
        vm.startPrank(bob);
        pool.deposit(seedAssets, bob);
        usdc.transfer(address(pool), donation);
        vm.stopPrank();

        _fund(alice, assets);
        vm.startPrank(alice);
        uint256 shares = pool.previewDeposit(assets);
        vm.assume(shares > 0);
        pool.deposit(assets, alice);
        uint256 back = pool.previewRedeem(shares);
        vm.assume(back > 0);
        pool.redeem(shares, alice, alice);
        vm.stopPrank();
        assertLe(back, assets, "round trip returned more than deposited");
    }

    /// @notice Mint then withdraw: the assets paid for the shares cover what they can withdraw.
    function testFuzz_MintWithdraw_NeverCreatesValue(uint256 seedAssets, uint256 donation, uint256 shares) public {
        seedAssets = bound(seedAssets, 1, 1e15);
        donation = bound(donation, 0, 1e15);
        shares = bound(shares, 1, 1e27);
        _fund(bob, seedAssets + donation);
        vm.startPrank(bob);
        pool.deposit(seedAssets, bob);
        usdc.transfer(address(pool), donation);
        vm.stopPrank();

        uint256 cost = pool.previewMint(shares);
        vm.assume(cost <= 1e16);
        _fund(alice, cost);
        vm.startPrank(alice);
        pool.mint(shares, alice);
        uint256 withdrawable = pool.maxWithdraw(alice);
        if (withdrawable > 0) pool.withdraw(withdrawable, alice, alice);
        vm.stopPrank();
        assertLe(withdrawable, cost, "mint/withdraw returned more than paid");
        assertLe(pool.balanceOf(alice), shares, "withdraw left more shares than minted");
    }

    /// @notice The classic first-depositor attack: deposit 1 unit, donate a fortune, hope the victim's
    ///         shares round to nothing. With the decimals offset the victim keeps >= 99.9 %.
    function testFuzz_FirstDepositorDonation_VictimKeeps999(uint256 donation, uint256 victimAssets) public {
        donation = bound(donation, 1, 1e14); // up to 100 million USDC donated
        victimAssets = bound(victimAssets, 1e6, 1e12); // a victim of 1 to 1M USDC
        _fund(bob, donation + 1);
        vm.startPrank(bob);
        pool.deposit(1, bob);
        usdc.transfer(address(pool), donation);
        vm.stopPrank();

        _fund(alice, victimAssets);
        vm.prank(alice);
        uint256 shares = pool.deposit(victimAssets, alice);
        uint256 victimValue = pool.previewRedeem(shares);
        assertGe(victimValue * 1000, victimAssets * 999, "victim lost more than 0.1 %");
    }
}
