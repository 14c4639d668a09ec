// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CoverValue} from "../../src/libraries/CoverValue.sol";

/// @notice External wrapper around `CoverValue`, for forge tests and the TypeScript parity suite. The batch
///         evaluates many inputs in one eth_call; `ok[i] == false` marks a revert (the twin must throw for
///         exactly those inputs).
contract CoverValueHarness {
    struct ValueInput {
        uint256 payout;
        bool down;
        uint256 spot;
        uint256 strike;
        uint256 sigma;
        uint256 remaining;
        bool provable;
    }

    function modelValueDown(ValueInput memory v) public pure returns (uint256) {
        return CoverValue.modelValueDown(v.payout, v.down, v.spot, v.strike, v.sigma, v.remaining, v.provable);
    }

    function modelValueBatch(ValueInput[] calldata vs) external view returns (bool[] memory ok, uint256[] memory out) {
        ok = new bool[](vs.length);
        out = new uint256[](vs.length);
        for (uint256 i; i < vs.length; ++i) {
            try this.modelValueDown(vs[i]) returns (uint256 r) {
                (ok[i], out[i]) = (true, r);
            } catch {}
        }
    }
}
