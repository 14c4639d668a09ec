// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IPerpVenue
/// @notice Backstop's reference perpetuals venue: isolated-margin long and short positions on one
///         Chainlink-style market, margined in the pools' stablecoin, marked at the oracle price. Margin is
///         dynamic (the initial fraction follows the volatility oracle's σ), liquidation is permissionless
///         (partial first, full below a deeper threshold, the liquidator paid only from the position), bad
///         debt goes to Backstop's `ShortfallWaterfall` in the same transaction, and only what Junior,
///         Senior and the recapitalization auction leave is socialised, exactly, over the profitable side.
///
/// @dev ## Who the counterparty is
///      The venue itself (its "house" balance) takes the other side of every trade, as GMX's and
///      Hyperliquid's vaults do: a trader's loss is paid to the house, a profit is paid by it. A bad-debt
///      liquidation is a loss of the house (it received the position's margin, not the whole loss), which
///      Backstop insures: the waterfall's payments and the auction's proceeds go to the house, and what
///      they leave is charged to the positions on the side that gained from the move.
///
///      ## Socialised loss (what "pro rata" means here)
///      An amount `R` left after the waterfall is charged to the side opposite the bankrupt position (the
///      side whose unrealised profit came from the same move), pro rata to size, like Drift's: the side's
///      index rises by `⌊R × 1e27 / openInterest⌋` and each position on that side owes `size × Δindex / 1e27`,
///      rounded down, paid from its equity when it next changes (reduce, close, liquidation, increase). The
///      charges add up to at most `R` (the rest, below one stablecoin unit per charge, is booked as dust to
///      the house: `socialLossDust`). A charge is part of the position's equity from the moment it is
///      applied: it lowers its liquidation price, first out of the unrealised profit and, for a position
///      whose charge exceeds its profit, out of its margin; a charge larger than the whole equity makes the
///      position bankrupt, and its own liquidation reports that debt to the waterfall again. New positions
///      never pay for older debt; a position closed before a charge does not pay it. Nobody is force-closed.
///      `remainder` is socialised in the liquidation's transaction; an auction's `unraised` part when it
///      settles (`syncRecapitalization`), split between the sides its debts came from.
///
///      ## Oracle and outages
///      Prices are the feed's latest round. Opening, increasing, removing margin and liquidating need a
///      fresh round (`maxPriceAge`) and, on L2s, a sequencer that is up and past its grace period; opening
///      also needs σ folded to the latest round (the venue pokes the oracle when it is behind) and no older
///      than `maxSigmaAge`. Closing, reducing and adding margin are never blocked: they take the latest
///      complete round however old. Liquidation waits during an outage, as Aave's PriceOracleSentinel
///      does: traders who could not act are not liquidated at a price they could not answer.
///
///      Funding is not charged (a simplification: the open-interest cap per side bounds the house's skew).
interface IPerpVenue {
    /// @notice The bounded governance parameters (named in `PerpVenueParameterOutOfBounds`).
    enum Parameter {
        MarginFloor,
        MarginK,
        MarginHorizon,
        MaintenanceBps,
        FullLiquidationBps,
        TradingFeeBps,
        LiquidationFeeBps,
        PoolFeeShareBps,
        MaxPriceAge,
        MaxSigmaAge,
        MinNotional,
        MaxOpenInterest,
        SequencerGracePeriod,
        FeedDecimals
    }

    /// @notice Governance parameters (one set; every field within the venue's hard bounds).
    /// @param marginFloor Least initial-margin fraction (WAD).
    /// @param marginK Initial margin in standard deviations of the log price over `marginHorizon` (WAD).
    /// @param marginHorizon Seconds of price moves the initial margin must cover.
    /// @param maintenanceBps Maintenance fraction as a share of the position's initial fraction.
    /// @param fullLiquidationBps Below this share of maintenance, a liquidation closes the whole position.
    /// @param tradingFeeBps Fee on the notional of every open, increase, reduce, close and liquidation.
    /// @param liquidationFeeBps The liquidator's fee on the notional it closes (paid from the position).
    /// @param poolFeeShareBps Share of trading fees sent to the pools through `distributeFees`.
    /// @param maxPriceAge Oldest round that may open, remove margin or liquidate (seconds).
    /// @param maxSigmaAge Oldest σ that may price an initial margin (seconds).
    /// @param minNotional Least notional of a position (stablecoin units), so a liquidation is worth a call.
    /// @param maxOpenInterest Most notional per side at the price now (stablecoin units).
    struct Params {
        uint64 marginFloor;
        uint64 marginK;
        uint32 marginHorizon;
        uint16 maintenanceBps;
        uint16 fullLiquidationBps;
        uint16 tradingFeeBps;
        uint16 liquidationFeeBps;
        uint16 poolFeeShareBps;
        uint32 maxPriceAge;
        uint32 maxSigmaAge;
        uint96 minNotional;
        uint96 maxOpenInterest;
    }

