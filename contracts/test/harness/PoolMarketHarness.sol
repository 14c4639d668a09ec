// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {BackstopPool} from "../../src/BackstopPool.sol";

/// @notice A minimal cover market for tests: drives `BackstopPool`'s capital hooks the way issue 6's
///         CoverMarket will (lock payout through end + claimGrace, premium earned over [now, end],
///         claims from the lock, release on expiry). It keeps its own list of open locks so tests and
///         invariant handlers can pick one to claim or release.
contract PoolMarketHarness {
    struct Lock {
        uint256 amount; // still locked (payout minus claims/releases)
        uint256 releaseDay;
        uint256 until;
    }

    BackstopPool public immutable pool;
    IERC20 public immutable token;
    Lock[] public locks;

    constructor(BackstopPool pool_) {
        pool = pool_;
        token = IERC20(pool_.asset());
        token.approve(address(pool_), type(uint256).max);
    }

    /// @notice Sells a cover: locks `payout` through `end + claimGrace` and pays `premiumAmount` (which this
    ///         contract must hold) earned until `end`. Returns the lock's index.
    function sell(uint256 payout, uint256 premiumAmount, uint256 end, uint256 claimGrace) external returns (uint256 index) {
        uint256 until = end + claimGrace;
        uint256 releaseDay = pool.lockCapital(payout, until);
        if (premiumAmount > 0) pool.receivePremium(premiumAmount, end);
        locks.push(Lock(payout, releaseDay, until));
        return locks.length - 1;
    }

    function lock(uint256 amount, uint256 until) external returns (uint256 index) {
        uint256 releaseDay = pool.lockCapital(amount, until);
        locks.push(Lock(amount, releaseDay, until));
        return locks.length - 1;
    }

    function premium(uint256 amount, uint256 earnUntil) external {
        pool.receivePremium(amount, earnUntil);
    }

    function claim(uint256 index, uint256 amount, address recipient) external {
        Lock storage l = locks[index];
        pool.payClaim(amount, recipient, l.releaseDay);
        l.amount -= amount;
    }

    function release(uint256 index, uint256 amount) external {
        Lock storage l = locks[index];
        pool.releaseCapital(amount, l.releaseDay);
        l.amount -= amount;
    }

    /// @notice Raw pass-through for tests of the pool's checks.
    function payClaimRaw(uint256 amount, address recipient, uint256 releaseDay) external {
        pool.payClaim(amount, recipient, releaseDay);
    }

    function lockCount() external view returns (uint256) {
        return locks.length;
    }

    /// @notice Whether lock `index` can still be claimed (its bucket not yet released).
    function isActive(uint256 index) external view returns (bool) {
        Lock storage l = locks[index];
        return l.amount > 0 && block.timestamp / 1 days < l.releaseDay;
    }
}
