// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {TestUSDC} from "../src/mocks/TestUSDC.sol";
import {ShortfallWaterfall} from "../src/ShortfallWaterfall.sol";
import {IShortfallWaterfall} from "../src/interfaces/IShortfallWaterfall.sol";
import {Recapitalizer} from "../src/Recapitalizer.sol";
import {BKS} from "../src/BKS.sol";
import {IShortfallLayer} from "../src/interfaces/IShortfallLayer.sol";
import {IRecapitalizer} from "../src/ShortfallWaterfall.sol";
import {PoolMarketHarness} from "./harness/PoolMarketHarness.sol";

/// @notice Shared setup for the waterfall, recapitalizer and invariant suites, on the real parts: two
///         `BackstopPool`s (Junior, Senior) over `TestUSDC`, the `ShortfallWaterfall` wired as their
///         waterfall, the `Recapitalizer` (which deploys `BKS`), a registered venue, and a harness cover
///         market on each pool to lock capital.
abstract contract ShortfallWaterfallBase is Test {
    TestUSDC internal usdc;
    BackstopPool internal juniorPool;
    BackstopPool internal seniorPool;
    ShortfallWaterfall internal wf;
    Recapitalizer internal recap;
    BKS internal bks;
    PoolMarketHarness internal juniorMarket;
    PoolMarketHarness internal seniorMarket;

    address internal gov = makeAddr("gov");
    address internal guardian = makeAddr("guardian");
    address internal treasury = makeAddr("treasury");
    address internal venue = makeAddr("venue");
    address internal venue2 = makeAddr("venue2");
    address internal lp = makeAddr("lp");
    address internal buyer = makeAddr("buyer");
    address internal stranger = makeAddr("stranger");

    uint256 internal constant T0 = 1_700_000_000; // 2023-11-14 22:13:20 UTC (not a window boundary)
    uint256 internal constant JUNIOR_CAPITAL = 1_000_000e6;
    uint256 internal constant SENIOR_CAPITAL = 4_000_000e6;
    uint256 internal constant EXPOSURE_CAP = 10_000_000e6;
    uint256 internal constant INITIAL_BKS = 10_000_000e18;
    uint256 internal constant START_PRICE = 2e6; // 2.00 USDC per BKS
    uint256 internal constant FLOOR_PRICE = 0.5e6; // 0.50 USDC per BKS
    uint256 internal constant AUCTION_DURATION = 12 hours;
    uint256 internal constant MAX_MINT_BPS = 500; // 5 % of supply per event

    function setUp() public virtual {
        vm.warp(T0);
        usdc = new TestUSDC();
        juniorPool = new BackstopPool(IERC20(address(usdc)), "Backstop Junior", "bsJR", gov, guardian);
        seniorPool = new BackstopPool(IERC20(address(usdc)), "Backstop Senior", "bsSR", gov, guardian);
        wf = new ShortfallWaterfall(IShortfallLayer(address(juniorPool)), IShortfallLayer(address(seniorPool)), gov, guardian);
        recap = new Recapitalizer(
            address(wf),
            IERC20(address(usdc)),
            gov,
            treasury,
            INITIAL_BKS,
            START_PRICE,
            FLOOR_PRICE,
            AUCTION_DURATION,
            MAX_MINT_BPS
        );
        bks = recap.bks();
        juniorMarket = new PoolMarketHarness(juniorPool);
        seniorMarket = new PoolMarketHarness(seniorPool);
        vm.startPrank(gov);
        juniorPool.setWaterfall(address(wf));
        seniorPool.setWaterfall(address(wf));
        juniorPool.setMarket(address(juniorMarket), true);
        seniorPool.setMarket(address(seniorMarket), true);
        wf.setRecapitalizer(IRecapitalizer(address(recap)));
        wf.setVenue(venue, EXPOSURE_CAP);
        vm.stopPrank();
        _deposit(juniorPool, lp, JUNIOR_CAPITAL);
        _deposit(seniorPool, lp, SENIOR_CAPITAL);
        vm.label(address(juniorPool), "juniorPool");
        vm.label(address(seniorPool), "seniorPool");
        vm.label(address(wf), "waterfall");
        vm.label(address(recap), "recapitalizer");
        vm.label(address(bks), "BKS");
    }

    // ------------------------------------------------------------------ helpers

    /// @dev Writes a TestUSDC balance straight into storage (OZ ERC20: balances at slot 0, total supply
    ///      at slot 2) so any amount can be funded without faucet loops.
    function _fund(address who, uint256 amount) internal {
        bytes32 balanceSlot = keccak256(abi.encode(who, uint256(0)));
        uint256 before = usdc.balanceOf(who);
        vm.store(address(usdc), balanceSlot, bytes32(before + amount));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + amount));
        assertEq(usdc.balanceOf(who), before + amount, "fund: balance slot moved");
    }

    function _deposit(BackstopPool pool, address who, uint256 assets) internal returns (uint256 shares) {
        _fund(who, assets);
        vm.startPrank(who);
        usdc.approve(address(pool), assets);
        shares = pool.deposit(assets, who);
        vm.stopPrank();
    }

    function _absorb(address v, uint256 amount) internal returns (uint256 j, uint256 s, uint256 r, uint256 rem) {
        vm.prank(v);
        return wf.absorbShortfall(amount);
    }

    function _payFees(address v, uint256 amount) internal returns (uint256 j, uint256 s) {
        _fund(v, amount);
        vm.startPrank(v);
        usdc.approve(address(wf), amount);
        (j, s) = wf.distributeFees(amount);
        vm.stopPrank();
    }

    function _buy(address who, uint256 auctionId, uint256 stableIn) internal returns (uint256 paid, uint256 out) {
        _fund(who, stableIn);
        vm.startPrank(who);
        usdc.approve(address(recap), stableIn);
        (paid, out) = recap.buy(auctionId, stableIn, type(uint256).max);
        usdc.approve(address(recap), 0);
        vm.stopPrank();
    }

    function _held(BackstopPool pool) internal view returns (uint256 held) {
        (held,,,,,) = pool.accountingState();
    }

    function _available(IShortfallWaterfall.Layer layer) internal view returns (uint256 available) {
        (,,, available,) = wf.layerState(layer);
    }

    function _windowStart(uint256 t) internal pure returns (uint256) {
        return (t / 1 days) * 1 days;
    }
}
