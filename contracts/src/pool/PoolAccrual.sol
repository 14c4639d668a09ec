// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IBackstopPool} from "../interfaces/IBackstopPool.sol";
import {IShortfallLayer} from "../interfaces/IShortfallLayer.sol";
import {PoolMath} from "../libraries/PoolMath.sol";

/// @title PoolAccrual
/// @notice BackstopPool's premium and lock accrual: the held / unearned / locked books, the day buckets in
///         which earning streams stop and locks release, and the bounded walk over them that every view and
///         action runs first. O(1) per action: no loop over covers, at most `MAX_BUCKET_WALK` buckets a call.
/// @dev The formulas the TypeScript twin reproduces are in the `BackstopPool` contract doc ("Accounting");
///      the twin is `previewAccrual` in lib/mirror/BackstopPool.ts. Storage: `_core` (one hot slot),
///      `_risk`, `_buckets`, read and written whole-word (see "packed storage words").
abstract contract PoolAccrual is IBackstopPool {
    // ------------------------------------------------------------------ constants (hard bounds)

    /// @notice Most day buckets one call walks (see the contract doc: worst case ≈ 0.2 M gas).
    uint256 public constant MAX_BUCKET_WALK = 90;
    /// @notice Furthest ahead a lock or an earning stream may end.
    uint256 public constant MAX_TERM = 400 days;

    // ------------------------------------------------------------------ storage

    /// @dev Hot slot: read by every deposit and claim.
    struct Core {
        uint96 held; // accounted tokens: free + locked + unearned
        uint96 unearned; // unearned reserve as of `checkpoint`
        uint40 checkpoint; // timestamp `unearned` refers to; buckets up to its day are processed
        bool paused; // new risk paused
        uint16 maxUtilizationBps; // utilization ceiling for new locks (in the hot slot: quotes read it free)
    }

    struct Risk {
        uint128 rate; // sum of active earning streams, base units × 1e18 per second
        uint128 locked; // capital locked for active covers
    }

    struct Bucket {
        uint128 rateDrop; // earning rate that stops at this day's boundary
        uint128 lockRelease; // locked capital released at this day's boundary
    }

    /// @dev In-memory result of the bucket walk: `_core` and `_risk` unpacked into one flat struct (same
    ///      field names and types as in storage), so a call allocates one struct, not three.
    struct Accrual {
        uint96 held; // `_core`
        uint96 unearned;
        uint40 checkpoint;
        bool paused;
        uint16 maxUtilizationBps;
        uint128 rate; // `_risk`
        uint128 locked;
        uint256 unearnedNow;
        bool walked;
        bool complete;
    }

    Core internal _core;
    Risk internal _risk;
    mapping(uint256 day => Bucket) internal _buckets;

    // ------------------------------------------------------------------ views

    /// @inheritdoc IShortfallLayer
    /// @dev `totalAssets() − lockedAssets()`.
    function freeAssets() public view returns (uint256) {
        return _free(_previewAccrual(true));
    }

    /// @inheritdoc IBackstopPool
    function lockedAssets() external view returns (uint256) {
        return _previewAccrual(true).locked;
    }

    /// @inheritdoc IBackstopPool
    function underwritingCapital() external view returns (uint256 totalAssets_, uint256 locked, uint256 maxUtilizationBps_) {
        Accrual memory a = _previewAccrual(true);
        return (a.held - a.unearnedNow, a.locked, a.maxUtilizationBps);
    }

    /// @inheritdoc IBackstopPool
    function maxUtilizationBps() external view returns (uint256) {
        return _core.maxUtilizationBps;
    }

    /// @inheritdoc IBackstopPool
    function unearnedPremium() external view returns (uint256) {
        return _previewAccrual(false).unearnedNow;
    }

    /// @inheritdoc IBackstopPool
    function premiumRate() external view returns (uint256) {
        return _previewAccrual(true).rate;
    }

    /// @inheritdoc IBackstopPool
    function pendingDays() public view returns (uint256) {
        return block.timestamp / PoolMath.DAY - _core.checkpoint / PoolMath.DAY;
    }

    /// @inheritdoc IBackstopPool
    function accountingState()
        external
        view
        returns (uint256 held, uint256 unearned, uint256 checkpoint_, uint256 rate, uint256 locked, bool paused_)
    {
        Core memory c = _core;
        Risk memory r = _risk;
        return (c.held, c.unearned, c.checkpoint, r.rate, r.locked, c.paused);
    }

    /// @inheritdoc IBackstopPool
    function bucket(uint256 day) external view returns (uint256 rateDrop, uint256 lockRelease) {
        Bucket memory b = _buckets[day];
        return (b.rateDrop, b.lockRelease);
    }

    /// @inheritdoc IBackstopPool
    function paused() external view returns (bool) {
        return _core.paused;
    }

    // ------------------------------------------------------------------ the walk and the books

    /// @dev The bucket walk (see the contract doc). Loads `_risk` only when needed.
    function _previewAccrual(bool needRisk) internal view returns (Accrual memory a) {
        _walk(a, needRisk);
    }

    /// @dev Fills the zero-initialised `a` with the walked state (the body of `_previewAccrual`; callers
    ///      pass their own struct so a call allocates exactly one).
    function _walk(Accrual memory a, bool needRisk) private view {
        _loadCore(a);
        uint256 cp = a.checkpoint;
        uint256 cpDay = cp / PoolMath.DAY;
        uint256 nowDay = block.timestamp / PoolMath.DAY;
        a.complete = true;
        if (needRisk || a.unearned != 0 || nowDay != cpDay) {
            _loadRisk(a);
        }
        uint256 u = a.unearned;
        if (nowDay != cpDay) {
            a.walked = true;
            uint256 lastDay = nowDay;
            if (nowDay - cpDay > MAX_BUCKET_WALK) {
                lastDay = cpDay + MAX_BUCKET_WALK;
                a.complete = false;
            }
            uint256 rate = a.rate;
            uint256 locked = a.locked;
            for (uint256 d = cpDay + 1; d <= lastDay; ++d) {
                uint256 b = _bucketWord(d);
                if (b == 0) continue;
                uint256 t = d * PoolMath.DAY;
                u = PoolMath.unearnedUp(u, rate, t - cp);
                cp = t;
                rate -= uint128(b); // rateDrop
                locked -= b >> 128; // lockRelease
                if (rate == 0) u = 0;
            }
            uint256 end = lastDay * PoolMath.DAY;
            u = PoolMath.unearnedUp(u, rate, end - cp);
            a.unearned = uint96(u);
            a.checkpoint = uint40(end);
            a.rate = uint128(rate);
            a.locked = uint128(locked);
            cp = end;
        }
        a.unearnedNow = a.complete ? PoolMath.unearnedUp(u, a.rate, block.timestamp - cp) : u;
    }

    /// @dev The walk for a state-changing call; emits `Checkpoint` when buckets were processed.
    function _accrue(Accrual memory a, bool needRisk) internal {
        _walk(a, needRisk);
        if (a.walked) emit Checkpoint(a.checkpoint / PoolMath.DAY, a.rate, a.locked, a.unearned);
    }

    /// @dev Accrual for deposits, mints and locks: refuses while paused or behind on buckets.
    function _accrueForNewRisk(Accrual memory a, bool needRisk) internal {
        _accrue(a, needRisk);
        if (a.paused) revert BackstopPoolPaused();
        _requireComplete(a);
    }

    function _requireComplete(Accrual memory a) internal view {
        if (!a.complete) revert BackstopPoolCheckpointRequired(pendingDays());
    }

    /// @dev Writes the accrued state back; `_risk` only when it changed (or the walk touched it).
    function _commit(Accrual memory a, bool riskChanged) internal {
        _storeCore(a);
        if (riskChanged || a.walked) _storeRisk(a);
    }

    function _free(Accrual memory a) internal pure returns (uint256) {
        return a.held - a.unearnedNow - a.locked;
    }

    /// @dev A new lock of `amount` may not take locked / total assets above the ceiling.
    function _requireUnderCeiling(Accrual memory a, uint256 amount) internal pure {
        uint256 maxLocked = ((a.held - a.unearnedNow) * a.maxUtilizationBps) / 10_000;
        if (a.locked + amount > maxLocked) revert BackstopPoolAboveMaxUtilization(a.locked + amount, maxLocked);
    }

    function _toHeld(uint256 held) internal pure returns (uint96) {
        if (held > type(uint96).max) revert BackstopPoolAmountTooLarge(held, type(uint96).max);
        return uint96(held);
    }

    /// @dev Adds `amount` to `held` and the unearned reserve, earning it until the day boundary at or
    ///      after `end`. Requires a complete walk (checkpoint in today's day).
    function _startStream(Accrual memory a, uint256 amount, uint256 end) internal returns (uint256 rate, uint256 earnedAt) {
        uint256 endDay = PoolMath.earningEndDayUp(end);
        earnedAt = endDay * PoolMath.DAY;
        rate = PoolMath.rateDown(amount, earnedAt - block.timestamp);
        // The rate lives in 128 bits; refuse a stream so fast it would not fit rather than truncate it.
        if (rate > type(uint128).max) {
            revert BackstopPoolAmountTooLarge(amount, type(uint128).max * (earnedAt - block.timestamp) / PoolMath.RATE_SCALE);
        }
        a.held = _toHeld(uint256(a.held) + amount);
        a.unearned = uint96(a.unearnedNow + amount); // ≤ held
        a.checkpoint = uint40(block.timestamp);
        a.rate += uint128(rate);
        _buckets[endDay].rateDrop += uint128(rate);
        a.unearnedNow = a.unearned;
    }

    /// @dev Removes `amount` from the lock in bucket `releaseDay` and from `locked`.
    function _unlock(Accrual memory a, uint256 amount, uint256 releaseDay) internal {
        _accrue(a, true);
        uint256 processedDay = a.checkpoint / PoolMath.DAY;
        if (releaseDay <= processedDay) revert BackstopPoolLockReleased(releaseDay, processedDay);
        Bucket storage b = _buckets[releaseDay];
        uint256 available = b.lockRelease;
        if (amount > available) revert BackstopPoolExceedsLock(releaseDay, amount, available);
        b.lockRelease = uint128(available - amount);
        a.locked -= uint128(amount);
    }

    // ------------------------------------------------------------------ packed storage words
    // The hot structs are read and written one whole slot at a time: Solidity's struct copies
    // (`Core memory c = _core`, `_core = c`) go member by member, with a masked read-modify-write per
    // field. The bit positions below are exactly the compiler's layout of each struct (members packed
    // from the low-order end, in declaration order), so `accountingState()`, `bucket()` and any
    // storage-layout reader see the same values as before.

    // The hot structs are read and written one whole slot at a time: Solidity's struct copies
    // (`Core memory c = _core`, `_core = c`) go member by member, with a masked read-modify-write per
    // field. The bit positions below are exactly the compiler's layout of each struct (members packed
    // from the low-order end, in declaration order), so `accountingState()`, `bucket()`,
    // `redeemRequest()` and any storage-layout reader see the same values as before.

    /// @dev `_core`: held [0, 96) · unearned [96, 192) · checkpoint [192, 232) · paused [232, 240)
    ///      · maxUtilizationBps [240, 256).
    function _loadCore(Accrual memory c) internal view {
        uint256 w;
        assembly ("memory-safe") {
            w := sload(_core.slot)
        }
        c.held = uint96(w);
        c.unearned = uint96(w >> 96);
        c.checkpoint = uint40(w >> 192);
        c.paused = uint8(w >> 232) != 0;
        c.maxUtilizationBps = uint16(w >> 240);
    }

    function _storeCore(Accrual memory c) internal {
        uint256 w = uint256(c.held) | (uint256(c.unearned) << 96) | (uint256(c.checkpoint) << 192)
            | (c.paused ? uint256(1) << 232 : 0) | (uint256(c.maxUtilizationBps) << 240);
        assembly ("memory-safe") {
            sstore(_core.slot, w)
        }
    }

    /// @dev `_risk`: rate [0, 128) · locked [128, 256).
    function _loadRisk(Accrual memory r) internal view {
        uint256 w;
        assembly ("memory-safe") {
            w := sload(_risk.slot)
        }
        r.rate = uint128(w);
        r.locked = uint128(w >> 128);
    }

    function _storeRisk(Accrual memory r) internal {
        uint256 w = uint256(r.rate) | (uint256(r.locked) << 128);
        assembly ("memory-safe") {
            sstore(_risk.slot, w)
        }
    }

    /// @dev `_buckets[day]` as one word: rateDrop [0, 128) · lockRelease [128, 256).
    function _bucketWord(uint256 day) internal view returns (uint256 w) {
        assembly ("memory-safe") {
            mstore(0x00, day)
            mstore(0x20, _buckets.slot)
            w := sload(keccak256(0x00, 0x40))
        }
    }
}
