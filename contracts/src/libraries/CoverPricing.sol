// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {TouchProbability} from "./TouchProbability.sol";

/// @title CoverPricing
/// @notice The premium of a parametric liquidation cover. Mirrored name for name, bit for bit, by
///         `lib/mirror/CoverPricing.ts` (`markupDown`, `markupIntegralDown`, `averageMarkupUp`, `chargedLength`,
///         `floorRateUp`, `premiumUp`, `quoteUp`).
///
/// @dev ## Formula
///        premium = min(payout, ⌈max(P_touch, floorRate(L)) × C / 1e36⌉)
///      where
///        - P_touch (WAD) is the one-touch probability of `TouchProbability`;
///        - C = A(locked + payout) − A(locked) is `payout × the average markup` over the utilization the
///          cover itself consumes, from U_before = locked / totalAssets to U_after = (locked + payout) /
///          totalAssets (units: base units × WAD);
///        - A(x) is the area under the kinked markup curve from 0 to x base units of locked capital:
///              m(x) = base + slope·min(x, K)/TA + steepSlope·max(x − K, 0)/TA,   K = ⌊kink·TA/1e18⌋
///              A(x) = base·x + ⌊slope·b²/(2TA)⌋ + ⌊slope·K·a/TA⌋ + ⌊steepSlope·a²/(2TA)⌋
///          with b = min(x, K) and a = x − b (each term rounded down; A is exactly non-decreasing);
///        - floorRate(L) = ⌈minRate × L / 365 days⌉ (WAD): the cost of the capital the cover locks, a yearly
///          rate charged over L, the lock's real length (`chargedLength`: from now to the start of the day
///          the pool releases the lock, claim grace included, and never less than `MIN_CHARGED_LENGTH`).
///      The markup multiplies the whole premium, floor included: capacity costs more as utilization rises
///      whatever the strike, so locking most of a pool is dear even at a strike nobody expects to touch.
///
///      ## Why a minimum charged length (2 days)
///      The pool frees a lock only at a day boundary after `end + claimGrace`, so L runs from ~duration +
///      claimGrace (bought just before a boundary) to a day more. At the shortest terms governance allows
///      (1 hour, 1 hour of grace) L can be ~2 hours: at the lowest minRate (5 %/yr) a 10 USDC budget would
///      then lock a 1,000,000 USDC pool up to its utilization ceiling for the moment a shortfall lands. Charging at least 2 days
///      bounds that attack at every allowed parameter: 10 USDC locks at most
///      10 × 365 / (capital × minRate × 2) = 3.65 % of a 1M pool at the cheapest bounds (1.5 % at the
///      defaults: 10 %/yr, markup ≥ 1.2), so a shortfall right after it takes Junior's share within a few
///      percent of what it would be anyway. Honest buyers barely notice: the floor binds only for strikes
///      far enough that P_touch is below it (2 days at 10 %/yr is 0.055 % of the payout).
///
///      ## Why the average markup over [U_before, U_after] and not markup(U_after)
///      The design asks for `payout × P_touch × markup(U_after)` *and* that splitting a cover into many
///      is never cheaper. Those contradict each other: the pieces of a split are bought one after the
///      other at lower U_after, so each pays a lower markup than the whole. Charging the area under the
///      curve instead makes the touch part additive: the pieces of a split cover consecutive intervals
///      of locked capital, their C telescope to exactly the whole's C (A is one deterministic integer
///      function of x, so this holds bit for bit, not only in real numbers), and ⌈·⌉ of each piece can
///      only add. The rate max(P_touch, floor) is the same for every piece (same strike, term and time).
///      U_after still sets the price: the steep part above the kink is charged for the capital it uses.
///
///      ## Rounding
///      Every step rounds in the pool's favour except A's terms, which round down *consistently* (that
///      is what keeps the split property exact); the final ⌈·⌉ is taken on the product P_touch × C.
///
///      ## Domain (reverts `CoverPricingOutOfDomain` outside it, so nothing overflows)
///      0 < totalAssets < 2^96 (the pool's own bound: it accounts in uint96), locked + payout ≤
///      totalAssets (the cover fits in the pool), 0 < payout, P_touch ≤ 1e18, length ≤ 100 years;
///      pricing fields are uint64. Inside it every product below is < 2^256 (e.g. slope·b² < 2^64·2^192),
///      so plain checked arithmetic computes each term exactly, without 512-bit mulDiv.
library CoverPricing {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant YEAR = 365 days;
    uint256 internal constant MAX_TOTAL_ASSETS = type(uint96).max;
    uint256 internal constant MAX_DURATION = 100 * YEAR;
    uint256 internal constant DAY = 1 days;
    /// @notice The shortest lock a premium is charged for (see the library doc).
    uint256 internal constant MIN_CHARGED_LENGTH = 2 days;

    /// @notice Pricing parameters of a product (all WAD). Governance bounds live in `CoverMarket`.
    /// @param baseMarkup Markup at zero utilization (1.2e18 = premiums are 1.2 × the fair touch price).
    /// @param slope Markup added per unit of utilization below the kink.
    /// @param steepSlope Markup added per unit of utilization above the kink.
    /// @param kink Utilization (WAD) where the steep slope starts.
    /// @param minRate Cost of capital per year: the premium rate is at least minRate × L / year (L: the lock).
    struct Pricing {
        uint64 baseMarkup;
        uint64 slope;
        uint64 steepSlope;
        uint64 kink;
        uint64 minRate;
    }

    /// @notice An input outside the documented domain (see the library doc).
    error CoverPricingOutOfDomain(uint256 payout, uint256 pTouch, uint256 locked, uint256 totalAssets, uint256 duration);

    /// @notice The markup curve at `utilization` (WAD): base + slope·min(u, kink) + steepSlope·max(u − kink, 0),
    ///         each product rounded down. For display; premiums use its area (`markupIntegralDown`).
    /// @dev Domain: utilization < 2^96 (about 8e10 × 100 %).
    function markupDown(uint256 utilization, Pricing memory p) internal pure returns (uint256) {
        if (utilization > MAX_TOTAL_ASSETS) revert CoverPricingOutOfDomain(0, 0, utilization, 0, 0);
        uint256 kink = p.kink;
        if (utilization <= kink) return p.baseMarkup + (uint256(p.slope) * utilization) / WAD;
        return p.baseMarkup + (uint256(p.slope) * kink) / WAD + (uint256(p.steepSlope) * (utilization - kink)) / WAD;
    }

    /// @notice A(x): the area under the markup curve from 0 to `x` base units of locked capital in a pool
    ///         of `totalAssets` (base units × WAD), each term rounded down. Non-decreasing in `x`.
    /// @dev Domain: 0 < totalAssets < 2^96, x ≤ totalAssets. The kink term only exists when K < x ≤ TA.
    function markupIntegralDown(uint256 x, uint256 totalAssets, Pricing memory p) internal pure returns (uint256) {
        if (totalAssets == 0 || totalAssets > MAX_TOTAL_ASSETS || x > totalAssets) {
            revert CoverPricingOutOfDomain(x, 0, 0, totalAssets, 0);
        }
        // Unchecked: inside the domain every product is < 2^256 (see the library doc) and TA > 0.
        unchecked {
            uint256 kinkAssets = (totalAssets * p.kink) / WAD;
            uint256 below = x < kinkAssets ? x : kinkAssets;
            uint256 above = x - below; // > 0 only if kinkAssets < x ≤ totalAssets
            return uint256(p.baseMarkup) * x + (uint256(p.slope) * below * below) / (2 * totalAssets)
                + (uint256(p.slope) * kinkAssets * above) / totalAssets + (uint256(p.steepSlope) * above * above)
                / (2 * totalAssets);
        }
    }

    /// @notice The average markup (WAD) a cover of `payout` pays on top of `locked`, rounded up:
    ///         ⌈(A(locked + payout) − A(locked)) / payout⌉. For display next to the premium.
    function averageMarkupUp(uint256 locked, uint256 payout, uint256 totalAssets, Pricing memory p)
        internal
        pure
        returns (uint256)
    {
        if (payout == 0 || locked > totalAssets || payout > totalAssets - locked) {
            revert CoverPricingOutOfDomain(payout, 0, locked, totalAssets, 0);
        }
        uint256 cost = markupIntegralDown(locked + payout, totalAssets, p) - markupIntegralDown(locked, totalAssets, p);
        return Math.ceilDiv(cost, payout);
    }

    /// @notice The length a cover's lock is charged for: from `now` to the start of the day the pool
    ///         releases it (`releaseDay = (now + duration + claimGrace) / 1 day + 1`), at least
    ///         `MIN_CHARGED_LENGTH` (seconds). Exact, not rounded: the lock lasts until that boundary.
    /// @dev Domain: now ≤ 200 years of unix time, duration and claimGrace ≤ 100 years each (beyond:
    ///      `CoverPricingOutOfDomain(0, 0, claimGrace, now, duration)`).
    function chargedLength(uint256 now_, uint256 duration, uint256 claimGrace) internal pure returns (uint256) {
        if (now_ > MAX_DURATION * 2 || duration > MAX_DURATION || claimGrace > MAX_DURATION) {
            revert CoverPricingOutOfDomain(0, 0, claimGrace, now_, duration);
        }
        unchecked {
            uint256 length = ((now_ + duration + claimGrace) / DAY + 1) * DAY - now_; // > duration + claimGrace
            return length > MIN_CHARGED_LENGTH ? length : MIN_CHARGED_LENGTH;
        }
    }

    /// @notice The cost-of-capital rate for a lock of `length` seconds: ⌈minRate × length / 365 days⌉ (WAD).
    /// @dev Rounded up: the floor favours the pool. Domain: length ≤ 100 years.
    function floorRateUp(uint256 length, Pricing memory p) internal pure returns (uint256) {
        if (length > MAX_DURATION) revert CoverPricingOutOfDomain(0, 0, 0, 0, length);
        unchecked {
            return Math.ceilDiv(uint256(p.minRate) * length, YEAR); // < 2^64 · 2^32
        }
    }

    /// @notice The premium (base units, rounded up, ≤ payout) of a cover paying `payout` with touch
    ///         probability `pTouch` (WAD) whose lock is charged for `length` seconds, bought when `locked` of
    ///         the backing pool's `totalAssets` is already locked. See the library doc for the formula.
    function premiumUp(uint256 payout, uint256 pTouch, uint256 locked, uint256 totalAssets, uint256 length, Pricing memory p)
        internal
        pure
        returns (uint256)
    {
        if (
            payout == 0 || pTouch > WAD || totalAssets == 0 || totalAssets > MAX_TOTAL_ASSETS || locked > totalAssets
                || payout > totalAssets - locked || length > MAX_DURATION
        ) revert CoverPricingOutOfDomain(payout, pTouch, locked, totalAssets, length);
        unchecked {
            // A is non-decreasing, so cost ≥ 0; cost < 2^162 and the rate ≤ max(1e18, 2^64·100) < 2^71:
            // their product cannot wrap.
            uint256 cost = markupIntegralDown(locked + payout, totalAssets, p) - markupIntegralDown(locked, totalAssets, p);
            uint256 rate = floorRateUp(length, p);
            if (pTouch > rate) rate = pTouch;
            // max(P_touch, floor) × payout × average markup, one rounding up at the end (favours the pool).
            uint256 premium = Math.ceilDiv(rate * cost, WAD * WAD);
            return premium < payout ? premium : payout;
        }
    }

    /// @notice The whole quote from market inputs, rounded up: `premiumUp` with P_touch =
    ///         `TouchProbability.touchProbability(spot, strike, sigma, duration)` (the touch counts until the
    ///         cover's end) and the lock charged for `length` (`chargedLength`: until its release).
    /// @dev Reverts as `touchProbability` (its domain) and as `premiumUp`.
    function quoteUp(
        uint256 spot,
        uint256 strike,
        uint256 sigma,
        uint256 duration,
        uint256 length,
        uint256 payout,
        uint256 locked,
        uint256 totalAssets,
        Pricing memory p
    ) internal pure returns (uint256) {
        uint256 pTouch = TouchProbability.touchProbability(spot, strike, sigma, duration);
        return premiumUp(payout, pTouch, locked, totalAssets, length, p);
    }
}
