// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {ShortfallWaterfall} from "../src/ShortfallWaterfall.sol";
import {CoverExchange} from "../src/CoverExchange.sol";
import {ICoverExchange} from "../src/interfaces/ICoverExchange.sol";
import {ICoverMarket} from "../src/interfaces/ICoverMarket.sol";
import {IFeeDistributor} from "../src/interfaces/IFeeDistributor.sol";
import {IShortfallLayer} from "../src/interfaces/IShortfallLayer.sol";
import {CoverMarketBase} from "./CoverMarketBase.t.sol";

/// @notice The cover market's setup plus a Senior pool, the real `ShortfallWaterfall` over both pools and a
///         `CoverExchange` registered there as a fee-paying venue (exposure cap 1, the smallest), fee 0.5 %.
///         `alice` and `bob` hold covers or stablecoin approved to the exchange; `carol` is a third party.
abstract contract CoverExchangeBase is CoverMarketBase {
    uint256 internal constant FEE_BPS = 50;

    BackstopPool internal senior;
    ShortfallWaterfall internal waterfall;
    CoverExchange internal exchange;
    address internal carol = makeAddr("carol");

    function setUp() public virtual override {
        super.setUp();
        senior = new BackstopPool(IERC20(address(usdc)), "Backstop Senior", "bsSR", gov, guardian);
        waterfall = new ShortfallWaterfall(IShortfallLayer(address(pool)), IShortfallLayer(address(senior)), gov, guardian);
        exchange = new CoverExchange(ICoverMarket(address(market)), IFeeDistributor(address(waterfall)), gov, FEE_BPS);
        vm.startPrank(gov);
        pool.setWaterfall(address(waterfall));
        senior.setWaterfall(address(waterfall));
        waterfall.setVenue(address(exchange), 1);
        vm.stopPrank();
        _fund(carol, 1_000_000e6);
        for (uint256 i; i < 3; ++i) {
            address who = i == 0 ? alice : i == 1 ? bob : carol;
            vm.prank(who);
            usdc.approve(address(exchange), type(uint256).max);
        }
    }

    /// @dev `seller` lists `tokenId` at `price` and approves the exchange for the token (in the app's order).
    function _listApproved(address seller, uint256 tokenId, uint256 price) internal {
        vm.startPrank(seller);
        exchange.list(tokenId, price);
        market.approve(address(exchange), tokenId);
        vm.stopPrank();
    }

    function _offer(address buyer, uint256 tokenId, uint256 amount) internal returns (uint256 offerId) {
        vm.prank(buyer);
        offerId = exchange.makeOffer(tokenId, amount, block.timestamp + 3 days);
    }

    function _exchangeRevert(address caller, bytes memory data) internal returns (bytes memory) {
        vm.prank(caller);
        (bool ok, bytes memory ret) = address(exchange).call(data);
        return ok ? bytes("") : ret;
    }

    function _fee(uint256 price) internal pure returns (uint256) {
        return (price * FEE_BPS + 9_999) / 10_000;
    }

    function _live(uint256 tokenId) internal view returns (bool live) {
        (, live) = exchange.listing(tokenId);
    }
}
