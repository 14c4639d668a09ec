// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Over 400 lines on purpose: one test per rule of listings, offers, fees and settled covers, sharing CoverExchangeBase.

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {CoverExchangeBase} from "./CoverExchangeBase.t.sol";
import {CoverExchange} from "../src/CoverExchange.sol";
import {ShortfallWaterfall} from "../src/ShortfallWaterfall.sol";
import {IShortfallWaterfall} from "../src/interfaces/IShortfallWaterfall.sol";
import {ICoverExchange} from "../src/interfaces/ICoverExchange.sol";
import {ICoverMarket} from "../src/interfaces/ICoverMarket.sol";
import {IFeeDistributor} from "../src/interfaces/IFeeDistributor.sol";
import {TestUSDC} from "../src/mocks/TestUSDC.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {IShortfallLayer} from "../src/interfaces/IShortfallLayer.sol";
import {ExchangeReentrantReceiver} from "./harness/ExchangeReentrantReceiver.sol";

/// @notice CoverExchange: exact payments of every fill, no listing surviving a transfer (there and back),
///         a claim, a release or expiry, escrowed offers refunded in full, every named rejection, the fee
///         path to the pools, reentrancy through the receiver hook, and fuzzed payments.
contract CoverExchangeTest is CoverExchangeBase {
    uint256 internal constant PRICE = 400e6;

    // ================================================================== listings: fills

    function test_Buy_PaysSellerPriceMinusFee_BuyerPaysPrice_TokenMoves() public {
        uint256 id = _buyDown(alice);
        _listApproved(alice, id, PRICE);
        uint256 fee = _fee(PRICE);
        assertEq(fee, 2e6, "0.5 % of 400");
        uint256 aliceBefore = usdc.balanceOf(alice);
        uint256 bobBefore = usdc.balanceOf(bob);

        vm.expectEmit(true, true, true, true, address(exchange));
        emit ICoverExchange.CoverTraded(id, alice, bob, PRICE, fee, 0);
        vm.prank(bob);
        exchange.buy(id, PRICE);

        assertEq(usdc.balanceOf(alice), aliceBefore + PRICE - fee, "seller gets price - fee");
        assertEq(usdc.balanceOf(bob), bobBefore - PRICE, "buyer pays exactly the price");
        assertEq(exchange.pendingFees(), fee, "fee pending for the pools");
        assertEq(usdc.balanceOf(address(exchange)), fee, "the exchange holds the pending fee only");
        assertEq(market.ownerOf(id), bob, "token to the buyer");
        assertEq(market.balanceOf(address(exchange)), 0, "the exchange never holds a token");
        (ICoverExchange.Listing memory l, bool live) = exchange.listing(id);
        assertEq(l.seller, address(0), "listing removed");
        assertFalse(live, "not live");
        assertEq(market.coverInfo(id).holder, bob, "claims now pay the buyer");
    }

    function test_List_KeepsTheToken_NoEscrow() public {
        uint256 id = _buyDown(alice);
        vm.expectEmit(true, true, true, true, address(exchange));
        emit ICoverExchange.Listed(id, alice, PRICE);
        vm.prank(alice);
        exchange.list(id, PRICE);
        assertEq(market.ownerOf(id), alice, "seller keeps the token");
        assertFalse(_live(id), "not fillable before the token approval");
        vm.prank(alice);
        market.approve(address(exchange), id);
        assertTrue(_live(id), "live once approved");
        (ICoverExchange.Listing memory l,) = exchange.listing(id);
        assertEq(l.seller, alice, "seller");
        assertEq(l.price, PRICE, "price");
    }

    function test_Relist_ReplacesThePrice_AndSlippageGuardsTheBuyer() public {
        uint256 id = _buyDown(alice);
        _listApproved(alice, id, PRICE);
        vm.prank(alice);
        exchange.list(id, PRICE + 1);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangePriceAboveMax.selector, PRICE + 1, PRICE));
        exchange.buy(id, PRICE);
        vm.prank(bob);
        exchange.buy(id, PRICE + 1);
        assertEq(market.ownerOf(id), bob, "filled at the new price");
    }

    function test_Buy_WithFeeZero_PaysTheWholePriceToTheSeller() public {
        vm.prank(gov);
        exchange.setFeeBps(0);
        uint256 id = _buyDown(alice);
        _listApproved(alice, id, PRICE);
        uint256 aliceBefore = usdc.balanceOf(alice);
        vm.prank(bob);
        exchange.buy(id, PRICE);
        assertEq(usdc.balanceOf(alice), aliceBefore + PRICE, "no fee");
        assertEq(exchange.pendingFees(), 0, "nothing pending");
        assertEq(usdc.balanceOf(address(exchange)), 0, "nothing held");
    }

    // ================================================================== listings: no listing survives

    function test_Listing_DiesWhenTheTokenMoves() public {
        uint256 id = _buyDown(alice);
        _listApproved(alice, id, PRICE);
        vm.prank(alice);
        market.transferFrom(alice, carol, id);
        assertFalse(_live(id), "void after the transfer");
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeListingVoid.selector, id, alice, carol));
        exchange.buy(id, PRICE);
    }

    /// @notice The stale-listing attack: the token leaves and comes back; the old ask must not be fillable.
    ///         (Checked against a variant that accepted operator approval: there the old ask filled.)
    function test_Listing_DoesNotComeBackWhenTheTokenReturns() public {
        uint256 id = _buyDown(alice);
        _listApproved(alice, id, PRICE);
        // Even an operator approval (which survives transfers) does not keep a listing alive.
        vm.prank(alice);
        market.setApprovalForAll(address(exchange), true);
        vm.prank(alice);
        market.transferFrom(alice, carol, id);
        vm.prank(carol);
        market.transferFrom(carol, alice, id);
        assertFalse(_live(id), "void: the transfer cleared the token approval");
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeNotApproved.selector, id, alice));
        exchange.buy(id, PRICE);
        // Relisting first (the app's order) replaces the old ask before any approval makes it fillable.
        vm.prank(alice);
        exchange.list(id, PRICE * 2);
        vm.prank(alice);
        market.approve(address(exchange), id);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangePriceAboveMax.selector, PRICE * 2, PRICE));
        exchange.buy(id, PRICE);
    }

    function test_Listing_DiesWhenClaimed_AndTheSettledCoverCannotBeBought() public {
        uint256 id = _buyDown(alice);
        _listApproved(alice, id, PRICE);
        uint80 round = _pushN(2650e8, 2, 6 minutes);
        _claim(id, round);
        assertFalse(_live(id), "void once claimed");
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeCoverNotActive.selector, id, 3));
        exchange.buy(id, PRICE);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeCoverNotActive.selector, id, 3));
        exchange.list(id, PRICE);
    }

    function test_Listing_DiesOnExpiry_AndOnRelease() public {
        uint256 id = _buyDown(alice);
        _listApproved(alice, id, PRICE);
        ICoverMarket.CoverInfo memory info = market.coverInfo(id);
        vm.warp(info.claimDeadline + 1);
        assertEq(uint256(_status(id)), uint256(ICoverMarket.CoverStatus.Expired), "past the claim deadline");
        assertFalse(_live(id), "void once expired");
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeCoverNotActive.selector, id, 2));
        exchange.buy(id, PRICE);
        market.release(id);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeCoverNotActive.selector, id, 4));
        exchange.buy(id, PRICE);
    }

    // ================================================================== listings: rejections

    function test_List_Rejections() public {
        uint256 id = _buyDown(alice);
        vm.prank(alice);
        vm.expectRevert(ICoverExchange.CoverExchangeZeroPrice.selector);
        exchange.list(id, 0);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeNotHolder.selector, id, bob, alice));
        exchange.list(id, PRICE);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangePriceAbovePayout.selector, 10_000e6 + 1, 10_000e6));
        exchange.list(id, 10_000e6 + 1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeCoverNotActive.selector, 99, 0));
        exchange.list(99, PRICE);
        vm.prank(alice);
        exchange.list(id, 10_000e6); // at the payout: allowed
    }

    function test_Buy_Rejections() public {
        uint256 id = _buyDown(alice);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeNoListing.selector, id));
        exchange.buy(id, PRICE);
        vm.prank(alice);
        exchange.list(id, PRICE);
        // Listed but not approved; an operator approval does not count for a listing.
        vm.prank(alice);
        market.setApprovalForAll(address(exchange), true);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeNotApproved.selector, id, alice));
        exchange.buy(id, PRICE);
        vm.prank(alice);
        market.approve(address(exchange), id);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeSelfTrade.selector, alice));
        exchange.buy(id, PRICE);
        // A buyer without funds or allowance: the stablecoin's own error, nothing moves.
        address poor = makeAddr("poor");
        vm.prank(poor);
        vm.expectRevert();
        exchange.buy(id, PRICE);
        assertEq(market.ownerOf(id), alice, "unchanged");
        assertTrue(_live(id), "still live");
    }

    function test_CancelListing_BySeller_OrByAnyoneOnceVoid() public {
        uint256 id = _buyDown(alice);
        _listApproved(alice, id, PRICE);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeNotSeller.selector, id, bob, alice));
        exchange.cancelListing(id);
        vm.prank(alice);
        exchange.cancelListing(id);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeNoListing.selector, id));
        exchange.buy(id, PRICE);
        // Void listings are anyone's to remove: a dead ask never lingers to come back.
        _listApproved(alice, id, PRICE);
        vm.prank(alice);
        market.transferFrom(alice, carol, id);
        vm.expectEmit(true, true, true, true, address(exchange));
        emit ICoverExchange.ListingCancelled(id, alice, bob);
        vm.prank(bob);
        exchange.cancelListing(id);
        (ICoverExchange.Listing memory l,) = exchange.listing(id);
        assertEq(l.seller, address(0), "removed");
    }

    // ================================================================== offers

    function test_Offer_EscrowsThenAccept_PaysExactly() public {
        uint256 id = _buyDown(alice);
        uint256 amount = 350e6;
        uint256 bobBefore = usdc.balanceOf(bob);
        vm.expectEmit(true, true, true, true, address(exchange));
        emit ICoverExchange.OfferMade(1, id, bob, amount, block.timestamp + 3 days);
        uint256 offerId = _offer(bob, id, amount);
        assertEq(offerId, 1, "first offer id");
        assertEq(usdc.balanceOf(bob), bobBefore - amount, "escrowed from the buyer");
        assertEq(usdc.balanceOf(address(exchange)), amount, "held by the exchange");
        (ICoverExchange.Offer memory o, bool live) = exchange.offer(offerId);
        assertEq(o.buyer, bob, "buyer");
        assertEq(o.amount, amount, "amount");
        assertEq(o.tokenId, id, "token");
        assertTrue(live, "live");

        uint256 fee = _fee(amount);
        uint256 aliceBefore = usdc.balanceOf(alice);
        vm.prank(alice);
        market.approve(address(exchange), id);
        vm.expectEmit(true, true, true, true, address(exchange));
        emit ICoverExchange.CoverTraded(id, alice, bob, amount, fee, offerId);
        vm.prank(alice);
        exchange.acceptOffer(offerId, amount - fee);
        assertEq(usdc.balanceOf(alice), aliceBefore + amount - fee, "seller gets amount - fee");
        assertEq(usdc.balanceOf(bob), bobBefore - amount, "buyer paid exactly the offer");
        assertEq(market.ownerOf(id), bob, "token to the offerer");
        assertEq(exchange.pendingFees(), fee, "fee pending");
        assertEq(usdc.balanceOf(address(exchange)), fee, "escrow gone, fee pending");
        (o,) = exchange.offer(offerId);
        assertEq(o.buyer, address(0), "offer consumed");
    }

    function test_Offer_CancelRefundsInFull() public {
        uint256 id = _buyDown(alice);
        uint256 bobBefore = usdc.balanceOf(bob);
        uint256 offerId = _offer(bob, id, 123_456_789);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeNotOfferer.selector, offerId, carol, bob));
        exchange.cancelOffer(offerId);
        vm.expectEmit(true, true, true, true, address(exchange));
        emit ICoverExchange.OfferCancelled(offerId, id, bob, 123_456_789, bob);
        vm.prank(bob);
        exchange.cancelOffer(offerId);
        assertEq(usdc.balanceOf(bob), bobBefore, "refunded to the unit");
        assertEq(usdc.balanceOf(address(exchange)), 0, "nothing left");
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeNoOffer.selector, offerId));
        exchange.cancelOffer(offerId);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeNoOffer.selector, offerId));
        exchange.acceptOffer(offerId, 0);
    }

    function test_Offer_DeadOnes_AnyoneRefundsToTheOfferer() public {
        uint256 id = _buyDown(alice);
        uint256 bobBefore = usdc.balanceOf(bob);
        uint256 expiring = _offer(bob, id, 100e6);
        uint256 onSettled = _offer(bob, id, 200e6);
        vm.warp(block.timestamp + 3 days + 1);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(ICoverExchange.CoverExchangeOfferExpired.selector, expiring, block.timestamp - 1)
        );
        exchange.acceptOffer(expiring, 0);
        vm.prank(carol);
        exchange.cancelOffer(expiring);
        // The cover is claimed: the other offer can never be filled.
        _push(SPOT, 1);
        uint256 id2 = _buyDown(alice);
        uint256 onLive = _offer(bob, id2, 300e6);
        vm.warp(block.timestamp + 1);
        uint80 round = _pushN(2650e8, 2, 6 minutes);
        _claim(id2, round);
        (, bool live) = exchange.offer(onLive);
        assertFalse(live, "dead once the cover is claimed");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeCoverNotActive.selector, id2, 3));
        exchange.acceptOffer(onLive, 0);
        vm.prank(carol);
        exchange.cancelOffer(onLive);
        vm.prank(bob);
        exchange.cancelOffer(onSettled);
        assertEq(usdc.balanceOf(bob), bobBefore, "every offer refunded in full, to the offerer");
        assertEq(usdc.balanceOf(address(exchange)), 0, "nothing held");
    }

    /// @notice Adverse selection after the term: once a cover's window has closed its fate is fixed and known to
    ///         its holder (touched: claim it; not: it is worth nothing), yet `coverInfo` calls it `Active` until the
    ///         claim deadline. A holder must not be able to dump a known-worthless cover into a standing offer or a
    ///         stale listing in that gap. (Checked on the earlier code, which traded until the claim deadline:
    ///         both the acceptance and the buy below went through and bob paid for a dead cover.)
    function test_AfterTheTermEnds_NothingTrades_OffersRefundable() public {
        uint256 id = _buyDown(alice);
        uint256 end = market.coverInfo(id).end;
        vm.prank(bob);
        uint256 offerId = exchange.makeOffer(id, 300e6, end + 10 days);
        _listApproved(alice, id, PRICE);
        uint256 bobBefore = usdc.balanceOf(bob);
        vm.warp(end); // the window's last second: a round may still land in it, so nothing trades
        assertEq(uint256(_status(id)), uint256(ICoverMarket.CoverStatus.Active), "still Active (claim grace)");
        assertFalse(_live(id), "listing void at the end");
        (, bool live) = exchange.offer(offerId);
        assertFalse(live, "offer void at the end");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeCoverEnded.selector, id, end));
        exchange.acceptOffer(offerId, 0);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeCoverEnded.selector, id, end));
        exchange.buy(id, PRICE);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeCoverEnded.selector, id, end));
        exchange.list(id, PRICE);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeCoverEnded.selector, id, end));
        exchange.makeOffer(id, 1e6, end + 1 days);
        // Dead: anyone removes the listing and refunds the offer to its maker.
        vm.startPrank(carol);
        exchange.cancelListing(id);
        exchange.cancelOffer(offerId);
        vm.stopPrank();
        assertEq(usdc.balanceOf(bob), bobBefore + 300e6, "offer refunded in full");
        assertEq(market.ownerOf(id), alice, "nothing moved");
    }

    /// @notice One second before the end the cover still carries risk both ways, and trades.
    function test_OneSecondBeforeTheEnd_StillTrades() public {
        uint256 id = _buyDown(alice);
        uint256 end = market.coverInfo(id).end;
        _listApproved(alice, id, PRICE);
        vm.warp(end - 1);
        assertTrue(_live(id), "live");
        vm.prank(bob);
        exchange.buy(id, PRICE);
        assertEq(market.ownerOf(id), bob, "bought");
    }

    function test_Offer_FollowsTheCover_TheNewHolderMayAccept() public {
        uint256 id = _buyDown(alice);
        uint256 offerId = _offer(bob, id, 300e6);
        vm.prank(alice);
        market.transferFrom(alice, carol, id);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeNotHolder.selector, id, alice, carol));
        exchange.acceptOffer(offerId, 0);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeNotApproved.selector, id, carol));
        exchange.acceptOffer(offerId, 0);
        // Accepting works with an operator approval too (the holder is the caller: nothing stale to fill).
        vm.prank(carol);
        market.setApprovalForAll(address(exchange), true);
        uint256 fee = _fee(300e6);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeProceedsBelowMin.selector, 300e6 - fee, 300e6));
        exchange.acceptOffer(offerId, 300e6);
        vm.prank(carol);
        exchange.acceptOffer(offerId, 300e6 - fee);
        assertEq(market.ownerOf(id), bob, "to the offerer");
    }

    function test_Offer_Rejections() public {
        uint256 id = _buyDown(alice);
        uint256 soon = block.timestamp + 1 days;
        vm.startPrank(bob);
        vm.expectRevert(ICoverExchange.CoverExchangeZeroPrice.selector);
        exchange.makeOffer(id, 0, soon);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangePriceAbovePayout.selector, 10_000e6 + 1, 10_000e6));
        exchange.makeOffer(id, 10_000e6 + 1, soon);
        vm.expectRevert(
            abi.encodeWithSelector(ICoverExchange.CoverExchangeBadExpiry.selector, block.timestamp, block.timestamp)
        );
        exchange.makeOffer(id, 1e6, block.timestamp);
        vm.expectRevert(
            abi.encodeWithSelector(ICoverExchange.CoverExchangeBadExpiry.selector, uint256(1) << 40, block.timestamp)
        );
        exchange.makeOffer(id, 1e6, uint256(1) << 40);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeCoverNotActive.selector, 77, 0));
        exchange.makeOffer(77, 1e6, soon);
        vm.stopPrank();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeSelfTrade.selector, alice));
        exchange.makeOffer(id, 1e6, soon);
        uint256 offerId = _offer(bob, id, 1e6);
        vm.prank(alice);
        market.transferFrom(alice, bob, id);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeSelfTrade.selector, bob));
        exchange.acceptOffer(offerId, 0);
    }

    function test_AcceptOffer_RemovesTheSellersListing() public {
        uint256 id = _buyDown(alice);
        _listApproved(alice, id, PRICE);
        uint256 offerId = _offer(bob, id, 350e6);
        vm.expectEmit(true, true, true, true, address(exchange));
        emit ICoverExchange.ListingCancelled(id, alice, alice);
        vm.prank(alice);
        exchange.acceptOffer(offerId, 0);
        (ICoverExchange.Listing memory l,) = exchange.listing(id);
        assertEq(l.seller, address(0), "listing gone with the token");
    }

    // ================================================================== fees to the pools

    function test_ForwardFees_GoToBothPoolsThroughTheWaterfall() public {
        uint256 id = _buyDown(alice);
        _listApproved(alice, id, 10_000e6);
        vm.prank(bob);
        exchange.buy(id, 10_000e6);
        uint256 fee = _fee(10_000e6);
        assertEq(fee, 50e6, "0.5 %");
        uint256 offerId = _offer(carol, _buyDown(alice), 1e6);
        uint256 juniorBefore = usdc.balanceOf(address(pool));
        uint256 seniorBefore = usdc.balanceOf(address(senior));
        vm.expectEmit(true, true, true, true, address(exchange));
        emit ICoverExchange.FeesForwarded(fee, carol);
        vm.expectEmit(true, true, true, true, address(waterfall));
        emit IShortfallWaterfall.FeesDistributed(address(exchange), fee, 35e6, 15e6);
        vm.prank(carol);
        assertEq(exchange.forwardFees(), fee, "forwarded");
        assertEq(usdc.balanceOf(address(pool)) - juniorBefore, 35e6, "Junior's weight (70 %)");
        assertEq(usdc.balanceOf(address(senior)) - seniorBefore, 15e6, "Senior's weight (30 %)");
        assertEq(exchange.pendingFees(), 0, "nothing pending");
        assertEq(usdc.balanceOf(address(exchange)), 1e6, "only the open offer's escrow stays");
        assertEq(exchange.forwardFees(), 0, "nothing to forward: no call");
        offerId; // the open offer stays refundable
    }

    /// @notice Fills never depend on the pools: an exchange the waterfall does not know still trades, and
    ///         its fees wait until governance registers it.
    function test_Fills_DoNotDependOnTheFeePath() public {
        CoverExchange unregistered =
            new CoverExchange(ICoverMarket(address(market)), IFeeDistributor(address(waterfall)), gov, FEE_BPS);
        uint256 id = _buyDown(alice);
        vm.startPrank(alice);
        unregistered.list(id, PRICE);
        market.approve(address(unregistered), id);
        vm.stopPrank();
        vm.startPrank(bob);
        usdc.approve(address(unregistered), PRICE);
        unregistered.buy(id, PRICE);
        vm.stopPrank();
        assertEq(market.ownerOf(id), bob, "traded");
        vm.expectRevert(abi.encodeWithSelector(IShortfallWaterfall.ShortfallWaterfallNotVenue.selector, address(unregistered)));
        unregistered.forwardFees();
        assertEq(unregistered.pendingFees(), _fee(PRICE), "kept until it can be forwarded");
    }

    function test_SetFeeBps_BoundedAndOwnerOnly() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        exchange.setFeeBps(10);
        vm.prank(gov);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeFeeOutOfBounds.selector, 101, 100));
        exchange.setFeeBps(101);
        vm.expectEmit(true, true, true, true, address(exchange));
        emit ICoverExchange.FeeSet(FEE_BPS, 100);
        vm.prank(gov);
        exchange.setFeeBps(100);
        assertEq(exchange.feeBps(), 100, "set");
        assertEq(exchange.feeOf(1), 1, "rounds up: the pools never lose a unit to rounding");
        assertEq(exchange.feeOf(100), 1, "1 %");
        assertEq(exchange.feeOf(101), 2, "up");
    }

    function test_Constructor_Checks() public {
        TestUSDC other = new TestUSDC();
        ShortfallWaterfall foreign = new ShortfallWaterfall(_otherPool(other), _otherPool(other), gov, gov);
        vm.expectRevert(
            abi.encodeWithSelector(ICoverExchange.CoverExchangeAssetMismatch.selector, address(usdc), address(other))
        );
        new CoverExchange(ICoverMarket(address(market)), IFeeDistributor(address(foreign)), gov, 0);
        vm.expectRevert(ICoverExchange.CoverExchangeZeroAddress.selector);
        new CoverExchange(ICoverMarket(address(0)), IFeeDistributor(address(waterfall)), gov, 0);
        vm.expectRevert(abi.encodeWithSelector(ICoverExchange.CoverExchangeFeeOutOfBounds.selector, 101, 100));
        new CoverExchange(ICoverMarket(address(market)), IFeeDistributor(address(waterfall)), gov, 101);
    }

    // ================================================================== reentrancy and contract buyers

    function test_ReceiverHook_CannotReenterTheExchange_ButSeesTheFinalState() public {
        ExchangeReentrantReceiver r = new ExchangeReentrantReceiver(exchange, IERC20(address(usdc)));
        _fund(address(r), 10_000e6);
        uint256 id = _buyDown(alice);
        uint256 other = _buyDown(alice);
        _listApproved(alice, id, PRICE);
        _listApproved(alice, other, PRICE);
        r.arm(address(exchange), abi.encodeCall(ICoverExchange.buy, (other, PRICE)), false);
        r.buy(id, PRICE);
        assertTrue(r.called(), "hook ran");
        assertFalse(r.succeeded(), "re-entry refused");
        assertEq(_selector(r.revertData()), ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector, "by the guard");
        assertEq(r.seenPendingFees(), _fee(PRICE), "the hook saw the fee booked: effects came first");
        assertEq(market.ownerOf(id), address(r), "the fill itself went through");
        assertEq(market.ownerOf(other), alice, "the re-entrant buy did not");
    }

    function test_ReceiverHook_MayClaimTheCoverItJustBought() public {
        ExchangeReentrantReceiver r = new ExchangeReentrantReceiver(exchange, IERC20(address(usdc)));
        _fund(address(r), 10_000e6);
        uint256 id = _buyDown(alice);
        uint80 round = _pushN(2650e8, 2, 6 minutes);
        _listApproved(alice, id, 9_000e6); // a provable cover listed below its payout
        r.arm(address(market), abi.encodeCall(ICoverMarket.claim, (id, round)), false);
        uint256 before = usdc.balanceOf(address(r));
        r.buy(id, 9_000e6);
        assertTrue(r.succeeded(), "the new holder claimed inside the hook");
        assertEq(usdc.balanceOf(address(r)), before - 9_000e6 + 10_000e6, "paid the payout");
    }

    function test_AContractThatRefusesTokens_CannotBuy_AndNothingMoves() public {
        ExchangeReentrantReceiver r = new ExchangeReentrantReceiver(exchange, IERC20(address(usdc)));
        _fund(address(r), 10_000e6);
        uint256 id = _buyDown(alice);
        _listApproved(alice, id, PRICE);
        r.arm(address(0), "", true);
        uint256 aliceBefore = usdc.balanceOf(alice);
        vm.expectRevert(bytes("no covers here"));
        r.buy(id, PRICE);
        assertEq(usdc.balanceOf(alice), aliceBefore, "seller unpaid");
        assertEq(exchange.pendingFees(), 0, "no fee");
        assertTrue(_live(id), "listing intact");
        // A buyer contract with no receiver at all (the oracle, given funds).
        address noHook = address(oracle);
        _fund(noHook, PRICE);
        vm.startPrank(noHook);
        usdc.approve(address(exchange), PRICE);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721InvalidReceiver.selector, noHook));
        exchange.buy(id, PRICE);
        vm.stopPrank();
    }

    // ================================================================== fuzz: exact payments

    function testFuzz_Buy_ExactPayments(uint256 price, uint256 bps) public {
        price = bound(price, 1, 10_000e6);
        bps = bound(bps, 0, 100);
        vm.prank(gov);
        exchange.setFeeBps(bps);
        uint256 id = _buyDown(alice);
        _listApproved(alice, id, price);
        uint256 fee = exchange.feeOf(price);
        assertGe(fee * 10_000, price * bps, "fee rounds up");
        assertLt(fee * 10_000, price * bps + 10_000, "by less than a unit");
        uint256 aliceBefore = usdc.balanceOf(alice);
        uint256 bobBefore = usdc.balanceOf(bob);
        vm.prank(bob);
        exchange.buy(id, price);
        assertEq(usdc.balanceOf(alice) - aliceBefore, price - fee, "seller");
        assertEq(bobBefore - usdc.balanceOf(bob), price, "buyer");
        assertEq(exchange.pendingFees(), fee, "fee");
        assertEq(usdc.balanceOf(address(exchange)), fee, "held = pending fees");
        assertEq(market.ownerOf(id), bob, "token");
    }

    function testFuzz_Offer_ExactPayments_AndRefunds(uint256 amount, uint256 bps, bool accept) public {
        amount = bound(amount, 1, 10_000e6);
        bps = bound(bps, 0, 100);
        vm.prank(gov);
        exchange.setFeeBps(bps);
        uint256 id = _buyDown(alice);
        uint256 aliceBefore = usdc.balanceOf(alice);
        uint256 bobBefore = usdc.balanceOf(bob);
        uint256 offerId = _offer(bob, id, amount);
        assertEq(usdc.balanceOf(address(exchange)), amount, "escrowed");
        uint256 fee = exchange.feeOf(amount);
        if (accept) {
            vm.startPrank(alice);
            market.approve(address(exchange), id);
            exchange.acceptOffer(offerId, amount - fee);
            vm.stopPrank();
            assertEq(usdc.balanceOf(alice) - aliceBefore, amount - fee, "seller");
            assertEq(bobBefore - usdc.balanceOf(bob), amount, "buyer");
            assertEq(usdc.balanceOf(address(exchange)), fee, "only the fee stays");
            assertEq(market.ownerOf(id), bob, "token");
        } else {
            vm.prank(bob);
            exchange.cancelOffer(offerId);
            assertEq(usdc.balanceOf(bob), bobBefore, "refunded in full");
            assertEq(usdc.balanceOf(address(exchange)), 0, "nothing stays");
            assertEq(market.ownerOf(id), alice, "token stays");
        }
    }

    function _otherPool(TestUSDC other) internal returns (IShortfallLayer) {
        return IShortfallLayer(address(new BackstopPool(IERC20(address(other)), "Other", "OT", gov, gov)));
    }
}
