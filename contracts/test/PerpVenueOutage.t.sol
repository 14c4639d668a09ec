// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PerpVenueBase} from "./PerpVenueBase.t.sol";
import {IPerpVenue} from "../src/interfaces/IPerpVenue.sol";
import {PerpVenue} from "../src/PerpVenue.sol";
import {MockAggregator} from "../src/mocks/MockAggregator.sol";
import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";

/// @notice A stale feed, a stale σ or an L2 sequencer outage block opening, removing margin and liquidating,
///         never closing, reducing or adding margin.
contract PerpVenueOutageTest is PerpVenueBase {
    uint256 internal constant SEQ_GRACE = 1 hours;
    MockAggregator internal seq;
    PerpVenue internal l2;

    function setUp() public override {
        super.setUp();
        _open(alice, true, 10 * ETH, 5_000e6);
        seq = new MockAggregator(0, "L2 Sequencer Uptime", address(this));
        seq.pushAnswerAt(0, block.timestamp - 2 hours, block.timestamp - 2 hours); // up for 2 h
        l2 = _newVenue(AggregatorV3Interface(address(seq)), SEQ_GRACE);
        _fund(address(this), HOUSE);
        usdc.approve(address(l2), HOUSE);
        l2.fundHouse(HOUSE);
        vm.startPrank(bob);
        usdc.approve(address(l2), type(uint256).max);
        l2.open(true, 10 * ETH, 5_000e6, type(uint256).max);
        vm.stopPrank();
    }

    function test_StalePrice_BlocksOpenRemoveAndLiquidateButNotExits() public {
        (uint80 round,,, uint256 updatedAt,) = feed.latestRoundData();
        vm.warp(block.timestamp + 1 hours + 1);
        bytes memory stale = abi.encodeWithSelector(IPerpVenue.PerpVenueStalePrice.selector, round, updatedAt, 1 hours);
        vm.prank(carol);
        vm.expectRevert(stale);
        perp.open(true, ETH, 1_000e6, type(uint256).max);
        vm.prank(alice);
        vm.expectRevert(stale);
        perp.removeMargin(1e6);
        vm.prank(keeper);
        vm.expectRevert(stale);
        perp.liquidate(alice);
        // Exits and top-ups take the latest round however old.
        vm.startPrank(alice);
        perp.addMargin(100e6);
        perp.reduce(2 * ETH, 0);
        uint256 payout = perp.close(0);
        vm.stopPrank();
        assertGt(payout, 0, "closed at the last price");
        assertEq(_pos(alice).size, 0, "gone");
    }

    function test_StaleSigma_BlocksOpening() public {
        IPerpVenue.Params memory p = _defaultParams();
        p.maxSigmaAge = 1 minutes;
        vm.prank(gov);
        perp.setParams(p);
        vm.warp(block.timestamp + 30 minutes); // the price (30 min) is fresh, σ (30 min) is not
        (, uint256 at,,) = oracle.volatility();
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueStaleVolatility.selector, at, 1 minutes));
        perp.open(true, ETH, 1_000e6, type(uint256).max);
    }

    function test_SigmaBehind_IsPokedByTheOpen() public {
        vm.warp(block.timestamp + 1 minutes);
        uint80 round = feed.pushAnswer(2900e8); // not folded into σ
        (,, uint80 folded,) = oracle.volatility();
        assertLt(folded, round, "behind");
        _open(carol, true, ETH, 1_000e6);
        (,, folded,) = oracle.volatility();
        assertEq(folded, round, "the open caught sigma up first");
    }

    function test_SequencerDown_BlocksOpenAndLiquidationButNotExits() public {
        seq.pushAnswerAt(1, block.timestamp, block.timestamp);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueSequencerDown.selector, int256(1)));
        l2.open(true, ETH, 1_000e6, type(uint256).max);
        _price(2000e8, 1 minutes); // deep under water, but nobody can answer a price now
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueSequencerDown.selector, int256(1)));
        l2.liquidate(bob);
        vm.prank(bob);
        l2.addMargin(10_000e6);
        vm.prank(bob);
        uint256 payout = l2.close(0);
        assertGt(payout, 0, "the trader could still leave");
    }

    function test_SequencerGrace_BlocksOpenAndLiquidationUntilItEnds() public {
        seq.pushAnswerAt(1, block.timestamp, block.timestamp);
        vm.warp(block.timestamp + 10 minutes);
        seq.pushAnswerAt(0, block.timestamp, block.timestamp); // back up
        uint256 backAt = block.timestamp;
        _price(2600e8, 1 minutes);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IPerpVenue.PerpVenueSequencerGracePeriod.selector, backAt, SEQ_GRACE));
        l2.liquidate(bob);
        vm.warp(backAt + SEQ_GRACE + 1);
        feed.pushAnswer(2600e8);
        oracle.poke();
        vm.prank(keeper);
        (uint256 closed,) = l2.liquidate(bob);
        assertGt(closed, 0, "liquidated once the grace period is over");
    }

    function test_Construction_SequencerGraceBounded() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IPerpVenue.PerpVenueParameterOutOfBounds.selector,
                IPerpVenue.Parameter.SequencerGracePeriod,
                1 minutes,
                5 minutes,
                1 days
            )
        );
        new PerpVenue(wf, oracle, gov, guardian, AggregatorV3Interface(address(seq)), 1 minutes, _defaultParams());
    }
}
