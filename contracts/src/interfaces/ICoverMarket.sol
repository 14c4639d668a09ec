// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {AggregatorV3Interface} from "./AggregatorV3Interface.sol";
import {IVolatilityOracle} from "./IVolatilityOracle.sol";
import {ICoverPool} from "./ICoverPool.sol";
import {CoverPricing} from "../libraries/CoverPricing.sol";
import {ICoverDescriptor} from "./ICoverDescriptor.sol";

/// @title ICoverMarket
/// @notice Parametric liquidation cover, one transferable ERC-721 token per cover. A cover on product
///         `productId` pays `payout` (pool asset base units) to whoever holds the token when the product's
///         Chainlink feed confirms the price touched `strike` (feed units) between `start + activationDelay`
///         and `end`. Premiums go to the backing pool (earned over the term), payouts are locked there.
interface ICoverMarket {
    /// @notice Which side of the spot the strike sits on: `Down` pays when the price falls to the strike
    ///         (cover for a long), `Up` when it rises to it (cover for a short).
    enum Direction {
        Down,
        Up
    }

    /// @notice The bounded governance parameters (named in `CoverMarketParameterOutOfBounds`).
    enum Parameter {
        SequencerGracePeriod,
        Confirmations,
        ActivationDelay,
        ClaimGrace,
        MinDuration,
        MaxDuration,
        MaxPriceAge,
        MaxSigmaAge,
        MaxStrikeRatio,
        BaseMarkup,
        Slope,
        SteepSlope,
        Kink,
        MinRate
    }

    /// @notice What is stored for a cover. `Released` = marked expired by `release` (its lock freed).
    ///         A `Claimed` or `Released` cover's token is frozen: it stays with its holder, transfers revert.
    enum CoverState {
        None,
        Active,
        Claimed,
        Released
    }

    /// @notice What a cover is now (`coverInfo`): `Active` until its claim deadline; `Expired` after it
    ///         while its payout is still locked in the pool; `Released` once the lock is gone (by
    ///         `release` or by the pool's day bucket); `Claimed` once paid.
    enum CoverStatus {
        None,
        Active,
        Expired,
        Claimed,
        Released
    }

    /// @notice A product as registered. `feed`, `oracle`, `pool`, `direction`, `confirmations`,
    ///         `activationDelay` and `claimGrace` decide claims and are fixed at registration (changing them
    ///         would change the terms of covers already sold): to change them, register a new product and
    ///         pause the old one. Pricing, durations and oracle ages only affect new sales and may change.
    /// @param feed Chainlink price feed (proxy); strikes are in its units and decimals.
    /// @param oracle Volatility oracle of the same feed (σ for pricing).
    /// @param pool Backing pool: receives premiums, locks payouts, pays claims; its asset is the market's.
    /// @param confirmations Consecutive rounds at/beyond the strike a claim needs (0 = default 2).
    /// @param activationDelay Seconds after purchase before rounds count (blocks front-running a known update).
    /// @param claimGrace Seconds after `end` during which a claim may still be submitted.
    /// @param minDuration Shortest cover (seconds), > activationDelay.
    /// @param maxDuration Longest cover (seconds).
    /// @param maxPriceAge Oldest latest round (seconds) a sale may price from.
    /// @param maxSigmaAge Oldest round folded into σ (seconds) a sale may price from.
    /// @param maxStrikeRatio Strike range k in hundredths (0 = default 400, i.e. ×4): a Down strike is at
    ///        least spot / k, an Up strike at most spot × k (`CoverMarketStrikeTooFar` beyond).
    struct ProductConfig {
        AggregatorV3Interface feed;
        IVolatilityOracle oracle;
        ICoverPool pool;
        Direction direction;
        uint8 confirmations;
        uint32 activationDelay;
        uint32 claimGrace;
        uint32 minDuration;
        uint32 maxDuration;
        uint32 maxPriceAge;
        uint32 maxSigmaAge;
        uint16 maxStrikeRatio;
        CoverPricing.Pricing pricing;
    }

