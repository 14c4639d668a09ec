// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";

/// @title MockAggregator
/// @notice LOCAL-ONLY Chainlink-compatible feed whose rounds a keeper script (its owner) writes. Never
///         deploy on a public chain: whoever owns it sets the price.
/// @dev Behaves like an `AggregatorProxy` in front of phased aggregators:
///      - round ids are `(phaseId << 64) | aggregatorRoundId`; phases start at 1, aggregator rounds at 1;
///        `startNewPhase()` moves to the next phase (as a proxy does when its aggregator is replaced);
///      - `getRoundData` of a round that was never written reverts (`MockAggregatorNoData`), like the
///        current OCR aggregators ("No data present");
///      - the owner can write any round verbatim (`setRound`), including incomplete ones
///        (`startedAt == 0`, `answeredInRound < roundId`), stale timestamps or non-positive answers, so tests
///        and the keeper can reproduce every failure mode consumers must reject.
///      - a round is one storage slot, as in Chainlink's OCR2 aggregator (answer, two timestamps), so a
///        consumer's gas here is close to a real aggregator's. A carried-over `answeredInRound` (≠ the
///        round's own id, only ever written by `setRound`) sits in a second slot that is read only then.
contract MockAggregator is AggregatorV3Interface, Ownable {
    struct Round {
        int160 answer;
        uint40 startedAt;
        uint40 updatedAt;
        bool carriedOver; // answeredInRound != roundId: see `_answeredInRound`
    }

    uint8 public immutable override decimals;
    string public override description;
    uint256 public constant override version = 4;

    /// @notice Current phase (≥ 1) and the latest aggregator round inside it (0 = none yet).
    uint16 public phaseId = 1;
    uint64 public aggregatorRoundId;
    mapping(uint80 roundId => Round) private _rounds;
    mapping(uint80 roundId => uint80 answeredInRound) private _answeredInRound;
    mapping(uint16 phase => uint64 lastRound) private _lastInPhase;

    /// @notice As Chainlink's `AggregatorInterface` events, with the proxy round id.
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);
    event NewRound(uint256 indexed roundId, address indexed startedBy, uint256 startedAt);
    event PhaseStarted(uint16 indexed phaseId);

    error MockAggregatorNoData(uint80 roundId);
    error MockAggregatorRoundInFuturePhase(uint80 roundId, uint16 phaseId);
    /// @notice An answer outside int160 or a timestamp outside uint40 (the packed round's fields).
    error MockAggregatorValueOutOfRange(int256 answer, uint256 startedAt, uint256 updatedAt);

    constructor(uint8 decimals_, string memory description_, address owner_) Ownable(owner_) {
        decimals = decimals_;
        description = description_;
    }

    /// @notice The proxy round id of aggregator round `aggRound` in phase `phase`.
    function proxyRoundId(uint16 phase, uint64 aggRound) public pure returns (uint80) {
        return uint80((uint256(phase) << 64) | aggRound);
    }

    /// @notice Writes the next round of the current phase, complete and timestamped now.
    function pushAnswer(int256 answer) external onlyOwner returns (uint80 roundId) {
        return _push(answer, block.timestamp, block.timestamp);
    }

    /// @notice Writes the next round with explicit timestamps (e.g. backdated history for a seed).
    function pushAnswerAt(int256 answer, uint256 startedAt, uint256 updatedAt) external onlyOwner returns (uint80 roundId) {
        return _push(answer, startedAt, updatedAt);
    }

    /// @notice Writes round `roundId` verbatim; if it is beyond the latest round of the current phase it
    ///         becomes the latest. Use it for incomplete or inconsistent rounds.
    function setRound(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
        external
        onlyOwner
    {
        uint16 phase = uint16(roundId >> 64);
        if (phase > phaseId) revert MockAggregatorRoundInFuturePhase(roundId, phaseId);
        bool carriedOver = answeredInRound != roundId;
        _rounds[roundId] = _pack(answer, startedAt, updatedAt, carriedOver);
        if (carriedOver) _answeredInRound[roundId] = answeredInRound;
        uint64 agg = uint64(roundId);
        if (phase == phaseId && agg > aggregatorRoundId) {
            aggregatorRoundId = agg;
            _lastInPhase[phase] = agg;
        }
        emit AnswerUpdated(answer, roundId, updatedAt);
    }

    /// @notice Moves to the next phase; its first round must then be pushed (round ids restart at 1).
    function startNewPhase() external onlyOwner {
        phaseId += 1;
        aggregatorRoundId = 0;
        emit PhaseStarted(phaseId);
    }

    function getRoundData(uint80 _roundId)
        external
        view
        override
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        return _read(_roundId);
    }

    /// @dev The latest round of the current phase; before the phase's first round, the previous phase's last.
    function latestRoundData()
        external
        view
        override
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        return _read(latestRoundId());
    }

    /// @notice The proxy id of the latest written round (0 if none).
    function latestRoundId() public view returns (uint80) {
        if (aggregatorRoundId != 0) return proxyRoundId(phaseId, aggregatorRoundId);
        for (uint16 p = phaseId - 1; p > 0; p--) {
            uint64 last = _lastInPhase[p];
            if (last != 0) return proxyRoundId(p, last);
        }
        return 0;
    }

    function _push(int256 answer, uint256 startedAt, uint256 updatedAt) private returns (uint80 roundId) {
        uint64 agg = aggregatorRoundId + 1;
        aggregatorRoundId = agg;
        _lastInPhase[phaseId] = agg;
        roundId = proxyRoundId(phaseId, agg);
        _rounds[roundId] = _pack(answer, startedAt, updatedAt, false);
        emit NewRound(roundId, msg.sender, startedAt);
        emit AnswerUpdated(answer, roundId, updatedAt);
    }

    function _pack(int256 answer, uint256 startedAt, uint256 updatedAt, bool carriedOver) private pure returns (Round memory) {
        if (
            answer < type(int160).min || answer > type(int160).max || startedAt > type(uint40).max
                || updatedAt > type(uint40).max
        ) revert MockAggregatorValueOutOfRange(answer, startedAt, updatedAt);
        return Round(int160(answer), uint40(startedAt), uint40(updatedAt), carriedOver);
    }

    /// @dev A round never written (all zero) reverts, like an OCR aggregator's "No data present".
    function _read(uint80 id)
        private
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        Round memory r = _rounds[id];
        if (r.updatedAt == 0 && r.startedAt == 0 && r.answer == 0) revert MockAggregatorNoData(id);
        answeredInRound = r.carriedOver ? _answeredInRound[id] : id;
        return (id, r.answer, r.startedAt, r.updatedAt, answeredInRound);
    }
}
