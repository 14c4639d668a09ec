// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {BackstopPool} from "../../src/BackstopPool.sol";
import {TestUSDC} from "../../src/mocks/TestUSDC.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {VolatilityOracle} from "../../src/VolatilityOracle.sol";
import {CoverMarket} from "../../src/CoverMarket.sol";
import {ICoverMarket} from "../../src/interfaces/ICoverMarket.sol";
import {ShortfallWaterfall} from "../../src/ShortfallWaterfall.sol";
import {IShortfallWaterfall} from "../../src/interfaces/IShortfallWaterfall.sol";

/// @notice Drives the real CoverMarket + BackstopPool + VolatilityOracle + MockAggregator through sales,
///         claims, expiry (by the pool's buckets as time passes, and by `release`), transfers, deposits and
///         price moves, with bounded inputs so every market call is expected to succeed (fail_on_revert is
///         on). Preconditions are checked first — the market's own `quote` view is the sale precheck — and a
///         call whose precondition cannot be met in the current state returns early and counts as skipped.
///         Ghost state keeps an independent ledger of every cover: payout, release day, claimed/released.
contract CoverHandler is Test {
    struct Ghost {
        uint256 payout;
        uint256 releaseDay;
        uint256 start;
        uint256 end;
        uint256 strike;
        uint256 product;
        bool claimed;
        bool released;
    }

    uint256 internal constant DAY = 1 days;

    CoverMarket public immutable market;
    BackstopPool public immutable pool;
    TestUSDC public immutable usdc;
    MockAggregator public immutable feed;
    VolatilityOracle public immutable oracle;
    uint256 public immutable downId;
    uint256 public immutable upId;
    uint256 public immutable down3Id; // 3 confirmations

    address[] public actors;
    uint256[] public tokenIds;
    mapping(uint256 tokenId => Ghost) public ghost;

    uint256 public ghostPremiums;
    uint256 public ghostClaimsPaid;
    uint256 public ghostDeposits;
    uint256 public ghostShortfallsPaid;
    bool public ghostWrongRecipient;
    /// @notice A sale left locked / total assets above the pool's ceiling (must never happen).
    bool public ghostAboveCeiling;
    /// @notice A shortfall right after sales found Junior's free capital below (1 − ceiling) × capital, or
    ///         Junior paid less than min(shortfall, its cap on that reserve).
    bool public ghostReserveBroken;
    uint256 public worstFreeBpsAfterSale = type(uint256).max;

    /// @notice The waterfall Junior (this pool) reports to; the handler is its registered venue.
    ShortfallWaterfall public immutable waterfall;

    mapping(bytes32 => uint256) public ok;
    mapping(bytes32 => uint256) public skipped;
    bytes32[] public names;

    constructor(
        CoverMarket market_,
        BackstopPool pool_,
        TestUSDC usdc_,
        MockAggregator feed_,
        VolatilityOracle oracle_,
        uint256 downId_,
        uint256 upId_,
        uint256 down3Id_,
        ShortfallWaterfall waterfall_
    ) {
        waterfall = waterfall_;
        market = market_;
        pool = pool_;
        usdc = usdc_;
        feed = feed_;
        oracle = oracle_;
        downId = downId_;
        upId = upId_;
        down3Id = down3Id_;
        for (uint256 i; i < 4; ++i) {
            address a = address(uint160(0xC000 + i));
            actors.push(a);
            _give(a, 1e15);
            vm.startPrank(a);
            usdc_.approve(address(market_), type(uint256).max);
            usdc_.approve(address(pool_), type(uint256).max);
            vm.stopPrank();
        }
        names = [bytes32("buy"), "claim", "release", "transfer", "warp", "deposit", "shortfall"];
    }

    function nameCount() external view returns (uint256) {
        return names.length;
    }

    function coverCount() external view returns (uint256) {
        return tokenIds.length;
    }

    /// @notice Σ payouts of covers whose lock the pool must still hold: not claimed, not released, and
    ///         before the start of their release day (computed from the ghost ledger only).
    function ghostActiveLocked() external view returns (uint256 sum) {
        for (uint256 i; i < tokenIds.length; ++i) {
            Ghost memory g = ghost[tokenIds[i]];
            if (!g.claimed && !g.released && block.timestamp < g.releaseDay * DAY) sum += g.payout;
        }
    }

    function totals() external view returns (uint256 okTotal, uint256 skippedTotal) {
        for (uint256 i; i < names.length; ++i) {
            okTotal += ok[names[i]];
            skippedTotal += skipped[names[i]];
        }
    }

    // ------------------------------------------------------------------ helpers

    function _give(address who, uint256 amount) internal {
        vm.store(address(usdc), keccak256(abi.encode(who, uint256(0))), bytes32(usdc.balanceOf(who) + amount));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + amount));
    }

    function _spot() internal view returns (uint256) {
        (, int256 answer,,,) = feed.latestRoundData();
        return uint256(answer);
    }

    /// @dev Publishes a complete round at `answer` now and folds it into σ.
    function _publish(uint256 answer) internal returns (uint80 id) {
        id = feed.pushAnswer(int256(answer));
        oracle.poke();
    }

    function _product(uint256 seed) internal view returns (uint256) {
        uint256 k = seed % 3;
        return k == 0 ? downId : k == 1 ? upId : down3Id;
    }

    // ------------------------------------------------------------------ handlers

    /// @notice Buys a cover with a random product, strike 1–50 % away, payout and duration.
    function buy(uint256 actorSeed, uint256 productSeed, uint256 distance, uint256 payout, uint256 duration) external {
        address a = actors[actorSeed % actors.length];
        uint256 id = _product(productSeed);
        uint256 spot = _spot();
        distance = bound(distance, 0.01e18, 0.5e18);
        uint256 strike = id == upId ? spot + (spot * distance) / 1e18 : spot - (spot * distance) / 1e18;
        payout = bound(payout, 100e6, 100_000e6);
        duration = bound(duration, 1 hours, 30 days);
        if (productSeed % 4 == 3) {
            // Every fourth sale asks for everything the ceiling still allows: utilization rides at the cap.
            (uint256 total, uint256 locked, uint256 ceiling) = pool.underwritingCapital();
            uint256 maxLocked = (total * ceiling) / 10_000;
            if (maxLocked > locked + 100e6) payout = maxLocked - locked;
        }
        (bool sellable, uint256 premium) = _quote(id, strike, payout, duration);
        if (!sellable) {
            // After a crash σ sits at its cap and near strikes are uninsurable: try a far, short cover.
            strike = id == upId ? spot + spot / 2 : spot / 2;
            duration = 1 hours;
            (sellable, premium) = _quote(id, strike, payout, duration);
        }
        if (!sellable) {
            // No capacity left (or nothing insurable at all): nothing to sell in this state.
            ++skipped["buy"];
            return;
        }
        uint256 poolBalance = usdc.balanceOf(address(pool));
        vm.prank(a);
        (uint256 tokenId, uint256 charged) = market.buyCover(id, strike, payout, duration, premium);
        if (charged != premium || usdc.balanceOf(address(pool)) != poolBalance + premium) ghostWrongRecipient = true;
        ICoverMarket.CoverInfo memory info = market.coverInfo(tokenId);
        ghost[tokenId] = Ghost({
            payout: payout,
            releaseDay: (block.timestamp + duration + 1 days) / DAY + 1, // the claim grace is 1 day
            start: block.timestamp,
            end: block.timestamp + duration,
            strike: strike,
            product: id,
            claimed: false,
            released: false
        });
        if (info.releaseDay != ghost[tokenId].releaseDay) ghostWrongRecipient = true;
        _checkCeiling();
        tokenIds.push(tokenId);
        ghostPremiums += premium;
        ++ok["buy"];
    }

    /// @dev After a sale: locked ≤ ceiling × total assets, so free ≥ (1 − ceiling) × total assets.
    function _checkCeiling() internal {
        (uint256 total, uint256 locked, uint256 ceiling) = pool.underwritingCapital();
        if (locked * 10_000 > ceiling * total) ghostAboveCeiling = true;
        uint256 freeBps = ((total - locked) * 10_000) / total;
        if (freeBps < worstFreeBpsAfterSale) worstFreeBpsAfterSale = freeBps;
    }

    /// @dev The market's own quote is the sale precheck: (false, 0) where `buyCover` would revert.
    function _quote(uint256 id, uint256 strike, uint256 payout, uint256 duration) internal view returns (bool, uint256) {
        try market.quote(id, strike, payout, duration) returns (uint256 q) {
            return (true, q);
        } catch {
            return (false, 0);
        }
    }

    /// @notice Crashes (or spikes) the price through the strike of a cover inside its window with as many
    ///         rounds as its product needs, then claims it for its current holder (from a keeper).
    function claim(uint256 seed) external {
        uint256 n = tokenIds.length;
        for (uint256 k; k < n; ++k) {
            uint256 tokenId = tokenIds[(seed % n + k) % n];
            Ghost memory g = ghost[tokenId];
            if (g.claimed || g.released) continue;
            if (block.timestamp < g.start + 5 minutes || block.timestamp > g.end) continue;
            _claimNow(tokenId, g, seed);
            return;
        }
        // None inside its window now: move to the soonest activation of an unclaimed cover, if any.
        uint256 soonest;
        uint256 soonestAt = type(uint256).max;
        for (uint256 k; k < n; ++k) {
            Ghost memory g = ghost[tokenIds[k]];
            uint256 at = g.start + 5 minutes;
            if (!g.claimed && !g.released && at > block.timestamp && at <= g.end && at < soonestAt) {
                (soonest, soonestAt) = (tokenIds[k], at);
            }
        }
        if (soonestAt == type(uint256).max) {
            ++skipped["claim"];
            return;
        }
        vm.warp(soonestAt);
        _claimNow(soonest, ghost[soonest], seed);
    }

    function _claimNow(uint256 tokenId, Ghost memory g, uint256 seed) internal {
        uint256 answer =
            g.product == upId ? g.strike + (g.strike * (seed % 100)) / 10_000 : g.strike - (g.strike * (seed % 100)) / 10_000;
        uint256 confirmations = g.product == down3Id ? 3 : 2;
        uint80 first = _publish(answer);
        for (uint256 i = 1; i < confirmations; ++i) {
            _publish(answer);
        }
        address holder = market.ownerOf(tokenId);
        uint256 before = usdc.balanceOf(holder);
        vm.prank(address(0x4EE9E4));
        market.claim(tokenId, first);
        if (usdc.balanceOf(holder) != before + g.payout) ghostWrongRecipient = true;
        ghost[tokenId].claimed = true;
        ghostClaimsPaid += g.payout;
        ++ok["claim"];
    }

    /// @notice Releases a cover past its claim deadline (before or after its release day).
    function release(uint256 seed) external {
        uint256 n = tokenIds.length;
        for (uint256 k; k < n; ++k) {
            uint256 tokenId = tokenIds[(seed % n + k) % n];
            Ghost memory g = ghost[tokenId];
            if (g.claimed || g.released || block.timestamp <= g.end + 1 days) continue;
            uint256 lockedBefore = pool.lockedAssets();
            uint256 freed = market.release(tokenId);
            bool early = block.timestamp < g.releaseDay * DAY;
            if (freed != (early ? g.payout : 0) || pool.lockedAssets() != lockedBefore - freed) ghostWrongRecipient = true;
            ghost[tokenId].released = true;
            ++ok["release"];
            return;
        }
        ++skipped["release"];
    }

    /// @notice Transfers a cover between actors (claims must then pay the new holder). Claimed and released
    ///         covers are frozen: they cannot move (checked: a transfer of one reverts).
    function transfer(uint256 seed, uint256 toSeed) external {
        uint256 n = tokenIds.length;
        uint256 tokenId;
        for (uint256 k; k < n; ++k) {
            uint256 id = tokenIds[(seed % n + k) % n];
            Ghost memory g = ghost[id];
            if (g.claimed || g.released) {
                address holder = market.ownerOf(id);
                vm.prank(holder);
                try market.transferFrom(holder, actors[toSeed % actors.length], id) {
                    ghostWrongRecipient = true; // a spent cover moved
                } catch {}
                continue;
            }
            tokenId = id;
            break;
        }
        if (tokenId == 0) {
            ++skipped["transfer"];
            return;
        }
        address from = market.ownerOf(tokenId);
        address to = actors[toSeed % actors.length];
        vm.prank(from);
        market.transferFrom(from, to, tokenId);
        ++ok["transfer"];
    }

    /// @notice Time passes (1 minute – 2 days) and a new price is published (a ±8 % random walk kept in
    ///         [1,000, 6,000]); σ folds it and the pool walks its day buckets (expired locks release).
    function warp(uint256 dt, uint256 move) external {
        dt = bound(dt, 1 minutes, 2 days);
        vm.warp(block.timestamp + dt);
        uint256 spot = _spot();
        uint256 next = (spot * (0.92e18 + bound(move, 0, 0.16e18))) / 1e18;
        if (next < 1000e8) next = 1000e8;
        if (next > 6000e8) next = 6000e8;
        _publish(next);
        pool.checkpoint();
        ++ok["warp"];
    }

    /// @notice A venue shortfall right after whatever sales came before: Junior (this pool) must pay its
    ///         first loss from free capital up to its cap, and that free capital is at least
    ///         (1 − ceiling) × capital — unless earlier shortfalls already drew it down (then sales stop).
    function shortfall(uint256 amount) external {
        (uint256 total, uint256 locked, uint256 ceiling) = pool.underwritingCapital();
        uint256 free = total - locked;
        (,,, uint256 available, uint256 capBps) = waterfall.layerState(IShortfallWaterfall.Layer.Junior);
        amount = bound(amount, 1e6, total);
        (uint256 juniorPaid,,,) = waterfall.absorbShortfall(amount);
        uint256 expected = amount < available ? amount : available;
        if (juniorPaid != expected) ghostReserveBroken = true;
        // Right after sales only (no shortfall drew the reserve this window): the reserve is whole.
        if (locked * 10_000 <= ceiling * total) {
            uint256 reserveCap = ((total * (10_000 - ceiling)) / 10_000 * capBps) / 10_000;
            uint256 floor = amount < reserveCap ? amount : reserveCap;
            // Junior's cap counts what it paid in the window; before any draw today it is the full cap.
            (, uint256 used,,,) = waterfall.layerState(IShortfallWaterfall.Layer.Junior);
            if (used == juniorPaid && juniorPaid < floor) ghostReserveBroken = true;
            if (free * 10_000 < (10_000 - ceiling) * total) ghostReserveBroken = true;
        }
        ghostShortfallsPaid += juniorPaid;
        ++ok["shortfall"];
    }

    /// @notice An underwriter adds capital (keeps capacity for sales).
    function deposit(uint256 actorSeed, uint256 assets) external {
        address a = actors[actorSeed % actors.length];
        assets = bound(assets, 1_000e6, 500_000e6);
        // A shortfall can push Junior's share price below the floor, and then the layer is closed to deposits
        // (maxDeposit 0, a deposit reverts BackstopPoolSharePriceBelowFloor): a deposit it allows must pass.
        if (pool.maxDeposit(a) < assets || pool.previewDeposit(assets) == 0) {
            ++skipped["deposit"];
            return;
        }
        vm.prank(a);
        pool.deposit(assets, a);
        ghostDeposits += assets;
        ++ok["deposit"];
    }
}