    /// @notice A cover's terms and status, for the app. Times are unix seconds.
    /// @param claimDeadline Last second a claim may be submitted: `end + claimGrace`, moved by the downtime of
    ///        L2 sequencer outages after the cover's window opened (the latest deadline any proof can have).
    /// @param releaseDay Day (unix day number) at whose start the pool releases the lock.
    /// @param holder Current token owner (a claimed or released cover's token is frozen with its last holder).
    struct CoverInfo {
        uint256 productId;
        uint256 strike;
        uint256 payout;
        uint256 start;
        uint256 end;
        uint256 claimDeadline;
        uint256 releaseDay;
        CoverStatus status;
        address holder;
    }

    // ------------------------------------------------------------------ events

    /// @notice Governance registered product `productId` with these fixed claim terms; the same
    ///         transaction emits `ProductTermsSet` and `ProductPricingSet` with its initial sale terms.
    event ProductRegistered(
        uint256 indexed productId,
        address indexed feed,
        address indexed pool,
        address oracle,
        Direction direction,
        uint256 confirmations,
        uint256 activationDelay,
        uint256 claimGrace
    );
    /// @notice Governance changed the pricing of `productId` (affects new sales only).
    event ProductPricingSet(uint256 indexed productId, CoverPricing.Pricing pricing);
    /// @notice Governance changed the sale terms of `productId` (affects new sales only).
    event ProductTermsSet(
        uint256 indexed productId,
        uint256 minDuration,
        uint256 maxDuration,
        uint256 maxPriceAge,
        uint256 maxSigmaAge,
        uint256 maxStrikeRatio
    );
    /// @notice Sales of `productId` were paused (by the guardian or owner) or resumed (owner).
    event ProductPaused(uint256 indexed productId, address indexed by, bool paused);
    event GuardianSet(address indexed previous, address indexed current);
    /// @notice Governance set the contract that renders every cover's `tokenURI` (address(0): none).
    event DescriptorSet(address indexed previous, address indexed current);
    /// @notice `buyer` bought cover `tokenId`: `premium` paid into the pool's unearned reserve, `payout`
    ///         locked until the start of `releaseDay`; `spot` (feed units) and `sigma` (WAD) priced it.
    event CoverBought(
        uint256 indexed tokenId,
        uint256 indexed productId,
        address indexed buyer,
        uint256 strike,
        uint256 payout,
        uint256 premium,
        uint256 start,
        uint256 end,
        uint256 releaseDay,
        uint256 spot,
        uint256 sigma
    );
    /// @notice Cover `tokenId` paid `payout` to `holder`, proven by rounds from `roundId`; the token is frozen.
    event CoverClaimed(uint256 indexed tokenId, address indexed holder, uint80 roundId, uint256 payout, address caller);
    /// @notice Cover `tokenId` was marked expired by `caller` and its token frozen; `released` capital was
    ///         freed early (0 when the pool's day bucket had already released it).
    event CoverReleased(uint256 indexed tokenId, address indexed caller, uint256 released);

    // ------------------------------------------------------------------ errors

