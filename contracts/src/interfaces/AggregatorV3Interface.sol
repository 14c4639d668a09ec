// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @notice Chainlink's price-feed interface, an identical minimal copy of
///         Chainlink's contracts package (src/v0.8/shared/interfaces/AggregatorV3Interface.sol) (same names,
///         same selectors), so real feeds and proxies plug in unchanged.
/// @dev Proxy round ids carry the phase in the high bits: roundId = (phaseId << 64) | aggregatorRoundId.
interface AggregatorV3Interface {
    function decimals() external view returns (uint8);

    function description() external view returns (string memory);

    function version() external view returns (uint256);

    function getRoundData(uint80 _roundId)
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);

    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}
