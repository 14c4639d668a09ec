// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {BackstopPool} from "../../src/BackstopPool.sol";
import {TestUSDC} from "../../src/mocks/TestUSDC.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {VolatilityOracle} from "../../src/VolatilityOracle.sol";
import {CoverMarket} from "../../src/CoverMarket.sol";
import {CoverExchange} from "../../src/CoverExchange.sol";
import {ShortfallWaterfall} from "../../src/ShortfallWaterfall.sol";
import {ICoverMarket} from "../../src/interfaces/ICoverMarket.sol";
import {ICoverExchange} from "../../src/interfaces/ICoverExchange.sol";
import {ICoverPool} from "../../src/interfaces/ICoverPool.sol";
import {IVolatilityOracle} from "../../src/interfaces/IVolatilityOracle.sol";
import {IFeeDistributor} from "../../src/interfaces/IFeeDistributor.sol";
import {IShortfallLayer} from "../../src/interfaces/IShortfallLayer.sol";
import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {CoverPricing} from "../../src/libraries/CoverPricing.sol";
import {ExchangeHandler} from "./ExchangeHandler.sol";
import {SweepSchedule} from "./SweepSchedule.sol";

/// @notice CoverExchange invariants under random listings, approvals, fills, plain transfers (there and back),
///         offers, acceptances, cancellations, claims, expiry, releases, fee changes and fee forwarding:
///         - the exchange never holds a cover token;
///         - its stablecoin balance is exactly the open offers' escrow plus the fees not yet forwarded (and the
///           pending fees are exactly those taken minus those forwarded);
///         - a listing is fillable exactly when its seller still holds the token, the exchange was approved
///           for it since it last moved and the cover is Active: no listing survives a transfer, a claim, a
///           release or expiry, and none comes back;
///         - every fill paid exactly (seller price − fee, buyer price, the token to the buyer).
///         200 runs × depth 128 = 25,600 handler calls; `afterInvariant` logs how many calls of each kind did
///         something (`-vv`, the last run), and with EXCHANGE_INVARIANT_CALLS=<file> appends one line per run.
/// forge-config: default.invariant.runs = 200
/// forge-config: default.invariant.depth = 128
/// forge-config: default.invariant.fail-on-revert = true
contract ExchangeInvariantTest is Test, SweepSchedule {
    event log_named_uint(string key, uint256 val);

    TestUSDC internal usdc;
    CoverMarket internal market;
    CoverExchange internal exchange;
    ExchangeHandler internal handler;
    address internal gov = address(0x600);

    function setUp() public {
        vm.warp(1_700_000_000);
        usdc = new TestUSDC();
        BackstopPool junior = new BackstopPool(IERC20(address(usdc)), "Backstop Junior", "bsJR", gov, gov);
        BackstopPool senior = new BackstopPool(IERC20(address(usdc)), "Backstop Senior", "bsSR", gov, gov);
        MockAggregator feed = new MockAggregator(8, "ETH / USD", address(this));
        feed.pushAnswer(3000e8);
        VolatilityOracle oracle = new VolatilityOracle(feed, gov, 0.8e18, 0.1e18, 3e18, 1 hours);
        oracle.poke();
        market = new CoverMarket(IERC20(address(usdc)), gov, gov, AggregatorV3Interface(address(0)), 0);
        ShortfallWaterfall waterfall =
            new ShortfallWaterfall(IShortfallLayer(address(junior)), IShortfallLayer(address(senior)), gov, gov);
        exchange = new CoverExchange(ICoverMarket(address(market)), IFeeDistributor(address(waterfall)), gov, 50);
        vm.startPrank(gov);
        junior.setMarket(address(market), true);
        junior.setWaterfall(address(waterfall));
        senior.setWaterfall(address(waterfall));
        waterfall.setVenue(address(exchange), 1);
        uint256 downId = market.registerProduct(_config(feed, oracle, junior));
        vm.stopPrank();
        handler = new ExchangeHandler(market, exchange, usdc, feed, oracle, gov, downId);
        feed.transferOwnership(address(handler));
        // Underwriters in both layers (Senior must hold capital to take its share of the fees).
        address lp = address(0xB0B);
        vm.store(address(usdc), keccak256(abi.encode(lp, uint256(0))), bytes32(uint256(2_000_000e6)));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + 2_000_000e6));
        vm.startPrank(lp);
        usdc.approve(address(junior), type(uint256).max);
        usdc.approve(address(senior), type(uint256).max);
        junior.deposit(1_000_000e6, lp);
        senior.deposit(1_000_000e6, lp);
        vm.stopPrank();
        for (uint256 i; i < 6; ++i) {
            handler.buyCover(i, 90 + i, 5 + i * 3);
        }
        targetContract(address(handler));
    }

    function _config(MockAggregator feed, VolatilityOracle oracle, BackstopPool pool)
        internal
        pure
        returns (ICoverMarket.ProductConfig memory)
    {
        return ICoverMarket.ProductConfig({
            feed: feed,
            oracle: IVolatilityOracle(address(oracle)),
            pool: ICoverPool(address(pool)),
            direction: ICoverMarket.Direction.Down,
            confirmations: 2,
            activationDelay: 5 minutes,
            claimGrace: 1 days,
            minDuration: 1 hours,
            maxDuration: 90 days,
            maxPriceAge: 1 days,
            maxSigmaAge: 7 days,
            maxStrikeRatio: 400,
            pricing: CoverPricing.Pricing({baseMarkup: 1.2e18, slope: 0.5e18, steepSlope: 5e18, kink: 0.8e18, minRate: 0.1e18})
        });
    }

    /// @dev One campaign checks all four (a campaign per invariant function would run the handler four times).
    function invariant_Exchange() public view {
        _neverHoldsACover();
        _balanceIsEscrowPlusPendingFees();
        if (_sweepDue()) {
            _sweepOffersSumToEscrow();
            _sweepListingLiveExactlyWhenUnmovedApprovedAndActive();
        }
        assertFalse(handler.ghostListingMismatch(), "the exchange filled a dead listing or disagreed with the ghost");
        _everyFillPaidExactly();
    }

    function _neverHoldsACover() internal view {
        assertEq(market.balanceOf(address(exchange)), 0, "the exchange holds a cover token");
    }

    function _balanceIsEscrowPlusPendingFees() internal view {
        assertEq(exchange.pendingFees(), handler.ghostFeesTaken() - handler.ghostFeesForwarded(), "pending fees");
        assertEq(
            usdc.balanceOf(address(exchange)),
            handler.ghostEscrow() + exchange.pendingFees(),
            "stablecoin balance != escrowed offers + pending fees"
        );
    }

    function _sweepOffersSumToEscrow() internal view {
        uint256 escrow;
        for (uint256 i; i < handler.openOfferCount(); ++i) {
            (ICoverExchange.Offer memory o,) = exchange.offer(handler.openOffers(i));
            escrow += o.amount;
        }
        assertEq(escrow, handler.ghostEscrow(), "the exchange's offers sum to the escrow");
    }

    function _sweepListingLiveExactlyWhenUnmovedApprovedAndActive() internal view {
        for (uint256 i; i < handler.tokenCount(); ++i) {
            uint256 id = handler.tokenIds(i);
            (address seller, uint256 price, bool approvedSinceMove) = handler.listingGhost(id);
            (ICoverExchange.Listing memory l, bool live) = exchange.listing(id);
            if (seller == address(0)) {
                assertFalse(live, "a removed listing is live");
                continue;
            }
            assertEq(l.seller, seller, "seller");
            assertEq(l.price, price, "price");
            ICoverMarket.CoverInfo memory c = market.coverInfo(id);
            bool expected = approvedSinceMove && c.holder == seller && c.status == ICoverMarket.CoverStatus.Active
                && block.timestamp < c.end;
            assertEq(live, expected, "a listing survived a move, a claim, a release or expiry (or died early)");
        }
    }

    function _everyFillPaidExactly() internal view {
        assertFalse(handler.ghostWrongPayment(), "a fill or refund paid the wrong amount");
    }

    function _callsThisRun() internal view override returns (uint256) {
        return handler.outcomesCounted();
    }

    function afterInvariant() public {
        _sweepOffersSumToEscrow();
        _sweepListingLiveExactlyWhenUnmovedApprovedAndActive();
        string[25] memory names = [
            "buyCover",
            "list",
            "approve",
            "buy",
            "buy.refused",
            "cancelListing",
            "cancelListing.void",
            "transfer",
            "transfer.andBack",
            "makeOffer",
            "cancelOffer",
            "cancelOffer.dead",
            "acceptOffer",
            "forwardFees",
            "setFee",
            "warp",
            "movePrice",
            "crash",
            "claim",
            "release",
            "list.skipped",
            "buy.skipped",
            "acceptOffer.skipped",
            "claim.skipped",
            "forwardFees.nothing"
        ];
        string memory line = "";
        for (uint256 i; i < names.length; ++i) {
            uint256 n = handler.calls(keccak256(bytes(names[i])));
            emit log_named_uint(names[i], n);
            line = string.concat(line, names[i], " ", vm.toString(n), " ");
        }
        // Totals over a campaign: EXCHANGE_INVARIANT_CALLS=<file> gets one line per run.
        string memory path = vm.envOr("EXCHANGE_INVARIANT_CALLS", string(""));
        if (bytes(path).length != 0) vm.writeLine(path, line);
    }
}
