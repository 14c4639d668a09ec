// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {CoverExchange} from "../../src/CoverExchange.sol";

/// @notice A contract buyer on the exchange whose `onERC721Received` (run while a fill is in flight) tries an
///         armed call — into the exchange, or into the market — and records whether it went through and its
///         revert data, instead of bubbling it, so a test can check what the hook could and could not do.
///         With `refuse`, it rejects the token (a fill to it must then revert as a whole).
contract ExchangeReentrantReceiver is IERC721Receiver {
    CoverExchange public immutable exchange;
    address public target;
    bytes public payload;
    bool public refuse;
    bool public called;
    bool public succeeded;
    bytes public revertData;
    uint256 public seenPendingFees;

    constructor(CoverExchange exchange_, IERC20 usdc) {
        exchange = exchange_;
        usdc.approve(address(exchange_), type(uint256).max);
    }

    function arm(address target_, bytes calldata payload_, bool refuse_) external {
        (target, payload, refuse) = (target_, payload_, refuse_);
    }

    function buy(uint256 tokenId, uint256 maxPrice) external {
        exchange.buy(tokenId, maxPrice);
    }

    function makeOffer(uint256 tokenId, uint256 amount, uint256 expiry) external returns (uint256) {
        return exchange.makeOffer(tokenId, amount, expiry);
    }

    function onERC721Received(address, address, uint256, bytes calldata) external returns (bytes4) {
        require(!refuse, "no covers here");
        seenPendingFees = exchange.pendingFees();
        if (payload.length != 0) {
            called = true;
            (succeeded, revertData) = target.call(payload);
        }
        return IERC721Receiver.onERC721Received.selector;
    }
}
