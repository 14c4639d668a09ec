// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ICoverPool
/// @notice What `CoverMarket` needs from a backing pool: `BackstopPool`'s market hooks and capital views,
///         same names and selectors (see `BackstopPool` for units, rounding and reverts).
interface ICoverPool {
    /// @notice The pool's stablecoin (premiums and payouts are in it).
    function asset() external view returns (address);

    /// @notice Assets backing the shares, locked capital included, unearned premium excluded.
    function totalAssets() external view returns (uint256);

    /// @notice Capital locked for active covers of every market (after processing expired buckets).
    function lockedAssets() external view returns (uint256);

    /// @notice `totalAssets()`, `lockedAssets()` (one bucket walk) and the utilization ceiling (bps) at once.
    function underwritingCapital() external view returns (uint256 totalAssets, uint256 locked, uint256 maxUtilizationBps);

    /// @notice Whether new risk (deposits, new locks) is paused.
    function paused() external view returns (bool);

    /// @notice Locks `amount` through `until` (inclusive); released at the start of day `until / 86400 + 1`.
    function lockCapital(uint256 amount, uint256 until) external returns (uint256 releaseDay);

    /// @notice Pulls `premium` from the caller and earns it linearly until the day boundary at or after `earnUntil`.
    function receivePremium(uint256 premium, uint256 earnUntil) external;

    /// @notice Books a sale: earns `premium` (already transferred into the pool) and locks `amount` through `until`.
    function underwriteCover(uint256 premium, uint256 earnUntil, uint256 amount, uint256 until)
        external
        returns (uint256 releaseDay);

    /// @notice Pays `amount` to `recipient` out of the caller's lock in bucket `releaseDay`.
    function payClaim(uint256 amount, address recipient, uint256 releaseDay) external;

    /// @notice Pays `amount` to `recipient` from free capital when bucket `releaseDay` already released its lock.
    function payReleasedClaim(uint256 amount, address recipient, uint256 releaseDay) external;

    /// @notice Releases `amount` of the caller's lock in bucket `releaseDay` before the bucket does.
    function releaseCapital(uint256 amount, uint256 releaseDay) external;
}
