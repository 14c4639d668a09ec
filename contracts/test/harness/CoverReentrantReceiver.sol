// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {CoverMarket} from "../../src/CoverMarket.sol";

/// @notice A cover buyer whose `onERC721Received` calls back into the market with an armed payload
///         (buyCover, claim, release…) and bubbles any revert, and otherwise records what it can see
///         of the market and the pool while the mint is in flight.
contract CoverReentrantReceiver is IERC721Receiver {
    CoverMarket public immutable market;
    bytes public payload;
    uint256 public seenPayout;
    uint256 public seenLocked;

    constructor(CoverMarket market_, IERC20 usdc) {
        market = market_;
        usdc.approve(address(market_), type(uint256).max);
    }

    function arm(bytes calldata payload_) external {
        payload = payload_;
    }

    function buy(uint256 productId, uint256 strike, uint256 payout, uint256 duration) external returns (uint256 id) {
        (id,) = market.buyCover(productId, strike, payout, duration, type(uint256).max);
    }

    function onERC721Received(address, address, uint256 tokenId, bytes calldata) external returns (bytes4) {
        bytes memory p = payload;
        if (p.length != 0) {
            (bool ok, bytes memory ret) = address(market).call(p);
            if (!ok) {
                assembly {
                    revert(add(ret, 32), mload(ret))
                }
            }
        }
        seenPayout = market.coverInfo(tokenId).payout;
        (CoverMarket.ProductConfig memory c,) = market.product(market.coverInfo(tokenId).productId);
        seenLocked = c.pool.lockedAssets();
        return IERC721Receiver.onERC721Received.selector;
    }
}
