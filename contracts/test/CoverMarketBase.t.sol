// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {TestUSDC} from "../src/mocks/TestUSDC.sol";
import {MockAggregator} from "../src/mocks/MockAggregator.sol";
import {VolatilityOracle} from "../src/VolatilityOracle.sol";
import {CoverMarket} from "../src/CoverMarket.sol";
import {ICoverMarket} from "../src/interfaces/ICoverMarket.sol";
import {ICoverPool} from "../src/interfaces/ICoverPool.sol";
import {IVolatilityOracle} from "../src/interfaces/IVolatilityOracle.sol";
import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";
import {CoverPricing} from "../src/libraries/CoverPricing.sol";

/// @notice Shared setup for the CoverMarket suites: the real BackstopPool (1,000,000 USDC deposited), an
///         8-decimal ETH/USD MockAggregator at 3,000 with its VolatilityOracle (σ seeded at 80 %)
///         and a market with a Down and an Up product (2 confirmations, 5-minute activation
///         delay, 1-day claim grace, 1 hour–90 days). `alice` and `bob` hold USDC approved to the market.
abstract contract CoverMarketBase is Test {
    uint256 internal constant T0 = 1_700_000_000;
    int256 internal constant SPOT = 3000e8;
    uint256 internal constant DEPOSIT = 1_000_000e6;
    uint32 internal constant DELAY = 5 minutes;
    uint32 internal constant GRACE = 1 days;

    TestUSDC internal usdc;
    BackstopPool internal pool;
    MockAggregator internal feed;
    VolatilityOracle internal oracle;
    CoverMarket internal market;
    uint256 internal downId;
    uint256 internal upId;

    address internal gov = makeAddr("gov");
    address internal guardian = makeAddr("guardian");
    address internal underwriter = makeAddr("underwriter");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal keeper = makeAddr("keeper");

    function setUp() public virtual {
        vm.warp(T0);
        usdc = new TestUSDC();
        pool = new BackstopPool(IERC20(address(usdc)), "Backstop Junior", "bsJR", gov, guardian);
        feed = new MockAggregator(8, "ETH / USD", address(this));
        feed.pushAnswer(SPOT);
        oracle = new VolatilityOracle(feed, gov, 0.8e18, 0.1e18, 3e18, 1 hours);
        oracle.poke();
        market = _newMarket(AggregatorV3Interface(address(0)), 0);
        downId = _register(market, _config(ICoverMarket.Direction.Down));
        upId = _register(market, _config(ICoverMarket.Direction.Up));
        _deposit(underwriter, DEPOSIT);
        _fund(alice, 1_000_000e6);
        _fund(bob, 1_000_000e6);
    }

    // ------------------------------------------------------------------ setup helpers

    function _newMarket(AggregatorV3Interface sequencer, uint256 grace) internal returns (CoverMarket m) {
        m = new CoverMarket(IERC20(address(usdc)), gov, guardian, sequencer, grace);
        vm.prank(gov);
        pool.setMarket(address(m), true);
    }

    function _pricing() internal pure returns (CoverPricing.Pricing memory) {
        return CoverPricing.Pricing({baseMarkup: 1.2e18, slope: 0.5e18, steepSlope: 5e18, kink: 0.8e18, minRate: 0.1e18});
    }

    function _config(ICoverMarket.Direction direction) internal view returns (ICoverMarket.ProductConfig memory) {
        return ICoverMarket.ProductConfig({
            feed: feed,
            oracle: IVolatilityOracle(address(oracle)),
            pool: ICoverPool(address(pool)),
            direction: direction,
            confirmations: 2,
            activationDelay: DELAY,
            claimGrace: GRACE,
            minDuration: 1 hours,
            maxDuration: 90 days,
            maxPriceAge: 1 hours,
            maxSigmaAge: 1 days,
            maxStrikeRatio: 400,
            pricing: _pricing()
        });
    }

    function _register(CoverMarket m, ICoverMarket.ProductConfig memory c) internal returns (uint256 id) {
        vm.prank(gov);
        id = m.registerProduct(c);
    }

    /// @dev Writes a USDC balance (OZ ERC20: balances at slot 0, total supply at slot 2) and approves
    ///      the market and the pool.
    function _fund(address who, uint256 amount) internal {
        vm.store(address(usdc), keccak256(abi.encode(who, uint256(0))), bytes32(usdc.balanceOf(who) + amount));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + amount));
        vm.startPrank(who);
        usdc.approve(address(market), type(uint256).max);
        usdc.approve(address(pool), type(uint256).max);
        vm.stopPrank();
    }

    function _deposit(address who, uint256 assets) internal {
        _fund(who, assets);
        vm.prank(who);
        pool.deposit(assets, who);
    }

    // ------------------------------------------------------------------ market helpers

    function _buy(address who, uint256 id, uint256 strike, uint256 payout, uint256 duration)
        internal
        returns (uint256 tokenId, uint256 premium)
    {
        vm.prank(who);
        (tokenId, premium) = market.buyCover(id, strike, payout, duration, type(uint256).max);
    }

    /// @dev A standard Down cover: strike 2,700 (−10 %), 10,000 USDC, 7 days.
    function _buyDown(address who) internal returns (uint256 tokenId) {
        (tokenId,) = _buy(who, downId, 2700e8, 10_000e6, 7 days);
    }

    /// @dev Warps `dt` seconds, pushes a complete round at `answer` and folds it into σ.
    function _push(int256 answer, uint256 dt) internal returns (uint80 roundId) {
        vm.warp(block.timestamp + dt);
        roundId = feed.pushAnswer(answer);
        oracle.poke();
    }

    /// @dev `n` rounds at `answer`, one per `dt`; returns the first.
    function _pushN(int256 answer, uint256 n, uint256 dt) internal returns (uint80 first) {
        first = _push(answer, dt);
        for (uint256 i = 1; i < n; ++i) {
            _push(answer, dt);
        }
    }

    function _claim(uint256 tokenId, uint80 roundId) internal {
        vm.prank(keeper);
        market.claim(tokenId, roundId);
    }

    /// @dev Calls `data` on the market as `caller` and returns the revert data ("" if it succeeded).
    function _revertData(address caller, bytes memory data) internal returns (bytes memory) {
        vm.prank(caller);
        (bool ok, bytes memory ret) = address(market).call(data);
        return ok ? bytes("") : ret;
    }

    function _selector(bytes memory revertData) internal pure returns (bytes4 s) {
        if (revertData.length < 4) return bytes4(0);
        assembly {
            s := mload(add(revertData, 32))
        }
    }

    function _status(uint256 tokenId) internal view returns (ICoverMarket.CoverStatus) {
        return market.coverInfo(tokenId).status;
    }
}
