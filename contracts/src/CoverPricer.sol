// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CoverPricing} from "./libraries/CoverPricing.sol";

/// @title CoverPricer
/// @notice A stateless deployment of `CoverPricing.quote` (the one-touch probability and the premium), the
///         pricing engine `CoverMarket` calls. No owner, no storage: anyone may call it.
/// @dev Why a separate contract: CoverMarket (ERC-721, products, claims, releases, governance) with the
///      fixed-point one-touch math inlined compiles to ~26 KB at the project's 10,000 optimizer runs, above
///      EIP-170's 24,576-byte limit. Moving the ~5 KB of pure math here costs one cold STATICCALL per quote
///      or sale (≈ 3k gas) and keeps both contracts small. A linked external library would cost the same
///      gas but needs bytecode linking in every deploy script; a plain contract needs none.
contract CoverPricer {
    /// @notice The inputs of `CoverPricing.quote` (one struct keeps callers under the stack limit).
    /// @param spot Current price (feed units). @param strike Barrier price (feed units).
    /// @param sigma Annualised volatility (WAD). @param duration Seconds.
    /// @param payout Base units. @param locked Pool capital already locked (base units).
    /// @param totalAssets Pool total assets (base units). @param pricing The product's pricing.
    struct QuoteInput {
        uint256 spot;
        uint256 strike;
        uint256 sigma;
        uint256 duration;
        uint256 payout;
        uint256 locked;
        uint256 totalAssets;
        CoverPricing.Pricing pricing;
    }

    /// @notice `CoverPricing.quote`: premium (base units, rounded up, ≤ payout) of a cover paying `payout`
    ///         if `spot` touches `strike` within `duration` seconds under volatility `sigma` (WAD), bought
    ///         when `locked` of the backing pool's `totalAssets` is locked. Reverts outside the domain of
    ///         `TouchProbability.touchProbability` or `CoverPricing.premiumUp`.
    function quote(QuoteInput calldata q) external pure returns (uint256 premium) {
        return CoverPricing.quote(q.spot, q.strike, q.sigma, q.duration, q.payout, q.locked, q.totalAssets, q.pricing);
    }
}
