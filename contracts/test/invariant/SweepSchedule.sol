// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice When an invariant test re-derives a ledger from scratch. The O(1) properties and the handlers'
///         ghost flags (set inside every call, never cleared) are checked after every call; the O(n) sweeps
///         over every lock, cover, offer or auction ran after every call too, and the checks were most of
///         each campaign's time (the same 5,120 calls ran 3–8× faster with the check body skipped). Each sweep compares
///         a running sum with its ledger, a mismatch a later call would need a second, opposite bug to hide,
///         so they run after every SWEEP_EVERY-th call and after the last call of every run (afterInvariant).
abstract contract SweepSchedule {
    uint256 internal constant SWEEP_EVERY = 4;

    /// @dev Handler calls made so far in the current run (the handler's ok + skipped counters).
    function _callsThisRun() internal view virtual returns (uint256);

    function _sweepDue() internal view returns (bool) {
        return _callsThisRun() % SWEEP_EVERY == 0;
    }
}
