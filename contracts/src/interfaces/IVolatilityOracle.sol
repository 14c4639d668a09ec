// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AggregatorV3Interface} from "./AggregatorV3Interface.sol";

/// @title IVolatilityOracle
/// @notice Annualised volatility of one Chainlink feed: a time-scaled RiskMetrics EWMA (λ = 0.94 per day)
///         of squared log returns, folded round by round by permissionless `poke()` calls.
interface IVolatilityOracle {
    /// @notice Why a round inside the walk was skipped (the latest round is never skipped: it reverts).
    enum SkipReason {
        NonPositiveAnswer,
        Incomplete,
        NotNewer
    }

    /// @notice Rounds up to `roundId` were folded; `variance` is the new annualised variance (WAD) and
    ///         `sigma` the clamped σ (WAD) that consumers now read.
    event VolatilityOracleUpdated(uint80 indexed roundId, uint256 updatedAt, uint256 variance, uint256 sigma, uint256 rounds);
    /// @notice The first poke anchored the EWMA at `roundId` (no return yet; variance stays at its seed).
    event VolatilityOracleInitialized(uint80 indexed roundId, int256 answer, uint256 updatedAt);
    /// @notice An intermediate round could not be used and was passed over.
    event VolatilityOracleRoundSkipped(uint80 indexed roundId, SkipReason reason);
    event VolatilityOracleBoundsSet(uint256 sigmaFloor, uint256 sigmaCap);
    event VolatilityOracleHeartbeatSet(uint256 heartbeat);

    /// @notice The feed's latest round is older than the heartbeat.
    error VolatilityOracleStalePrice(uint80 roundId, uint256 updatedAt, uint256 heartbeat);
    /// @notice The feed's latest answer is zero or negative.
    error VolatilityOracleNonPositiveAnswer(uint80 roundId, int256 answer);
    /// @notice The feed's latest round is incomplete (`startedAt == 0`, `updatedAt == 0` or `answeredInRound < roundId`).
    error VolatilityOracleIncompleteRound(uint80 roundId, uint256 startedAt, uint80 answeredInRound);
    /// @notice Floor/cap outside [MIN_SIGMA_FLOOR, MAX_SIGMA_CAP] or floor > cap.
    error VolatilityOracleInvalidBounds(uint256 sigmaFloor, uint256 sigmaCap);
    /// @notice Heartbeat outside [MIN_HEARTBEAT, MAX_HEARTBEAT].
    error VolatilityOracleInvalidHeartbeat(uint256 heartbeat);
    /// @notice The seed σ is outside [floor, cap].
    error VolatilityOracleInvalidInitialSigma(uint256 initialSigma);

    /// @notice The feed this oracle measures.
    function feed() external view returns (AggregatorV3Interface);

    /// @notice Folds every round published since the last processed one, at most `MAX_ROUNDS_PER_POKE`
    ///         per call (further calls continue). Anyone may call.
    /// @dev Reverts if the feed's latest round is stale, non-positive or incomplete. Intermediate rounds that
    ///      are non-positive, incomplete or not newer than the last folded one are skipped with
    ///      `VolatilityOracleRoundSkipped`. When nothing new was published it is a no-op: it returns 0,
    ///      changes nothing and emits nothing. Emits `VolatilityOracleUpdated` once per call otherwise.
    /// @return rounds How many rounds this call consumed (folded or skipped).
    function poke() external returns (uint256 rounds);

    /// @notice σ, annualised, as a WAD (0.8e18 = 80 %/yr): √variance rounded down, clamped to [floor, cap].
    function sigma() external view returns (uint256);

    /// @notice `sigma()`, `lastUpdatedAt()`, `lastRoundId()` (one storage slot) and `feed()` (immutable) in one
    ///         call: what a quote reads. A consumer compares `roundId` with the feed's latest round id to know
    ///         whether σ has folded every published round (one poke folds at most `MAX_ROUNDS_PER_POKE`).
    function volatility() external view returns (uint256 sigma, uint256 updatedAt, uint80 roundId, AggregatorV3Interface feed);

    /// @notice The unclamped annualised variance (WAD).
    function variance() external view returns (uint256);

    /// @notice The last round folded into the estimate, its answer's timestamp, and ln(answer) (WAD).
    function lastRoundId() external view returns (uint80);
    function lastUpdatedAt() external view returns (uint64);

    /// @notice Governance bounds on σ (WAD) and the feed heartbeat (seconds).
    function sigmaFloor() external view returns (uint256);
    function sigmaCap() external view returns (uint256);
    function heartbeat() external view returns (uint256);

    /// @notice Owner only; within [MIN_SIGMA_FLOOR, MAX_SIGMA_CAP], floor ≤ cap. Emits `VolatilityOracleBoundsSet`.
    function setSigmaBounds(uint256 sigmaFloor, uint256 sigmaCap) external;

    /// @notice Owner only; within [MIN_HEARTBEAT, MAX_HEARTBEAT]. Emits `VolatilityOracleHeartbeatSet`.
    function setHeartbeat(uint256 heartbeat) external;
}
