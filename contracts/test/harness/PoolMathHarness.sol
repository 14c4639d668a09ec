// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PoolMath} from "../../src/libraries/PoolMath.sol";

/// @notice External wrappers around {PoolMath} so the TypeScript twins' parity test can call each formula
///         on anvil (one function per library function, same name and argument order). Batch them with
///         {StaticCallBatch}.
contract PoolMathHarness {
    function DAY() external pure returns (uint256) {
        return PoolMath.DAY;
    }

    function RATE_SCALE() external pure returns (uint256) {
        return PoolMath.RATE_SCALE;
    }

    function VIRTUAL_SHARES() external pure returns (uint256) {
        return PoolMath.VIRTUAL_SHARES;
    }

    function sharesDown(uint256 assets, uint256 supply, uint256 totalAssets_) external pure returns (uint256) {
        return PoolMath.sharesDown(assets, supply, totalAssets_);
    }

    function sharesUp(uint256 assets, uint256 supply, uint256 totalAssets_) external pure returns (uint256) {
        return PoolMath.sharesUp(assets, supply, totalAssets_);
    }

    function assetsDown(uint256 shares, uint256 supply, uint256 totalAssets_) external pure returns (uint256) {
        return PoolMath.assetsDown(shares, supply, totalAssets_);
    }

    function assetsUp(uint256 shares, uint256 supply, uint256 totalAssets_) external pure returns (uint256) {
        return PoolMath.assetsUp(shares, supply, totalAssets_);
    }

    function MAX_SHARES_PER_ASSET() external pure returns (uint256) {
        return PoolMath.MAX_SHARES_PER_ASSET;
    }

    function belowSharePriceFloor(uint256 supply, uint256 totalAssets_) external pure returns (bool) {
        return PoolMath.belowSharePriceFloor(supply, totalAssets_);
    }

    function requestAssetsDown(uint256 shares, uint256 requestShares, uint256 requestAssets) external pure returns (uint256) {
        return PoolMath.requestAssetsDown(shares, requestShares, requestAssets);
    }

    function requestSharesUp(uint256 assets, uint256 requestShares, uint256 requestAssets) external pure returns (uint256) {
        return PoolMath.requestSharesUp(assets, requestShares, requestAssets);
    }

    function claimAssetsDown(uint256 shares, uint256 requestShares, uint256 requestAssets, uint256 supply, uint256 totalAssets_)
        external
        pure
        returns (uint256)
    {
        return PoolMath.claimAssetsDown(shares, requestShares, requestAssets, supply, totalAssets_);
    }

    function claimSharesUp(uint256 assets, uint256 requestShares, uint256 requestAssets, uint256 supply, uint256 totalAssets_)
        external
        pure
        returns (uint256)
    {
        return PoolMath.claimSharesUp(assets, requestShares, requestAssets, supply, totalAssets_);
    }

    function claimSharesDown(uint256 assets, uint256 requestShares, uint256 requestAssets, uint256 supply, uint256 totalAssets_)
        external
        pure
        returns (uint256)
    {
        return PoolMath.claimSharesDown(assets, requestShares, requestAssets, supply, totalAssets_);
    }

    function dayOf(uint256 t) external pure returns (uint256) {
        return PoolMath.dayOf(t);
    }

    function earningEndDayUp(uint256 end) external pure returns (uint256) {
        return PoolMath.earningEndDayUp(end);
    }

    function lockReleaseDay(uint256 until) external pure returns (uint256) {
        return PoolMath.lockReleaseDay(until);
    }

    function rateDown(uint256 amount, uint256 duration) external pure returns (uint256) {
        return PoolMath.rateDown(amount, duration);
    }

    function unearnedUp(uint256 unearned, uint256 rate, uint256 elapsed) external pure returns (uint256) {
        return PoolMath.unearnedUp(unearned, rate, elapsed);
    }
}
