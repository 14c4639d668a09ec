// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title WaterfallMath
/// @notice The pure arithmetic of `ShortfallWaterfall`: the rolling 24 h draw window, each layer's cap,
///         the allocation of a shortfall across Junior → Senior → recapitalization, and the fee split.
///         Every function has one TypeScript twin in `lib/` with the same name, the same integer
///         arithmetic and the same rounding (all floors; each comment says why that favours the pools).
///         A function that rounds says so in its name (`layerCapDown`, `layerAvailableDown`,
///         `splitFeesSeniorDown`: Senior's share is floored and Junior takes the remainder); `windowOf`,
///         `rollWindow` and `allocateShortfall` round nothing (a window index, a shift, mins and subtractions).
///
/// @dev ## The rolling 24 h window (why two buckets, summed, not weighted)
///      Time is cut into aligned windows of `WINDOW` = 86,400 s (`windowOf(t) = t / 86400`). A layer
///      stores only `(window, prev, curr)`: what it paid in the previous window and in the current one.
///      A draw at time t counts `used = prev + curr` (both in full) against the cap.
///      Guarantee: any interval of 24 h overlaps at most two consecutive aligned windows k−1 and k, and
///      the last draw inside it checked `B[k−1] + B[k] ≤ cap`, so no 24 h interval ever holds more than
///      one cap of draws, however the calls are timed or split. The price of O(1) is conservatism: a
///      draw stays counted for between 24 h and 48 h (until the window after next begins).
///      The common *weighted* two-bucket estimate (`prev × (1 − elapsed/24h) + curr`) was rejected: it
///      assumes the previous window's draws were spread evenly, so a draw at the end of window k−1 is
///      half forgotten by the middle of window k and a venue that times its calls could take ≈ 1.5
///      caps inside one real 24 h interval. A linearly decaying "used" amount has the same flaw (up to
///      2 caps per 24 h). Both would need the 24 h guarantee weakened; the summed buckets keep it exact.
///
///      ## The cap
///      `layerCapDown(free, used, capBps) = floor((free + used) × capBps / 10000)`: a fraction of the free
///      capital the layer had before this window's draws (what it paid is added back), so the cap does
///      not shrink as the layer pays and repeated small calls get no more than one large call.
///      `layerAvailableDown = min(free, cap − used)` (0 when used ≥ cap). Floors: the pool pays at most the
///      cap, never a unit more.
///
///      Consequence checked by the invariant suite: for every 24 h interval ending at a draw, the
///      layer's draws D in it and its free capital F right after satisfy `D × 10000 ≤ capBps × (F + D)`.
library WaterfallMath {
    using Math for uint256;

    /// @notice Basis-point denominator.
    uint256 internal constant BPS = 10_000;
    /// @notice Width of one aligned window of the rolling cap.
    uint256 internal constant WINDOW = 1 days;

    /// @notice The aligned window a timestamp falls in: `t / 86400`.
    function windowOf(uint256 t) internal pure returns (uint256) {
        return t / WINDOW;
    }

    /// @notice Rolls a layer's stored buckets to window `nowWindow`.
    /// @dev Same window: unchanged. The next window: `(curr, 0)`. Later (or a stored window in the
    ///      future, which cannot happen): `(0, 0)`.
    /// @param storedWindow The window the buckets were last written in.
    /// @param prev Paid in window `storedWindow − 1`.
    /// @param curr Paid in window `storedWindow`.
    /// @param nowWindow The current window.
    /// @return prevNow Paid in window `nowWindow − 1`.
    /// @return currNow Paid in window `nowWindow`.
    function rollWindow(uint256 storedWindow, uint256 prev, uint256 curr, uint256 nowWindow)
        internal
        pure
        returns (uint256 prevNow, uint256 currNow)
    {
        if (nowWindow == storedWindow) return (prev, curr);
        if (nowWindow == storedWindow + 1) return (curr, 0);
        return (0, 0);
    }

    /// @notice A layer's cap for the rolling 24 h: `floor((free + used) × capBps / 10000)`, rounded down
    ///         so the layer never pays a fraction of a unit beyond its fraction.
    /// @param free The layer's free capital now (total assets − locked).
    /// @param used What the layer paid in the rolling window (`prev + curr`).
    /// @param capBps The governance fraction in basis points.
    function layerCapDown(uint256 free, uint256 used, uint256 capBps) internal pure returns (uint256) {
        return (free + used).mulDiv(capBps, BPS, Math.Rounding.Floor);
    }

    /// @notice What a layer may still pay now: `min(free, max(0, layerCapDown − used))`.
    function layerAvailableDown(uint256 free, uint256 used, uint256 capBps) internal pure returns (uint256) {
        uint256 cap = layerCapDown(free, used, capBps);
        if (used >= cap) return 0;
        uint256 room = cap - used;
        return room < free ? room : free;
    }

    /// @notice Splits a shortfall: the venue's remaining exposure first bounds what the protocol covers
    ///         at all; Junior pays first up to its availability, then Senior; the rest of the covered
    ///         part is asked of the recapitalization; what exceeds the venue's exposure is not covered.
    /// @dev `junior + senior + recapitalization + overExposure == amount` exactly (no rounding: only
    ///      min and subtraction).
    /// @param amount The shortfall the venue reports.
    /// @param juniorAvailable `layerAvailableDown` of Junior.
    /// @param seniorAvailable `layerAvailableDown` of Senior.
    /// @param exposureRemaining The venue's exposure cap minus its exposure used.
    /// @return junior Paid by Junior.
    /// @return senior Paid by Senior.
    /// @return recapitalization Within the venue's exposure but beyond both layers: sent to the auction.
    /// @return overExposure Beyond the venue's exposure cap: returned to the venue to socialise.
    function allocateShortfall(uint256 amount, uint256 juniorAvailable, uint256 seniorAvailable, uint256 exposureRemaining)
        internal
        pure
        returns (uint256 junior, uint256 senior, uint256 recapitalization, uint256 overExposure)
    {
        uint256 eligible = amount < exposureRemaining ? amount : exposureRemaining;
        overExposure = amount - eligible;
        junior = eligible < juniorAvailable ? eligible : juniorAvailable;
        uint256 rest = eligible - junior;
        senior = rest < seniorAvailable ? rest : seniorAvailable;
        recapitalization = rest - senior;
    }

    /// @notice Splits `amount` of venue fees between the layers by weight:
    ///         `senior = floor(amount × seniorWeightBps / 10000)`, `junior = amount − senior`.
    /// @dev Every unit is conserved (`junior + senior == amount`); the rounding dust (< 1 unit) goes to
    ///      Junior, the first-loss layer that carries the most risk. Nothing stays in the waterfall.
    function splitFeesSeniorDown(uint256 amount, uint256 seniorWeightBps)
        internal
        pure
        returns (uint256 junior, uint256 senior)
    {
        senior = amount.mulDiv(seniorWeightBps, BPS, Math.Rounding.Floor);
        junior = amount - senior;
    }
}
