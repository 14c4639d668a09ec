// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {TestUSDC} from "../../src/mocks/TestUSDC.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {VolatilityOracle} from "../../src/VolatilityOracle.sol";
import {CoverMarket} from "../../src/CoverMarket.sol";
import {CoverExchange} from "../../src/CoverExchange.sol";
import {ICoverMarket} from "../../src/interfaces/ICoverMarket.sol";
import {ICoverExchange} from "../../src/interfaces/ICoverExchange.sol";

/// @notice Drives the real CoverExchange over the real CoverMarket, pools and waterfall: covers bought, listed,
///         approved, bought on the exchange, offered for, accepted, cancelled, moved by plain transfers (away
///         and back), claimed after crashes, expiring and released, fees forwarded and re-set by governance.
///         Inputs are bounded and preconditions checked first, so every exchange call is expected to succeed
///         (fail_on_revert is on); a call whose precondition does not hold now returns early as skipped. Only
///         the market's own buys and claims (not under test) run in try/catch.
///         Ghost state: each token's listing as the actors made it and whether the exchange has been approved
///         for the token since it last moved; the open offers' escrow; fees taken and forwarded; and a flag for
///         any fill that did not pay exactly (seller price − fee, buyer price).
contract ExchangeHandler is Test {
    struct ListingGhost {
        address seller;
        uint256 price;
        bool approvedSinceMove;
    }

    CoverMarket public immutable market;
    CoverExchange public immutable exchange;
    TestUSDC public immutable usdc;
    MockAggregator public immutable feed;
    VolatilityOracle public immutable oracle;
    address public immutable gov;
    uint256 public immutable downId;

    address[] public actors;
    uint256[] public tokenIds;
    mapping(uint256 tokenId => ListingGhost) public listingGhost;
    uint256[] public openOffers;

    int256 public price = 3000e8;
    uint80 public lastCrashRound;
    uint256 public ghostEscrow;
    uint256 public ghostFeesTaken;
    uint256 public ghostFeesForwarded;
    bool public ghostWrongPayment;
    /// @notice A buy the ghost said must fail went through, or one it said must work reverted (never caught).
    bool public ghostListingMismatch;

    mapping(bytes32 => uint256) public calls;
    /// @notice Outcomes counted so far in this run (a call counts one or two: "transfer" and "transfer.andBack").
    uint256 public outcomesCounted;

    constructor(
        CoverMarket market_,
        CoverExchange exchange_,
        TestUSDC usdc_,
        MockAggregator feed_,
        VolatilityOracle oracle_,
        address gov_,
        uint256 downId_
    ) {
        (market, exchange, usdc, feed, oracle, gov, downId) = (market_, exchange_, usdc_, feed_, oracle_, gov_, downId_);
        for (uint256 i; i < 3; ++i) {
            address a = address(uint160(0xA000 + i));
            actors.push(a);
            _give(a, 10_000_000e6);
            vm.startPrank(a);
            usdc.approve(address(market), type(uint256).max);
            usdc.approve(address(exchange), type(uint256).max);
            vm.stopPrank();
        }
    }

    // ------------------------------------------------------------------ covers (the market, not under test)

    function buyCover(uint256 actorSeed, uint256 strikeSeed, uint256 daysSeed) external {
        address a = _actor(actorSeed);
        uint256 strike = (uint256(price) * bound(strikeSeed, 80, 97)) / 100;
        uint256 duration = bound(daysSeed, 1, 20) * 1 days;
        vm.prank(a);
        try market.buyCover(downId, strike, 1_000e6, duration, type(uint256).max) returns (uint256 id, uint256) {
            tokenIds.push(id);
            _count("buyCover");
        } catch {
            _count("buyCover.skipped");
        }
    }

    // ------------------------------------------------------------------ listings

    /// @notice Lists, and with `andApprove` approves the token right after (the app's order).
    function list(uint256 tokenSeed, uint256 priceSeed, bool andApprove) external {
        (bool ok, uint256 id) = _token(tokenSeed);
        if (!ok) return _count("list.skipped");
        ICoverMarket.CoverInfo memory c = market.coverInfo(id);
        if (!_tradable(c)) return _count("list.skipped");
        uint256 p = bound(priceSeed, 1, c.payout);
        vm.prank(c.holder);
        exchange.list(id, p);
        ListingGhost storage g = listingGhost[id];
        (g.seller, g.price) = (c.holder, p);
        if (andApprove) {
            vm.prank(c.holder);
            market.approve(address(exchange), id);
            g.approvedSinceMove = true;
        }
        _count("list");
    }

    function approve(uint256 tokenSeed) external {
        (bool ok, uint256 id) = _token(tokenSeed);
        if (!ok) return _count("approve.skipped");
        ICoverMarket.CoverInfo memory c = market.coverInfo(id);
        if (c.status == ICoverMarket.CoverStatus.Claimed || c.status == ICoverMarket.CoverStatus.Released) {
            return _count("approve.skipped");
        }
        vm.prank(c.holder);
        market.approve(address(exchange), id);
        listingGhost[id].approvedSinceMove = true;
        _count("approve");
    }

    function cancelListing(uint256 tokenSeed, uint256 callerSeed) external {
        (bool ok, uint256 id) = _token(tokenSeed);
        ListingGhost storage g = listingGhost[id];
        if (!ok || g.seller == address(0)) return _count("cancelListing.skipped");
        ICoverMarket.CoverInfo memory c = market.coverInfo(id);
        bool void = !_tradable(c) || c.holder != g.seller;
        address caller = void ? _actor(callerSeed) : g.seller;
        vm.prank(caller);
        exchange.cancelListing(id);
        g.seller = address(0);
        _count(void ? "cancelListing.void" : "cancelListing");
    }

    /// @notice Buys from the listing when the ghost says it is live; checks the exact payments; when the ghost
    ///         says it is dead, checks the exchange refuses.
    function buy(uint256 tokenSeed, uint256 buyerSeed) external {
        (bool ok, uint256 id) = _listedToken(tokenSeed);
        ListingGhost memory g = listingGhost[id];
        if (!ok) return _count("buy.skipped");
        address buyer = _actor(buyerSeed);
        if (buyer == g.seller) buyer = _actor(buyerSeed % 3 + 1);
        ICoverMarket.CoverInfo memory c = market.coverInfo(id);
        bool live = _tradable(c) && c.holder == g.seller && g.approvedSinceMove;
        (, bool exchangeSaysLive) = exchange.listing(id);
        if (live != exchangeSaysLive) ghostListingMismatch = true;
        if (!live) {
            vm.prank(buyer);
            try exchange.buy(id, g.price) {
                ghostListingMismatch = true; // a dead listing filled
            } catch {}
            return _count("buy.refused");
        }
        uint256 fee = exchange.feeOf(g.price);
        uint256 sellerBefore = usdc.balanceOf(g.seller);
        uint256 buyerBefore = usdc.balanceOf(buyer);
        vm.prank(buyer);
        exchange.buy(id, g.price);
        if (usdc.balanceOf(g.seller) != sellerBefore + g.price - fee) ghostWrongPayment = true;
        if (usdc.balanceOf(buyer) != buyerBefore - g.price) ghostWrongPayment = true;
        if (market.ownerOf(id) != buyer) ghostWrongPayment = true;
        ghostFeesTaken += fee;
        _moved(id);
        listingGhost[id].seller = address(0);
        _count("buy");
    }

    /// @notice A plain ERC-721 transfer (to another actor, sometimes straight back): kills listings.
    function transfer(uint256 tokenSeed, uint256 toSeed, bool andBack) external {
        (bool ok, uint256 id) = _token(tokenSeed);
        if (!ok) return _count("transfer.skipped");
        ICoverMarket.CoverInfo memory c = market.coverInfo(id);
        if (c.status == ICoverMarket.CoverStatus.Claimed || c.status == ICoverMarket.CoverStatus.Released) {
            return _count("transfer.skipped");
        }
        address to = _actor(toSeed);
        if (to == c.holder) to = _actor(toSeed % 3 + 1);
        vm.prank(c.holder);
        market.transferFrom(c.holder, to, id);
        if (andBack) {
            vm.prank(to);
            market.transferFrom(to, c.holder, id);
        }
        _moved(id);
        _count(andBack ? "transfer.andBack" : "transfer");
    }

    /// @dev The ghost's own rule: a cover trades while `Active` and strictly before its end.
    function _tradable(ICoverMarket.CoverInfo memory c) internal view returns (bool) {
        return c.status == ICoverMarket.CoverStatus.Active && block.timestamp < c.end;
    }

    // ------------------------------------------------------------------ offers

    function makeOffer(uint256 tokenSeed, uint256 buyerSeed, uint256 amountSeed, uint256 expirySeed) external {
        (bool ok, uint256 id) = _token(tokenSeed);
        if (!ok) return _count("makeOffer.skipped");
        ICoverMarket.CoverInfo memory c = market.coverInfo(id);
        if (!_tradable(c)) return _count("makeOffer.skipped");
        address buyer = _actor(buyerSeed);
        if (buyer == c.holder) buyer = _actor(buyerSeed % 3 + 1);
        uint256 amount = bound(amountSeed, 1, c.payout);
        uint256 expiry = block.timestamp + bound(expirySeed, 1, 10 days);
        uint256 before = usdc.balanceOf(buyer);
        vm.prank(buyer);
        uint256 offerId = exchange.makeOffer(id, amount, expiry);
        if (usdc.balanceOf(buyer) != before - amount) ghostWrongPayment = true;
        openOffers.push(offerId);
        ghostEscrow += amount;
        _count("makeOffer");
    }

    function cancelOffer(uint256 offerSeed, uint256 callerSeed) external {
        if (openOffers.length == 0) return _count("cancelOffer.skipped");
        uint256 slot = offerSeed % openOffers.length;
        uint256 offerId = openOffers[slot];
        (ICoverExchange.Offer memory o, bool live) = exchange.offer(offerId);
        address caller = live ? o.buyer : _actor(callerSeed); // dead offers: anyone refunds them
        uint256 before = usdc.balanceOf(o.buyer);
        vm.prank(caller);
        exchange.cancelOffer(offerId);
        if (usdc.balanceOf(o.buyer) != before + o.amount) ghostWrongPayment = true;
        ghostEscrow -= o.amount;
        _dropOffer(slot);
        _count(live ? "cancelOffer" : "cancelOffer.dead");
    }

    function acceptOffer(uint256 offerSeed, bool operatorApproval) external {
        if (openOffers.length == 0) return _count("acceptOffer.skipped");
        uint256 slot = offerSeed % openOffers.length;
        uint256 offerId = openOffers[slot];
        (ICoverExchange.Offer memory o, bool live) = exchange.offer(offerId);
        if (!live) return _count("acceptOffer.skipped");
        address holder = market.ownerOf(o.tokenId);
        if (holder == o.buyer) return _count("acceptOffer.skipped");
        vm.startPrank(holder);
        if (operatorApproval) market.setApprovalForAll(address(exchange), true);
        else market.approve(address(exchange), o.tokenId);
        uint256 fee = exchange.feeOf(o.amount);
        uint256 before = usdc.balanceOf(holder);
        exchange.acceptOffer(offerId, o.amount - fee);
        if (operatorApproval) market.setApprovalForAll(address(exchange), false);
        vm.stopPrank();
        if (usdc.balanceOf(holder) != before + o.amount - fee) ghostWrongPayment = true;
        if (market.ownerOf(o.tokenId) != o.buyer) ghostWrongPayment = true;
        ghostEscrow -= o.amount;
        ghostFeesTaken += fee;
        _moved(o.tokenId);
        listingGhost[o.tokenId].seller = address(0); // the exchange removes the listing with the move
        _dropOffer(slot);
        _count("acceptOffer");
    }

    // ------------------------------------------------------------------ fees, governance, time and price

    function forwardFees() external {
        uint256 pending = exchange.pendingFees();
        exchange.forwardFees();
        ghostFeesForwarded += pending;
        _count(pending == 0 ? "forwardFees.nothing" : "forwardFees");
    }

    function setFee(uint256 bpsSeed) external {
        uint256 bps = bound(bpsSeed, 0, exchange.MAX_FEE_BPS());
        vm.prank(gov);
        exchange.setFeeBps(bps);
        _count("setFee");
    }

    /// @notice Time passes (covers expire; offers lapse) with a fresh round at the current price.
    function warp(uint256 dtSeed) external {
        vm.warp(block.timestamp + bound(dtSeed, 1 minutes, 3 days));
        feed.pushAnswer(price);
        oracle.poke();
        _count("warp");
    }

    /// @notice The price moves (by up to ±15 %), or crashes for two rounds (which makes covers claimable).
    function movePrice(uint256 moveSeed, bool crash) external {
        vm.warp(block.timestamp + 6 minutes);
        if (crash) {
            lastCrashRound = feed.pushAnswer((price * 78) / 100);
            vm.warp(block.timestamp + 1 minutes);
            feed.pushAnswer((price * 78) / 100);
            vm.warp(block.timestamp + 1 minutes);
            _count("crash");
        } else {
            price = (price * int256(bound(moveSeed, 85, 115))) / 100;
            _count("movePrice");
        }
        feed.pushAnswer(price);
        oracle.poke();
    }

    function claim(uint256 tokenSeed) external {
        (bool ok, uint256 id) = _token(tokenSeed);
        if (!ok || lastCrashRound == 0) return _count("claim.skipped");
        try market.claim(id, lastCrashRound) {
            _count("claim");
        } catch {
            _count("claim.skipped");
        }
    }

    function release(uint256 tokenSeed) external {
        (bool ok, uint256 id) = _token(tokenSeed);
        if (!ok) return _count("release.skipped");
        try market.release(id) {
            _count("release");
        } catch {
            _count("release.skipped");
        }
    }

    // ------------------------------------------------------------------ views for the invariants

    function tokenCount() external view returns (uint256) {
        return tokenIds.length;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function openOfferCount() external view returns (uint256) {
        return openOffers.length;
    }

    // ------------------------------------------------------------------ internals

    function _moved(uint256 id) internal {
        listingGhost[id].approvedSinceMove = false;
    }

    function _dropOffer(uint256 slot) internal {
        openOffers[slot] = openOffers[openOffers.length - 1];
        openOffers.pop();
    }

    /// @dev The first token with a listing (as the actors left it) from a random start, if any.
    function _listedToken(uint256 seed) internal view returns (bool, uint256) {
        uint256 n = tokenIds.length;
        for (uint256 i; i < n; ++i) {
            uint256 id = tokenIds[(seed % n + i) % n];
            if (listingGhost[id].seller != address(0)) return (true, id);
        }
        return (false, 0);
    }

    function _token(uint256 seed) internal view returns (bool, uint256) {
        if (tokenIds.length == 0) return (false, 0);
        return (true, tokenIds[seed % tokenIds.length]);
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _count(string memory name) internal {
        ++calls[keccak256(bytes(name))];
        ++outcomesCounted;
    }

    function _give(address who, uint256 amount) internal {
        vm.store(address(usdc), keccak256(abi.encode(who, uint256(0))), bytes32(usdc.balanceOf(who) + amount));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + amount));
    }
}
