// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {Vm} from "../utils/Vm.sol";
import {TestUSDC} from "../../src/mocks/TestUSDC.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {VolatilityOracle} from "../../src/VolatilityOracle.sol";
import {Recapitalizer} from "../../src/Recapitalizer.sol";
import {PerpVenue} from "../../src/PerpVenue.sol";
import {IPerpVenue} from "../../src/interfaces/IPerpVenue.sol";
import {PerpMath} from "../../src/libraries/PerpMath.sol";

/// @notice Drives a PerpVenue on the real waterfall stack with bounded inputs so every call does something
///         (fail_on_revert is on): four traders open, increase, add and remove margin, reduce, close; a
///         keeper liquidates; the price walks and gaps (up to −35 % in one round); auctions get bought,
///         synced and settled; fees are distributed; traders withdraw what liquidations left them. Inputs
///         are bounded with the venue's own formulas (`PerpMath`), so a call reverting is a failure; a call
///         with nothing valid to do in the state returns early and is counted as skipped.
///         Ghosts read the venue's events: every bad debt and its split, every socialised amount, every
///         charge collected.
contract PerpVenueHandler is Test {
    PerpVenue public immutable perp;
    TestUSDC public immutable usdc;
    MockAggregator public immutable feed;
    VolatilityOracle public immutable oracle;
    Recapitalizer public immutable recap;
    uint256 internal constant SCALE = 1e20;
    uint256 internal constant ETH = 1e18;
    uint256 internal constant WAD = 1e18;

    address[4] public traders = [address(0xA11CE), address(0xB0B), address(0xCA401), address(0xDA7E)];
    address internal constant KEEPER = address(0x4EE9);
    address internal constant BUYER = address(0xB07E);

    // ghosts
    uint256 public ghostBadDebt; // Σ debt reported to the waterfall (absorbed or deferred)
    uint256 public ghostLayers; // Σ junior + senior
    uint256 public ghostRecapAccepted; // Σ recapitalization
    uint256 public ghostRemainder; // Σ remainder
    uint256 public ghostSocialised; // Σ SocialLossApplied.amount
    uint256 public ghostCharges; // Σ socialLossCharge collected
    uint256 public ghostBadDebtEvents;
    uint256 public ghostPartials;
    uint256 public ghostFulls;
    bool public ghostSplitBroken;
    bool public ghostBadDebtWithoutLoss; // a bad debt from a position whose margin covered its loss
    bool public ghostPartialLeftUnhealthy;
    uint256[] public auctionIds;
    mapping(uint256 => bool) internal _knownAuction;

    mapping(bytes32 => uint256) public ok;
    mapping(bytes32 => uint256) public skipped;
    bytes32[] public names;

    constructor(PerpVenue perp_, TestUSDC usdc_, MockAggregator feed_, VolatilityOracle oracle_, Recapitalizer recap_) {
        perp = perp_;
        usdc = usdc_;
        feed = feed_;
        oracle = oracle_;
        recap = recap_;
        for (uint256 i; i < 4; ++i) {
            vm.prank(traders[i]);
            usdc_.approve(address(perp_), type(uint256).max);
        }
        vm.prank(BUYER);
        usdc_.approve(address(recap_), type(uint256).max);
    }

    // ------------------------------------------------------------------ bookkeeping

    function nameCount() external view returns (uint256) {
        return names.length;
    }

    function auctionCount() external view returns (uint256) {
        return auctionIds.length;
    }

    function totals() external view returns (uint256 okTotal, uint256 skippedTotal) {
        for (uint256 i; i < names.length; ++i) {
            okTotal += ok[names[i]];
            skippedTotal += skipped[names[i]];
        }
    }

    function _count(bytes32 name, bool done) internal {
        if (ok[name] == 0 && skipped[name] == 0) names.push(name);
        if (done) ok[name] += 1;
        else skipped[name] += 1;
    }

    function _give(address who, uint256 amount) internal {
        vm.store(address(usdc), keccak256(abi.encode(who, uint256(0))), bytes32(usdc.balanceOf(who) + amount));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + amount));
    }

    function _price() internal view returns (uint256 price, uint256 updatedAt) {
        (, int256 answer,, uint256 at,) = feed.latestRoundData();
        return (uint256(answer), at);
    }

    function _fresh() internal view returns (bool) {
        (, uint256 at) = _price();
        return at + perp.params().maxPriceAge >= block.timestamp;
    }

    /// @dev The first trader from `who` on who holds a position (or `who`'s own, when nobody does).
    function _withPosition(uint256 who) internal view returns (address) {
        who %= 4;
        for (uint256 k; k < 4; ++k) {
            address t = traders[(who + k) % 4];
            if (perp.positionOf(t).size > 0) return t;
        }
        return traders[who];
    }

    function _word(bytes memory data, uint256 k) internal pure returns (uint256 w) {
        assembly {
            w := mload(add(data, add(32, mul(32, k))))
        }
    }

    /// @dev Reads the venue's events of the last call into the ghosts.
    function _scan() internal {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(perp)) continue;
            bytes32 t = logs[i].topics[0];
            bytes memory d = logs[i].data;
            if (t == IPerpVenue.PositionIncreased.selector) {
                ghostCharges += _word(d, 6);
            } else if (t == IPerpVenue.PositionDecreased.selector) {
                ghostCharges += _word(d, 5);
            } else if (t == IPerpVenue.PositionLiquidated.selector) {
                ghostCharges += _word(d, 3);
            } else if (t == IPerpVenue.BadDebtAbsorbed.selector) {
                uint256 debt = _word(d, 1);
                uint256 j = _word(d, 2);
                uint256 s = _word(d, 3);
                uint256 r = _word(d, 4);
                uint256 rem = _word(d, 5);
                if (j + s + r + rem != debt) ghostSplitBroken = true;
                if (logs[i].topics[1] != bytes32(0)) ghostBadDebt += debt; // a retry was counted when deferred
                ghostLayers += j + s;
                ghostRecapAccepted += r;
                ghostRemainder += rem;
                ghostBadDebtEvents += 1;
                uint256 id = uint256(logs[i].topics[2]);
                if (r > 0 && !_knownAuction[id]) {
                    _knownAuction[id] = true;
                    auctionIds.push(id);
                }
            } else if (t == IPerpVenue.BadDebtDeferred.selector) {
                ghostBadDebt += _word(d, 1);
            } else if (t == IPerpVenue.SocialLossApplied.selector) {
                ghostSocialised += _word(d, 0);
            }
        }
    }

    // ------------------------------------------------------------------ trading

    function open(uint256 who, bool isLong, uint256 sizeSeed, uint256 leverSeed) external {
        address t = traders[who % 4];
        IPerpVenue.Position memory p = perp.positionOf(t);
        if (p.size > 0) isLong = p.isLong;
        uint256 size = bound(sizeSeed, ETH / 10, 300 * ETH);
        oracle.poke(); // σ as the open will see it (a no-op when nothing is new)
        uint256 marginIn = _marginFor(t, p, isLong, size, leverSeed);
        if (marginIn == type(uint256).max) return _count("open", false);
        _give(t, marginIn);
        vm.recordLogs();
        vm.prank(t);
        perp.open(isLong, size, marginIn, isLong ? type(uint256).max : 0);
        _scan();
        _count("open", true);
    }

    /// @dev The margin to send: the initial requirement σ gives now × (1 … 3) plus the fee, less the equity
    ///      the position already has; type(uint256).max when the open cannot succeed in this state.
    function _marginFor(address t, IPerpVenue.Position memory p, bool isLong, uint256 size, uint256 leverSeed)
        internal
        view
        returns (uint256)
    {
        (uint256 price,) = _price();
        (uint256 oi,,) = perp.sideState(isLong);
        IPerpVenue.Params memory q = perp.params();
        IPerpVenue.PositionState memory s = perp.positionState(t);
        uint256 total = p.size + size;
        if (!_fresh() || perp.paused() || s.equity < 0) return type(uint256).max;
        if (PerpMath.notionalUp(oi + size, price, SCALE) > q.maxOpenInterest) return type(uint256).max;
        if (PerpMath.notionalDown(total, price, SCALE) < q.minNotional) return type(uint256).max;
        uint256 notional = PerpMath.notionalUp(total, price, SCALE);
        uint256 margin = notional * perp.marginFractionNow() / WAD * bound(leverSeed, 100, 160) / 100
            + PerpMath.notionalUp(size, price, SCALE) / 1000 + notional / 1000 + 2;
        uint256 have = uint256(s.equity);
        return margin > have ? margin - have : 0;
    }

    function addMargin(uint256 who, uint256 amount) external {
        address t = _withPosition(who);
        if (perp.positionOf(t).size == 0) return _count("addMargin", false);
        amount = bound(amount, 1, 50_000e6);
        _give(t, amount);
        vm.prank(t);
        perp.addMargin(amount);
        _count("addMargin", true);
    }

    function removeMargin(uint256 who, uint256 amountSeed) external {
        address t = _withPosition(who);
        IPerpVenue.Position memory p = perp.positionOf(t);
        if (p.size == 0 || !_fresh()) return _count("removeMargin", false);
        // σ as the call will see it: caught up first, as `_sigma` does.
        oracle.poke();
        (uint256 price,) = _price();
        IPerpVenue.PositionState memory s = perp.positionState(t);
        uint256 fraction = perp.marginFractionNow();
        // equity − amount ≥ fraction × notional (exact): amount ≤ (WAD × equity × SCALE − f × size × price) / (WAD × SCALE)
        int256 equityWad = int256(WAD) * (int256(uint256(p.margin)) - int256(s.socialLossCharge)) * int256(SCALE) + int256(WAD)
            * (p.isLong
                    ? int256(uint256(p.size)) * (int256(price) - int256(uint256(p.entryPrice)))
                    : int256(uint256(p.size)) * (int256(uint256(p.entryPrice)) - int256(price)));
        int256 free = equityWad - int256(fraction * p.size * price);
        if (free <= int256(WAD * SCALE)) return _count("removeMargin", false);
        uint256 max = uint256(free) / (WAD * SCALE);
        if (max > p.margin) max = p.margin;
        uint256 amount = bound(amountSeed, 1, max);
        vm.prank(t);
        perp.removeMargin(amount);
        _count("removeMargin", true);
    }

    function reduce(uint256 who, uint256 partSeed) external {
        address t = _withPosition(who);
        IPerpVenue.Position memory p = perp.positionOf(t);
        IPerpVenue.PositionState memory s = perp.positionState(t);
        if (p.size < 2 || s.equity <= 0) return _count("reduce", false);
        (uint256 price,) = _price();
        uint256 part = bound(partSeed, 1, p.size - 1);
        IPerpVenue.Params memory q = perp.params();
        if (PerpMath.notionalDown(p.size - part, price, SCALE) < q.minNotional) return _count("reduce", false);
        int256 realized = PerpMath.pnlDown(p.isLong, part, p.entryPrice, price, SCALE);
        uint256 fee = PerpMath.mulBpsUp(PerpMath.notionalUp(part, price, SCALE), q.tradingFeeBps);
        if (int256(uint256(p.margin)) - int256(s.socialLossCharge + fee) + realized < 0) return _count("reduce", false);
        vm.recordLogs();
        vm.prank(t);
        perp.reduce(part, p.isLong ? 0 : type(uint256).max);
        _scan();
        _count("reduce", true);
    }

    function close(uint256 who) external {
        address t = _withPosition(who);
        IPerpVenue.Position memory p = perp.positionOf(t);
        if (p.size == 0 || perp.positionState(t).equity < 0) return _count("close", false);
        vm.recordLogs();
        vm.prank(t);
        perp.close(p.isLong ? 0 : type(uint256).max);
        _scan();
        _count("close", true);
    }

    function liquidate(uint256 who) external {
        // The first liquidatable trader from `who` on: a keeper liquidates whoever it can.
        who %= 4;
        address t = traders[who];
        for (uint256 k; k < 4 && !perp.positionState(t).liquidatable; ++k) {
            t = traders[(who + k + 1) % 4];
        }
        IPerpVenue.PositionState memory s = perp.positionState(t);
        if (!s.liquidatable || !_fresh()) return _count("liquidate", false);
        uint256 debtBefore = ghostBadDebt;
        vm.recordLogs();
        vm.prank(KEEPER);
        perp.liquidate(t);
        _scan();
        IPerpVenue.PositionState memory after_ = perp.positionState(t);
        if (after_.size == 0) {
            ghostFulls += 1;
        } else {
            ghostPartials += 1;
            if (after_.liquidatable) ghostPartialLeftUnhealthy = true;
        }
        // Bad debt only when the margin could not cover the loss, and then exactly the shortfall.
        uint256 debt = ghostBadDebt - debtBefore;
        if (debt > 0 && (s.equity >= 0 || debt != uint256(-s.equity))) ghostBadDebtWithoutLoss = true;
        if (debt == 0 && s.equity < 0) ghostBadDebtWithoutLoss = true;
        _count("liquidate", true);
    }

    function withdrawOwed(uint256 who) external {
        address t = traders[who % 4];
        if (perp.owedTo(t) == 0) return _count("withdrawOwed", false);
        vm.prank(t);
        perp.withdrawOwed();
        _count("withdrawOwed", true);
    }

    // ------------------------------------------------------------------ market and keepers

    /// @dev A new round: mostly a walk of up to ±3 %, one time in six a gap of up to −35 % or +25 %.
    function movePrice(uint256 seed, uint256 dt) external {
        (uint256 price,) = _price();
        uint256 r = seed % 1000;
        uint256 next;
        if (seed % 6 == 0) {
            next = (seed >> 10) % 2 == 0 ? price * (650 + r % 300) / 1000 : price * (1000 + r % 250) / 1000;
        } else {
            next = price * (970 + r % 61) / 1000;
        }
        next = bound(next, 500e8, 20_000e8);
        vm.warp(block.timestamp + bound(dt, 1, 20 minutes));
        feed.pushAnswer(int256(next));
        oracle.poke();
        _count("movePrice", true);
    }

    function distributeFees() external {
        (,, uint256 poolFees,,,,) = perp.accounts();
        if (poolFees == 0) return _count("distributeFees", false);
        perp.distributeFees();
        _count("distributeFees", true);
    }

    function buyAuction(uint256 seed, uint256 stableIn) external {
        if (auctionIds.length == 0) return _count("buyAuction", false);
        uint256 id = auctionIds[seed % auctionIds.length];
        if (!recap.isOpen(id)) return _count("buyAuction", false);
        stableIn = bound(stableIn, 1e6, 100_000e6);
        (,, uint256 out) = recap.previewBuy(id, stableIn);
        if (out == 0) return _count("buyAuction", false);
        _give(BUYER, stableIn);
        vm.prank(BUYER);
        recap.buy(id, stableIn, type(uint256).max);
        _count("buyAuction", true);
    }

    function syncRecapitalization(uint256 seed) external {
        if (auctionIds.length == 0) return _count("syncRecapitalization", false);
        uint256 id = auctionIds[seed % auctionIds.length];
        (,,, bool settled) = perp.recapitalizationOf(id);
        if (settled) return _count("syncRecapitalization", false);
        vm.recordLogs();
        perp.syncRecapitalization(id);
        _scan();
        _count("syncRecapitalization", true);
    }

    function warp(uint256 dt) external {
        vm.warp(block.timestamp + bound(dt, 1 minutes, 4 hours));
        feed.pushAnswer(int256(_currentAnswer()));
        oracle.poke();
        _count("warp", true);
    }

    function _currentAnswer() internal view returns (uint256 price) {
        (price,) = _price();
    }
}
