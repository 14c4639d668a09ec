// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IPerpVenue} from "../interfaces/IPerpVenue.sol";
import {PerpMath} from "./PerpMath.sol";
import {PerpVenueLayout} from "./PerpVenueLayout.sol";

/// @title PerpLens
/// @notice `PerpVenue`'s read-only helpers, out of its bytecode for EIP-170 (external library functions,
///         run by DELEGATECALL on the venue's storage): `positionState` (a position's equity, maintenance
///         and exact liquidation price, from the same `PerpMath` formulas `liquidate` uses) and the hard
///         bounds of every governance parameter (`checkParams`).
library PerpLens {
    // ------------------------------------------------------------------ hard bounds

    uint256 internal constant MIN_MARGIN_FLOOR = 0.02e18; // at most 50× leverage
    uint256 internal constant MAX_MARGIN_FLOOR = 0.5e18;
    uint256 internal constant MIN_MARGIN_K = 0.5e18;
    uint256 internal constant MAX_MARGIN_K = 10e18;
    uint256 internal constant MIN_MARGIN_HORIZON = 1 hours;
    uint256 internal constant MAX_MARGIN_HORIZON = 7 days;
    /// @dev With MIN_MARGIN_FLOOR, maintenance is at least 1 % of notional: above the largest trading plus
    ///      liquidation fee (0.6 %), which a partial liquidation must be able to pay and still restore margin.
    uint256 internal constant MIN_MAINTENANCE_BPS = 5_000;
    uint256 internal constant MAX_MAINTENANCE_BPS = 9_000;
    uint256 internal constant MIN_FULL_LIQUIDATION_BPS = 2_000;
    uint256 internal constant MAX_FULL_LIQUIDATION_BPS = 9_000;
    uint256 internal constant MAX_TRADING_FEE_BPS = 10;
    uint256 internal constant MIN_LIQUIDATION_FEE_BPS = 5;
    uint256 internal constant MAX_LIQUIDATION_FEE_BPS = 50;
    uint256 internal constant MIN_POOL_FEE_SHARE_BPS = 1_000;
    uint256 internal constant MAX_POOL_FEE_SHARE_BPS = 10_000;
    uint256 internal constant MIN_PRICE_AGE = 1 minutes;
    uint256 internal constant MAX_PRICE_AGE = 1 days;
    uint256 internal constant MIN_SIGMA_AGE = 1 minutes;
    uint256 internal constant MAX_SIGMA_AGE = 7 days;
    /// @dev In whole stablecoin tokens: the minimum notional lies in [1, 100,000] tokens.
    uint256 internal constant MAX_MIN_NOTIONAL_TOKENS = 100_000;

    /// @notice `trader`'s position marked at `price` (see `IPerpVenue.PositionState`); all zero without one.
    function positionState(PerpVenueLayout storage v, address trader, uint256 price, uint256 scale)
        external
        view
        returns (IPerpVenue.PositionState memory s)
    {
        IPerpVenue.Position memory p = v.positions[trader];
        if (p.size == 0) return s;
        IPerpVenue.Params memory q = v.params;
        s.price = price;
        (s.socialLossCharge,) = PerpMath.socialLossChargeDown(p.size, v.sides[p.isLong].socialLossIndex, p.socialLossSnapshot);
        int256 marginNet = int256(uint256(p.margin)) - int256(s.socialLossCharge);
        (s.isLong, s.size, s.entryPrice, s.margin, s.marginFraction) =
        (p.isLong, p.size, p.entryPrice, p.margin, p.marginFraction);
        s.pnl = PerpMath.pnlDown(p.isLong, p.size, p.entryPrice, price, scale);
        s.equity = marginNet + s.pnl;
        s.maintenanceFraction = PerpMath.mulBpsUp(p.marginFraction, q.maintenanceBps);
        s.maintenanceMargin =
            Math.mulDiv(PerpMath.notionalUp(p.size, price, scale), s.maintenanceFraction, PerpMath.WAD, Math.Rounding.Ceil);
        s.liquidationPrice = PerpMath.liquidationPrice(p.isLong, p.size, p.entryPrice, marginNet, s.maintenanceFraction, scale);
        s.liquidatable =
            PerpMath.belowMarginFraction(p.isLong, p.size, p.entryPrice, marginNet, price, s.maintenanceFraction, scale);
        s.fullLiquidation = s.liquidatable
            && PerpMath.belowMarginFraction(
                p.isLong,
                p.size,
                p.entryPrice,
                marginNet,
                price,
                PerpMath.mulBpsUp(s.maintenanceFraction, q.fullLiquidationBps),
                scale
            );
    }

    /// @notice Reverts `PerpVenueParameterOutOfBounds` naming the first parameter outside its hard bound.
    /// @param oneToken One whole stablecoin token in base units (the minimum notional's bounds are in tokens).
    function checkParams(IPerpVenue.Params memory p, uint256 oneToken) external pure {
        _bound(IPerpVenue.Parameter.MarginFloor, p.marginFloor, MIN_MARGIN_FLOOR, MAX_MARGIN_FLOOR);
        _bound(IPerpVenue.Parameter.MarginK, p.marginK, MIN_MARGIN_K, MAX_MARGIN_K);
        _bound(IPerpVenue.Parameter.MarginHorizon, p.marginHorizon, MIN_MARGIN_HORIZON, MAX_MARGIN_HORIZON);
        _bound(IPerpVenue.Parameter.MaintenanceBps, p.maintenanceBps, MIN_MAINTENANCE_BPS, MAX_MAINTENANCE_BPS);
        _bound(
            IPerpVenue.Parameter.FullLiquidationBps, p.fullLiquidationBps, MIN_FULL_LIQUIDATION_BPS, MAX_FULL_LIQUIDATION_BPS
        );
        _bound(IPerpVenue.Parameter.TradingFeeBps, p.tradingFeeBps, 0, MAX_TRADING_FEE_BPS);
        _bound(IPerpVenue.Parameter.LiquidationFeeBps, p.liquidationFeeBps, MIN_LIQUIDATION_FEE_BPS, MAX_LIQUIDATION_FEE_BPS);
        _bound(IPerpVenue.Parameter.PoolFeeShareBps, p.poolFeeShareBps, MIN_POOL_FEE_SHARE_BPS, MAX_POOL_FEE_SHARE_BPS);
        _bound(IPerpVenue.Parameter.MaxPriceAge, p.maxPriceAge, MIN_PRICE_AGE, MAX_PRICE_AGE);
        _bound(IPerpVenue.Parameter.MaxSigmaAge, p.maxSigmaAge, MIN_SIGMA_AGE, MAX_SIGMA_AGE);
        _bound(IPerpVenue.Parameter.MinNotional, p.minNotional, oneToken, MAX_MIN_NOTIONAL_TOKENS * oneToken);
        _bound(IPerpVenue.Parameter.MaxOpenInterest, p.maxOpenInterest, oneToken, type(uint96).max);
    }

    function _bound(IPerpVenue.Parameter which, uint256 value, uint256 min, uint256 max) private pure {
        if (value < min || value > max) revert IPerpVenue.PerpVenueParameterOutOfBounds(which, value, min, max);
    }
}
