// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {BackstopPool} from "../../src/BackstopPool.sol";
import {TestUSDC} from "../../src/mocks/TestUSDC.sol";
import {ShortfallWaterfall} from "../../src/ShortfallWaterfall.sol";
import {IShortfallWaterfall} from "../../src/interfaces/IShortfallWaterfall.sol";
import {Recapitalizer} from "../../src/Recapitalizer.sol";
import {PoolMarketHarness} from "../harness/PoolMarketHarness.sol";

/// @notice Drives the waterfall stack (two real BackstopPools, ShortfallWaterfall, Recapitalizer, BKS)
///         with bounded inputs so every call does something (fail_on_revert is on): shortfalls from two
///         venues (one with a small exposure cap), fees, auction buys, settlements, deposits, cover locks
///         and time warps. A call with no valid input in the current state returns early and is counted
///         as skipped (a buy while the rolling mint budget is spent, too). Ghosts record every draw and
///         every mint (for the rolling 24 h checks) and every split.
contract WaterfallHandler is Test {
    BackstopPool public immutable juniorPool;
    BackstopPool public immutable seniorPool;
    TestUSDC public immutable usdc;
    ShortfallWaterfall public immutable wf;
    Recapitalizer public immutable recap;
    PoolMarketHarness public immutable juniorMarket;

    address[2] public venues;
    address[3] internal buyers = [address(0xB001), address(0xB002), address(0xB003)];
    address internal constant LP = address(0x1A1A);

    // ghosts per venue (index 0/1)
    uint256[2] public ghostShortfall; // Σ amount reported
    uint256[2] public ghostLayersPaid; // Σ junior + senior
    uint256[2] public ghostRecap; // Σ recapitalization accepted
    uint256[2] public ghostRemainder; // Σ remainder returned at once
    uint256[2] public ghostFeesPaid;
    uint256 public ghostMinted;
    uint256 public ghostFeesToJunior;
    uint256 public ghostFeesToSenior;

    // every draw, for the trailing 24 h check
    uint256[] internal _drawAt;
    uint256[] internal _drawJunior;
    uint256[] internal _drawSenior;
    bool public ghostCapBreached;
    string public ghostCapBreachWhere;
    bool public ghostSplitBroken;

    // every BKS mint, for the trailing 24 h dilution check
    uint256 public immutable initialBks;
    uint256[] internal _mintAt;
    uint256[] internal _mintAmount;
    bool public ghostMintBoundBreached;
    string public ghostMintBreachWhere;
    /// @dev Buys the rolling budget cut below what the buyer offered and the auction could still mint.
    uint256 public ghostBudgetCuts;
    /// @dev Buys skipped because the rolling budget was spent (part of `skipped["buy"]`).
    uint256 public ghostBudgetSpentSkips;
    /// @dev Most BKS minted inside any 24 h interval, in basis points of the supply at its start.
    uint256 public ghostMaxDilutionBps;

    mapping(bytes32 => uint256) public ok;
    mapping(bytes32 => uint256) public skipped;
    bytes32[] public names;

    constructor(
        BackstopPool juniorPool_,
        BackstopPool seniorPool_,
        TestUSDC usdc_,
        ShortfallWaterfall wf_,
        Recapitalizer recap_,
        PoolMarketHarness juniorMarket_,
        address venueA,
        address venueB
    ) {
        juniorPool = juniorPool_;
        seniorPool = seniorPool_;
        usdc = usdc_;
        wf = wf_;
        recap = recap_;
        juniorMarket = juniorMarket_;
        initialBks = recap_.bks().totalSupply();
        venues = [venueA, venueB];
        for (uint256 i; i < 3; ++i) {
            vm.prank(buyers[i]);
            usdc.approve(address(recap_), type(uint256).max);
        }
        for (uint256 i; i < 2; ++i) {
            vm.prank(venues[i]);
            usdc.approve(address(wf_), type(uint256).max);
        }
        vm.startPrank(LP);
        usdc.approve(address(juniorPool_), type(uint256).max);
        usdc.approve(address(seniorPool_), type(uint256).max);
        vm.stopPrank();
        names = [bytes32("absorbShortfall"), "distributeFees", "buy", "settle", "deposit", "lock", "warp"];
    }

    function nameCount() external view returns (uint256) {
        return names.length;
    }

    function drawCount() external view returns (uint256) {
        return _drawAt.length;
    }

    function mintCount() external view returns (uint256) {
        return _mintAt.length;
    }

    function totals() external view returns (uint256 okTotal, uint256 skippedTotal) {
        for (uint256 i; i < names.length; ++i) {
            okTotal += ok[names[i]];
            skippedTotal += skipped[names[i]];
        }
    }

    function _give(address who, uint256 amount) internal {
        vm.store(address(usdc), keccak256(abi.encode(who, uint256(0))), bytes32(usdc.balanceOf(who) + amount));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + amount));
    }

    /// @dev Keeps the pools' bucket walk within its bound (a > 90-day idle pool refuses streamed fees).
    function _checkpoints() internal {
        if (juniorPool.pendingDays() > 60) juniorPool.checkpoint();
        if (seniorPool.pendingDays() > 60) seniorPool.checkpoint();
    }

    // ------------------------------------------------------------------ handlers

    function absorbShortfall(uint256 venueSeed, uint256 amount) external {
        uint256 vi = venueSeed % 2;
        address v = venues[vi];
        amount = bound(amount, 1, 3_000_000e6);
        uint256 vBal = usdc.balanceOf(v);
        vm.prank(v);
        (uint256 j, uint256 s, uint256 r, uint256 rem) = wf.absorbShortfall(amount);
        if (j + s + r + rem != amount) ghostSplitBroken = true;
        if (usdc.balanceOf(v) - vBal != j + s) ghostSplitBroken = true;
        ghostShortfall[vi] += amount;
        ghostLayersPaid[vi] += j + s;
        ghostRecap[vi] += r;
        ghostRemainder[vi] += rem;
        if (j + s > 0) {
            _drawAt.push(block.timestamp);
            _drawJunior.push(j);
            _drawSenior.push(s);
            _checkTrailing24h(j > 0, s > 0);
        }
        ++ok["absorbShortfall"];
    }

    /// @dev For the 24 h interval ending at a layer's draw: the layer's draws D in it and its free capital
    ///      F right after satisfy D × 10000 ≤ capBps × (F + D) (see WaterfallMath). Checked only for a
    ///      layer that drew in this call: a later lock or withdrawal lowers F legitimately.
    function _checkTrailing24h(bool juniorDrew, bool seniorDrew) internal {
        uint256 jD;
        uint256 sD;
        for (uint256 i = _drawAt.length; i > 0; --i) {
            if (_drawAt[i - 1] + 1 days <= block.timestamp) break;
            jD += _drawJunior[i - 1];
            sD += _drawSenior[i - 1];
        }
        uint256 jF = juniorPool.freeAssets();
        uint256 sF = seniorPool.freeAssets();
        if (juniorDrew && jD * 10_000 > wf.layerCapBps(IShortfallWaterfall.Layer.Junior) * (jF + jD)) {
            ghostCapBreached = true;
            ghostCapBreachWhere = string.concat("junior D=", vm.toString(jD), " F=", vm.toString(jF));
        }
        if (seniorDrew && sD * 10_000 > wf.layerCapBps(IShortfallWaterfall.Layer.Senior) * (sF + sD)) {
            ghostCapBreached = true;
            ghostCapBreachWhere = string.concat("senior D=", vm.toString(sD), " F=", vm.toString(sF));
        }
    }

    function distributeFees(uint256 venueSeed, uint256 amount) external {
        uint256 vi = venueSeed % 2;
        address v = venues[vi];
        amount = bound(amount, 1, 1_000_000e6);
        _checkpoints();
        _give(v, amount);
        uint256 jBal = usdc.balanceOf(address(juniorPool));
        uint256 sBal = usdc.balanceOf(address(seniorPool));
        vm.prank(v);
        (uint256 j, uint256 s) = wf.distributeFees(amount);
        if (j + s != amount) ghostSplitBroken = true;
        if (usdc.balanceOf(address(juniorPool)) - jBal != j || usdc.balanceOf(address(seniorPool)) - sBal != s) {
            ghostSplitBroken = true;
        }
        ghostFeesPaid[vi] += amount;
        ghostFeesToJunior += j;
        ghostFeesToSenior += s;
        ++ok["distributeFees"];
    }

    function buy(uint256 venueSeed, uint256 buyerSeed, uint256 stableIn) external {
        address v = venues[venueSeed % 2];
        uint256 id = recap.currentAuctionOf(v);
        if (id == 0 || !recap.isOpen(id)) {
            id = recap.currentAuctionOf(venues[(venueSeed % 2 + 1) % 2]);
            if (id == 0 || !recap.isOpen(id)) {
                ++skipped["buy"];
                return;
            }
        }
        (,, uint256 budgetLeft,) = recap.mintBudget();
        if (budgetLeft == 0) {
            ++skipped["buy"]; // the rolling 24 h budget is spent: the contract refuses any buy
            ++ghostBudgetSpentSkips;
            return;
        }
        address b = buyers[buyerSeed % 3];
        uint256 price = recap.currentPrice(id);
        stableIn = bound(stableIn, price / 1e18 + 1, 1_500_000e6);
        _give(b, stableIn);
        uint256 supply = recap.bks().totalSupply();
        Recapitalizer.Auction memory a = recap.auction(id);
        vm.prank(b);
        (, uint256 out) = recap.buy(id, stableIn, price);
        ghostMinted += out;
        assertEq(recap.bks().totalSupply(), supply + out, "supply grew by out");
        assertLe(out, budgetLeft, "minted beyond the rolling budget left");
        if (out == budgetLeft && out < a.mintCap - a.minted) ++ghostBudgetCuts;
        _mintAt.push(block.timestamp);
        _mintAmount.push(out);
        _checkMints24h();
        ++ok["buy"];
    }

    /// @dev The 24 h interval [now − 86,399, now] ending at this mint: BKS minted in it × 10000 ≤
    ///      maxMintBps × the supply before it began (initial + everything minted earlier). Intervals ending
    ///      at a mint dominate every other 24 h interval (see `Recapitalizer`), so checking each of them
    ///      at its mint checks all.
    function _checkMints24h() internal {
        uint256 start = block.timestamp + 1 - 1 days;
        uint256 inside;
        for (uint256 i = _mintAt.length; i > 0; --i) {
            if (_mintAt[i - 1] < start) break;
            inside += _mintAmount[i - 1];
        }
        uint256 supplyAtStart = initialBks + ghostMinted - inside;
        (,,, uint256 bps) = recap.params();
        uint256 dilutionBps = inside * 10_000 / supplyAtStart;
        if (dilutionBps > ghostMaxDilutionBps) ghostMaxDilutionBps = dilutionBps;
        if (inside * 10_000 > bps * supplyAtStart) {
            ghostMintBoundBreached = true;
            ghostMintBreachWhere =
                string.concat("minted ", vm.toString(inside), " in 24 h on a supply of ", vm.toString(supplyAtStart));
        }
    }

    function settle(uint256 venueSeed) external {
        address v = venues[venueSeed % 2];
        uint256 id = recap.currentAuctionOf(v);
        if (id == 0 || recap.isOpen(id)) {
            ++skipped["settle"];
            return;
        }
        Recapitalizer.Auction memory a = recap.auction(id);
        uint256 unraised = recap.settle(id);
        assertEq(unraised + a.raised, a.target, "raised + unraised == target");
        ++ok["settle"];
    }

    function deposit(uint256 layerSeed, uint256 assets) external {
        BackstopPool pool = layerSeed % 2 == 0 ? juniorPool : seniorPool;
        assets = bound(assets, 1e6, 300_000e6);
        _checkpoints();
        _give(LP, assets);
        vm.prank(LP);
        pool.deposit(assets, LP);
        ++ok["deposit"];
    }

    function lock(uint256 amount, uint256 term) external {
        uint256 free = juniorPool.freeAssets();
        if (free < 2) {
            ++skipped["lock"];
            return;
        }
        _checkpoints();
        // At most half the free capital, and under the utilization ceiling (the pool refuses above it).
        (uint256 total, uint256 locked, uint256 ceiling) = juniorPool.underwritingCapital();
        uint256 maxLocked = (total * ceiling) / 10_000;
        uint256 room = maxLocked > locked ? maxLocked - locked : 0;
        if (room == 0) {
            ++skipped["lock"];
            return;
        }
        amount = bound(amount, 1, free / 2 < room ? free / 2 : room);
        juniorMarket.lock(amount, block.timestamp + bound(term, 1 hours, 20 days));
        ++ok["lock"];
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 12 hours));
        ++ok["warp"];
    }
}
