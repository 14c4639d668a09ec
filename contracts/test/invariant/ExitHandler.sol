// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {BackstopPool} from "../../src/BackstopPool.sol";
import {TestUSDC} from "../../src/mocks/TestUSDC.sol";

/// @notice Issue 13, item 2 as a property: an attacker with any sequence of calls — requests naming a
///         victim as controller (with the attacker's shares, the victim's allowance, an accomplice's shares
///         as its operator), operators, approvals, share transfers and deposits to the victim, claims on the
///         victim's request, reclaims of lapses, requests of its own, waiting — cannot make an honest
///         holder's request revert or start later. Honest holders request whenever they have shares worth
///         something and no live request; the request must pass and be claimable exactly a cooldown later,
///         and claims inside the window must pass. Attacks go through try/catch (fail_on_revert is on: a
///         handler may not revert); a refused attack counts as done, a violation sets a ghost flag with
///         its reason for the invariant to report.
contract ExitHandler is Test {
    BackstopPool public immutable pool;
    TestUSDC public immutable usdc;
    address public constant MALLORY = address(0xBAD);
    address public constant ACCOMPLICE = address(0xBAD2); // approved MALLORY as its operator

    address[] public victims;
    /// @notice When each victim's current request was made (0 when none): the request must be claimable
    ///         exactly a cooldown later.
    mapping(address victim => uint256) public requestedAt;
    mapping(address victim => uint256) public cooldownAtRequest;

    bool public ghostViolated;
    string public ghostViolation;
    uint256 public ghostAttacksThatLanded; // attacker calls that touched a victim's request

    mapping(bytes32 => uint256) public ok;
    mapping(bytes32 => uint256) public skipped;
    bytes32[] public names;

    constructor(BackstopPool pool_, TestUSDC usdc_) {
        pool = pool_;
        usdc = usdc_;
        for (uint256 i; i < 3; ++i) {
            victims.push(address(uint160(0xF00D + i)));
        }
        address[5] memory everyone = [victims[0], victims[1], victims[2], MALLORY, ACCOMPLICE];
        for (uint256 i; i < everyone.length; ++i) {
            vm.prank(everyone[i]);
            usdc.approve(address(pool_), type(uint256).max);
        }
        vm.prank(ACCOMPLICE);
        pool_.setOperator(MALLORY, true);
        names = [
            bytes32("honestDeposit"),
            "honestRequest",
            "honestClaim",
            "honestApprove",
            "attackRequestAs",
            "attackWithAllowance",
            "attackAsOperator",
            "attackClaim",
            "attackTransfer",
            "attackDepositFor",
            "attackReclaim",
            "attackOwnRequest",
            "attackSetOperator",
            "govSetTimes",
            "warp"
        ];
    }

    function nameCount() external view returns (uint256) {
        return names.length;
    }

    function victimCount() external view returns (uint256) {
        return victims.length;
    }

    // ------------------------------------------------------------------ helpers

    function _victim(uint256 seed) internal view returns (address) {
        return victims[seed % victims.length];
    }

    function _give(address who, uint256 amount) internal {
        vm.store(address(usdc), keccak256(abi.encode(who, uint256(0))), bytes32(usdc.balanceOf(who) + amount));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + amount));
    }

    function _violated(string memory why) internal {
        if (!ghostViolated) {
            ghostViolated = true;
            ghostViolation = why;
        }
    }

    function _fund(address who, uint256 assets) internal returns (bool) {
        if (pool.maxDeposit(who) < assets || pool.previewDeposit(assets) == 0) return false;
        _give(who, assets);
        vm.prank(who);
        pool.deposit(assets, who);
        return true;
    }

    function _live(address controller) internal view returns (bool) {
        (, uint256 shares,, uint256 expiresAt,,) = pool.redeemRequest(controller);
        return shares != 0 && block.timestamp <= expiresAt;
    }

    /// @dev The fewest shares worth one unit now (a request worth nothing is refused for anyone).
    function _minShares() internal view returns (uint256) {
        return (pool.totalSupply() + 1e12 + pool.totalAssets()) / (pool.totalAssets() + 1);
    }

    // ------------------------------------------------------------------ honest holders

    function honestDeposit(uint256 seed, uint256 assets) external {
        if (!_fund(_victim(seed), bound(assets, 1e6, 1e11))) {
            ++skipped["honestDeposit"];
            return;
        }
        ++ok["honestDeposit"];
    }

    /// @notice A victim with shares and no live request asks to leave: it must pass, at once.
    function honestRequest(uint256 seed, uint256 shares) external {
        address v = _victim(seed);
        uint256 minShares = _minShares();
        if (_live(v) || pool.balanceOf(v) < minShares) {
            ++skipped["honestRequest"];
            return;
        }
        shares = bound(shares, minShares, pool.balanceOf(v));
        vm.prank(v);
        try pool.requestRedeem(shares, v, v) {
            (, uint256 escrowed, uint256 claimableAt,, address owner,) = pool.redeemRequest(v);
            if (claimableAt != block.timestamp + pool.cooldown()) {
                _violated("an honest request starts later than a cooldown from now");
            }
            if (escrowed != shares || owner != v) _violated("an honest request is not the victim's own");
            requestedAt[v] = block.timestamp;
            cooldownAtRequest[v] = pool.cooldown();
            ++ok["honestRequest"];
        } catch (bytes memory reason) {
            _violated(string.concat("an honest request reverted: ", vm.toString(uint256(uint32(bytes4(reason))))));
        }
    }

    /// @notice A victim claims what maxRedeem allows, waiting out its cooldown first: it must pass.
    function honestClaim(uint256 seed) external {
        address v = _victim(seed);
        (, uint256 shares, uint256 claimableAt,,,) = pool.redeemRequest(v);
        if (shares != 0 && block.timestamp < claimableAt) vm.warp(claimableAt);
        uint256 max = pool.maxRedeem(v);
        if (max == 0) {
            ++skipped["honestClaim"];
            return;
        }
        vm.prank(v);
        try pool.redeem(max, v, v) returns (uint256 assets) {
            if (assets == 0) _violated("a claim paid nothing");
            (, uint256 left,,,,) = pool.redeemRequest(v);
            if (left == 0) requestedAt[v] = 0;
            ++ok["honestClaim"];
        } catch {
            _violated("an honest claim of maxRedeem reverted");
        }
    }

    /// @notice Victims approve the attacker's spending (an allowance is not control of their requests).
    function honestApprove(uint256 seed, uint256 amount) external {
        vm.prank(_victim(seed));
        pool.approve(MALLORY, bound(amount, 0, type(uint128).max));
        ++ok["honestApprove"];
    }

    // ------------------------------------------------------------------ the attacker

    function _attackLanded(address v, bool succeeded) internal {
        if (succeeded) {
            ++ghostAttacksThatLanded;
            _violated("the attacker filed a request on a victim");
        }
        // Whatever happened, the victim's request (if any) is still the one it made itself.
        if (requestedAt[v] != 0 && _live(v)) {
            (,, uint256 claimableAt,, address owner,) = pool.redeemRequest(v);
            if (claimableAt != requestedAt[v] + cooldownAtRequest[v] || owner != v) {
                _violated("an attack moved a victim's request");
            }
        }
    }

    /// @notice Mallory requests her own shares naming a victim as controller.
    function attackRequestAs(uint256 seed, uint256 shares) external {
        address v = _victim(seed);
        _fund(MALLORY, 1e6);
        if (pool.balanceOf(MALLORY) == 0) {
            ++skipped["attackRequestAs"];
            return;
        }
        shares = bound(shares, 1, pool.balanceOf(MALLORY));
        vm.prank(MALLORY);
        try pool.requestRedeem(shares, v, MALLORY) {
            _attackLanded(v, true);
        } catch {
            _attackLanded(v, false);
        }
        ++ok["attackRequestAs"];
    }

    /// @notice Mallory spends a victim's share allowance to escrow the victim's shares, as controller
    ///         the victim or herself.
    function attackWithAllowance(uint256 seed, uint256 shares, bool asVictim) external {
        address v = _victim(seed);
        if (pool.balanceOf(v) == 0) {
            ++skipped["attackWithAllowance"];
            return;
        }
        shares = bound(shares, 1, pool.balanceOf(v));
        vm.prank(MALLORY);
        try pool.requestRedeem(shares, asVictim ? v : MALLORY, v) {
            // Controller Mallory with the victim's shares is what an allowance allows (ERC-7540); it does
            // not touch the victim's own request slot. Naming the victim must fail.
            _attackLanded(v, asVictim);
        } catch {
            _attackLanded(v, false);
        }
        ++ok["attackWithAllowance"];
    }

    /// @notice Mallory, operator of her accomplice, escrows the accomplice's shares naming a victim.
    function attackAsOperator(uint256 seed, uint256 shares) external {
        address v = _victim(seed);
        _fund(ACCOMPLICE, 1e6);
        if (pool.balanceOf(ACCOMPLICE) == 0) {
            ++skipped["attackAsOperator"];
            return;
        }
        shares = bound(shares, 1, pool.balanceOf(ACCOMPLICE));
        vm.prank(MALLORY);
        try pool.requestRedeem(shares, v, ACCOMPLICE) {
            _attackLanded(v, true);
        } catch {
            _attackLanded(v, false);
        }
        ++ok["attackAsOperator"];
    }

    /// @notice Mallory tries to claim (or half-claim) a victim's request to herself.
    function attackClaim(uint256 seed, uint256 amount, bool byAssets) external {
        address v = _victim(seed);
        (, uint256 shares,,,,) = pool.redeemRequest(v);
        if (shares == 0) {
            ++skipped["attackClaim"];
            return;
        }
        vm.prank(MALLORY);
        if (byAssets) {
            try pool.withdraw(bound(amount, 1, 1e12), MALLORY, v) {
                _violated("the attacker claimed a victim's request");
            } catch {}
        } else {
            try pool.redeem(bound(amount, 1, shares), MALLORY, v) {
                _violated("the attacker claimed a victim's request");
            } catch {}
        }
        _attackLanded(v, false);
        ++ok["attackClaim"];
    }

    /// @notice Mallory sends shares to a victim (dust or more): it changes the victim's balance only.
    function attackTransfer(uint256 seed, uint256 shares) external {
        address v = _victim(seed);
        _fund(MALLORY, 1e6);
        if (pool.balanceOf(MALLORY) == 0) {
            ++skipped["attackTransfer"];
            return;
        }
        shares = bound(shares, 1, pool.balanceOf(MALLORY));
        vm.prank(MALLORY);
        pool.transfer(v, shares);
        _attackLanded(v, false);
        ++ok["attackTransfer"];
    }

    /// @notice Mallory deposits with a victim as receiver.
    function attackDepositFor(uint256 seed, uint256 assets) external {
        address v = _victim(seed);
        assets = bound(assets, 1, 1e9);
        if (pool.maxDeposit(v) < assets || pool.previewDeposit(assets) == 0) {
            ++skipped["attackDepositFor"];
            return;
        }
        _give(MALLORY, assets);
        vm.prank(MALLORY);
        pool.deposit(assets, v);
        _attackLanded(v, false);
        ++ok["attackDepositFor"];
    }

    /// @notice Mallory waits for a victim's request to lapse and hands it back (permissionless): the
    ///         shares go to their owner, and the victim may request again at once.
    function attackReclaim(uint256 seed) external {
        address v = _victim(seed);
        (, uint256 shares,, uint256 expiresAt,,) = pool.redeemRequest(v);
        if (shares == 0) {
            ++skipped["attackReclaim"];
            return;
        }
        if (block.timestamp <= expiresAt) vm.warp(expiresAt + 1);
        uint256 before = pool.balanceOf(v);
        pool.reclaimLapsedRequest(v);
        if (pool.balanceOf(v) != before + shares) _violated("a reclaim did not return the victim's shares");
        requestedAt[v] = 0;
        ++ok["attackReclaim"];
    }

    /// @notice Mallory keeps requests of her own going (they must not interfere with anyone's).
    function attackOwnRequest(uint256 shares) external {
        _fund(MALLORY, 1e6);
        if (_live(MALLORY) || pool.balanceOf(MALLORY) < _minShares()) {
            ++skipped["attackOwnRequest"];
            return;
        }
        shares = bound(shares, _minShares(), pool.balanceOf(MALLORY));
        vm.prank(MALLORY);
        pool.requestRedeem(shares, MALLORY, MALLORY);
        ++ok["attackOwnRequest"];
    }

    /// @notice Mallory sets operators of her own (approving a victim, or her accomplice): the mapping is
    ///         keyed by the caller, so it grants her nothing over anyone.
    function attackSetOperator(uint256 seed, bool approved) external {
        vm.prank(MALLORY);
        pool.setOperator(seed % 2 == 0 ? _victim(seed) : ACCOMPLICE, approved);
        ++ok["attackSetOperator"];
    }

    /// @notice Governance moves cooldown and window anywhere inside their bounds (existing requests keep
    ///         theirs; new ones must start exactly the new cooldown from their request).
    function govSetTimes(uint256 cooldown_, uint256 window_) external {
        vm.startPrank(pool.owner());
        pool.setCooldown(bound(cooldown_, pool.MIN_COOLDOWN(), pool.MAX_COOLDOWN()));
        pool.setClaimWindow(bound(window_, pool.MIN_CLAIM_WINDOW(), pool.MAX_CLAIM_WINDOW()));
        vm.stopPrank();
        ++ok["govSetTimes"];
    }

    function warp(uint256 dt) external {
        vm.warp(block.timestamp + bound(dt, 1, 2 days));
        ++ok["warp"];
    }

    function totals() external view returns (uint256 okTotal, uint256 skippedTotal) {
        for (uint256 i; i < names.length; ++i) {
            okTotal += ok[names[i]];
            skippedTotal += skipped[names[i]];
        }
    }
}
