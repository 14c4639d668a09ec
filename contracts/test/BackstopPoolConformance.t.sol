// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {BackstopPoolBase} from "./BackstopPoolBase.t.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {IBackstopPool} from "../src/interfaces/IBackstopPool.sol";

/// @notice The full ERC-4626 method set plus ERC-7575's `share`: its ERC-165 id is what ERC-7575 (and
///         ERC-7540, which requires it) calls 0x2f0a18c5.
interface IERC7575 {
    function asset() external view returns (address);
    function share() external view returns (address);
    function convertToShares(uint256 assets) external view returns (uint256);
    function convertToAssets(uint256 shares) external view returns (uint256);
    function totalAssets() external view returns (uint256);
    function maxDeposit(address receiver) external view returns (uint256);
    function previewDeposit(uint256 assets) external view returns (uint256);
    function deposit(uint256 assets, address receiver) external returns (uint256);
    function maxMint(address receiver) external view returns (uint256);
    function previewMint(uint256 shares) external view returns (uint256);
    function mint(uint256 shares, address receiver) external returns (uint256);
    function maxWithdraw(address owner) external view returns (uint256);
    function previewWithdraw(uint256 assets) external view returns (uint256);
    function withdraw(uint256 assets, address receiver, address owner) external returns (uint256);
    function maxRedeem(address owner) external view returns (uint256);
    function previewRedeem(uint256 shares) external view returns (uint256);
    function redeem(uint256 shares, address receiver, address owner) external returns (uint256);
}

/// @notice ERC-7575's share-to-vault lookup (the share token is the pool itself): id 0xf815c03d.
interface IERC7575Share {
    function vault(address asset) external view returns (address);
}

