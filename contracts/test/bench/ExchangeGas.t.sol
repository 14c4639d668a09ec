// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {BackstopPool} from "../../src/BackstopPool.sol";
import {ShortfallWaterfall} from "../../src/ShortfallWaterfall.sol";
import {CoverExchange} from "../../src/CoverExchange.sol";
import {CoverDescriptor} from "../../src/CoverDescriptor.sol";
import {ICoverMarket} from "../../src/interfaces/ICoverMarket.sol";
import {IFeeDistributor} from "../../src/interfaces/IFeeDistributor.sol";
import {IShortfallLayer} from "../../src/interfaces/IShortfallLayer.sol";
import {CoverGasSetup} from "./CoverGas.t.sol";

/// @notice Gas of the cover exchange, on the cover benches' market and book (`CoverGasSetup`) with a Senior
///         pool, the real waterfall and the exchange registered there as a fee venue (fee 0.5 %). Call-frame
///         gas of one call to the exchange (`vm.lastCallGas`, as in `CoverGas.t.sol`), everything cold.
///         The seller (alice) holds covers and USDC; the buyer (carol) holds USDC, and her first cover
///         comes from the exchange (a new token-balance slot: the worst common case). Targets (issue 18):
///         list ≤ 60k, buy ≤ 120k.
contract ExchangeGasTest is CoverGasSetup {
    uint256 internal constant EXCHANGE_LIST_TARGET = 60_000;
    uint256 internal constant EXCHANGE_BUY_TARGET = 120_000;
    uint256 internal constant PRICE = 400e6;

    CoverExchange internal exchange;
    address internal dave = address(0xDA5E); // a returning buyer: holds a cover already
    uint256 internal listedId; // listed and approved by alice
    uint256 internal secondListedId;
    uint256 internal unlistedId;
    uint256 internal offerId; // carol's offer on `unlistedId`

    function setUp() public override {
        super.setUp();
        BackstopPool senior = new BackstopPool(IERC20(address(usdc)), "Senior", "bsSR", gov, gov);
        ShortfallWaterfall waterfall =
            new ShortfallWaterfall(IShortfallLayer(address(pool)), IShortfallLayer(address(senior)), gov, gov);
        exchange = new CoverExchange(ICoverMarket(address(market)), IFeeDistributor(address(waterfall)), gov, 50);
        vm.startPrank(gov);
        pool.setWaterfall(address(waterfall));
        senior.setWaterfall(address(waterfall));
        waterfall.setVenue(address(exchange), 1);
        market.setDescriptor(new CoverDescriptor());
        vm.stopPrank();
        _give(dave, 1_000_000e6);
        vm.prank(carol);
        usdc.approve(address(exchange), type(uint256).max);
        vm.prank(dave);
        usdc.approve(address(exchange), type(uint256).max);
        vm.startPrank(alice);
        (listedId,) = market.buyCover(down2, 2700e8, 1_000e6, 7 days, type(uint256).max);
        (secondListedId,) = market.buyCover(down2, 2700e8, 1_000e6, 7 days, type(uint256).max);
        (unlistedId,) = market.buyCover(down2, 2700e8, 1_000e6, 7 days, type(uint256).max);
        (uint256 davesFirst,) = market.buyCover(down2, 2700e8, 1_000e6, 7 days, type(uint256).max);
        market.transferFrom(alice, dave, davesFirst);
        exchange.list(listedId, PRICE);
        market.approve(address(exchange), listedId);
        exchange.list(secondListedId, PRICE);
        market.approve(address(exchange), secondListedId);
        vm.stopPrank();
        vm.prank(carol);
        offerId = exchange.makeOffer(unlistedId, 350e6, block.timestamp + 3 days);
        // A fee already pending: the fee word is non-zero anyway (it packs the fee rate).
        vm.prank(dave);
        exchange.buy(secondListedId, PRICE);
    }

    /// @notice A first listing of a token (a new listing slot).
    function testBench_list() public {
        vm.prank(alice);
        exchange.list(unlistedId, PRICE);
        _target("list", _lastCall(), EXCHANGE_LIST_TARGET);
    }

    /// @notice A listing fill by a buyer with no cover yet: price − fee to the seller, the fee to the
    ///         exchange, the token by safeTransferFrom.
    function testBench_buy() public {
        vm.prank(carol);
        exchange.buy(listedId, PRICE);
        _target("buy", _lastCall(), EXCHANGE_BUY_TARGET);
    }

    function testBench_buyReturningBuyer() public {
        vm.prank(dave);
        exchange.buy(listedId, PRICE);
        emit log_named_uint("buy (returning buyer: holds a cover already)", _lastCall());
    }

    function testBench_offers() public {
        vm.prank(dave);
        exchange.makeOffer(unlistedId, 300e6, block.timestamp + 3 days);
        emit log_named_uint("makeOffer (escrows the stablecoin)", _lastCall());
        vm.prank(dave);
        exchange.cancelOffer(offerId + 1);
        emit log_named_uint("cancelOffer (refund; warm)", _lastCall());
        vm.prank(alice);
        market.approve(address(exchange), unlistedId);
        vm.prank(alice);
        exchange.acceptOffer(offerId, 0);
        emit log_named_uint("acceptOffer (after approve)", _lastCall());
    }

    function testBench_forwardFees() public {
        exchange.forwardFees();
        emit log_named_uint("forwardFees (to both pools through the waterfall)", _lastCall());
    }

    function testBench_tokenURI() public {
        market.tokenURI(listedId);
        emit log_named_uint("tokenURI (view: JSON + SVG rendered by the descriptor)", _lastCall());
    }
}
