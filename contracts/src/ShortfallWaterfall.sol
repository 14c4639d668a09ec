// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IRecapitalizer} from "./interfaces/IRecapitalizer.sol";
import {IShortfallLayer} from "./interfaces/IShortfallLayer.sol";
import {IShortfallWaterfall} from "./interfaces/IShortfallWaterfall.sol";
import {WaterfallMath} from "./libraries/WaterfallMath.sol";

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
///      - Layer cap: `WaterfallMath.layerAvailableDown` over a two-bucket, conservative rolling 24 h window
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
contract ShortfallWaterfall is IShortfallWaterfall, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

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

    // ------------------------------------------------------------------ construction

    /// @param junior_ The first-loss layer (a BackstopPool).
    /// @param senior_ The excess layer (a BackstopPool on the same asset).
    /// @param owner_ Governance (a timelock on public chains).
    /// @param guardian_ May pause new venue draws.
    constructor(IShortfallLayer junior_, IShortfallLayer senior_, address owner_, address guardian_) Ownable(owner_) {
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

    /// @inheritdoc IShortfallWaterfall
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

    /// @inheritdoc IShortfallWaterfall
    function distributeFees(uint256 amount) external nonReentrant returns (uint256 juniorFees, uint256 seniorFees) {
        if (!_venues[msg.sender].registered) revert ShortfallWaterfallNotVenue(msg.sender);
        if (amount == 0) revert ShortfallWaterfallZeroAmount();
        (juniorFees, seniorFees) = WaterfallMath.splitFeesSeniorDown(amount, _params.seniorFeeBps);
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

    /// @inheritdoc IShortfallWaterfall
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

    /// @inheritdoc IShortfallWaterfall
    function layerState(Layer layer)
        external
        view
        returns (uint256 free, uint256 used, uint256 cap, uint256 available, uint256 capBps)
    {
        (uint256 prev, uint256 curr) = _rolled(layer, WaterfallMath.windowOf(block.timestamp));
        free = _layer(layer).freeAssets();
        used = prev + curr;
        capBps = layerCapBps(layer);
        cap = WaterfallMath.layerCapDown(free, used, capBps);
        available = WaterfallMath.layerAvailableDown(free, used, capBps);
    }

    /// @inheritdoc IShortfallWaterfall
    function windowState(Layer layer) external view returns (uint256 window, uint256 prev, uint256 curr) {
        Window memory w = _windows[layer];
        return (w.window, w.prev, w.curr);
    }

    /// @inheritdoc IShortfallWaterfall
    function venue(address account) external view returns (bool registered, uint256 exposureCap, uint256 exposureUsed) {
        Venue memory v = _venues[account];
        return (v.registered, v.exposureCap, v.exposureUsed);
    }

    /// @inheritdoc IShortfallWaterfall
    function layerCapBps(Layer layer) public view returns (uint256) {
        return layer == Layer.Junior ? _params.juniorCapBps : _params.seniorCapBps;
    }

    /// @inheritdoc IShortfallWaterfall
    function feeWeights() external view returns (uint256 juniorBps, uint256 seniorBps) {
        seniorBps = _params.seniorFeeBps;
        juniorBps = WaterfallMath.BPS - seniorBps;
    }

    /// @inheritdoc IShortfallWaterfall
    function guardian() external view returns (address) {
        return _params.guardian;
    }

    /// @inheritdoc IShortfallWaterfall
    function paused() external view returns (bool) {
        return _params.paused;
    }

    // ================================================================== governance

    /// @inheritdoc IShortfallWaterfall
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

    /// @inheritdoc IShortfallWaterfall
    function removeVenue(address venue_) external onlyOwner {
        if (!_venues[venue_].registered) revert ShortfallWaterfallNotVenue(venue_);
        _venues[venue_].registered = false;
        emit VenueRemoved(venue_);
    }

    /// @inheritdoc IShortfallWaterfall
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

    /// @inheritdoc IShortfallWaterfall
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

    /// @inheritdoc IShortfallWaterfall
    function setRecapitalizer(IRecapitalizer recapitalizer_) external onlyOwner {
        if (address(recapitalizer_) != address(0)) {
            address w = recapitalizer_.waterfall();
            address s = recapitalizer_.stablecoin();
            if (w != address(this) || s != address(asset)) revert ShortfallWaterfallRecapitalizerMismatch(w, s);
        }
        emit RecapitalizerSet(address(recapitalizer), address(recapitalizer_));
        recapitalizer = recapitalizer_;
    }

    /// @inheritdoc IShortfallWaterfall
    function setGuardian(address guardian_) external onlyOwner {
        if (guardian_ == address(0)) revert ShortfallWaterfallZeroAddress();
        emit GuardianSet(_params.guardian, guardian_);
        _params.guardian = guardian_;
    }

    /// @inheritdoc IShortfallWaterfall
    function pause() external {
        if (msg.sender != _params.guardian && msg.sender != owner()) revert ShortfallWaterfallNotGuardian(msg.sender);
        _params.paused = true;
        emit PauseSet(msg.sender, true);
    }

    /// @inheritdoc IShortfallWaterfall
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
            WaterfallMath.layerAvailableDown(junior.freeAssets(), jPrev + jCurr, _params.juniorCapBps),
            WaterfallMath.layerAvailableDown(senior.freeAssets(), sPrev + sCurr, _params.seniorCapBps),
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
        return WaterfallMath.layerAvailableDown(_layer(layer).freeAssets(), prev + curr, layerCapBps(layer));
    }

    /// @dev 0 for an unregistered venue; saturates at 0 if governance lowered the cap below the used.
    function _exposureRemaining(Venue memory v) internal pure returns (uint256) {
        if (!v.registered || v.exposureUsed >= v.exposureCap) return 0;
        return v.exposureCap - v.exposureUsed;
    }
}