    error CoverMarketUnknownProduct(uint256 productId);
    error CoverMarketSalesPaused(uint256 productId);
    error CoverMarketZeroPayout();
    error CoverMarketDurationOutOfBounds(uint256 duration, uint256 minDuration, uint256 maxDuration);
    /// @notice The strike is at or beyond the spot on the cover's side: it is already breached.
    error CoverMarketStrikeBreached(uint256 strike, uint256 spot);
    /// @notice A zero strike, or one above the storable maximum.
    error CoverMarketStrikeOutOfRange(uint256 strike, uint256 max);
    /// @notice The strike lies beyond the product's strike range: `limit` is the lowest allowed strike (Down)
    ///         or the highest (Up), `spot × 100 / maxStrikeRatio` or `spot × maxStrikeRatio / 100`.
    error CoverMarketStrikeTooFar(uint256 strike, uint256 limit);
    /// @notice The payout would take the backing pool above its utilization ceiling: at most `capacity`
    ///         (`maxUtilizationBps × totalAssets / 10000 − locked`) can be sold from it now.
    error CoverMarketAboveMaxUtilization(uint256 payout, uint256 capacity);
    /// @notice σ has folded rounds only up to `sigmaRoundId`, behind the feed's latest `latestRoundId`
    ///         (poke the oracle; `buyCover` pokes once itself).
    error CoverMarketVolatilityBehind(uint80 sigmaRoundId, uint80 latestRoundId);
    error CoverMarketPremiumAboveMax(uint256 premium, uint256 maxPremium);
    /// @notice The premium would be the whole payout (touch all but certain): nothing to insure.
    error CoverMarketUninsurable(uint256 premium, uint256 payout);
    /// @notice The feed's latest round is older than `maxAge`.
    error CoverMarketStalePrice(uint80 roundId, uint256 updatedAt, uint256 maxAge);
    /// @notice The volatility oracle's last folded round is older than `maxAge` (poke it).
    error CoverMarketStaleVolatility(uint256 updatedAt, uint256 maxAge);
    error CoverMarketNonPositiveAnswer(uint80 roundId, int256 answer);
    /// @notice `startedAt == 0` or `answeredInRound < roundId`.
    error CoverMarketIncompleteRound(uint80 roundId, uint256 startedAt, uint80 answeredInRound);
    /// @notice The L2 sequencer uptime feed reports the sequencer down (`answer` 1).
    error CoverMarketSequencerDown(int256 answer);
    /// @notice The sequencer came back at `startedAt`, less than `gracePeriod` ago.
    error CoverMarketSequencerGracePeriod(uint256 startedAt, uint256 gracePeriod);
    error CoverMarketUnknownCover(uint256 tokenId);
    error CoverMarketAlreadyClaimed(uint256 tokenId);
    error CoverMarketAlreadyReleased(uint256 tokenId);
    /// @notice The claim deadline `deadline` has passed.
    error CoverMarketClaimWindowClosed(uint256 tokenId, uint256 deadline);
    /// @notice `release` before the claim deadline `deadline`.
    error CoverMarketClaimWindowOpen(uint256 tokenId, uint256 deadline);
    /// @notice A round id with phase 0 or aggregator round 0.
    error CoverMarketInvalidRoundId(uint80 roundId);
    /// @notice `confirmations` rounds from `roundId` would run past the end of its phase.
    error CoverMarketRoundsCrossPhase(uint80 roundId, uint256 confirmations);
    /// @notice The feed has no round `roundId` (reverted or answered another id).
    error CoverMarketRoundUnavailable(uint80 roundId);
    /// @notice Round `roundId` was updated outside the cover's window [windowStart, windowEnd].
    error CoverMarketRoundOutsideWindow(uint80 roundId, uint256 updatedAt, uint256 windowStart, uint256 windowEnd);
    /// @notice Round `roundId` answered `answer`, short of `strike`.
    error CoverMarketStrikeNotReached(uint80 roundId, int256 answer, uint256 strike);
    error CoverMarketNotGuardian(address caller);
    error CoverMarketZeroAddress();
    /// @notice Governance parameter `parameter` = `value` outside [min, max]. (An enum, not the name as
    ///         bytes32: each bytes32 literal was a 33-byte PUSH32 at its call site, ~400 bytes of a contract
    ///         at the EIP-170 limit.)
    error CoverMarketParameterOutOfBounds(Parameter parameter, uint256 value, uint256 min, uint256 max);
    /// @notice The oracle measures `oracleFeed`, not the product's `feed`.
    error CoverMarketOracleFeedMismatch(address oracleFeed, address feed);
    /// @notice The pool's asset `poolAsset` is not the market's `asset`.
    error CoverMarketPoolAssetMismatch(address poolAsset, address asset);
    /// @notice The pool released the lock on another day than the market derives from the claim deadline.
    error CoverMarketReleaseDayMismatch(uint256 expected, uint256 actual);
    error CoverMarketTooManyProducts();

    // ------------------------------------------------------------------ views

