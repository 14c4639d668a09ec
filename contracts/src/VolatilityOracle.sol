// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {AggregatorV3Interface} from "./interfaces/AggregatorV3Interface.sol";
import {IVolatilityOracle} from "./interfaces/IVolatilityOracle.sol";
import {Ewma} from "./libraries/Ewma.sol";
import {FixedPointMath} from "./libraries/FixedPointMath.sol";

/// @title VolatilityOracle
/// @notice Time-scaled RiskMetrics EWMA volatility of one Chainlink feed (see `IVolatilityOracle`).
/// @dev Design choices:
///      - Every round is folded, in order, whoever pokes and however often: poking each round or every
///        4th round applies the same sequence of `Ewma.ewmaUpdate` steps and ends in the same state
///        (bit for bit). The time scaling (weight λ^(Δt/day), return annualised by Δt) is what keeps the
///        estimate stable when the feed's own cadence changes (heartbeat vs deviation rounds).
///      - A poke walks at most `MAX_ROUNDS_PER_POKE` rounds so its gas is bounded; later pokes continue.
///      - The first poke only anchors the walk at the latest round; the variance starts at the
///        governance seed `initialSigma²`.
///      - On a phase change (the proxy's aggregator was replaced) the walk continues at round 1 of the
///        latest phase; the first return there spans the whole gap and is time-scaled like any other.
///      - Intermediate bad rounds are skipped with an event rather than blocking the oracle forever;
///        the latest round must be valid or the poke reverts with a named error.
contract VolatilityOracle is IVolatilityOracle, Ownable2Step {
    uint256 public constant MAX_ROUNDS_PER_POKE = 32;
    /// @notice Hard bounds on governance: σ floor ≥ 1 %/yr, cap ≤ 1,000 %/yr; heartbeat 1 minute–7 days.
    uint256 public constant MIN_SIGMA_FLOOR = 0.01e18;
    uint256 public constant MAX_SIGMA_CAP = 10e18;
    uint256 public constant MIN_HEARTBEAT = 1 minutes;
    uint256 public constant MAX_HEARTBEAT = 7 days;

    /// @inheritdoc IVolatilityOracle
    AggregatorV3Interface public immutable override feed;

    /// @notice ln(last folded answer) as a WAD (the answer's decimals cancel in the returns).
    /// @dev Declared first: a full slot, so the three fields below share the next slot alone (declared
    ///      after Ownable2Step's `_pendingOwner`, `lastRoundId` would otherwise pack into its slot).
    int256 public lastLnAnswer;
    /// @inheritdoc IVolatilityOracle
    uint80 public override lastRoundId;
    /// @inheritdoc IVolatilityOracle
    uint64 public override lastUpdatedAt;
    /// @dev `_clamp(variance)`, kept next to `lastRoundId` and `lastUpdatedAt` (one slot) so a quote reads σ,
    ///      its age and its last round in one cold SLOAD (`volatility()`); rewritten by every change of
    ///      `variance` or of the bounds. σ ≤ cap < 2^112.
    uint112 private _sigma;
    /// @inheritdoc IVolatilityOracle
    uint256 public override variance;
    /// @inheritdoc IVolatilityOracle
    uint256 public override sigmaFloor;
    /// @inheritdoc IVolatilityOracle
    uint256 public override sigmaCap;
    /// @inheritdoc IVolatilityOracle
    uint256 public override heartbeat;

    /// @param feed_ The Chainlink feed (proxy) to measure.
    /// @param owner_ Governance (a timelock on public chains).
    /// @param initialSigma Seed σ (WAD) until the rounds speak; within [floor, cap].
    constructor(
        AggregatorV3Interface feed_,
        address owner_,
        uint256 initialSigma,
        uint256 sigmaFloor_,
        uint256 sigmaCap_,
        uint256 heartbeat_
    ) Ownable(owner_) {
        feed = feed_;
        _setSigmaBounds(sigmaFloor_, sigmaCap_);
        _setHeartbeat(heartbeat_);
        if (initialSigma < sigmaFloor_ || initialSigma > sigmaCap_) {
            revert VolatilityOracleInvalidInitialSigma(initialSigma);
        }
        variance = (initialSigma * initialSigma) / 1e18;
        _sigma = uint112(_clamp(variance));
    }

    /// @inheritdoc IVolatilityOracle
    function poke() external override returns (uint256 rounds) {
        (uint80 latestId, int256 latestAnswer, uint256 latestStartedAt, uint256 latestUpdatedAt, uint80 latestAnsweredIn) =
            feed.latestRoundData();
        if (latestStartedAt == 0 || latestUpdatedAt == 0 || latestAnsweredIn < latestId) {
            revert VolatilityOracleIncompleteRound(latestId, latestStartedAt, latestAnsweredIn);
        }
        if (latestAnswer <= 0) revert VolatilityOracleNonPositiveAnswer(latestId, latestAnswer);
        if (latestUpdatedAt + heartbeat < block.timestamp) {
            revert VolatilityOracleStalePrice(latestId, latestUpdatedAt, heartbeat);
        }

        uint80 id = lastRoundId;
        if (id == 0) {
            lastRoundId = latestId;
            lastUpdatedAt = uint64(latestUpdatedAt);
            lastLnAnswer = FixedPointMath.lnWad(latestAnswer);
            emit VolatilityOracleInitialized(latestId, latestAnswer, latestUpdatedAt);
            return 1;
        }
        uint256 latestPhase = latestId >> 64;
        // Nothing new (or the feed moved backwards): a no-op that changes and emits nothing.
        if (id >= latestId) return 0;

        uint256 v = variance;
        int256 lastLn = lastLnAnswer;
        uint256 lastAt = lastUpdatedAt;
        while (rounds < MAX_ROUNDS_PER_POKE && id != latestId) {
            id = (id >> 64) == latestPhase ? id + 1 : uint80((latestPhase << 64) | 1);
            ++rounds;
            int256 answer;
            uint256 startedAt;
            uint256 updatedAt;
            uint80 answeredIn;
            if (id == latestId) {
                (answer, startedAt, updatedAt, answeredIn) = (latestAnswer, latestStartedAt, latestUpdatedAt, latestAnsweredIn);
            } else {
                (, answer, startedAt, updatedAt, answeredIn) = feed.getRoundData(id);
            }
            if (answer <= 0) {
                emit VolatilityOracleRoundSkipped(id, SkipReason.NonPositiveAnswer);
                continue;
            }
            if (startedAt == 0 || updatedAt == 0 || answeredIn < id) {
                emit VolatilityOracleRoundSkipped(id, SkipReason.Incomplete);
                continue;
            }
            if (updatedAt <= lastAt) {
                emit VolatilityOracleRoundSkipped(id, SkipReason.NotNewer);
                continue;
            }
            int256 ln = FixedPointMath.lnWad(answer);
            v = Ewma.ewmaUpdate(v, ln - lastLn, updatedAt - lastAt);
            lastLn = ln;
            lastAt = updatedAt;
        }
        lastLnAnswer = lastLn;
        variance = v;
        _storeHead(id, lastAt, v);
        emit VolatilityOracleUpdated(id, lastAt, v, _sigma, rounds);
    }

    /// @inheritdoc IVolatilityOracle
    function sigma() external view override returns (uint256) {
        return _sigma;
    }

    /// @inheritdoc IVolatilityOracle
    function volatility()
        external
        view
        override
        returns (uint256 sigma_, uint256 updatedAt, uint80 roundId, AggregatorV3Interface feed_)
    {
        return (_sigma, lastUpdatedAt, lastRoundId, feed);
    }

    /// @inheritdoc IVolatilityOracle
    function setSigmaBounds(uint256 sigmaFloor_, uint256 sigmaCap_) external override onlyOwner {
        _setSigmaBounds(sigmaFloor_, sigmaCap_);
    }

    /// @inheritdoc IVolatilityOracle
    function setHeartbeat(uint256 heartbeat_) external override onlyOwner {
        _setHeartbeat(heartbeat_);
    }

    /// @dev The packed slot: last folded round, its time, and σ of `v` (one SSTORE).
    function _storeHead(uint80 id, uint256 at, uint256 v) private {
        lastRoundId = id;
        lastUpdatedAt = uint64(at);
        _sigma = uint112(_clamp(v));
    }

    function _clamp(uint256 v) private view returns (uint256 s) {
        s = FixedPointMath.sqrtWad(v);
        if (s < sigmaFloor) s = sigmaFloor;
        else if (s > sigmaCap) s = sigmaCap;
    }

    function _setSigmaBounds(uint256 sigmaFloor_, uint256 sigmaCap_) private {
        if (sigmaFloor_ < MIN_SIGMA_FLOOR || sigmaCap_ > MAX_SIGMA_CAP || sigmaFloor_ > sigmaCap_) {
            revert VolatilityOracleInvalidBounds(sigmaFloor_, sigmaCap_);
        }
        sigmaFloor = sigmaFloor_;
        sigmaCap = sigmaCap_;
        _sigma = uint112(_clamp(variance)); // before the constructor sets variance: 0, rewritten there
        emit VolatilityOracleBoundsSet(sigmaFloor_, sigmaCap_);
    }

    function _setHeartbeat(uint256 heartbeat_) private {
        if (heartbeat_ < MIN_HEARTBEAT || heartbeat_ > MAX_HEARTBEAT) {
            revert VolatilityOracleInvalidHeartbeat(heartbeat_);
        }
        heartbeat = heartbeat_;
        emit VolatilityOracleHeartbeatSet(heartbeat_);
    }
}
