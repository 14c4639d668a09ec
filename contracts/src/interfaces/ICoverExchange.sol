// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ICoverMarket} from "./ICoverMarket.sol";
import {IFeeDistributor} from "./IFeeDistributor.sol";

/// @title ICoverExchange
/// @notice A market for `CoverMarket`'s cover tokens: fixed-price listings (no escrow) and escrowed offers,
///         each filled atomically — the stablecoin to the seller, the token to the buyer, in one transaction.
///         Prices are in the market's stablecoin (base units). An optional fee, bounded by governance, is taken
///         from what the seller receives and goes to the pools through `ShortfallWaterfall.distributeFees`.
///
///         **Listings** (`list`): the seller keeps the token and approves the exchange for it with ERC-721
///         `approve(exchange, tokenId)` (an operator approval does not count for listings). A listing is
///         live only while its seller holds the token, the exchange is the token's approved address and the
///         cover is `Active` (`coverInfo`: not claimed, released or past its claim deadline) and before its `end`
///         (after it, the holder knows whether the cover pays: nothing trades, and the holder claims). Every ERC-721
///         transfer clears the token's approval, so a listing dies with any move of the token and does not
///         come back if the token returns (the approval would have to be given again). Approve after listing
///         (the app does): re-approving first would briefly revive a listing the seller made before the token
///         left and came back. One listing per token; listing again replaces it.
///
///         **Offers** (`makeOffer`): a bid on one cover with the stablecoin escrowed here, accepted by whoever
///         holds the token when it is accepted (`acceptOffer`), until its expiry. The offerer may cancel at any
///         time and gets the full amount back; anyone may cancel (refund) an offer that can no longer be filled
///         (expired, the cover's window closed, or the cover is not `Active`).
///
///         The exchange never holds a token (it moves them from seller to buyer), and holds exactly the
///         escrowed offers plus the fees not yet forwarded (`pendingFees`).
interface ICoverExchange {
    /// @notice A cover's listing: `seller` asks `price` (stablecoin base units). `seller == address(0)`: none.
    struct Listing {
        address seller;
        uint96 price;
    }

    /// @notice An escrowed offer of `amount` for cover `tokenId` by `buyer`, acceptable until `expiry`
    ///         (unix seconds, inclusive). `buyer == address(0)`: none (cancelled or filled).
    struct Offer {
        address buyer;
        uint96 amount;
        uint80 tokenId;
        uint40 expiry;
    }

    // ------------------------------------------------------------------ events

    /// @notice `seller` listed cover `tokenId` at `price` (replacing any listing of it).
    event Listed(uint256 indexed tokenId, address indexed seller, uint256 price);
    /// @notice The listing of `tokenId` by `seller` was removed by `caller` (the seller, or anyone once void).
    event ListingCancelled(uint256 indexed tokenId, address indexed seller, address caller);
    /// @notice `buyer` escrowed `amount` for cover `tokenId`, acceptable until `expiry`.
    event OfferMade(uint256 indexed offerId, uint256 indexed tokenId, address indexed buyer, uint256 amount, uint256 expiry);
    /// @notice Offer `offerId` was cancelled by `caller` and its `amount` refunded to `buyer`.
    event OfferCancelled(
        uint256 indexed offerId, uint256 indexed tokenId, address indexed buyer, uint256 amount, address caller
    );
    /// @notice Cover `tokenId` went from `seller` to `buyer` for `price`, of which `fee` went to the pools'
    ///         pending fees (the seller received `price − fee`). `offerId` is 0 for a listing fill.
    event CoverTraded(
        uint256 indexed tokenId, address indexed seller, address indexed buyer, uint256 price, uint256 fee, uint256 offerId
    );
    /// @notice Governance set the fee to `bps` (hundredths of a percent of each price).
    event FeeSet(uint256 previousBps, uint256 bps);
    /// @notice `amount` of pending fees went to the pools through the waterfall (`distributeFees`).
    event FeesForwarded(uint256 amount, address caller);

    // ------------------------------------------------------------------ errors

