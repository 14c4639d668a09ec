// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

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
