// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title BKS
/// @notice Backstop's governance token: OpenZeppelin ERC20Votes (delegation, checkpoints) with ERC-2612
///         permits, 18 decimals. New supply comes only from the `Recapitalizer`'s auctions, which sell it
///         to recapitalize a venue after a shortfall the pools could not cover; the mint is capped
///         there as a fraction of supply per event and per rolling 24 h across all auctions, so dilution
///         is bounded and visible (`AuctionSettled`, `MintBudgetUsed`).
/// @dev The minter is immutable: the `Recapitalizer` deploys this token in its own constructor, so there is
///      no admin, no minter role to grant and no path to mint outside an auction. The initial supply goes
///      to `initialHolder` (the treasury / distribution contract) at deployment.
///      Votes use a timestamp clock (ERC-6372 `mode=timestamp`), which behaves the same on L1 and on L2s
///      whose block numbers do not track time.
contract BKS is ERC20, ERC20Permit, ERC20Votes {
    /// @notice The only account allowed to mint: the Recapitalizer.
    address public immutable minter;

    /// @notice `caller` is not the minter.
    error BKSNotMinter(address caller);
    /// @notice A zero address where an account is required.
    error BKSZeroAddress();

    /// @notice `amount` BKS were minted to `to` by the minter (a recapitalization buy).
    event Minted(address indexed to, uint256 amount);

    /// @param minter_ The Recapitalizer (the deployer, in practice).
    /// @param initialHolder Receives `initialSupply` (treasury); may be zero only when `initialSupply == 0`.
    /// @param initialSupply BKS base units minted at deployment.
    constructor(address minter_, address initialHolder, uint256 initialSupply)
        ERC20("Backstop", "BKS")
        ERC20Permit("Backstop")
    {
        if (minter_ == address(0)) revert BKSZeroAddress();
        minter = minter_;
        if (initialSupply > 0) {
            if (initialHolder == address(0)) revert BKSZeroAddress();
            _mint(initialHolder, initialSupply);
        }
    }

    /// @notice Mints `amount` to `to`. Only the minter. Emits `Transfer` and `Minted`.
    function mint(address to, uint256 amount) external {
        if (msg.sender != minter) revert BKSNotMinter(msg.sender);
        _mint(to, amount);
        emit Minted(to, amount);
    }

    /// @notice ERC-6372 clock: the block timestamp.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 clock description.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @inheritdoc ERC20Permit
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