    /// @notice A position as stored (two slots). `entryPrice` is the price of its last increase (an
    ///         increase moves the PnL so far into the margin); `marginFraction` the initial fraction σ gave
    ///         then, which fixes its maintenance; `socialLossSnapshot` the side's index it has paid up to.
    struct Position {
        uint96 size;
        uint64 entryPrice;
        uint64 marginFraction;
        bool isLong;
        uint96 margin;
        uint160 socialLossSnapshot;
    }

    /// @notice A position at the latest price, for apps and keepers (`positionState`).
    /// @param socialLossCharge What it owes the socialised-loss index (already inside `equity`).
    /// @param equity margin − socialLossCharge + pnl, rounded like `pnlDown`.
    /// @param maintenanceMargin ⌈maintenance fraction × notional⌉ at the price.
    /// @param liquidationPrice The price at (and beyond) which `liquidate` passes, exact (`PerpMath`).
    /// @param liquidatable Whether `liquidate` would pass at the price (ignoring the oracle's freshness).
    /// @param fullLiquidation Whether it would close the whole position.
    struct PositionState {
        bool isLong;
        uint256 size;
        uint256 entryPrice;
        uint256 margin;
        uint256 socialLossCharge;
        int256 pnl;
        int256 equity;
        uint256 marginFraction;
        uint256 maintenanceFraction;
        uint256 maintenanceMargin;
        uint256 liquidationPrice;
        bool liquidatable;
        bool fullLiquidation;
        uint256 price;
    }

    // ------------------------------------------------------------------ events

