// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {MathHarness} from "./harness/MathHarness.sol";
import {TouchProbability} from "../src/libraries/TouchProbability.sol";

/// @notice One-touch probability: the 2,340-point grid against the closed form in 50-digit mpmath and in
///         IEEE double (fixture), edges, reverts, and fuzzed bounds / monotonicity / the S-numeraire mirror.
contract TouchProbabilityTest is Test {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant YEAR = 365 days;
    MathHarness internal h;

    function setUp() public {
        h = new MathHarness();
    }

    function _diff(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a - b : b - a;
    }

    function test_grid_within1e9OfClosedForm() public view {
        string memory json = vm.readFile("test/fixtures/math_reference.json");
        uint256[] memory spot = vm.parseJsonUintArray(json, ".touchSpot");
        uint256[] memory strike = vm.parseJsonUintArray(json, ".touchStrike");
        uint256[] memory sigma = vm.parseJsonUintArray(json, ".touchSigma");
        uint256[] memory duration = vm.parseJsonUintArray(json, ".touchDuration");
        uint256[] memory exact = vm.parseJsonUintArray(json, ".touchOut");
        uint256[] memory dbl = vm.parseJsonUintArray(json, ".touchDouble");
        uint256 worstExact;
        uint256 worstDouble;
        for (uint256 i; i < spot.length; ++i) {
            uint256 p = h.touchProbability(spot[i], strike[i], sigma[i], duration[i]);
            uint256 e = _diff(p, exact[i]);
            if (e > worstExact) worstExact = e;
            e = _diff(p, dbl[i]);
            if (e > worstDouble) worstDouble = e;
        }
        assertLe(worstDouble, 1e9, "goal: within 1e-9 of the double-precision closed form");
        // Measured (see the report in the library's NatSpec): ≤ 1e-15 from the exact value.
        assertLe(worstExact, 1e3, "more than 1e-15 from the 50-digit closed form");
    }

    /// @notice The edges of the domain the market accepts (strikes within ×10 of spot either side, σ from
    ///         the oracle's 1 % floor to its 1,000 % cap, 1 hour to 365 days: σ√T from 1.07e-4 to 10) against
    ///         the closed form in 50-digit mpmath (fixtures/generate_touch_edges.py): every point within 1e-9
    ///         of the true one-touch probability (the goal), and in fact within 1e-14 (measured 6.2e-15, at
    ///         S/K = 1.0001, σ√T = 1.07e-4 where d's rounding is divided by the smallest σ√T).
    function test_acceptedDomainEdges_within1e9OfExact() public {
        string memory json = vm.readFile("test/fixtures/touch_edges.json");
        uint256[] memory spot = vm.parseJsonUintArray(json, ".spot");
        uint256[] memory strike = vm.parseJsonUintArray(json, ".strike");
        uint256[] memory sigma = vm.parseJsonUintArray(json, ".sigma");
        uint256[] memory duration = vm.parseJsonUintArray(json, ".duration");
        uint256[] memory exact = vm.parseJsonUintArray(json, ".exact");
        uint256 worst;
        uint256 worstAt;
        for (uint256 i; i < spot.length; ++i) {
            uint256 e = _diff(h.touchProbability(spot[i], strike[i], sigma[i], duration[i]), exact[i]);
            if (e > worst) (worst, worstAt) = (e, i);
        }
        emit log_named_uint("touch.edges.points", spot.length);
        emit log_named_uint("touch.edges.worstErrorWei", worst);
        emit log_named_uint("touch.edges.worstAt", worstAt);
        assertEq(spot.length, 640, "the whole grid");
        assertLe(worst, 1e9, "goal: within 1e-9 of the exact value");
        assertLe(worst, 1e4, "more than 1e-14 from the exact value inside the accepted domain");
    }

    event log_named_uint(string key, uint256 val);

    function test_edges() public {
        assertEq(h.touchProbability(100, 100, 0.8e18, 1 days), WAD, "at the strike");
        assertEq(h.touchProbability(100, 90, 0, 1 days), 0, "sigma 0");
        assertEq(h.touchProbability(100, 90, 0.8e18, 0), 0, "duration 0");
        assertEq(h.touchProbability(100, 100, 0, 0), WAD, "at the strike, no time");
        // A 1e-9 move with a huge σ·√T is certain to be touched (clamped to 1).
        assertGe(h.touchProbability(1e18, 1e18 - 1e9, 100e18, 100 * YEAR), WAD - 1e3, "certain touch");
        vm.expectRevert(abi.encodeWithSelector(TouchProbability.TouchProbabilityOutOfDomain.selector, 0, 1, 1, 1));
        h.touchProbability(0, 1, 1, 1);
        vm.expectRevert(abi.encodeWithSelector(TouchProbability.TouchProbabilityOutOfDomain.selector, 1, 1, 100e18 + 1, 1));
        h.touchProbability(1, 1, 100e18 + 1, 1);
        uint256 tooBig = uint256(type(uint128).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(TouchProbability.TouchProbabilityOutOfDomain.selector, tooBig, 1, 1, 1));
        h.touchProbability(tooBig, 1, 1, 1);
    }

    function test_knownValue_downAndUp() public view {
        // 80 %/yr, 7 days, strike 10 % below / above; 40-digit mpmath: 0.3597960480166812014, 0.3712233711583546492.
        uint256 down = h.touchProbability(3000e8, 2700e8, 0.8e18, 7 days);
        uint256 up = h.touchProbability(3000e8, 3300e8, 0.8e18, 7 days);
        assertApproxEqAbs(down, 359796048016681201, 100, "down");
        assertApproxEqAbs(up, 371223371158354649, 100, "up");
        // The mirror identity: P_down(S, K) = (S/K)·P_up(K, S) — both have the same |ln(K/S)|.
        uint256 upMirror = h.touchProbability(2700e8, 3000e8, 0.8e18, 7 days);
        assertApproxEqAbs(down, (upMirror * 3000e8) / 2700e8, 1e3, "S-numeraire mirror");
    }

    function testFuzz_boundedAndMonotone(uint256 spot, uint256 dist, uint256 sigma, uint256 duration, bool up) public view {
        spot = bound(spot, 1e6, 1e30);
        dist = bound(dist, 1e15, 0.95e18); // 0.1 % – 95 %
        sigma = bound(sigma, 0.05e18, 3e18);
        duration = bound(duration, 1 hours, YEAR);
        uint256 strike = up ? spot + (spot * dist) / WAD : spot - (spot * dist) / WAD;
        uint256 p = h.touchProbability(spot, strike, sigma, duration);
        assertLe(p, WAD, "p > 1");
        // More σ, more time, or a nearer strike never lowers the probability (beyond a few wei of rounding).
        assertGe(h.touchProbability(spot, strike, sigma + sigma / 10, duration) + 10, p, "not monotone in sigma");
        assertGe(h.touchProbability(spot, strike, sigma, duration + duration / 10) + 10, p, "not monotone in T");
        uint256 nearer = up ? strike - (strike - spot) / 10 : strike + (spot - strike) / 10;
        assertGe(h.touchProbability(spot, nearer, sigma, duration) + 10, p, "not monotone in distance");
    }

    function testFuzz_anyInputInDomainIsAProbability(uint256 spot, uint256 strike, uint256 sigma, uint256 duration)
        public
        view
    {
        spot = bound(spot, 1, type(uint128).max);
        strike = bound(strike, 1, type(uint128).max);
        sigma = bound(sigma, 0, 100e18);
        duration = bound(duration, 0, 100 * YEAR);
        assertLe(h.touchProbability(spot, strike, sigma, duration), WAD, "p > 1");
    }
}
