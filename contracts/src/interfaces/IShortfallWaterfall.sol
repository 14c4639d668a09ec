// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IRecapitalizer} from "./IRecapitalizer.sol";

/// @title IShortfallWaterfall
/// @notice What a venue, the app and governance call on the ShortfallWaterfall: absorb a shortfall (Junior,
///         then Senior, each within a rolling 24 h cap, then the Recapitalizer's auction, the rest returned to
///         the venue to socialise), distribute venue fees by weight, and the views and bounded parameters
///         behind them. Implemented by `ShortfallWaterfall`, whose functions inherit these docs; the flow a
///         venue must implement is in its contract doc.
interface IShortfallWaterfall {
    /// @notice The two pool layers, in the order they absorb losses.
    enum Layer {
        Junior,
        Senior
    }

    // ------------------------------------------------------------------ errors

    /// @notice `caller` is not a registered venue.
    error ShortfallWaterfallNotVenue(address caller);

    /// @notice The caller is neither the guardian nor the owner.
    error ShortfallWaterfallNotGuardian(address caller);

    /// @notice New venue draws are paused.
    error ShortfallWaterfallPaused();

    /// @notice A zero amount where a positive one is required.
    error ShortfallWaterfallZeroAmount();

    /// @notice A zero address where an account is required.
    error ShortfallWaterfallZeroAddress();

    /// @notice The two layers hold different assets.
    error ShortfallWaterfallAssetMismatch(address juniorAsset, address seniorAsset);

    /// @notice A layer cap outside [min, max] basis points.
    error ShortfallWaterfallLayerCapOutOfBounds(uint256 value, uint256 min, uint256 max);

    /// @notice A fee weight outside [min, max] basis points.
    error ShortfallWaterfallFeeWeightOutOfBounds(uint256 value, uint256 min, uint256 max);

    /// @notice Fee weights that do not sum to 10,000 basis points.
    error ShortfallWaterfallFeeWeightsSum(uint256 juniorBps, uint256 seniorBps);

    /// @notice An exposure cap outside [min, max].
    error ShortfallWaterfallExposureCapOutOfBounds(uint256 value, uint256 min, uint256 max);

    /// @notice The recapitalizer answers to another waterfall or raises another asset.
    error ShortfallWaterfallRecapitalizerMismatch(address recapWaterfall, address recapStablecoin);

    /// @notice The recapitalizer accepted more than it was asked.
    error ShortfallWaterfallRecapitalizerOverAccepted(uint256 asked, uint256 accepted);

    // ------------------------------------------------------------------ events

    /// @notice `venue` reported a shortfall of `amount`: Junior paid `junior`, Senior paid `senior`,
    ///         `recapitalization` is being raised by auction `auctionId` (0 if none) and `remainder` is for
    ///         the venue to socialise now. `junior + senior + recapitalization + remainder == amount`.
    event ShortfallAbsorbed(
        address indexed venue,
        uint256 amount,
        uint256 junior,
        uint256 senior,
        uint256 recapitalization,
        uint256 remainder,
        uint256 indexed auctionId
    );

    /// @notice `venue` paid `amount` of fees: `junior` to Junior, `senior` to Senior (sum == amount).
    event FeesDistributed(address indexed venue, uint256 amount, uint256 junior, uint256 senior);

    /// @notice `venue` registered or re-sized: its exposure cap and the exposure it has used.
    event VenueSet(address indexed venue, uint256 exposureCap, uint256 exposureUsed);

    /// @notice `venue` may no longer draw or pay fees (its used exposure is kept).
    event VenueRemoved(address indexed venue);

    /// @notice `layer`'s cap changed from `previous` to `current` basis points.
    event LayerCapBpsSet(Layer indexed layer, uint256 previous, uint256 current);

    /// @notice Fee weights set: Junior `juniorBps`, Senior `seniorBps`.
    event FeeWeightsSet(uint256 juniorBps, uint256 seniorBps);

    event GuardianSet(address indexed previous, address indexed current);

    event RecapitalizerSet(address indexed previous, address indexed current);

    /// @notice New venue draws paused (`paused`) or resumed by `by`.
    event PauseSet(address indexed by, bool paused);

    // ------------------------------------------------------------------ functions

