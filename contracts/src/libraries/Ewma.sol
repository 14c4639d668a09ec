// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixedPointMath} from "./FixedPointMath.sol";

/// @title Ewma
/// @notice The time-scaled RiskMetrics EWMA of squared log returns, annualised.
///         Mirrored bit for bit by `lib/mirror/Ewma.ts`.
/// @dev For a log return r observed over dt seconds:
///        w        = λ^(dt / 1 day) = exp(ln λ · dt / 86400),  λ = 0.94 per day (RiskMetrics)
///        sample   = r² / (dt / 365 days)        (an annualised variance estimate)
///        variance' = w·variance + (1 − w)·sample
///      Scaling the weight by the elapsed time makes the estimate depend on the price path, not on how
///      often it is sampled: n observations of dt each decay old information exactly like one of n·dt,
///      and as dt → 0, (1 − w)/dt → −ln λ/day stays finite, so frequent tiny returns are not over-weighted.
///      Rounding: the sample and the blend round up (a slightly higher σ favours the pool); the weight
///      rounds down (expWad). Each is ≤ 1 wei, negligible next to σ's clamp.
library Ewma {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant YEAR = 365 days;
    uint256 internal constant DAY = 1 days;
    /// @dev ln(0.94) as a WAD, rounded to nearest.
    int256 internal constant LN_LAMBDA_WAD = -61_875_403_718_087_472;
    /// @dev Bounds that keep every product inside 256 bits.
    uint256 internal constant MAX_VARIANCE = 1e36;
    uint256 internal constant MAX_ABS_RETURN = 1e21;
    uint256 internal constant MAX_DT = 100 * YEAR;

    /// @notice dt must be positive: a return over no time has no variance rate.
    error EwmaZeroInterval();
    /// @notice An input is outside the documented domain (variance ≤ 1e36, |r| ≤ 1000, dt ≤ 100 years).
    error EwmaOutOfDomain(uint256 variance, int256 lnReturn, uint256 dt);

    /// @notice One EWMA step: the new annualised variance (WAD) after a log return `lnReturn` (WAD)
    ///         observed over `dt` seconds.
    function ewmaUpdate(uint256 variance, int256 lnReturn, uint256 dt) internal pure returns (uint256) {
        if (dt == 0) revert EwmaZeroInterval();
        uint256 absReturn = lnReturn < 0 ? uint256(-lnReturn) : uint256(lnReturn);
        if (variance > MAX_VARIANCE || absReturn > MAX_ABS_RETURN || dt > MAX_DT) {
            revert EwmaOutOfDomain(variance, lnReturn, dt);
        }
        unchecked {
            uint256 w = uint256(FixedPointMath.expWad((LN_LAMBDA_WAD * int256(dt)) / int256(DAY)));
            // r²·YEAR/dt, WAD, rounded up.
            uint256 num = absReturn * absReturn * YEAR;
            uint256 den = dt * WAD;
            uint256 sample = (num + den - 1) / den;
            uint256 blended = w * variance + (WAD - w) * sample;
            return (blended + WAD - 1) / WAD;
        }
    }
}
