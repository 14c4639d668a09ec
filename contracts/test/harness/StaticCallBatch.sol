// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice Evaluates many view calls in one `eth_call`, for the TypeScript parity suites: the twins are
///         compared with thousands of contract answers, and one JSON-RPC round trip per call would
///         dominate the runtime. Works against any contract (math harnesses, a live BackstopPool), so
///         the harnesses themselves stay one plain wrapper per library function.
/// @dev A failed call is reported, not propagated: `ok[i] == false` and `results[i]` holds the revert
///      data (e.g. `Panic(0x11)`), which the twin must reproduce. `timestamp` is the `block.timestamp`
///      every call saw, so the twin evaluates at exactly the same `now`.
contract StaticCallBatch {
    function run(address target, bytes[] calldata calls)
        external
        view
        returns (uint256 timestamp, bool[] memory ok, bytes[] memory results)
    {
        timestamp = block.timestamp;
        ok = new bool[](calls.length);
        results = new bytes[](calls.length);
        for (uint256 i; i < calls.length; ++i) {
            (ok[i], results[i]) = target.staticcall(calls[i]);
        }
    }

    /// @notice `run` over several contracts at once: `calls[i]` goes to `targets[i]` (the protocol soak reads
    ///         every contract's state after each action in one `eth_call`).
    function runMany(address[] calldata targets, bytes[] calldata calls)
        external
        view
        returns (uint256 timestamp, bool[] memory ok, bytes[] memory results)
    {
        timestamp = block.timestamp;
        ok = new bool[](calls.length);
        results = new bytes[](calls.length);
        for (uint256 i; i < calls.length; ++i) {
            (ok[i], results[i]) = targets[i].staticcall(calls[i]);
        }
    }
}
