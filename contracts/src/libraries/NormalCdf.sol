// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixedPointMath} from "./FixedPointMath.sol";

/// @title NormalCdf
/// @notice Φ, the standard normal cumulative distribution function, on WAD fixed point.
///         Mirrored bit for bit by `lib/mirror/NormalCdf.ts`.
/// @dev Method: W. J. Cody's near-minimax rational Chebyshev approximations for the normal
///      integral (Cody 1969, "Rational Chebyshev approximations for the error function", Math. Comp. 23;
///      the ANORM routine of netlib SPECFUN, also the core of R's `pnorm`), with the published
///      double-precision coefficients rounded to the nearest wei:
///      - |x| ≤ 0.66291: Φ(x) = ½ + x·R₁(x²), R₁ a (4,4) rational;
///      - 0.66291 < |x| ≤ √32: Φ(−|x|) = e^(−x²/2)·R₂(|x|), R₂ an (8,8) rational;
///      - √32 < |x| < 9: Φ(−|x|) = e^(−x²/2)/|x| · (1/√(2π) − R₃(1/x²)/x²), R₃ a (5,5) rational;
///      - |x| ≥ 9: Φ(−|x|) < 1.2e-19 < 1 wei, so 0 (and Φ(|x|) = 1e18).
///      Every step is integer WAD arithmetic rounding down (toward zero for signed divisions).
///      Accuracy, measured against 50-digit mpmath on 200,000 points over [−10, 10] and at every
///      segment boundary: |Φ_wad − Φ| ≤ 2e-17 absolute (the requirement is 1e-12).
library NormalCdf {
    uint256 internal constant WAD = 1e18;
    int256 internal constant SMALL_MAX = 662910000000000000; // 0.66291
    uint256 internal constant MEDIUM_MAX = 5656854248000000000; // √32 as ANORM rounds it
    uint256 internal constant TAIL_CUTOFF = 9e18;
    uint256 internal constant SQRPI = 398942280401432678; // 1/√(2π)

    /// @notice Φ(x) for a WAD `x`, as a WAD in [0, 1e18].
    function normalCdf(int256 x) internal pure returns (uint256) {
        unchecked {
            if (x <= -int256(TAIL_CUTOFF)) return 0;
            if (x >= int256(TAIL_CUTOFF)) return WAD;
            if (x >= -SMALL_MAX && x <= SMALL_MAX) {
                int256 xsq = (x * x) / 1e18;
                int256 xnum = (65682337918207449 * xsq) / 1e18;
                int256 xden = xsq;
                // All terms are non-negative here, so unsigned DIV equals Solidity's signed division.
                /// @solidity memory-safe-assembly
                assembly {
                    xnum := div(mul(add(xnum, 2235252035460683929), xsq), 1000000000000000000)
                    xden := div(mul(add(xden, 47202581904688241870), xsq), 1000000000000000000)
                    xnum := div(mul(add(xnum, 161028231068555878810), xsq), 1000000000000000000)
                    xden := div(mul(add(xden, 976098551737776693220), xsq), 1000000000000000000)
                    xnum := div(mul(add(xnum, 1067689485460370958200), xsq), 1000000000000000000)
                    xden := div(mul(add(xden, 10260932208618978205000), xsq), 1000000000000000000)
                }
                int256 temp = (x * (xnum + 18154981253343561249000)) / (xden + 45507789335026729956000);
                return uint256(5e17 + temp);
            }
            uint256 y = x < 0 ? uint256(-x) : uint256(x);
            uint256 lower = lowerTail(y);
            return x < 0 ? lower : WAD - lower;
        }
    }

    /// @notice Φ(−y) for a WAD y with 0.66291 < y < 9 (the caller guarantees the range).
    function lowerTail(uint256 y) internal pure returns (uint256) {
        unchecked {
            return lowerTail(y, uint256(FixedPointMath.expWad(-int256((y * y) / 2e18))));
        }
    }

    /// @notice Φ(−y) for a WAD y with 0.66291 < y < 9, given gauss = e^(−y²/2) as a WAD (lets a caller
    ///         that knows e^(−y²/2) from another exponential skip one `expWad`, as `touchProbability` does).
    function lowerTail(uint256 y, uint256 gauss) internal pure returns (uint256) {
        unchecked {
            uint256 temp;
            if (y <= MEDIUM_MAX) {
                uint256 xnum = (10765576774 * y) / WAD;
                uint256 xden = y;
                /// @solidity memory-safe-assembly
                assembly {
                    xnum := div(mul(add(xnum, 398941512088134668), y), 1000000000000000000)
                    xden := div(mul(add(xden, 22266688044328115691), y), 1000000000000000000)
                    xnum := div(mul(add(xnum, 8883149794388375941), y), 1000000000000000000)
                    xden := div(mul(add(xden, 235387901782624998610), y), 1000000000000000000)
                    xnum := div(mul(add(xnum, 93506656132177855979), y), 1000000000000000000)
                    xden := div(mul(add(xden, 1519377599407554805000), y), 1000000000000000000)
                    xnum := div(mul(add(xnum, 597270276394800262260), y), 1000000000000000000)
                    xden := div(mul(add(xden, 6485558298266760755000), y), 1000000000000000000)
                    xnum := div(mul(add(xnum, 2494537585290372671100), y), 1000000000000000000)
                    xden := div(mul(add(xden, 18615571640885098091000), y), 1000000000000000000)
                    xnum := div(mul(add(xnum, 6848190450536282332600), y), 1000000000000000000)
                    xden := div(mul(add(xden, 34900952721145977266000), y), 1000000000000000000)
                    xnum := div(mul(add(xnum, 11602651437647350124000), y), 1000000000000000000)
                    xden := div(mul(add(xden, 38912003286093271411000), y), 1000000000000000000)
                }
                temp = ((xnum + 9842714838383978021800) * WAD) / (xden + 19685429676859990727000);
            } else {
                uint256 xsq = 1e54 / (y * y);
                uint256 xnum = (23073441764940173 * xsq) / WAD;
                uint256 xden = xsq;
                /// @solidity memory-safe-assembly
                assembly {
                    xnum := div(mul(add(xnum, 215898534057956990), xsq), 1000000000000000000)
                    xden := div(mul(add(xden, 1284260096144911210), xsq), 1000000000000000000)
                    xnum := div(mul(add(xnum, 127401161160247364), xsq), 1000000000000000000)
                    xden := div(mul(add(xden, 468238212480865118), xsq), 1000000000000000000)
                    xnum := div(mul(add(xnum, 22235277870649807), xsq), 1000000000000000000)
                    xden := div(mul(add(xden, 65988137868928552), xsq), 1000000000000000000)
                    xnum := div(mul(add(xnum, 1421619193227893), xsq), 1000000000000000000)
                    xden := div(mul(add(xden, 3782396332027582), xsq), 1000000000000000000)
                }
                temp = (xsq * (xnum + 29112874951169)) / (xden + 72975155508397);
                temp = ((SQRPI - temp) * WAD) / y;
            }
            return (gauss * temp) / WAD;
        }
    }
}
