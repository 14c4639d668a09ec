// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixedPointMath} from "../../src/libraries/FixedPointMath.sol";
import {NormalCdf} from "../../src/libraries/NormalCdf.sol";
import {TouchProbability} from "../../src/libraries/TouchProbability.sol";
import {Ewma} from "../../src/libraries/Ewma.sol";

/// @notice External wrappers around every math library function, for tests and the TS parity suite.
/// @dev The `*Batch` functions evaluate many inputs in one eth_call; `ok[i] == false` marks a revert
///      (the twin must throw for exactly those inputs).
contract MathHarness {
    function expWad(int256 x) external pure returns (int256) {
        return FixedPointMath.expWad(x);
    }

    function lnWad(int256 x) external pure returns (int256) {
        return FixedPointMath.lnWad(x);
    }

    function sqrtWad(uint256 x) external pure returns (uint256) {
        return FixedPointMath.sqrtWad(x);
    }

    function normalCdf(int256 x) external pure returns (uint256) {
        return NormalCdf.normalCdf(x);
    }

    function touchProbability(uint256 spot, uint256 strike, uint256 sigma, uint256 duration) external pure returns (uint256) {
        return TouchProbability.touchProbability(spot, strike, sigma, duration);
    }

    function ewmaUpdate(uint256 variance, int256 lnReturn, uint256 dt) external pure returns (uint256) {
        return Ewma.ewmaUpdate(variance, lnReturn, dt);
    }

    // ---------- batches (one eth_call for many inputs) ----------

    function expWadBatch(int256[] calldata xs) external view returns (bool[] memory ok, int256[] memory out) {
        ok = new bool[](xs.length);
        out = new int256[](xs.length);
        for (uint256 i; i < xs.length; ++i) {
            try this.expWad(xs[i]) returns (int256 r) {
                (ok[i], out[i]) = (true, r);
            } catch {}
        }
    }

    function lnWadBatch(int256[] calldata xs) external view returns (bool[] memory ok, int256[] memory out) {
        ok = new bool[](xs.length);
        out = new int256[](xs.length);
        for (uint256 i; i < xs.length; ++i) {
            try this.lnWad(xs[i]) returns (int256 r) {
                (ok[i], out[i]) = (true, r);
            } catch {}
        }
    }

    function sqrtWadBatch(uint256[] calldata xs) external view returns (bool[] memory ok, uint256[] memory out) {
        ok = new bool[](xs.length);
        out = new uint256[](xs.length);
        for (uint256 i; i < xs.length; ++i) {
            try this.sqrtWad(xs[i]) returns (uint256 r) {
                (ok[i], out[i]) = (true, r);
            } catch {}
        }
    }

    function normalCdfBatch(int256[] calldata xs) external view returns (bool[] memory ok, uint256[] memory out) {
        ok = new bool[](xs.length);
        out = new uint256[](xs.length);
        for (uint256 i; i < xs.length; ++i) {
            try this.normalCdf(xs[i]) returns (uint256 r) {
                (ok[i], out[i]) = (true, r);
            } catch {}
        }
    }

    function touchProbabilityBatch(
        uint256[] calldata spots,
        uint256[] calldata strikes,
        uint256[] calldata sigmas,
        uint256[] calldata durations
    ) external view returns (bool[] memory ok, uint256[] memory out) {
        ok = new bool[](spots.length);
        out = new uint256[](spots.length);
        for (uint256 i; i < spots.length; ++i) {
            try this.touchProbability(spots[i], strikes[i], sigmas[i], durations[i]) returns (uint256 r) {
                (ok[i], out[i]) = (true, r);
            } catch {}
        }
    }

    function ewmaUpdateBatch(uint256[] calldata variances, int256[] calldata lnReturns, uint256[] calldata dts)
        external
        view
        returns (bool[] memory ok, uint256[] memory out)
    {
        ok = new bool[](variances.length);
        out = new uint256[](variances.length);
        for (uint256 i; i < variances.length; ++i) {
            try this.ewmaUpdate(variances[i], lnReturns[i], dts[i]) returns (uint256 r) {
                (ok[i], out[i]) = (true, r);
            } catch {}
        }
    }
}
