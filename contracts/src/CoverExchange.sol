// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ICoverExchange} from "./interfaces/ICoverExchange.sol";
import {ICoverMarket} from "./interfaces/ICoverMarket.sol";
import {IFeeDistributor} from "./interfaces/IFeeDistributor.sol";

/// @title CoverExchange
/// @notice Fixed-price listings and escrowed offers for cover tokens, filled atomically (see `ICoverExchange`).
///
/// @dev ## Why listings die with the token's approval
///      A listing must not outlive a move of its token (an old ask coming back when the token returns is how
///      stale listings were sniped on NFT marketplaces). The exchange sees no transfers, and the market has no
///      spare bit per cover to count them, but ERC-721 clears a token's approved address on every transfer
///      (OpenZeppelin 5 `_update`). So a listing is filled only while the exchange is the token's approved
///      address (an operator approval, which survives transfers, does not count) and the seller holds it:
///      any move kills it for good unless the seller approves the exchange for that token again. `list` does
///      not need the approval yet, so the app lists first and approves second: a relisting overwrites the old
///      ask before the approval that makes it fillable exists. Settled covers (claimed, released, past the
///      claim deadline) are refused by status (`coverInfo`) before the market's frozen-transfer revert.
///
///      ## Why trading stops at the cover's end, not its claim deadline
///      `coverInfo` says `Active` through the claim grace, but after `end` no new round can count: the cover is
///      worth its payout if a touch was confirmed in the window and nothing otherwise, and its holder knows
///      which. Trading then is pure adverse selection (dump a dead cover into a standing offer or a stale ask;
///      a touched one is simply claimed), so from `end` nothing lists, fills or bids, and every offer on the
///      cover becomes anyone's to refund.
///
///      ## Money
///      Buyers pay exactly the price; the fee ⌈price × feeBps / 10,000⌉ comes out of the seller's side (rounded
///      up: for the pools) and waits in `pendingFees` until anyone calls `forwardFees`, which hands it to the
///      waterfall's `distributeFees` (the exchange is registered there as a venue with the smallest exposure cap
///      the waterfall allows, 1 base unit; it never calls `absorbShortfall`). Fills never call the pools: a
///      pool that cannot book fees right now (e.g. too many unwalked days) must not block a trade, and a
///      fill should not pay for two pools' bookkeeping (buy stays under 120k gas). The stablecoin must not
///      take a fee on transfer (USDC does not). Balance = escrowed offers + pending fees, always.
///
///      ## Reentrancy
///      Every state-changing function is `nonReentrant`, writes its effects (and events) first, moves the
///      stablecoin next and the token last with `safeTransferFrom`, whose receiver hook is the only call out
///      to an arbitrary contract; it can claim the cover it just received, but not re-enter the exchange.
///
///      ## Governance
///      `owner` (the timelock) sets the fee within [0, MAX_FEE_BPS]. Nothing pauses the exchange: it adds no
///      risk to the pools, and offers must always be refundable.
contract CoverExchange is ICoverExchange, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice The largest fee governance may set: 1 % of each price.
    uint256 public constant MAX_FEE_BPS = 100;
    uint256 internal constant BPS = 10_000;

    /// @inheritdoc ICoverExchange
    ICoverMarket public immutable market;
    /// @inheritdoc ICoverExchange
    IERC20 public immutable asset;
    /// @inheritdoc ICoverExchange
    IFeeDistributor public immutable waterfall;

    /// @dev One slot: a fill reads the fee and adds to the pending fees in the same word.
    struct State {
        uint16 feeBps;
        uint128 pendingFees;
        uint80 lastOfferId;
    }

    State private _state;
    mapping(uint256 tokenId => Listing) private _listings;
    mapping(uint256 offerId => Offer) private _offers;

    /// @param market_ The cover market (its stablecoin is the exchange's).
    /// @param waterfall_ `ShortfallWaterfall`: fees go to the pools through its `distributeFees`.
    /// @param owner_ Governance (the timelock).
    /// @param feeBps_ The initial fee, ≤ MAX_FEE_BPS.
    constructor(ICoverMarket market_, IFeeDistributor waterfall_, address owner_, uint256 feeBps_) Ownable(owner_) {
        if (address(market_) == address(0) || address(waterfall_) == address(0)) revert CoverExchangeZeroAddress();
        IERC20 asset_ = market_.asset();
        address waterfallAsset = waterfall_.asset();
        if (waterfallAsset != address(asset_)) revert CoverExchangeAssetMismatch(address(asset_), waterfallAsset);
        market = market_;
        asset = asset_;
        waterfall = waterfall_;
        _setFee(feeBps_);
    }

    // ================================================================== views

    /// @inheritdoc ICoverExchange
    function feeBps() external view returns (uint256) {
        return _state.feeBps;
    }

    /// @inheritdoc ICoverExchange
    function pendingFees() external view returns (uint256) {
        return _state.pendingFees;
    }

    /// @inheritdoc ICoverExchange
    function lastOfferId() external view returns (uint256) {
        return _state.lastOfferId;
    }

    /// @inheritdoc ICoverExchange
    function feeOf(uint256 price) public view returns (uint256) {
        return _feeUp(price, _state.feeBps);
    }

    /// @inheritdoc ICoverExchange
    function listing(uint256 tokenId) external view returns (Listing memory l, bool live) {
        l = _listings[tokenId];
        if (l.seller == address(0)) return (l, false);
        ICoverMarket.CoverInfo memory c = market.coverInfo(tokenId);
        live = _tradable(c) && c.holder == l.seller && IERC721(address(market)).getApproved(tokenId) == address(this);
    }

    /// @inheritdoc ICoverExchange
    function offer(uint256 offerId) external view returns (Offer memory o, bool live) {
        o = _offers[offerId];
        live = o.buyer != address(0) && _fillable(o);
    }

    // ================================================================== listings

    /// @inheritdoc ICoverExchange
    function list(uint256 tokenId, uint256 price) external nonReentrant {
        if (price == 0) revert CoverExchangeZeroPrice();
        ICoverMarket.CoverInfo memory c = _activeCover(tokenId);
        if (c.holder != msg.sender) revert CoverExchangeNotHolder(tokenId, msg.sender, c.holder);
        if (price > c.payout) revert CoverExchangePriceAbovePayout(price, c.payout);
        _listings[tokenId] = Listing({seller: msg.sender, price: uint96(price)}); // ≤ payout < 2^96
        emit Listed(tokenId, msg.sender, price);
    }

    /// @inheritdoc ICoverExchange
    function cancelListing(uint256 tokenId) external nonReentrant {
        Listing memory l = _listings[tokenId];
        if (l.seller == address(0)) revert CoverExchangeNoListing(tokenId);
        if (msg.sender != l.seller) {
            ICoverMarket.CoverInfo memory c = market.coverInfo(tokenId);
            if (_tradable(c) && c.holder == l.seller) {
                revert CoverExchangeNotSeller(tokenId, msg.sender, l.seller);
            }
        }
        delete _listings[tokenId];
        emit ListingCancelled(tokenId, l.seller, msg.sender);
    }

    /// @inheritdoc ICoverExchange
    function buy(uint256 tokenId, uint256 maxPrice) external nonReentrant {
        Listing memory l = _listings[tokenId];
        if (l.seller == address(0)) revert CoverExchangeNoListing(tokenId);
        if (l.price > maxPrice) revert CoverExchangePriceAboveMax(l.price, maxPrice);
        if (msg.sender == l.seller) revert CoverExchangeSelfTrade(msg.sender);
        ICoverMarket.CoverInfo memory c = _activeCover(tokenId);
        if (c.holder != l.seller) revert CoverExchangeListingVoid(tokenId, l.seller, c.holder);
        // The token's approval is the witness that it has not moved since the seller approved (see the top).
        if (IERC721(address(market)).getApproved(tokenId) != address(this)) {
            revert CoverExchangeNotApproved(tokenId, l.seller);
        }
        delete _listings[tokenId];
        uint256 fee = _takeFee(l.price);
        emit CoverTraded(tokenId, l.seller, msg.sender, l.price, fee, 0);
        asset.safeTransferFrom(msg.sender, l.seller, l.price - fee);
        if (fee > 0) asset.safeTransferFrom(msg.sender, address(this), fee);
        IERC721(address(market)).safeTransferFrom(l.seller, msg.sender, tokenId);
    }

    // ================================================================== offers

    /// @inheritdoc ICoverExchange
    function makeOffer(uint256 tokenId, uint256 amount, uint256 expiry) external nonReentrant returns (uint256 offerId) {
        if (amount == 0) revert CoverExchangeZeroPrice();
        if (expiry <= block.timestamp || expiry > type(uint40).max) revert CoverExchangeBadExpiry(expiry, block.timestamp);
        ICoverMarket.CoverInfo memory c = _activeCover(tokenId);
        if (amount > c.payout) revert CoverExchangePriceAbovePayout(amount, c.payout);
        if (c.holder == msg.sender) revert CoverExchangeSelfTrade(msg.sender);
        unchecked {
            offerId = ++_state.lastOfferId; // 2^80 offers will not be made
        }
        // tokenId fits: the market's ids are uint80; amount ≤ payout < 2^96.
        _offers[offerId] = Offer({buyer: msg.sender, amount: uint96(amount), tokenId: uint80(tokenId), expiry: uint40(expiry)});
        emit OfferMade(offerId, tokenId, msg.sender, amount, expiry);
        asset.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc ICoverExchange
    function cancelOffer(uint256 offerId) external nonReentrant {
        Offer memory o = _offers[offerId];
        if (o.buyer == address(0)) revert CoverExchangeNoOffer(offerId);
        // Anyone may hand back an offer nobody can fill any more; a live one is the offerer's to cancel.
        if (msg.sender != o.buyer && _fillable(o)) revert CoverExchangeNotOfferer(offerId, msg.sender, o.buyer);
        delete _offers[offerId];
        emit OfferCancelled(offerId, o.tokenId, o.buyer, o.amount, msg.sender);
        asset.safeTransfer(o.buyer, o.amount);
    }

    /// @inheritdoc ICoverExchange
    function acceptOffer(uint256 offerId, uint256 minProceeds) external nonReentrant {
        Offer memory o = _offers[offerId];
        if (o.buyer == address(0)) revert CoverExchangeNoOffer(offerId);
        if (block.timestamp > o.expiry) revert CoverExchangeOfferExpired(offerId, o.expiry);
        if (msg.sender == o.buyer) revert CoverExchangeSelfTrade(msg.sender);
        uint256 tokenId = o.tokenId;
        ICoverMarket.CoverInfo memory c = _activeCover(tokenId);
        if (c.holder != msg.sender) revert CoverExchangeNotHolder(tokenId, msg.sender, c.holder);
        IERC721 token = IERC721(address(market));
        if (token.getApproved(tokenId) != address(this) && !token.isApprovedForAll(msg.sender, address(this))) {
            revert CoverExchangeNotApproved(tokenId, msg.sender);
        }
        uint256 fee = _feeUp(o.amount, _state.feeBps);
        uint256 proceeds = o.amount - fee;
        if (proceeds < minProceeds) revert CoverExchangeProceedsBelowMin(proceeds, minProceeds);
        delete _offers[offerId];
        if (fee > 0) _state.pendingFees += uint128(fee);
        // The token leaves its holder: any listing of it is dead; remove it rather than leave it to linger.
        address listedBy = _listings[tokenId].seller;
        if (listedBy != address(0)) {
            delete _listings[tokenId];
            emit ListingCancelled(tokenId, listedBy, msg.sender);
        }
        emit CoverTraded(tokenId, msg.sender, o.buyer, o.amount, fee, offerId);
        asset.safeTransfer(msg.sender, proceeds);
        token.safeTransferFrom(msg.sender, o.buyer, tokenId);
    }

    // ================================================================== fees

    /// @inheritdoc ICoverExchange
    function forwardFees() external nonReentrant returns (uint256 forwarded) {
        forwarded = _state.pendingFees;
        if (forwarded == 0) return 0;
        _state.pendingFees = 0;
        emit FeesForwarded(forwarded, msg.sender);
        asset.forceApprove(address(waterfall), forwarded);
        waterfall.distributeFees(forwarded);
    }

    /// @inheritdoc ICoverExchange
    function setFeeBps(uint256 bps) external onlyOwner {
        _setFee(bps);
    }

    // ================================================================== internals

    /// @dev The cover's info, or `CoverExchangeCoverNotActive` unless it is `Active` (known, not claimed or
    ///      released, not past its claim deadline), or `CoverExchangeCoverEnded` once its window has closed.
    function _activeCover(uint256 tokenId) internal view returns (ICoverMarket.CoverInfo memory c) {
        c = market.coverInfo(tokenId);
        if (c.status != ICoverMarket.CoverStatus.Active) revert CoverExchangeCoverNotActive(tokenId, uint8(c.status));
        if (block.timestamp >= c.end) revert CoverExchangeCoverEnded(tokenId, c.end);
    }

    /// @dev Whether a cover may trade now: `Active` and strictly before its `end`. From `end` on its fate is
    ///      fixed (a round stamped at `end` may still land in the block at `end`, hence strict) and its holder
    ///      knows it: trading then would only let a holder dump a dead cover on a standing offer or ask.
    function _tradable(ICoverMarket.CoverInfo memory c) internal view returns (bool) {
        return c.status == ICoverMarket.CoverStatus.Active && block.timestamp < c.end;
    }

    /// @dev Whether the holder of an existing offer's cover could accept it now.
    function _fillable(Offer memory o) internal view returns (bool) {
        return block.timestamp <= o.expiry && _tradable(market.coverInfo(o.tokenId));
    }

    /// @dev Books the fee on `price` into `pendingFees` and returns it.
    function _takeFee(uint256 price) internal returns (uint256 fee) {
        State memory s = _state;
        fee = _feeUp(price, s.feeBps);
        if (fee > 0) _state.pendingFees = s.pendingFees + uint128(fee); // Σ fees ≤ Σ prices, far below 2^128
    }

    /// @dev ⌈price × bps / 10,000⌉: a fee rounds up, for the pools.
    function _feeUp(uint256 price, uint256 bps) internal pure returns (uint256) {
        return (price * bps + BPS - 1) / BPS;
    }

    function _setFee(uint256 bps) internal {
        if (bps > MAX_FEE_BPS) revert CoverExchangeFeeOutOfBounds(bps, MAX_FEE_BPS);
        emit FeeSet(_state.feeBps, bps);
        _state.feeBps = uint16(bps);
    }
}