    /// @notice The cover is not `Active` (`status` is `ICoverMarket.CoverStatus`: 0 unknown, 2 expired, 3 claimed,
    ///         4 released): nothing can be listed, offered for or traded on it.
    error CoverExchangeCoverNotActive(uint256 tokenId, uint8 status);
    /// @notice Cover `tokenId`'s window closed at `end`: its fate is fixed and known to its holder (claim it if
    ///         touched; otherwise it is worth nothing), so it no longer trades, though it stays claimable.
    error CoverExchangeCoverEnded(uint256 tokenId, uint256 end);
    /// @notice `caller` does not hold cover `tokenId` (`holder` does).
    error CoverExchangeNotHolder(uint256 tokenId, address caller, address holder);
    error CoverExchangeZeroPrice();
    /// @notice A price or offer above the cover's payout (it can never be worth more than its payout).
    error CoverExchangePriceAbovePayout(uint256 price, uint256 payout);
    /// @notice Cover `tokenId` has no listing.
    error CoverExchangeNoListing(uint256 tokenId);
    /// @notice The listing's `seller` no longer holds the token (`holder` does): it died when the token moved.
    error CoverExchangeListingVoid(uint256 tokenId, address seller, address holder);
    /// @notice The exchange may not move the token: for a listing, the seller must `approve(exchange, tokenId)`;
    ///         to accept an offer, approve the token or set the exchange as operator.
    error CoverExchangeNotApproved(uint256 tokenId, address holder);
    /// @notice Slippage: the listing's `price` is above the buyer's `maxPrice` (the seller changed it).
    error CoverExchangePriceAboveMax(uint256 price, uint256 maxPrice);
    /// @notice The seller would receive `proceeds` (after the fee), below their `minProceeds`.
    error CoverExchangeProceedsBelowMin(uint256 proceeds, uint256 minProceeds);
    /// @notice Buying one's own listing, accepting one's own offer or bidding on a cover one holds.
    error CoverExchangeSelfTrade(address account);
    /// @notice Offer `offerId` does not exist (never made, cancelled or filled).
    error CoverExchangeNoOffer(uint256 offerId);
    /// @notice Offer `offerId` expired at `expiry`.
    error CoverExchangeOfferExpired(uint256 offerId, uint256 expiry);
    /// @notice An offer's expiry must lie in the future (and fit 40 bits).
    error CoverExchangeBadExpiry(uint256 expiry, uint256 now_);
    /// @notice Only the listing's seller may cancel a live listing (anyone may remove a void one).
    error CoverExchangeNotSeller(uint256 tokenId, address caller, address seller);
    /// @notice Only the offerer may cancel a live offer (anyone may refund a dead one).
    error CoverExchangeNotOfferer(uint256 offerId, address caller, address buyer);
    /// @notice Fee `bps` above the hard bound `max`.
    error CoverExchangeFeeOutOfBounds(uint256 bps, uint256 max);
    error CoverExchangeZeroAddress();
    /// @notice The waterfall's stablecoin `waterfallAsset` is not the market's `marketAsset`.
    error CoverExchangeAssetMismatch(address marketAsset, address waterfallAsset);

    // ------------------------------------------------------------------ views

    /// @notice The cover market whose tokens trade here.
    function market() external view returns (ICoverMarket);

    /// @notice The stablecoin prices are paid in (the market's).
    function asset() external view returns (IERC20);

    /// @notice Where fees go (`ShortfallWaterfall`; the exchange is registered there as a fee-paying venue).
    function waterfall() external view returns (IFeeDistributor);

    /// @notice The fee in hundredths of a percent of each price (≤ `MAX_FEE_BPS`).
    function feeBps() external view returns (uint256);

    /// @notice Fees taken and not yet forwarded to the pools (`forwardFees`).
    function pendingFees() external view returns (uint256);

    /// @notice The last offer id given out; ids run from 1.
    function lastOfferId() external view returns (uint256);

    /// @notice The fee on `price` now: ⌈price × feeBps / 10,000⌉ (rounded up, for the pools).
    function feeOf(uint256 price) external view returns (uint256);

    /// @notice The listing of `tokenId` and whether a `buy` could fill it now (seller holds the token, the
    ///         exchange is its approved address, the cover is `Active` and before its `end`).
    function listing(uint256 tokenId) external view returns (Listing memory, bool live);

    /// @notice Offer `offerId` and whether its cover's holder could accept it now (not expired, cover `Active` and before its `end`).
    function offer(uint256 offerId) external view returns (Offer memory, bool live);

    // ------------------------------------------------------------------ actions

