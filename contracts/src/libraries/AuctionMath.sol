// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title AuctionMath
/// @notice The pure arithmetic of the `Recapitalizer`'s descending-price (Dutch) auction of newly minted
///         BKS: the price at time t, the mint cap of an event, a buy's fill, and dilution. Each function has
///         one TypeScript twin in `lib/` with the same name, integer arithmetic and rounding. Each name
///         says its rounding: `auctionPriceUp`, `mintCapDown`, `mintBudgetDown`, `bksOutDown`, `stableInUp`,
///         `quoteBuyBksDownPaidUp` (its two outputs round opposite ways), `dilutionWadDown`.
/// @dev Units: prices are stablecoin base units per whole BKS (1e18 BKS base units), so with a 6-decimal
///      stablecoin a price of 1_500_000 is 1.50 per BKS. Every rounding favours the protocol (the BKS
///      holders being diluted and the venue being recapitalized): the price rounds up, BKS out rounds
///      down, stablecoin in rounds up.
library AuctionMath {
    using Math for uint256;

    /// @notice One whole BKS in base units (18 decimals).
    uint256 internal constant BKS_UNIT = 1e18;
    /// @notice Basis-point denominator.
    uint256 internal constant BPS = 10_000;
    /// @notice Fixed-point scale of `dilutionWadDown`.
    uint256 internal constant WAD = 1e18;

    /// @notice The auction price at `now_`, decaying linearly from `startPrice` at `startTime` to
    ///         `floorPrice` at `startTime + duration`, constant at the floor afterwards:
    ///         `floorPrice + ceil((startPrice − floorPrice) × (duration − elapsed) / duration)`.
    /// @dev Rounded up (a buyer never pays less than the exact curve), so it is never below the floor.
    ///      `now_ ≤ startTime` → `startPrice`; `elapsed ≥ duration` (or `duration == 0`) → `floorPrice`;
    ///      `startPrice ≤ floorPrice` → `floorPrice` (the floor always wins).
    function auctionPriceUp(uint256 startPrice, uint256 floorPrice, uint256 startTime, uint256 duration, uint256 now_)
        internal
        pure
        returns (uint256)
    {
        if (startPrice <= floorPrice) return floorPrice;
        if (now_ <= startTime) return startPrice;
        uint256 elapsed = now_ - startTime;
        if (elapsed >= duration) return floorPrice;
        return floorPrice + (startPrice - floorPrice).mulDiv(duration - elapsed, duration, Math.Rounding.Ceil);
    }

    /// @notice Most BKS one event may mint: `floor(supplyBefore × maxMintBps / 10000)`, down so the
    ///         dilution never exceeds the governance fraction.
    function mintCapDown(uint256 supplyBefore, uint256 maxMintBps) internal pure returns (uint256) {
        return supplyBefore.mulDiv(maxMintBps, BPS, Math.Rounding.Floor);
    }

    /// @notice The rolling 24 h mint budget across every auction and venue: `cap = mintCapDown(supply − used,
    ///         maxMintBps)` and `available = max(0, cap − used)`, where `used` is what auctions minted in the
    ///         current and the previous aligned window (`WaterfallMath.rollWindow`, the layers' window).
    /// @dev `supply − used` is the BKS supply at the start of the previous aligned window: only auctions mint
    ///      and nothing burns, so taking back what they minted since then gives that supply exactly. The cap
    ///      is therefore a fixed fraction of a supply that does not grow as the window's mints land (repeated
    ///      small buys get no more than one large buy), rounded down like `mintCapDown`.
    ///      Why no 24 h interval can mint more (the bound the Recapitalizer's NatSpec states): see
    ///      `Recapitalizer`. Reverts (Panic 0x11) when `used > supply`, which the contract cannot reach.
    /// @return cap Most BKS the current and the previous window may mint together.
    /// @return available What may still be minted now.
    function mintBudgetDown(uint256 supply, uint256 used, uint256 maxMintBps)
        internal
        pure
        returns (uint256 cap, uint256 available)
    {
        cap = mintCapDown(supply - used, maxMintBps);
        available = used >= cap ? 0 : cap - used;
    }

    /// @notice BKS bought with `stableIn` at `price`: `floor(stableIn × 1e18 / price)` (down: the buyer
    ///         gets no fraction of a BKS base unit not paid for).
    function bksOutDown(uint256 stableIn, uint256 price) internal pure returns (uint256) {
        return stableIn.mulDiv(BKS_UNIT, price, Math.Rounding.Floor);
    }

    /// @notice Stablecoin owed for `bksOut` at `price`: `ceil(bksOut × price / 1e18)` (up: the venue
    ///         receives at least the value of the BKS minted).
    function stableInUp(uint256 bksOut, uint256 price) internal pure returns (uint256) {
        return bksOut.mulDiv(price, BKS_UNIT, Math.Rounding.Ceil);
    }

    /// @notice Fills a buy: the buyer offers `stableIn` at `price`; the fill is limited by what the
    ///         auction still needs (`remainingTarget`) and may still mint (`remainingMint`). BKS out rounds
    ///         down; the payment, when recomputed from a capped `bksOut`, rounds up.
    /// @dev `paid = min(stableIn, remainingTarget)`, `bksOut = bksOutDown(paid, price)`; if that exceeds
    ///      `remainingMint`: `bksOut = remainingMint`, `paid = stableInUp(bksOut, price)` (≤ the first
    ///      `paid`). Always `paid ≥ bksOut × price / 1e18`: the effective price is never below `price`.
    ///      `bksOut == 0` means the buy would mint nothing; the contract rejects it.
    /// @return paid Stablecoin the buyer pays (to the venue).
    /// @return bksOut BKS minted to the buyer.
    function quoteBuyBksDownPaidUp(uint256 stableIn, uint256 price, uint256 remainingTarget, uint256 remainingMint)
        internal
        pure
        returns (uint256 paid, uint256 bksOut)
    {
        paid = stableIn < remainingTarget ? stableIn : remainingTarget;
        bksOut = bksOutDown(paid, price);
        if (bksOut > remainingMint) {
            bksOut = remainingMint;
            paid = stableInUp(bksOut, price);
        }
    }

    /// @notice Dilution of an event: `floor(minted × 1e18 / supplyBefore)` (1e18 = the supply doubled);
    ///         0 when `supplyBefore == 0`.
    function dilutionWadDown(uint256 minted, uint256 supplyBefore) internal pure returns (uint256) {
        if (supplyBefore == 0) return 0;
        return minted.mulDiv(WAD, supplyBefore, Math.Rounding.Floor);
    }
}
