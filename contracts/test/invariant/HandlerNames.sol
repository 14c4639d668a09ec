// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The handlers name their actions as bytes32 ("buy", "claim", …) to count them cheaply; the
///         invariant tests log the counts under these names after each run.
library HandlerNames {
    /// @dev The name up to its first zero byte, as a string.
    function toLabel(bytes32 name) internal pure returns (string memory) {
        uint256 n;
        while (n < 32 && name[n] != 0) ++n;
        bytes memory b = new bytes(n);
        for (uint256 i; i < n; ++i) {
            b[i] = name[i];
        }
        return string(b);
    }
}
