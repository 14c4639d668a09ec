// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {WaterfallMath} from "../../src/libraries/WaterfallMath.sol";

/// @notice External wrappers around {WaterfallMath} so the TypeScript twin's parity test can call each
///         formula on anvil (one function per library function, same name and argument order).
contract WaterfallMathHarness {
    function windowOf(uint256 t) external pure returns (uint256) {
        return WaterfallMath.windowOf(t);
    }

    function rollWindow(uint256 storedWindow, uint256 prev, uint256 curr, uint256 nowWindow)
        external
        pure
        returns (uint256 prevNow, uint256 currNow)
    {
        return WaterfallMath.rollWindow(storedWindow, prev, curr, nowWindow);
    }

    function layerCapDown(uint256 free, uint256 used, uint256 capBps) external pure returns (uint256) {
        return WaterfallMath.layerCapDown(free, used, capBps);
    }

    function layerAvailableDown(uint256 free, uint256 used, uint256 capBps) external pure returns (uint256) {
        return WaterfallMath.layerAvailableDown(free, used, capBps);
    }

    function allocateShortfall(uint256 amount, uint256 juniorAvailable, uint256 seniorAvailable, uint256 exposureRemaining)
        external
        pure
        returns (uint256 junior, uint256 senior, uint256 recapitalization, uint256 overExposure)
    {
        return WaterfallMath.allocateShortfall(amount, juniorAvailable, seniorAvailable, exposureRemaining);
    }

    function splitFeesSeniorDown(uint256 amount, uint256 seniorWeightBps)
        external
        pure
        returns (uint256 junior, uint256 senior)
    {
        return WaterfallMath.splitFeesSeniorDown(amount, seniorWeightBps);
    }
}
