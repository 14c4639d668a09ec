// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Over 400 lines on purpose: one test per rule of the pool, sharing BackstopPoolBase's deploy.

import {BackstopPoolBase} from "./BackstopPoolBase.t.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {IBackstopPool} from "../src/interfaces/IBackstopPool.sol";
import {TestUSDC} from "../src/mocks/TestUSDC.sol";

/// @notice ERC-4626 behaviour and the economic attacks: inflation, slash front-run, just-in-time stake,
///         rounding round trips, near-total loss, previewMint, no over-emission.
contract BackstopPoolTest is BackstopPoolBase {
    function test_Deposit_MintsSharesWithOffset() public {
        _fund(alice, 1_000e6);
        vm.prank(alice);
        uint256 shares = pool.deposit(1_000e6, alice);
        assertEq(shares, 1_000e6 * 1e12, "first deposit mints assets x 10^offset");
        assertEq(pool.balanceOf(alice), shares, "shares to receiver");
        assertEq(pool.totalAssets(), 1_000e6, "assets in pool");
        assertEq(pool.decimals(), 18, "share decimals = 6 + offset 12");
        _assertAccounting();
    }

    function test_Redeem_AfterCooldownReturnsAssets() public {
        uint256 shares = _deposit(alice, 500e6);
        assertEq(pool.maxRedeem(alice), 0, "no synchronous redeem");
        assertEq(pool.maxWithdraw(alice), 0, "no synchronous withdraw");
        uint256 assets = _exitAll(alice);
        assertEq(assets, 500e6, "full redeem returns the deposit");
        assertEq(usdc.balanceOf(alice), 500e6, "wallet restored");
        assertEq(pool.totalSupply(), 0, "no shares left");
        assertEq(shares, 500e18, "shares");
        _assertAccounting();
    }

    function test_Redeem_WithoutRequestReverts() public {
        uint256 shares = _deposit(alice, 500e6);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNoRequest.selector, alice));
        pool.redeem(shares, alice, alice);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNoRequest.selector, alice));
        pool.withdraw(1e6, alice, alice);
    }

    function test_Deposit_RevertsOnZeroShares() public {
        _fund(alice, 1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolZeroShares.selector, 0));
        pool.deposit(0, alice);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolZeroShares.selector, 0));
        pool.mint(0, alice);
    }

    function test_Redeem_RevertsWhenItWouldPayNothing() public {
        _deposit(alice, 10e6);
        _request(alice, 10e18);
        vm.warp(block.timestamp + 7 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolZeroAssets.selector, 1));
        pool.redeem(1, alice, alice);
    }

    function test_Faucet_RejectsOverCap() public {
        uint256 cap = usdc.FAUCET_CAP();
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.TestUSDCFaucetCapExceeded.selector, cap + 1, cap));
        usdc.faucet(cap + 1);
    }

    // ------------------------------------------------------------------ 1. inflation / donation

    /// @notice The classic first-depositor attack: deposit 1 unit, donate a fortune, hope the victim's
    ///         shares round to nothing. Donations are not accounted and the decimals offset is 12: the
    ///         victim keeps >= 99.9 % (here: everything, since the donation cannot move the price).
    function testFuzz_FirstDepositorDonation_VictimKeeps999(uint256 donation, uint256 victimAssets) public {
        donation = bound(donation, 1, 1e14); // up to 100 million USDC donated
        victimAssets = bound(victimAssets, 1e6, 1e12); // a victim of 1 to 1M USDC
        _fund(bob, donation + 1);
        vm.startPrank(bob);
        pool.deposit(1, bob);
        usdc.transfer(address(pool), donation);
        vm.stopPrank();

        _fund(alice, victimAssets);
        vm.prank(alice);
        uint256 shares = pool.deposit(victimAssets, alice);
        uint256 victimValue = pool.convertToAssets(shares);
        assertGe(victimValue * 1000, victimAssets * 999, "victim lost more than 0.1 %");
        // And the victim actually gets it out after the cooldown.
        assertGe(_exitAll(alice) * 1000, victimAssets * 999, "victim's claim lost more than 0.1 %");
    }

    /// @notice The same attack through earned premium instead of a donation: the attacker is the only
    ///         holder while a stream earns; a victim still keeps >= 99.9 %.
    function testFuzz_FirstDepositorViaPremium_VictimKeeps999(uint256 premium, uint256 victimAssets) public {
        premium = bound(premium, 1, 1e13);
        victimAssets = bound(victimAssets, 1e6, 1e12);
        _deposit(bob, 1);
        _fundMarket(premium);
        market.premium(premium, block.timestamp + 1 days);
        vm.warp(block.timestamp + 3 days); // fully earned by the single-unit holder
        uint256 shares = _deposit(alice, victimAssets);
        assertGe(pool.convertToAssets(shares) * 1000, victimAssets * 999, "victim lost more than 0.1 %");
    }

    // ------------------------------------------------------------------ 2. slash front-run

    /// @notice Alice sees a shortfall coming and requests her exit; the shortfall lands during her
    ///         cooldown. Her escrowed shares are hit exactly like Bob's, who stayed.
    function testFuzz_SlashFrontRun_CooldownSharesHitProRata(uint256 a, uint256 b, uint256 lossBps) public {
        a = bound(a, 1e6, 1e12);
        b = bound(b, 1e6, 1e12);
        lossBps = bound(lossBps, 1, 9_999);
        uint256 sa = _deposit(alice, a);
        uint256 sb = _deposit(bob, b);
        _request(alice, sa);
        // She cannot leave before the loss lands.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolCooldownActive.selector, 1, block.timestamp + 7 days));
        pool.redeem(sa, alice, alice);
        assertEq(pool.maxRedeem(alice), 0, "nothing redeemable in cooldown");

        uint256 loss = (a + b) * lossBps / 10_000;
        _shortfall(loss);
        vm.warp(block.timestamp + 7 days);
        uint256 bobValue = pool.convertToAssets(sb);
        vm.prank(alice);
        uint256 got = pool.redeem(sa, alice, alice);
        // Pro rata: alice's value per share equals bob's (up to one unit of rounding each).
        uint256 expectedAlice = (a + b - loss) * sa / (sa + sb);
        assertApproxEqAbs(got, expectedAlice, 2, "alice not hit pro rata");
        assertLe(got, a - a * lossBps / 10_000 + 1, "alice escaped part of the loss");
        assertApproxEqAbs(bobValue, (a + b - loss) * sb / (sa + sb), 2, "bob");
        _assertAccounting();
    }

    // ------------------------------------------------------------------ 3. just-in-time stake

    /// @notice Bob underwrites for a long time; Jit deposits right before a large premium, requests at
    ///         once and claims after the cooldown. Jit's profit is at most his time-weighted share of
    ///         the premium earned while he was in, never a share of the whole premium.
    function testFuzz_JustInTimeStake_EarnsOnlyTimeWeightedShare(
        uint256 bobAssets,
        uint256 jitAssets,
        uint256 premium,
        uint256 termDays
    ) public {
        bobAssets = bound(bobAssets, 1e6, 1e12);
        jitAssets = bound(jitAssets, 1e6, 1e13);
        termDays = bound(termDays, 8, 365);
        premium = bound(premium, 1e6, (bobAssets + jitAssets) / 2 + 1e6);
        _deposit(bob, bobAssets);
        vm.warp(block.timestamp + 30 days);

        address jit = makeAddr("jit");
        uint256 shares = _deposit(jit, jitAssets);
        uint256 start = block.timestamp;
        _sell(1e6, premium, termDays * 1 days, 0);
        _request(jit, shares);
        vm.warp(block.timestamp + 7 days);
        vm.prank(jit);
        uint256 got = pool.redeem(shares, jit, jit);

        uint256 earnEnd = ((start + termDays * 1 days + 1 days - 1) / 1 days) * 1 days;
        uint256 earnedWhileIn = premium * (block.timestamp - start) / (earnEnd - start);
        uint256 fairShare = earnedWhileIn * jitAssets / (bobAssets + jitAssets);
        assertLe(got, jitAssets + fairShare + 1, "jit earned more than its time-weighted share");
        uint256 wholeShare = premium * jitAssets / (bobAssets + jitAssets);
        if (wholeShare >= 100) assertLt(got - jitAssets, wholeShare, "jit captured the whole premium share");
    }

    /// @notice Fees are streamed too: a deposit just before a fee payment gets nothing of it at once.
    function test_JustInTimeStake_FeesStreamed() public {
        _deposit(bob, 1_000e6);
        uint256 shares = _deposit(carol, 1_000e6);
        uint256 before = pool.convertToAssets(shares);
        _fees(100e6);
        assertEq(pool.convertToAssets(shares), before, "fees credited at once");
        vm.warp(block.timestamp + 3 days);
        assertApproxEqAbs(pool.convertToAssets(shares), before + 50e6, 1, "half of the fees after the stream");
    }

    // ------------------------------------------------------------------ 4. rounding round trips

    /// @notice Deposit then redeem never returns more than was put in, whatever the pool's state
    ///         (seeded holders, earned premium, a shortfall).
    function testFuzz_DepositRedeem_NeverCreatesValue(uint256 seedAssets, uint256 premium, uint256 loss, uint256 assets)
        public
    {
        seedAssets = bound(seedAssets, 1, 1e15);
        premium = bound(premium, 0, 1e15);
        assets = bound(assets, 1, 1e15);
        _deposit(bob, seedAssets);
        if (premium > 0) {
            _fundMarket(premium);
            market.premium(premium, block.timestamp + 1 days);
            vm.warp(block.timestamp + 12 hours);
        }
        loss = bound(loss, 0, pool.freeAssets());
        if (loss > 0) _shortfall(loss);

        uint256 shares = pool.previewDeposit(assets);
        vm.assume(shares > 0);
        vm.assume(pool.maxDeposit(alice) >= assets); // a wiped-out layer (price below the floor) takes no deposit
        _fund(alice, assets);
        vm.prank(alice);
        assertEq(pool.deposit(assets, alice), shares, "deposit != previewDeposit");
        uint256 atRequest = pool.convertToAssets(shares);
        vm.assume(atRequest > 0); // a request worth nothing is refused: no claim of it could pay
        _request(alice, shares);
        vm.warp(block.timestamp + 7 days);
        uint256 back = pool.previewClaimRedeem(shares, alice);
        vm.assume(back > 0);
        vm.prank(alice);
        assertEq(pool.redeem(shares, alice, alice), back, "redeem != previewClaimRedeem");
        assertLe(back, atRequest, "paid more than the value at request");
        // Time passed, so earned premium may legitimately accrue to alice: compare against her deposit
        // plus her share of what was earned, and with no premium, against her deposit alone.
        if (premium == 0) assertLe(back, assets, "round trip returned more than deposited");
        _assertAccounting();
    }

    /// @notice Mint then withdraw: the assets paid for the shares cover what they can withdraw.
    function testFuzz_MintWithdraw_NeverCreatesValue(uint256 seedAssets, uint256 loss, uint256 shares) public {
        seedAssets = bound(seedAssets, 1, 1e15);
        shares = bound(shares, 1, 1e27);
        _deposit(bob, seedAssets);
        loss = bound(loss, 0, seedAssets - 1);
        if (loss > 0) _shortfall(loss);

        uint256 cost = pool.previewMint(shares);
        vm.assume(cost <= 1e16);
        vm.assume(pool.maxMint(alice) >= shares); // a wiped-out layer (price below the floor) mints nothing
        _fund(alice, cost);
        vm.prank(alice);
        assertEq(pool.mint(shares, alice), cost, "mint != previewMint");
        vm.assume(pool.convertToAssets(shares) > 0); // a request worth nothing is refused: no claim could pay
        _request(alice, shares);
        vm.warp(block.timestamp + 7 days);
        uint256 withdrawable = pool.maxWithdraw(alice);
        if (withdrawable > 0) {
            vm.prank(alice);
            uint256 burnt = pool.withdraw(withdrawable, alice, alice);
            assertLe(burnt, shares, "burnt more than escrowed");
        }
        assertLe(withdrawable, cost, "mint/withdraw returned more than paid");
        _assertAccounting();
    }

    /// @notice Same-block deposit→claim is impossible, so compare previews in one state: redeeming what a
    ///         deposit minted never quotes more than the deposit.
    ///         The exit side is quoted for a real request (ERC-7540 previews revert): bob requested before
    ///         the loss, and burning what a claim of `assets` takes from him could not be re-minted cheaper.
    function testFuzz_PreviewRoundTrip_NeverCreatesValue(uint256 seed, uint256 loss, uint256 assets) public {
        seed = bound(seed, 1, 1e15);
        assets = bound(assets, 0, 1e15);
        uint256 bobShares = _deposit(bob, seed);
        _request(bob, bobShares);
        loss = bound(loss, 0, seed);
        if (loss > 0) _shortfall(loss);
        assertLe(pool.convertToAssets(pool.previewDeposit(assets)), assets, "deposit->redeem");
        assertLe(
            pool.previewClaimRedeem(pool.previewDeposit(assets) > bobShares ? bobShares : pool.previewDeposit(assets), bob),
            assets,
            "deposit->claim"
        );
        try pool.previewClaimWithdraw(assets, bob) returns (uint256 burnt) {
            assertGe(pool.previewMint(burnt), assets, "withdraw->mint");
        } catch (bytes memory reason) {
            assertEq(
                bytes4(reason), IBackstopPool.BackstopPoolExceedsRequest.selector, "only a claim beyond the request is refused"
            );
        }
    }

    // ------------------------------------------------------------------ 11. near-total loss

    /// @notice After a 99.9 % loss, redeem(1) reverts or returns >= 1 unit; maxRedeem never offers a
    ///         claim that would burn shares for nothing.
    function testFuzz_NearTotalLoss_RedeemNeverBurnsForNothing(uint256 deposit_, uint256 shares) public {
        deposit_ = bound(deposit_, 1e6, 1e13);
        uint256 s = _deposit(alice, deposit_);
        _request(alice, s);
        _shortfall(deposit_ * 999 / 1000);
        vm.warp(block.timestamp + 7 days);
        shares = bound(shares, 1, s);
        uint256 quote = pool.previewClaimRedeem(shares, alice);
        vm.prank(alice);
        if (quote == 0) {
            vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolZeroAssets.selector, shares));
            pool.redeem(shares, alice, alice);
        } else {
            uint256 got = pool.redeem(shares, alice, alice);
            assertGe(got, 1, "burnt shares for nothing");
        }
        uint256 max = pool.maxRedeem(alice);
        if (max > 0) assertGe(pool.previewClaimRedeem(max, alice), 1, "maxRedeem offers a burn for nothing");
    }

    function test_NearTotalLoss_RedeemOneReverts() public {
        uint256 s = _deposit(alice, 1_000e6);
        _request(alice, s);
        _shortfall(999e6);
        vm.warp(block.timestamp + 7 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolZeroAssets.selector, 1));
        pool.redeem(1, alice, alice);
        vm.prank(alice);
        assertApproxEqAbs(pool.redeem(s, alice, alice), 1e6, 1, "the remaining 0.1 %");
    }

    // ------------------------------------------------------------------ 12. previewMint and emission

    /// @notice No path mints shares without at least previewMint assets arriving.
    function testFuzz_Mint_PullsAtLeastPreviewMint(uint256 seed, uint256 premium, uint256 loss, uint256 shares) public {
        seed = bound(seed, 1, 1e14);
        premium = bound(premium, 0, 1e14);
        shares = bound(shares, 1, 1e30);
        _deposit(bob, seed);
        if (premium > 0) {
            _fundMarket(premium);
            market.premium(premium, block.timestamp + 2 days);
            vm.warp(block.timestamp + 1 days);
        }
        loss = bound(loss, 0, pool.freeAssets());
        if (loss > 0) _shortfall(loss);
        uint256 preview = pool.previewMint(shares);
        vm.assume(preview <= 1e16);
        vm.assume(pool.maxMint(alice) >= shares); // a wiped-out layer (price below the floor) mints nothing
        _fund(alice, preview);
        uint256 balBefore = usdc.balanceOf(address(pool));
        uint256 supplyBefore = pool.totalSupply();
        vm.prank(alice);
        uint256 paid = pool.mint(shares, alice);
        assertEq(paid, preview, "mint paid != previewMint");
        assertEq(usdc.balanceOf(address(pool)) - balBefore, preview, "assets arrived != previewMint");
        assertEq(pool.totalSupply() - supplyBefore, shares, "minted");
        assertGe(paid, pool.convertToAssets(shares), "mint cheaper than the shares' value");
    }

    /// @notice Fees and premiums credited to holders never exceed what was paid in, at any time, and
    ///         equal it exactly once every stream has ended (no Cover-Protocol-style over-emission).
    function testFuzz_Emission_NeverExceedsPaidIn(uint256[6] memory amounts, uint256[6] memory terms, uint256 step) public {
        _deposit(bob, 1_000_000e6);
        uint256 base = pool.totalAssets();
        uint256 paidIn;
        step = bound(step, 1 hours, 5 days);
        for (uint256 i; i < 6; ++i) {
            uint256 amt = bound(amounts[i], 1, 1e12);
            uint256 term = bound(terms[i], 1, 60 days);
            if (i % 2 == 0) {
                _fundMarket(amt);
                market.premium(amt, block.timestamp + term);
            } else {
                _fees(amt);
            }
            paidIn += amt;
            vm.warp(block.timestamp + step);
            assertLe(pool.totalAssets() - base, paidIn, "earned more than paid in");
            _assertAccounting();
        }
        vm.warp(block.timestamp + 70 days);
        pool.checkpoint();
        assertEq(pool.totalAssets() - base, paidIn, "after every stream ends, earned == paid in");
        assertEq(pool.unearnedPremium(), 0, "no unearned left");
        (, uint256 unearnedStored,, uint256 rate,,) = pool.accountingState();
        assertEq(rate, 0, "rate back to zero");
        assertEq(unearnedStored, 0, "reserve swept");
    }

    // ------------------------------------------------------------------ premium earning shape

    function test_Premium_EarnedLinearlyUntilDayBoundary() public {
        _deposit(bob, 1_000e6);
        // start at a day boundary so the earning window is exactly 10 days
        vm.warp((block.timestamp / 1 days + 1) * 1 days);
        _fundMarket(100e6);
        market.premium(100e6, block.timestamp + 10 days);
        assertEq(pool.totalAssets(), 1_000e6, "nothing earned at t0");
        assertEq(pool.unearnedPremium(), 100e6, "all unearned");
        vm.warp(block.timestamp + 5 days);
        assertApproxEqAbs(pool.totalAssets(), 1_050e6, 1, "half earned at mid term");
        vm.warp(block.timestamp + 5 days);
        assertEq(pool.totalAssets(), 1_100e6, "all earned at the end");
        assertEq(pool.unearnedPremium(), 0, "reserve empty");
        _assertAccounting();
    }

    function test_Premium_EndRoundsUpToDayBoundary() public {
        _deposit(bob, 1_000e6);
        uint256 start = block.timestamp; // mid-day
        _fundMarket(100e6);
        market.premium(100e6, start + 1 hours);
        uint256 boundary = (start / 1 days + 1) * 1 days;
        vm.warp(start + 1 hours);
        assertLt(pool.totalAssets(), 1_100e6, "not all earned at earnUntil");
        vm.warp(boundary);
        assertEq(pool.totalAssets(), 1_100e6, "all earned at the day boundary");
    }

    function test_TotalAssets_IsMonotoneWithoutLosses() public {
        _deposit(bob, 1_000e6);
        _sell(100e6, 10e6, 20 days, 2 days);
        _fees(3e6);
        uint256 last = pool.totalAssets();
        for (uint256 i; i < 40; ++i) {
            vm.warp(block.timestamp + 13 hours);
            uint256 now_ = pool.totalAssets();
            assertGe(now_, last, "totalAssets fell without a loss");
            last = now_;
        }
        assertEq(last, 1_013e6, "all earned");
    }
}
