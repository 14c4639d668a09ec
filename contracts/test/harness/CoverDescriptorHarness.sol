// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CoverDescriptor} from "../../src/CoverDescriptor.sol";
import {ICoverMarket} from "../../src/interfaces/ICoverMarket.sol";

/// @notice Exposes the descriptor's formatting and its JSON and SVG before base64, for tests.
contract CoverDescriptorHarness is CoverDescriptor {
    function json(ICoverMarket market, uint256 tokenId) external view returns (string memory) {
        return _json(market, tokenId);
    }

    function svg(ICoverMarket market, uint256 tokenId) external view returns (string memory) {
        (Text memory t,) = _read(market, tokenId);
        return _svg(t);
    }

    function decimal(uint256 value, uint8 decimals) external pure returns (string memory) {
        return _decimal(value, decimals);
    }

    function date(uint256 t) external pure returns (string memory) {
        return _date(t);
    }

    function label(string memory raw) external pure returns (string memory) {
        return _label(raw);
    }
}