    /// @notice `trader` opened or increased a position by `sizeDelta` at `price`, adding `marginIn` and
    ///         paying `fee`; its PnL so far (`realizedPnl`) and socialised charge moved into the margin.
    ///         The position is now `size` at entry `price` with `margin` and initial fraction `marginFraction`.
    event PositionIncreased(
        address indexed trader,
        bool isLong,
        uint256 sizeDelta,
        uint256 price,
        uint256 marginIn,
        uint256 fee,
        int256 realizedPnl,
        uint256 socialLossCharge,
        uint256 size,
        uint256 margin,
        uint256 marginFraction
    );
    /// @notice `trader` reduced (size > 0 left) or closed (size 0) a position by `sizeDelta` at `price`:
    ///         `realizedPnl` and the socialised charge settled, `fee` paid, `payout` sent to the trader.
    event PositionDecreased(
        address indexed trader,
        bool isLong,
        uint256 sizeDelta,
        uint256 price,
        uint256 fee,
        int256 realizedPnl,
        uint256 socialLossCharge,
        uint256 payout,
        uint256 size,
        uint256 margin
    );
    /// @notice `trader`'s margin moved by `delta`; it is now `margin`.
    event MarginChanged(address indexed trader, int256 delta, uint256 margin);
    /// @notice `liquidator` closed `sizeClosed` of `trader`'s position at `price` (all of it when `size` is
    ///         0: a full liquidation), earning `liquidatorFee`; `tradingFee` went to the pools and the house;
    ///         `toTrader` is kept for the trader (`withdrawOwed`); `badDebt` went to the waterfall (see
    ///         `BadDebtAbsorbed`). The position is now `size` with `margin`.
    event PositionLiquidated(
        address indexed trader,
        address indexed liquidator,
        uint256 sizeClosed,
        uint256 price,
        int256 realizedPnl,
        uint256 socialLossCharge,
        uint256 tradingFee,
        uint256 liquidatorFee,
        uint256 toTrader,
        uint256 badDebt,
        uint256 size,
        uint256 margin
    );
    /// @notice A bad debt of `debt` left by `trader`'s `isLong` position (zero address: a deferred debt
    ///         retried) was reported to the waterfall: Junior paid `junior`, Senior `senior` (both to the
    ///         house now), auction `auctionId` raises `recapitalization`, and `remainder` is socialised now.
    event BadDebtAbsorbed(
        address indexed trader,
        bool isLong,
        uint256 debt,
        uint256 junior,
        uint256 senior,
        uint256 recapitalization,
        uint256 remainder,
        uint256 indexed auctionId
    );
    /// @notice The waterfall refused a bad debt (paused, or the venue unregistered): it waits in
    ///         `deferredBadDebt` until `absorbDeferredBadDebt` succeeds.
    event BadDebtDeferred(address indexed trader, bool isLong, uint256 debt);
    /// @notice `amount` was socialised over the `chargedLongs` side (auction `auctionId`'s unraised part, or
    ///         0 for a liquidation's remainder): each of its positions owes `size × indexDelta / 1e27`; the
    ///         side's open interest was `openInterest`; `dustScaled / 1e27` units the index could not carry
    ///         were booked to the house.
    event SocialLossApplied(
        bool indexed chargedLongs,
        uint256 indexed auctionId,
        uint256 amount,
        uint256 indexDelta,
        uint256 index,
        uint256 openInterest,
        uint256 dustScaled
    );
    /// @notice The venue credited `raised` more of auction `auctionId`'s proceeds to the house; when the
    ///         auction is settled, `unraisedToShorts` and `unraisedToLongs` were socialised.
    event RecapitalizationSynced(
        uint256 indexed auctionId, uint256 raised, bool settled, uint256 unraisedToShorts, uint256 unraisedToLongs
    );
    /// @notice `amount` of the pools' fee share was paid to the waterfall.
    event PoolFeesDistributed(uint256 amount);
    /// @notice `from` added `amount` to the house.
    event HouseFunded(address indexed from, uint256 amount);
    /// @notice `trader` withdrew `amount` left to it by a liquidation.
    event OwedWithdrawn(address indexed trader, uint256 amount);
    event ParamsSet(Params params);
    event GuardianSet(address indexed previous, address indexed current);
    /// @notice New risk (opening, increasing) paused (`paused`) or resumed by `by`.
    event PauseSet(address indexed by, bool paused);

    // ------------------------------------------------------------------ errors

    error PerpVenueZeroAddress();
    error PerpVenueZeroAmount();
    /// @notice A parameter outside its hard bounds.
    error PerpVenueParameterOutOfBounds(Parameter parameter, uint256 value, uint256 min, uint256 max);
    error PerpVenueNotGuardian(address caller);
    /// @notice Opening and increasing are paused by the guardian (closing never is).
    error PerpVenuePaused();
    /// @notice `trader` has no open position.
    error PerpVenueNoPosition(address trader);
    /// @notice `trader` holds a position on the other side: close it first (one position per account).
    error PerpVenueSideMismatch(address trader, bool isLong);
    /// @notice The oracle price `price` is worse than the trader's `acceptablePrice`.
    error PerpVenuePriceSlippage(uint256 price, uint256 acceptablePrice);
    /// @notice The position's notional `notional` would be below the minimum `minNotional`.
    error PerpVenueBelowMinNotional(uint256 notional, uint256 minNotional);
    /// @notice The side's open interest would reach `notional`, above `maxOpenInterest`.
    error PerpVenueOpenInterestCap(uint256 notional, uint256 maxOpenInterest);
    /// @notice The position's margin `margin` is below the initial margin `required` at σ now.
    error PerpVenueBelowInitialMargin(uint256 margin, uint256 required);
    /// @notice The margin would go negative: `available` is less than `needed`.
    error PerpVenueInsufficientMargin(uint256 needed, uint256 available);
    /// @notice `size` exceeds the position's `available` size.
    error PerpVenueSizeTooLarge(uint256 size, uint256 available);
    /// @notice The position's equity `equity` is negative: only a liquidation can close it.
    error PerpVenuePositionBankrupt(int256 equity);
    /// @notice `trader`'s position is at or above maintenance (`equity` ≥ `maintenanceMargin`).
    error PerpVenueNotLiquidatable(address trader, int256 equity, uint256 maintenanceMargin);
    /// @notice The house cannot pay `owed` (it holds `house`).
    error PerpVenueHouseInsufficient(uint256 owed, uint256 house);
    error PerpVenueNonPositivePrice(uint80 roundId, int256 answer);
    error PerpVenueIncompleteRound(uint80 roundId);
    error PerpVenueStalePrice(uint80 roundId, uint256 updatedAt, uint256 maxPriceAge);
    error PerpVenueStaleVolatility(uint256 updatedAt, uint256 maxSigmaAge);
    error PerpVenueSequencerDown(int256 answer);
    error PerpVenueSequencerGracePeriod(uint256 startedAt, uint256 gracePeriod);
    /// @notice Auction `auctionId` holds none of this venue's bad debt, or is already synced to the end.
    error PerpVenueUnknownAuction(uint256 auctionId);
    /// @notice Nothing to withdraw, distribute or retry.
    error PerpVenueNothingToDo();

