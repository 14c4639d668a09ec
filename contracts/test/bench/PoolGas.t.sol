// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {BackstopPool} from "../../src/BackstopPool.sol";
import {TestUSDC} from "../../src/mocks/TestUSDC.sol";
import {PoolMarketHarness} from "../harness/PoolMarketHarness.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";

/// @notice The baseline: a plain OpenZeppelin ERC-4626 vault with the same decimals offset.
contract PlainVault is ERC4626 {
    constructor(IERC20 asset_) ERC4626(asset_) ERC20("Plain", "PLN") {}

    function _decimalsOffset() internal pure override returns (uint8) {
        return 12;
    }
}

/// @notice Gas of BackstopPool's hot paths next to a plain OZ ERC-4626 vault, each measured with
///         gasleft() around one external call that is the first to touch its storage in the test
///         (everything else is prepared in setUp, so slots and accounts are cold as in a real
///         transaction). Refunds are not subtracted (gasleft cannot see them) for either vault.
///         Each vault has its own token so neither inherits the other's warm token account.
///         Output: `-vv` logs, one `log_named_uint("<subject>.<op>", gas)` per measurement (`pool.*`,
///         `plain.*`); `npm run bench` (scripts/bench/pool.ts) turns them into the ratio table. Numbers
///         are printed, never asserted.
contract PoolGasTest is Test {
    event log_named_uint(string key, uint256 val);

    TestUSDC internal tokenP; // pool's token
    TestUSDC internal tokenV; // plain vault's token
    BackstopPool internal pool;
    BackstopPool internal poolMany; // 1,000 active locks
    PlainVault internal plain;
    PoolMarketHarness internal market;
    PoolMarketHarness internal marketMany;

    address internal gov = address(0x600);
    address internal waterfall = address(0xFA11);
    address internal alice = address(0xA11CE);
    address internal bob = address(0xB0B);
    address internal venue = address(0x7E);
    uint256 internal aliceShares;
    uint256 internal alicePlainShares;
    uint256 internal aliceClaimAssets; // what alice's whole request pays, for the withdraw bench
    uint256 internal alicePlainAssets;

    function setUp() public {
        vm.warp(1_700_000_000);
        tokenP = new TestUSDC();
        tokenV = new TestUSDC();
        pool = new BackstopPool(IERC20(address(tokenP)), "Junior", "bsJR", gov, gov);
        poolMany = new BackstopPool(IERC20(address(tokenP)), "Senior", "bsSR", gov, gov);
        plain = new PlainVault(IERC20(address(tokenV)));
        market = new PoolMarketHarness(pool);
        marketMany = new PoolMarketHarness(poolMany);
        vm.startPrank(gov);
        pool.setMarket(address(market), true);
        pool.setWaterfall(waterfall);
        poolMany.setMarket(address(marketMany), true);
        poolMany.setWaterfall(waterfall);
        vm.stopPrank();

        _give(tokenP, bob, 5_000_000e6);
        _give(tokenP, alice, 5_000_000e6);
        _give(tokenV, bob, 5_000_000e6);
        _give(tokenV, alice, 5_000_000e6);
        _give(tokenP, address(market), 1_000_000e6);
        _give(tokenP, address(marketMany), 1_000_000e6);
        vm.startPrank(bob);
        tokenP.approve(address(pool), type(uint256).max);
        tokenP.approve(address(poolMany), type(uint256).max);
        tokenV.approve(address(plain), type(uint256).max);
        pool.deposit(1_000_000e6, bob);
        poolMany.deposit(1_000_000e6, bob);
        plain.deposit(1_000_000e6, bob);
        vm.stopPrank();
        vm.startPrank(alice);
        tokenP.approve(address(pool), type(uint256).max);
        tokenV.approve(address(plain), type(uint256).max);
        aliceShares = pool.deposit(10_000e6, alice);
        alicePlainShares = plain.deposit(10_000e6, alice);
        pool.requestRedeem(aliceShares, alice, alice);
        vm.stopPrank();

        // An active book on `pool`: one cover with premium streaming (rate > 0).
        market.sell(100_000e6, 1_000e6, block.timestamp + 30 days, 2 days);
        // 1,000 active locks on `poolMany`, spread over 100 expiry days, all with premium.
        for (uint256 i; i < 1_000; ++i) {
            marketMany.sell(100e6, 1e6, block.timestamp + 5 days + (i % 100) * 1 days, 2 days);
        }
        vm.prank(waterfall);
        tokenP.approve(address(pool), type(uint256).max);
        // Land inside alice's claim window, at a time of day with no bucket to walk since the last touch.
        vm.warp(block.timestamp + 7 days);
        pool.checkpoint();
        poolMany.checkpoint();
        vm.warp(block.timestamp + 1 hours);
        aliceClaimAssets = pool.previewClaimRedeem(aliceShares, alice);
        alicePlainAssets = plain.previewRedeem(alicePlainShares);
    }

    function _give(TestUSDC token, address who, uint256 amount) internal {
        vm.store(address(token), keccak256(abi.encode(who, uint256(0))), bytes32(amount));
        vm.store(address(token), bytes32(uint256(2)), bytes32(token.totalSupply() + amount));
    }

    function _pair(string memory op, uint256 poolGas, uint256 plainGas) internal {
        emit log_named_uint(string.concat("pool.", op), poolGas);
        emit log_named_uint(string.concat("plain.", op), plainGas);
    }

    /// @notice deposit to a new holder, premium streaming (the realistic state) vs plain OZ.
    function testBench_deposit() public {
        address carol = address(0xCA201);
        vm.prank(bob);
        uint256 g = gasleft();
        pool.deposit(1_000e6, carol);
        uint256 poolGas = g - gasleft();
        vm.prank(bob);
        g = gasleft();
        plain.deposit(1_000e6, carol);
        uint256 plainGas = g - gasleft();
        _pair("deposit", poolGas, plainGas);
    }

    /// @notice deposit topping up an existing holder.
    function testBench_depositExistingHolder() public {
        vm.prank(bob);
        uint256 g = gasleft();
        pool.deposit(1_000e6, bob);
        uint256 poolGas = g - gasleft();
        vm.prank(bob);
        g = gasleft();
        plain.deposit(1_000e6, bob);
        uint256 plainGas = g - gasleft();
        _pair("depositExisting", poolGas, plainGas);
    }

    /// @notice redeem of a whole claimable request (after requestRedeem + cooldown) vs a plain redeem of
    ///         the same holder's whole balance.
    function testBench_redeem() public {
        vm.prank(alice);
        uint256 g = gasleft();
        pool.redeem(aliceShares, alice, alice);
        uint256 poolGas = g - gasleft();
        vm.prank(alice);
        g = gasleft();
        plain.redeem(alicePlainShares, alice, alice);
        uint256 plainGas = g - gasleft();
        _pair("redeem", poolGas, plainGas);
    }

    /// @notice mint of a fixed number of shares to a new holder vs plain OZ.
    function testBench_mint() public {
        address carol = address(0xCA201);
        vm.prank(bob);
        uint256 g = gasleft();
        pool.mint(1_000e18, carol);
        uint256 poolGas = g - gasleft();
        vm.prank(bob);
        g = gasleft();
        plain.mint(1_000e18, carol);
        uint256 plainGas = g - gasleft();
        _pair("mint", poolGas, plainGas);
    }

    /// @notice withdraw (claim by assets) of a whole claimable request vs a plain withdraw of the same
    ///         holder's whole balance.
    function testBench_withdraw() public {
        vm.prank(alice);
        uint256 g = gasleft();
        pool.withdraw(aliceClaimAssets, alice, alice);
        uint256 poolGas = g - gasleft();
        vm.prank(alice);
        g = gasleft();
        plain.withdraw(alicePlainAssets, alice, alice);
        uint256 plainGas = g - gasleft();
        _pair("withdraw", poolGas, plainGas);
    }

    /// @notice requestRedeem (no plain equivalent; compared with a plain share transfer for scale).
    function testBench_requestRedeem() public {
        vm.prank(bob);
        uint256 g = gasleft();
        pool.requestRedeem(1e18, bob, bob);
        uint256 poolGas = g - gasleft();
        vm.prank(bob);
        g = gasleft();
        plain.transfer(alice, 1e18);
        uint256 plainGas = g - gasleft();
        emit log_named_uint("pool.requestRedeem", poolGas);
        emit log_named_uint("plain.transfer", plainGas);
    }

    /// @notice coverShortfall with 1 active lock (compare with `_1000locks`: O(1)).
    function testBench_coverShortfall1Lock() public {
        vm.prank(waterfall);
        uint256 g = gasleft();
        pool.coverShortfall(1_000e6, venue);
        emit log_named_uint("pool.coverShortfall_1lock", g - gasleft());
    }

    /// @notice coverShortfall with 1,000 active locks over 100 expiry days: same cost as with 1.
    function testBench_coverShortfall1000Locks() public {
        vm.prank(waterfall);
        uint256 g = gasleft();
        poolMany.coverShortfall(1_000e6, venue);
        emit log_named_uint("pool.coverShortfall_1000locks", g - gasleft());
    }

    /// @notice The first touch of a new day walks one bucket; after 90 idle days the walk is bounded.
    function testBench_bucketWalk() public {
        vm.warp((block.timestamp / 1 days + 1) * 1 days + 1);
        uint256 g = gasleft();
        poolMany.checkpoint();
        emit log_named_uint("pool.checkpoint_1day_10locksDue", g - gasleft());
        vm.warp(block.timestamp + 200 days);
        g = gasleft();
        poolMany.checkpoint();
        emit log_named_uint("pool.checkpoint_worst_90days", g - gasleft());
    }

    /// @notice lockCapital + receivePremium (a cover sale's pool side).
    function testBench_sellCover() public {
        uint256 g = gasleft();
        market.sell(1_000e6, 10e6, block.timestamp + 20 days, 2 days);
        emit log_named_uint("pool.sellCover_lockAndPremium", g - gasleft());
    }
}
