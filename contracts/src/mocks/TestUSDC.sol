// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title TestUSDC
/// @notice A 6-decimal test stablecoin with a public faucet. Local and testnet use only: real
///         deployments point the pools at the real stablecoin.
contract TestUSDC is ERC20 {
    /// @notice Most a single faucet call may mint (10,000 tokens).
    uint256 public constant FAUCET_CAP = 10_000e6;

    /// @notice The faucet was asked for more than `cap` in one call.
    error TestUSDCFaucetCapExceeded(uint256 requested, uint256 cap);
    /// @notice The faucet was asked for nothing.
    error TestUSDCZeroAmount();

    /// @notice Emitted when `to` draws `amount` from the faucet.
    event FaucetDrawn(address indexed to, uint256 amount);

    constructor() ERC20("Test USD Coin", "USDC") {}

    /// @inheritdoc ERC20
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Mints `amount` (6 decimals) to the caller; at most `FAUCET_CAP` per call.
    /// @dev Unbounded in total on purpose: this token exists only so anyone can try the protocol.
    /// @param amount Tokens to mint, in base units.
    function faucet(uint256 amount) external {
        if (amount == 0) revert TestUSDCZeroAmount();
        if (amount > FAUCET_CAP) revert TestUSDCFaucetCapExceeded(amount, FAUCET_CAP);
        _mint(msg.sender, amount);
        emit FaucetDrawn(msg.sender, amount);
    }
}
