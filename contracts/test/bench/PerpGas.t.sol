// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {BackstopPool} from "../../src/BackstopPool.sol";
import {TestUSDC} from "../../src/mocks/TestUSDC.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {VolatilityOracle} from "../../src/VolatilityOracle.sol";
import {IShortfallWaterfall} from "../../src/interfaces/IShortfallWaterfall.sol";
import {ShortfallWaterfall} from "../../src/ShortfallWaterfall.sol";
import {IRecapitalizer} from "../../src/ShortfallWaterfall.sol";
import {Recapitalizer} from "../../src/Recapitalizer.sol";
import {PerpVenue} from "../../src/PerpVenue.sol";
import {IPerpVenue} from "../../src/interfaces/IPerpVenue.sol";
import {IShortfallLayer} from "../../src/interfaces/IShortfallLayer.sol";
import {IVolatilityOracle} from "../../src/interfaces/IVolatilityOracle.sol";
import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";

/// @notice Gas of the venue's paths. Each measurement is the gas of one call frame as the venue sees it
///         (`vm.lastCallGas`, the cover benches' convention: a transaction spends this plus its 21,000 +
///         calldata intrinsic cost), the first call of its test, so every account and slot it reaches is cold
///         as in a real transaction; refunds are not subtracted. The book in setUp: the deploy's parameters,
///         a funded house, a short and a long already open (the side and book slots are non-zero, as on a
///         live venue), Junior 1,000,000 and Senior 4,000,000 USDC behind the waterfall.
///         Output (`-vv`): `log_named_uint("<op>", gas)` and `targetMet.<op>` (1 = within target).
///         Targets (issue 15): open ≤ 150k, partial liquidation ≤ 150k.
abstract contract PerpGasSetup is Test {
    event log_named_uint(string key, uint256 val);

    uint256 internal constant OPEN_TARGET = 150_000;
    uint256 internal constant PARTIAL_TARGET = 150_000;
    uint256 internal constant ETH = 1e18;

    TestUSDC internal usdc;
    BackstopPool internal junior;
    BackstopPool internal senior;
    ShortfallWaterfall internal wf;
    Recapitalizer internal recap;
    MockAggregator internal feed;
    VolatilityOracle internal oracle;
    PerpVenue internal perp;
    address internal gov = address(0x600);
    address internal alice = address(0xA11CE); // no position yet
    address internal bob = address(0xB0B); // a short
    address internal carol = address(0xCA401); // a long at 10 ETH / 4,000 USDC, liquidated in the liquidation benches
    address internal dave = address(0xDA7E); // a long at 10 ETH / 5,000 USDC
    address internal keeper = address(0x4EE9);

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        usdc = new TestUSDC();
        junior = new BackstopPool(IERC20(address(usdc)), "Junior", "bsJR", gov, gov);
        senior = new BackstopPool(IERC20(address(usdc)), "Senior", "bsSR", gov, gov);
        wf = new ShortfallWaterfall(IShortfallLayer(address(junior)), IShortfallLayer(address(senior)), gov, gov);
        recap = new Recapitalizer(address(wf), IERC20(address(usdc)), gov, gov, 100_000_000e18, 2e6, 0.5e6, 24 hours, 500);
        feed = new MockAggregator(8, "ETH / USD", address(this));
        feed.pushAnswer(3000e8);
        oracle = new VolatilityOracle(feed, gov, 0.8e18, 0.1e18, 3e18, 1 hours);
        oracle.poke();
        perp = new PerpVenue(
            wf,
            IVolatilityOracle(address(oracle)),
            gov,
            gov,
            AggregatorV3Interface(address(0)),
            0,
            IPerpVenue.Params({
                marginFloor: 0.05e18,
                marginK: 3e18,
                marginHorizon: 1 days,
                maintenanceBps: 5_000,
                fullLiquidationBps: 5_000,
                tradingFeeBps: 5,
                liquidationFeeBps: 20,
                poolFeeShareBps: 5_000,
                maxPriceAge: 1 hours,
                maxSigmaAge: 1 days,
                minNotional: 50e6,
                maxOpenInterest: 5_000_000e6
            })
        );
        vm.startPrank(gov);
        junior.setWaterfall(address(wf));
        senior.setWaterfall(address(wf));
        wf.setRecapitalizer(IRecapitalizer(address(recap)));
        wf.setVenue(address(perp), 10_000_000e6);
        vm.stopPrank();
        _deposit(junior, 1_000_000e6);
        _deposit(senior, 4_000_000e6);
        _fund(address(this), 1_000_000e6);
        usdc.approve(address(perp), 1_000_000e6);
        perp.fundHouse(1_000_000e6);
        address[5] memory everyone = [alice, bob, carol, dave, keeper];
        for (uint256 i; i < everyone.length; ++i) {
            _fund(everyone[i], 1_000_000e6);
            vm.prank(everyone[i]);
            usdc.approve(address(perp), type(uint256).max);
        }
        vm.prank(bob);
        perp.open(false, 10 * ETH, 5_000e6, 0);
        vm.prank(carol);
        perp.open(true, 10 * ETH, 4_000e6, type(uint256).max);
        vm.prank(dave);
        perp.open(true, 10 * ETH, 5_000e6, type(uint256).max);
    }

    function _fund(address who, uint256 amount) internal {
        vm.store(address(usdc), keccak256(abi.encode(who, uint256(0))), bytes32(usdc.balanceOf(who) + amount));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + amount));
    }

    function _deposit(BackstopPool pool, uint256 amount) internal {
        _fund(address(this), amount);
        usdc.approve(address(pool), amount);
        pool.deposit(amount, address(this));
    }

    function _price(int256 answer) internal {
        vm.warp(block.timestamp + 1 minutes);
        feed.pushAnswer(answer);
        oracle.poke();
    }

    function _lastCall() internal view returns (uint256) {
        return vm.lastCallGas().gasTotalUsed;
    }

    function _report(string memory op, uint256 gas, uint256 target) internal {
        emit log_named_uint(op, gas);
        if (target > 0) emit log_named_uint(string.concat("targetMet.", op), gas <= target ? 1 : 0);
    }
}

