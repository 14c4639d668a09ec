// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {FixedPointMath} from "../../src/libraries/FixedPointMath.sol";
import {NormalCdf} from "../../src/libraries/NormalCdf.sol";
import {TouchProbability} from "../../src/libraries/TouchProbability.sol";
import {Ewma} from "../../src/libraries/Ewma.sol";
import {VolatilityOracle} from "../../src/VolatilityOracle.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";

/// @notice Gas of the math hot paths, measured with gasleft() around the internal library call (no call
///         overhead), worst case over representative inputs. Run with `-vv` to see the numbers
///         (`log_named_uint`); `testBench_touchProbability` also enforces the 5,000-gas target.
contract MathGasTest is Test {
    event log_named_uint(string key, uint256 val);

    uint256 internal constant TOUCH_GAS_TARGET = 5_000;

    function _max(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a : b;
    }

    function testBench_touchProbability() public {
        uint256[5] memory sigmas = [uint256(0.05e18), 0.3e18, 0.8e18, 1.5e18, 3e18];
        uint256[4] memory durations = [uint256(1 hours), 1 days, 30 days, 365 days];
        uint256[4] memory strikes = [uint256(2997e8), 2700e8, 3300e8, 150e8];
        uint256 worst;
        uint256 total;
        uint256 n;
        for (uint256 i; i < sigmas.length; ++i) {
            for (uint256 j; j < durations.length; ++j) {
                for (uint256 k; k < strikes.length; ++k) {
                    uint256 g = gasleft();
                    uint256 p = TouchProbability.touchProbability(3000e8, strikes[k], sigmas[i], durations[j]);
                    g -= gasleft();
                    assertLe(p, 1e18, "p");
                    worst = _max(worst, g);
                    total += g;
                    ++n;
                }
            }
        }
        emit log_named_uint("touchProbability gas (worst)", worst);
        emit log_named_uint("touchProbability gas (mean)", total / n);
        assertLe(worst, TOUCH_GAS_TARGET, "touchProbability above its 5k gas target");
    }

    function testBench_lnWad() public {
        int256[4] memory xs = [int256(1), 1.5e18, 3000e18, 1e40];
        uint256 worst;
        for (uint256 i; i < xs.length; ++i) {
            uint256 g = gasleft();
            FixedPointMath.lnWad(xs[i]);
            worst = _max(worst, g - gasleft());
        }
        emit log_named_uint("lnWad gas (worst)", worst);
    }

    function testBench_expWad() public {
        int256[4] memory xs = [int256(-40e18), -0.5e18, 1e18, 130e18];
        uint256 worst;
        for (uint256 i; i < xs.length; ++i) {
            uint256 g = gasleft();
            FixedPointMath.expWad(xs[i]);
            worst = _max(worst, g - gasleft());
        }
        emit log_named_uint("expWad gas (worst)", worst);
    }

    function testBench_sqrtWad() public {
        uint256[3] memory xs = [uint256(2e18), 0.0001e18, 1e40];
        uint256 worst;
        for (uint256 i; i < xs.length; ++i) {
            uint256 g = gasleft();
            FixedPointMath.sqrtWad(xs[i]);
            worst = _max(worst, g - gasleft());
        }
        emit log_named_uint("sqrtWad gas (worst)", worst);
    }

    function testBench_normalCdf() public {
        int256[5] memory xs = [int256(-0.3e18), 0.6e18, -2e18, 4e18, -7e18];
        uint256 worst;
        for (uint256 i; i < xs.length; ++i) {
            uint256 g = gasleft();
            NormalCdf.normalCdf(xs[i]);
            worst = _max(worst, g - gasleft());
        }
        emit log_named_uint("normalCdf gas (worst)", worst);
    }

    function testBench_ewmaUpdate() public {
        uint256 g = gasleft();
        Ewma.ewmaUpdate(0.64e18, 0.01e18, 1 hours);
        emit log_named_uint("ewmaUpdate gas", g - gasleft());
    }

    /// @dev Full external poke: one new round, and 32 new rounds (the per-call bound).
    function testBench_poke() public {
        vm.warp(1_700_000_000);
        MockAggregator feed = new MockAggregator(8, "ETH / USD", address(this));
        VolatilityOracle oracle = new VolatilityOracle(feed, address(this), 0.5e18, 0.05e18, 5e18, 1 days);
        feed.pushAnswer(3000e8);
        oracle.poke();
        vm.warp(block.timestamp + 1 hours);
        feed.pushAnswer(3010e8);
        uint256 g = gasleft();
        oracle.poke();
        emit log_named_uint("poke gas (1 round)", g - gasleft());
        for (uint256 i; i < 32; ++i) {
            vm.warp(block.timestamp + 20 minutes);
            feed.pushAnswer(int256(3000e8 + (i % 5) * 7e8));
        }
        g = gasleft();
        oracle.poke();
        emit log_named_uint("poke gas (32 rounds)", g - gasleft());
    }
}
