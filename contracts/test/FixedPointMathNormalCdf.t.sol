// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {MathHarness} from "./harness/MathHarness.sol";

/// @notice Φ against 50-digit mpmath (fixture), at the segment boundaries and in the tails, plus symmetry
///         and monotonicity fuzzing.
contract FixedPointMathNormalCdfTest is Test {
    uint256 internal constant WAD = 1e18;
    MathHarness internal h;

    function setUp() public {
        h = new MathHarness();
    }

    function test_normalCdf_within1e12OfMpmath_measuredWorstBelow3Wei() public view {
        string memory json = vm.readFile("test/fixtures/math_reference.json");
        int256[] memory xs = vm.parseJsonIntArray(json, ".cdfIn");
        uint256[] memory ys = vm.parseJsonUintArray(json, ".cdfOut");
        uint256 worst;
        for (uint256 i; i < xs.length; ++i) {
            uint256 got = h.normalCdf(xs[i]);
            uint256 e = got > ys[i] ? got - ys[i] : ys[i] - got;
            if (e > worst) worst = e;
        }
        assertLe(worst, 1e6, "requirement: 1e-12 absolute");
        assertLe(worst, 3, "measured: <= 3 wei");
    }

    function test_normalCdf_knownValues() public view {
        assertEq(h.normalCdf(0), 5e17, "Phi(0)");
        assertApproxEqAbs(h.normalCdf(1e18), 841344746068542948, 3, "Phi(1)");
        assertApproxEqAbs(h.normalCdf(-2e18), 22750131948179208, 3, "Phi(-2)");
        assertApproxEqAbs(h.normalCdf(-6e18), 986587645, 3, "Phi(-6)");
        assertEq(h.normalCdf(-9e18), 0, "Phi(-9) < 1 wei");
        assertEq(h.normalCdf(9e18), WAD, "Phi(9)");
        assertEq(h.normalCdf(type(int256).min), 0, "Phi(min)");
        assertEq(h.normalCdf(type(int256).max), WAD, "Phi(max)");
    }

    function testFuzz_normalCdf_symmetric(int256 x) public view {
        x = int256(bound(uint256(x), 0, 24e18)) - 12e18;
        uint256 s = h.normalCdf(x) + h.normalCdf(-x);
        assertApproxEqAbs(s, WAD, 2, "Phi(x) + Phi(-x) != 1");
    }

    function testFuzz_normalCdf_monotoneWithinOneWei(int256 a, int256 b) public view {
        a = int256(bound(uint256(a), 0, 24e18)) - 12e18;
        b = int256(bound(uint256(b), 0, 24e18)) - 12e18;
        if (a > b) (a, b) = (b, a);
        assertLe(h.normalCdf(a), h.normalCdf(b) + 1, "Phi decreasing by more than a wei");
        assertLe(h.normalCdf(b), WAD, "Phi > 1");
    }
}
