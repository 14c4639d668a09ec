// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Backstop's owner is OpenZeppelin's TimelockController, deployed unmodified (scripts/chain/deploy.ts makes
// it the owner of every pool, the waterfall, the recapitalizer, the oracle and the cover market, with a
// delay longer than any exit's cooldown + claim window; see the README's governance section). This import
// compiles it with the protocol, so scripts/gen-abi.ts generates its ABI and the deploy finds its bytecode.
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