    /// @notice The premium `buyCover` would charge now, in pool asset base units, rounded up:
    ///         payout × max(P_touch, minRate × L / year) × average markup over [U_before, U_after], where L is
    ///         the lock's real length (now until the release day, claim grace included, at least 2 days);
    ///         see `CoverPricing`. P_touch uses the feed's latest round as spot and the oracle's clamped σ.
    /// @dev Reverts exactly as `buyCover` would for the same inputs, except for `CoverMarketSalesPaused`
    ///      and `CoverMarketPremiumAboveMax` (a quote works while sales are paused) and
    ///      `CoverMarketVolatilityBehind` (`buyCover` pokes the oracle first).
    /// @param strike Feed units (same decimals as the feed's answers).
    /// @param payout Pool asset base units.
    /// @param duration Seconds from now.
    function quote(uint256 productId, uint256 strike, uint256 payout, uint256 duration) external view returns (uint256 premium);

    /// @notice The stablecoin premiums and payouts are in (every product's pool uses it).
    function asset() external view returns (IERC20);

    /// @notice The product's configuration and whether its sales are paused.
    function product(uint256 productId) external view returns (ProductConfig memory config, bool paused);

    /// @notice Number of registered products; ids run from 1 to `productCount()`.
    function productCount() external view returns (uint256);

    /// @notice The last token id minted; ids run from 1.
    function lastTokenId() external view returns (uint256);

    /// @notice A cover's terms, deadlines, status and holder (status `None` for an unknown id).
    function coverInfo(uint256 tokenId) external view returns (CoverInfo memory);

    /// @notice The guardian, who may pause sales (never claims).
    function guardian() external view returns (address);

    /// @notice The contract `tokenURI` forwards to (on-chain JSON + SVG of a cover); address(0) = no metadata
    ///         (`tokenURI` returns ""). Set by governance (`setDescriptor`), so the rendering can change without
    ///         touching any cover.
    function descriptor() external view returns (ICoverDescriptor);

    // ------------------------------------------------------------------ actions

    /// @notice Buys a cover paying `payout` if the price touches `strike` within `duration` seconds from
    ///         now (rounds counting from `now + activationDelay`), for at most `maxPremium`. Mints the
    ///         cover token to the caller.
    /// @dev Pulls the premium from the caller (approve the market for the pool's asset first) into the
    ///      pool's unearned reserve (earned linearly until `end`), locks `payout` in the pool until
    ///      `end + claimGrace`, writes the cover, then `_safeMint`s (the receiver callback sees the final
    ///      state; reentry into the market reverts). When σ has not folded the feed's latest round it first
    ///      pokes the oracle (so a sale is never blocked by a missing poke). Reverts `CoverMarketUnknownProduct`,
    ///      `CoverMarketSalesPaused` (product or pool paused), `CoverMarketZeroPayout`,
    ///      `CoverMarketDurationOutOfBounds`, `CoverMarketStrikeOutOfRange`, `CoverMarketStrikeBreached`,
    ///      `CoverMarketStrikeTooFar`, `CoverMarketVolatilityBehind` (still behind after the poke),
    ///      `CoverMarketAboveMaxUtilization`, `CoverMarketUninsurable`, `CoverMarketPremiumAboveMax`,
    ///      `CoverMarketStalePrice`, `CoverMarketStaleVolatility`, `CoverMarketNonPositiveAnswer`,
    ///      `CoverMarketIncompleteRound`, `CoverMarketSequencerDown`, `CoverMarketSequencerGracePeriod`.
    ///      Emits `CoverBought` (and ERC-721 `Transfer`).
    /// @return tokenId The new cover token.
    /// @return premium What was charged (base units).
    function buyCover(uint256 productId, uint256 strike, uint256 payout, uint256 duration, uint256 maxPremium)
        external
        returns (uint256 tokenId, uint256 premium);