    /// @notice Lists cover `tokenId` at `price` (replacing any listing of it). The caller must hold it; it stays
    ///         with them. Approve the exchange for the token (`CoverMarket.approve(exchange, tokenId)`) after
    ///         listing for the listing to be fillable.
    /// @dev Reverts `CoverExchangeZeroPrice`, `CoverExchangeCoverNotActive`, `CoverExchangeCoverEnded`, `CoverExchangeNotHolder`,
    ///      `CoverExchangePriceAbovePayout`. Emits `Listed`.
    function list(uint256 tokenId, uint256 price) external;

    /// @notice Removes the listing of `tokenId`: its seller may always; anyone may once it is void (the seller
    ///         no longer holds the token, or the cover is not `Active`), so a dead listing cannot come back.
    /// @dev Reverts `CoverExchangeNoListing`, `CoverExchangeNotSeller`. Emits `ListingCancelled`.
    function cancelListing(uint256 tokenId) external;

    /// @notice Buys listed cover `tokenId` for its price, at most `maxPrice`: pays the seller `price − fee` and
    ///         the fee to `pendingFees` from the caller (approve the exchange for `price` of the stablecoin), and
    ///         moves the token to the caller with `safeTransferFrom` (a contract buyer must accept ERC-721s).
    /// @dev Effects before interactions, `nonReentrant` (the receiver hook cannot re-enter the exchange).
    ///      Reverts `CoverExchangeNoListing`, `CoverExchangePriceAboveMax`, `CoverExchangeCoverNotActive`, `CoverExchangeCoverEnded`,
    ///      `CoverExchangeListingVoid`, `CoverExchangeNotApproved`, `CoverExchangeSelfTrade`, and the stablecoin's
    ///      own errors (balance, allowance). Emits `CoverTraded` (offerId 0).
    function buy(uint256 tokenId, uint256 maxPrice) external;

    /// @notice Offers `amount` for cover `tokenId` until `expiry` (unix seconds), escrowing it here (approve the
    ///         exchange for `amount` first).
    /// @dev Reverts `CoverExchangeZeroPrice`, `CoverExchangeCoverNotActive`, `CoverExchangeCoverEnded`, `CoverExchangePriceAbovePayout`,
    ///      `CoverExchangeSelfTrade` (the caller holds the cover), `CoverExchangeBadExpiry`. Emits `OfferMade`.
    /// @return offerId The new offer's id.
    function makeOffer(uint256 tokenId, uint256 amount, uint256 expiry) external returns (uint256 offerId);

    /// @notice Cancels offer `offerId` and refunds its full amount to the offerer. The offerer may always;
    ///         anyone may once it can no longer be filled (expired, or the cover is not `Active`).
    /// @dev Reverts `CoverExchangeNoOffer`, `CoverExchangeNotOfferer`. Emits `OfferCancelled`.
    function cancelOffer(uint256 offerId) external;

    /// @notice Sells the caller's cover to offer `offerId`: the escrow pays the caller `amount − fee` (at least
    ///         `minProceeds`) and the token goes to the offerer (`safeTransferFrom`). The caller must hold the
    ///         token and have approved the exchange for it (token approval or operator). Removes the caller's
    ///         listing of the token, if any.
    /// @dev Reverts `CoverExchangeNoOffer`, `CoverExchangeOfferExpired`, `CoverExchangeCoverNotActive`, `CoverExchangeCoverEnded`,
    ///      `CoverExchangeNotHolder`, `CoverExchangeSelfTrade`, `CoverExchangeNotApproved`,
    ///      `CoverExchangeProceedsBelowMin`. Emits `CoverTraded` (and `ListingCancelled` for a removed listing).
    function acceptOffer(uint256 offerId, uint256 minProceeds) external;

    /// @notice Sends every pending fee to the pools through `ShortfallWaterfall.distributeFees` (split by its fee
    ///         weights). Anyone may call; fills never call the pools themselves, so no pool state can block a
    ///         trade, and a trade does not pay for two pools' bookkeeping.
    /// @dev Returns 0 and does nothing when there is nothing pending. Emits `FeesForwarded` (and the waterfall's
    ///      `FeesDistributed`). Reverts as `distributeFees` does (e.g. the exchange is not a registered venue).
    function forwardFees() external returns (uint256 forwarded);

    // ------------------------------------------------------------------ governance

    /// @notice Sets the fee, at most `MAX_FEE_BPS`. Owner only (the timelock: a change is announced 15 days
    ///         before it applies, so sellers can cancel listings first). Emits `FeeSet`.
    function setFeeBps(uint256 bps) external;
}
