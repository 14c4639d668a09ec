// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {BackstopPool} from "../../src/BackstopPool.sol";
import {TestUSDC} from "../../src/mocks/TestUSDC.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {PoolMarketHarness} from "../harness/PoolMarketHarness.sol";
import {PoolHandler} from "./PoolHandler.sol";
import {SweepSchedule} from "./SweepSchedule.sol";
import {HandlerNames} from "./HandlerNames.sol";

/// @notice BackstopPool invariants under random sequences of deposit, mint, requestRedeem, redeem,
///         withdraw, lapse, time warps, premiums, locks, claims, releases, shortfalls and fees.
///         400 runs × depth 128 = 51,200 handler calls per campaign; `afterInvariant` logs how many
///         calls of each handler did something and how many found no valid input (`-vv`).
/// forge-config: default.invariant.runs = 400
/// forge-config: default.invariant.depth = 128
/// forge-config: default.invariant.fail-on-revert = true
contract PoolInvariantTest is Test, SweepSchedule {
    event log_named_uint(string key, uint256 val);

    TestUSDC internal usdc;
    BackstopPool internal pool;
    PoolMarketHarness internal market;
    PoolHandler internal handler;
    address internal gov = address(0x600);
    address internal waterfall = address(0xFA11);

    function setUp() public {
        vm.warp(1_700_000_000);
        usdc = new TestUSDC();
        pool = new BackstopPool(IERC20(address(usdc)), "Backstop Junior", "bsJR", gov, gov);
        market = new PoolMarketHarness(pool);
        handler = new PoolHandler(pool, usdc, market, waterfall);
        vm.startPrank(gov);
        pool.setMarket(address(market), true);
        pool.setWaterfall(waterfall);
        // Shortest bounds so requests reach their window (and lapse) within a run.
        pool.setCooldown(pool.MIN_COOLDOWN());
        pool.setClaimWindow(pool.MIN_CLAIM_WINDOW());
        vm.stopPrank();
        vm.prank(waterfall);
        usdc.approve(address(pool), type(uint256).max);
        targetContract(address(handler));
    }

    /// @notice All pool invariants, checked after every handler call. One campaign (instead of one per
    ///         property) keeps the suite at 51,200 calls in well under a minute on two cores.
    /// forge-config: default.invariant.runs = 400
    /// forge-config: default.invariant.depth = 128
    function invariant_Pool() public view {
        _checkBalanceEqualsAccountedAssets();
        _checkLockedNeverExceedsAssets();
        _checkBalancesSumToSupply();
        _checkSharePriceNeverJumpsOnEntryOrExit();
        _checkNoValueFromNothing();
    }

    function _checkBalanceEqualsAccountedAssets() internal view {
        uint256 accounted = pool.freeAssets() + pool.lockedAssets() + pool.unearnedPremium();
        assertEq(usdc.balanceOf(address(pool)), accounted, "balance != free + locked + unearned");
        (uint256 held,,,,,) = pool.accountingState();
        assertEq(held, accounted, "held != free + locked + unearned");
    }

    function _checkLockedNeverExceedsAssets() internal view {
        assertLe(pool.lockedAssets(), pool.totalAssets(), "locked > totalAssets");
        (uint256 total, uint256 locked, uint256 ceiling) = pool.underwritingCapital();
        assertEq(ceiling, pool.maxUtilizationBps(), "underwritingCapital().maxUtilizationBps");
        assertEq(total, pool.totalAssets(), "underwritingCapital().totalAssets");
        assertEq(locked, pool.lockedAssets(), "underwritingCapital().locked");
        if (_sweepDue()) _sweepOpenLocks();
    }

    /// @dev Every open lock in the market is backed by the pool's locked capital.
    function _sweepOpenLocks() internal view {
        uint256 open;
        uint256 n = market.lockCount();
        for (uint256 i; i < n; ++i) {
            if (market.isActive(i)) {
                (uint256 left,,) = market.locks(i);
                open += left;
            }
        }
        assertEq(pool.lockedAssets(), open, "locked != sum of the market's open locks");
    }

    function _checkBalancesSumToSupply() internal view {
        uint256 sum = pool.balanceOf(address(pool));
        uint256 escrow;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            sum += pool.balanceOf(a);
            (, uint256 shares,,,,) = pool.redeemRequest(a);
            escrow += shares;
        }
        assertEq(sum, pool.totalSupply(), "sum of balances != totalSupply");
        assertEq(pool.balanceOf(address(pool)), escrow, "escrow != sum of requests");
    }

    function _checkSharePriceNeverJumpsOnEntryOrExit() internal view {
        assertFalse(handler.ghostPriceJumped(), handler.ghostPriceJumpWhere());
    }

    function _checkNoValueFromNothing() internal view {
        uint256 inflow = handler.ghostDeposited() + handler.ghostPremiums() + handler.ghostFees();
        uint256 outflow = handler.ghostWithdrawn() + handler.ghostClaims() + handler.ghostShortfalls();
        // the independent ledger matches the tokens the pool holds
        assertEq(usdc.balanceOf(address(pool)), inflow - outflow, "ledger != balance");
        // holders can never claim more than came in minus what went out
        assertLe(
            handler.ghostWithdrawn() + pool.convertToAssets(pool.totalSupply()),
            inflow - handler.ghostClaims() - handler.ghostShortfalls(),
            "value from nothing"
        );
        // earned premium and fees never exceed what was paid in
        assertLe(pool.totalAssets() + pool.unearnedPremium() + outflow, inflow, "over-emission");
    }

    /// @dev Runs after each campaign run: logs what every handler did (`-vv`) and, when
    ///      POOL_INVARIANT_CALLS names a file, appends one line per run ("name ok skipped ...") so the
    ///      totals over a whole campaign can be summed. No threshold is asserted: the shrinker would
    ///      happily build a sequence of skips to break one, which says nothing about the pool.
    function _callsThisRun() internal view override returns (uint256) {
        (uint256 okTotal, uint256 skippedTotal) = handler.totals();
        return okTotal + skippedTotal;
    }

    function afterInvariant() public {
        _sweepOpenLocks();
        string memory path = vm.envOr("POOL_INVARIANT_CALLS", string(""));
        string memory line = "";
        (uint256 okTotal, uint256 skippedTotal) = handler.totals();
        for (uint256 i; i < handler.nameCount(); ++i) {
            bytes32 name = handler.names(i);
            string memory label = HandlerNames.toLabel(name);
            emit log_named_uint(string.concat("ok.", label), handler.ok(name));
            emit log_named_uint(string.concat("skipped.", label), handler.skipped(name));
            line = string.concat(line, label, " ", vm.toString(handler.ok(name)), " ", vm.toString(handler.skipped(name)), " ");
        }
        emit log_named_uint("ok.total", okTotal);
        emit log_named_uint("skipped.total", skippedTotal);
        if (bytes(path).length != 0) vm.writeLine(path, line);
    }
}