    // ------------------------------------------------------------------ trading

    /// @notice Opens a position, or increases the caller's position on the same side, by `sizeDelta` at
    ///         the oracle price, pulling `marginIn` of the stablecoin (approve first). The fee is taken from
    ///         the margin; an increase first moves the PnL so far and any socialised charge into the margin
    ///         and re-marks the entry at the price now. Afterwards the margin must be at least the initial
    ///         fraction σ gives now (`marginFractionNow`) of the notional, which fixes the position's
    ///         maintenance fraction.
    /// @dev Needs a fresh price and σ and the sequencer up; not while paused. Reverts `PerpVenuePaused`,
    ///      `PerpVenueZeroAmount`, `PerpVenueSideMismatch`, `PerpVenuePriceSlippage`, `PerpVenueBelowMinNotional`,
    ///      `PerpVenueOpenInterestCap`, `PerpVenueInsufficientMargin`, `PerpVenueBelowInitialMargin`, the oracle
    ///      errors. Emits `PositionIncreased`.
    /// @param acceptablePrice The worst price accepted: a long at most, a short at least this.
    function open(bool isLong, uint256 sizeDelta, uint256 marginIn, uint256 acceptablePrice) external;

    /// @notice Adds `amount` to the caller's margin. Never blocked (no oracle read). Emits `MarginChanged`.
    function addMargin(uint256 amount) external;

    /// @notice Takes `amount` out of the caller's margin, if the equity left is at least the initial
    ///         fraction σ gives now of the notional at the price now.
    /// @dev Needs a fresh price and σ and the sequencer up. Reverts `PerpVenueInsufficientMargin`,
    ///      `PerpVenueBelowInitialMargin`, the oracle errors. Emits `MarginChanged`.
    function removeMargin(uint256 amount) external;

    /// @notice Closes `sizeDelta` of the caller's position at the latest price: its PnL and socialised
    ///         charge settle into the margin and the fee is paid from it; nothing is paid out (`removeMargin`
    ///         or `close` do). The rest must stay above the minimum notional. Never blocked by the oracle's
    ///         age or an outage.
    /// @dev Reverts `PerpVenueNoPosition`, `PerpVenueSizeTooLarge`, `PerpVenueBelowMinNotional`,
    ///      `PerpVenuePriceSlippage`, `PerpVenueInsufficientMargin`, `PerpVenueHouseInsufficient`. Emits
    ///      `PositionDecreased`.
    /// @param acceptablePrice The worst price accepted: a long at least, a short at most this.
    function reduce(uint256 sizeDelta, uint256 acceptablePrice) external;

    /// @notice Closes the caller's whole position at the latest price and pays its equity less the fee.
    ///         Never blocked by the oracle's age or an outage. A position with negative equity can only be
    ///         liquidated (`PerpVenuePositionBankrupt`).
    /// @dev Emits `PositionDecreased`.
    /// @return payout What the caller received.
    function close(uint256 acceptablePrice) external returns (uint256 payout);

