// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IPerpVenue} from "../interfaces/IPerpVenue.sol";

/// @notice One side of the market: its open interest (size) and its socialised-loss index (one slot).
struct PerpSide {
    uint96 openInterest;
    uint160 socialLossIndex;
}

/// @notice The venue's stablecoin in margins and in the house (one slot; see `PerpVenue`, "Books").
struct PerpBook {
    uint128 totalMargin;
    uint128 house;
}

/// @notice The pools' fee share not yet paid, and what liquidations left traders (one slot).
struct PerpPayables {
    uint128 poolFees;
    uint128 owed;
}

/// @notice An auction's bad debt by the side it came from, and the proceeds credited to the house so far.
struct PerpRecap {
    uint128 debtOfLongs;
    uint128 debtOfShorts;
    uint128 credited;
    bool settled;
}

/// @notice The guardian and its pause of new risk (one slot).
struct PerpControl {
    address guardian;
    bool paused;
}

/// @notice All of `PerpVenue`'s storage, in one struct so the external `PerpSettlement` library (the venue's
///         cold paths, kept out of its bytecode for EIP-170) works on the same state by reference.
struct PerpVenueLayout {
    IPerpVenue.Params params;
    PerpControl control;
    PerpBook book;
    PerpPayables payables;
    /// @dev Socialised loss the index could not carry or that fell below a unit when collected (× 1e27),
    ///      booked to the house.
    uint256 socialLossDustScaled;
    mapping(bool isLong => PerpSide) sides;
    /// @dev Exactly Σ over the side's open positions of size × (index − snapshot): what they still owe (× 1e27).
    mapping(bool isLong => uint256) outstandingScaled;
    mapping(bool isLong => uint256) deferred;
    mapping(address trader => IPerpVenue.Position) positions;
    mapping(address trader => uint256) owed;
    mapping(uint256 auctionId => PerpRecap) recaps;
}