    /// @notice Covers a shortfall of `amount` for the calling venue: Junior then Senior pay (to the
    ///         caller, in this transaction) within their rolling 24 h caps and the venue's exposure cap;
    ///         the rest goes to the Recapitalizer's auction; what is neither is the `remainder`.
    /// @dev Only a registered venue, not while paused. Reverts `ShortfallWaterfallNotVenue`,
    ///      `ShortfallWaterfallPaused`, `ShortfallWaterfallZeroAmount`. Emits `ShortfallAbsorbed` (and the
    ///      pools' `ShortfallCovered`, the Recapitalizer's `AuctionOpened`/`AuctionToppedUp`).
    /// @return juniorPaid Paid by Junior to the venue now.
    /// @return seniorPaid Paid by Senior to the venue now.
    /// @return recapitalization Being raised by auction; the unraised part is known when it settles.
    /// @return remainder For the venue to socialise now.
    function absorbShortfall(uint256 amount)
        external
        returns (uint256 juniorPaid, uint256 seniorPaid, uint256 recapitalization, uint256 remainder);

    /// @notice Pulls `amount` of the stablecoin from the calling venue and splits it to the layers by
    ///         the fee weights (`WaterfallMath.splitFeesSeniorDown`: dust to Junior, every unit conserved).
    /// @dev Only a registered venue (works while paused). The caller must have approved `amount`.
    ///      Reverts `ShortfallWaterfallNotVenue`, `ShortfallWaterfallZeroAmount`. Emits `FeesDistributed`
    ///      (and the pools' `FeesReceived`).
    function distributeFees(uint256 amount) external returns (uint256 juniorFees, uint256 seniorFees);

    /// @notice The split `absorbShortfall(amount)` from `venue` would return now (ignores pause and
    ///         registration; 0s for an unregistered venue's exposure).
    function previewAbsorbShortfall(address venue_, uint256 amount)
        external
        view
        returns (uint256 juniorPaid, uint256 seniorPaid, uint256 recapitalization, uint256 remainder);

    /// @notice A layer's state for the rolling 24 h cap.
    /// @return free The layer's free capital.
    /// @return used Paid in the rolling window (`prev + curr` after rolling to now).
    /// @return cap `layerCapDown(free, used, capBps)`.
    /// @return available `layerAvailableDown(free, used, capBps)`: what it may still pay now.
    /// @return capBps The layer's cap fraction.
    function layerState(Layer layer)
        external
        view
        returns (uint256 free, uint256 used, uint256 cap, uint256 available, uint256 capBps);

    /// @notice Raw window storage of a layer, for the TypeScript twin (`rollWindow` rolls it).
    function windowState(Layer layer) external view returns (uint256 window, uint256 prev, uint256 curr);

    /// @notice A venue's registration and lifetime exposure.
    function venue(address account) external view returns (bool registered, uint256 exposureCap, uint256 exposureUsed);

    /// @notice A layer's cap fraction in basis points.
    function layerCapBps(Layer layer) external view returns (uint256);

    /// @notice The fee weights in basis points (sum 10,000).
    function feeWeights() external view returns (uint256 juniorBps, uint256 seniorBps);

    function guardian() external view returns (address);

    /// @notice Whether new venue draws are paused.
    function paused() external view returns (bool);

    /// @notice Registers `venue` (or re-sizes it) with a lifetime exposure cap in [1, MAX_EXPOSURE_CAP].
    ///         Its used exposure is kept. Only the owner. Emits `VenueSet`.
    function setVenue(address venue_, uint256 exposureCap) external;

    /// @notice Deregisters `venue` (no more draws or fees); its used exposure is kept. Only the owner.
    function removeVenue(address venue_) external;

    /// @notice Sets `layer`'s cap fraction, within [MIN_LAYER_CAP_BPS, MAX_LAYER_CAP_BPS]. Only the owner.
    function setLayerCapBps(Layer layer, uint256 bps) external;

    /// @notice Sets the fee weights: each within [MIN_FEE_WEIGHT_BPS, MAX_FEE_WEIGHT_BPS], sum 10,000.
    function setFeeWeights(uint256 juniorBps, uint256 seniorBps) external;

    /// @notice Sets the recapitalization layer (zero disables it). It must answer to this waterfall and
    ///         raise this waterfall's asset. Only the owner. Emits `RecapitalizerSet`.
    function setRecapitalizer(IRecapitalizer recapitalizer_) external;

    /// @notice Sets the guardian. Only the owner. Emits `GuardianSet`.
    function setGuardian(address guardian_) external;

    /// @notice Pauses new venue draws (`absorbShortfall` only). Guardian or owner. Emits `PauseSet`.
    function pause() external;

    /// @notice Resumes venue draws. Only the owner. Emits `PauseSet`.
    function unpause() external;
}
