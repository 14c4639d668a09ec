// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Over 400 lines on purpose: one auction's lifecycle (open, buy, settle) and the rolling mint budget that binds
// them; the price and cap math lives in libraries/AuctionMath.sol.

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {BKS} from "./BKS.sol";
import {IRecapitalizer} from "./interfaces/IRecapitalizer.sol";
import {AuctionMath} from "./libraries/AuctionMath.sol";
import {WaterfallMath} from "./libraries/WaterfallMath.sol";

/// @title Recapitalizer
/// @notice The last layer before socialised loss: when a shortfall is still uncovered after Senior, the
///         waterfall opens a descending-price (Dutch) auction of newly minted BKS for the stablecoin; every
///         buyer's payment goes straight to the venue. Dilution is bounded twice: each auction (an "event")
///         mints at most `maxMintBps` of the BKS supply at its opening, and all auctions of all venues
///         together mint at most `maxMintBps` of the supply within any 24 h (the rolling mint budget, below).
///         An auction never sells below its floor price and reports its dilution (minted / supply before,
///         WAD) in `BksPurchased` and `AuctionSettled`; every mint reports the budget left in `MintBudgetUsed`.
///
/// @dev ## Lifecycle
///      - Open: only the waterfall, for a real uncovered shortfall (`openAuction(venue, amount)` with
///        `amount > 0`, which the waterfall asks only for the part neither layer could pay). Parameters
///        (start/floor price, duration, mint cap from the supply now) are fixed at opening. If the venue
///        already has an open auction, the amount tops up its target (same curve, same mint cap).
///      - Buy: anyone, while open, `buy(auctionId, stableIn, maxPrice)` at `AuctionMath.auctionPriceUp`.
///      - Closed: when `raised == target` (filled), `minted == mintCap`, or `now > startTime + duration`.
///        A buy that fills the target or the mint cap settles at once; an expired auction is settled by
///        anyone through `settle(auctionId)` (the venue usually, which gets `unraised` back).
///      - Settled: `unraised = target − raised` is final; the venue socialises exactly that
///        (`AuctionSettled`). A finished but unsettled auction is also settled when the waterfall opens the
///        venue's next one.
///      The price and the mint cap are governance-bounded (`setPrices`, `setDuration`, `setMaxMintBps`);
///      changes apply to auctions opened afterwards (the rolling budget uses `maxMintBps` at each buy).
///      No pause: buying and settling are never blocked (a spent budget only defers buys).
///
///      ## The rolling 24 h mint budget (why a per-auction cap is not enough)
///      A venue that re-reports the unraised rest after its auction settles, the next liquidation of the
///      same cascade, or a second venue each open a fresh auction with a fresh per-event cap: per event
///      alone, dilution within a day has no bound. So every buy also draws on one budget shared by all
///      auctions, kept like the layers' caps (`WaterfallMath`): aligned windows of 24 h, two buckets
///      (minted in the previous window `prev` and in the current one `curr`), both counted in full:
///      `used = prev + curr`, `cap = floor((supply − used) × maxMintBps / 10000)`
///      (`AuctionMath.mintBudgetDown`), and a buy mints at most `cap − used`.
///      Claim: for every interval I of 24 h, the BKS minted in I ≤ `maxMintBps` (in force at I's last
///      mint) × the supply at I's start (the supply minted before I, initial supply included).
///      Proof: let t be the last mint in I and k = windowOf(t). I is 24 h long and contains t, so it starts
///      at s > t − 24 h ≥ k × 24 h − 24 h, the start of window k − 1: every mint in I lies in window k − 1
///      or k, hence mints(I) ≤ B[k−1] + B[k] = `used` right after the buy at t, which that buy kept ≤ its
///      `cap` (a buy adds the same amount to `supply` and to `used`, so `supply − used` is the same before
///      and after it). Only auctions mint BKS and nothing burns it, so `supply − used` is exactly the
///      supply at the start of window k − 1, and the supply never decreases, so that is ≤ the supply at
///      s. Hence mints(I) ≤ floor(S(start of window k − 1) × bps / 10000) ≤ bps × S(s) / 10000.  ∎
///      The price of O(1) storage is conservatism: a mint stays counted for 24 h to 48 h. A buy beyond the
///      budget is cut to it; with none left it reverts `RecapitalizerMintBudgetSpent` (the auction stays
///      open and sells again when the window rolls). `previewOpenAuction` ignores the budget: an auction
///      lasts at least an hour and the budget may refill meanwhile; what it cannot raise is `unraised`.
contract Recapitalizer is IRecapitalizer, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // ------------------------------------------------------------------ constants (hard bounds)

    uint256 public constant MIN_DURATION = 1 hours;
    uint256 public constant MAX_DURATION = 7 days;
    /// @notice Mint cap in basis points, both per event (of the supply at opening) and per rolling 24 h
    ///         across all auctions (of the supply at the window's start): within [1, 2,000] (≤ 20 %).
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

    /// @notice BKS minted by all auctions per aligned window (`WaterfallMath.windowOf`): the rolling budget.
    ///         One slot: a window index fits 32 bits for 11 million years; a bucket holds at most 20 % of
    ///         the supply, and 112 bits (5e15 BKS) are written with SafeCast, which reverts rather than
    ///         under-count.
    struct MintWindow {
        uint32 window; // aligned window the buckets were written in
        uint112 prev; // minted in window − 1
        uint112 curr; // minted in window
    }

    /// @notice The rolling budget as seen by one buy (memory only).
    struct MintBudget {
        uint256 supply;
        uint256 window;
        uint256 prev;
        uint256 curr;
        uint256 cap;
        uint256 available;
    }

    MintWindow private _mintWindow;

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
    /// @notice The rolling 24 h mint budget is spent: `used` of `cap` BKS minted in this and the previous
    ///         window; buys can mint again from `availableAt` (the first window boundary with budget left).
    error RecapitalizerMintBudgetSpent(uint256 used, uint256 cap, uint256 availableAt);
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
    /// @notice Auction `auctionId` minted `minted` BKS from the rolling 24 h budget shared by all auctions:
    ///         `used` of `cap` is now spent in this and the previous window, `available` (= cap − used) is
    ///         left until the window rolls.
    event MintBudgetUsed(uint256 indexed auctionId, uint256 minted, uint256 used, uint256 cap, uint256 available);
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
        if (waterfall_ == address(0) || address(stablecoin_) == address(0)) {
            revert RecapitalizerZeroAddress();
        }
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
        uint256 cap = AuctionMath.mintCapDown(supply, p.maxMintBps);
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
        emit AuctionOpened(auctionId, venue, amount, p.startPrice, p.floorPrice, block.timestamp, p.duration, cap, supply);
        return (auctionId, amount);
    }

    // ================================================================== buyers and settlement

    /// @notice Buys BKS from auction `auctionId` with up to `stableIn` of the stablecoin, at the current
    ///         price if it is at most `maxPrice`. The fill is limited by the auction's remaining target, its
    ///         mint cap and the rolling 24 h mint budget of all auctions (`AuctionMath.quoteBuyBksDownPaidUp` with the
    ///         smaller of the two mint limits); the payment goes straight to the venue.
    /// @dev Reverts `RecapitalizerUnknownAuction`, `RecapitalizerAuctionClosed`, `RecapitalizerPriceAboveMax`,
    ///      `RecapitalizerMintBudgetSpent`, `RecapitalizerZeroOut`. The caller must have approved `paid`.
    ///      Emits `BksPurchased`, `MintBudgetUsed` (and `AuctionSettled` if the buy fills the target or the
    ///      auction's mint cap; a buy cut by the budget leaves the auction open).
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
        uint256 price = AuctionMath.auctionPriceUp(m.startPrice, m.floorPrice, m.startTime, m.duration, block.timestamp);
        if (price > maxPrice) revert RecapitalizerPriceAboveMax(price, maxPrice);
        MintBudget memory b = _mintBudgetNow();
        if (b.available == 0) {
            revert RecapitalizerMintBudgetSpent(b.prev + b.curr, b.cap, _budgetAvailableAt(b));
        }
        (paid, bksOut) = AuctionMath.quoteBuyBksDownPaidUp(stableIn, price, m.target - m.raised, _mintLimit(m, b.available));
        if (bksOut == 0) revert RecapitalizerZeroOut(stableIn, price);

        uint256 raised = uint256(m.raised) + paid;
        uint256 minted = uint256(m.minted) + bksOut;
        a.raised = uint128(raised);
        a.minted = uint128(minted);
        _mintWindow = MintWindow(SafeCast.toUint32(b.window), uint112(b.prev), SafeCast.toUint112(b.curr + bksOut));
        emit BksPurchased(
            auctionId, msg.sender, price, paid, bksOut, raised, minted, AuctionMath.dilutionWadDown(minted, m.supplyBefore)
        );
        emit MintBudgetUsed(auctionId, bksOut, b.prev + b.curr + bksOut, b.cap, b.available - bksOut);
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

    /// @notice The price of auction `auctionId` now (`AuctionMath.auctionPriceUp`).
    function currentPrice(uint256 auctionId) public view returns (uint256) {
        Auction memory a = _auctions[auctionId];
        if (a.venue == address(0)) revert RecapitalizerUnknownAuction(auctionId);
        return AuctionMath.auctionPriceUp(a.startPrice, a.floorPrice, a.startTime, a.duration, block.timestamp);
    }

    /// @notice What `buy(auctionId, stableIn, ·)` would fill now: the price, the stablecoin paid and BKS
    ///         out (both 0 when the auction is closed or the rolling mint budget is spent).
    function previewBuy(uint256 auctionId, uint256 stableIn)
        external
        view
        returns (uint256 price, uint256 paid, uint256 bksOut)
    {
        price = currentPrice(auctionId);
        Auction memory a = _auctions[auctionId];
        if (!_isOpen(a)) return (price, 0, 0);
        (paid, bksOut) =
            AuctionMath.quoteBuyBksDownPaidUp(stableIn, price, a.target - a.raised, _mintLimit(a, _mintBudgetNow().available));
    }

    /// @notice The rolling 24 h mint budget shared by all auctions, now (see the contract doc).
    /// @return used BKS minted in the current and the previous aligned window.
    /// @return cap `floor((supply − used) × maxMintBps / 10000)`.
    /// @return available What auctions may still mint now (`cap − used`, or 0).
    /// @return nextWindowAt When the window next rolls (the previous window's mints stop counting).
    function mintBudget() external view returns (uint256 used, uint256 cap, uint256 available, uint256 nextWindowAt) {
        MintBudget memory b = _mintBudgetNow();
        return (b.prev + b.curr, b.cap, b.available, (b.window + 1) * WaterfallMath.WINDOW);
    }

    /// @notice Raw storage of the rolling mint budget, for the TypeScript twin (`rollWindow` rolls it).
    function mintWindowState() external view returns (uint256 window, uint256 prev, uint256 curr) {
        MintWindow memory w = _mintWindow;
        return (w.window, w.prev, w.curr);
    }

    /// @inheritdoc IRecapitalizer
    function previewOpenAuction(address venue, uint256 amount) external view returns (uint256 accepted) {
        if (amount == 0 || venue == address(0)) return 0;
        uint256 id = currentAuctionOf[venue];
        if (id != 0 && _isOpen(_auctions[id])) return amount;
        return AuctionMath.mintCapDown(bks.totalSupply(), _params.maxMintBps) == 0 ? 0 : amount;
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

    /// @notice Sets the mint cap per event and per rolling 24 h, within [MIN_MAX_MINT_BPS, MAX_MAX_MINT_BPS].
    ///         Only the owner. Auctions already open keep their own cap; the rolling budget uses the new
    ///         fraction from the next buy on.
    function setMaxMintBps(uint256 bps) external onlyOwner {
        _setMaxMintBps(bps);
    }

    // ================================================================== internals

    function _isOpen(Auction memory a) internal view returns (bool) {
        return !a.settled && a.raised < a.target && a.minted < a.mintCap && block.timestamp <= uint256(a.startTime) + a.duration;
    }

    /// @dev The budget rolled to now: buckets of this and the previous window, its cap and what is left.
    function _mintBudgetNow() internal view returns (MintBudget memory b) {
        MintWindow memory w = _mintWindow;
        b.supply = bks.totalSupply();
        b.window = WaterfallMath.windowOf(block.timestamp);
        (b.prev, b.curr) = WaterfallMath.rollWindow(w.window, w.prev, w.curr, b.window);
        (b.cap, b.available) = AuctionMath.mintBudgetDown(b.supply, b.prev + b.curr, _params.maxMintBps);
    }

    /// @dev A spent budget's next window boundary if, once this window's mints are the previous ones, some
    ///      budget is left then; otherwise the one after, when every counted mint has rolled out.
    function _budgetAvailableAt(MintBudget memory b) internal view returns (uint256) {
        uint256 next = (b.window + 1) * WaterfallMath.WINDOW;
        (, uint256 availableNext) = AuctionMath.mintBudgetDown(b.supply, b.curr, _params.maxMintBps);
        return availableNext > 0 ? next : next + WaterfallMath.WINDOW;
    }

    /// @dev What auction `a` may still mint: the smaller of its own cap's rest and the budget left.
    function _mintLimit(Auction memory a, uint256 budgetAvailable) internal pure returns (uint256) {
        uint256 auctionLeft = a.mintCap - a.minted;
        return auctionLeft < budgetAvailable ? auctionLeft : budgetAvailable;
    }

    function _settle(uint256 auctionId, Auction storage a) internal returns (uint256 unraised) {
        a.settled = true;
        Auction memory m = a;
        if (currentAuctionOf[m.venue] == auctionId) delete currentAuctionOf[m.venue];
        unraised = m.target - m.raised;
        emit AuctionSettled(
            auctionId, m.venue, m.target, m.raised, unraised, m.minted, AuctionMath.dilutionWadDown(m.minted, m.supplyBefore)
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