contract PerpGasTradingBench is PerpGasSetup {
    function testBench_open() public {
        vm.prank(alice);
        perp.open(true, 10 * ETH, 4_000e6, type(uint256).max);
        _report("open", _lastCall(), OPEN_TARGET);
    }

    function testBench_increase() public {
        vm.prank(dave);
        perp.open(true, 5 * ETH, 2_000e6, type(uint256).max);
        _report("open (increase)", _lastCall(), 0);
    }

    function testBench_close() public {
        vm.prank(dave);
        perp.close(0);
        _report("close", _lastCall(), 0);
    }

    function testBench_reduce() public {
        vm.prank(dave);
        perp.reduce(4 * ETH, 0);
        _report("reduce", _lastCall(), 0);
    }

    function testBench_addMargin() public {
        vm.prank(dave);
        perp.addMargin(1_000e6);
        _report("addMargin", _lastCall(), 0);
    }

    function testBench_removeMargin() public {
        vm.prank(dave);
        perp.removeMargin(500e6);
        _report("removeMargin", _lastCall(), 0);
    }
}

/// @dev Carol's long 35 USD past its liquidation price: partial territory.
contract PerpGasPartialBench is PerpGasSetup {
    function setUp() public override {
        super.setUp();
        _price(int256(perp.positionState(carol).liquidationPrice) - 35e8);
        vm.prank(keeper);
        perp.distributeFees(); // the fee slot is live, as between two keeper rounds
    }

    function testBench_liquidatePartial() public {
        vm.prank(keeper);
        perp.liquidate(carol);
        _report("liquidate (partial)", _lastCall(), PARTIAL_TARGET);
    }
}

/// @dev Carol's long at 2,650: below half of maintenance, equity left: a full liquidation without bad debt.
contract PerpGasFullBench is PerpGasSetup {
    function setUp() public override {
        super.setUp();
        _price(2650e8);
    }

    function testBench_liquidateFull() public {
        vm.prank(keeper);
        perp.liquidate(carol);
        _report("liquidate (full)", _lastCall(), 0);
    }
}

/// @dev A gap to 2,000 bankrupts carol's long (≈ 2,000 USDC of debt); Junior pays all of it to the venue.
contract PerpGasBadDebtBench is PerpGasSetup {
    function setUp() public override {
        super.setUp();
        vm.prank(dave);
        perp.close(0);
        _price(2000e8);
    }

    function testBench_liquidateBadDebt() public {
        vm.prank(keeper);
        perp.liquidate(carol);
        _report("liquidate (bad debt -> Junior)", _lastCall(), 0);
    }
}

/// @dev As above, with both layers' rolling caps spent by another venue's shortfall just before and an exposure
///      cap of 1,000 USDC: the debt opens an auction for 1,000 and the rest is socialised over bob's short.
contract PerpGasBadDebtAuctionBench is PerpGasSetup {
    function setUp() public override {
        super.setUp();
        address other = address(0x07E4);
        vm.startPrank(gov);
        wf.setLayerCapBps(IShortfallWaterfall.Layer.Junior, 100); // 10,000 a day
        wf.setLayerCapBps(IShortfallWaterfall.Layer.Senior, 100); // 40,000 a day
        wf.setVenue(other, 1_000_000e6);
        wf.setVenue(address(perp), 1_000e6);
        vm.stopPrank();
        vm.prank(other);
        wf.absorbShortfall(50_000e6); // both layers' caps spent
        vm.prank(dave);
        perp.close(0);
        _price(2000e8);
    }

    function testBench_liquidateBadDebtAuction() public {
        vm.prank(keeper);
        perp.liquidate(carol);
        _report("liquidate (bad debt -> auction + socialised)", _lastCall(), 0);
    }
}
