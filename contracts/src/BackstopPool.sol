// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title BackstopPool
/// @notice One layer (Junior: first loss, Senior: excess) of Backstop's insurance capital: an
///         ERC-4626 vault over the stablecoin whose shares absorb the venue's shortfalls.
/// @dev Inflation resistance comes from OpenZeppelin's virtual shares with a decimals offset of 12
///      (shares carry 18 decimals over the 6-decimal stablecoin): an attacker's donation is shared
///      with 10^12 virtual shares, so it costs the attacker ~10^12 times what the victim can lose.
contract BackstopPool is ERC4626, ReentrancyGuard {
    /// @notice A deposit of `assets` would mint no shares; refused so nobody pays for nothing.
    error BackstopPoolZeroShares(uint256 assets);
    /// @notice A redeem of `shares` would pay no assets; refused so no shares burn for nothing.
    error BackstopPoolZeroAssets(uint256 shares);

    constructor(IERC20 asset_, string memory name_, string memory symbol_) ERC4626(asset_) ERC20(name_, symbol_) {}

    /// @notice Deposits `assets` and mints shares to `receiver`, rounding shares down (favours the pool).
    /// @dev Reverts with `BackstopPoolZeroShares` when the deposit is too small to mint a share.
    /// @param assets Stablecoin amount in base units, pulled from the caller.
    /// @param receiver Who receives the shares.
    /// @return shares Shares minted.
    function deposit(uint256 assets, address receiver) public override nonReentrant returns (uint256 shares) {
        shares = previewDeposit(assets);
        if (shares == 0) revert BackstopPoolZeroShares(assets);
        uint256 maxAssets = maxDeposit(receiver);
        if (assets > maxAssets) revert ERC4626ExceededMaxDeposit(receiver, assets, maxAssets);
        _deposit(_msgSender(), receiver, assets, shares);
    }

    /// @notice Mints exactly `shares` to `receiver`, pulling assets rounded up (favours the pool).
    /// @param shares Shares to mint.
    /// @param receiver Who receives the shares.
    /// @return assets Assets pulled from the caller.
    function mint(uint256 shares, address receiver) public override nonReentrant returns (uint256 assets) {
        return super.mint(shares, receiver);
    }

    /// @notice Burns shares from `owner` to pay exactly `assets` to `receiver` (shares rounded up).
    /// @param assets Assets to pay out.
    /// @param receiver Who receives the assets.
    /// @param owner Whose shares burn; the caller needs an allowance unless it is the owner.
    /// @return shares Shares burnt.
    function withdraw(uint256 assets, address receiver, address owner)
        public
        override
        nonReentrant
        returns (uint256 shares)
    {
        return super.withdraw(assets, receiver, owner);
    }

    /// @notice Burns `shares` from `owner` and pays the assets, rounded down, to `receiver`.
    /// @dev Reverts with `BackstopPoolZeroAssets` rather than burn shares for nothing.
    /// @param shares Shares to burn.
    /// @param receiver Who receives the assets.
    /// @param owner Whose shares burn; the caller needs an allowance unless it is the owner.
    /// @return assets Assets paid.
    function redeem(uint256 shares, address receiver, address owner)
        public
        override
        nonReentrant
        returns (uint256 assets)
    {
        uint256 maxShares = maxRedeem(owner);
        if (shares > maxShares) revert ERC4626ExceededMaxRedeem(owner, shares, maxShares);
        assets = previewRedeem(shares);
        if (assets == 0) revert BackstopPoolZeroAssets(shares);
        _withdraw(_msgSender(), receiver, owner, assets, shares);
    }

    /// @dev Twelve virtual decimals: shares carry 18 decimals over the 6-decimal stablecoin.
    function _decimalsOffset() internal pure override returns (uint8) {
        return 12;
    }
}
