// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AuctionMath} from "../../src/libraries/AuctionMath.sol";

/// @notice External wrappers around {AuctionMath} so the TypeScript twin's parity test can call each
///         formula on anvil (one function per library function, same name and argument order).
contract AuctionMathHarness {
    function auctionPriceUp(uint256 startPrice, uint256 floorPrice, uint256 startTime, uint256 duration, uint256 now_)
        external
        pure
        returns (uint256)
    {
        return AuctionMath.auctionPriceUp(startPrice, floorPrice, startTime, duration, now_);
    }

    function mintCapDown(uint256 supplyBefore, uint256 maxMintBps) external pure returns (uint256) {
        return AuctionMath.mintCapDown(supplyBefore, maxMintBps);
    }

    function mintBudgetDown(uint256 supply, uint256 used, uint256 maxMintBps)
        external
        pure
        returns (uint256 cap, uint256 available)
    {
        return AuctionMath.mintBudgetDown(supply, used, maxMintBps);
    }

    function bksOutDown(uint256 stableIn, uint256 price) external pure returns (uint256) {
        return AuctionMath.bksOutDown(stableIn, price);
    }

    function stableInUp(uint256 bksOut, uint256 price) external pure returns (uint256) {
        return AuctionMath.stableInUp(bksOut, price);
    }

    function quoteBuyBksDownPaidUp(uint256 stableIn, uint256 price, uint256 remainingTarget, uint256 remainingMint)
        external
        pure
        returns (uint256 paid, uint256 bksOut)
    {
        return AuctionMath.quoteBuyBksDownPaidUp(stableIn, price, remainingTarget, remainingMint);
    }

    function dilutionWadDown(uint256 minted, uint256 supplyBefore) external pure returns (uint256) {
        return AuctionMath.dilutionWadDown(minted, supplyBefore);
    }
}
