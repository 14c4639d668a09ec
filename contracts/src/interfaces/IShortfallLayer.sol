// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IShortfallLayer
/// @notice What the ShortfallWaterfall needs from a pool layer (BackstopPool implements it).
interface IShortfallLayer {
    /// @notice The stablecoin the layer holds.
    function asset() external view returns (address);

    /// @notice Capital that may absorb a loss or leave: total assets minus capital locked for covers.
    function freeAssets() external view returns (uint256);

    /// @notice Pays `amount` of free capital to `recipient` (the venue) to cover a shortfall.
    /// @dev Only the registered waterfall. Reverts if `amount > freeAssets()`. Lowers the share
    ///      price for every holder, shares in cooldown included. Emits `ShortfallCovered`.
    function coverShortfall(uint256 amount, address recipient) external;

    /// @notice Pulls `amount` of the stablecoin from the caller as venue fees for the layer's holders.
    /// @dev Only the registered waterfall. Emits `FeesReceived`.
    function receiveFees(uint256 amount) external;
}
