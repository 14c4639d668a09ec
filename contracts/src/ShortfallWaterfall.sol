// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IShortfallLayer} from "./interfaces/IShortfallLayer.sol";
import {WaterfallMath} from "./libraries/WaterfallMath.sol";

/// @title IRecapitalizer
/// @notice What the waterfall needs from the recapitalization layer (implemented by `Recapitalizer`).
interface IRecapitalizer {
    /// @notice The waterfall allowed to open auctions.
    function waterfall() external view returns (address);

    /// @notice The stablecoin the auctions raise.
    function stablecoin() external view returns (address);

    /// @notice Asks the auction to raise `amount` for `venue`. Only the waterfall.
    /// @return auctionId The auction (new, or the venue's open one topped up); 0 if nothing accepted.
    /// @return accepted The part of `amount` the auction will try to raise (`amount` or 0).
    function openAuction(address venue, uint256 amount) external returns (uint256 auctionId, uint256 accepted);

    /// @notice What `openAuction(venue, amount)` would accept now.
    function previewOpenAuction(address venue, uint256 amount) external view returns (uint256 accepted);
}

/// @title ShortfallWaterfall
/// @notice Routes a venue's liquidation shortfall (bad debt) through Backstop's layers: Junior's free
///         capital first, then Senior's, each bounded by a cap per rolling 24 h; what both cannot pay goes
///         to the `Recapitalizer` (a Dutch auction of new BKS), and the rest is returned to the venue to
///         socialise (auto-deleverage). Also splits venue fees to the layers by governance weights.
///
/// @dev ## Flow of a shortfall (what a venue must implement)
///      1. The venue calls `absorbShortfall(amount)` and receives, in the same transaction, `junior + senior`
///         of the stablecoin. The call returns (and `ShortfallAbsorbed` emits) the exact split
///         `junior + senior + recapitalization + remainder == amount`.
///      2. `remainder` (beyond the venue's exposure cap, or refused by the Recapitalizer) is to be
///         socialised by the venue now.
///      3. `recapitalization` is being raised by auction `auctionId`: buyers' stablecoin goes straight to
///         the venue as they buy. When the auction settles (filled, mint cap reached, or expired and then
///         `Recapitalizer.settle(auctionId)` called by anyone — typically the venue, which gets the value
///         returned), `AuctionSettled.unraised` is the amount the venue socialises for it.
///      So the venue socialises exactly `remainder + unraised`, and
///      `amount = junior + senior + raised + remainder + unraised` to the unit.
///      If the venue already has an open auction, its shortfall tops that auction up (same price curve,
///      same mint cap: the mint cap is per event) instead of opening another. Whatever the number of
///      venues, re-reports and auctions, all buys share the Recapitalizer's rolling 24 h mint budget.
///
///      ## Caps
///      - Layer cap: `WaterfallMath.layerAvailable` over a two-bucket, conservative rolling 24 h window
///        (see {WaterfallMath} for why it cannot be gamed). Shared by all venues: it protects the layer.
///      - Venue exposure cap: LIFETIME. `exposureUsed` grows by `junior + senior + recapitalization` of
///        every absorbed shortfall and never decreases (a shortfall payment is a loss, not a loan, so
///        there is nothing to repay, and an auction that raises less than asked does not refund it —
///        conservative). Governance re-sizes a venue by raising `exposureCap`. A shortfall beyond the
///        remaining exposure is returned in `remainder` without touching the pools or the auction.
///
///      ## Governance
///      `owner` (Ownable2Step; a TimelockController on public chains) registers venues and sets the layer
///      caps and fee weights, each inside the hard bounds declared as constants. The guardian (or owner)
///      may pause new venue draws (`absorbShortfall`) and nothing else: fees, auctions and settlements keep
///      working. Only the owner unpauses.
contract ShortfallWaterfall is Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice The two pool layers, in the order they absorb losses.
    enum Layer {
        Junior,
        Senior
    }

    // ------------------------------------------------------------------ constants (hard bounds)

    /// @notice Smallest layer cap: 1 % of free capital per rolling 24 h.
    uint256 public constant MIN_LAYER_CAP_BPS = 100;
    /// @notice Largest layer cap: 50 % of free capital per rolling 24 h.
    uint256 public constant MAX_LAYER_CAP_BPS = 5_000;
    uint256 public constant DEFAULT_JUNIOR_CAP_BPS = 5_000;
    uint256 public constant DEFAULT_SENIOR_CAP_BPS = 2_500;
    /// @notice Each layer's fee weight lies in [MIN_FEE_WEIGHT_BPS, MAX_FEE_WEIGHT_BPS]; they sum to 10,000.
    uint256 public constant MIN_FEE_WEIGHT_BPS = 1_000;
    uint256 public constant MAX_FEE_WEIGHT_BPS = 9_000;
    uint256 public constant DEFAULT_SENIOR_FEE_BPS = 3_000;
    /// @notice Largest venue exposure cap (fits the packed storage; far above any real pool).
    uint256 public constant MAX_EXPOSURE_CAP = type(uint96).max;

    // ------------------------------------------------------------------ storage

    struct Window {
        uint40 window; // aligned window (t / 86400) the buckets were written in
        uint96 prev; // paid in window − 1
        uint96 curr; // paid in window
    }

    struct Params {
        address guardian;
        uint16 juniorCapBps;
        uint16 seniorCapBps;
        uint16 seniorFeeBps; // junior's weight is 10,000 − this
        bool paused;
    }

    struct Venue {
        bool registered;
        uint96 exposureCap;
        uint96 exposureUsed; // lifetime, see the contract doc
    }

    /// @notice The first-loss layer.
    IShortfallLayer public immutable junior;
    /// @notice The excess layer.
    IShortfallLayer public immutable senior;
    /// @notice The stablecoin both layers hold.
    IERC20 public immutable asset;

    Params private _params;
    /// @notice The recapitalization layer (zero: none; the uncovered rest is all remainder).
    IRecapitalizer public recapitalizer;
    mapping(Layer => Window) private _windows;
    mapping(address venue => Venue) private _venues;

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

    // ------------------------------------------------------------------ construction

    /// @param junior_ The first-loss layer (a BackstopPool).
    /// @param senior_ The excess layer (a BackstopPool on the same asset).
    /// @param owner_ Governance (a timelock on public chains).
    /// @param guardian_ May pause new venue draws.
    constructor(IShortfallLayer junior_, IShortfallLayer senior_, address owner_, address guardian_)
        Ownable(owner_)
    {
        if (address(junior_) == address(0) || address(senior_) == address(0) || guardian_ == address(0)) {
            revert ShortfallWaterfallZeroAddress();
        }
        address a = junior_.asset();
        if (a != senior_.asset()) revert ShortfallWaterfallAssetMismatch(a, senior_.asset());
        junior = junior_;
        senior = senior_;
        asset = IERC20(a);
        _params = Params({
            guardian: guardian_,
            juniorCapBps: uint16(DEFAULT_JUNIOR_CAP_BPS),
            seniorCapBps: uint16(DEFAULT_SENIOR_CAP_BPS),
            seniorFeeBps: uint16(DEFAULT_SENIOR_FEE_BPS),
            paused: false
        });
        emit GuardianSet(address(0), guardian_);
        emit LayerCapBpsSet(Layer.Junior, 0, DEFAULT_JUNIOR_CAP_BPS);
        emit LayerCapBpsSet(Layer.Senior, 0, DEFAULT_SENIOR_CAP_BPS);
        emit FeeWeightsSet(WaterfallMath.BPS - DEFAULT_SENIOR_FEE_BPS, DEFAULT_SENIOR_FEE_BPS);
    }

    // ================================================================== venue entry points

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
        nonReentrant
        returns (uint256 juniorPaid, uint256 seniorPaid, uint256 recapitalization, uint256 remainder)
    {
        Venue memory v = _venues[msg.sender];
        if (!v.registered) revert ShortfallWaterfallNotVenue(msg.sender);
        if (_params.paused) revert ShortfallWaterfallPaused();
        if (amount == 0) revert ShortfallWaterfallZeroAmount();

        uint256 recapAsk;
        uint256 overExposure;
        (juniorPaid, seniorPaid, recapAsk, overExposure) = _allocateAndRecord(amount, _exposureRemaining(v));

        // The Recapitalizer is governance-set and moves no tokens here (it records the auction); this
        // function is nonReentrant and nothing else writes `_venues[msg.sender]` but the owner.
        uint256 auctionId;
        IRecapitalizer recap = recapitalizer;
        if (recapAsk > 0 && address(recap) != address(0)) {
            (auctionId, recapitalization) = recap.openAuction(msg.sender, recapAsk);
            if (recapitalization > recapAsk) revert ShortfallWaterfallRecapitalizerOverAccepted(recapAsk, recapitalization);
        }
        remainder = overExposure + (recapAsk - recapitalization);
        _venues[msg.sender].exposureUsed = uint96(v.exposureUsed + juniorPaid + seniorPaid + recapitalization);

        // Interactions: the layers pay the venue (each reverts if asked beyond its free capital).
        if (juniorPaid > 0) junior.coverShortfall(juniorPaid, msg.sender);
        if (seniorPaid > 0) senior.coverShortfall(seniorPaid, msg.sender);

        emit ShortfallAbsorbed(msg.sender, amount, juniorPaid, seniorPaid, recapitalization, remainder, auctionId);
    }

    /// @notice Pulls `amount` of the stablecoin from the calling venue and splits it to the layers by
    ///         the fee weights (`WaterfallMath.splitFees`: dust to Junior, every unit conserved).
    /// @dev Only a registered venue (works while paused). The caller must have approved `amount`.
    ///      Reverts `ShortfallWaterfallNotVenue`, `ShortfallWaterfallZeroAmount`. Emits `FeesDistributed`
    ///      (and the pools' `FeesReceived`).
    function distributeFees(uint256 amount) external nonReentrant returns (uint256 juniorFees, uint256 seniorFees) {
        if (!_venues[msg.sender].registered) revert ShortfallWaterfallNotVenue(msg.sender);
        if (amount == 0) revert ShortfallWaterfallZeroAmount();
        (juniorFees, seniorFees) = WaterfallMath.splitFees(amount, _params.seniorFeeBps);
        emit FeesDistributed(msg.sender, amount, juniorFees, seniorFees);
        asset.safeTransferFrom(msg.sender, address(this), amount);
        if (juniorFees > 0) {
            asset.forceApprove(address(junior), juniorFees);
            junior.receiveFees(juniorFees);
        }
        if (seniorFees > 0) {
            asset.forceApprove(address(senior), seniorFees);
            senior.receiveFees(seniorFees);
        }
    }

    // ================================================================== views

    /// @notice The split `absorbShortfall(amount)` from `venue` would return now (ignores pause and
    ///         registration; 0s for an unregistered venue's exposure).
    function previewAbsorbShortfall(address venue_, uint256 amount)
        external
        view
        returns (uint256 juniorPaid, uint256 seniorPaid, uint256 recapitalization, uint256 remainder)
    {
        uint256 recapAsk;
        uint256 overExposure;
        (juniorPaid, seniorPaid, recapAsk, overExposure) = WaterfallMath.allocateShortfall(
            amount, _available(Layer.Junior), _available(Layer.Senior), _exposureRemaining(_venues[venue_])
        );
        IRecapitalizer recap = recapitalizer;
        if (recapAsk > 0 && address(recap) != address(0)) recapitalization = recap.previewOpenAuction(venue_, recapAsk);
        remainder = overExposure + (recapAsk - recapitalization);
    }

    /// @notice A layer's state for the rolling 24 h cap.
    /// @return free The layer's free capital.
    /// @return used Paid in the rolling window (`prev + curr` after rolling to now).
    /// @return cap `layerCap(free, used, capBps)`.
    /// @return available `layerAvailable(free, used, capBps)`: what it may still pay now.
    /// @return capBps The layer's cap fraction.
    function layerState(Layer layer)
        external
        view
        returns (uint256 free, uint256 used, uint256 cap, uint256 available, uint256 capBps)
    {
        (uint256 prev, uint256 curr) = _rolled(layer, WaterfallMath.windowOf(block.timestamp));
        free = _layer(layer).freeAssets();
        used = prev + curr;
        capBps = layerCapBps(layer);
        cap = WaterfallMath.layerCap(free, used, capBps);
        available = WaterfallMath.layerAvailable(free, used, capBps);
    }

    /// @notice Raw window storage of a layer, for the TypeScript twin (`rollWindow` rolls it).
    function windowState(Layer layer) external view returns (uint256 window, uint256 prev, uint256 curr) {
        Window memory w = _windows[layer];
        return (w.window, w.prev, w.curr);
    }

    /// @notice A venue's registration and lifetime exposure.
    function venue(address account) external view returns (bool registered, uint256 exposureCap, uint256 exposureUsed) {
        Venue memory v = _venues[account];
        return (v.registered, v.exposureCap, v.exposureUsed);
    }

    /// @notice A layer's cap fraction in basis points.
    function layerCapBps(Layer layer) public view returns (uint256) {
        return layer == Layer.Junior ? _params.juniorCapBps : _params.seniorCapBps;
    }

    /// @notice The fee weights in basis points (sum 10,000).
    function feeWeights() external view returns (uint256 juniorBps, uint256 seniorBps) {
        seniorBps = _params.seniorFeeBps;
        juniorBps = WaterfallMath.BPS - seniorBps;
    }

    function guardian() external view returns (address) {
        return _params.guardian;
    }

    /// @notice Whether new venue draws are paused.
    function paused() external view returns (bool) {
        return _params.paused;
    }

    // ================================================================== governance

    /// @notice Registers `venue` (or re-sizes it) with a lifetime exposure cap in [1, MAX_EXPOSURE_CAP].
    ///         Its used exposure is kept. Only the owner. Emits `VenueSet`.
    function setVenue(address venue_, uint256 exposureCap) external onlyOwner {
        if (venue_ == address(0)) revert ShortfallWaterfallZeroAddress();
        if (exposureCap == 0 || exposureCap > MAX_EXPOSURE_CAP) {
            revert ShortfallWaterfallExposureCapOutOfBounds(exposureCap, 1, MAX_EXPOSURE_CAP);
        }
        Venue storage v = _venues[venue_];
        v.registered = true;
        v.exposureCap = uint96(exposureCap);
        emit VenueSet(venue_, exposureCap, v.exposureUsed);
    }

    /// @notice Deregisters `venue` (no more draws or fees); its used exposure is kept. Only the owner.
    function removeVenue(address venue_) external onlyOwner {
        if (!_venues[venue_].registered) revert ShortfallWaterfallNotVenue(venue_);
        _venues[venue_].registered = false;
        emit VenueRemoved(venue_);
    }

    /// @notice Sets `layer`'s cap fraction, within [MIN_LAYER_CAP_BPS, MAX_LAYER_CAP_BPS]. Only the owner.
    function setLayerCapBps(Layer layer, uint256 bps) external onlyOwner {
        if (bps < MIN_LAYER_CAP_BPS || bps > MAX_LAYER_CAP_BPS) {
            revert ShortfallWaterfallLayerCapOutOfBounds(bps, MIN_LAYER_CAP_BPS, MAX_LAYER_CAP_BPS);
        }
        uint256 previous;
        if (layer == Layer.Junior) {
            previous = _params.juniorCapBps;
            _params.juniorCapBps = uint16(bps);
        } else {
            previous = _params.seniorCapBps;
            _params.seniorCapBps = uint16(bps);
        }
        emit LayerCapBpsSet(layer, previous, bps);
    }

    /// @notice Sets the fee weights: each within [MIN_FEE_WEIGHT_BPS, MAX_FEE_WEIGHT_BPS], sum 10,000.
    function setFeeWeights(uint256 juniorBps, uint256 seniorBps) external onlyOwner {
        if (juniorBps < MIN_FEE_WEIGHT_BPS || juniorBps > MAX_FEE_WEIGHT_BPS) {
            revert ShortfallWaterfallFeeWeightOutOfBounds(juniorBps, MIN_FEE_WEIGHT_BPS, MAX_FEE_WEIGHT_BPS);
        }
        if (seniorBps < MIN_FEE_WEIGHT_BPS || seniorBps > MAX_FEE_WEIGHT_BPS) {
            revert ShortfallWaterfallFeeWeightOutOfBounds(seniorBps, MIN_FEE_WEIGHT_BPS, MAX_FEE_WEIGHT_BPS);
        }
        if (juniorBps + seniorBps != WaterfallMath.BPS) revert ShortfallWaterfallFeeWeightsSum(juniorBps, seniorBps);
        _params.seniorFeeBps = uint16(seniorBps);
        emit FeeWeightsSet(juniorBps, seniorBps);
    }

    /// @notice Sets the recapitalization layer (zero disables it). It must answer to this waterfall and
    ///         raise this waterfall's asset. Only the owner. Emits `RecapitalizerSet`.
    function setRecapitalizer(IRecapitalizer recapitalizer_) external onlyOwner {
        if (address(recapitalizer_) != address(0)) {
            address w = recapitalizer_.waterfall();
            address s = recapitalizer_.stablecoin();
            if (w != address(this) || s != address(asset)) revert ShortfallWaterfallRecapitalizerMismatch(w, s);
        }
        emit RecapitalizerSet(address(recapitalizer), address(recapitalizer_));
        recapitalizer = recapitalizer_;
    }

    /// @notice Sets the guardian. Only the owner. Emits `GuardianSet`.
    function setGuardian(address guardian_) external onlyOwner {
        if (guardian_ == address(0)) revert ShortfallWaterfallZeroAddress();
        emit GuardianSet(_params.guardian, guardian_);
        _params.guardian = guardian_;
    }

    /// @notice Pauses new venue draws (`absorbShortfall` only). Guardian or owner. Emits `PauseSet`.
    function pause() external {
        if (msg.sender != _params.guardian && msg.sender != owner()) revert ShortfallWaterfallNotGuardian(msg.sender);
        _params.paused = true;
        emit PauseSet(msg.sender, true);
    }

    /// @notice Resumes venue draws. Only the owner. Emits `PauseSet`.
    function unpause() external onlyOwner {
        _params.paused = false;
        emit PauseSet(msg.sender, false);
    }

    // ================================================================== internals

    /// @dev Allocates `amount` (`WaterfallMath.allocateShortfall`) and records the layers' draws in
    ///      their rolling windows (effects before any external call that moves tokens).
    function _allocateAndRecord(uint256 amount, uint256 exposureRemaining)
        internal
        returns (uint256 juniorPaid, uint256 seniorPaid, uint256 recapAsk, uint256 overExposure)
    {
        uint256 nowWindow = WaterfallMath.windowOf(block.timestamp);
        (uint256 jPrev, uint256 jCurr) = _rolled(Layer.Junior, nowWindow);
        (uint256 sPrev, uint256 sCurr) = _rolled(Layer.Senior, nowWindow);
        (juniorPaid, seniorPaid, recapAsk, overExposure) = WaterfallMath.allocateShortfall(
            amount,
            WaterfallMath.layerAvailable(junior.freeAssets(), jPrev + jCurr, _params.juniorCapBps),
            WaterfallMath.layerAvailable(senior.freeAssets(), sPrev + sCurr, _params.seniorCapBps),
            exposureRemaining
        );
        if (juniorPaid > 0) {
            _windows[Layer.Junior] = Window(uint40(nowWindow), uint96(jPrev), uint96(jCurr + juniorPaid));
        }
        if (seniorPaid > 0) {
            _windows[Layer.Senior] = Window(uint40(nowWindow), uint96(sPrev), uint96(sCurr + seniorPaid));
        }
    }

    function _layer(Layer layer) internal view returns (IShortfallLayer) {
        return layer == Layer.Junior ? junior : senior;
    }

    function _rolled(Layer layer, uint256 nowWindow) internal view returns (uint256 prev, uint256 curr) {
        Window memory w = _windows[layer];
        return WaterfallMath.rollWindow(w.window, w.prev, w.curr, nowWindow);
    }

    function _available(Layer layer) internal view returns (uint256) {
        (uint256 prev, uint256 curr) = _rolled(layer, WaterfallMath.windowOf(block.timestamp));
        return WaterfallMath.layerAvailable(_layer(layer).freeAssets(), prev + curr, layerCapBps(layer));
    }

    /// @dev 0 for an unregistered venue; saturates at 0 if governance lowered the cap below the used.
    function _exposureRemaining(Venue memory v) internal pure returns (uint256) {
        if (!v.registered || v.exposureUsed >= v.exposureCap) return 0;
        return v.exposureCap - v.exposureUsed;
    }
}
