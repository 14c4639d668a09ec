// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title FixedPointMath
/// @notice Natural logarithm, exponential and square root on 18-decimal fixed-point numbers (WAD).
///         Mirrored bit for bit by `lib/mirror/FixedPointMath.ts`.
/// @dev Written for Backstop (not copied from Solady); it follows the same published idea as Remco
///      Bloemen's / Solady's `lnWad`/`expWad` (range reduction by powers of two, then a short
///      approximation in binary fixed point), but evaluates plain series in Q96 instead of a
///      minimax rational, which makes the error budget easy to state:
///      - `expWad`: x = k·ln2 + r, |r| ≤ ln2/2, e^r by its Taylor series to r^15/15! in Q96
///        (truncation error < 2.2e-21 relative), result = e^r·2^k, rounded down to a wei.
///        Measured: |error| ≤ 1 wei for results ≤ 1e18, relative error < 1e-20 above.
///      - `lnWad`: x = 2^e·m with m ∈ [1/√2, √2), ln m = 2·atanh(s) with s = (m−1)/(m+1), |s| ≤ 0.1716,
///        series to s^29/29 in Q96 (truncation error < 2e-22), minus 18·ln10, rounded to nearest.
///        Measured: |error| ≤ 1 wei over the whole domain.
///      - `sqrtWad`: OpenZeppelin's `Math.sqrt` (exact floor of the integer square root) of x·1e18.
///      Internal arithmetic is `unchecked`; every input is range-checked first so nothing wraps.
library FixedPointMath {
    int256 internal constant WAD = 1e18;

    /// @notice `lnWad` is undefined for x ≤ 0.
    error FixedPointMathLnUndefined(int256 x);
    /// @notice `expWad` would exceed the supported range (x > 135e18, e^135 ≈ 4.3e58).
    error FixedPointMathExpOverflow(int256 x);
    /// @notice `sqrtWad`: x·1e18 does not fit in 256 bits.
    error FixedPointMathSqrtOverflow(uint256 x);

    /// @dev Below ln(1e-18) the exact result is under one wei, so the floor is 0.
    int256 internal constant EXP_MIN_WAD = -41_446_531_673_892_822_313;
    /// @dev Largest accepted exponent: e^135·1e18 ≈ 4.3e76 < 2^255.
    int256 internal constant EXP_MAX_WAD = 135e18;

    int256 internal constant ONE_Q96 = 0x1000000000000000000000000;
    int256 internal constant TWO_Q96 = 0x2000000000000000000000000;
    int256 internal constant LN2_Q96 = 54916777467707473351141471128;
    int256 internal constant INV_LN2_Q96 = 114302077158074026402637675937;
    uint256 internal constant SQRT2_Q96 = 112045541949572279837463876454;
    /// @dev 18·ln(10) in Q96: ln(x/1e18) = ln(x) − 18·ln10.
    int256 internal constant LN_1E18_Q96 = 3283732547111784853622338894909;

    /// @notice e^x for a WAD `x`, as a WAD, rounded down.
    /// @dev Domain x ≤ 135e18 (reverts above); returns 0 for x < ln(1e-18).
    function expWad(int256 x) internal pure returns (int256 r) {
        if (x > EXP_MAX_WAD) revert FixedPointMathExpOverflow(x);
        if (x < EXP_MIN_WAD) return 0;
        unchecked {
            // To Q96 (truncates toward zero, error < 2^-96).
            int256 xq = (x << 96) / WAD;
            // k = round(x / ln2); r = x − k·ln2 ∈ [−ln2/2, ln2/2] (+ a few 2^-96).
            int256 k = (xq * INV_LN2_Q96 + (1 << 191)) >> 192;
            int256 rq = xq - k * LN2_Q96;
            // Taylor series of e^r, Horner form, coefficients 2^96/n!.
            int256 p;
            /// @solidity memory-safe-assembly
            assembly {
                p := 60587073091780857 // 2^96/15!
                p := add(sar(96, mul(p, rq)), 908806096376712848)
                p := add(sar(96, mul(p, rq)), 12723285349273979877)
                p := add(sar(96, mul(p, rq)), 165402709540561738402)
                p := add(sar(96, mul(p, rq)), 1984832514486740860829)
                p := add(sar(96, mul(p, rq)), 21833157659354149469120)
                p := add(sar(96, mul(p, rq)), 218331576593541494691204)
                p := add(sar(96, mul(p, rq)), 1964984189341873452220832)
                p := add(sar(96, mul(p, rq)), 15719873514734987617766657)
                p := add(sar(96, mul(p, rq)), 110039114603144913324366598)
                p := add(sar(96, mul(p, rq)), 660234687618869479946199586)
                p := add(sar(96, mul(p, rq)), 3301173438094347399730997931)
                p := add(sar(96, mul(p, rq)), 13204693752377389598923991723)
                p := add(sar(96, mul(p, rq)), 39614081257132168796771975168)
                p := add(sar(96, mul(p, rq)), 0x1000000000000000000000000)
                p := add(sar(96, mul(p, rq)), 0x1000000000000000000000000)
            }
            // e^x = e^r · 2^k, back to WAD.
            uint256 scaled = uint256(p) * 1e18;
            r = k >= 96 ? int256(scaled << uint256(k - 96)) : int256(scaled >> uint256(96 - k));
        }
    }

    /// @notice ln(x) for a WAD `x` > 0, as a WAD, rounded to nearest (within 1 wei of the exact value;
    ///         exact 0 at x = 1e18).
    function lnWad(int256 x) internal pure returns (int256 r) {
        if (x <= 0) revert FixedPointMathLnUndefined(x);
        unchecked {
            uint256 ux = uint256(x);
            uint256 k = Math.log2(ux);
            // m = x / 2^k in Q96, m ∈ [1, 2).
            uint256 m = k >= 96 ? ux >> (k - 96) : ux << (96 - k);
            int256 e = int256(k);
            int256 s;
            // s = (m' − 1)/(m' + 1) with m' = m or m/2, whichever lies in [1/√2, √2).
            if (m > SQRT2_Q96) {
                e += 1;
                s = ((int256(m) - TWO_Q96) << 96) / (int256(m) + TWO_Q96);
            } else {
                s = ((int256(m) - ONE_Q96) << 96) / (int256(m) + ONE_Q96);
            }
            int256 z = (s * s) >> 96;
            // atanh(s)/s = Σ z^j/(2j+1), Horner form, coefficients 2^96/(2j+1), j = 14..0.
            int256 t;
            /// @solidity memory-safe-assembly
            assembly {
                t := 2732005603940149572191170701 // 2^96/29
                t := add(sar(96, mul(t, z)), 2934376389417197688649775938)
                t := add(sar(96, mul(t, z)), 3169126500570573503741758013)
                t := add(sar(96, mul(t, z)), 3444702718011492938849736971)
                t := add(sar(96, mul(t, z)), 3772769643536397028263997635)
                t := add(sar(96, mul(t, z)), 4169903290224438820712839491)
                t := add(sar(96, mul(t, z)), 4660480147897902211384938255)
                t := add(sar(96, mul(t, z)), 5281877500950955839569596689)
                t := add(sar(96, mul(t, z)), 6094474039558795199503380795)
                t := add(sar(96, mul(t, z)), 7202560228569485235776722758)
                t := add(sar(96, mul(t, z)), 8803129168251593065949327815)
                t := add(sar(96, mul(t, z)), 11318308930609191084791992905)
                t := add(sar(96, mul(t, z)), 15845632502852867518708790067)
                t := add(sar(96, mul(t, z)), 26409387504754779197847983445)
                t := add(sar(96, mul(t, z)), 0x1000000000000000000000000)
            }
            // ln(x/1e18) = e·ln2 + 2·s·t − 18·ln10, in Q96, then to WAD rounded to nearest (half up).
            int256 lnq = e * LN2_Q96 + ((s * t) >> 95) - LN_1E18_Q96;
            r = (lnq * WAD + (1 << 95)) >> 96;
        }
    }

    /// @notice √x for a WAD `x`, as a WAD, rounded down (exact floor of √(x·1e18)).
    /// @dev Domain x ≤ (2^256 − 1)/1e18, reverts above.
    function sqrtWad(uint256 x) internal pure returns (uint256) {
        if (x > type(uint256).max / 1e18) revert FixedPointMathSqrtOverflow(x);
        unchecked {
            return Math.sqrt(x * 1e18);
        }
    }
}
