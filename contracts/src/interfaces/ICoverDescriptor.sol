// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ICoverMarket} from "./ICoverMarket.sol";

/// @title ICoverDescriptor
/// @notice Renders a cover token's metadata for wallets and marketplaces (the role of Uniswap v3's
///         `NonfungibleTokenPositionDescriptor`): `CoverMarket.tokenURI` forwards to the descriptor governance
///         set, so the market stays under EIP-170 and the rendering can be replaced without touching covers.
interface ICoverDescriptor {
    /// @notice The ERC-721 metadata of cover `tokenId` of `market`: a `data:application/json;base64,` URI whose
    ///         JSON has `name`, `description`, `image` (an SVG data URI) and `attributes` — product, direction,
    ///         strike, payout, start, end and status, all read from `market` now.
    /// @dev A view with no state of its own; any market implementing `ICoverMarket` can use it. Reverts
    ///      (as the market does first) for a token that does not exist.
    function tokenURI(ICoverMarket market, uint256 tokenId) external view returns (string memory);
}
