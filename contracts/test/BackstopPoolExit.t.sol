// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {BackstopPoolBase} from "./BackstopPoolBase.t.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {IBackstopPool} from "../src/interfaces/IBackstopPool.sol";

/// @notice Issue 13, items 2 and 5: nobody can block or delay someone else's exit, and a standing exit
///         request is not a free option (a claim pays the lower of the value at request and at claim).
contract BackstopPoolExitTest is BackstopPoolBase {
    event RedeemRequestTerms(
        address indexed controller, uint256 indexed requestId, uint256 assetsAtRequest, uint256 claimableAt, uint256 expiresAt
    );
    event RedeemRequestLapsed(address indexed controller, address indexed owner, uint256 indexed requestId, uint256 shares);

    address internal mallory = makeAddr("mallory");
    uint256 internal aliceShares;

    function setUp() public override {
        super.setUp();
        aliceShares = _deposit(alice, 1_000e6);
        _deposit(bob, 1_000e6);
        _deposit(mallory, 10e6);
    }

    // ------------------------------------------------------------------ item 2: exits nobody can block

    /// @notice The attack: a dust request naming the victim as controller took her one request slot for
    ///         cooldown + window, renewable at every lapse. Mallory may not name alice as controller
    ///         (alice never approved her), so alice's own request goes through and starts at once.
    function test_Attack_DustRequestNamingVictim_CannotBlockHerExit() public {
        vm.prank(mallory);
        try pool.requestRedeem(1e12, alice, mallory) {} catch {}
        uint256 t = block.timestamp;
        _request(alice, aliceShares);
        (, uint256 escrowed, uint256 claimableAt, uint256 expiresAt, address owner,) = pool.redeemRequest(alice);
        assertEq(escrowed, aliceShares, "alice's whole request");
        assertEq(claimableAt, t + pool.cooldown(), "alice's cooldown starts at her request");
        assertEq(expiresAt, claimableAt + pool.claimWindow(), "window");
        assertEq(owner, alice, "alice owns her request");
        assertEq(pool.balanceOf(mallory), 10e18, "mallory's shares never left her");
    }

    /// @notice The same attempt through every route that names someone else as controller: with shares
    ///         of her own, with alice's allowance (alice approved mallory's spending, not her control), and
    ///         as an operator of a third account.
    function test_NamingAnotherController_NeedsItsApproval() public {
        vm.prank(mallory);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotOperator.selector, mallory, alice));
        pool.requestRedeem(1e12, alice, mallory);

        vm.prank(alice);
        pool.approve(mallory, 1e18);
        vm.prank(mallory);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotOperator.selector, mallory, alice));
        pool.requestRedeem(1e18, alice, alice);

        vm.prank(bob);
        pool.setOperator(mallory, true);
        vm.prank(mallory);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNotOperator.selector, mallory, alice));
        pool.requestRedeem(1e18, alice, bob);
        assertEq(pool.balanceOf(address(pool)), 0, "nothing escrowed");
    }

    /// @notice A controller's approval is what makes another account's request land on it: alice makes
    ///         carol her operator, and carol may then file a request of carol's own shares for alice.
    function test_ApprovedOperator_MayNameTheController() public {
        uint256 carolShares = _deposit(carol, 50e6);
        vm.prank(alice);
        pool.setOperator(carol, true);
        vm.prank(carol);
        uint256 id = pool.requestRedeem(carolShares, alice, carol);
        (uint256 rid, uint256 escrowed,,, address owner,) = pool.redeemRequest(alice);
        assertEq(rid, id, "alice's request");
        assertEq(escrowed, carolShares, "carol's shares");
        assertEq(owner, carol, "carol owns the escrowed shares: a lapse returns them to her");
    }

    /// @notice Renewing the dust request at every lapse kept the victim out forever; now each renewal
    ///         fails and the victim's request, whenever she makes it, starts at once.
    function testFuzz_RenewedAttack_NeverDelaysTheVictim(uint256 rounds, uint256 gap) public {
        rounds = bound(rounds, 1, 5);
        gap = bound(gap, 0, 11 days);
        for (uint256 i; i < rounds; ++i) {
            vm.prank(mallory);
            try pool.requestRedeem(1, alice, mallory) {} catch {}
            vm.warp(block.timestamp + gap);
        }
        uint256 t = block.timestamp;
        _request(alice, aliceShares / 2);
        (,, uint256 claimableAt,,,) = pool.redeemRequest(alice);
        assertEq(claimableAt, t + pool.cooldown(), "never later than the cooldown");
    }

    // ------------------------------------------------------------------ item 5: no free option

    /// @notice Alice requests; fees earned during her cooldown lift the share price. Her claim pays what
    ///         her shares were worth when she asked; the 5 % she would have earned stays with bob.
    function test_ClaimAfterPriceRise_PaysTheValueAtRequest() public {
        _request(alice, aliceShares);
        uint256 bobShares = pool.balanceOf(bob);
        _fees(200e6); // streamed over a day: 2,000 → 2,210 (10 of mallory's) … shares escrowed still count
        vm.warp(block.timestamp + 7 days);
        uint256 valueNow = pool.convertToAssets(aliceShares);
        assertGt(valueNow, 1_090e6, "the price rose");
        vm.prank(alice);
        uint256 paid = pool.redeem(aliceShares, alice, alice);
        assertEq(paid, 1_000e6, "paid the value at request, not the risen value");
        // alice's forgone ~99 USDC stays in the pool, shared by those who stayed (bob and mallory).
        assertApproxEqAbs(pool.convertToAssets(bobShares), uint256(1_210e6) * 1_000 / 1_010, 2, "bob keeps the whole gain");
        _assertAccounting();
    }

    /// @notice A loss during the cooldown still hits the request in full (shares in cooldown stay
    ///         slashable): the lower value is the one at claim.
    function test_ClaimAfterLoss_PaysTheValueAtClaim() public {
        _request(alice, aliceShares);
        _shortfall(201e6); // 10 % of 2,010
        vm.warp(block.timestamp + 7 days);
        uint256 valueNow = pool.convertToAssets(aliceShares);
        assertApproxEqAbs(valueNow, 900e6, 1, "lost 10 %");
        vm.prank(alice);
        assertEq(pool.redeem(aliceShares, alice, alice), valueNow, "the loss hits the request");
    }

    /// @notice Any mix of gain and loss between request and claim, claimed in up to three parts by
    ///         shares or by assets: every part pays at most its shares' value now and at most its
    ///         pro-rata part of the value at request, and the parts together never exceed the lower of
    ///         the request's value at request and its value when each part is claimed.
    function testFuzz_PartialClaims_NeverBeatTheLowerValue(uint256 fees, uint256 loss, uint256 f1, uint256 f2, uint256 mode)
        public
    {
        fees = bound(fees, 0, 1_000e6);
        loss = bound(loss, 0, 1_500e6);
        uint256 atRequest = pool.convertToAssets(aliceShares);
        _request(alice, aliceShares);
        if (fees > 0) _fees(fees);
        vm.warp(block.timestamp + 7 days);
        if (loss > 0) _shortfall(loss > pool.freeAssets() ? pool.freeAssets() : loss);
        uint256 total;
        uint256 left = aliceShares;
        uint256[3] memory parts = [bound(f1, 1, 9_999), bound(f2, 1, 9_999), uint256(10_000)];
        for (uint256 i; i < 3 && left > 0; ++i) {
            uint256 s = i == 2 ? left : left * parts[i] / 10_000;
            if (s == 0) continue;
            uint256 valueNow = pool.convertToAssets(s);
            uint256 before = usdc.balanceOf(alice);
            vm.prank(alice);
            if ((mode >> i) & 1 == 0) {
                try pool.redeem(s, alice, alice) {} catch {}
            } else {
                uint256 assets = valueNow * 9 / 10;
                if (assets > 0) {
                    try pool.withdraw(assets, alice, alice) {} catch {}
                }
            }
            uint256 got = usdc.balanceOf(alice) - before;
            assertLe(got, valueNow, "a part paid more than its shares are worth now");
            total += got;
            (, left,,,,) = pool.redeemRequest(alice);
        }
        assertLe(total, atRequest, "the parts beat the value at request");
        _assertAccounting();
    }

    /// @notice The request records its value at request (`convertToAssets` then) and says so in an event.
    function test_Request_RecordsItsValueAtRequest() public {
        _fees(100e6);
        vm.warp(block.timestamp + 1 days); // 2,010 + 100 earned
        uint256 value = pool.convertToAssets(aliceShares);
        vm.expectEmit(true, true, false, true, address(pool));
        emit RedeemRequestTerms(alice, 1, value, block.timestamp + 7 days, block.timestamp + 10 days);
        _request(alice, aliceShares);
        (,,,, address owner, uint256 assetsAtRequest) = pool.redeemRequest(alice);
        assertEq(assetsAtRequest, value, "recorded");
        assertEq(owner, alice, "owner");
        assertEq(pool.previewClaimRedeem(aliceShares, alice), value, "quoted");
    }

    /// @notice Shares worth nothing cannot be requested: no claim of them could ever pay.
    function test_Request_WorthNothing_IsRefused() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolZeroAssets.selector, 1));
        pool.requestRedeem(1, alice, alice); // 1 share-wei: 10^-12 of a unit
        _request(alice, 1e12); // one unit's worth is fine
    }

    /// @notice A claim in parts pays exactly what each part's formula says, and the value at request left
    ///         on the request shrinks by each part's pro-rata share (rounded in the pool's favour).
    function test_PartialClaims_ShrinkTheValueAtRequestProRata() public {
        _request(alice, aliceShares); // worth 1,000
        _fees(505e6); // +25 % over the day: 2,010 → 2,515
        vm.warp(block.timestamp + 7 days);
        vm.startPrank(alice);
        // A third by shares: the value now (≈ 417) is above its part of the value at request (333.33…).
        uint256 third = aliceShares / 3;
        assertEq(pool.redeem(third, alice, alice), uint256(1_000e6) * third / aliceShares, "a third of the value at request");
        (, uint256 left,,,, uint256 atRequestLeft) = pool.redeemRequest(alice);
        assertEq(left, aliceShares - third, "shares left");
        assertEq(atRequestLeft, 1_000e6 - uint256(1_000e6) * third / aliceShares, "value at request left");
        // 200 by assets burns the shares worth 200 at request (more than the shares worth 200 now).
        uint256 burnt = pool.withdraw(200e6, alice, alice);
        assertEq(burnt, (200e6 * left + atRequestLeft - 1) / atRequestLeft, "ceil(200 x shares / value at request)");
        // The rest pays the rest of the value at request: in all, exactly the value at request.
        (, left,,,,) = pool.redeemRequest(alice);
        pool.redeem(left, alice, alice);
        vm.stopPrank();
        assertApproxEqAbs(usdc.balanceOf(alice), 1_000e6, 2, "the whole request paid its value at request");
        assertLe(usdc.balanceOf(alice), 1_000e6, "never more");
        (, left,,,, atRequestLeft) = pool.redeemRequest(alice);
        assertEq(left + atRequestLeft, 0, "cleared");
        _assertAccounting();
    }

    /// @notice maxWithdraw and maxRedeem follow whichever binds: the value at request after a gain, the
    ///         value now after a loss, free capital when covers lock most of the pool.
    function test_MaxClaims_FollowWhicheverBinds() public {
        _request(alice, aliceShares);
        _fees(201e6);
        vm.warp(block.timestamp + 7 days);
        assertEq(pool.maxWithdraw(alice), 1_000e6, "value at request binds after a gain");
        assertEq(pool.maxRedeem(alice), aliceShares, "all shares");
        // Covers lock most of the pool: at the highest utilization ceiling governance allows (95 %).
        vm.prank(gov);
        pool.setMaxUtilizationBps(9_500);
        market.lock(pool.freeAssets() - 400e6, block.timestamp + 30 days);
        assertEq(pool.maxWithdraw(alice), 400e6, "free capital binds");
        // Shares whose part of the value at request is at most 400: 40 % of the request.
        assertEq(pool.maxRedeem(alice), aliceShares * 400 / 1_000, "by the value at request");
        uint256 maxRedeem = pool.maxRedeem(alice);
        vm.prank(alice);
        assertEq(pool.redeem(maxRedeem, alice, alice), 400e6, "redeem(maxRedeem)");
        assertEq(pool.maxWithdraw(alice), 0, "no free capital left");
        assertEq(pool.maxRedeem(alice), 0, "none");
    }

    /// @notice A request that lapses counts as staying: the shares come back with what they earned.
    function test_LapsedRequest_ReturnsTheSharesWithTheirGains() public {
        uint256 id = _request(alice, aliceShares);
        _fees(201e6);
        vm.warp(block.timestamp + 10 days + 1);
        vm.expectEmit(true, true, true, true, address(pool));
        emit RedeemRequestLapsed(alice, alice, id, aliceShares);
        pool.reclaimLapsedRequest(alice);
        assertEq(pool.balanceOf(alice), aliceShares, "shares back");
        assertApproxEqAbs(pool.convertToAssets(aliceShares), 1_100e6, 1, "with the gain");
        (,,,, address owner, uint256 atRequest) = pool.redeemRequest(alice);
        assertEq(owner, address(0), "both slots cleared");
        assertEq(atRequest, 0, "both slots cleared");
    }
}
