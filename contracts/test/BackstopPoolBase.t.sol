// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {TestUSDC} from "../src/mocks/TestUSDC.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {PoolMarketHarness} from "./harness/PoolMarketHarness.sol";

/// @notice Shared setup for the BackstopPool suites: a pool owned by `gov`, guarded by `guardian`, with a
///         registered harness market and this test contract's `waterfall` address as the waterfall.
abstract contract BackstopPoolBase is Test {
    TestUSDC internal usdc;
    BackstopPool internal pool;
    PoolMarketHarness internal market;

    address internal gov = makeAddr("gov");
    address internal guardian = makeAddr("guardian");
    address internal waterfall = makeAddr("waterfall");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal venue = makeAddr("venue");

    uint256 internal constant T0 = 1_700_000_000; // a realistic start time (mid-day UTC)

    function setUp() public virtual {
        vm.warp(T0);
        usdc = new TestUSDC();
        pool = new BackstopPool(IERC20(address(usdc)), "Backstop Junior", "bsJR", gov, guardian);
        market = new PoolMarketHarness(pool);
        vm.startPrank(gov);
        pool.setMarket(address(market), true);
        pool.setWaterfall(waterfall);
        vm.stopPrank();
        vm.prank(waterfall);
        usdc.approve(address(pool), type(uint256).max);
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

    function _deposit(address who, uint256 assets) internal returns (uint256 shares) {
        _fund(who, assets);
        vm.prank(who);
        shares = pool.deposit(assets, who);
    }

    function _request(address who, uint256 shares) internal returns (uint256 id) {
        vm.prank(who);
        id = pool.requestRedeem(shares, who, who);
    }

    /// @dev Requests, waits the cooldown and redeems everything `who` holds.
    function _exitAll(address who) internal returns (uint256 assets) {
        uint256 shares = pool.balanceOf(who);
        _request(who, shares);
        vm.warp(block.timestamp + pool.cooldown());
        vm.prank(who);
        assets = pool.redeem(shares, who, who);
    }

    /// @dev Market sells a cover: the market is funded with the premium first.
    function _sell(uint256 payout, uint256 premium, uint256 term, uint256 grace) internal returns (uint256 index) {
        if (premium > 0) _fundMarket(premium);
        index = market.sell(payout, premium, block.timestamp + term, grace);
    }

    function _fundMarket(uint256 amount) internal {
        bytes32 balanceSlot = keccak256(abi.encode(address(market), uint256(0)));
        uint256 before = usdc.balanceOf(address(market));
        vm.store(address(usdc), balanceSlot, bytes32(before + amount));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + amount));
    }

    function _fees(uint256 amount) internal {
        _fund(waterfall, amount);
        vm.prank(waterfall);
        pool.receiveFees(amount);
    }

    function _shortfall(uint256 amount) internal {
        vm.prank(waterfall);
        pool.coverShortfall(amount, venue);
    }

    /// @dev The accounting identity: tokens held == free + locked + unearned.
    function _assertAccounting() internal view {
        uint256 accounted = pool.freeAssets() + pool.lockedAssets() + pool.unearnedPremium();
        assertEq(usdc.balanceOf(address(pool)), accounted, "balance != free + locked + unearned");
    }
}
