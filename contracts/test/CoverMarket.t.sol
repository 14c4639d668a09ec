// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Over 400 lines on purpose: one test per rule of the sale, sharing CoverMarketBase's deploy.

import {CoverMarketBase} from "./CoverMarketBase.t.sol";
import {ICoverMarket} from "../src/interfaces/ICoverMarket.sol";
import {CoverPricing} from "../src/libraries/CoverPricing.sol";
import {TouchProbability} from "../src/libraries/TouchProbability.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {CoverReentrantReceiver} from "./harness/CoverReentrantReceiver.sol";

/// @notice Sales and quotes: what a purchase does to the pool, every named rejection, capacity, σ
///         clamping, monotonicity, bounds and the split-cover property on the deployed market, and
///         reentrancy through `onERC721Received`.
contract CoverMarketTest is CoverMarketBase {
    // ---------- a purchase ----------

    function test_Buy_MintsLocksAndStreamsPremium() public {
        uint256 quoted = market.quote(downId, 2700e8, 10_000e6, 7 days);
        uint256 lockedBefore = pool.lockedAssets();
        uint256 unearnedBefore = pool.unearnedPremium();
        uint256 totalBefore = pool.totalAssets();
        uint256 aliceBefore = usdc.balanceOf(alice);
        uint256 end = block.timestamp + 7 days;
        uint256 releaseDay = (end + GRACE) / 1 days + 1;

        vm.expectEmit(true, true, true, true, address(market));
        emit ICoverMarket.CoverBought(
            1, downId, alice, 2700e8, 10_000e6, quoted, block.timestamp, end, releaseDay, uint256(SPOT), oracle.sigma()
        );
        (uint256 tokenId, uint256 premium) = _buy(alice, downId, 2700e8, 10_000e6, 7 days);

        assertEq(tokenId, 1, "first token id");
        assertEq(premium, quoted, "charged == quote");
        assertGt(premium, 0, "premium > 0");
        assertEq(market.ownerOf(tokenId), alice, "owner");
        assertEq(usdc.balanceOf(alice), aliceBefore - premium, "premium pulled");
        assertEq(usdc.balanceOf(address(market)), 0, "market keeps nothing");
        assertEq(pool.lockedAssets(), lockedBefore + 10_000e6, "payout locked");
        assertEq(pool.unearnedPremium(), unearnedBefore + premium, "premium unearned at first");
        assertEq(pool.totalAssets(), totalBefore, "no jump in total assets");
        (, uint256 lockRelease) = pool.bucket(releaseDay);
        assertEq(lockRelease, 10_000e6, "lock in the bucket of the day after the claim deadline");

        ICoverMarket.CoverInfo memory info = market.coverInfo(tokenId);
        assertEq(info.productId, downId, "product");
        assertEq(info.strike, 2700e8, "strike");
        assertEq(info.payout, 10_000e6, "payout");
        assertEq(info.start, block.timestamp, "start");
        assertEq(info.end, end, "end");
        assertEq(info.claimDeadline, end + GRACE, "deadline");
        assertEq(info.releaseDay, releaseDay, "release day");
        assertEq(uint256(info.status), uint256(ICoverMarket.CoverStatus.Active), "active");
        assertEq(info.holder, alice, "holder");

        // Premium earned linearly: half the term later about half is earned.
        vm.warp(block.timestamp + 3.5 days);
        assertApproxEqRel(pool.totalAssets() - totalBefore, premium / 2, 0.2e18, "premium earned over the term");
    }

    function test_Quote_MatchesLibraryOnLiveInputs() public {
        (uint256 tokenId,) = _buy(bob, downId, 2500e8, 50_000e6, 30 days); // some utilization first
        tokenId;
        uint256 q = market.quote(upId, 3300e8, 20_000e6, 14 days);
        uint256 expected = CoverPricing.quoteUp(
            uint256(SPOT),
            3300e8,
            oracle.sigma(),
            14 days,
            CoverPricing.chargedLength(block.timestamp, 14 days, GRACE),
            20_000e6,
            pool.lockedAssets(),
            pool.totalAssets(),
            _pricing()
        );
        assertEq(q, expected, "view == library on the same inputs");
    }

    function test_TokenIds_Sequential_Transferable() public {
        uint256 a = _buyDown(alice);
        uint256 b = _buyDown(bob);
        assertEq(b, a + 1, "sequential");
        assertEq(market.lastTokenId(), b, "last id");
        vm.prank(alice);
        market.transferFrom(alice, bob, a);
        assertEq(market.ownerOf(a), bob, "transferred");
        assertEq(market.coverInfo(a).holder, bob, "info follows the token");
        assertEq(market.tokenURI(a), "", "no metadata service");
    }

    // ---------- named rejections ----------

    function test_Buy_RevertsUnknownProduct() public {
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketUnknownProduct.selector, 99));
        market.quote(99, 2700e8, 1e6, 1 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketUnknownProduct.selector, 0));
        market.buyCover(0, 2700e8, 1e6, 1 days, type(uint256).max);
    }

    function test_Buy_RevertsZeroPayout() public {
        vm.prank(alice);
        vm.expectRevert(ICoverMarket.CoverMarketZeroPayout.selector);
        market.buyCover(downId, 2700e8, 0, 7 days, type(uint256).max);
    }

    function test_Buy_RevertsDurationOutOfBounds() public {
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(ICoverMarket.CoverMarketDurationOutOfBounds.selector, 1 hours - 1, 1 hours, 90 days)
        );
        market.buyCover(downId, 2700e8, 1e6, 1 hours - 1, type(uint256).max);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(ICoverMarket.CoverMarketDurationOutOfBounds.selector, 90 days + 1, 1 hours, 90 days)
        );
        market.buyCover(downId, 2700e8, 1e6, 90 days + 1, type(uint256).max);
        // both bounds inclusive
        _buy(alice, downId, 2700e8, 1_000e6, 1 hours);
        _buy(alice, downId, 2700e8, 1_000e6, 90 days);
    }

    function test_Buy_RevertsStrikeAlreadyBreached() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeBreached.selector, 3000e8, 3000e8));
        market.buyCover(downId, 3000e8, 1_000e6, 7 days, type(uint256).max);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeBreached.selector, 3100e8, 3000e8));
        market.buyCover(downId, 3100e8, 1_000e6, 7 days, type(uint256).max);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeBreached.selector, 2900e8, 3000e8));
        market.buyCover(upId, 2900e8, 1_000e6, 7 days, type(uint256).max);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeBreached.selector, 3000e8, 3000e8));
        market.buyCover(upId, 3000e8, 1_000e6, 7 days, type(uint256).max);
    }

    function test_Buy_RevertsStrikeOutOfRange() public {
        uint256 max = market.MAX_STRIKE();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeOutOfRange.selector, 0, max));
        market.buyCover(downId, 0, 1_000e6, 7 days, type(uint256).max);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketStrikeOutOfRange.selector, max + 1, max));
        market.buyCover(upId, max + 1, 1_000e6, 7 days, type(uint256).max);
    }

    function test_Buy_RevertsPremiumAboveMax() public {
        uint256 q = market.quote(downId, 2700e8, 10_000e6, 7 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketPremiumAboveMax.selector, q, q - 1));
        market.buyCover(downId, 2700e8, 10_000e6, 7 days, q - 1);
        vm.prank(alice);
        (, uint256 premium) = market.buyCover(downId, 2700e8, 10_000e6, 7 days, q);
        assertEq(premium, q, "exactly maxPremium passes");
    }

    function test_Buy_RevertsWhileProductOrPoolPaused_QuoteStillWorks() public {
        vm.prank(guardian);
        market.pauseProduct(downId);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketSalesPaused.selector, downId));
        market.buyCover(downId, 2700e8, 1_000e6, 7 days, type(uint256).max);
        assertGt(market.quote(downId, 2700e8, 1_000e6, 7 days), 0, "quote while paused");
        _buy(alice, upId, 3300e8, 1_000e6, 7 days); // other products keep selling

        vm.prank(guardian);
        pool.pause();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketSalesPaused.selector, upId));
        market.buyCover(upId, 3300e8, 1_000e6, 7 days, type(uint256).max);
    }

    function test_Buy_RevertsStalePrice() public {
        uint256 updatedAt = block.timestamp;
        (uint80 latest,,,,) = feed.latestRoundData();
        vm.warp(block.timestamp + 1 hours);
        _buy(alice, downId, 2700e8, 1_000e6, 7 days); // exactly maxPriceAge old still prices
        vm.warp(block.timestamp + 1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketStalePrice.selector, latest, updatedAt, 1 hours));
        market.buyCover(downId, 2700e8, 1_000e6, 7 days, type(uint256).max);
    }

    /// @notice σ must have folded the feed's latest round. Nobody pokes the oracle for a day of hourly
    ///         rounds: the quote refuses (σ is behind, whatever its age); `buyCover` pokes first and sells at
    ///         the σ of every round. (This test checked "a stale σ blocks sales"; sales now fold it first.)
    function test_Buy_PokesFirstWhenSigmaBehind_QuoteRefuses() public {
        (,, uint80 sigmaRound,) = oracle.volatility();
        uint80 latest;
        for (uint256 i; i < 25; ++i) {
            vm.warp(block.timestamp + 1 hours);
            latest = feed.pushAnswer(i % 2 == 0 ? int256(2950e8) : SPOT);
        }
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketVolatilityBehind.selector, sigmaRound, latest));
        market.quote(downId, 2700e8, 1_000e6, 7 days);
        uint256 snap = vm.snapshotState();
        oracle.poke();
        uint256 caughtUp = market.quote(downId, 2700e8, 1_000e6, 7 days);
        vm.revertToState(snap);
        (uint256 tokenId, uint256 premium) = _buy(alice, downId, 2700e8, 1_000e6, 7 days);
        assertEq(oracle.lastRoundId(), latest, "buyCover folded every round first");
        assertEq(premium, caughtUp, "priced at the caught-up sigma");
        assertGt(tokenId, 0, "sold");
    }

    /// @notice A half-caught-up oracle (more new rounds than one poke folds, 32) never prices: the quote
    ///         refuses, and so does `buyCover` after its one poke, until σ has folded the latest round.
    function test_Buy_HalfCaughtUpOracleRefused() public {
        uint80 latest;
        for (uint256 i; i < 40; ++i) {
            vm.warp(block.timestamp + 1 minutes);
            latest = feed.pushAnswer(SPOT - int256(i) * 1e8);
        }
        oracle.poke(); // folds 32 of 40
        (,, uint80 half,) = oracle.volatility();
        assertLt(half, latest, "half caught up");
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketVolatilityBehind.selector, half, latest));
        market.quote(downId, 2700e8, 1_000e6, 7 days);
        // buyCover pokes once more: 8 rounds left, so this sale goes through; with > 64 behind it would not.
        _buy(alice, downId, 2700e8, 1_000e6, 7 days);
        for (uint256 i; i < 70; ++i) {
            vm.warp(block.timestamp + 1 minutes);
            latest = feed.pushAnswer(SPOT);
        }
        oracle.poke();
        (,, half,) = oracle.volatility();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketVolatilityBehind.selector, half + 32, latest));
        market.buyCover(downId, 2700e8, 1_000e6, 7 days, type(uint256).max);
    }

    /// @notice σ caught up in rounds can still be too old in time when governance asks σ younger than prices.
    function test_Buy_RevertsStaleVolatility() public {
        vm.prank(gov);
        market.setTerms(downId, 1 hours, 90 days, 1 hours, 1 minutes, 400);
        uint256 sigmaAt = oracle.lastUpdatedAt();
        vm.warp(block.timestamp + 2 minutes);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketStaleVolatility.selector, sigmaAt, 1 minutes));
        market.buyCover(downId, 2700e8, 1_000e6, 7 days, type(uint256).max);
        _push(SPOT, 0);
        _buy(alice, downId, 2700e8, 1_000e6, 7 days);
    }

    function test_Buy_RevertsNonPositiveOrIncompleteLatestRound() public {
        uint80 next = feed.proxyRoundId(1, 2);
        feed.setRound(next, 0, block.timestamp, block.timestamp, next);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketNonPositiveAnswer.selector, next, int256(0)));
        market.buyCover(downId, 2700e8, 1_000e6, 7 days, type(uint256).max);

        feed.setRound(next, SPOT, 0, block.timestamp, next);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketIncompleteRound.selector, next, 0, next));
        market.buyCover(downId, 2700e8, 1_000e6, 7 days, type(uint256).max);

        feed.setRound(next, SPOT, block.timestamp, block.timestamp, next - 1);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(ICoverMarket.CoverMarketIncompleteRound.selector, next, block.timestamp, next - 1)
        );
        market.buyCover(downId, 2700e8, 1_000e6, 7 days, type(uint256).max);
    }

    function test_Buy_RevertsUninsurable() public {
        // A strike one cent away over 90 days: P_touch ≈ 1, × markup > 1 → the premium would be the payout.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketUninsurable.selector, 1_000e6, 1_000e6));
        market.buyCover(downId, 3000e8 - 1e6, 1_000e6, 90 days, type(uint256).max);
        // A one-unit payout always costs its whole payout (premiums round up): refused too.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketUninsurable.selector, 1, 1));
        market.buyCover(downId, 2700e8, 1, 7 days, type(uint256).max);
    }

    // ---------- capacity ----------

    /// @notice Sales stop at the pool's utilization ceiling (80 %), before its free capital (this test
    ///         checked "sales stop at free capital"; the ceiling now comes first, same edges).
    function test_Capacity_SalesStopAtTheUtilizationCeiling() public {
        _buy(bob, downId, 2000e8, 600_000e6, 30 days);
        uint256 capacity = (pool.totalAssets() * 8_000) / 10_000 - pool.lockedAssets();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketAboveMaxUtilization.selector, capacity + 1, capacity));
        market.buyCover(downId, 1500e8, capacity + 1, 30 days, type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketAboveMaxUtilization.selector, capacity + 1, capacity));
        market.quote(downId, 1500e8, capacity + 1, 30 days);
        // exactly the capacity sells (a far strike keeps it insurable) …
        (, uint256 premium) = _buy(alice, downId, 1000e8, capacity, 30 days);
        assertLt(premium, capacity, "insurable");
        // … the premium does not add capacity (unearned), nothing more sells, a fifth stays free
        assertEq(pool.lockedAssets(), (pool.totalAssets() * 8_000) / 10_000, "at the ceiling");
        assertGe(pool.freeAssets(), pool.totalAssets() / 5, "a fifth of the pool stays free");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketAboveMaxUtilization.selector, 1e6, 0));
        market.buyCover(upId, 5000e8, 1e6, 30 days, type(uint256).max);
    }

    function test_Capacity_SteepAboveKink() public {
        // The same cover costs more once utilization passes the kink (80 %; the ceiling raised to 95 %).
        vm.prank(gov);
        pool.setMaxUtilizationBps(9_500);
        uint256 before = market.quote(downId, 2500e8, 50_000e6, 30 days);
        _buy(bob, downId, 1000e8, 800_000e6, 30 days);
        uint256 afterKink = market.quote(downId, 2500e8, 50_000e6, 30 days);
        // Average markup over the utilization each cover consumes: [0, 5 %] → 1.2 + 0.5·0.025 = 1.2125;
        // [80 %, 85 %] → 1.2 + 0.5·0.8 + 5·0.025 = 1.725. The premium scales with it: ratio 1.4227.
        assertApproxEqRel(afterKink * 1e18 / before, 1.4227e18, 0.001e18, "steep markup above the kink");
    }

    // ---------- σ clamping ----------

    function test_SigmaClamp_FloorAndCapSetThePrice() public {
        // A dead-calm feed for 80 days: the EWMA decays (λ = 0.94/day) below the floor, σ is clamped there.
        for (uint256 i; i < 80; ++i) {
            _push(SPOT, 1 days);
        }
        uint256 floorSigma = oracle.sigma();
        assertEq(floorSigma, oracle.sigmaFloor(), "calm feed: sigma at the floor");
        uint256 q = market.quote(downId, 2700e8, 10_000e6, 7 days);
        assertEq(q, _libQuote(2700e8, floorSigma, 10_000e6, 7 days), "priced at the floor");
        // Raising the floor raises the premium; the quote follows the clamp, not the raw variance.
        vm.prank(gov);
        oracle.setSigmaBounds(0.6e18, 3e18);
        uint256 qHigher = market.quote(downId, 2700e8, 10_000e6, 7 days);
        assertGt(qHigher, q, "higher floor, higher premium");
        assertEq(qHigher, _libQuote(2700e8, 0.6e18, 10_000e6, 7 days), "priced at the new floor");
        // A violent feed is clamped at the cap.
        vm.prank(gov);
        oracle.setSigmaBounds(0.1e18, 1e18);
        for (uint256 i; i < 6; ++i) {
            _push(i % 2 == 0 ? int256(2400e8) : int256(3000e8), 1 hours);
        }
        assertEq(oracle.sigma(), 1e18, "sigma at the cap");
        assertEq(market.quote(downId, 2700e8, 10_000e6, 7 days), _libQuote(2700e8, 1e18, 10_000e6, 7 days), "capped");
    }

    function _libQuote(uint256 strike, uint256 sigma, uint256 payout, uint256 duration) internal view returns (uint256) {
        (, int256 spot,,,) = feed.latestRoundData();
        return CoverPricing.quoteUp(
            uint256(spot),
            strike,
            sigma,
            duration,
            CoverPricing.chargedLength(block.timestamp, duration, GRACE),
            payout,
            pool.lockedAssets(),
            pool.totalAssets(),
            _pricing()
        );
    }

    // ---------- properties on the deployed market ----------

    /// @notice Premium rises with σ (via the oracle's floor) and as the strike nears spot; 0 < premium < payout.
    function testFuzz_Quote_MonotoneAndBounded(uint256 s1, uint256 s2, uint256 k1, uint256 k2, uint256 payout, uint256 d)
        public
    {
        s1 = bound(s1, 0.1e18, 3e18);
        s2 = bound(s2, s1, 3e18);
        k1 = bound(k1, 1500e8, 2990e8);
        k2 = bound(k2, k1, 2990e8); // k2 closer to spot
        payout = bound(payout, 100e6, 200_000e6);
        d = bound(d, 1 hours, 90 days);
        uint256 low = _quoteAtSigma(s1, k1, payout, d);
        uint256 high = _quoteAtSigma(s2, k1, payout, d);
        uint256 closer = _quoteAtSigma(s1, k2, payout, d);
        if (low != type(uint256).max) {
            assertGe(high, low, "monotone in sigma");
            assertGe(closer, low, "monotone in closeness");
            assertGt(low, 0, "premium > 0");
            assertLt(low, payout, "premium < payout");
        }
    }

    /// @dev The market quote with σ forced to `sigma` (floor = cap = σ); max when uninsurable.
    function _quoteAtSigma(uint256 sigma, uint256 strike, uint256 payout, uint256 d) internal returns (uint256) {
        vm.prank(gov);
        oracle.setSigmaBounds(sigma, sigma);
        try market.quote(downId, strike, payout, d) returns (uint256 q) {
            return q;
        } catch (bytes memory err) {
            assertEq(_selector(err), ICoverMarket.CoverMarketUninsurable.selector, "only refusal: uninsurable");
            return type(uint256).max;
        }
    }

    /// @notice Splitting one cover into several bought back to back is never cheaper than the whole.
    function testFuzz_SplitCover_NeverCheaper(uint256 payout, uint256 parts, uint256 seed, uint256 strike, uint256 d) public {
        _buy(bob, downId, 2000e8, bound(seed, 1_000e6, 790_000e6), 30 days); // random starting utilization
        uint256 capacity = (pool.totalAssets() * 8_000) / 10_000 - pool.lockedAssets();
        payout = bound(payout, 10, capacity);
        parts = bound(parts, 2, 8);
        strike = bound(strike, 1500e8, 2800e8); // 7–50 % away: most pieces insurable, so the split completes
        d = bound(d, 1 hours, 30 days);
        uint256 snap = vm.snapshotState();
        uint256 whole;
        bool wholeOk = true;
        try this.buyAs(alice, strike, payout, d) returns (uint256 p) {
            whole = p;
        } catch {
            wholeOk = false;
        }
        vm.revertToState(snap);
        uint256 sum;
        uint256 left = payout;
        for (uint256 i; i < parts; ++i) {
            uint256 piece = i == parts - 1 ? left : bound(uint256(keccak256(abi.encode(seed, i))), 1, left);
            if (piece == 0) continue;
            left -= piece;
            try this.buyAs(alice, strike, piece, d) returns (uint256 p) {
                sum += p;
            } catch {
                return; // a piece that cannot be sold: the split cannot be carried out
            }
            if (left == 0) break;
        }
        assertTrue(wholeOk, "every piece sold, so the whole sells");
        assertGe(sum, whole, "split cover cheaper than the whole");
    }

    function buyAs(address who, uint256 strike, uint256 payout, uint256 d) external returns (uint256 premium) {
        (, premium) = _buy(who, downId, strike, payout, d);
    }

    // ---------- reentrancy through onERC721Received ----------

    function test_Reentrancy_BuyCallbackCannotReenter() public {
        uint256 victim = _buyDown(bob);
        CoverReentrantReceiver attacker = new CoverReentrantReceiver(market, usdc);
        _fund(address(attacker), 100_000e6);
        vm.prank(address(attacker));
        usdc.approve(address(market), type(uint256).max);

        // Reentering buyCover from the mint callback fails, so the whole purchase fails.
        attacker.arm(abi.encodeCall(market.buyCover, (downId, 2700e8, 1_000e6, 7 days, type(uint256).max)));
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        attacker.buy(downId, 2700e8, 1_000e6, 7 days);

        // Reentering claim (any cover) or release from the callback fails too.
        attacker.arm(abi.encodeCall(market.claim, (victim, uint80(0))));
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        attacker.buy(downId, 2700e8, 1_000e6, 7 days);
        attacker.arm(abi.encodeCall(market.release, (victim)));
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        attacker.buy(downId, 2700e8, 1_000e6, 7 days);

        // Unarmed, the callback observes the final state: the cover is stored before the mint.
        attacker.arm("");
        uint256 id = attacker.buy(downId, 2700e8, 1_000e6, 7 days);
        assertEq(attacker.seenPayout(), 1_000e6, "cover written before onERC721Received");
        assertEq(attacker.seenLocked(), pool.lockedAssets(), "payout locked before onERC721Received");
        assertEq(market.ownerOf(id), address(attacker), "minted");
    }
}
