// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PoolMath
/// @notice The pure arithmetic of `BackstopPool`: share conversions (OpenZeppelin ERC-4626's formula
///         with a decimals offset of 12), day buckets, and the linear earning of premiums and fees.
///         Every function names its rounding; each has one TypeScript twin in `lib/` with the same name.
library PoolMath {
    using Math for uint256;

    /// @notice Width of an expiry bucket: rate drops and lock releases take effect at UTC day boundaries.
    uint256 internal constant DAY = 1 days;
    /// @notice Fixed-point scale of the earning rate (asset base units × 1e18 per second).
    uint256 internal constant RATE_SCALE = 1e18;
    /// @notice 10 ** decimalsOffset: the virtual shares of the inflation defence.
    uint256 internal constant VIRTUAL_SHARES = 1e12;

    /// @notice Shares for `assets`, rounded down (deposit, previewDeposit, convertToShares, maxRedeem):
    ///         `assets × (supply + 10^12) / (totalAssets + 1)`. Down favours the pool: the depositor gets
    ///         no fraction of a share the pool did not receive assets for.
    function sharesDown(uint256 assets, uint256 supply, uint256 totalAssets_) internal pure returns (uint256) {
        return Math.mulDiv(assets, supply + VIRTUAL_SHARES, totalAssets_ + 1);
    }

    /// @notice Shares for `assets`, rounded up (withdraw, previewWithdraw): the leaver burns at least
    ///         the value taken, so the pool never pays a fraction of a share for free.
    function sharesUp(uint256 assets, uint256 supply, uint256 totalAssets_) internal pure returns (uint256) {
        return assets.mulDiv(supply + VIRTUAL_SHARES, totalAssets_ + 1, Math.Rounding.Ceil);
    }

    /// @notice Assets for `shares`, rounded down (redeem, previewRedeem, convertToAssets): the leaver
    ///         never receives more than the shares are worth.
    function assetsDown(uint256 shares, uint256 supply, uint256 totalAssets_) internal pure returns (uint256) {
        return Math.mulDiv(shares, totalAssets_ + 1, supply + VIRTUAL_SHARES);
    }

    /// @notice Assets for `shares`, rounded up (mint, previewMint): a minter pays at least the value of
    ///         the shares created.
    function assetsUp(uint256 shares, uint256 supply, uint256 totalAssets_) internal pure returns (uint256) {
        return shares.mulDiv(totalAssets_ + 1, supply + VIRTUAL_SHARES, Math.Rounding.Ceil);
    }

    /// @notice The day bucket a timestamp falls in: `t / 86400`.
    function dayOf(uint256 t) internal pure returns (uint256) {
        return t / DAY;
    }

    /// @notice The day boundary at which a stream ending at `end` stops earning: `ceil(end / 86400)`.
    ///         A stream therefore earns over [start, boundary], at most one day longer than asked
    ///         (slower earning: a just-in-time depositor captures less, never more).
    function earningEndDay(uint256 end) internal pure returns (uint256) {
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
