// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {FixedPointMath} from "./FixedPointMath.sol";
import {NormalCdf} from "./NormalCdf.sol";

/// @title TouchProbability
/// @notice Probability that a driftless geometric Brownian motion touches a strike within a duration.
///         Mirrored bit for bit by `lib/math/touchProbability.ts`.
/// @dev Model: risk-neutral GBM with r = q = 0, so ln S_t = ln S_0 − σ²t/2 + σW_t. With a = |ln(K/S)|,
///      v = σ√T (T in years of 365 days), d₁ = −a/v − v/2 and d₂ = −a/v + v/2, the reflection principle
///      with Girsanov's drift correction (the standard one-touch closed form) gives
///        up   (K > S): P = Φ(d₁) + (S/K)·Φ(d₂)
///        down (K < S): P = Φ(d₂) + (S/K)·Φ(d₁)     (= (S/K)·P_up(a): the two are S-numeraire mirrors)
///      Because the drift is −σ²/2 the factor e^(2μb/σ²) equals S/K exactly, so no `exp` is needed
///      beyond the two inside Φ. We work with ratio = max(S,K)/min(S,K) ≥ 1 (WAD, rounded down) so
///      a = ln(ratio) ≥ 0 loses no precision for any strike distance.
///      Rounding: every step rounds down (toward zero); the total error is dominated by Φ's
///      (≤ 2e-17 each) times at most max(1, S/K) — far inside the 1e-9 goal. Callers that price
///      (CoverMarket) round the premium up afterwards.
library TouchProbability {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant YEAR = 365 days;
    /// @dev Domain bounds: prices up to 2^128, σ up to 10,000 %/yr, durations up to 100 years.
    uint256 internal constant MAX_PRICE = type(uint128).max;
    uint256 internal constant MAX_SIGMA = 100e18;
    uint256 internal constant MAX_DURATION = 100 * YEAR;

    /// @notice An input is outside the documented domain (zero or > 2^128 price, σ > 100e18, T > 100 years).
    error TouchProbabilityOutOfDomain(uint256 spot, uint256 strike, uint256 sigma, uint256 duration);

    /// @notice P(the price touches `strike` within `duration`), as a WAD in [0, 1e18].
    /// @param spot Current price (any fixed unit, same as `strike`), 0 < spot ≤ 2^128.
    /// @param strike Barrier price: below spot is a down barrier, above an up barrier; equal → 1e18.
    /// @param sigma Annualised volatility as a WAD (0.8e18 = 80 %), ≤ 100e18.
    /// @param duration Seconds, ≤ 100 years.
    function touchProbability(uint256 spot, uint256 strike, uint256 sigma, uint256 duration)
        internal
        pure
        returns (uint256 p)
    {
        if (
            spot == 0 || strike == 0 || spot > MAX_PRICE || strike > MAX_PRICE || sigma > MAX_SIGMA
                || duration > MAX_DURATION
        ) revert TouchProbabilityOutOfDomain(spot, strike, sigma, duration);
        if (strike == spot) return WAD;
        unchecked {
            bool up = strike > spot;
            uint256 ratio = up ? (strike * WAD) / spot : (spot * WAD) / strike; // ≥ 1e18
            uint256 a = uint256(FixedPointMath.lnWad(int256(ratio))); // ≥ 0
            // v = σ·√(T/year) as a WAD = √(σ_wad²·T/year): one integer square root of a 36-decimal number,
            // so v keeps ~18 significant digits even for tiny σ√T (1 hour at 5 %: v ≈ 5e-4).
            uint256 v = Math.sqrt((sigma * sigma * duration) / YEAR);
            if (v == 0) return a == 0 ? WAD : 0;
            int256 q = int256((a * WAD) / v);
            int256 h = int256(v / 2);
            uint256 n1 = NormalCdf.normalCdf(-q - h);
            uint256 n2 = NormalCdf.normalCdf(-q + h);
            p = up ? n1 + (n2 * WAD) / ratio : n2 + (n1 * ratio) / WAD;
            if (p > WAD) p = WAD;
        }
    }
}
