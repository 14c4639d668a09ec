// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CoverMarketBase} from "./CoverMarketBase.t.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ICoverMarket} from "../src/interfaces/ICoverMarket.sol";
import {CoverPricing} from "../src/libraries/CoverPricing.sol";

/// @notice Issue 13 on the market: the strike range, the utilization ceiling as the market's own refusal,
///         the premium's monotonicity on the deployed market (payout, duration, utilization), the minimum
///         charged length, and burned covers (claim and release).
contract CoverMarketHardeningTest is CoverMarketBase {
    // ---------- the strike range ----------

    /// @notice Down strikes down to spot / 4 (750), Up strikes up to spot × 4 (12,000) with the default
    ///         ratio; one unit beyond is `CoverMarketStrikeTooFar` carrying the limit, on quote and buy.
    function test_StrikeRange_EdgesAtTheDefaultRatio() public {
        market.quote(downId, 750e8, 1_000e6, 7 days);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeTooFar.selector, 750e8 - 1, 750e8));
        market.quote(downId, 750e8 - 1, 1_000e6, 7 days);
        market.quote(upId, 12_000e8, 1_000e6, 7 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeTooFar.selector, 12_000e8 + 1, 12_000e8));
        market.buyCover(upId, 12_000e8 + 1, 1_000e6, 7 days, type(uint256).max);
        // The absurd strikes of the attack are refused outright.
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeTooFar.selector, 1, 750e8));
        market.quote(downId, 1, 1_000e6, 7 days);
        uint256 max = market.MAX_STRIKE();
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeTooFar.selector, max, 12_000e8));
        market.quote(upId, max, 1_000e6, 7 days);
    }

    /// @notice The limit is exact in integers for any spot and ratio: strike × ratio ≥ spot × 100 (Down),
    ///         strike × 100 ≤ spot × ratio (Up).
    function testFuzz_StrikeRange_ExactForAnyRatio(uint256 ratio, uint256 strike, bool up) public {
        ratio = bound(ratio, market.MIN_MAX_STRIKE_RATIO(), market.MAX_MAX_STRIKE_RATIO());
        vm.prank(gov);
        market.setTerms(up ? upId : downId, 1 hours, 90 days, 1 hours, 1 days, ratio);
        uint256 spot = uint256(SPOT);
        strike = up ? bound(strike, spot + 1, spot * 11) : bound(strike, 1, spot - 1);
        bool inside = up ? strike * 100 <= spot * ratio : strike * ratio >= spot * 100;
        try market.quote(up ? upId : downId, strike, 1_000e6, 7 days) {
            assertTrue(inside, "a strike beyond the range was priced");
        } catch (bytes memory err) {
            if (inside) assertEq(_selector(err), ICoverMarket.CoverMarketUninsurable.selector, "inside: only uninsurable");
            else assertEq(_selector(err), ICoverMarket.CoverMarketStrikeTooFar.selector, "outside: StrikeTooFar");
        }
    }

    function test_StrikeRange_GovernanceBounds() public {
        vm.startPrank(gov);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICoverMarket.CoverMarketParameterOutOfBounds.selector, ICoverMarket.Parameter.MaxStrikeRatio, 109, 110, 1_000
            )
        );
        market.setTerms(downId, 1 hours, 90 days, 1 hours, 1 days, 109);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICoverMarket.CoverMarketParameterOutOfBounds.selector, ICoverMarket.Parameter.MaxStrikeRatio, 1_001, 110, 1_000
            )
        );
        market.setTerms(downId, 1 hours, 90 days, 1 hours, 1 days, 1_001);
        market.setTerms(downId, 2 hours, 30 days, 10 minutes, 2 hours, 110);
        vm.stopPrank();
        (ICoverMarket.ProductConfig memory c,) = market.product(downId);
        assertEq(c.maxStrikeRatio, 110, "stored");
        assertEq(c.minDuration, 2 hours, "min duration beside it");
        assertEq(c.maxSigmaAge, 2 hours, "sigma age beside it");
        assertEq(c.maxPriceAge, 10 minutes, "price age beside it");
        assertEq(c.claimGrace, GRACE, "claim grace untouched");
        assertEq(uint256(c.direction), uint256(ICoverMarket.Direction.Down), "direction untouched");
        // Registration: 0 means the default ×4.
        ICoverMarket.ProductConfig memory d = _config(ICoverMarket.Direction.Up);
        d.maxStrikeRatio = 0;
        uint256 id = _register(market, d);
        (c,) = market.product(id);
        assertEq(c.maxStrikeRatio, 400, "default");
    }

    // ---------- the utilization ceiling ----------

    function test_Ceiling_MarketRefusesBeforeThePool() public {
        uint256 capacity = (pool.totalAssets() * 8_000) / 10_000;
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketAboveMaxUtilization.selector, capacity + 1, capacity));
        market.quote(downId, 2000e8, capacity + 1, 7 days);
        vm.prank(gov);
        pool.setMaxUtilizationBps(5_000);
        vm.expectRevert(
            abi.encodeWithSelector(ICoverMarket.CoverMarketAboveMaxUtilization.selector, capacity, pool.totalAssets() / 2)
        );
        market.quote(downId, 2000e8, capacity, 7 days);
    }

    // ---------- monotonicity on the deployed market ----------

    /// @notice The premium never falls when the payout, the duration or the pool's utilization rise.
    function testFuzz_Premium_MonotoneInPayoutDurationAndUtilization(
        uint256 strike,
        uint256 p1,
        uint256 p2,
        uint256 d1,
        uint256 d2,
        uint256 used
    ) public {
        strike = bound(strike, 750e8, 2990e8);
        p1 = bound(p1, 100e6, 100_000e6);
        p2 = bound(p2, p1, 100_000e6);
        d1 = bound(d1, 1 hours, 90 days);
        d2 = bound(d2, d1, 90 days);
        used = bound(used, 0, 600_000e6);
        if (used < 1_000e6) used = 0;
        uint256 q = _quoteOr(strike, p1, d1);
        if (q == type(uint256).max) return; // uninsurable at the smallest: nothing to compare
        assertGe(_quoteOr(strike, p2, d1), q, "monotone in payout");
        assertGe(_quoteOr(strike, p1, d2), q, "monotone in duration");
        if (used > 0) {
            _buy(bob, downId, 750e8, used, 30 days);
            assertGe(_quoteOr(strike, p1, d1), q, "monotone in utilization");
        }
    }

    function _quoteOr(uint256 strike, uint256 payout, uint256 duration) internal view returns (uint256) {
        try market.quote(downId, strike, payout, duration) returns (uint256 q) {
            return q;
        } catch {
            return type(uint256).max;
        }
    }

    /// @notice A far strike pays the cost of capital over the whole lock, markup included: a 1-hour cover
    ///         bought just before a day boundary is charged the 2-day minimum, not its ~25 hours.
    function test_MinimumChargedLength_ShortLockBeforeABoundary() public {
        uint256 nextDay = (block.timestamp / 1 days + 1) * 1 days;
        vm.warp(nextDay + 1 days - 1 hours - GRACE - 1); // end + grace lands 1 s before a boundary
        _push(SPOT, 0);
        assertEq(CoverPricing.chargedLength(block.timestamp, 1 hours, GRACE), 2 days, "charged 2 days");
        uint256 payout = 100_000e6;
        uint256 premium = market.quote(downId, 750e8, payout, 1 hours);
        // floor = 10 %/yr × 2 days, × the average markup over [0, 10 %] = 1.2 + 0.5 × 0.05 = 1.225
        uint256 floorRate = (uint256(0.1e18) * 2 days + 365 days - 1) / 365 days;
        uint256 expected = (floorRate * 1.225e18 * payout + 1e36 - 1) / 1e36;
        assertApproxEqAbs(premium, expected, 2, "cost of capital x markup over the minimum length");
        // Two seconds later end + grace passes the boundary: the real lock (2 days + 1 h) sets the price.
        vm.warp(block.timestamp + 2);
        _push(SPOT, 0);
        assertGt(CoverPricing.chargedLength(block.timestamp, 1 hours, GRACE), 2 days, "real length above the minimum");
        assertGt(market.quote(downId, 750e8, payout, 1 hours), premium, "longer lock, dearer");
    }

    // ---------- settled covers are frozen ----------

    function test_Claim_FreezesTheCover_InfoKeepsAnswering() public {
        uint256 id = _buyDown(alice);
        uint80 r = _pushN(2600e8, 2, 10 minutes);
        _claim(id, r);
        assertEq(market.ownerOf(id), alice, "the receipt stays with its holder");
        assertEq(market.balanceOf(alice), 1, "still held");
        ICoverMarket.CoverInfo memory info = market.coverInfo(id);
        assertEq(uint256(info.status), uint256(ICoverMarket.CoverStatus.Claimed), "claimed");
        assertEq(info.holder, alice, "holder kept");
        assertEq(info.payout, 10_000e6, "terms kept");
        // A spent cover can never move, by any route.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketAlreadyClaimed.selector, id));
        market.transferFrom(alice, bob, id);
        vm.prank(alice);
        market.setApprovalForAll(bob, true);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketAlreadyClaimed.selector, id));
        market.safeTransferFrom(alice, bob, id);
        assertEq(market.ownerOf(id), alice, "did not move");
    }

    function test_Release_FreezesTheCover() public {
        uint256 id = _buyDown(alice);
        uint256 other = _buyDown(alice);
        vm.warp(market.coverInfo(id).claimDeadline + 1);
        market.release(id);
        assertEq(market.ownerOf(id), alice, "the receipt stays with its holder");
        ICoverMarket.CoverInfo memory info = market.coverInfo(id);
        assertEq(uint256(info.status), uint256(ICoverMarket.CoverStatus.Released), "released");
        assertEq(info.holder, alice, "holder kept");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketAlreadyReleased.selector, id));
        market.safeTransferFrom(alice, bob, id);
        // An expired but unreleased cover still moves (release freezes it).
        vm.prank(alice);
        market.transferFrom(alice, bob, other);
        assertEq(market.ownerOf(other), bob, "unsettled covers move");
    }

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
}
