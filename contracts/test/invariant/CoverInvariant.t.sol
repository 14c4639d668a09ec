// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {BackstopPool} from "../../src/BackstopPool.sol";
import {TestUSDC} from "../../src/mocks/TestUSDC.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {VolatilityOracle} from "../../src/VolatilityOracle.sol";
import {CoverMarket} from "../../src/CoverMarket.sol";
import {ICoverMarket} from "../../src/interfaces/ICoverMarket.sol";
import {ICoverPool} from "../../src/interfaces/ICoverPool.sol";
import {IVolatilityOracle} from "../../src/interfaces/IVolatilityOracle.sol";
import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {CoverPricing} from "../../src/libraries/CoverPricing.sol";
import {CoverHandler} from "./CoverHandler.sol";
import {SweepSchedule} from "./SweepSchedule.sol";
import {ShortfallWaterfall} from "../../src/ShortfallWaterfall.sol";
import {IShortfallLayer} from "../../src/interfaces/IShortfallLayer.sol";
import {HandlerNames} from "./HandlerNames.sol";

/// @notice CoverMarket invariants on the real pool, oracle and feed under random sequences of sales,
///         claims, releases, transfers, deposits and time/price moves (expiry by the pool's buckets).
///         400 runs × depth 128 = 51,200 handler calls per campaign; `afterInvariant` logs per-handler
///         counts (`-vv`).
/// forge-config: default.invariant.runs = 400
/// forge-config: default.invariant.depth = 128
/// forge-config: default.invariant.fail-on-revert = true
contract CoverInvariantTest is Test, SweepSchedule {
    event log_named_uint(string key, uint256 val);

    TestUSDC internal usdc;
    BackstopPool internal pool;
    MockAggregator internal feed;
    VolatilityOracle internal oracle;
    CoverMarket internal market;
    CoverHandler internal handler;
    address internal gov = address(0x600);

    function setUp() public {
        vm.warp(1_700_000_000);
        usdc = new TestUSDC();
        pool = new BackstopPool(IERC20(address(usdc)), "Backstop Junior", "bsJR", gov, gov);
        feed = new MockAggregator(8, "ETH / USD", address(this));
        feed.pushAnswer(3000e8);
        oracle = new VolatilityOracle(feed, gov, 0.8e18, 0.1e18, 3e18, 1 hours);
        oracle.poke();
        market = new CoverMarket(IERC20(address(usdc)), gov, gov, AggregatorV3Interface(address(0)), 0);
        vm.startPrank(gov);
        pool.setMarket(address(market), true);
        uint256 downId = market.registerProduct(_config(ICoverMarket.Direction.Down, 2));
        uint256 upId = market.registerProduct(_config(ICoverMarket.Direction.Up, 2));
        uint256 down3Id = market.registerProduct(_config(ICoverMarket.Direction.Down, 3));
        vm.stopPrank();
        // The real waterfall with this pool as Junior (and an empty Senior); the handler is its venue.
        BackstopPool senior = new BackstopPool(IERC20(address(usdc)), "Backstop Senior", "bsSR", gov, gov);
        ShortfallWaterfall wf =
            new ShortfallWaterfall(IShortfallLayer(address(pool)), IShortfallLayer(address(senior)), gov, gov);
        handler = new CoverHandler(market, pool, usdc, feed, oracle, downId, upId, down3Id, wf);
        feed.transferOwnership(address(handler));
        vm.startPrank(gov);
        pool.setWaterfall(address(wf));
        senior.setWaterfall(address(wf));
        wf.setVenue(address(handler), type(uint96).max);
        vm.stopPrank();
        handler.deposit(0, 500_000e6);
        handler.deposit(1, 500_000e6);
        targetContract(address(handler));
    }

    function _config(ICoverMarket.Direction direction, uint8 confirmations)
        internal
        view
        returns (ICoverMarket.ProductConfig memory)
    {
        return ICoverMarket.ProductConfig({
            feed: feed,
            oracle: IVolatilityOracle(address(oracle)),
            pool: ICoverPool(address(pool)),
            direction: direction,
            confirmations: confirmations,
            activationDelay: 5 minutes,
            claimGrace: 1 days,
            minDuration: 1 hours,
            maxDuration: 30 days,
            maxPriceAge: 1 hours,
            maxSigmaAge: 1 days,
            maxStrikeRatio: 400,
            pricing: CoverPricing.Pricing({baseMarkup: 1.2e18, slope: 0.5e18, steepSlope: 5e18, kink: 0.8e18, minRate: 0.1e18})
        });
    }

    /// @notice All cover invariants, checked after every handler call (one campaign keeps the suite at
    ///         51,200 calls).
    /// forge-config: default.invariant.runs = 400
    /// forge-config: default.invariant.depth = 128
    function invariant_Cover() public view {
        if (_sweepDue()) _sweepLockedEqualsActivePayouts();
        assertLe(pool.lockedAssets(), pool.totalAssets(), "locked > total assets");
        _checkMarketHoldsNothing();
        _checkLedger();
        assertFalse(handler.ghostWrongRecipient(), "a premium, payout or release went to the wrong place");
        assertFalse(handler.ghostAboveCeiling(), "a sale took utilization above the pool's ceiling");
        assertFalse(handler.ghostReserveBroken(), "a shortfall after sales did not find Junior's reserve");
    }

    /// @dev The pool's locked capital is exactly the sum of the payouts of active covers (unclaimed,
    ///      unreleased, before their release day) — by the independent ghost ledger and by the market's
    ///      own per-cover status.
    function _sweepLockedEqualsActivePayouts() internal view {
        uint256 locked = pool.lockedAssets();
        assertEq(locked, handler.ghostActiveLocked(), "pool locked != sum of active payouts (ghost)");
        uint256 byStatus;
        uint256 n = handler.coverCount();
        for (uint256 i; i < n; ++i) {
            ICoverMarket.CoverInfo memory info = market.coverInfo(handler.tokenIds(i));
            if (info.status == ICoverMarket.CoverStatus.Active || info.status == ICoverMarket.CoverStatus.Expired) {
                byStatus += info.payout;
            }
        }
        assertEq(locked, byStatus, "pool locked != sum of Active/Expired payouts (market status)");
    }

    function _callsThisRun() internal view override returns (uint256) {
        (uint256 okTotal, uint256 skippedTotal) = handler.totals();
        return okTotal + skippedTotal;
    }

    function _checkMarketHoldsNothing() internal view {
        assertEq(usdc.balanceOf(address(market)), 0, "market kept tokens");
    }

    /// @dev Every token the pool holds came from deposits and premiums, minus claims paid.
    function _checkLedger() internal view {
        uint256 held =
            handler.ghostDeposits() + handler.ghostPremiums() - handler.ghostClaimsPaid() - handler.ghostShortfallsPaid();
        assertEq(usdc.balanceOf(address(pool)), held, "pool balance != deposits + premiums - claims");
        assertEq(pool.freeAssets() + pool.lockedAssets() + pool.unearnedPremium(), held, "pool accounting identity");
    }

    /// @dev Runs after each campaign run: logs what every handler did (`-vv`) and, when COVER_INVARIANT_CALLS
    ///      names a file, appends one line per run ("name ok skipped ...") so a whole campaign can be summed.
    function afterInvariant() public {
        _sweepLockedEqualsActivePayouts();
        string memory path = vm.envOr("COVER_INVARIANT_CALLS", string(""));
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
        emit log_named_uint("covers", handler.coverCount());
        emit log_named_uint("worstFreeBpsAfterSale", handler.worstFreeBpsAfterSale());
        if (bytes(path).length != 0) vm.writeLine(path, line);
    }
}
