// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {BKS} from "./BKS.sol";
import {IRecapitalizer} from "./ShortfallWaterfall.sol";
import {AuctionMath} from "./libraries/AuctionMath.sol";

/// @title Recapitalizer
/// @notice The last layer before socialised loss: when a shortfall is still uncovered after Senior, the
///         waterfall opens a descending-price (Dutch) auction of newly minted BKS for the stablecoin; every
///         buyer's payment goes straight to the venue. Each auction (an "event") mints at most
///         `maxMintBps` of the BKS supply at its opening, never sells below its floor price, and reports
///         its dilution (minted / supply before, WAD) in `BksPurchased` and `AuctionSettled`.
///
/// @dev ## Lifecycle
///      - Open: only the waterfall, for a real uncovered shortfall (`openAuction(venue, amount)` with
///        `amount > 0`, which the waterfall asks only for the part neither layer could pay). Parameters
///        (start/floor price, duration, mint cap from the supply now) are fixed at opening. If the venue
///        already has an open auction, the amount tops up its target (same curve, same mint cap).
///      - Buy: anyone, while open, `buy(auctionId, stableIn, maxPrice)` at `AuctionMath.auctionPrice`.
///      - Closed: when `raised == target` (filled), `minted == mintCap`, or `now > startTime + duration`.
///        A buy that fills the target or the mint cap settles at once; an expired auction is settled by
///        anyone through `settle(auctionId)` (the venue usually, which gets `unraised` back).
///      - Settled: `unraised = target − raised` is final; the venue socialises exactly that
///        (`AuctionSettled`). A finished but unsettled auction is also settled when the waterfall opens the
///        venue's next one.
///      The price and the mint cap are governance-bounded (`setPrices`, `setDuration`, `setMaxMintBps`);
///      changes apply to auctions opened afterwards. No pause: buying and settling are never blocked.
contract Recapitalizer is IRecapitalizer, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // ------------------------------------------------------------------ constants (hard bounds)

    uint256 public constant MIN_DURATION = 1 hours;
    uint256 public constant MAX_DURATION = 7 days;
    /// @notice Mint cap per event in basis points of the supply at opening: within [1, 2,000] (≤ 20 %).
    uint256 public constant MIN_MAX_MINT_BPS = 1;
    uint256 public constant MAX_MAX_MINT_BPS = 2_000;
    /// @notice Smallest floor price (stablecoin base units per BKS).
    uint256 public constant MIN_FLOOR_PRICE = 1;
    /// @notice Largest floor price (keeps every product inside 256 bits with room).
    uint256 public constant MAX_FLOOR_PRICE = 1e30;
    /// @notice The start price lies in [floor, floor × MAX_START_TO_FLOOR].
    uint256 public constant MAX_START_TO_FLOOR = 100;

    // ------------------------------------------------------------------ storage

    /// @notice One auction. Amounts in stablecoin base units, BKS in base units, prices per whole BKS.
    struct Auction {
        address venue;
        uint40 startTime;
        uint32 duration;
        bool settled;
        uint128 startPrice;
        uint128 floorPrice;
        uint128 target; // stablecoin to raise
        uint128 raised; // stablecoin paid to the venue so far
        uint128 mintCap; // most BKS this auction may mint
        uint128 minted; // BKS minted so far
        uint128 supplyBefore; // BKS supply when it opened
    }

    struct Params {
        uint128 startPrice;
        uint128 floorPrice;
        uint32 duration;
        uint16 maxMintBps;
    }

    /// @inheritdoc IRecapitalizer
    address public immutable waterfall;
    /// @notice The stablecoin auctions raise (the pools' asset).
    IERC20 internal immutable _stablecoin;
    /// @notice The governance token sold; this contract is its only minter.
    BKS public immutable bks;

    Params private _params;
    /// @notice Number of auctions ever opened; ids are 1..auctionCount.
    uint256 public auctionCount;
    mapping(uint256 auctionId => Auction) private _auctions;
    /// @notice The venue's latest unsettled auction (0: none).
    mapping(address venue => uint256 auctionId) public currentAuctionOf;

    // ------------------------------------------------------------------ errors

    /// @notice `caller` is not the waterfall.
    error RecapitalizerNotWaterfall(address caller);
    /// @notice A zero address where an account is required.
    error RecapitalizerZeroAddress();
    /// @notice No auction `auctionId`.
    error RecapitalizerUnknownAuction(uint256 auctionId);
    /// @notice Auction `auctionId` is closed (filled, mint cap reached, expired or settled).
    error RecapitalizerAuctionClosed(uint256 auctionId);
    /// @notice Auction `auctionId` is still open until `endsAt`.
    error RecapitalizerAuctionOpen(uint256 auctionId, uint256 endsAt);
    /// @notice Auction `auctionId` is already settled.
    error RecapitalizerAuctionSettled(uint256 auctionId);
    /// @notice The price now (`price`) is above the buyer's `maxPrice`.
    error RecapitalizerPriceAboveMax(uint256 price, uint256 maxPrice);
    /// @notice Paying `stableIn` at `price` would mint no BKS.
    error RecapitalizerZeroOut(uint256 stableIn, uint256 price);
    /// @notice A duration outside [min, max].
    error RecapitalizerDurationOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice A mint cap outside [min, max] basis points.
    error RecapitalizerMaxMintBpsOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice A floor price outside [min, max].
    error RecapitalizerFloorPriceOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice A start price outside [floor, floor × MAX_START_TO_FLOOR].
    error RecapitalizerStartPriceOutOfBounds(uint256 value, uint256 min, uint256 max);

    // ------------------------------------------------------------------ events

    /// @notice Auction `auctionId` opened for `venue` to raise `target`, price from `startPrice` to
    ///         `floorPrice` over `duration` from `startTime`, minting at most `mintCap` (of `supplyBefore`).
    event AuctionOpened(
        uint256 indexed auctionId,
        address indexed venue,
        uint256 target,
        uint256 startPrice,
        uint256 floorPrice,
        uint256 startTime,
        uint256 duration,
        uint256 mintCap,
        uint256 supplyBefore
    );
    /// @notice `venue`'s open auction `auctionId` must raise `added` more; its target is now `target`.
    event AuctionToppedUp(uint256 indexed auctionId, address indexed venue, uint256 added, uint256 target);
    /// @notice `buyer` paid `paid` (to the venue) for `bksOut` at `price`; the auction has now `raised` and
    ///         `minted`, a dilution of `dilutionWad` (minted × 1e18 / supplyBefore).
    event BksPurchased(
        uint256 indexed auctionId,
        address indexed buyer,
        uint256 price,
        uint256 paid,
        uint256 bksOut,
        uint256 raised,
        uint256 minted,
        uint256 dilutionWad
    );
    /// @notice Auction `auctionId` settled: `venue` received `raised` and socialises `unraised`
    ///         (`raised + unraised == target`); `minted` BKS diluted holders by `dilutionWad`.
    event AuctionSettled(
        uint256 indexed auctionId,
        address indexed venue,
        uint256 target,
        uint256 raised,
        uint256 unraised,
        uint256 minted,
        uint256 dilutionWad
    );
    event PricesSet(uint256 startPrice, uint256 floorPrice);
    event DurationSet(uint256 previous, uint256 current);
    event MaxMintBpsSet(uint256 previous, uint256 current);

    // ------------------------------------------------------------------ construction

    /// @param waterfall_ The ShortfallWaterfall allowed to open auctions.
    /// @param stablecoin_ The pools' asset.
    /// @param owner_ Governance (a timelock on public chains).
    /// @param treasury Receives the initial BKS supply.
    /// @param initialSupply Initial BKS supply (base units); the mint cap is a fraction of the supply, so
    ///        with 0 no auction can mint until BKS exist.
    /// @param startPrice_ Initial start price; `floorPrice_`, `duration_`, `maxMintBps_` likewise (bounded).
    constructor(
        address waterfall_,
        IERC20 stablecoin_,
        address owner_,
        address treasury,
        uint256 initialSupply,
        uint256 startPrice_,
        uint256 floorPrice_,
        uint256 duration_,
        uint256 maxMintBps_
    ) Ownable(owner_) {
        if (waterfall_ == address(0) || address(stablecoin_) == address(0)) revert RecapitalizerZeroAddress();
        waterfall = waterfall_;
        _stablecoin = stablecoin_;
        bks = new BKS(address(this), treasury, initialSupply);
        _setPrices(startPrice_, floorPrice_);
        _setDuration(duration_);
        _setMaxMintBps(maxMintBps_);
    }

    // ================================================================== waterfall entry point

    /// @inheritdoc IRecapitalizer
    /// @dev Only the waterfall. Returns (0, 0) for `amount == 0` or when an event could mint nothing
    ///      (supply × maxMintBps < 10,000 base units). Emits `AuctionOpened` or `AuctionToppedUp`
    ///      (and `AuctionSettled` if the venue's previous auction had finished unsettled).
    function openAuction(address venue, uint256 amount) external returns (uint256 auctionId, uint256 accepted) {
        if (msg.sender != waterfall) revert RecapitalizerNotWaterfall(msg.sender);
        if (amount == 0) return (0, 0);
        if (venue == address(0)) revert RecapitalizerZeroAddress();
        auctionId = currentAuctionOf[venue];
        if (auctionId != 0) {
            Auction storage a = _auctions[auctionId];
            if (_isOpen(a)) {
                uint256 target = uint256(a.target) + amount;
                a.target = uint128(target);
                emit AuctionToppedUp(auctionId, venue, amount, target);
                return (auctionId, amount);
            }
            _settle(auctionId, a);
        }
        Params memory p = _params;
        uint256 supply = bks.totalSupply();
        uint256 cap = AuctionMath.mintCap(supply, p.maxMintBps);
        if (cap == 0) return (0, 0);
        auctionId = ++auctionCount;
        _auctions[auctionId] = Auction({
            venue: venue,
            startTime: uint40(block.timestamp),
            duration: p.duration,
            settled: false,
            startPrice: p.startPrice,
            floorPrice: p.floorPrice,
            target: uint128(amount),
            raised: 0,
            mintCap: uint128(cap),
            minted: 0,
            supplyBefore: uint128(supply)
        });
        currentAuctionOf[venue] = auctionId;
        emit AuctionOpened(
            auctionId, venue, amount, p.startPrice, p.floorPrice, block.timestamp, p.duration, cap, supply
        );
        return (auctionId, amount);
    }

    // ================================================================== buyers and settlement

    /// @notice Buys BKS from auction `auctionId` with up to `stableIn` of the stablecoin, at the current
    ///         price if it is at most `maxPrice`. The fill is limited by the auction's remaining target and
    ///         mint cap (`AuctionMath.quoteBuy`); the payment goes straight to the venue.
    /// @dev Reverts `RecapitalizerUnknownAuction`, `RecapitalizerAuctionClosed`, `RecapitalizerPriceAboveMax`,
    ///      `RecapitalizerZeroOut`. The caller must have approved `paid`. Emits `BksPurchased` (and
    ///      `AuctionSettled` if the buy fills the target or the mint cap).
    /// @return paid Stablecoin taken from the caller (≤ `stableIn`).
    /// @return bksOut BKS minted to the caller.
    function buy(uint256 auctionId, uint256 stableIn, uint256 maxPrice)
        external
        nonReentrant
        returns (uint256 paid, uint256 bksOut)
    {
        Auction storage a = _auctions[auctionId];
        Auction memory m = a;
        if (m.venue == address(0)) revert RecapitalizerUnknownAuction(auctionId);
        if (!_isOpen(m)) revert RecapitalizerAuctionClosed(auctionId);
        uint256 price = AuctionMath.auctionPrice(m.startPrice, m.floorPrice, m.startTime, m.duration, block.timestamp);
        if (price > maxPrice) revert RecapitalizerPriceAboveMax(price, maxPrice);
        (paid, bksOut) = AuctionMath.quoteBuy(stableIn, price, m.target - m.raised, m.mintCap - m.minted);
        if (bksOut == 0) revert RecapitalizerZeroOut(stableIn, price);

        uint256 raised = uint256(m.raised) + paid;
        uint256 minted = uint256(m.minted) + bksOut;
        a.raised = uint128(raised);
        a.minted = uint128(minted);
        emit BksPurchased(
            auctionId, msg.sender, price, paid, bksOut, raised, minted, AuctionMath.dilutionWad(minted, m.supplyBefore)
        );
        if (raised == m.target || minted == m.mintCap) _settle(auctionId, a);

        _stablecoin.safeTransferFrom(msg.sender, m.venue, paid);
        bks.mint(msg.sender, bksOut);
    }

    /// @notice Settles a closed auction (expired, filled or capped) and returns what it did not raise,
    ///         which the venue socialises. Anyone may call.
    /// @dev Reverts `RecapitalizerUnknownAuction`, `RecapitalizerAuctionOpen` (still open),
    ///      `RecapitalizerAuctionSettled`. Emits `AuctionSettled`.
    function settle(uint256 auctionId) external returns (uint256 unraised) {
        Auction storage a = _auctions[auctionId];
        if (a.venue == address(0)) revert RecapitalizerUnknownAuction(auctionId);
        if (a.settled) revert RecapitalizerAuctionSettled(auctionId);
        if (_isOpen(a)) revert RecapitalizerAuctionOpen(auctionId, uint256(a.startTime) + a.duration);
        return _settle(auctionId, a);
    }

    // ================================================================== views

    /// @notice Auction `auctionId` as stored.
    function auction(uint256 auctionId) external view returns (Auction memory) {
        return _auctions[auctionId];
    }

    /// @notice Whether auction `auctionId` accepts buys now.
    function isOpen(uint256 auctionId) external view returns (bool) {
        Auction memory a = _auctions[auctionId];
        return a.venue != address(0) && _isOpen(a);
    }

    /// @notice The price of auction `auctionId` now (`AuctionMath.auctionPrice`).
    function currentPrice(uint256 auctionId) public view returns (uint256) {
        Auction memory a = _auctions[auctionId];
        if (a.venue == address(0)) revert RecapitalizerUnknownAuction(auctionId);
        return AuctionMath.auctionPrice(a.startPrice, a.floorPrice, a.startTime, a.duration, block.timestamp);
    }

    /// @notice What `buy(auctionId, stableIn, ·)` would fill now: the price, the stablecoin paid and BKS
    ///         out (both 0 when the auction is closed).
    function previewBuy(uint256 auctionId, uint256 stableIn)
        external
        view
        returns (uint256 price, uint256 paid, uint256 bksOut)
    {
        price = currentPrice(auctionId);
        Auction memory a = _auctions[auctionId];
        if (!_isOpen(a)) return (price, 0, 0);
        (paid, bksOut) = AuctionMath.quoteBuy(stableIn, price, a.target - a.raised, a.mintCap - a.minted);
    }

    /// @inheritdoc IRecapitalizer
    function previewOpenAuction(address venue, uint256 amount) external view returns (uint256 accepted) {
        if (amount == 0 || venue == address(0)) return 0;
        uint256 id = currentAuctionOf[venue];
        if (id != 0 && _isOpen(_auctions[id])) return amount;
        return AuctionMath.mintCap(bks.totalSupply(), _params.maxMintBps) == 0 ? 0 : amount;
    }

    /// @inheritdoc IRecapitalizer
    function stablecoin() external view returns (address) {
        return address(_stablecoin);
    }

    /// @notice Parameters for the next auction.
    function params() external view returns (uint256 startPrice, uint256 floorPrice, uint256 duration, uint256 maxMintBps) {
        Params memory p = _params;
        return (p.startPrice, p.floorPrice, p.duration, p.maxMintBps);
    }

    // ================================================================== governance

    /// @notice Sets the start and floor price of future auctions: floor in [MIN_FLOOR_PRICE,
    ///         MAX_FLOOR_PRICE], start in [floor, floor × MAX_START_TO_FLOOR]. Only the owner.
    function setPrices(uint256 startPrice_, uint256 floorPrice_) external onlyOwner {
        _setPrices(startPrice_, floorPrice_);
    }

    /// @notice Sets the duration of future auctions, within [MIN_DURATION, MAX_DURATION]. Only the owner.
    function setDuration(uint256 duration_) external onlyOwner {
        _setDuration(duration_);
    }

    /// @notice Sets the mint cap per event, within [MIN_MAX_MINT_BPS, MAX_MAX_MINT_BPS]. Only the owner.
    function setMaxMintBps(uint256 bps) external onlyOwner {
        _setMaxMintBps(bps);
    }

    // ================================================================== internals

    function _isOpen(Auction memory a) internal view returns (bool) {
        return !a.settled && a.raised < a.target && a.minted < a.mintCap
            && block.timestamp <= uint256(a.startTime) + a.duration;
    }

    function _settle(uint256 auctionId, Auction storage a) internal returns (uint256 unraised) {
        a.settled = true;
        Auction memory m = a;
        if (currentAuctionOf[m.venue] == auctionId) delete currentAuctionOf[m.venue];
        unraised = m.target - m.raised;
        emit AuctionSettled(
            auctionId, m.venue, m.target, m.raised, unraised, m.minted, AuctionMath.dilutionWad(m.minted, m.supplyBefore)
        );
    }

    function _setPrices(uint256 startPrice_, uint256 floorPrice_) internal {
        if (floorPrice_ < MIN_FLOOR_PRICE || floorPrice_ > MAX_FLOOR_PRICE) {
            revert RecapitalizerFloorPriceOutOfBounds(floorPrice_, MIN_FLOOR_PRICE, MAX_FLOOR_PRICE);
        }
        uint256 maxStart = floorPrice_ * MAX_START_TO_FLOOR;
        if (startPrice_ < floorPrice_ || startPrice_ > maxStart) {
            revert RecapitalizerStartPriceOutOfBounds(startPrice_, floorPrice_, maxStart);
        }
        _params.startPrice = uint128(startPrice_);
        _params.floorPrice = uint128(floorPrice_);
        emit PricesSet(startPrice_, floorPrice_);
    }

    function _setDuration(uint256 duration_) internal {
        if (duration_ < MIN_DURATION || duration_ > MAX_DURATION) {
            revert RecapitalizerDurationOutOfBounds(duration_, MIN_DURATION, MAX_DURATION);
        }
        emit DurationSet(_params.duration, duration_);
        _params.duration = uint32(duration_);
    }

    function _setMaxMintBps(uint256 bps) internal {
        if (bps < MIN_MAX_MINT_BPS || bps > MAX_MAX_MINT_BPS) {
            revert RecapitalizerMaxMintBpsOutOfBounds(bps, MIN_MAX_MINT_BPS, MAX_MAX_MINT_BPS);
        }
        emit MaxMintBpsSet(_params.maxMintBps, bps);
        _params.maxMintBps = uint16(bps);
    }
}