    /// @notice Liquidates `trader`'s position when its equity is below maintenance at a fresh price:
    ///         partially (back to halfway between maintenance and initial) unless the equity is below
    ///         `fullLiquidationBps` of maintenance or the rest would be below the minimum notional. The
    ///         caller earns `liquidationFeeBps` of the notional closed, paid only from the position's
    ///         equity after the trading fee; what is left of a full liquidation is kept for the trader
    ///         (`withdrawOwed`); negative equity is bad debt, reported to the waterfall in this call.
    ///         The size is computed here, so no top-up or reduce front-running it makes it revert unless
    ///         the position is then healthy.
    /// @dev Needs a fresh price and the sequencer up (never paused by the guardian). Reverts
    ///      `PerpVenueNoPosition`, `PerpVenueNotLiquidatable`, the oracle errors. Emits `PositionLiquidated`
    ///      and, with bad debt, `BadDebtAbsorbed` (+ `SocialLossApplied`) or `BadDebtDeferred`.
    /// @return sizeClosed The size closed.
    /// @return liquidatorFee What the caller earned.
    function liquidate(address trader) external returns (uint256 sizeClosed, uint256 liquidatorFee);

    /// @notice Pays the caller what liquidations left it. Emits `OwedWithdrawn`.
    function withdrawOwed() external returns (uint256 amount);

    // ------------------------------------------------------------------ keepers

    /// @notice Sends the pools' accrued fee share to `ShortfallWaterfall.distributeFees`. Anyone may call.
    /// @dev Reverts `PerpVenueNothingToDo` when none is accrued. Emits `PoolFeesDistributed`.
    function distributeFees() external returns (uint256 amount);

    /// @notice Credits auction `auctionId`'s proceeds so far to the house and, once it is settled (settling
    ///         it first if it has closed), socialises its unraised part. Anyone may call, any number of times.
    /// @dev Reverts `PerpVenueUnknownAuction`. Emits `RecapitalizationSynced` (+ `SocialLossApplied`).
    function syncRecapitalization(uint256 auctionId) external;

    /// @notice Reports the bad debt the waterfall refused earlier on the `isLong` side, again. Anyone may call.
    /// @dev Reverts `PerpVenueNothingToDo`, or as `absorbShortfall` does. Emits `BadDebtAbsorbed`.
    function absorbDeferredBadDebt(bool isLong) external;

    /// @notice Adds `amount` to the house (the venue's counterparty balance). Anyone may. Emits `HouseFunded`.
    function fundHouse(uint256 amount) external;

    // ------------------------------------------------------------------ views

    /// @notice The stored position of `trader`.
    function positionOf(address trader) external view returns (Position memory);

    /// @notice `trader`'s position at the feed's latest price (see `PositionState`).
    function positionState(address trader) external view returns (PositionState memory);

    /// @notice The initial-margin fraction σ gives now (`PerpMath.marginFractionUp`), a WAD.
    function marginFractionNow() external view returns (uint256);

    /// @notice One side: its open interest (size), its socialised-loss index and what its open positions
    ///         still owe to it (exact, × 1e27).
    function sideState(bool isLong)
        external
        view
        returns (uint256 openInterest, uint256 socialLossIndex, uint256 socialLossOutstandingScaled);

    /// @notice Where the venue's stablecoin is: margins, the house, the pools' fee share not yet paid,
    ///         what liquidations left traders, bad debt the waterfall refused per side, and the socialised
    ///         loss the index could not carry (× 1e27, booked to the house).
    function accounts()
        external
        view
        returns (
            uint256 totalMargin,
            uint256 house,
            uint256 poolFees,
            uint256 owed,
            uint256 deferredLong,
            uint256 deferredShort,
            uint256 socialLossDustScaled
        );

    /// @notice What liquidations left `trader` to withdraw.
    function owedTo(address trader) external view returns (uint256);

    /// @notice An auction's bad debt by side and the proceeds already credited.
    function recapitalizationOf(uint256 auctionId)
        external
        view
        returns (uint256 debtOfLongs, uint256 debtOfShorts, uint256 credited, bool settled);

    function params() external view returns (Params memory);

    /// @notice `size × price / priceScale` is a notional in stablecoin units.
    function priceScale() external view returns (uint256);
}
