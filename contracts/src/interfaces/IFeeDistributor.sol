// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IFeeDistributor
/// @notice What a fee-paying venue needs from `ShortfallWaterfall` (same names and selectors): its stablecoin,
///         and `distributeFees`, which pulls fees from a registered venue and splits them to the layers.
interface IFeeDistributor {
    /// @notice The stablecoin of the layers.
    function asset() external view returns (address);

    /// @notice Pulls `amount` from the calling (registered) venue and splits it to the layers by the fee weights.
    function distributeFees(uint256 amount) external returns (uint256 juniorFees, uint256 seniorFees);
}
