// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PoolMath
/// @notice The pure arithmetic of `BackstopPool`: share conversions (OpenZeppelin ERC-4626's formula
///         with a decimals offset of 12), the share-price floor, what a redeem-request claim pays (the lower
///         of the shares' value at request and at claim), day buckets, and the linear earning of premiums
///         and fees. Every function that rounds an amount or a time names its direction (`…Down`/`…Up`);
///         `dayOf` and `lockReleaseDay` are day indices by definition (the day a time falls in, the boundary
///         after it), not roundings. Each has one TypeScript twin in `lib/` with the same name.
library PoolMath {
    using Math for uint256;

    /// @notice Width of an expiry bucket: rate drops and lock releases take effect at UTC day boundaries.
    uint256 internal constant DAY = 1 days;
    /// @notice Fixed-point scale of the earning rate (asset base units × 1e18 per second).
    uint256 internal constant RATE_SCALE = 1e18;
    /// @notice 10 ** decimalsOffset: the virtual shares of the inflation defence.
    uint256 internal constant VIRTUAL_SHARES = 1e12;
    /// @notice Most shares per base unit of assets at which a layer still takes deposits: the share-price
    ///         floor. A first deposit mints 10^12 shares per unit, so the floor is 10^-6 of the launch price
    ///         (a layer that lost 99.9999 % is wiped out). It bounds the share supply by 2^96 × 10^18 < 2^157,
    ///         so no conversion of an accountable amount can overflow.
    uint256 internal constant MAX_SHARES_PER_ASSET = 1e18;

    /// @notice Shares for `assets`, rounded down (deposit, previewDeposit, convertToShares, claimSharesDown):
    ///         `assets × (supply + 10^12) / (totalAssets + 1)`. Down favours the pool: the depositor gets
    ///         no fraction of a share the pool did not receive assets for.
    function sharesDown(uint256 assets, uint256 supply, uint256 totalAssets_) internal pure returns (uint256) {
        return Math.mulDiv(assets, supply + VIRTUAL_SHARES, totalAssets_ + 1);
    }

    /// @notice Shares for `assets`, rounded up (a claim's value-now side, `claimSharesUp`): the leaver burns at least
    ///         the value taken, so the pool never pays a fraction of a share for free.
    function sharesUp(uint256 assets, uint256 supply, uint256 totalAssets_) internal pure returns (uint256) {
        return assets.mulDiv(supply + VIRTUAL_SHARES, totalAssets_ + 1, Math.Rounding.Ceil);
    }

    /// @notice Assets for `shares`, rounded down (convertToAssets, a claim's value-now side): the leaver
    ///         never receives more than the shares are worth.
    function assetsDown(uint256 shares, uint256 supply, uint256 totalAssets_) internal pure returns (uint256) {
        return Math.mulDiv(shares, totalAssets_ + 1, supply + VIRTUAL_SHARES);
    }

    /// @notice Assets for `shares`, rounded up (mint, previewMint): a minter pays at least the value of
    ///         the shares created.
    function assetsUp(uint256 shares, uint256 supply, uint256 totalAssets_) internal pure returns (uint256) {
        return shares.mulDiv(totalAssets_ + 1, supply + VIRTUAL_SHARES, Math.Rounding.Ceil);
    }

    /// @notice Whether the share price is below the floor: `supply > (totalAssets + 1) × 10^18 − 10^12`, i.e.
    ///         `(supply + 10^12) / (totalAssets + 1)` shares per unit exceeds `MAX_SHARES_PER_ASSET`. Below it
    ///         a layer takes no deposits or mints: each would mint at a collapsed price, and repeated refills
    ///         of a drained layer would grow the supply until conversions overflow (written without
    ///         `supply + 10^12`, so it cannot overflow for any supply). It reopens by itself once earned
    ///         premiums or fees lift the price back above the floor.
    function belowSharePriceFloor(uint256 supply, uint256 totalAssets_) internal pure returns (bool) {
        return supply > (totalAssets_ + 1) * MAX_SHARES_PER_ASSET - VIRTUAL_SHARES;
    }

    /// @notice Value at request of `shares` out of a request holding `requestShares` that were worth
    ///         `requestAssets` when requested: `requestAssets × shares / requestShares`, rounded down. The
    ///         value at request is attached to the escrowed shares pro rata, so a claim in parts never gets
    ///         more than the whole request would (floors add up to at most the floor of the sum).
    function requestAssetsDown(uint256 shares, uint256 requestShares, uint256 requestAssets) internal pure returns (uint256) {
        return Math.mulDiv(requestAssets, shares, requestShares);
    }

    /// @notice Fewest of a request's shares whose value at request covers `assets`:
    ///         `ceil(assets × requestShares / requestAssets)`; none can when the request was worth nothing
    ///         (`type(uint256).max` for a positive `assets`). Up: the leaver gives up at least what is paid.
    function requestSharesUp(uint256 assets, uint256 requestShares, uint256 requestAssets) internal pure returns (uint256) {
        if (requestAssets == 0) return assets == 0 ? 0 : type(uint256).max;
        return assets.mulDiv(requestShares, requestAssets, Math.Rounding.Ceil);
    }

    /// @notice What a claim of `shares` of a request pays (redeem, previewClaimRedeem, maxWithdraw): the
    ///         lower of their value now (`assetsDown`) and their value at request (`requestAssetsDown`).
    ///         Losses after the request hit it; gains after it stay with the holders who stay.
    function claimAssetsDown(uint256 shares, uint256 requestShares, uint256 requestAssets, uint256 supply, uint256 totalAssets_)
        internal
        pure
        returns (uint256)
    {
        uint256 valueNow = assetsDown(shares, supply, totalAssets_);
        uint256 valueAtRequest = requestAssetsDown(shares, requestShares, requestAssets);
        return valueNow < valueAtRequest ? valueNow : valueAtRequest;
    }

    /// @notice Shares a claim of `assets` burns (withdraw, previewClaimWithdraw): the fewest whose claim
    ///         pays at least `assets`, i.e. the larger of `sharesUp` (value now) and `requestSharesUp` (value
    ///         at request). The request's value at request shrinks by those shares' pro-rata part.
    function claimSharesUp(uint256 assets, uint256 requestShares, uint256 requestAssets, uint256 supply, uint256 totalAssets_)
        internal
        pure
        returns (uint256)
    {
        uint256 byValueNow = sharesUp(assets, supply, totalAssets_);
        uint256 byValueAtRequest = requestSharesUp(assets, requestShares, requestAssets);
        return byValueNow > byValueAtRequest ? byValueNow : byValueAtRequest;
    }

    /// @notice Most shares a claim may burn while paying at most `assets` (maxRedeem, capped by free
    ///         capital): the larger of `sharesDown` (value now) and `floor(assets × requestShares /
    ///         requestAssets)` (value at request) — either keeps the lower of the two values within `assets`.
    ///         Any number when the request was worth nothing (such a claim pays nothing). It may
    ///         underestimate by a share at a rounding edge, as ERC-4626's max* may; it never overestimates.
    function claimSharesDown(uint256 assets, uint256 requestShares, uint256 requestAssets, uint256 supply, uint256 totalAssets_)
        internal
        pure
        returns (uint256)
    {
        if (requestAssets == 0) return type(uint256).max;
        uint256 byValueNow = sharesDown(assets, supply, totalAssets_);
        uint256 byValueAtRequest = Math.mulDiv(assets, requestShares, requestAssets);
        return byValueNow > byValueAtRequest ? byValueNow : byValueAtRequest;
    }

    /// @notice The day bucket a timestamp falls in: `t / 86400`.
    function dayOf(uint256 t) internal pure returns (uint256) {
        return t / DAY;
    }

    /// @notice The day boundary at which a stream ending at `end` stops earning: `ceil(end / 86400)`, up.
    ///         A stream therefore earns over [start, boundary], at most one day longer than asked
    ///         (slower earning: a just-in-time depositor captures less, never more).
    function earningEndDayUp(uint256 end) internal pure returns (uint256) {
        return (end + DAY - 1) / DAY;
    }

    /// @notice The day boundary at which capital locked through `until` is released:
    ///         `floor(until / 86400) + 1`, strictly after `until`, so a claim at `until` still finds
    ///         its lock.
    function lockReleaseDay(uint256 until) internal pure returns (uint256) {
        return until / DAY + 1;
    }

    /// @notice Earning rate for `amount` spread over `duration` seconds, rounded down (scaled by 1e18):
    ///         down means the stream never earns more than `amount` in total.
    function rateDown(uint256 amount, uint256 duration) internal pure returns (uint256) {
        return amount * RATE_SCALE / duration;
    }

    /// @notice Unearned reserve left after earning at `rate` for `elapsed` seconds from `unearned`.
    ///         Earned is rounded down (`rate × elapsed / 1e18`), so the reserve rounds up: nothing is
    ///         credited to holders before it has been earned; the reserve never goes below zero.
    function unearnedUp(uint256 unearned, uint256 rate, uint256 elapsed) internal pure returns (uint256) {
        uint256 earned = rate * elapsed / RATE_SCALE;
        return earned >= unearned ? 0 : unearned - earned;
    }
}
