// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ShortfallWaterfallBase} from "./ShortfallWaterfallBase.t.sol";
import {ShortfallWaterfall} from "../src/ShortfallWaterfall.sol";
import {IRecapitalizer} from "../src/interfaces/IRecapitalizer.sol";
import {IShortfallWaterfall} from "../src/interfaces/IShortfallWaterfall.sol";
import {Recapitalizer} from "../src/Recapitalizer.sol";
import {AuctionMath} from "../src/libraries/AuctionMath.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice Recapitalizer on the real waterfall and pools: opened only by the waterfall for a real
///         uncovered shortfall, the Dutch price curve and its floor, the mint cap per event, proceeds to
///         the venue, settlement and the exact ADL remainder, top-ups, governance bounds.
contract RecapitalizerTest is ShortfallWaterfallBase {
    event BksPurchased(
        uint256 indexed auctionId,
        address indexed buyer,
        uint256 price,
        uint256 paid,
        uint256 bksOut,
        uint256 raised,
        uint256 minted,
        uint256 dilutionWad
    );
    event AuctionSettled(
        uint256 indexed auctionId,
        address indexed venue,
        uint256 target,
        uint256 raised,
        uint256 unraised,
        uint256 minted,
        uint256 dilutionWad
    );
    event AuctionToppedUp(uint256 indexed auctionId, address indexed venue, uint256 added, uint256 target);

    /// @dev What Junior + Senior can pay at most from the initial state (50 % and 25 %).
    uint256 internal constant LAYERS = JUNIOR_CAPITAL / 2 + SENIOR_CAPITAL / 4;
    uint256 internal constant MINT_CAP = INITIAL_BKS * MAX_MINT_BPS / 10_000;

    /// @dev Opens auction 1 with a target of `uncovered`.
    function _open(uint256 uncovered) internal returns (uint256 j, uint256 s, uint256 r, uint256 rem) {
        (j, s, r, rem) = _absorb(venue, LAYERS + uncovered);
        assertEq(r, uncovered, "recap target");
    }

    // ================================================================== opening (test 7)

    function test_openAuction_OnlyTheWaterfall() public {
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerNotWaterfall.selector, venue));
        vm.prank(venue);
        recap.openAuction(venue, 1e6);
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerNotWaterfall.selector, gov));
        vm.prank(gov);
        recap.openAuction(venue, 1e6);
    }

    function test_OnlyForARealUncoveredShortfall() public {
        (,, uint256 r,) = _absorb(venue, LAYERS); // exactly what the layers can pay
        assertEq(r, 0, "covered: nothing to recapitalize");
        assertEq(recap.auctionCount(), 0, "no auction");
        assertEq(bks.totalSupply(), INITIAL_BKS, "no mint");
        vm.warp(block.timestamp + 3 days); // caps reset; a fresh layer cap again covers the next
        (,, r,) = _absorb(venue, 1e6);
        assertEq(recap.auctionCount(), 0, "still no auction");
    }

    function test_OneUnitUncovered_OpensAuctionForOneUnit() public {
        _open(1);
        Recapitalizer.Auction memory a = recap.auction(1);
        assertEq(a.target, 1, "target is the uncovered unit");
        assertEq(a.startPrice, START_PRICE, "start");
        assertEq(a.floorPrice, FLOOR_PRICE, "floor");
        assertEq(a.duration, AUCTION_DURATION, "duration");
        assertEq(a.supplyBefore, INITIAL_BKS, "supply before");
        assertEq(a.mintCap, MINT_CAP, "5% of supply");
        assertEq(recap.currentAuctionOf(venue), 1, "venue's auction");
    }

    function test_NoSupply_NoAuction_AllRemainder() public {
        Recapitalizer empty =
            new Recapitalizer(address(wf), IERC20(address(usdc)), gov, treasury, 0, START_PRICE, FLOOR_PRICE, 1 hours, 500);
        vm.prank(gov);
        wf.setRecapitalizer(IRecapitalizer(address(empty)));
        (uint256 j, uint256 s, uint256 r, uint256 rem) = _absorb(venue, LAYERS + 1_000e6);
        assertEq(r, 0, "nothing accepted (a 0 mint cap could raise nothing)");
        assertEq(rem, 1_000e6, "remainder");
        assertEq(j + s, LAYERS, "layers");
        assertEq(empty.auctionCount(), 0, "no auction");
    }

    // ================================================================== price curve

    function test_Price_StartMidFloor() public {
        _open(100_000e6);
        assertEq(recap.currentPrice(1), START_PRICE, "start");
        vm.warp(T0 + AUCTION_DURATION / 2);
        assertEq(recap.currentPrice(1), (START_PRICE + FLOOR_PRICE) / 2, "halfway");
        vm.warp(T0 + AUCTION_DURATION / 3);
        // floor + ceil(1.5e6 × 2/3) = 0.5e6 + 1e6
        assertEq(recap.currentPrice(1), 1_500_000, "a third");
        vm.warp(T0 + 1);
        // floor + ceil(1.5e6 × 43199 / 43200) = 0.5e6 + ceil(1499965.27…) = 1999966 (rounded up)
        assertEq(recap.currentPrice(1), 1_999_966, "rounded up");
        vm.warp(T0 + AUCTION_DURATION);
        assertEq(recap.currentPrice(1), FLOOR_PRICE, "floor at the end");
        vm.warp(T0 + 30 days);
        assertEq(recap.currentPrice(1), FLOOR_PRICE, "floor after");
    }

    function testFuzz_Price_NeverBelowFloor_NeverRises(uint256 t1, uint256 t2) public {
        _open(100_000e6);
        t1 = bound(t1, 0, 2 * AUCTION_DURATION);
        t2 = bound(t2, t1, 2 * AUCTION_DURATION);
        vm.warp(T0 + t1);
        uint256 p1 = recap.currentPrice(1);
        vm.warp(T0 + t2);
        uint256 p2 = recap.currentPrice(1);
        assertGe(p2, FLOOR_PRICE, "never below the floor");
        assertLe(p1, START_PRICE, "never above the start");
        assertLe(p2, p1, "never rises");
        // Rounded up: never below the exact curve.
        uint256 exactTimesD =
            FLOOR_PRICE * AUCTION_DURATION + (START_PRICE - FLOOR_PRICE) * (t2 >= AUCTION_DURATION ? 0 : AUCTION_DURATION - t2);
        assertGe(p2 * AUCTION_DURATION, exactTimesD, "at or above the exact curve");
        assertLt(p2 * AUCTION_DURATION, exactTimesD + AUCTION_DURATION, "by less than one unit");
    }

    // ================================================================== buys and the mint cap (test 7)

    function test_Buy_PaysTheVenue_MintsTheBuyer_EmitsDilution() public {
        _open(100_000e6);
        uint256 vBefore = usdc.balanceOf(venue);
        uint256 out = 10_000e6 * 1e18 / START_PRICE;
        _fund(buyer, 10_000e6);
        vm.prank(buyer);
        usdc.approve(address(recap), 10_000e6);
        vm.expectEmit(address(recap));
        emit BksPurchased(1, buyer, START_PRICE, 10_000e6, out, 10_000e6, out, out * 1e18 / INITIAL_BKS);
        vm.prank(buyer);
        (uint256 paid, uint256 bksOut) = recap.buy(1, 10_000e6, START_PRICE);
        assertEq(paid, 10_000e6, "paid");
        assertEq(bksOut, out, "bks out");
        assertEq(bks.balanceOf(buyer), out, "minted to the buyer");
        assertEq(usdc.balanceOf(venue) - vBefore, paid, "proceeds straight to the venue");
        assertEq(usdc.balanceOf(address(recap)), 0, "recapitalizer holds nothing");
    }

    function test_Buy_FillsTheTarget_SettlesWithNothingUnraised() public {
        (uint256 j, uint256 s,, uint256 rem) = _open(100_000e6);
        _fund(buyer, 250_000e6);
        vm.prank(buyer);
        usdc.approve(address(recap), 250_000e6);
        vm.expectEmit(address(recap));
        emit AuctionSettled(1, venue, 100_000e6, 100_000e6, 0, 50_000e18, 50_000e18 * 1e18 / INITIAL_BKS);
        vm.prank(buyer);
        (uint256 paid, uint256 out) = recap.buy(1, 250_000e6, START_PRICE); // offers more than needed
        assertEq(paid, 100_000e6, "only the target");
        assertEq(out, 50_000e18, "at the start price");
        assertTrue(recap.auction(1).settled, "settled at once");
        assertEq(recap.currentAuctionOf(venue), 0, "no current auction");
        assertEq(usdc.balanceOf(venue), j + s + paid, "venue: layers + proceeds");
        assertEq(rem, 0, "no remainder");
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerAuctionClosed.selector, 1));
        vm.prank(buyer);
        recap.buy(1, 1e6, type(uint256).max);
    }

    /// @dev The floor and the mint cap bind: the auction raises floor × cap and the venue socialises the
    ///      exact rest. Every unit of the shortfall is accounted for.
    function test_MintCapBinds_AdlRemainderExact() public {
        uint256 amount = LAYERS + 400_000e6;
        (uint256 j, uint256 s, uint256 r, uint256 rem) = _absorb(venue, amount);
        vm.warp(T0 + AUCTION_DURATION); // at the floor
        (uint256 paid, uint256 out) = _buy(buyer, 1, 400_000e6);
        assertEq(out, MINT_CAP, "capped at 5% of supply");
        assertEq(paid, MINT_CAP * FLOOR_PRICE / 1e18, "at the floor");
        Recapitalizer.Auction memory a = recap.auction(1);
        assertTrue(a.settled, "cap reached: settled");
        uint256 unraised = a.target - a.raised;
        assertEq(unraised, 400_000e6 - 250_000e6, "unraised");
        assertEq(j + s + a.raised + rem + unraised, amount, "ADL remainder exact");
        assertEq(usdc.balanceOf(venue), j + s + a.raised, "venue received the covered part");
        assertEq(bks.totalSupply(), INITIAL_BKS + MINT_CAP, "supply +5%");
        r;
    }

    function test_Expired_SettleReturnsTheUnraised() public {
        _open(300_000e6);
        _buy(buyer, 1, 50_000e6);
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerAuctionOpen.selector, 1, T0 + AUCTION_DURATION));
        recap.settle(1);
        vm.warp(T0 + AUCTION_DURATION); // last second: still open at the floor
        assertTrue(recap.isOpen(1), "open at the end");
        vm.warp(T0 + AUCTION_DURATION + 1);
        assertFalse(recap.isOpen(1), "closed after");
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerAuctionClosed.selector, 1));
        vm.prank(buyer);
        recap.buy(1, 1e6, type(uint256).max);
        vm.prank(venue);
        uint256 unraised = recap.settle(1);
        assertEq(unraised, 250_000e6, "target - raised");
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerAuctionSettled.selector, 1));
        recap.settle(1);
    }

    function testFuzz_Buys_NeverMintBeyondCap_NeverBelowFloor(uint256 uncovered, uint256[8] memory ins, uint256[8] memory waits)
        public
    {
        uncovered = bound(uncovered, 1, 3_000_000e6);
        _open(uncovered);
        uint256 vBefore = usdc.balanceOf(venue);
        uint256 minted;
        uint256 raised;
        for (uint256 i; i < 8; ++i) {
            vm.warp(block.timestamp + bound(waits[i], 0, 2 hours));
            if (!recap.isOpen(1)) break;
            uint256 price = recap.currentPrice(1);
            uint256 stableIn = bound(ins[i], price / 1e18 + 1, 1_000_000e6);
            (uint256 paid, uint256 out) = _buy(buyer, 1, stableIn);
            assertGe(paid * 1e18, out * FLOOR_PRICE, "never below the floor");
            assertGe(paid * 1e18, out * price, "never below the current price");
            assertLe(paid, stableIn, "never more than offered");
            minted += out;
            raised += paid;
        }
        Recapitalizer.Auction memory a = recap.auction(1);
        assertLe(a.minted, a.mintCap, "minted <= cap");
        assertEq(a.mintCap, MINT_CAP, "cap");
        assertEq(a.minted, minted, "minted tracked");
        assertLe(a.raised, a.target, "raised <= target");
        assertEq(a.raised, raised, "raised tracked");
        assertEq(bks.totalSupply() - INITIAL_BKS, minted, "supply grew by exactly the minted");
        assertEq(usdc.balanceOf(venue) - vBefore, raised, "venue got every unit raised");
    }

    function test_buy_Reverts() public {
        _open(100_000e6);
        _fund(buyer, 10e6);
        vm.startPrank(buyer);
        usdc.approve(address(recap), 10e6);
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerPriceAboveMax.selector, START_PRICE, START_PRICE - 1));
        recap.buy(1, 1e6, START_PRICE - 1);
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerZeroOut.selector, 0, START_PRICE));
        recap.buy(1, 0, START_PRICE);
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerUnknownAuction.selector, 7));
        recap.buy(7, 1e6, START_PRICE);
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerUnknownAuction.selector, 7));
        recap.settle(7);
    }

    // ================================================================== several shortfalls

    function test_SecondShortfallWhileOpen_TopsUp() public {
        _open(100_000e6);
        vm.warp(T0 + 1 hours);
        vm.expectEmit(address(recap));
        emit AuctionToppedUp(1, venue, 70_000e6, 170_000e6);
        (uint256 j, uint256 s, uint256 r,) = _absorb(venue, 70_000e6); // layers exhausted in this window
        assertEq(j + s, 0, "layers exhausted");
        assertEq(r, 70_000e6, "to the open auction");
        assertEq(recap.auctionCount(), 1, "same auction: same mint cap per event");
        assertEq(recap.auction(1).target, 170_000e6, "target topped up");
        assertEq(recap.auction(1).mintCap, MINT_CAP, "mint cap unchanged");
    }

    function test_FinishedUnsettledAuction_SettledWhenTheNextOpens() public {
        _open(100_000e6);
        vm.warp(T0 + AUCTION_DURATION + 1);
        vm.prank(gov);
        wf.setLayerCapBps(IShortfallWaterfall.Layer.Junior, 100); // keep the layers nearly out of the way
        (uint256 j, uint256 s, uint256 r,) = _absorb(venue, 1_000_000e6);
        assertTrue(recap.auction(1).settled, "previous settled");
        assertEq(recap.auctionCount(), 2, "a new event");
        assertEq(recap.auction(2).target, r, "new target");
        assertEq(recap.auction(2).supplyBefore, INITIAL_BKS, "its own supply snapshot");
        assertEq(j + s + r, 1_000_000e6, "split");
    }

    function test_VenuesHaveSeparateAuctions() public {
        vm.prank(gov);
        wf.setVenue(venue2, EXPOSURE_CAP);
        _open(100_000e6);
        (,, uint256 r,) = _absorb(venue2, 50_000e6);
        assertEq(r, 50_000e6, "venue2 recap");
        assertEq(recap.auction(2).venue, venue2, "own auction");
        _buy(buyer, 2, 50_000e6);
        assertEq(usdc.balanceOf(venue2), 50_000e6, "venue2 got its own proceeds");
    }

    // ================================================================== governance (test 8)

    function test_Setters_RejectOutOfBounds() public {
        vm.startPrank(gov);
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerFloorPriceOutOfBounds.selector, 0, 1, 1e30));
        recap.setPrices(1e6, 0);
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerFloorPriceOutOfBounds.selector, 1e30 + 1, 1, 1e30));
        recap.setPrices(1e31, 1e30 + 1);
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerStartPriceOutOfBounds.selector, 1e6 - 1, 1e6, 100e6));
        recap.setPrices(1e6 - 1, 1e6);
        vm.expectRevert(
            abi.encodeWithSelector(Recapitalizer.RecapitalizerStartPriceOutOfBounds.selector, 100e6 + 1, 1e6, 100e6)
        );
        recap.setPrices(100e6 + 1, 1e6);
        vm.expectRevert(
            abi.encodeWithSelector(Recapitalizer.RecapitalizerDurationOutOfBounds.selector, 1 hours - 1, 1 hours, 7 days)
        );
        recap.setDuration(1 hours - 1);
        vm.expectRevert(
            abi.encodeWithSelector(Recapitalizer.RecapitalizerDurationOutOfBounds.selector, 7 days + 1, 1 hours, 7 days)
        );
        recap.setDuration(7 days + 1);
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerMaxMintBpsOutOfBounds.selector, 0, 1, 2_000));
        recap.setMaxMintBps(0);
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerMaxMintBpsOutOfBounds.selector, 2_001, 1, 2_000));
        recap.setMaxMintBps(2_001);
        // The bounds themselves are accepted.
        recap.setPrices(100e6, 1e6);
        recap.setDuration(7 days);
        recap.setMaxMintBps(2_000);
        vm.stopPrank();
        (uint256 sp, uint256 fp, uint256 d, uint256 bps) = recap.params();
        assertEq(sp, 100e6, "start");
        assertEq(fp, 1e6, "floor");
        assertEq(d, 7 days, "duration");
        assertEq(bps, 2_000, "bps");
    }

    function test_Setters_OnlyOwner_AndOnlyForLaterAuctions() public {
        vm.startPrank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        recap.setPrices(2e6, 1e6);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        recap.setDuration(1 days);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        recap.setMaxMintBps(1);
        vm.stopPrank();
        _open(100_000e6);
        vm.startPrank(gov);
        recap.setPrices(10e6, 5e6);
        recap.setMaxMintBps(1);
        vm.stopPrank();
        assertEq(recap.currentPrice(1), START_PRICE, "running auction keeps its curve");
        assertEq(recap.auction(1).mintCap, MINT_CAP, "and its cap");
    }

    function test_Constructor_RejectsOutOfBounds() public {
        vm.expectRevert(abi.encodeWithSelector(Recapitalizer.RecapitalizerMaxMintBpsOutOfBounds.selector, 5_000, 1, 2_000));
        new Recapitalizer(address(wf), IERC20(address(usdc)), gov, treasury, 1e18, 2e6, 1e6, 1 hours, 5_000);
        vm.expectRevert(Recapitalizer.RecapitalizerZeroAddress.selector);
        new Recapitalizer(address(0), IERC20(address(usdc)), gov, treasury, 1e18, 2e6, 1e6, 1 hours, 1);
    }

    // ================================================================== AuctionMath edges

    function testFuzz_quoteBuy_RoundsForTheProtocol(uint256 stableIn, uint256 price, uint256 target, uint256 mintLeft)
        public
        pure
    {
        stableIn = bound(stableIn, 0, 1e30);
        price = bound(price, 1, 1e30);
        target = bound(target, 0, 1e30);
        mintLeft = bound(mintLeft, 0, 1e40);
        (uint256 paid, uint256 out) = AuctionMath.quoteBuyBksDownPaidUp(stableIn, price, target, mintLeft);
        assertLe(paid, stableIn, "paid <= offered");
        assertLe(paid, target, "paid <= target");
        assertLe(out, mintLeft, "out <= mint left");
        assertGe(paid * 1e18, out * price, "effective price >= price");
    }
}
