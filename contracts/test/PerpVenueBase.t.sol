// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ShortfallWaterfallBase} from "./ShortfallWaterfallBase.t.sol";
import {MockAggregator} from "../src/mocks/MockAggregator.sol";
import {VolatilityOracle} from "../src/VolatilityOracle.sol";
import {PerpVenue} from "../src/PerpVenue.sol";
import {IPerpVenue} from "../src/interfaces/IPerpVenue.sol";
import {IVolatilityOracle} from "../src/interfaces/IVolatilityOracle.sol";
import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";
import {PerpMath} from "../src/libraries/PerpMath.sol";

/// @notice Shared setup for the PerpVenue suites, on the real parts: the waterfall stack of
///         `ShortfallWaterfallBase` (Junior 1,000,000 and Senior 4,000,000 USDC, the Recapitalizer), an
///         8-decimal ETH/USD MockAggregator at 3,000 with its VolatilityOracle (σ seeded at 80 %), and a
///         PerpVenue registered in the waterfall (exposure cap 10,000,000 USDC) with a 1,000,000 USDC house.
///         Parameters are the deploy's: floor 5 %, k = 3 σ over a day, maintenance half of initial, full
///         liquidation below half of maintenance, 5 bps trading fee, 20 bps liquidator fee, half the fees
///         to the pools, minimum notional 50 USDC, 5,000,000 USDC open interest per side.
abstract contract PerpVenueBase is ShortfallWaterfallBase {
    int256 internal constant SPOT = 3000e8;
    uint256 internal constant ETH = 1e18;
    uint256 internal constant SCALE = 1e20; // 10^(18 + 8 − 6)
    uint256 internal constant HOUSE = 1_000_000e6;

    MockAggregator internal feed;
    VolatilityOracle internal oracle;
    PerpVenue internal perp;

    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal keeper = makeAddr("keeper");

    function setUp() public virtual override {
        super.setUp();
        feed = new MockAggregator(8, "ETH / USD", address(this));
        feed.pushAnswer(SPOT);
        oracle = new VolatilityOracle(feed, gov, 0.8e18, 0.1e18, 3e18, 1 hours);
        oracle.poke();
        perp = _newVenue(AggregatorV3Interface(address(0)), 0);
        _fundHouse(HOUSE);
        for (uint256 i; i < 3; ++i) {
            address t = i == 0 ? alice : i == 1 ? bob : carol;
            _fund(t, 10_000_000e6);
            vm.prank(t);
            usdc.approve(address(perp), type(uint256).max);
        }
        vm.label(address(perp), "perpVenue");
    }

    function _defaultParams() internal pure returns (IPerpVenue.Params memory) {
        return IPerpVenue.Params({
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
        });
    }

    function _newVenue(AggregatorV3Interface sequencer, uint256 grace) internal returns (PerpVenue v) {
        v = new PerpVenue(wf, IVolatilityOracle(address(oracle)), gov, guardian, sequencer, grace, _defaultParams());
        vm.prank(gov);
        wf.setVenue(address(v), EXPOSURE_CAP);
    }

    function _fundHouse(uint256 amount) internal {
        _fund(address(this), amount);
        usdc.approve(address(perp), amount);
        perp.fundHouse(amount);
    }

    // ------------------------------------------------------------------ market helpers

    /// @dev Warps `dt`, publishes a round at `answer` (8 decimals) and folds it into σ.
    function _price(int256 answer, uint256 dt) internal returns (uint80 roundId) {
        vm.warp(block.timestamp + dt);
        roundId = feed.pushAnswer(answer);
        oracle.poke();
    }

    function _open(address who, bool isLong, uint256 size, uint256 margin) internal {
        vm.prank(who);
        perp.open(isLong, size, margin, isLong ? type(uint256).max : 0);
    }

    function _state(address who) internal view returns (IPerpVenue.PositionState memory) {
        return perp.positionState(who);
    }

    function _pos(address who) internal view returns (IPerpVenue.Position memory) {
        return perp.positionOf(who);
    }

    /// @dev The initial margin `open` requires now for `size` (exactly: the least margin that passes).
    function _initialMargin(uint256 size) internal view returns (uint256) {
        uint256 f = perp.marginFractionNow();
        uint256 price = uint256(SPOT);
        (, int256 answer,,,) = feed.latestRoundData();
        price = uint256(answer);
        // margin × SCALE × WAD ≥ f × size × price  ⇔  margin ≥ ⌈f × size × price / (SCALE × WAD)⌉
        return (f * size * price + SCALE * 1e18 - 1) / (SCALE * 1e18);
    }

    /// @dev What the venue holds for everyone, by its books (must equal its token balance when no auction
    ///      proceeds are waiting for `syncRecapitalization`).
    function _booked() internal view returns (uint256) {
        (uint256 margins, uint256 house, uint256 poolFees, uint256 owed,,,) = perp.accounts();
        return margins + house + poolFees + owed;
    }

    function _house() internal view returns (uint256 house) {
        (, house,,,,,) = perp.accounts();
    }

    function _oi(bool isLong) internal view returns (uint256 oi) {
        (oi,,) = perp.sideState(isLong);
    }

    function _notionalUp(uint256 size, uint256 price) internal pure returns (uint256) {
        return PerpMath.notionalUp(size, price, SCALE);
    }
}
