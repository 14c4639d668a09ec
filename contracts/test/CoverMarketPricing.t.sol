// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {CoverPricing} from "../src/libraries/CoverPricing.sol";
import {CoverPricingHarness} from "./harness/CoverPricingHarness.sol";

/// @notice CoverPricing on its own: the curve, its area, the premium's bounds, monotonicity (in P_touch,
///         σ, closeness of the strike, utilization) and the split-cover property, over the whole domain.
contract CoverMarketPricingTest is Test {
    uint256 internal constant WAD = 1e18;
    CoverPricingHarness internal h = new CoverPricingHarness();

    function _p() internal pure returns (CoverPricing.Pricing memory) {
        return CoverPricing.Pricing({baseMarkup: 1.2e18, slope: 0.5e18, steepSlope: 5e18, kink: 0.8e18, minRate: 0.1e18});
    }

    /// @dev Random pricing inside the market's governance bounds.
    function _randomPricing(uint256 seed) internal pure returns (CoverPricing.Pricing memory p) {
        uint256 slope = uint256(keccak256(abi.encode(seed, 1))) % 2e18;
        p = CoverPricing.Pricing({
            baseMarkup: uint64(1e18 + uint256(keccak256(abi.encode(seed, 0))) % 2e18),
            slope: uint64(slope),
            steepSlope: uint64(slope + uint256(keccak256(abi.encode(seed, 2))) % (10e18 - slope)),
            kink: uint64(0.1e18 + uint256(keccak256(abi.encode(seed, 3))) % 0.85e18),
            minRate: uint64(0.05e18 + uint256(keccak256(abi.encode(seed, 4))) % 0.95e18)
        });
    }

    // ---------- the curve ----------

    function test_Markup_KnownPoints() public pure {
        CoverPricing.Pricing memory p = _p();
        assertEq(CoverPricing.markupDown(0, p), 1.2e18, "base");
        assertEq(CoverPricing.markupDown(0.5e18, p), 1.45e18, "below the kink");
        assertEq(CoverPricing.markupDown(0.8e18, p), 1.6e18, "at the kink");
        assertEq(CoverPricing.markupDown(0.9e18, p), 2.1e18, "steep above");
        assertEq(CoverPricing.markupDown(1e18, p), 2.6e18, "full");
    }

    function test_MarkupIntegral_KnownArea() public pure {
        CoverPricing.Pricing memory p = _p();
        uint256 ta = 1_000_000e6;
        // ∫₀^TA m = TA·(1.2 + 0.5·0.8²/2 + 0.5·0.8·0.2 + 5·0.2²/2) = TA·(1.2 + 0.16 + 0.08 + 0.1) = 1.54·TA
        assertEq(CoverPricing.markupIntegralDown(ta, ta, p), 1.54e18 * ta, "area under the whole curve");
        assertEq(CoverPricing.averageMarkupUp(0, ta, ta, p), 1.54e18, "average over the whole pool");
        assertEq(CoverPricing.averageMarkupUp(0.9e6 * 1e6 - 0, 0.1e6 * 1e6, ta, p), 2.35e18, "average over [0.9, 1]");
    }

    function testFuzz_MarkupIntegral_MonotoneAndBetweenEndpointMarkups(uint256 ta, uint256 x1, uint256 x2, uint256 seed)
        public
        pure
    {
        ta = bound(ta, 1, type(uint96).max);
        x1 = bound(x1, 0, ta);
        x2 = bound(x2, x1, ta);
        CoverPricing.Pricing memory p = _randomPricing(seed);
        uint256 a1 = CoverPricing.markupIntegralDown(x1, ta, p);
        uint256 a2 = CoverPricing.markupIntegralDown(x2, ta, p);
        assertGe(a2, a1, "A non-decreasing");
        if (x2 > x1 && ta > 1e6) {
            // The area over [x1, x2] lies between the curve's values at both ends (up to rounding).
            uint256 dx = x2 - x1;
            uint256 lo = CoverPricing.markupDown((x1 * WAD) / ta, p);
            uint256 hi = CoverPricing.markupDown(((x2 * WAD) + ta - 1) / ta, p);
            assertGe(a2 - a1 + 4 * 20e18, lo * dx - (lo * dx) / 1e6, "area >= min markup x width");
            assertLe(a2 - a1, hi * dx + (hi * dx) / 1e6 + 4 * 20e18, "area <= max markup x width");
        }
    }

    // ---------- the premium ----------

    function testFuzz_Premium_BetweenOneAndPayout(
        uint256 payout,
        uint256 pTouch,
        uint256 locked,
        uint256 ta,
        uint256 duration,
        uint256 seed
    ) public pure {
        ta = bound(ta, 1, type(uint96).max);
        locked = bound(locked, 0, ta - 1);
        payout = bound(payout, 1, ta - locked);
        pTouch = bound(pTouch, 0, WAD);
        duration = bound(duration, 0, 100 * 365 days);
        CoverPricing.Pricing memory p = _randomPricing(seed);
        uint256 prem = CoverPricing.premiumUp(payout, pTouch, locked, ta, duration, p);
        assertLe(prem, payout, "premium <= payout");
        if (duration > 0) assertGe(prem, 1, "a positive floor: at least one base unit");
        // never below the fair price of the touch alone (markup ≥ 1 inside governance bounds)
        assertGe(prem, payout * pTouch / WAD < payout ? payout * pTouch / WAD : payout, "premium >= fair price");
    }

    function testFuzz_Premium_MonotoneInTouchProbabilityAndUtilization(
        uint256 payout,
        uint256 p1,
        uint256 p2,
        uint256 l1,
        uint256 l2,
        uint256 seed
    ) public pure {
        uint256 ta = 10_000_000e6;
        payout = bound(payout, 1, 1_000_000e6);
        l1 = bound(l1, 0, ta - payout);
        l2 = bound(l2, l1, ta - payout);
        p1 = bound(p1, 0, WAD);
        p2 = bound(p2, p1, WAD);
        CoverPricing.Pricing memory p = _randomPricing(seed);
        uint256 base = CoverPricing.premiumUp(payout, p1, l1, ta, 7 days, p);
        assertGe(CoverPricing.premiumUp(payout, p2, l1, ta, 7 days, p), base, "monotone in P_touch");
        assertGe(CoverPricing.premiumUp(payout, p1, l2, ta, 7 days, p), base, "monotone in utilization");
    }

    function testFuzz_Quote_MonotoneInSigmaAndCloseness(
        uint256 spot,
        uint256 d1,
        uint256 d2,
        uint256 s1,
        uint256 s2,
        uint256 duration,
        bool up
    ) public pure {
        spot = bound(spot, 1e6, 1e24);
        d1 = bound(d1, 0.001e18, 0.95e18); // distance to the strike as a fraction of spot
        d2 = bound(d2, 0.001e18, d1); // closer
        s1 = bound(s1, 0.01e18, 10e18);
        s2 = bound(s2, s1, 10e18);
        duration = bound(duration, 1 hours, 365 days);
        uint256 k1 = up ? spot + (spot * d1) / WAD : spot - (spot * d1) / WAD;
        uint256 k2 = up ? spot + (spot * d2) / WAD : spot - (spot * d2) / WAD;
        CoverPricing.Pricing memory p = _p();
        uint256 q = CoverPricing.quoteUp(spot, k1, s1, duration, duration + 1 days, 100_000e6, 0, 10_000_000e6, p);
        assertGe(
            CoverPricing.quoteUp(spot, k1, s2, duration, duration + 1 days, 100_000e6, 0, 10_000_000e6, p),
            q,
            "monotone in sigma"
        );
        assertGe(
            CoverPricing.quoteUp(spot, k2, s1, duration, duration + 1 days, 100_000e6, 0, 10_000_000e6, p),
            q,
            "monotone in closeness"
        );
    }

    /// @notice Splitting one cover into up to 8 pieces bought back to back never costs less than the
    ///         whole — when every piece can be sold (premium < payout), which the market requires.
    function testFuzz_Split_NeverCheaper(
        uint256 payout,
        uint256 locked,
        uint256 ta,
        uint256 pTouch,
        uint256 duration,
        uint256 seed
    ) public pure {
        ta = bound(ta, 2, type(uint96).max);
        locked = bound(locked, 0, ta - 2);
        payout = bound(payout, 2, ta - locked);
        pTouch = bound(pTouch, 0, WAD);
        duration = bound(duration, 1, 365 days);
        CoverPricing.Pricing memory p = _randomPricing(seed);
        uint256 whole = CoverPricing.premiumUp(payout, pTouch, locked, ta, duration, p);
        (uint256 sum, bool allSellable) = _split(Split(payout, locked, ta, pTouch, duration, seed), p);
        if (allSellable) {
            assertLt(whole, payout, "the whole is sellable too");
            assertGe(sum, whole, "split cheaper than the whole");
        }
    }

    struct Split {
        uint256 payout;
        uint256 locked;
        uint256 ta;
        uint256 pTouch;
        uint256 duration;
        uint256 seed;
    }

    /// @dev Buys `s.payout` as 2–8 random pieces back to back (each on top of the previous locks).
    function _split(Split memory s, CoverPricing.Pricing memory p) internal pure returns (uint256 sum, bool allSellable) {
        uint256 parts = 2 + s.seed % 7;
        uint256 left = s.payout;
        allSellable = true;
        for (uint256 i; i < parts && left > 0; ++i) {
            uint256 piece = i == parts - 1 ? left : 1 + uint256(keccak256(abi.encode(s.seed, i, "piece"))) % left;
            uint256 prem = CoverPricing.premiumUp(piece, s.pTouch, s.locked, s.ta, s.duration, p);
            if (prem >= piece) allSellable = false;
            sum += prem;
            s.locked += piece;
            left -= piece;
        }
    }

    // ---------- the domain ----------

    function test_Domain_Reverts() public {
        CoverPricing.Pricing memory p = _p();
        vm.expectRevert(abi.encodeWithSelector(CoverPricing.CoverPricingOutOfDomain.selector, 0, 0.5e18, 0, 100, 1));
        h.premiumUp(0, 0.5e18, 0, 100, 1, p);
        vm.expectRevert(abi.encodeWithSelector(CoverPricing.CoverPricingOutOfDomain.selector, 1, WAD + 1, 0, 100, 1));
        h.premiumUp(1, WAD + 1, 0, 100, 1, p);
        vm.expectRevert(abi.encodeWithSelector(CoverPricing.CoverPricingOutOfDomain.selector, 51, 1, 50, 100, 1));
        h.premiumUp(51, 1, 50, 100, 1, p); // does not fit in the pool
        vm.expectRevert(abi.encodeWithSelector(CoverPricing.CoverPricingOutOfDomain.selector, 1, 1, 0, 0, 1));
        h.premiumUp(1, 1, 0, 0, 1, p);
        uint256 big = uint256(type(uint96).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(CoverPricing.CoverPricingOutOfDomain.selector, 1, 1, 0, big, 1));
        h.premiumUp(1, 1, 0, big, 1, p);
        vm.expectRevert(abi.encodeWithSelector(CoverPricing.CoverPricingOutOfDomain.selector, 1, 1, 0, 100, 100 * 365 days + 1));
        h.premiumUp(1, 1, 0, 100, 100 * 365 days + 1, p);
        // the largest domain values do not overflow
        uint256 max = type(uint96).max;
        CoverPricing.Pricing memory extreme =
            CoverPricing.Pricing(type(uint64).max, type(uint64).max, type(uint64).max, type(uint64).max, type(uint64).max);
        assertLe(h.premiumUp(max, WAD, 0, max, 100 * 365 days, extreme), max, "extreme inputs stay bounded");
        extreme.kink = 0;
        assertLe(h.premiumUp(max, WAD, 0, max, 100 * 365 days, extreme), max, "all above the kink");
    }
}
