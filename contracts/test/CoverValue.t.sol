// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {CoverValueHarness} from "./harness/CoverValueHarness.sol";
import {MathHarness} from "./harness/MathHarness.sol";
import {TouchProbability} from "../src/libraries/TouchProbability.sol";

/// @notice CoverValue: the model value's cases (provable, ended, through the strike), its product form with
///         `touchProbability`, its bounds and monotonicity in time left and in the strike's distance.
contract CoverValueTest is Test {
    uint256 internal constant WAD = 1e18;
    CoverValueHarness internal h;
    MathHarness internal m;

    function setUp() public {
        h = new CoverValueHarness();
        m = new MathHarness();
    }

    function _v(uint256 payout, bool down, uint256 spot, uint256 strike, uint256 sigma, uint256 remaining, bool provable)
        internal
        view
        returns (uint256)
    {
        return h.modelValueDown(CoverValueHarness.ValueInput(payout, down, spot, strike, sigma, remaining, provable));
    }

    function test_Cases() public view {
        // Provable: the payout, whatever the rest says (even after the end).
        assertEq(_v(10_000e6, true, 3000e8, 2700e8, 0.8e18, 0, true), 10_000e6, "provable pays");
        // Ended without a provable touch: nothing.
        assertEq(_v(10_000e6, true, 2500e8, 2700e8, 0.8e18, 0, false), 0, "ended: 0");
        // At or through the strike: the payout (Down: spot <= strike; Up: spot >= strike).
        assertEq(_v(10_000e6, true, 2700e8, 2700e8, 0.8e18, 1 days, false), 10_000e6, "down at the strike");
        assertEq(_v(10_000e6, true, 2600e8, 2700e8, 0.8e18, 1 days, false), 10_000e6, "down through");
        assertEq(_v(10_000e6, false, 3400e8, 3300e8, 0.8e18, 1 days, false), 10_000e6, "up through");
        // In between: payout × P_touch, rounded down.
        uint256 p = m.touchProbability(3000e8, 2700e8, 0.8e18, 7 days);
        assertEq(_v(10_000e6, true, 3000e8, 2700e8, 0.8e18, 7 days, false), 10_000e6 * p / WAD, "product form");
        assertGt(p, 0.05e18, "a 10 % fall in a week at 80 % vol is not rare");
        assertLt(p, 0.6e18, "nor certain");
    }

    function test_OutsideTheDomain_RevertsAsTouchProbability() public {
        CoverValueHarness.ValueInput memory v = CoverValueHarness.ValueInput(1e6, true, 3000e8, 2700e8, 101e18, 1 days, false);
        vm.expectRevert(
            abi.encodeWithSelector(TouchProbability.TouchProbabilityOutOfDomain.selector, 3000e8, 2700e8, 101e18, 1 days)
        );
        h.modelValueDown(v);
        // ... but only where the formula is used.
        v.provable = true;
        assertEq(h.modelValueDown(v), 1e6, "provable does not read sigma");
    }

    function testFuzz_BoundedByThePayout_MonotoneInTimeAndDistance(
        uint256 payout,
        bool down,
        uint256 strikeBps,
        uint256 sigma,
        uint256 remaining
    ) public view {
        payout = bound(payout, 1, type(uint96).max);
        strikeBps = bound(strikeBps, 1, 9_000); // strike 0.01 %–90 % away from spot
        sigma = bound(sigma, 0.01e18, 10e18);
        remaining = bound(remaining, 1, 365 days);
        uint256 spot = 3000e8;
        uint256 strike = down ? spot * (10_000 - strikeBps) / 10_000 : spot * (10_000 + strikeBps) / 10_000;
        uint256 v = _v(payout, down, spot, strike, sigma, remaining, false);
        assertLe(v, payout, "never above the payout");
        assertGe(_v(payout, down, spot, strike, sigma, remaining * 2, false), v, "more time is worth more");
        uint256 farther = down ? strike * 9 / 10 : strike * 11 / 10;
        assertLe(_v(payout, down, spot, farther, sigma, remaining, false), v, "a farther strike is worth less");
    }
}
