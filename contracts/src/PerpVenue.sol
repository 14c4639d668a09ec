// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Over 400 lines on purpose: one position's lifecycle (open, margin, reduce, close, liquidate) over shared storage;
// the formulas are in libraries/PerpMath.sol, the cold paths in PerpSettlement/PerpLens, NatSpec in IPerpVenue.sol.

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {AggregatorV3Interface} from "./interfaces/AggregatorV3Interface.sol";
import {IVolatilityOracle} from "./interfaces/IVolatilityOracle.sol";
import {ShortfallWaterfall} from "./ShortfallWaterfall.sol";
import {PerpMath} from "./libraries/PerpMath.sol";
import {PerpSettlement} from "./libraries/PerpSettlement.sol";
import {PerpLens} from "./libraries/PerpLens.sol";
import {PerpVenueLayout, PerpSide, PerpBook, PerpPayables, PerpRecap} from "./libraries/PerpVenueLayout.sol";
import {IPerpVenue} from "./interfaces/IPerpVenue.sol";
import {PerpVenueOracle} from "./PerpVenueOracle.sol";

/// @title PerpVenue
/// @notice Backstop's reference perpetuals venue (see `IPerpVenue` for the model, the socialised loss and
///         the oracle rules; `PerpMath` for every formula).
/// @dev Over 400 lines because the money flows of one position (open, reduce, close, liquidate, the bad
///      debt route and the books they move) read best in one place; the oracle reads live in
///      `PerpVenueOracle`, the formulas in `PerpMath`, the documentation on `IPerpVenue`.
///
///      ## Books (every unit of the stablecoin the venue holds is in exactly one)
///      `balanceOf(venue) = totalMargin + house + poolFees + owed + Σ auctions' proceeds not yet synced`
///      (plus any donation, which nothing counts). Each position action moves its margin from
///      `marginBefore (+ marginIn)` to `marginAfter`, pays `tokensOut` (payout, liquidator fee) and a fee
///      whose pools' share goes to `poolFees`; whatever else changed hands is the house's (`_s.book`): a loss
///      the trader paid, a profit it was paid, the house's share of fees, a socialised charge collected.
///      A bad debt is the house's loss, made good by the waterfall's payments, the auction's proceeds and
///      the socialised charges as they are collected.
contract PerpVenue is PerpVenueOracle, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    uint256 internal constant INDEX_SCALE = PerpMath.INDEX_SCALE;

    // ------------------------------------------------------------------ storage

    /// @dev An open or increase, computed and checked before anything is written.
    struct Increase {
        uint256 size;
        uint256 margin;
        uint256 fee;
        uint256 charge;
        int256 realized;
    }

    /// @notice The margin asset (the pools' stablecoin).
    IERC20 public immutable stablecoin;
    /// @notice Where bad debt goes and the pools' fee share is paid (this venue is registered there).
    ShortfallWaterfall public immutable waterfall;
    /// @inheritdoc IPerpVenue
    uint256 public immutable priceScale;
    uint256 internal immutable _oneToken;

    PerpVenueLayout internal _s;

    /// @param oracle_ The volatility oracle; its feed is the market's price feed.
    /// @param owner_ Governance (the TimelockController after deploy).
    /// @param guardian_ May pause opening and increasing at once.
    constructor(
        ShortfallWaterfall waterfall_,
        IVolatilityOracle oracle_,
        address owner_,
        address guardian_,
        AggregatorV3Interface sequencerUptimeFeed_,
        uint256 sequencerGracePeriod_,
        Params memory params_
    ) PerpVenueOracle(oracle_, sequencerUptimeFeed_, sequencerGracePeriod_) Ownable(owner_) {
        if (address(waterfall_) == address(0) || guardian_ == address(0)) revert PerpVenueZeroAddress();
        waterfall = waterfall_;
        stablecoin = waterfall_.asset();
        uint256 stableDecimals = IERC20Metadata(address(stablecoin)).decimals();
        uint256 feedDecimals = feed.decimals();
        // priceScale = 10^(18 + feedDecimals − stableDecimals) must lie in [1, 1e24] (PerpMath's domain).
        if (feedDecimals + 18 < stableDecimals || feedDecimals + 18 - stableDecimals > 24) {
            revert PerpVenueParameterOutOfBounds(Parameter.FeedDecimals, feedDecimals, stableDecimals, stableDecimals + 6);
        }
        priceScale = 10 ** (feedDecimals + 18 - stableDecimals);
        _oneToken = 10 ** stableDecimals;
        _s.control.guardian = guardian_;
        emit GuardianSet(address(0), guardian_);
        _setParams(params_);
    }

    // ================================================================== trading

    /// @inheritdoc IPerpVenue
    function open(bool isLong, uint256 sizeDelta, uint256 marginIn, uint256 acceptablePrice) external nonReentrant {
        if (_s.control.paused) revert PerpVenuePaused();
        if (sizeDelta == 0) revert PerpVenueZeroAmount();
        marginIn = marginIn.toUint96();
        Params memory q = _s.params;
        (uint256 price, uint80 round) = _price(true, q.maxPriceAge);
        if (isLong ? price > acceptablePrice : price < acceptablePrice) revert PerpVenuePriceSlippage(price, acceptablePrice);
        uint256 fraction = PerpMath.marginFractionUp(_sigma(round, q.maxSigmaAge), q.marginK, q.marginHorizon, q.marginFloor);

        Position memory p = _s.positions[msg.sender];
        if (p.size > 0 && p.isLong != isLong) revert PerpVenueSideMismatch(msg.sender, isLong);
        PerpSide memory side = _s.sides[isLong];
        Increase memory c = _increase(p, side, isLong, sizeDelta, marginIn, price, fraction, q);

        _s.positions[msg.sender] = Position({
            size: uint96(c.size),
            entryPrice: uint64(price),
            marginFraction: uint64(fraction),
            isLong: isLong,
            margin: uint96(c.margin),
            socialLossSnapshot: side.socialLossIndex
        });
        _s.sides[isLong].openInterest = uint96(side.openInterest + sizeDelta);
        _books(p.margin, marginIn, c.margin, 0, c.fee);
        emit PositionIncreased(
            msg.sender, isLong, sizeDelta, price, marginIn, c.fee, c.realized, c.charge, c.size, c.margin, fraction
        );
        if (marginIn > 0) stablecoin.safeTransferFrom(msg.sender, address(this), marginIn);
    }

    /// @inheritdoc IPerpVenue
    function addMargin(uint256 amount) external nonReentrant {
        if (amount == 0) revert PerpVenueZeroAmount();
        Position storage p = _existing(msg.sender);
        uint256 margin = uint256(p.margin) + amount;
        p.margin = margin.toUint96();
        _s.book.totalMargin += uint128(amount);
        emit MarginChanged(msg.sender, int256(amount), margin);
        stablecoin.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IPerpVenue
    function removeMargin(uint256 amount) external nonReentrant {
        if (amount == 0) revert PerpVenueZeroAmount();
        Position memory p = _existing(msg.sender);
        if (amount > p.margin) revert PerpVenueInsufficientMargin(amount, p.margin);
        Params memory q = _s.params;
        (uint256 price, uint80 round) = _price(true, q.maxPriceAge);
        uint256 fraction = PerpMath.marginFractionUp(_sigma(round, q.maxSigmaAge), q.marginK, q.marginHorizon, q.marginFloor);
        (uint256 charge,) = PerpMath.socialLossChargeDown(p.size, _s.sides[p.isLong].socialLossIndex, p.socialLossSnapshot);
        uint256 margin = p.margin - amount;
        if (PerpMath.belowMarginFraction(
                p.isLong, p.size, p.entryPrice, int256(margin) - int256(charge), price, fraction, priceScale
            )) {
            revert PerpVenueBelowInitialMargin(margin, _maintenanceUp(p.size, price, fraction));
        }
        _s.positions[msg.sender].margin = uint96(margin);
        _s.book.totalMargin -= uint128(amount);
        emit MarginChanged(msg.sender, -int256(amount), margin);
        stablecoin.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IPerpVenue
    function reduce(uint256 sizeDelta, uint256 acceptablePrice) external nonReentrant {
        if (sizeDelta == 0) revert PerpVenueZeroAmount();
        Position memory p = _existing(msg.sender);
        if (sizeDelta >= p.size) revert PerpVenueSizeTooLarge(sizeDelta, p.size - 1);
        Params memory q = _s.params;
        uint256 price = _exitPrice(p.isLong, acceptablePrice);
        uint256 rest = p.size - sizeDelta;
        uint256 restNotional = PerpMath.notionalDown(rest, price, priceScale);
        if (restNotional < q.minNotional) revert PerpVenueBelowMinNotional(restNotional, q.minNotional);
        uint160 index = _s.sides[p.isLong].socialLossIndex;
        (uint256 charge, int256 realized) = _settle(p, index, sizeDelta, price);
        uint256 fee = PerpMath.mulBpsUp(PerpMath.notionalUp(sizeDelta, price, priceScale), q.tradingFeeBps);
        int256 after_ = int256(uint256(p.margin)) - int256(charge + fee) + realized;
        if (after_ < 0) revert PerpVenueInsufficientMargin(charge + fee, uint256(int256(uint256(p.margin)) + realized));
        _s.positions[msg.sender] =
            Position(uint96(rest), p.entryPrice, p.marginFraction, p.isLong, uint96(uint256(after_)), index);
        _s.sides[p.isLong].openInterest -= uint96(sizeDelta);
        _books(p.margin, 0, uint256(after_), 0, fee);
        emit PositionDecreased(msg.sender, p.isLong, sizeDelta, price, fee, realized, charge, 0, rest, uint256(after_));
    }

    /// @inheritdoc IPerpVenue
    function close(uint256 acceptablePrice) external nonReentrant returns (uint256 payout) {
        Position memory p = _existing(msg.sender);
        uint256 price = _exitPrice(p.isLong, acceptablePrice);
        (uint256 charge, int256 realized) = _settle(p, _s.sides[p.isLong].socialLossIndex, p.size, price);
        int256 equity = int256(uint256(p.margin)) - int256(charge) + realized;
        if (equity < 0) revert PerpVenuePositionBankrupt(equity);
        uint256 fee = PerpMath.mulBpsUp(PerpMath.notionalUp(p.size, price, priceScale), _s.params.tradingFeeBps);
        uint256 feePaid;
        (payout, feePaid,,) = PerpMath.closeOut(equity, fee, 0);
        delete _s.positions[msg.sender];
        _s.sides[p.isLong].openInterest -= p.size;
        _books(p.margin, 0, 0, payout, feePaid);
        emit PositionDecreased(msg.sender, p.isLong, p.size, price, feePaid, realized, charge, payout, 0, 0);
        if (payout > 0) stablecoin.safeTransfer(msg.sender, payout);
    }

    /// @inheritdoc IPerpVenue
    function liquidate(address trader) external nonReentrant returns (uint256 sizeClosed, uint256 liquidatorFee) {
        Position memory p = _existing(trader);
        Params memory q = _s.params;
        (uint256 price,) = _price(true, q.maxPriceAge);
        uint160 index = _s.sides[p.isLong].socialLossIndex;
        (uint256 charge,) = PerpMath.socialLossChargeDown(p.size, index, p.socialLossSnapshot);
        int256 marginNet = int256(uint256(p.margin)) - int256(charge);
        uint256 mmf = PerpMath.mulBpsUp(p.marginFraction, q.maintenanceBps);
        if (!PerpMath.belowMarginFraction(p.isLong, p.size, p.entryPrice, marginNet, price, mmf, priceScale)) {
            revert PerpVenueNotLiquidatable(
                trader,
                marginNet + PerpMath.pnlDown(p.isLong, p.size, p.entryPrice, price, priceScale),
                _maintenanceUp(p.size, price, mmf)
            );
        }
        sizeClosed = p.size;
        if (!PerpMath.belowMarginFraction(
                p.isLong, p.size, p.entryPrice, marginNet, price, PerpMath.mulBpsUp(mmf, q.fullLiquidationBps), priceScale
            )) {
            uint256 part = PerpMath.partialCloseSizeUp(
                p.isLong,
                p.size,
                p.entryPrice,
                marginNet,
                price,
                PerpMath.partialTargetFractionUp(p.marginFraction, mmf),
                q.tradingFeeBps + q.liquidationFeeBps,
                priceScale
            );
            if (part > 0 && part < p.size && PerpMath.notionalDown(p.size - part, price, priceScale) >= q.minNotional) {
                liquidatorFee = _liquidatePart(trader, p, index, part, price, q);
                if (liquidatorFee != type(uint256).max) return (part, liquidatorFee);
            }
        }
        liquidatorFee = _liquidateAll(trader, p, index, price, q);
    }

    /// @inheritdoc IPerpVenue
    function withdrawOwed() external nonReentrant returns (uint256 amount) {
        amount = _s.owed[msg.sender];
        if (amount == 0) revert PerpVenueNothingToDo();
        _s.owed[msg.sender] = 0;
        _s.payables.owed -= uint128(amount);
        emit OwedWithdrawn(msg.sender, amount);
        stablecoin.safeTransfer(msg.sender, amount);
    }

    // ================================================================== keepers

    /// @inheritdoc IPerpVenue
    function distributeFees() external nonReentrant returns (uint256 amount) {
        amount = _s.payables.poolFees;
        if (amount == 0) revert PerpVenueNothingToDo();
        _s.payables.poolFees = 0;
        emit PoolFeesDistributed(amount);
        stablecoin.forceApprove(address(waterfall), amount);
        waterfall.distributeFees(amount);
    }

    /// @inheritdoc IPerpVenue
    function syncRecapitalization(uint256 auctionId) external nonReentrant {
        PerpSettlement.syncRecapitalization(_s, waterfall, auctionId);
    }

    /// @inheritdoc IPerpVenue
    function absorbDeferredBadDebt(bool isLong) external nonReentrant {
        PerpSettlement.absorbDeferred(_s, waterfall, isLong);
    }

    /// @inheritdoc IPerpVenue
    function fundHouse(uint256 amount) external nonReentrant {
        if (amount == 0) revert PerpVenueZeroAmount();
        _s.book.house += amount.toUint128();
        emit HouseFunded(msg.sender, amount);
        stablecoin.safeTransferFrom(msg.sender, address(this), amount);
    }

    // ================================================================== views

    /// @inheritdoc IPerpVenue
    function positionOf(address trader) external view returns (Position memory) {
        return _s.positions[trader];
    }

    /// @inheritdoc IPerpVenue
    function positionState(address trader) external view returns (PositionState memory) {
        (uint256 price,) = _price(false, 0);
        return PerpLens.positionState(_s, trader, price, priceScale);
    }

    /// @inheritdoc IPerpVenue
    function marginFractionNow() external view returns (uint256) {
        Params memory q = _s.params;
        return PerpMath.marginFractionUp(oracle.sigma(), q.marginK, q.marginHorizon, q.marginFloor);
    }

    /// @inheritdoc IPerpVenue
    function sideState(bool isLong) external view returns (uint256, uint256, uint256) {
        PerpSide memory s = _s.sides[isLong];
        return (s.openInterest, s.socialLossIndex, _s.outstandingScaled[isLong]);
    }

    /// @inheritdoc IPerpVenue
    function accounts() external view returns (uint256, uint256, uint256, uint256, uint256, uint256, uint256) {
        PerpBook memory b = _s.book;
        PerpPayables memory y = _s.payables;
        return (b.totalMargin, b.house, y.poolFees, y.owed, _s.deferred[true], _s.deferred[false], _s.socialLossDustScaled);
    }

    /// @inheritdoc IPerpVenue
    function recapitalizationOf(uint256 auctionId) external view returns (uint256, uint256, uint256, bool) {
        PerpRecap memory r = _s.recaps[auctionId];
        return (r.debtOfLongs, r.debtOfShorts, r.credited, r.settled);
    }

    /// @inheritdoc IPerpVenue
    function owedTo(address trader) external view returns (uint256) {
        return _s.owed[trader];
    }

    /// @inheritdoc IPerpVenue
    function params() external view returns (Params memory) {
        return _s.params;
    }

    function guardian() external view returns (address) {
        return _s.control.guardian;
    }

    /// @notice Whether opening and increasing are paused.
    function paused() external view returns (bool) {
        return _s.control.paused;
    }

    // ================================================================== governance

    /// @notice Sets every parameter at once, each within its hard bound (`PerpVenueParameterOutOfBounds`
    ///         names the first one outside). Only the owner (the timelock). Emits `ParamsSet`.
    function setParams(Params calldata params_) external onlyOwner {
        _setParams(params_);
    }

    /// @notice Sets the guardian. Only the owner. Emits `GuardianSet`.
    function setGuardian(address guardian_) external onlyOwner {
        if (guardian_ == address(0)) revert PerpVenueZeroAddress();
        emit GuardianSet(_s.control.guardian, guardian_);
        _s.control.guardian = guardian_;
    }

    /// @notice Pauses opening and increasing (never closing, margin, liquidation). Guardian or owner.
    function pause() external {
        if (msg.sender != _s.control.guardian && msg.sender != owner()) revert PerpVenueNotGuardian(msg.sender);
        _s.control.paused = true;
        emit PauseSet(msg.sender, true);
    }

    /// @notice Resumes opening. Only the owner.
    function unpause() external onlyOwner {
        _s.control.paused = false;
        emit PauseSet(msg.sender, false);
    }

    // ================================================================== internals

    function _existing(address trader) internal view returns (Position storage p) {
        p = _s.positions[trader];
        if (p.size == 0) revert PerpVenueNoPosition(trader);
    }

    /// @dev The latest price for a trader leaving, checked against its slippage limit (a long closes by
    ///      selling: at least `acceptablePrice`; a short at most).
    function _exitPrice(bool isLong, uint256 acceptablePrice) internal view returns (uint256 price) {
        (price,) = _price(false, 0);
        if (isLong ? price < acceptablePrice : price > acceptablePrice) revert PerpVenuePriceSlippage(price, acceptablePrice);
    }

    /// @dev The position after an open or increase of `sizeDelta` at `price` (PnL and charge so far moved into
    ///      the margin, the fee taken from it), with every check of `open` but the price's and σ's.
    function _increase(
        Position memory p,
        PerpSide memory side,
        bool isLong,
        uint256 sizeDelta,
        uint256 marginIn,
        uint256 price,
        uint256 fraction,
        Params memory q
    ) internal returns (Increase memory c) {
        if (p.size > 0) (c.charge, c.realized) = _settle(p, side.socialLossIndex, p.size, price);
        c.size = p.size + sizeDelta;
        c.fee = PerpMath.mulBpsUp(PerpMath.notionalUp(sizeDelta, price, priceScale), q.tradingFeeBps);
        int256 funds = int256(uint256(p.margin) + marginIn) + c.realized;
        if (funds < int256(c.charge + c.fee)) {
            revert PerpVenueInsufficientMargin(c.charge + c.fee, funds < 0 ? 0 : uint256(funds));
        }
        c.margin = uint256(funds) - c.charge - c.fee;
        if (c.margin > type(uint96).max) revert PerpVenueInsufficientMargin(c.margin, type(uint96).max);
        uint256 notional = PerpMath.notionalDown(c.size, price, priceScale);
        if (notional < q.minNotional) revert PerpVenueBelowMinNotional(notional, q.minNotional);
        uint256 sideNotional = PerpMath.notionalUp(side.openInterest + sizeDelta, price, priceScale);
        if (sideNotional > q.maxOpenInterest) revert PerpVenueOpenInterestCap(sideNotional, q.maxOpenInterest);
        if (PerpMath.belowMarginFraction(isLong, c.size, price, int256(c.margin), price, fraction, priceScale)) {
            revert PerpVenueBelowInitialMargin(c.margin, _maintenanceUp(c.size, price, fraction));
        }
    }

    /// @dev Settles the whole position's socialised charge (its side's outstanding and the dust move) and
    ///      returns it with the PnL of `closed` of its size at `price`.
    function _settle(Position memory p, uint160 index, uint256 closed, uint256 price)
        internal
        returns (uint256 charge, int256 realized)
    {
        uint256 chargeScaled;
        (charge, chargeScaled) = PerpMath.socialLossChargeDown(p.size, index, p.socialLossSnapshot);
        _collect(p.isLong, charge, chargeScaled);
        realized = PerpMath.pnlDown(p.isLong, closed, p.entryPrice, price, priceScale);
    }

    /// @dev A collected charge leaves its side's outstanding; its part below a unit is the house's dust.
    function _collect(bool isLong, uint256 charge, uint256 chargeScaled) internal {
        if (chargeScaled == 0) return;
        _s.outstandingScaled[isLong] -= chargeScaled;
        _s.socialLossDustScaled += chargeScaled - charge * INDEX_SCALE;
    }

    /// @dev Partial liquidation of `part`; returns type(uint256).max (changing nothing) when the fees and a
    ///      loss would take the margin below zero, so the caller closes it all instead.
    function _liquidatePart(address trader, Position memory p, uint160 index, uint256 part, uint256 price, Params memory q)
        internal
        returns (uint256)
    {
        Increase memory c; // size: the rest; margin: after; fee: trading fee; charge; realized
        uint256 liquidatorFee;
        (c.fee, liquidatorFee) = _fees(part, price, q);
        uint256 chargeScaled;
        (c.charge, chargeScaled) = PerpMath.socialLossChargeDown(p.size, index, p.socialLossSnapshot);
        c.realized = PerpMath.pnlDown(p.isLong, part, p.entryPrice, price, priceScale);
        int256 after_ = int256(uint256(p.margin)) - int256(c.charge + c.fee + liquidatorFee) + c.realized;
        if (after_ < 0) return type(uint256).max;
        c.margin = uint256(after_);
        c.size = p.size - part;
        _collect(p.isLong, c.charge, chargeScaled);
        _s.positions[trader] = Position(uint96(c.size), p.entryPrice, p.marginFraction, p.isLong, uint96(c.margin), index);
        _s.sides[p.isLong].openInterest -= uint96(part);
        _books(p.margin, 0, c.margin, liquidatorFee, c.fee);
        _emitLiquidated(trader, part, price, c, liquidatorFee, 0, 0);
        if (liquidatorFee > 0) stablecoin.safeTransfer(msg.sender, liquidatorFee);
        return liquidatorFee;
    }

    /// @dev `c` carries the position after (size, margin), the trading fee, the charge and the PnL.
    function _emitLiquidated(
        address trader,
        uint256 sizeClosed,
        uint256 price,
        Increase memory c,
        uint256 liquidatorFee,
        uint256 toTrader,
        uint256 badDebt
    ) internal {
        emit PositionLiquidated(
            trader,
            msg.sender,
            sizeClosed,
            price,
            c.realized,
            c.charge,
            c.fee,
            liquidatorFee,
            toTrader,
            badDebt,
            c.size,
            c.margin
        );
    }

    /// @dev Full liquidation: the equity pays the trading fee, then the liquidator, then is kept for the
    ///      trader; negative equity is routed to the waterfall (`PerpSettlement.route`).
    function _liquidateAll(address trader, Position memory p, uint160 index, uint256 price, Params memory q)
        internal
        returns (uint256)
    {
        Increase memory c; // the position after: size 0, margin 0
        (c.charge, c.realized) = _settle(p, index, p.size, price);
        (uint256 fee, uint256 liquidatorFee) = _fees(p.size, price, q);
        (uint256 toTrader, uint256 feePaid, uint256 liqPaid, uint256 badDebt) =
            PerpMath.closeOut(int256(uint256(p.margin)) - int256(c.charge) + c.realized, fee, liquidatorFee);
        c.fee = feePaid;
        delete _s.positions[trader];
        _s.sides[p.isLong].openInterest -= p.size;
        _books(p.margin, 0, 0, toTrader + liqPaid, feePaid);
        if (toTrader > 0) {
            _s.owed[trader] += toTrader;
            _s.payables.owed += uint128(toTrader);
        }
        _emitLiquidated(trader, p.size, price, c, liqPaid, toTrader, badDebt);
        if (badDebt > 0) _routeBadDebt(trader, p.isLong, badDebt);
        if (liqPaid > 0) stablecoin.safeTransfer(msg.sender, liqPaid);
        return liqPaid;
    }

    /// @dev Reports a bad debt to the waterfall (`PerpSettlement.route`, by DELEGATECALL).
    function _routeBadDebt(address trader, bool isLong, uint256 debt) internal {
        PerpSettlement.route(_s, waterfall, trader, isLong, debt);
    }

    /// @dev The trading fee (up) and the liquidator's fee (down) on closing `size` at `price`.
    function _fees(uint256 size, uint256 price, Params memory q) internal view returns (uint256 fee, uint256 liquidatorFee) {
        uint256 notional = PerpMath.notionalUp(size, price, priceScale);
        fee = PerpMath.mulBpsUp(notional, q.tradingFeeBps);
        liquidatorFee = PerpMath.mulBpsDown(notional, q.liquidationFeeBps);
    }

    /// @dev Moves the books for one position action (see the contract doc): the margin goes from
    ///      `marginBefore + marginIn` to `marginAfter`, `tokensOut` leave it, the fee's pool share goes to
    ///      `poolFees`, and the house takes the difference (reverting if it cannot pay its part).
    function _books(uint256 marginBefore, uint256 marginIn, uint256 marginAfter, uint256 tokensOut, uint256 fee) internal {
        uint256 poolShare = fee == 0 ? 0 : PerpMath.mulBpsUp(fee, _s.params.poolFeeShareBps);
        PerpBook memory b = _s.book;
        uint256 gains = b.house + marginBefore + marginIn;
        uint256 costs = marginAfter + tokensOut + poolShare;
        if (gains < costs) revert PerpVenueHouseInsufficient(costs - marginBefore - marginIn, b.house);
        _s.book = PerpBook(uint128(b.totalMargin + marginAfter - marginBefore), uint128(gains - costs));
        if (poolShare > 0) _s.payables.poolFees += uint128(poolShare);
    }

    /// @dev ⌈fraction × notional⌉ (a requirement, for views and error messages; the tests are exact).
    function _maintenanceUp(uint256 size, uint256 price, uint256 fraction) internal view returns (uint256) {
        return Math.mulDiv(PerpMath.notionalUp(size, price, priceScale), fraction, 1e18, Math.Rounding.Ceil);
    }

    function _setParams(Params memory p) internal {
        PerpLens.checkParams(p, _oneToken);
        _s.params = p;
        emit ParamsSet(p);
    }
}
