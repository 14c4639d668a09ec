// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";

/// @notice The shape of Chainlink's `EACAggregatorProxy` hot path, for gas only: one storage slot naming
///         the current aggregator (and phase), read on every call, then a call to that aggregator. The
///         aggregator here (a `MockAggregator`) already returns proxy round ids, so they pass through.
contract FeedProxyHarness is AggregatorV3Interface {
    struct Phase {
        uint16 id;
        AggregatorV3Interface aggregator;
    }

    Phase private _current;

    constructor(AggregatorV3Interface aggregator) {
        _current = Phase(1, aggregator);
    }

    function decimals() external view returns (uint8) {
        return _current.aggregator.decimals();
    }

    function description() external view returns (string memory) {
        return _current.aggregator.description();
    }

    function version() external pure returns (uint256) {
        return 6;
    }

    function getRoundData(uint80 roundId) external view returns (uint80, int256, uint256, uint256, uint80) {
        return _current.aggregator.getRoundData(roundId);
    }

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return _current.aggregator.latestRoundData();
    }
}
