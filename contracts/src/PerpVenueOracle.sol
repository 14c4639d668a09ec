// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AggregatorV3Interface} from "./interfaces/AggregatorV3Interface.sol";
import {IVolatilityOracle} from "./interfaces/IVolatilityOracle.sol";
import {IPerpVenue} from "./interfaces/IPerpVenue.sol";

/// @title PerpVenueOracle
/// @notice What `PerpVenue` reads from the market: the feed's latest round as the mark price, σ from the
///         volatility oracle, and the L2 sequencer's status — with the same rules as `CoverMarket`.
/// @dev Two strengths of price (see `IPerpVenue`, "Oracle and outages"): a *strict* price (fresh round,
///      sequencer up and past its grace period) for everything that adds risk or liquidates, and the
///      *latest* complete positive round, however old, for closing, reducing and the views, so a trader
///      can always leave.
abstract contract PerpVenueOracle is IPerpVenue {
    uint256 public constant MIN_SEQUENCER_GRACE = 5 minutes;
    uint256 public constant MAX_SEQUENCER_GRACE = 1 days;

    /// @notice The market's Chainlink-style price feed (prices in its units and decimals).
    AggregatorV3Interface public immutable feed;
    /// @notice σ of the same feed, for the dynamic initial margin.
    IVolatilityOracle public immutable oracle;
    /// @notice Chainlink L2 sequencer uptime feed (address(0) on L1): answer 0 = up, 1 = down.
    AggregatorV3Interface public immutable sequencerUptimeFeed;
    /// @notice Seconds after the sequencer comes back during which strict prices are refused.
    uint256 public immutable sequencerGracePeriod;

    constructor(IVolatilityOracle oracle_, AggregatorV3Interface sequencerUptimeFeed_, uint256 sequencerGracePeriod_) {
        if (address(oracle_) == address(0)) revert PerpVenueZeroAddress();
        if (address(sequencerUptimeFeed_) == address(0)) {
            if (sequencerGracePeriod_ != 0) {
                revert PerpVenueParameterOutOfBounds(Parameter.SequencerGracePeriod, sequencerGracePeriod_, 0, 0);
            }
        } else if (sequencerGracePeriod_ < MIN_SEQUENCER_GRACE || sequencerGracePeriod_ > MAX_SEQUENCER_GRACE) {
            revert PerpVenueParameterOutOfBounds(
                Parameter.SequencerGracePeriod, sequencerGracePeriod_, MIN_SEQUENCER_GRACE, MAX_SEQUENCER_GRACE
            );
        }
        oracle = oracle_;
        feed = oracle_.feed();
        sequencerUptimeFeed = sequencerUptimeFeed_;
        sequencerGracePeriod = sequencerGracePeriod_;
    }

    /// @dev The latest complete, positive round. With `maxAge` (strict): also no older than `maxAge` and
    ///      the sequencer up and past its grace period.
    function _price(bool strict, uint256 maxAge) internal view returns (uint256 price, uint80 roundId) {
        if (strict) _checkSequencer();
        int256 answer;
        uint256 startedAt;
        uint256 updatedAt;
        uint80 answeredInRound;
        (roundId, answer, startedAt, updatedAt, answeredInRound) = feed.latestRoundData();
        if (answer <= 0) revert PerpVenueNonPositivePrice(roundId, answer);
        if (startedAt == 0 || updatedAt == 0 || answeredInRound < roundId) revert PerpVenueIncompleteRound(roundId);
        if (strict && updatedAt + maxAge < block.timestamp) revert PerpVenueStalePrice(roundId, updatedAt, maxAge);
        price = uint256(answer);
    }

    /// @dev σ folded to `latestRound` (poking the oracle first when it is behind, as `CoverMarket.buyCover`
    ///      does) and no older than `maxAge`.
    function _sigma(uint80 latestRound, uint256 maxAge) internal returns (uint256 sigma) {
        (uint256 s, uint256 at, uint80 round,) = oracle.volatility();
        if (round != latestRound) {
            oracle.poke();
            (s, at,,) = oracle.volatility();
        }
        if (at + maxAge < block.timestamp) revert PerpVenueStaleVolatility(at, maxAge);
        return s;
    }

    /// @dev Reverts while the L2 sequencer is down or inside the grace period after it came back.
    ///      `startedAt` is when the status last changed; 0 means the feed is not initialised (Arbitrum).
    function _checkSequencer() internal view {
        AggregatorV3Interface uptime = sequencerUptimeFeed;
        if (address(uptime) == address(0)) return;
        (, int256 answer, uint256 startedAt,,) = uptime.latestRoundData();
        if (answer != 0) revert PerpVenueSequencerDown(answer);
        if (startedAt == 0 || startedAt > block.timestamp || block.timestamp - startedAt <= sequencerGracePeriod) {
            revert PerpVenueSequencerGracePeriod(startedAt, sequencerGracePeriod);
        }
    }
}
