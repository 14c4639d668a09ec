// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {TestUSDC} from "../src/mocks/TestUSDC.sol";
import {ShortfallWaterfall} from "../src/ShortfallWaterfall.sol";
import {IRecapitalizer} from "../src/interfaces/IRecapitalizer.sol";
import {IShortfallWaterfall} from "../src/interfaces/IShortfallWaterfall.sol";
import {Recapitalizer} from "../src/Recapitalizer.sol";
import {VolatilityOracle} from "../src/VolatilityOracle.sol";
import {CoverMarket} from "../src/CoverMarket.sol";
import {MockAggregator} from "../src/mocks/MockAggregator.sol";
import {IShortfallLayer} from "../src/interfaces/IShortfallLayer.sol";
import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";

/// @notice What a governance take-over would install as the pool's waterfall: it drains every free unit.
contract DrainingWaterfall {
    function drain(BackstopPool pool, address to) external {
        pool.coverShortfall(pool.freeAssets(), to);
    }
}

/// @notice Owner power behind a timelock (issue 13, item 6), on a deploy-shaped stack: every contract deployed
///         and wired as scripts/chain/deploy.ts does, then handed to an OpenZeppelin TimelockController the
///         same way (deployed with delay 0 and the deployer as temporary proposer, executor and admin; the
///         timelock accepts every Ownable2Step ownership and raises its own delay to 15 days in one batch;
///         the multisig gets the roles; the deployer renounces its own). Shows: no owner call works except
///         through the timelock; a scheduled call cannot run before the delay; the guardian still pauses at
///         once; and an LP who asks to leave when a harmful change is queued is paid in full before it can
///         run, at the longest cooldown and claim window the pool's bounds allow.
contract GovernanceTest is Test {
    uint256 internal constant T0 = 1_700_000_000;
    uint256 internal constant DELAY = 15 days;
    bytes32 internal constant HANDOVER_SALT = keccak256("backstop.handover");

    TestUSDC internal usdc;
    BackstopPool internal junior;
    BackstopPool internal senior;
    ShortfallWaterfall internal wf;
    Recapitalizer internal recap;
    MockAggregator internal feed;
    VolatilityOracle internal oracle;
    CoverMarket internal market;
    TimelockController internal timelock;

    address internal deployer = address(this);
    address internal multisig = makeAddr("multisig");
    address internal guardian = makeAddr("guardian");
    address internal lp = makeAddr("lp");
    address internal stayer = makeAddr("stayer");
    address internal attacker = makeAddr("attacker");

    function setUp() public {
        vm.warp(T0);
        // Deployment, as the deploy script does it: the deployer owns everything while it wires it.
        usdc = new TestUSDC();
        junior = new BackstopPool(IERC20(address(usdc)), "Backstop Junior", "bsJR", deployer, guardian);
        senior = new BackstopPool(IERC20(address(usdc)), "Backstop Senior", "bsSR", deployer, guardian);
        wf = new ShortfallWaterfall(IShortfallLayer(address(junior)), IShortfallLayer(address(senior)), deployer, guardian);
        recap =
            new Recapitalizer(address(wf), IERC20(address(usdc)), deployer, deployer, 100_000_000e18, 2e6, 0.5e6, 1 days, 500);
        junior.setWaterfall(address(wf));
        senior.setWaterfall(address(wf));
        wf.setRecapitalizer(IRecapitalizer(address(recap)));
        feed = new MockAggregator(8, "ETH / USD", deployer);
        feed.pushAnswer(3_000e8);
        oracle = new VolatilityOracle(feed, deployer, 0.8e18, 0.1e18, 3e18, 1 hours);
        market = new CoverMarket(IERC20(address(usdc)), deployer, guardian, AggregatorV3Interface(address(0)), 0);
        junior.setMarket(address(market), true);
        senior.setMarket(address(market), true);
        wf.setVenue(makeAddr("venue"), 250_000e6); // owner actions the stack needs happen before the handover
        _handOver();
        _deposit(lp, 100_000e6);
        _deposit(stayer, 300_000e6);
    }

    // ------------------------------------------------------------------ the handover (as deploy.ts)

    function _owned() internal view returns (address[6] memory) {
        return [address(junior), address(senior), address(wf), address(recap), address(oracle), address(market)];
    }

    function _handOver() internal {
        uint256 maxExit = uint256(junior.MAX_COOLDOWN()) + junior.MAX_CLAIM_WINDOW();
        assertGt(DELAY, maxExit, "delay must exceed the longest cooldown + claim window");
        address[] memory me = new address[](1);
        me[0] = deployer;
        timelock = new TimelockController(0, me, me, deployer);
        address[6] memory owned = _owned();
        address[] memory targets = new address[](7);
        uint256[] memory values = new uint256[](7);
        bytes[] memory payloads = new bytes[](7);
        for (uint256 i; i < 6; ++i) {
            Ownable2Step(owned[i]).transferOwnership(address(timelock));
            targets[i] = owned[i];
            payloads[i] = abi.encodeCall(Ownable2Step.acceptOwnership, ());
        }
        targets[6] = address(timelock);
        payloads[6] = abi.encodeCall(TimelockController.updateDelay, (DELAY));
        timelock.scheduleBatch(targets, values, payloads, bytes32(0), HANDOVER_SALT, 0);
        timelock.executeBatch(targets, values, payloads, bytes32(0), HANDOVER_SALT);
        timelock.grantRole(timelock.PROPOSER_ROLE(), multisig);
        timelock.grantRole(timelock.CANCELLER_ROLE(), multisig);
        timelock.grantRole(timelock.EXECUTOR_ROLE(), multisig);
        timelock.renounceRole(timelock.PROPOSER_ROLE(), deployer);
        timelock.renounceRole(timelock.CANCELLER_ROLE(), deployer);
        timelock.renounceRole(timelock.EXECUTOR_ROLE(), deployer);
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), deployer);
    }

    // ------------------------------------------------------------------ helpers

    function _deposit(address who, uint256 assets) internal {
        vm.store(address(usdc), keccak256(abi.encode(who, uint256(0))), bytes32(usdc.balanceOf(who) + assets));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + assets));
        vm.startPrank(who);
        usdc.approve(address(junior), assets);
        junior.deposit(assets, who);
        vm.stopPrank();
    }

    /// @dev The multisig queues `data` on `target` with the minimum delay; returns the operation id.
    function _schedule(address target, bytes memory data, bytes32 salt) internal returns (bytes32 id) {
        vm.prank(multisig);
        timelock.schedule(target, 0, data, bytes32(0), salt, DELAY);
        return timelock.hashOperation(target, 0, data, bytes32(0), salt);
    }

    function _execute(address target, bytes memory data, bytes32 salt) internal {
        vm.prank(multisig);
        timelock.execute(target, 0, data, bytes32(0), salt);
    }

    /// @dev Governance sets the longest exit the pool's bounds allow, through the timelock.
    function _maximiseExit() internal {
        bytes memory c = abi.encodeCall(BackstopPool.setCooldown, (junior.MAX_COOLDOWN()));
        bytes memory w = abi.encodeCall(BackstopPool.setClaimWindow, (junior.MAX_CLAIM_WINDOW()));
        _schedule(address(junior), c, "cooldown");
        _schedule(address(junior), w, "window");
        vm.warp(block.timestamp + DELAY);
        _execute(address(junior), c, "cooldown");
        _execute(address(junior), w, "window");
        assertEq(junior.cooldown(), 10 days, "cooldown at its bound");
        assertEq(junior.claimWindow(), 4 days, "window at its bound");
    }

    // ================================================================== the handed-over stack

    function test_TimelockOwnsEveryContract_WithTheDelay_AndTheDeployerKeepsNoPower() public view {
        address[6] memory owned = _owned();
        for (uint256 i; i < 6; ++i) {
            assertEq(Ownable(owned[i]).owner(), address(timelock), "owner is the timelock");
            assertEq(Ownable2Step(owned[i]).pendingOwner(), address(0), "no pending owner");
        }
        assertEq(timelock.getMinDelay(), DELAY, "15 days");
        assertGt(timelock.getMinDelay(), uint256(senior.MAX_COOLDOWN()) + senior.MAX_CLAIM_WINDOW(), "senior's bounds too");
        bytes32[4] memory roles =
            [timelock.DEFAULT_ADMIN_ROLE(), timelock.PROPOSER_ROLE(), timelock.CANCELLER_ROLE(), timelock.EXECUTOR_ROLE()];
        for (uint256 i; i < 4; ++i) {
            assertFalse(timelock.hasRole(roles[i], deployer), "deployer renounced every role");
        }
        assertTrue(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(timelock)), "self-administered");
        assertFalse(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), multisig), "the multisig is no admin");
        assertTrue(timelock.hasRole(timelock.PROPOSER_ROLE(), multisig), "multisig proposes");
        assertTrue(timelock.hasRole(timelock.CANCELLER_ROLE(), multisig), "and cancels");
        assertTrue(timelock.hasRole(timelock.EXECUTOR_ROLE(), multisig), "and executes");
        // BKS has no owner at all: its only minter is the Recapitalizer, fixed at construction.
        (bool hasOwner,) = address(recap.bks()).staticcall(abi.encodeCall(Ownable.owner, ()));
        assertFalse(hasOwner, "BKS has no owner function");
        assertEq(recap.bks().minter(), address(recap), "BKS minter");
    }

    function test_OwnerCallsNotThroughTheTimelock_Revert() public {
        address evil = makeAddr("evil");
        address[4] memory callers = [deployer, multisig, guardian, attacker];
        bytes[13] memory calls;
        address[13] memory targets;
        (targets[0], calls[0]) = (address(junior), abi.encodeCall(BackstopPool.setWaterfall, (evil)));
        (targets[1], calls[1]) = (address(junior), abi.encodeCall(BackstopPool.setMarket, (evil, true)));
        (targets[2], calls[2]) = (address(senior), abi.encodeCall(BackstopPool.setCooldown, (1 days)));
        (targets[3], calls[3]) = (address(junior), abi.encodeCall(BackstopPool.unpause, ()));
        (targets[4], calls[4]) = (address(wf), abi.encodeCall(ShortfallWaterfall.setVenue, (evil, 1e30)));
        (targets[5], calls[5]) =
        (address(wf), abi.encodeCall(ShortfallWaterfall.setRecapitalizer, (IRecapitalizer(address(0)))));
        (targets[6], calls[6]) =
        (address(wf), abi.encodeCall(ShortfallWaterfall.setLayerCapBps, (IShortfallWaterfall.Layer.Junior, 5_000)));
        (targets[7], calls[7]) = (address(recap), abi.encodeCall(Recapitalizer.setMaxMintBps, (2_000)));
        (targets[8], calls[8]) = (address(oracle), abi.encodeCall(VolatilityOracle.setHeartbeat, (1 days)));
        (targets[9], calls[9]) = (address(market), abi.encodeCall(CoverMarket.setGuardian, (evil)));
        (targets[10], calls[10]) = (address(junior), abi.encodeCall(Ownable.transferOwnership, (evil)));
        (targets[11], calls[11]) = (address(wf), abi.encodeCall(Ownable.renounceOwnership, ()));
        (targets[12], calls[12]) = (address(recap), abi.encodeCall(Ownable2Step.acceptOwnership, ()));
        for (uint256 c; c < callers.length; ++c) {
            for (uint256 i; i < calls.length; ++i) {
                vm.prank(callers[c]);
                (bool ok, bytes memory revertData) = targets[i].call(calls[i]);
                assertFalse(ok, "an owner call outside the timelock went through");
                bytes4 selector = bytes4(revertData);
                assertTrue(
                    selector == Ownable.OwnableUnauthorizedAccount.selector,
                    string.concat("call ", vm.toString(i), " from ", vm.toString(callers[c]), " not refused as unauthorized")
                );
            }
        }
        // Nor can anyone change the timelock's own delay or roles directly.
        vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockUnauthorizedCaller.selector, multisig));
        vm.prank(multisig);
        timelock.updateDelay(0);
        bytes32 proposer = timelock.PROPOSER_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, deployer, timelock.DEFAULT_ADMIN_ROLE()
            )
        );
        timelock.grantRole(proposer, attacker);
        // And only the multisig may queue at all.
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, attacker, proposer));
        vm.prank(attacker);
        timelock.schedule(address(junior), 0, calls[0], bytes32(0), bytes32(0), DELAY);
    }

    function test_GuardianStillPausesNewRiskAtOnce_ButCannotResume() public {
        vm.startPrank(guardian);
        junior.pause();
        senior.pause();
        wf.pause();
        vm.stopPrank();
        assertTrue(junior.paused() && senior.paused() && wf.paused(), "paused at once");
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        vm.prank(guardian);
        junior.unpause();
        // Exits keep working while paused.
        uint256 shares = junior.balanceOf(lp);
        vm.prank(lp);
        junior.requestRedeem(shares, lp, lp);
        vm.warp(block.timestamp + junior.cooldown());
        uint256 claimable = junior.maxRedeem(lp);
        vm.prank(lp);
        junior.redeem(claimable, lp, lp);
        assertGt(usdc.balanceOf(lp), 0, "paid while paused");
    }

    function test_ScheduledCall_CannotExecuteBeforeTheDelay() public {
        DrainingWaterfall evil = new DrainingWaterfall();
        bytes memory data = abi.encodeCall(BackstopPool.setWaterfall, (address(evil)));
        vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockInsufficientDelay.selector, DELAY - 1, DELAY));
        vm.prank(multisig);
        timelock.schedule(address(junior), 0, data, bytes32(0), bytes32(0), DELAY - 1);
        uint256 scheduledAt = block.timestamp;
        bytes32 id = _schedule(address(junior), data, bytes32(0));
        assertEq(timelock.getTimestamp(id), scheduledAt + DELAY, "ready after the delay");
        bytes32 waiting = bytes32(1 << uint8(TimelockController.OperationState.Ready));
        for (uint256 dt = 0; dt < DELAY; dt += 1 days) {
            vm.warp(scheduledAt + dt);
            vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockUnexpectedOperationState.selector, id, waiting));
            _execute(address(junior), data, bytes32(0));
        }
        vm.warp(scheduledAt + DELAY - 1);
        vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockUnexpectedOperationState.selector, id, waiting));
        _execute(address(junior), data, bytes32(0));
        vm.warp(scheduledAt + DELAY);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, attacker, timelock.EXECUTOR_ROLE())
        );
        vm.prank(attacker);
        timelock.execute(address(junior), 0, data, bytes32(0), bytes32(0));
        _execute(address(junior), data, bytes32(0));
        assertEq(junior.waterfall(), address(evil), "executed after exactly the delay");
        assertTrue(timelock.isOperationDone(id), "done");
    }

    function test_QueuedChange_CanBeCancelledByTheMultisig() public {
        bytes memory data = abi.encodeCall(ShortfallWaterfall.setVenue, (attacker, 1e30));
        bytes32 id = _schedule(address(wf), data, bytes32(0));
        vm.prank(multisig);
        timelock.cancel(id);
        vm.warp(block.timestamp + DELAY);
        bytes32 waiting = bytes32(1 << uint8(TimelockController.OperationState.Ready));
        vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockUnexpectedOperationState.selector, id, waiting));
        _execute(address(wf), data, bytes32(0));
        (bool registered,,) = wf.venue(attacker);
        assertFalse(registered, "never registered");
    }

    /// @dev The property the delay exists for: a harmful change is queued (a waterfall that drains Junior);
    ///      an LP who asks to leave when it is queued, at the longest cooldown and claim window the pool's
    ///      bounds allow, is paid in full, anywhere in its claim window, before the change can execute.
    ///      An LP who noticed up to a day late still is (15 − 10 − 4 = 1 day of slack).
    function testFuzz_LpWhoRequestsWhenAHarmfulChangeIsQueued_ClaimsBeforeItExecutes(uint256 late, uint256 claimAt) public {
        _maximiseExit();
        DrainingWaterfall evil = new DrainingWaterfall();
        bytes memory data = abi.encodeCall(BackstopPool.setWaterfall, (address(evil)));
        uint256 queuedAt = block.timestamp;
        bytes32 id = _schedule(address(junior), data, "harm");
        uint256 readyAt = timelock.getTimestamp(id);
        uint256 slack = DELAY - junior.cooldown() - junior.claimWindow();
        assertEq(slack, 1 days, "one day to notice");

        vm.warp(queuedAt + bound(late, 0, slack - 1));
        uint256 shares = junior.balanceOf(lp);
        uint256 value = junior.convertToAssets(shares);
        vm.prank(lp);
        junior.requestRedeem(shares, lp, lp);
        uint256 claimableAt = block.timestamp + junior.cooldown();
        uint256 expiresAt = claimableAt + junior.claimWindow();
        assertLt(expiresAt, readyAt, "the whole claim window ends before the change can run");
        vm.warp(claimableAt - 1);
        assertEq(junior.maxRedeem(lp), 0, "still in its cooldown");

        vm.warp(bound(claimAt, claimableAt, expiresAt));
        assertFalse(timelock.isOperationReady(id), "not executable yet");
        uint256 max = junior.maxRedeem(lp);
        assertEq(max, shares, "every escrowed share is claimable");
        vm.prank(lp);
        uint256 paid = junior.redeem(max, lp, lp);
        assertGe(paid + 1, value, "paid in full (at most one unit of rounding)");

        vm.warp(readyAt);
        _execute(address(junior), data, "harm");
        evil.drain(junior, attacker);
        assertEq(usdc.balanceOf(lp), paid, "the LP's money left before the change");
        assertEq(junior.freeAssets(), 0, "those who stayed were drained");
    }
}