    /// @notice Pays cover `tokenId`'s payout to its current holder when the product's `confirmations`
    ///         consecutive feed rounds from `roundId` (same phase) are all positive, complete
    ///         (`startedAt != 0`, `answeredInRound ≥ roundId`), at or beyond the strike and updated within
    ///         [start + activationDelay, end]. Anyone may call (keepers claim for holders); callable until
    ///         `end + claimGrace` (inclusive). `lib/cover/findClaimRound.ts` finds the first such round.
    ///         Burns the token (a spent cover can never be sold).
    ///         L2 outages: while the sequencer is down or in its grace period a claim reverts unless every
    ///         confirming round was published before the latest outage began; the deadline moves by the
    ///         downtime of the latest outage when it began after the proof and at or before the deadline
    ///         (the uptime feed's latest status change and the round before it are read; only the latest
    ///         outage counts). If the moved deadline passes the lock's release day, the pool pays from free
    ///         capital (`payReleasedClaim`).
    /// @dev Reverts `CoverMarketUnknownCover`, `CoverMarketAlreadyClaimed`, `CoverMarketAlreadyReleased`,
    ///      `CoverMarketClaimWindowClosed`, `CoverMarketSequencerDown`, `CoverMarketSequencerGracePeriod`,
    ///      `CoverMarketInvalidRoundId`, `CoverMarketRoundsCrossPhase`, `CoverMarketRoundUnavailable`,
    ///      `CoverMarketNonPositiveAnswer`, `CoverMarketIncompleteRound`, `CoverMarketRoundOutsideWindow`,
    ///      `CoverMarketStrikeNotReached`. Pays from the cover's own lock only (other covers' locked capital
    ///      is untouched). Not blocked by any pause. Emits `CoverClaimed`; the token is frozen.
    function claim(uint256 tokenId, uint80 roundId) external;

    /// @notice Marks cover `tokenId` expired after its claim deadline and, if the pool's day bucket has
    ///         not released its lock yet (it does so at the start of `releaseDay`, at most a day after the
    ///         deadline), frees the locked payout now. Anyone may call; never needed for correctness.
    /// @dev Expiry needs no call: the pool's day buckets release every lock with no loop over covers.
    ///      This exists because (1) capital comes back to underwriters up to a day earlier, and (2) the
    ///      indexer gets an explicit `CoverReleased` event and the token a final stored state (it is frozen).
    ///      The deadline is the latest any claim could have after L2 outages (see `claim`), so a release
    ///      never cuts off a claim. Reverts `CoverMarketUnknownCover`, `CoverMarketAlreadyClaimed`,
    ///      `CoverMarketAlreadyReleased`, `CoverMarketClaimWindowOpen`. Emits `CoverReleased`; the token is frozen.
    /// @return released Capital freed by this call (0 if the bucket had already released it).
    function release(uint256 tokenId) external returns (uint256 released);

    // ------------------------------------------------------------------ governance

    /// @notice Registers a product. Owner only. Every parameter must lie within the market's hard bounds
    ///         (`CoverMarketParameterOutOfBounds`; `claimGrace` also above the sequencer grace period); the
    ///         oracle must measure `feed` and the pool's asset be the market's. Emits `ProductRegistered`, `ProductTermsSet`
    ///         and `ProductPricingSet`.
    function registerProduct(ProductConfig calldata config) external returns (uint256 productId);

    /// @notice Sets a product's pricing, within bounds. Owner only. Emits `ProductPricingSet`.
    function setPricing(uint256 productId, CoverPricing.Pricing calldata pricing) external;

    /// @notice Sets a product's sale terms, within bounds (`maxStrikeRatio` in hundredths, see
    ///         `ProductConfig`). Owner only. Emits `ProductTermsSet`.
    function setTerms(
        uint256 productId,
        uint256 minDuration,
        uint256 maxDuration,
        uint256 maxPriceAge,
        uint256 maxSigmaAge,
        uint256 maxStrikeRatio
    ) external;

    /// @notice Pauses sales of `productId` (claims and releases keep working). Guardian or owner.
    ///         Emits `ProductPaused`.
    function pauseProduct(uint256 productId) external;

    /// @notice Resumes sales of `productId`. Owner only. Emits `ProductPaused`.
    function unpauseProduct(uint256 productId) external;

    /// @notice Sets the guardian. Owner only. Emits `GuardianSet`.
    function setGuardian(address guardian_) external;

    /// @notice Sets the contract that renders covers' `tokenURI` (address(0) removes the metadata). Owner only.
    ///         Emits `DescriptorSet`. Rendering only: no effect on sales, claims or transfers.
    function setDescriptor(ICoverDescriptor descriptor_) external;
}
