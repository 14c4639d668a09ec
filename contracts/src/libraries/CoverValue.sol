// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TouchProbability} from "./TouchProbability.sol";

/// @title CoverValue
/// @notice A cover's model value now: what the model says the token is worth to its holder, the price the
///         exchange's asks and offers are shown against. Mirrored bit for bit by the TypeScript twin of the
///         same name (parity on ≥ 10,000 inputs through `test/harness/CoverValueHarness.sol`).
/// @dev value = payout × P_touch(spot, strike, σ, remaining), with P_touch the same driftless-GBM one-touch
///      probability the market prices with (`TouchProbability`), over the time left to the cover's end, rounded
///      down (a valuation, never a payment: down is the holder's conservative mark). The cases the formula
///      does not see:
///        - a touch already confirmed in the window (`provable`: a claim would pay now) → the payout;
///        - no time left (`remaining == 0`, i.e. the window closed without a provable touch) → 0;
///        - the price already at or through the strike (a Down cover with spot ≤ strike, an Up one with
///          spot ≥ strike) → the payout: the touch is happening, only its confirmation is pending.
///      Like the market's quote, the time left is counted to the end from now (the activation delay of a
///      cover bought seconds ago is ignored: a slight overstatement for at most that delay).
///      Claimed, released and expired covers are worth 0 to a buyer; the caller maps those statuses to
///      `remaining == 0, provable == false` (the twin's wrapper does).
library CoverValue {
    uint256 internal constant WAD = 1e18;

    /// @notice The model value of a cover paying `payout` if the price touches `strike` (`down`: from above).
    /// @param payout The cover's payout (stablecoin base units).
    /// @param down The product's direction: true for Down (pays on a fall to `strike`).
    /// @param spot The feed's price now, in the feed's units as `strike`.
    /// @param sigma Annualised volatility (WAD), the oracle's.
    /// @param remaining Seconds from now to the cover's end (0 once it ended).
    /// @param provable Whether rounds already confirm a touch inside the cover's window.
    /// @return value ⌊payout × P_touch / 1e18⌋, or the payout / 0 in the cases above.
    /// @dev Reverts as `TouchProbability.touchProbability` outside its domain (only when the formula is used),
    ///      and with an arithmetic panic if payout × P_touch overflows (payouts are < 2^96: never for a cover).
    function modelValueDown(
        uint256 payout,
        bool down,
        uint256 spot,
        uint256 strike,
        uint256 sigma,
        uint256 remaining,
        bool provable
    ) internal pure returns (uint256 value) {
        if (provable) return payout;
        if (remaining == 0) return 0;
        if (down ? spot <= strike : spot >= strike) return payout;
        return payout * TouchProbability.touchProbability(spot, strike, sigma, remaining) / WAD;
    }
}