/// @notice Issue 13, item 7: the pool against the MUSTs of ERC-4626, ERC-7540 and ERC-7575 (the list
///         with verdicts is docs/ERC-CONFORMANCE.md).
contract BackstopPoolConformanceTest is BackstopPoolBase {
    event VaultUpdate(address indexed asset, address vault);

    // ------------------------------------------------------------------ ERC-165 / ERC-7575

    function test_SupportsInterface_Erc7575Vault() public view {
        assertEq(bytes32(type(IERC7575).interfaceId), bytes32(bytes4(0x2f0a18c5)), "7575 id is the 4626 set + share");
        assertTrue(pool.supportsInterface(0x2f0a18c5), "EIP-7540: all async vaults MUST return true for 0x2f0a18c5");
        assertTrue(pool.supportsInterface(0xe3bc4e65), "operator");
        assertTrue(pool.supportsInterface(0x620ee8e4), "async redeem");
        assertFalse(pool.supportsInterface(0xce3bbe50), "deposits are synchronous");
        assertFalse(pool.supportsInterface(0xffffffff), "ERC-165: 0xffffffff is never supported");
        assertEq(bytes32(type(IERC7575Share).interfaceId), bytes32(bytes4(0xf815c03d)), "7575 share id");
        assertTrue(pool.supportsInterface(0xf815c03d), "the share token (this pool) MUST return true for 0xf815c03d");
    }

    function test_Erc7575_ShareIsThePoolAndLooksItselfUp() public {
        assertEq(pool.share(), address(pool), "share");
        assertEq(pool.vault(address(usdc)), address(pool), "vault for its asset");
        assertEq(pool.vault(address(0xBEEF)), address(0), "no vault for another asset");
        vm.expectEmit(true, false, false, false);
        emit VaultUpdate(address(usdc), address(0)); // the data (the new pool's address) is checked below
        BackstopPool fresh = new BackstopPool(usdc, "x", "x", gov, guardian);
        assertEq(fresh.vault(address(usdc)), address(fresh), "linked at deployment");
    }

    // ------------------------------------------------------------------ EIP-7540: previews revert

    /// @notice "previewRedeem and previewWithdraw MUST revert for all callers and inputs" (EIP-7540,
    ///         asynchronous redeem vaults).
    function testFuzz_PreviewRedeemAndWithdraw_RevertForEveryInput(uint256 x, address caller) public {
        uint256 shares = _deposit(alice, 1_000e6);
        _request(alice, shares);
        vm.warp(block.timestamp + 7 days);
        vm.prank(caller);
        vm.expectRevert(IBackstopPool.BackstopPoolAsyncPreview.selector);
        pool.previewRedeem(x);
        vm.prank(caller);
        vm.expectRevert(IBackstopPool.BackstopPoolAsyncPreview.selector);
        pool.previewWithdraw(x);
    }

    /// @notice The exact, controller-aware quotes that replace them: what the claim returns in the same
    ///         state, for any amount, any gain or loss since the request, by shares or by assets.
    function testFuzz_ClaimQuotes_EqualWhatTheClaimDoes(uint256 fees, uint256 loss, uint256 x, bool byAssets) public {
        uint256 shares = _deposit(alice, 1_000e6);
        _deposit(bob, 3_000e6);
        _request(alice, shares);
        fees = bound(fees, 0, 1_000e6);
        if (fees > 0) _fees(fees);
        vm.warp(block.timestamp + 7 days + 1 hours);
        loss = bound(loss, 0, 3_999e6);
        if (loss > 0) _shortfall(loss);
        vm.startPrank(alice);
        if (byAssets) {
            x = bound(x, 1, pool.maxWithdraw(alice));
            uint256 quote = pool.previewClaimWithdraw(x, alice);
            assertEq(pool.withdraw(x, alice, alice), quote, "withdraw == previewClaimWithdraw");
        } else {
            x = bound(x, 1, shares);
            uint256 quote = pool.previewClaimRedeem(x, alice);
            if (quote == 0) {
                vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolZeroAssets.selector, x));
                pool.redeem(x, alice, alice);
            } else {
                assertEq(pool.redeem(x, alice, alice), quote, "redeem == previewClaimRedeem");
            }
        }
        vm.stopPrank();
    }

    function test_ClaimQuotes_NameWhatIsWrong() public {
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNoRequest.selector, alice));
        pool.previewClaimRedeem(1, alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolNoRequest.selector, alice));
        pool.previewClaimWithdraw(1, alice);
        uint256 shares = _deposit(alice, 1_000e6);
        uint256 id = _request(alice, shares);
        // In cooldown the quote still answers (ERC-4626 previews ignore limits): the value at request.
        assertEq(pool.previewClaimRedeem(shares, alice), 1_000e6, "quote in cooldown");
        assertEq(pool.previewClaimWithdraw(1_000e6, alice), shares, "shares for the whole value");
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolExceedsRequest.selector, id, shares + 1, shares));
        pool.previewClaimRedeem(shares + 1, alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolExceedsRequest.selector, id, shares + 1e12, shares));
        pool.previewClaimWithdraw(1_000e6 + 1, alice);
    }

    // ------------------------------------------------------------------ max* at the edge

    /// @notice maxWithdraw and maxRedeem pass on chain and never over-report, whichever binds: the value at
    ///         claim, the value at request, or free capital (covers lock most of the pool).
    function testFuzz_MaxClaims_PassOnChain_MaxWithdrawPlusOneReverts(
        uint256 fees,
        uint256 loss,
        uint256 lockBps,
        bool byAssets
    ) public {
        uint256 shares = _deposit(alice, 1_000e6);
        _deposit(bob, 1_000e6);
        _request(alice, shares);
        fees = bound(fees, 0, 500e6);
        if (fees > 0) _fees(fees);
        vm.warp(block.timestamp + 7 days);
        // Locks up to the highest utilization ceiling governance allows (95 %); losses then push free
        // capital below any share of it.
        vm.prank(gov);
        pool.setMaxUtilizationBps(9_500);
        lockBps = bound(lockBps, 0, 10_000);
        uint256 room = pool.totalAssets() * 9_500 / 10_000 - pool.lockedAssets();
        uint256 lock = room * lockBps / 10_000;
        if (lock > 0) market.lock(lock, block.timestamp + 30 days);
        loss = bound(loss, 0, pool.freeAssets());
        if (loss > 0) _shortfall(loss);
        uint256 maxW = pool.maxWithdraw(alice);
        uint256 maxR = pool.maxRedeem(alice);
        vm.startPrank(alice);
        if (byAssets && maxW > 0) {
            vm.expectRevert();
            pool.withdraw(maxW + 1, alice, alice);
            uint256 quote = pool.previewClaimWithdraw(maxW, alice);
            assertLe(quote, shares, "within the request");
            assertEq(pool.withdraw(maxW, alice, alice), quote, "withdraw(maxWithdraw) passes");
        } else if (maxR > 0) {
            uint256 quote = pool.previewClaimRedeem(maxR, alice);
            uint256 paid = pool.redeem(maxR, alice, alice);
            assertEq(paid, quote, "redeem(maxRedeem) passes");
            assertGe(paid, 1, "maxRedeem pays something");
            assertLe(paid, maxW, "maxRedeem's claim fits maxWithdraw");
        } else {
            assertEq(maxW, 0, "nothing to withdraw when nothing to redeem");
        }
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ a wiped-out layer

    /// @notice Below the floor a layer refuses deposits and mints with a named error and says 0 in both
    ///         max views; once premiums lift the price back above the floor it takes deposits again.
    function test_WipedOutLayer_ClosesBelowTheFloor_ReopensWhenEarningsLiftThePrice() public {
        uint256 shares = _deposit(alice, 1_000_000e6);
        _drainTo(0);
        assertEq(pool.totalAssets(), 0, "wiped out");
        assertEq(pool.maxDeposit(bob), 0, "maxDeposit");
        assertEq(pool.maxMint(bob), 0, "maxMint");
        _fund(bob, 10e6);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolSharePriceBelowFloor.selector, 0, shares));
        pool.deposit(10e6, bob);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolSharePriceBelowFloor.selector, 0, shares));
        pool.mint(1e18, bob);
        // Exits and the rest of the pool keep working: alice can still request (worth nothing: refused
        // with its own error) and premiums still arrive.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolZeroAssets.selector, shares));
        pool.requestRedeem(shares, alice, alice);
        // 10^24 shares need (10^24 + 10^12) / 10^18 ≈ 10^6 units (1 USDC) to be back at the floor.
        _fundMarket(2e6);
        market.premium(2e6, block.timestamp + 1 days);
        vm.warp(block.timestamp + 2 days);
        assertGt(pool.maxDeposit(bob), 0, "reopened");
        vm.prank(bob);
        uint256 got = pool.deposit(10e6, bob);
        assertApproxEqAbs(pool.convertToAssets(got), 10e6, 1, "at a fair price");
    }

    /// @notice At the floor exactly a deposit is taken; one unit of assets less and it is refused.
    function test_Floor_IsExact() public {
        uint256 t = 1_000; // totalAssets after the loss
        _deposit(alice, 1e12);
        _drainTo(t);
        uint256 supply = pool.totalSupply(); // 10^24
        // Open iff supply ≤ (totalAssets + 1) × 10^18 − 10^12, i.e. totalAssets ≥ ceil((supply + 10^12) / 10^18) − 1.
        uint256 edge = (supply + 1e12 + 1e18 - 1) / 1e18 - 1;
        assertEq(edge, 1e6, "1 USDC backs 10^24 shares at the floor");
        _fundMarket(edge - 1 - t);
        market.premium(edge - 1 - t, block.timestamp + 1 days);
        vm.warp(block.timestamp + 2 days);
        assertEq(pool.totalAssets(), edge - 1, "one unit below the edge");
        assertEq(pool.maxDeposit(bob), 0, "closed");
        _fund(bob, 1e6);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IBackstopPool.BackstopPoolSharePriceBelowFloor.selector, edge - 1, supply));
        pool.deposit(1e6, bob);
        _fundMarket(1);
        market.premium(1, block.timestamp + 1 days);
        vm.warp(block.timestamp + 2 days);
        assertEq(pool.totalAssets(), edge, "at the edge");
        assertGt(pool.maxDeposit(bob), 0, "open at the floor");
        vm.prank(bob);
        pool.deposit(1e6, bob);
    }

    /// @dev Drains the pool to `dust` units of free capital through the waterfall.
    function _drainTo(uint256 dust) internal {
        uint256 free = pool.freeAssets();
        if (free > dust) _shortfall(free - dust);
    }

    /// @notice The reproduction: a layer drained to a few units, refilled, drained again, several times.
    ///         Each refill mints at the collapsed price, so the share supply explodes (~1e59 against a
    ///         unit of assets), until `maxMint` overflowed and `deposit(maxDeposit)` reverted. max* must
    ///         never revert and never over-report: whatever maxDeposit/maxMint say must go through.
    function test_RepeatedNearTotalLosses_MaxViewsNeverRevertNorOverReport() public {
        address lp = makeAddr("lp");
        for (uint256 i; i < 6; ++i) {
            if (pool.maxDeposit(lp) < 1e12) break;
            _deposit(lp, 1e12); // 1M USDC
            _drainTo(3);
        }
        assertLt(pool.totalSupply(), uint256(1) << 157, "the floor bounds the supply");
        uint256 maxMint = pool.maxMint(lp); // must not revert
        uint256 maxDeposit = pool.maxDeposit(lp);
        uint256 snap = vm.snapshotState();
        if (maxDeposit > 0) {
            _fund(lp, maxDeposit);
            vm.prank(lp);
            pool.deposit(maxDeposit, lp);
        }
        vm.revertToState(snap);
        if (maxMint > 0) {
            uint256 cost = pool.previewMint(maxMint);
            _fund(lp, cost);
            vm.prank(lp);
            pool.mint(maxMint, lp);
        }
    }
}
