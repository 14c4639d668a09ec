// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CoverPricing} from "../../src/libraries/CoverPricing.sol";

/// @notice External wrappers around `CoverPricing`, for forge tests and the TypeScript parity suite
///         (lib/cover/cover.parity.test.ts). The `*Batch` functions evaluate many inputs in one eth_call;
///         `ok[i] == false` marks a revert (the twin must throw for exactly those inputs).
contract CoverPricingHarness {
    function markupDown(uint256 utilization, CoverPricing.Pricing memory p) external pure returns (uint256) {
        return CoverPricing.markupDown(utilization, p);
    }

    function markupIntegralDown(uint256 x, uint256 totalAssets, CoverPricing.Pricing memory p) external pure returns (uint256) {
        return CoverPricing.markupIntegralDown(x, totalAssets, p);
    }

    function averageMarkupUp(uint256 locked, uint256 payout, uint256 totalAssets, CoverPricing.Pricing memory p)
        external
        pure
        returns (uint256)
    {
        return CoverPricing.averageMarkupUp(locked, payout, totalAssets, p);
    }

    function floorRateUp(uint256 length, CoverPricing.Pricing memory p) external pure returns (uint256) {
        return CoverPricing.floorRateUp(length, p);
    }

    function chargedLength(uint256 now_, uint256 duration, uint256 claimGrace) public pure returns (uint256) {
        return CoverPricing.chargedLength(now_, duration, claimGrace);
    }

    function premiumUp(
        uint256 payout,
        uint256 pTouch,
        uint256 locked,
        uint256 totalAssets,
        uint256 length,
        CoverPricing.Pricing memory p
    ) external pure returns (uint256) {
        return CoverPricing.premiumUp(payout, pTouch, locked, totalAssets, length, p);
    }

    /// @dev Inputs of `quoteUp` in one struct (keeps the batch under the stack limit).
    struct QuoteInput {
        uint256 spot;
        uint256 strike;
        uint256 sigma;
        uint256 duration;
        uint256 length;
        uint256 payout;
        uint256 locked;
        uint256 totalAssets;
        CoverPricing.Pricing pricing;
    }

    function quoteUp(QuoteInput memory q) public pure returns (uint256) {
        return
            CoverPricing.quoteUp(q.spot, q.strike, q.sigma, q.duration, q.length, q.payout, q.locked, q.totalAssets, q.pricing);
    }

    // ---------- batches (one eth_call for many inputs) ----------

    function markupDownBatch(uint256[] calldata us, CoverPricing.Pricing[] calldata ps)
        external
        view
        returns (bool[] memory ok, uint256[] memory out)
    {
        ok = new bool[](us.length);
        out = new uint256[](us.length);
        for (uint256 i; i < us.length; ++i) {
            try this.markupDown(us[i], ps[i]) returns (uint256 r) {
                (ok[i], out[i]) = (true, r);
            } catch {}
        }
    }

    function markupIntegralBatch(uint256[] calldata xs, uint256[] calldata tas, CoverPricing.Pricing[] calldata ps)
        external
        view
        returns (bool[] memory ok, uint256[] memory out)
    {
        ok = new bool[](xs.length);
        out = new uint256[](xs.length);
        for (uint256 i; i < xs.length; ++i) {
            try this.markupIntegralDown(xs[i], tas[i], ps[i]) returns (uint256 r) {
                (ok[i], out[i]) = (true, r);
            } catch {}
        }
    }

    /// @dev Inputs of `premiumUp` in one struct (keeps the batch under the stack limit).
    struct PremiumInput {
        uint256 payout;
        uint256 pTouch;
        uint256 locked;
        uint256 totalAssets;
        uint256 length;
        CoverPricing.Pricing pricing;
    }

    function premium(PremiumInput memory q) public pure returns (uint256) {
        return CoverPricing.premiumUp(q.payout, q.pTouch, q.locked, q.totalAssets, q.length, q.pricing);
    }

    function chargedLengthBatch(uint256[] calldata nows, uint256[] calldata durations, uint256[] calldata graces)
        external
        view
        returns (bool[] memory ok, uint256[] memory out)
    {
        ok = new bool[](nows.length);
        out = new uint256[](nows.length);
        for (uint256 i; i < nows.length; ++i) {
            try this.chargedLength(nows[i], durations[i], graces[i]) returns (uint256 r) {
                (ok[i], out[i]) = (true, r);
            } catch {}
        }
    }

    function premiumBatch(PremiumInput[] calldata qs) external view returns (bool[] memory ok, uint256[] memory out) {
        ok = new bool[](qs.length);
        out = new uint256[](qs.length);
        for (uint256 i; i < qs.length; ++i) {
            try this.premium(qs[i]) returns (uint256 r) {
                (ok[i], out[i]) = (true, r);
            } catch {}
        }
    }

    function quoteUpBatch(QuoteInput[] calldata qs) external view returns (bool[] memory ok, uint256[] memory out) {
        ok = new bool[](qs.length);
        out = new uint256[](qs.length);
        for (uint256 i; i < qs.length; ++i) {
            try this.quoteUp(qs[i]) returns (uint256 r) {
                (ok[i], out[i]) = (true, r);
            } catch {}
        }
    }
}
