// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {BackstopPool} from "../../src/BackstopPool.sol";
import {TestUSDC} from "../../src/mocks/TestUSDC.sol";
import {PoolMarketHarness} from "../harness/PoolMarketHarness.sol";

/// @notice Drives one BackstopPool through every entry point with bounded inputs so each call does
///         something (fail_on_revert is on). A call whose precondition cannot be met in the current
///         state returns early and is counted as skipped, never as a success. Ghost variables keep an
///         independent ledger of every token that entered or left the pool.
contract PoolHandler is Test {
    BackstopPool public immutable pool;
    TestUSDC public immutable usdc;
    PoolMarketHarness public immutable market;
    address public immutable waterfall;
    address internal constant VENUE = address(0x7E7E);

    address[] public actors;

    // ghost ledger (base units)
    uint256 public ghostDeposited;
    uint256 public ghostWithdrawn;
    uint256 public ghostPremiums;
    uint256 public ghostFees;
    uint256 public ghostClaims;
    uint256 public ghostShortfalls;
    bool public ghostPriceJumped;
    string public ghostPriceJumpWhere;

    // call counters: ok = did something, skipped = no valid input in this state
    mapping(bytes32 => uint256) public ok;
    mapping(bytes32 => uint256) public skipped;
    bytes32[] public names;

    constructor(BackstopPool pool_, TestUSDC usdc_, PoolMarketHarness market_, address waterfall_) {
        pool = pool_;
        usdc = usdc_;
        market = market_;
        waterfall = waterfall_;
        for (uint256 i; i < 4; ++i) {
            address a = address(uint160(0xA000 + i));
            actors.push(a);
            vm.prank(a);
            usdc.approve(address(pool_), type(uint256).max);
        }
        names = [
            bytes32("deposit"),
            "mint",
            "requestRedeem",
            "redeem",
            "withdraw",
            "reclaimLapsed",
            "warp",
            "premium",
            "lock",
            "claim",
            "release",
            "coverShortfall",
            "fees"
        ];
    }

    function nameCount() external view returns (uint256) {
        return names.length;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    // ------------------------------------------------------------------ helpers

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _give(address who, uint256 amount) internal {
        vm.store(address(usdc), keccak256(abi.encode(who, uint256(0))), bytes32(usdc.balanceOf(who) + amount));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + amount));
    }

    /// @dev (totalAssets + 1, totalSupply + 10^12): the share price as a fraction.
    function _price() internal view returns (uint256 num, uint256 den) {
        return (pool.totalAssets() + 1, pool.totalSupply() + 1e12);
    }

    /// @dev Price may only rise by rounding (< 1 base unit spread over all shares) on deposit/exit.
    function _checkPrice(uint256 n0, uint256 d0, string memory where) internal {
        _checkPrice(n0, d0, 0, where);
    }

    /// @dev The same for an exit that left `forgone` assets in the pool: a claim pays the lower of the
    ///      shares' value now and at request, and the gain it forgoes lifts the stayers' price on purpose.
    ///      Without that gain the price may again move by rounding only.
    function _checkPrice(uint256 n0, uint256 d0, uint256 forgone, string memory where) internal {
        (uint256 n1, uint256 d1) = _price();
        n1 -= forgone;
        // never down: n1/d1 >= n0/d0
        if (n1 * d0 < n0 * d1) {
            ghostPriceJumped = true;
            ghostPriceJumpWhere = string.concat(where, ": price fell");
        }
        // up only by rounding: less than one base unit spread over the larger share count,
        // n1/d1 < n0/d0 + 1/min(d0, d1)  <=>  n1*d0 < n0*d1 + max(d0, d1)
        if (n1 * d0 >= n0 * d1 + (d0 > d1 ? d0 : d1)) {
            ghostPriceJumped = true;
            ghostPriceJumpWhere = string.concat(where, ": price jumped up");
        }
    }

    // ------------------------------------------------------------------ holders

    /// @dev An actor with a claimable request, starting from `seed`; if none, the actor whose request
    ///      becomes claimable soonest, after warping to its first claimable second.
    function _claimer(uint256 seed) internal returns (address) {
        uint256 n = actors.length;
        address soonest;
        uint256 soonestAt = type(uint256).max;
        for (uint256 k; k < n; ++k) {
            address a = actors[(seed % n + k) % n];
            if (pool.claimableRedeemRequest(0, a) > 0) return a;
            (, uint256 shares, uint256 claimableAt,,,) = pool.redeemRequest(a);
            if (shares > 0 && claimableAt > block.timestamp && claimableAt < soonestAt) {
                soonest = a;
                soonestAt = claimableAt;
            }
        }
        if (soonest != address(0)) vm.warp(soonestAt);
        return soonest;
    }

    function deposit(uint256 actorSeed, uint256 assets) external {
        address a = _actor(actorSeed);
        assets = bound(assets, 1, 1e12);
        // maxDeposit is 0 below the share-price floor (a wiped-out layer); a deposit it allows must pass.
        if (pool.previewDeposit(assets) == 0 || pool.maxDeposit(a) < assets) {
            ++skipped["deposit"];
            return;
        }
        _give(a, assets);
        (uint256 n0, uint256 d0) = _price();
        vm.prank(a);
        pool.deposit(assets, a);
        _checkPrice(n0, d0, "deposit");
        ghostDeposited += assets;
        ++ok["deposit"];
    }

    function mint(uint256 actorSeed, uint256 shares) external {
        address a = _actor(actorSeed);
        shares = bound(shares, 1, 1e30);
        uint256 cost = pool.previewMint(shares);
        if (cost > 1e12) {
            shares = pool.previewDeposit(1e12);
            if (shares == 0) {
                ++skipped["mint"];
                return;
            }
            cost = pool.previewMint(shares);
        }
        if (pool.maxMint(a) < shares) {
            ++skipped["mint"];
            return;
        }
        _give(a, cost);
        (uint256 n0, uint256 d0) = _price();
        uint256 balBefore = usdc.balanceOf(address(pool));
        vm.prank(a);
        uint256 paid = pool.mint(shares, a);
        _checkPrice(n0, d0, "mint");
        assertEq(paid, cost, "mint paid != previewMint");
        assertEq(usdc.balanceOf(address(pool)) - balBefore, cost, "mint: assets arrived != previewMint");
        ghostDeposited += paid;
        ++ok["mint"];
    }

    function requestRedeem(uint256 actorSeed, uint256 shares) external {
        address a;
        uint256 bal;
        // The fewest shares worth one unit now: a request worth nothing is refused (no claim could pay).
        uint256 minShares = (pool.totalSupply() + 1e12 + pool.totalAssets()) / (pool.totalAssets() + 1);
        for (uint256 k; k < actors.length; ++k) {
            address c = actors[(actorSeed % actors.length + k) % actors.length];
            (, uint256 pending,, uint256 expiresAt,,) = pool.redeemRequest(c);
            if (pool.balanceOf(c) >= minShares && (pending == 0 || block.timestamp > expiresAt)) {
                (a, bal) = (c, pool.balanceOf(c));
                break;
            }
        }
        if (a == address(0)) {
            ++skipped["requestRedeem"];
            return;
        }
        shares = bound(shares, minShares, bal);
        uint256 value = pool.convertToAssets(shares);
        vm.prank(a);
        pool.requestRedeem(shares, a, a);
        (,,,,, uint256 assetsAtRequest) = pool.redeemRequest(a);
        assertEq(assetsAtRequest, value, "value at request != convertToAssets");
        ++ok["requestRedeem"];
    }

    function redeem(uint256 actorSeed, uint256 shares) external {
        address a = _claimer(actorSeed);
        uint256 max = a == address(0) ? 0 : pool.maxRedeem(a);
        if (max == 0) {
            ++skipped["redeem"];
            return;
        }
        shares = bound(shares, 1, max);
        if (pool.previewClaimRedeem(shares, a) == 0) shares = max; // maxRedeem always pays >= 1
        (uint256 n0, uint256 d0) = _price();
        uint256 quote = pool.previewClaimRedeem(shares, a);
        uint256 valueNow = pool.convertToAssets(shares);
        vm.prank(a);
        uint256 assets = pool.redeem(shares, a, a);
        assertLe(assets, valueNow, "redeem paid more than the shares are worth");
        _checkPrice(n0, d0, valueNow - assets, "redeem");
        assertEq(assets, quote, "redeem != previewClaimRedeem");
        assertGe(assets, 1, "redeem burnt shares for nothing");
        ghostWithdrawn += assets;
        ++ok["redeem"];
    }

    function withdraw(uint256 actorSeed, uint256 assets) external {
        address a = _claimer(actorSeed);
        uint256 max = a == address(0) ? 0 : pool.maxWithdraw(a);
        if (max == 0) {
            ++skipped["withdraw"];
            return;
        }
        assets = bound(assets, 1, max);
        (uint256 n0, uint256 d0) = _price();
        uint256 quote = pool.previewClaimWithdraw(assets, a);
        uint256 valueNow = pool.convertToAssets(quote);
        vm.prank(a);
        uint256 shares = pool.withdraw(assets, a, a);
        assertLe(assets, valueNow, "withdraw paid more than the burnt shares are worth");
        _checkPrice(n0, d0, valueNow - assets, "withdraw");
        assertEq(shares, quote, "withdraw != previewClaimWithdraw");
        ghostWithdrawn += assets;
        ++ok["withdraw"];
    }

    function reclaimLapsed(uint256 actorSeed) external {
        address a;
        for (uint256 k; k < actors.length; ++k) {
            address c = actors[(actorSeed % actors.length + k) % actors.length];
            (, uint256 pending,, uint256 expiresAt,,) = pool.redeemRequest(c);
            if (pending > 0 && block.timestamp > expiresAt) {
                a = c;
                break;
            }
        }
        if (a == address(0)) {
            ++skipped["reclaimLapsed"];
            return;
        }
        pool.reclaimLapsedRequest(a);
        ++ok["reclaimLapsed"];
    }

    // ------------------------------------------------------------------ time

    function warp(uint256 dt) external {
        dt = bound(dt, 1, 3 days);
        vm.warp(block.timestamp + dt);
        ++ok["warp"];
    }

    // ------------------------------------------------------------------ market

    function premium(uint256 amount, uint256 term) external {
        amount = bound(amount, 1, 1e11);
        term = bound(term, 1, 60 days);
        _give(address(market), amount);
        market.premium(amount, block.timestamp + term);
        ghostPremiums += amount;
        ++ok["premium"];
    }

    function lock(uint256 amount, uint256 term) external {
        // Within free capital and under the utilization ceiling (the pool refuses a lock above it).
        (uint256 total, uint256 locked, uint256 ceiling) = pool.underwritingCapital();
        uint256 maxLocked = (total * ceiling) / 10_000;
        uint256 room = maxLocked > locked ? maxLocked - locked : 0;
        if (room == 0) {
            ++skipped["lock"];
            return;
        }
        amount = bound(amount, 1, room);
        term = bound(term, 0, 60 days);
        market.lock(amount, block.timestamp + term);
        ++ok["lock"];
    }

    function _activeLock(uint256 seed) internal view returns (bool found, uint256 index) {
        uint256 n = market.lockCount();
        if (n == 0) return (false, 0);
        uint256 start = seed % n;
        for (uint256 k; k < n && k < 32; ++k) {
            uint256 i = (start + k) % n;
            if (market.isActive(i)) return (true, i);
        }
        return (false, 0);
    }

    function claim(uint256 seed, uint256 amount) external {
        (bool found, uint256 i) = _activeLock(seed);
        if (!found) {
            ++skipped["claim"];
            return;
        }
        (uint256 left,,) = market.locks(i);
        amount = bound(amount, 1, left);
        market.claim(i, amount, VENUE);
        ghostClaims += amount;
        ++ok["claim"];
    }

    function release(uint256 seed, uint256 amount) external {
        (bool found, uint256 i) = _activeLock(seed);
        if (!found) {
            ++skipped["release"];
            return;
        }
        (uint256 left,,) = market.locks(i);
        amount = bound(amount, 1, left);
        market.release(i, amount);
        ++ok["release"];
    }

    // ------------------------------------------------------------------ waterfall

    function coverShortfall(uint256 amount) external {
        uint256 free = pool.freeAssets();
        if (free == 0) {
            ++skipped["coverShortfall"];
            return;
        }
        amount = bound(amount, 1, free / 5 + 1);
        vm.prank(waterfall);
        pool.coverShortfall(amount, VENUE);
        ghostShortfalls += amount;
        ++ok["coverShortfall"];
    }

    function fees(uint256 amount) external {
        amount = bound(amount, 1, 1e11);
        _give(waterfall, amount);
        vm.prank(waterfall);
        pool.receiveFees(amount);
        ghostFees += amount;
        ++ok["fees"];
    }

    // ------------------------------------------------------------------ summaries

    function totals() external view returns (uint256 okTotal, uint256 skippedTotal) {
        for (uint256 i; i < names.length; ++i) {
            okTotal += ok[names[i]];
            skippedTotal += skipped[names[i]];
        }
    }
}
