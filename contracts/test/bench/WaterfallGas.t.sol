// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ShortfallWaterfallBase} from "../ShortfallWaterfallBase.t.sol";

/// @notice Gas of the waterfall's entry points on the real stack, each measured with gasleft() around one
///         external call whose storage was prepared in setUp (so slots are cold as in a real transaction;
///         refunds not subtracted). Output: `-vv` logs, `log_named_uint("waterfall.<op>", gas)`.
///         Excluded from normal runs (`--no-match-test testBench`).
contract WaterfallGasTest is ShortfallWaterfallBase {
    event log_named_uint(string key, uint256 val);

    function setUp() public override {
        super.setUp();
        _fund(venue, 1_000_000e6);
        vm.prank(venue);
        usdc.approve(address(wf), type(uint256).max);
    }

    function _measureAbsorb(string memory key, uint256 amount) internal returns (uint256 g) {
        vm.prank(venue);
        g = gasleft();
        wf.absorbShortfall(amount);
        g -= gasleft();
        emit log_named_uint(key, g);
    }

    /// @dev Junior alone pays.
    function testBench_absorbShortfall_junior() public {
        _measureAbsorb("waterfall.absorbShortfall(junior)", 100_000e6);
    }

    /// @dev Junior to its cap, then Senior.
    function testBench_absorbShortfall_juniorSenior() public {
        _measureAbsorb("waterfall.absorbShortfall(junior+senior)", 1_000_000e6);
    }

    /// @dev Both layers to their caps, the rest opens an auction.
    function testBench_absorbShortfall_withAuction() public {
        _measureAbsorb("waterfall.absorbShortfall(junior+senior+auction)", 3_000_000e6);
    }

    /// @dev A day later than the last pool checkpoint: the pools walk one day bucket.
    function testBench_absorbShortfall_nextDay() public {
        vm.warp(block.timestamp + 1 days);
        _measureAbsorb("waterfall.absorbShortfall(junior+senior, next day)", 1_000_000e6);
    }

    function testBench_distributeFees() public {
        vm.prank(venue);
        uint256 g = gasleft();
        wf.distributeFees(10_000e6);
        g -= gasleft();
        emit log_named_uint("waterfall.distributeFees", g);
    }
}

/// @notice absorbShortfall with N active covers locked in Junior (spread over N expiry times in up to 200
///         day buckets, prepared in setUp so the measured call finds cold storage): the cost does not grow
///         with the number of covers.
abstract contract WaterfallGasLocksBase is ShortfallWaterfallBase {
    event log_named_uint(string key, uint256 val);

    function _covers() internal pure virtual returns (uint256);

    function setUp() public override {
        super.setUp();
        uint256 n = _covers();
        for (uint256 i; i < n; ++i) {
            juniorMarket.lock(100e6, block.timestamp + 2 days + (i % 200) * 1 days + i);
        }
        vm.warp(block.timestamp + 1 days); // the pools walk one bucket, as in daily use
    }

    function _measure(string memory key) internal {
        vm.prank(venue);
        uint256 g = gasleft();
        wf.absorbShortfall(600_000e6);
        g -= gasleft();
        emit log_named_uint(key, g);
    }
}

contract WaterfallGasOneCoverTest is WaterfallGasLocksBase {
    function _covers() internal pure override returns (uint256) {
        return 1;
    }

    function testBench_absorbShortfall_1Cover() public {
        _measure("waterfall.absorbShortfall(1 active cover)");
    }
}

contract WaterfallGasThousandCoversTest is WaterfallGasLocksBase {
    function _covers() internal pure override returns (uint256) {
        return 1_000;
    }

    function testBench_absorbShortfall_1000Covers() public {
        _measure("waterfall.absorbShortfall(1,000 active covers)");
    }
}

/// @notice An auction buy (mint + payment to the venue) and a settlement.
contract WaterfallGasAuctionTest is ShortfallWaterfallBase {
    event log_named_uint(string key, uint256 val);

    function setUp() public override {
        super.setUp();
        vm.prank(venue);
        wf.absorbShortfall(2_000_000e6); // 500k to auction 1
        _fund(buyer, 1_000_000e6);
        vm.prank(buyer);
        usdc.approve(address(recap), type(uint256).max);
        vm.warp(block.timestamp + 1 hours);
    }

    function testBench_auctionBuy() public {
        vm.prank(buyer);
        uint256 g = gasleft();
        recap.buy(1, 10_000e6, type(uint256).max);
        g -= gasleft();
        emit log_named_uint("recapitalizer.buy", g);
    }

    /// @dev A later buy in the same window: the rolling mint budget's slot is already written (the first
    ///      buy ever pays its zero-to-non-zero write, ≈ 20k of the difference to `recapitalizer.buy`).
    function testBench_auctionBuy_secondInWindow() public {
        vm.prank(buyer);
        recap.buy(1, 10_000e6, type(uint256).max);
        vm.prank(buyer);
        uint256 g = gasleft();
        recap.buy(1, 10_000e6, type(uint256).max);
        g -= gasleft();
        emit log_named_uint("recapitalizer.buy(second in window)", g);
    }

    function testBench_auctionBuy_fillsAndSettles() public {
        vm.prank(buyer);
        uint256 g = gasleft();
        recap.buy(1, 1_000_000e6, type(uint256).max);
        g -= gasleft();
        emit log_named_uint("recapitalizer.buy(fills, settles)", g);
    }

    function testBench_settle() public {
        vm.warp(block.timestamp + 1 days);
        uint256 g = gasleft();
        recap.settle(1);
        g -= gasleft();
        emit log_named_uint("recapitalizer.settle", g);
    }
}
