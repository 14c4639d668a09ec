// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {Vm} from "./utils/Vm.sol";
import {VolatilityOracle} from "../src/VolatilityOracle.sol";
import {IVolatilityOracle} from "../src/interfaces/IVolatilityOracle.sol";
import {MockAggregator} from "../src/mocks/MockAggregator.sol";
import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";
import {Ewma} from "../src/libraries/Ewma.sol";
import {FixedPointMath} from "../src/libraries/FixedPointMath.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

contract VolatilityOracleTest is Test {
    uint256 internal constant T0 = 1_700_000_000;
    MockAggregator internal feed;
    VolatilityOracle internal oracle;
    address internal gov = address(0xA11CE);

    function setUp() public {
        vm.warp(T0);
        feed = new MockAggregator(8, "ETH / USD", address(this));
        oracle = _newOracle(feed);
    }

    function _newOracle(MockAggregator f) internal returns (VolatilityOracle) {
        return new VolatilityOracle(f, gov, 0.5e18, 0.05e18, 5e18, 1 days);
    }

    function _push(int256 answer, uint256 dt) internal returns (uint80) {
        vm.warp(block.timestamp + dt);
        return feed.pushAnswer(answer);
    }

    // ---------- basics ----------

    function test_firstPokeAnchors_thenFoldsOneRound() public {
        uint80 r1 = _push(3000e8, 0);
        vm.recordLogs();
        assertEq(oracle.poke(), 1, "anchor");
        assertEq(oracle.lastRoundId(), r1, "cursor");
        assertEq(oracle.variance(), 0.25e18, "seed variance unchanged");
        assertEq(vm.getRecordedLogs().length, 1, "Initialized");

        uint80 r2 = _push(3030e8, 1 hours);
        uint256 expected = Ewma.ewmaUpdate(0.25e18, FixedPointMath.lnWad(3030e8) - FixedPointMath.lnWad(3000e8), 1 hours);
        vm.expectEmit(true, false, false, true, address(oracle));
        emit IVolatilityOracle.VolatilityOracleUpdated(r2, block.timestamp, expected, FixedPointMath.sqrtWad(expected), 1);
        assertEq(oracle.poke(), 1, "one round");
        assertEq(oracle.variance(), expected, "ewma step");
        assertEq(oracle.sigma(), FixedPointMath.sqrtWad(expected), "sigma");
    }

    function test_pokeTwiceForOneRound_isANoOp() public {
        _push(3000e8, 0);
        oracle.poke();
        _push(2990e8, 1 hours);
        oracle.poke();
        uint256 v = oracle.variance();
        uint80 id = oracle.lastRoundId();
        vm.recordLogs();
        assertEq(oracle.poke(), 0, "no-op returns 0");
        assertEq(vm.getRecordedLogs().length, 0, "no-op emits nothing");
        assertEq(oracle.variance(), v, "variance unchanged");
        assertEq(oracle.lastRoundId(), id, "cursor unchanged");
    }

    // ---------- rejections ----------

    function test_rejectsStaleFeed() public {
        uint80 r = _push(3000e8, 0);
        vm.warp(block.timestamp + 1 days + 1);
        vm.expectRevert(abi.encodeWithSelector(IVolatilityOracle.VolatilityOracleStalePrice.selector, r, T0, uint256(1 days)));
        oracle.poke();
    }

    function test_rejectsNonPositiveLatest() public {
        uint80 r = _push(0, 0);
        vm.expectRevert(abi.encodeWithSelector(IVolatilityOracle.VolatilityOracleNonPositiveAnswer.selector, r, 0));
        oracle.poke();
        r = _push(-5, 1);
        vm.expectRevert(abi.encodeWithSelector(IVolatilityOracle.VolatilityOracleNonPositiveAnswer.selector, r, int256(-5)));
        oracle.poke();
    }

    function test_rejectsIncompleteLatest() public {
        uint80 r = feed.proxyRoundId(1, 1);
        feed.setRound(r, 3000e8, 0, block.timestamp, r); // startedAt == 0
        vm.expectRevert(abi.encodeWithSelector(IVolatilityOracle.VolatilityOracleIncompleteRound.selector, r, 0, r));
        oracle.poke();
        feed.setRound(r, 3000e8, block.timestamp, block.timestamp, r - 1); // answeredInRound < roundId
        vm.expectRevert(
            abi.encodeWithSelector(IVolatilityOracle.VolatilityOracleIncompleteRound.selector, r, block.timestamp, r - 1)
        );
        oracle.poke();
    }

    function test_badIntermediateRoundsAreSkippedNotFolded() public {
        _push(3000e8, 0);
        oracle.poke();
        uint80 bad1 = _push(-1, 1 hours); // non-positive
        uint80 bad2 = _push(3100e8, 1 hours);
        feed.setRound(bad2, 3100e8, 0, block.timestamp, bad2); // incomplete
        _push(3050e8, 1 hours);
        vm.expectEmit(true, false, false, true, address(oracle));
        emit IVolatilityOracle.VolatilityOracleRoundSkipped(bad1, IVolatilityOracle.SkipReason.NonPositiveAnswer);
        vm.expectEmit(true, false, false, true, address(oracle));
        emit IVolatilityOracle.VolatilityOracleRoundSkipped(bad2, IVolatilityOracle.SkipReason.Incomplete);
        assertEq(oracle.poke(), 3, "three rounds consumed");
        // Only the good round was folded: one return over the full 3 hours.
        uint256 expected = Ewma.ewmaUpdate(0.25e18, FixedPointMath.lnWad(3050e8) - FixedPointMath.lnWad(3000e8), 3 hours);
        assertEq(oracle.variance(), expected, "only the valid round counts");
    }

    // ---------- walking ----------

    function test_walkIsBoundedAndResumes() public {
        _push(3000e8, 0);
        oracle.poke();
        for (uint256 i; i < 40; ++i) {
            _push(int256(3000e8 + (i % 3) * 10e8), 10 minutes);
        }
        assertEq(oracle.poke(), 32, "bounded");
        assertEq(oracle.lastRoundId(), feed.proxyRoundId(1, 33), "cursor after 32");
        assertEq(oracle.poke(), 8, "resumes");
        assertEq(oracle.lastRoundId(), feed.latestRoundId(), "caught up");
        assertEq(oracle.poke(), 0, "then a no-op");
    }

    function test_phaseChange_continuesInTheNewPhase() public {
        _push(3000e8, 0);
        oracle.poke();
        _push(3010e8, 1 hours);
        feed.startNewPhase();
        _push(3020e8, 1 hours);
        uint80 last = _push(3040e8, 1 hours);
        assertEq(last, feed.proxyRoundId(2, 2), "phase 2, round 2");
        assertEq(oracle.poke(), 2, "jumps to phase 2 round 1, then 2");
        assertEq(oracle.lastRoundId(), last, "cursor in the new phase");
        assertEq(oracle.lastUpdatedAt(), block.timestamp, "timestamp");
    }

    /// @dev Every round is folded whoever pokes and whenever: poking after each round or after every
    ///      4th applies the same EWMA steps, so both oracles agree bit for bit.
    function test_pokeCadenceDoesNotChangeTheEstimate() public {
        VolatilityOracle every4th = _newOracle(feed);
        _push(3000e8, 0);
        oracle.poke();
        every4th.poke();
        int256 price = 3000e8;
        for (uint256 i = 1; i <= 48; ++i) {
            price = price * int256(1000 + ((i * 37) % 23) - 11) / 1000;
            _push(price, (i % 5 + 1) * 15 minutes);
            oracle.poke();
            if (i % 4 == 0) every4th.poke();
        }
        assertEq(every4th.variance(), oracle.variance(), "same variance");
        assertEq(every4th.sigma(), oracle.sigma(), "same sigma");
    }

    /// @dev The recorded series (test/fixtures/price_series.json, generate_math_reference.py): a GBM at
    ///      80 %/yr then 160 %/yr with irregular rounds (20 min–6 h). σ after every round must match the
    ///      double-precision reference EWMA within 1e-9 relative (measured: ~1e-15).
    function test_recordedSeries_matchesDoubleReference() public {
        string memory json = vm.readFile("test/fixtures/price_series.json");
        uint256[] memory answers = vm.parseJsonUintArray(json, ".answers");
        uint256[] memory times = vm.parseJsonUintArray(json, ".timestamps");
        uint256[] memory ref = vm.parseJsonUintArray(json, ".referenceSigma");
        vm.warp(times[0]);
        MockAggregator f = new MockAggregator(8, "ETH / USD", address(this));
        VolatilityOracle o = new VolatilityOracle(f, gov, 0.5e18, 0.01e18, 10e18, 1 days);
        f.pushAnswer(int256(answers[0]));
        o.poke();
        uint256 worst;
        for (uint256 i = 1; i < answers.length; ++i) {
            vm.warp(times[i]);
            f.pushAnswer(int256(answers[i]));
            o.poke();
            uint256 s = FixedPointMath.sqrtWad(o.variance());
            uint256 e = s > ref[i - 1] ? s - ref[i - 1] : ref[i - 1] - s;
            uint256 rel = (e * 1e18) / ref[i - 1];
            if (rel > worst) worst = rel;
        }
        assertLe(worst, 1e9, "more than 1e-9 relative from the double-precision EWMA");
    }

    /// @dev A feed that publishes only every 4th price (a slower heartbeat) sees the same path sparsely;
    ///      the time scaling keeps the estimate materially the same (within 10 % on the recorded series).
    function test_sparserFeedGivesMateriallyTheSameSigma() public {
        string memory json = vm.readFile("test/fixtures/price_series.json");
        uint256[] memory answers = vm.parseJsonUintArray(json, ".answers");
        uint256[] memory times = vm.parseJsonUintArray(json, ".timestamps");
        vm.warp(times[0]);
        MockAggregator dense = new MockAggregator(8, "dense", address(this));
        MockAggregator sparse = new MockAggregator(8, "sparse", address(this));
        VolatilityOracle od = new VolatilityOracle(dense, gov, 0.5e18, 0.01e18, 10e18, 1 days);
        VolatilityOracle os = new VolatilityOracle(sparse, gov, 0.5e18, 0.01e18, 10e18, 1 days);
        dense.pushAnswer(int256(answers[0]));
        sparse.pushAnswer(int256(answers[0]));
        od.poke();
        os.poke();
        for (uint256 i = 1; i < answers.length; ++i) {
            vm.warp(times[i]);
            dense.pushAnswer(int256(answers[i]));
            od.poke();
            if (i % 4 == 0) {
                sparse.pushAnswer(int256(answers[i]));
                os.poke();
            }
        }
        uint256 sd = od.sigma();
        uint256 ss = os.sigma();
        assertApproxEqRel(ss, sd, 0.1e18, "sparse and dense feeds disagree by more than 10%");
    }

    // ---------- clamping and governance ----------

    function test_sigmaIsClampedToFloorAndCap() public {
        _push(3000e8, 0);
        oracle.poke();
        // A 90 % crash in one minute: (1 − w)·r²/dt → −ln λ·365·ln(0.1)² ≈ 120, σ ≈ 11 → at the cap.
        _push(300e8, 1 minutes);
        oracle.poke();
        assertGt(FixedPointMath.sqrtWad(oracle.variance()), 5e18, "raw above cap");
        assertEq(oracle.sigma(), 5e18, "clamped to cap");
        // Flat prices for months decay the variance below the floor.
        for (uint256 i; i < 12; ++i) {
            _push(300e8, 20 days);
            oracle.poke();
        }
        assertLt(FixedPointMath.sqrtWad(oracle.variance()), 0.05e18, "raw below floor");
        assertEq(oracle.sigma(), 0.05e18, "clamped to floor");
    }

    /// @notice σ is stored (for a one-slot quote read) and must equal the clamp of the variance it was
    ///         derived from after every change: seed, pokes, and governance moving the bounds.
    function test_storedSigmaFollowsVarianceAndBounds() public {
        assertEq(oracle.sigma(), _clampedSigma(), "seed");
        _push(3000e8, 0);
        oracle.poke();
        _push(2500e8, 1 minutes);
        oracle.poke();
        uint256 raw = FixedPointMath.sqrtWad(oracle.variance());
        assertEq(oracle.sigma(), _clampedSigma(), "after a fold");
        (uint256 s, uint256 at, uint80 rid, AggregatorV3Interface f) = oracle.volatility();
        assertEq(address(f), address(oracle.feed()), "volatility().feed");
        assertEq(s, oracle.sigma(), "volatility().sigma");
        assertEq(at, oracle.lastUpdatedAt(), "volatility().updatedAt");
        assertEq(rid, oracle.lastRoundId(), "volatility().roundId");
        // Bounds moved above and then below the raw estimate: the stored σ follows at once, no poke needed.
        vm.startPrank(gov);
        oracle.setSigmaBounds(raw + 1e17, raw + 2e17);
        assertEq(oracle.sigma(), raw + 1e17, "new floor applies");
        oracle.setSigmaBounds(0.05e18, raw - 1e17);
        assertEq(oracle.sigma(), raw - 1e17, "new cap applies");
        oracle.setSigmaBounds(0.05e18, 5e18);
        vm.stopPrank();
        assertEq(oracle.sigma(), raw, "inside the bounds: the raw estimate");
        (s,,,) = oracle.volatility();
        assertEq(s, raw, "volatility() agrees");
    }

    function _clampedSigma() internal view returns (uint256 s) {
        s = FixedPointMath.sqrtWad(oracle.variance());
        if (s < oracle.sigmaFloor()) s = oracle.sigmaFloor();
        if (s > oracle.sigmaCap()) s = oracle.sigmaCap();
    }

    function test_governanceBoundsAndOwnable2Step() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(this)));
        oracle.setSigmaBounds(0.1e18, 2e18);
        vm.startPrank(gov);
        vm.expectEmit(false, false, false, true, address(oracle));
        emit IVolatilityOracle.VolatilityOracleBoundsSet(0.1e18, 2e18);
        oracle.setSigmaBounds(0.1e18, 2e18);
        vm.expectRevert(abi.encodeWithSelector(IVolatilityOracle.VolatilityOracleInvalidBounds.selector, 0.001e18, 2e18));
        oracle.setSigmaBounds(0.001e18, 2e18);
        vm.expectRevert(abi.encodeWithSelector(IVolatilityOracle.VolatilityOracleInvalidBounds.selector, 1e18, 11e18));
        oracle.setSigmaBounds(1e18, 11e18);
        vm.expectRevert(abi.encodeWithSelector(IVolatilityOracle.VolatilityOracleInvalidBounds.selector, 2e18, 1e18));
        oracle.setSigmaBounds(2e18, 1e18);
        vm.expectRevert(abi.encodeWithSelector(IVolatilityOracle.VolatilityOracleInvalidHeartbeat.selector, 30));
        oracle.setHeartbeat(30);
        vm.expectRevert(abi.encodeWithSelector(IVolatilityOracle.VolatilityOracleInvalidHeartbeat.selector, 8 days));
        oracle.setHeartbeat(8 days);
        oracle.setHeartbeat(1 hours);
        assertEq(oracle.heartbeat(), 1 hours, "heartbeat");
        oracle.transferOwnership(address(0xB0B));
        vm.stopPrank();
        assertEq(oracle.owner(), gov, "two-step: still gov until accepted");
        vm.prank(address(0xB0B));
        oracle.acceptOwnership();
        assertEq(oracle.owner(), address(0xB0B), "accepted");
    }

    function test_constructorRejectsSeedOutsideBounds() public {
        vm.expectRevert(abi.encodeWithSelector(IVolatilityOracle.VolatilityOracleInvalidInitialSigma.selector, 6e18));
        new VolatilityOracle(feed, gov, 6e18, 0.05e18, 5e18, 1 days);
    }

    // ---------- mock aggregator semantics ----------

    function test_mockAggregator_roundIdsCarryThePhase() public {
        uint80 a = _push(1e8, 0);
        assertEq(a, (uint80(1) << 64) | 1, "phase 1 round 1");
        feed.startNewPhase();
        assertEq(feed.latestRoundId(), a, "before the new phase's first round, latest is the old one");
        uint80 b = _push(2e8, 1);
        assertEq(b, (uint80(2) << 64) | 1, "phase 2 round 1");
        (uint80 id, int256 ans,, uint256 upd, uint80 air) = feed.latestRoundData();
        assertEq(id, b, "latest id");
        assertEq(ans, 2e8, "answer");
        assertEq(upd, block.timestamp, "updatedAt");
        assertEq(air, b, "answeredInRound");
        (, ans,,,) = feed.getRoundData(a);
        assertEq(ans, 1e8, "old phase still readable");
        vm.expectRevert(abi.encodeWithSelector(MockAggregator.MockAggregatorNoData.selector, b + 1));
        feed.getRoundData(b + 1);
        vm.prank(address(0xBAD));
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(0xBAD)));
        feed.pushAnswer(1);
    }

    /// @notice A round is one packed slot: values that do not fit are refused by name, never truncated, and
    ///         a carried-over `answeredInRound` survives the packing (and is cleared when rewritten).
    function test_mockAggregator_packedRounds() public {
        uint80 a = _push(3000e8, 0);
        feed.setRound(a, 3100e8, block.timestamp, block.timestamp, a - 1);
        (,,,, uint80 air) = feed.getRoundData(a);
        assertEq(air, a - 1, "carried-over answeredInRound kept");
        (,,,, air) = feed.latestRoundData();
        assertEq(air, a - 1, "latest too");
        feed.setRound(a, 3100e8, block.timestamp, block.timestamp, a);
        (,,,, air) = feed.getRoundData(a);
        assertEq(air, a, "rewritten as fresh");
        int256 big = int256(type(int160).max) + 1;
        vm.expectRevert(
            abi.encodeWithSelector(MockAggregator.MockAggregatorValueOutOfRange.selector, big, block.timestamp, block.timestamp)
        );
        feed.setRound(a, big, block.timestamp, block.timestamp, a);
        uint256 late = uint256(type(uint40).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(MockAggregator.MockAggregatorValueOutOfRange.selector, int256(1), 1, late));
        feed.pushAnswerAt(1, 1, late);
        (, int256 ans, uint256 st, uint256 up,) = feed.getRoundData(a);
        assertEq(ans, 3100e8, "refused writes change nothing");
        assertEq(st, block.timestamp, "startedAt");
        assertEq(up, block.timestamp, "updatedAt");
        assertEq(feed.latestRoundId(), a, "no round appended");
    }
}
