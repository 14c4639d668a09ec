// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PerpMath
/// @notice The pure arithmetic of `PerpVenue`: dynamic margin from σ, notional and fees, PnL, the exact
///         margin tests (liquidatable, full liquidation, initial margin), the exact liquidation price, the
///         size a partial liquidation closes, how a closed position's equity is split, and the socialised
///         loss index. Every rounding function names its direction; each function has one TypeScript twin
///         with the same name in `lib/mirror/PerpMath.ts`, checked equal on anvil by its parity test.
///
/// @dev Units. `size` is in base-asset units with 18 decimals (1e18 = one ETH); prices are feed units (an
///      8-decimal Chainlink answer); margins, fees and PnL are stablecoin base units (6 decimals); fractions
///      are WADs (0.05e18 = 5 % of notional). `scale` = 10^(18 + feedDecimals − stableDecimals) converts
///      `size × price` into stablecoin units (1e20 for an 8-decimal feed and USDC).
///
///      Exact tests. Whether a position is below a margin fraction is decided on the exact rational
///      equity, never on rounded pieces: `WAD × (marginNet × scale + dir × size × (price − entry)) <
///      fraction × size × price`. Both sides are linear in the price, so the test is monotone in it and
///      the liquidation price has a closed form: the contract lets a liquidation through at a price
///      exactly when the price is on the liquidation side of `liquidationPrice` (inclusive), to the feed
///      unit. (Rounding the equity and the requirement separately would not be monotone: a floor and a
///      ceiling of two different slopes can cross back and forth over one feed unit.)
///
///      Domain. Sizes fit 96 bits, prices 64 bits (an 8-decimal feed up to 1.8e11 USD), net margins lie in
///      [−2^96, 2^96], fractions in [0, 1e18], `scale` in [1, 1e24], the loss index in 160 bits; every
///      product below then stays under 2^240, so no step can overflow. Outside it, functions revert
///      `PerpMathOutOfDomain`.
library PerpMath {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant BPS = 10_000;
    uint256 internal constant YEAR = 365 days;
    /// @notice Fixed-point scale of the socialised-loss index (stablecoin units per size unit × 1e27).
    uint256 internal constant INDEX_SCALE = 1e27;
    uint256 internal constant MAX_SIZE = type(uint96).max;
    uint256 internal constant MAX_PRICE = type(uint64).max;
    uint256 internal constant MAX_MARGIN = type(uint96).max;
    uint256 internal constant MAX_SCALE = 1e24;
    /// @dev σ up to 10,000 %/yr, the margin multiplier up to 100, the horizon up to a year.
    uint256 internal constant MAX_SIGMA = 100e18;
    uint256 internal constant MAX_K = 100e18;
    uint256 internal constant MAX_HORIZON = YEAR;
    /// @dev A socialised amount or a fee is at most 2^128: more than any stablecoin's supply.
    uint256 internal constant MAX_AMOUNT = type(uint128).max;
    /// @dev The socialised-loss index is stored in 160 bits (reaching 2^160 takes 7e14 USDC spread over
    ///      one size unit), so a charge `size × Δindex` stays below 2^256.
    uint256 internal constant MAX_INDEX = type(uint160).max;

    /// @notice An input is outside the domain stated above: `value` exceeds `max`.
    error PerpMathOutOfDomain(uint256 value, uint256 max);

    // ================================================================== margin fractions

    /// @notice The initial-margin fraction for a volatility `sigma`:
    ///         `min(1, max(floor, ⌈k × ⌈σ × √(horizon / year)⌉⌉))`, a WAD. σ√(h / year) is the standard
    ///         deviation of the log price over the horizon; `k` of them is what a position must hold.
    ///         Both steps round up (the venue asks at least the margin the formula states).
    function marginFractionUp(uint256 sigma, uint256 k, uint256 horizon, uint256 floor)
        internal
        pure
        returns (uint256 fraction)
    {
        _check(sigma, MAX_SIGMA);
        _check(k, MAX_K);
        _check(horizon, MAX_HORIZON);
        _check(floor, WAD);
        uint256 v = Math.sqrt(Math.mulDiv(sigma * sigma, horizon, YEAR, Math.Rounding.Ceil), Math.Rounding.Ceil);
        fraction = Math.mulDiv(k, v, WAD, Math.Rounding.Ceil);
        if (fraction < floor) fraction = floor;
        if (fraction > WAD) fraction = WAD;
    }

    /// @notice `⌈value × bps / 10,000⌉`: a fraction of a fraction (maintenance of initial, the full-
    ///         liquidation threshold of maintenance) or the pools' share of a fee. Up: the venue's
    ///         requirements and the pools' share are never understated.
    function mulBpsUp(uint256 value, uint256 bps) internal pure returns (uint256) {
        _check(value, MAX_AMOUNT);
        _check(bps, BPS);
        return Math.mulDiv(value, bps, BPS, Math.Rounding.Ceil);
    }

    /// @notice `⌊value × bps / 10,000⌋`: the liquidator's fee (down: never more than its rate).
    function mulBpsDown(uint256 value, uint256 bps) internal pure returns (uint256) {
        _check(value, MAX_AMOUNT);
        _check(bps, BPS);
        return (value * bps) / BPS;
    }

    /// @notice The fraction a partial liquidation restores: halfway from maintenance to initial,
    ///         `⌈(initial + maintenance) / 2⌉`. Above maintenance, so a partial liquidation leaves a
    ///         position that the next feed unit cannot make liquidatable again.
    function partialTargetFractionUp(uint256 initialFraction, uint256 maintenanceFraction) internal pure returns (uint256) {
        _check(initialFraction, WAD);
        _check(maintenanceFraction, WAD);
        return (initialFraction + maintenanceFraction + 1) / 2;
    }

    // ================================================================== notional and PnL

    /// @notice `⌈size × price / scale⌉` in stablecoin units: what fees and requirements are charged on.
    function notionalUp(uint256 size, uint256 price, uint256 scale) internal pure returns (uint256) {
        _checkPosition(size, price, scale);
        return Math.mulDiv(size, price, scale, Math.Rounding.Ceil);
    }

    /// @notice `⌊size × price / scale⌋` in stablecoin units: what the minimum size is tested on (down:
    ///         a position must really be worth the minimum).
    function notionalDown(uint256 size, uint256 price, uint256 scale) internal pure returns (uint256) {
        _checkPosition(size, price, scale);
        return (size * price) / scale;
    }

    /// @notice The PnL of `size` opened at `entry`, marked at `price`, rounded toward −∞ (a profit down,
    ///         a loss up: the trader is never credited a fraction the venue does not owe).
    ///         Long: `size × (price − entry) / scale`; short: `size × (entry − price) / scale`.
    function pnlDown(bool isLong, uint256 size, uint256 entry, uint256 price, uint256 scale) internal pure returns (int256) {
        _checkPosition(size, price, scale);
        _check(entry, MAX_PRICE);
        int256 move = isLong ? int256(price) - int256(entry) : int256(entry) - int256(price);
        int256 numerator = int256(size) * move;
        int256 q = numerator / int256(scale); // truncates toward zero
        if (numerator < 0 && q * int256(scale) != numerator) q -= 1;
        return q;
    }

    // ================================================================== exact margin tests

    /// @notice Whether the position's exact equity is below `fraction` of its exact notional at `price`:
    ///         `WAD × (marginNet × scale + dir × size × (price − entry)) < fraction × size × price`.
    ///         With the maintenance fraction: liquidatable. With the full-liquidation fraction: liquidated in
    ///         full. Negated with the initial fraction: the initial-margin test of an open.
    /// @param marginNet The margin less any socialised loss it owes (may be negative).
    function belowMarginFraction(
        bool isLong,
        uint256 size,
        uint256 entry,
        int256 marginNet,
        uint256 price,
        uint256 fraction,
        uint256 scale
    ) internal pure returns (bool) {
        _checkPosition(size, price, scale);
        _check(entry, MAX_PRICE);
        _check(fraction, WAD);
        _checkMargin(marginNet);
        return _equityWad(isLong, size, entry, marginNet, price, scale) < int256(fraction * size * price);
    }

    /// @notice The liquidation price: for a long, the highest price at which `belowMarginFraction(…,
    ///         fraction)` holds (every price at or below it liquidates; 0 if no positive price does); for a
    ///         short, the lowest such price (every price at or above it liquidates). Exact to the feed unit,
    ///         from the closed form of the linear test:
    ///         long:  P × size × (WAD − f) < WAD × (size × entry − marginNet × scale) =: X ⇒ P = ⌊(X − 1) / Y⌋
    ///         short: P × size × (WAD + f) > WAD × (marginNet × scale + size × entry) =: X ⇒ P = ⌊X / Y⌋ + 1
    ///         (a short that is below the fraction at every price returns 1). A long needs f < 1.
    function liquidationPrice(bool isLong, uint256 size, uint256 entry, int256 marginNet, uint256 fraction, uint256 scale)
        internal
        pure
        returns (uint256)
    {
        _checkPosition(size, entry, scale);
        _check(fraction, isLong ? WAD - 1 : WAD);
        _checkMargin(marginNet);
        if (size == 0) revert PerpMathOutOfDomain(0, 0);
        int256 marginScaled = marginNet * int256(scale);
        int256 sizeEntry = int256(size * entry);
        if (isLong) {
            int256 x = int256(WAD) * (sizeEntry - marginScaled);
            if (x <= 0) return 0;
            return (uint256(x) - 1) / (size * (WAD - fraction));
        }
        int256 xs = int256(WAD) * (marginScaled + sizeEntry);
        if (xs < 0) return 1;
        return uint256(xs) / (size * (WAD + fraction)) + 1;
    }

    /// @notice The size a partial liquidation closes, rounded up: the least `Δ` after which the rest is at
    ///         or above `targetFraction` once the closed part has paid `feeBps` (trading and liquidator
    ///         fee together) of its notional, with two stablecoin units to spare for the rounding of the fee
    ///         and of the realised PnL:
    ///         `Δ = ⌈BPS × (target × size × price − WAD × (E − 2 × scale)) / (price × (target × BPS − WAD × feeBps))⌉`
    ///         where E = marginNet × scale + dir × size × (price − entry) is the exact equity. 0 when the
    ///         position is already at the target; may exceed `size` (then the venue closes it all).
    ///         Needs `target × BPS > WAD × feeBps` (the venue's bounds keep the fee below maintenance).
    function partialCloseSizeUp(
        bool isLong,
        uint256 size,
        uint256 entry,
        int256 marginNet,
        uint256 price,
        uint256 targetFraction,
        uint256 feeBps,
        uint256 scale
    ) internal pure returns (uint256) {
        _checkPosition(size, price, scale);
        _check(entry, MAX_PRICE);
        _check(targetFraction, WAD);
        _check(feeBps, BPS);
        _checkMargin(marginNet);
        if (price == 0 || targetFraction * BPS <= WAD * feeBps) revert PerpMathOutOfDomain(WAD * feeBps, targetFraction * BPS);
        int256 equitySafe = _equityWad(isLong, size, entry, marginNet, price, scale) - int256(2 * WAD * scale);
        int256 shortfall = int256(targetFraction * size * price) - equitySafe;
        if (shortfall <= 0) return 0;
        return Math.mulDiv(uint256(shortfall), BPS, price * (targetFraction * BPS - WAD * feeBps), Math.Rounding.Ceil);
    }

    // ================================================================== settlement

    /// @notice How a closed position's equity is paid out: the trading fee first (to the pools and the
    ///         venue), then the liquidator's fee, then the trader; each capped by what is left. Negative
    ///         equity pays nobody and is bad debt. So the liquidator is paid only from the position's own
    ///         equity, and a trader who liquidates itself gets exactly what closing would have paid.
    /// @return toTrader What the trader receives.
    /// @return tradingFeePaid The trading fee actually collected.
    /// @return liquidatorFeePaid The liquidator fee actually paid.
    /// @return badDebt `max(0, −equity)`.
    function closeOut(int256 equity, uint256 tradingFee, uint256 liquidatorFee)
        internal
        pure
        returns (uint256 toTrader, uint256 tradingFeePaid, uint256 liquidatorFeePaid, uint256 badDebt)
    {
        if (equity < -int256(MAX_AMOUNT) || equity > int256(MAX_AMOUNT)) {
            revert PerpMathOutOfDomain(MAX_AMOUNT, MAX_AMOUNT);
        }
        _check(tradingFee, MAX_AMOUNT);
        _check(liquidatorFee, MAX_AMOUNT);
        if (equity < 0) return (0, 0, 0, uint256(-equity));
        uint256 left = uint256(equity);
        tradingFeePaid = tradingFee < left ? tradingFee : left;
        left -= tradingFeePaid;
        liquidatorFeePaid = liquidatorFee < left ? liquidatorFee : left;
        toTrader = left - liquidatorFeePaid;
    }

    // ================================================================== socialised loss

    /// @notice Spreads `amount` over `openInterest` (the charged side's size): the index rises by
    ///         `⌊amount × INDEX_SCALE / openInterest⌋` and each position later owes `size × Δindex /
    ///         INDEX_SCALE`. `dustScaled = amount × INDEX_SCALE − openInterest × indexDelta` (< openInterest,
    ///         i.e. below one stablecoin unit for any open interest under 1e27) is what the index cannot
    ///         carry: the venue books it as its own loss. With no open interest nothing is charged.
    ///         So the positions owe, in all, at most `amount`: never more than the bad debt left.
    function socialLoss(uint256 amount, uint256 openInterest) internal pure returns (uint256 indexDelta, uint256 dustScaled) {
        _check(amount, MAX_AMOUNT);
        _check(openInterest, MAX_SIZE);
        uint256 total = amount * INDEX_SCALE;
        if (openInterest == 0) return (0, total);
        indexDelta = total / openInterest;
        dustScaled = total - indexDelta * openInterest;
    }

    /// @notice What a position of `size` owes for the index's rise since its snapshot, scaled by
    ///         INDEX_SCALE (exact) and in stablecoin units rounded down (what it pays; the remainder below
    ///         a unit is booked as dust). Down: the charges never add up to more than was socialised.
    function socialLossChargeDown(uint256 size, uint256 index, uint256 snapshot)
        internal
        pure
        returns (uint256 charge, uint256 chargeScaled)
    {
        _check(size, MAX_SIZE);
        _check(index, MAX_INDEX);
        if (snapshot > index) revert PerpMathOutOfDomain(snapshot, index);
        chargeScaled = size * (index - snapshot);
        charge = chargeScaled / INDEX_SCALE;
    }

    /// @notice Splits an auction's unraised amount between the sides its debts came from, pro rata: the
    ///         debt of bankrupt longs is charged to shorts and the other way round.
    ///         `toShorts = ⌊unraised × debtOfLongs / (debtOfLongs + debtOfShorts)⌋`, `toLongs` the rest.
    function splitUnraised(uint256 unraised, uint256 debtOfLongs, uint256 debtOfShorts)
        internal
        pure
        returns (uint256 toShorts, uint256 toLongs)
    {
        _check(unraised, MAX_AMOUNT);
        _check(debtOfLongs, MAX_AMOUNT);
        _check(debtOfShorts, MAX_AMOUNT);
        uint256 total = debtOfLongs + debtOfShorts;
        if (unraised > total) revert PerpMathOutOfDomain(unraised, total);
        if (total == 0) return (0, 0);
        toShorts = (unraised * debtOfLongs) / total;
        toLongs = unraised - toShorts;
    }

    // ================================================================== internals

    /// @dev WAD × exact equity in `stablecoin × scale` units: WAD × (marginNet × scale + dir × size × move).
    function _equityWad(bool isLong, uint256 size, uint256 entry, int256 marginNet, uint256 price, uint256 scale)
        private
        pure
        returns (int256)
    {
        int256 move = isLong ? int256(price) - int256(entry) : int256(entry) - int256(price);
        return int256(WAD) * (marginNet * int256(scale) + int256(size) * move);
    }

    function _check(uint256 value, uint256 max) private pure {
        if (value > max) revert PerpMathOutOfDomain(value, max);
    }

    function _checkPosition(uint256 size, uint256 price, uint256 scale) private pure {
        _check(size, MAX_SIZE);
        _check(price, MAX_PRICE);
        if (scale == 0) revert PerpMathOutOfDomain(0, MAX_SCALE);
        _check(scale, MAX_SCALE);
    }

    function _checkMargin(int256 marginNet) private pure {
        if (marginNet > int256(MAX_MARGIN)) revert PerpMathOutOfDomain(uint256(marginNet), MAX_MARGIN);
        if (marginNet < -int256(MAX_MARGIN)) revert PerpMathOutOfDomain(uint256(marginNet), MAX_MARGIN);
    }
}
