// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IPerpVenue} from "../interfaces/IPerpVenue.sol";
import {ShortfallWaterfall} from "../ShortfallWaterfall.sol";
import {Recapitalizer} from "../Recapitalizer.sol";
import {PerpMath} from "./PerpMath.sol";
import {PerpVenueLayout, PerpSide, PerpRecap} from "./PerpVenueLayout.sol";

/// @title PerpSettlement
/// @notice `PerpVenue`'s bad-debt paths, run by DELEGATECALL on the venue's own storage (external library
///         functions): reporting a bad debt to the waterfall, booking what it paid, socialising the
///         remainder, and crediting and socialising a recapitalization auction. They are rare and not gas
///         bound, and out of the venue's bytecode they keep it under EIP-170 without touching the hot
///         paths (open, close, liquidation without bad debt stay internal).
/// @dev Events and errors are the venue's (`IPerpVenue`): a DELEGATECALL emits them from the venue.
library PerpSettlement {
    using SafeCast for uint256;

    /// @notice Reports `debt` (left by `trader`'s `isLong` position) to the waterfall; if it refuses
    ///         (paused, the venue unregistered), keeps it deferred for `absorbDeferred`.
    function route(PerpVenueLayout storage s, ShortfallWaterfall waterfall, address trader, bool isLong, uint256 debt)
        external
    {
        try waterfall.absorbShortfall(debt) returns (uint256 j, uint256 sr, uint256 r, uint256 rem) {
            _absorbed(s, waterfall, trader, isLong, debt, j, sr, r, rem);
        } catch {
            s.deferred[isLong] += debt;
            emit IPerpVenue.BadDebtDeferred(trader, isLong, debt);
        }
    }

    /// @notice Reports the `isLong` side's deferred bad debt again (reverting as the waterfall does).
    function absorbDeferred(PerpVenueLayout storage s, ShortfallWaterfall waterfall, bool isLong) external {
        uint256 debt = s.deferred[isLong];
        if (debt == 0) revert IPerpVenue.PerpVenueNothingToDo();
        s.deferred[isLong] = 0;
        (uint256 j, uint256 sr, uint256 r, uint256 rem) = waterfall.absorbShortfall(debt);
        _absorbed(s, waterfall, address(0), isLong, debt, j, sr, r, rem);
    }

    /// @notice Credits auction `auctionId`'s proceeds so far to the house; once it is settled (settling it
    ///         when it has closed), socialises its unraised part over the sides its debts came from.
    function syncRecapitalization(PerpVenueLayout storage s, ShortfallWaterfall waterfall, uint256 auctionId) external {
        PerpRecap memory rc = s.recaps[auctionId];
        if (rc.debtOfLongs + rc.debtOfShorts == 0 || rc.settled) revert IPerpVenue.PerpVenueUnknownAuction(auctionId);
        Recapitalizer recap = Recapitalizer(address(waterfall.recapitalizer()));
        Recapitalizer.Auction memory a = recap.auction(auctionId);
        uint256 raised = a.raised - rc.credited;
        s.recaps[auctionId].credited = a.raised;
        s.book.house += uint128(raised);
        bool settled = a.settled;
        if (!settled && !recap.isOpen(auctionId)) {
            recap.settle(auctionId);
            settled = true;
        }
        uint256 toShorts;
        uint256 toLongs;
        if (settled) {
            s.recaps[auctionId].settled = true;
            (toShorts, toLongs) = PerpMath.splitUnraised(a.target - a.raised, rc.debtOfLongs, rc.debtOfShorts);
            if (toShorts > 0) _socialise(s, false, toShorts, auctionId);
            if (toLongs > 0) _socialise(s, true, toLongs, auctionId);
        }
        emit IPerpVenue.RecapitalizationSynced(auctionId, raised, settled, toShorts, toLongs);
    }

    /// @dev Books a debt the waterfall took: Junior's and Senior's payments (already received) to the house,
    ///      the auction's part recorded against the bankrupt side, the remainder socialised now over the other.
    function _absorbed(
        PerpVenueLayout storage s,
        ShortfallWaterfall waterfall,
        address trader,
        bool isLong,
        uint256 debt,
        uint256 j,
        uint256 sr,
        uint256 r,
        uint256 rem
    ) private {
        if (j + sr > 0) s.book.house += uint128(j + sr);
        uint256 auctionId;
        if (r > 0) {
            auctionId = Recapitalizer(address(waterfall.recapitalizer())).currentAuctionOf(address(this));
            PerpRecap storage rc = s.recaps[auctionId];
            if (isLong) rc.debtOfLongs += uint128(r);
            else rc.debtOfShorts += uint128(r);
        }
        emit IPerpVenue.BadDebtAbsorbed(trader, isLong, debt, j, sr, r, rem, auctionId);
        if (rem > 0) _socialise(s, !isLong, rem, 0);
    }

    /// @dev Raises the `chargedLongs` side's index by `amount` over its open interest (`PerpMath.socialLoss`);
    ///      what the index cannot carry is the house's, booked as dust.
    function _socialise(PerpVenueLayout storage s, bool chargedLongs, uint256 amount, uint256 auctionId) private {
        PerpSide memory sd = s.sides[chargedLongs];
        (uint256 delta, uint256 dust) = PerpMath.socialLoss(amount, sd.openInterest);
        uint256 index = sd.socialLossIndex + delta;
        s.sides[chargedLongs].socialLossIndex = index.toUint160();
        s.outstandingScaled[chargedLongs] += amount * PerpMath.INDEX_SCALE - dust;
        s.socialLossDustScaled += dust;
        emit IPerpVenue.SocialLossApplied(chargedLongs, auctionId, amount, delta, index, sd.openInterest, dust);
    }
}
