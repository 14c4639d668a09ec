// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PerpMath} from "../../src/libraries/PerpMath.sol";

/// @notice External wrappers around {PerpMath} so the TypeScript twin's parity test can call each formula
///         on anvil (one function per library function, same name and argument order).
contract PerpMathHarness {
    function marginFractionUp(uint256 sigma, uint256 k, uint256 horizon, uint256 floor) external pure returns (uint256) {
        return PerpMath.marginFractionUp(sigma, k, horizon, floor);
    }

    function mulBpsUp(uint256 value, uint256 bps) external pure returns (uint256) {
        return PerpMath.mulBpsUp(value, bps);
    }

    function mulBpsDown(uint256 value, uint256 bps) external pure returns (uint256) {
        return PerpMath.mulBpsDown(value, bps);
    }

    function partialTargetFractionUp(uint256 initialFraction, uint256 maintenanceFraction) external pure returns (uint256) {
        return PerpMath.partialTargetFractionUp(initialFraction, maintenanceFraction);
    }

    function notionalUp(uint256 size, uint256 price, uint256 scale) external pure returns (uint256) {
        return PerpMath.notionalUp(size, price, scale);
    }

    function notionalDown(uint256 size, uint256 price, uint256 scale) external pure returns (uint256) {
        return PerpMath.notionalDown(size, price, scale);
    }

    function pnlDown(bool isLong, uint256 size, uint256 entry, uint256 price, uint256 scale) external pure returns (int256) {
        return PerpMath.pnlDown(isLong, size, entry, price, scale);
    }

    function belowMarginFraction(
        bool isLong,
        uint256 size,
        uint256 entry,
        int256 marginNet,
        uint256 price,
        uint256 fraction,
        uint256 scale
    ) external pure returns (bool) {
        return PerpMath.belowMarginFraction(isLong, size, entry, marginNet, price, fraction, scale);
    }

    function liquidationPrice(bool isLong, uint256 size, uint256 entry, int256 marginNet, uint256 fraction, uint256 scale)
        external
        pure
        returns (uint256)
    {
        return PerpMath.liquidationPrice(isLong, size, entry, marginNet, fraction, scale);
    }

    function partialCloseSizeUp(
        bool isLong,
        uint256 size,
        uint256 entry,
        int256 marginNet,
        uint256 price,
        uint256 targetFraction,
        uint256 feeBps,
        uint256 scale
    ) external pure returns (uint256) {
        return PerpMath.partialCloseSizeUp(isLong, size, entry, marginNet, price, targetFraction, feeBps, scale);
    }

    function closeOut(int256 equity, uint256 tradingFee, uint256 liquidatorFee)
        external
        pure
        returns (uint256 toTrader, uint256 tradingFeePaid, uint256 liquidatorFeePaid, uint256 badDebt)
    {
        return PerpMath.closeOut(equity, tradingFee, liquidatorFee);
    }

    function socialLoss(uint256 amount, uint256 openInterest) external pure returns (uint256 indexDelta, uint256 dustScaled) {
        return PerpMath.socialLoss(amount, openInterest);
    }

    function socialLossChargeDown(uint256 size, uint256 index, uint256 snapshot)
        external
        pure
        returns (uint256 charge, uint256 chargeScaled)
    {
        return PerpMath.socialLossChargeDown(size, index, snapshot);
    }

    function splitUnraised(uint256 unraised, uint256 debtOfLongs, uint256 debtOfShorts)
        external
        pure
        returns (uint256 toShorts, uint256 toLongs)
    {
        return PerpMath.splitUnraised(unraised, debtOfLongs, debtOfShorts);
    }
}
