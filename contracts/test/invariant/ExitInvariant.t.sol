// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {BackstopPool} from "../../src/BackstopPool.sol";
import {TestUSDC} from "../../src/mocks/TestUSDC.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ExitHandler} from "./ExitHandler.sol";
import {HandlerNames} from "./HandlerNames.sol";

/// @notice Issue 13, item 2: nobody can block or delay someone else's exit, whatever the attacker does
///         (see {ExitHandler}). 400 runs × depth 128 = 51,200 handler calls per campaign; `afterInvariant`
///         logs what each handler did (`-vv`) and appends it to EXIT_INVARIANT_CALLS when set.
/// forge-config: default.invariant.runs = 400
/// forge-config: default.invariant.depth = 128
/// forge-config: default.invariant.fail-on-revert = true
contract ExitInvariantTest is Test {
    event log_named_uint(string key, uint256 val);

    TestUSDC internal usdc;
    BackstopPool internal pool;
    ExitHandler internal handler;
    address internal gov = address(0x600);

    function setUp() public {
        vm.warp(1_700_000_000);
        usdc = new TestUSDC();
        pool = new BackstopPool(IERC20(address(usdc)), "Backstop Junior", "bsJR", gov, gov);
        handler = new ExitHandler(pool, usdc);
        vm.startPrank(gov);
        // Short times so requests reach their window, lapse and renew within a run; governance moves them.
        pool.setCooldown(pool.MIN_COOLDOWN());
        pool.setClaimWindow(pool.MIN_CLAIM_WINDOW());
        vm.stopPrank();
        targetContract(address(handler));
    }

    /// forge-config: default.invariant.runs = 400
    /// forge-config: default.invariant.depth = 128
    function invariant_NobodyBlocksOrDelaysAnotherExit() public view {
        assertFalse(handler.ghostViolated(), handler.ghostViolation());
        assertEq(handler.ghostAttacksThatLanded(), 0, "an attack filed a request on a victim");
        for (uint256 i; i < handler.victimCount(); ++i) {
            address v = handler.victims(i);
            (, uint256 shares, uint256 claimableAt,, address owner,) = pool.redeemRequest(v);
            if (shares == 0) continue;
            // Every request a victim holds is one it made itself, timed from its own request.
            assertEq(owner, v, "a victim holds a request it did not make");
            assertGt(handler.requestedAt(v), 0, "a request the victim never made");
            assertEq(claimableAt, handler.requestedAt(v) + handler.cooldownAtRequest(v), "a victim's request starts later");
        }
    }

    function afterInvariant() public {
        string memory path = vm.envOr("EXIT_INVARIANT_CALLS", string(""));
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
