// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {AggregatorV3Interface} from "./interfaces/AggregatorV3Interface.sol";
import {IVolatilityOracle} from "./interfaces/IVolatilityOracle.sol";
import {ICoverPool} from "./interfaces/ICoverPool.sol";
import {ICoverMarket} from "./interfaces/ICoverMarket.sol";
import {CoverPricing} from "./libraries/CoverPricing.sol";

/// @title CoverMarket
/// @notice Sells parametric liquidation cover: one transferable ERC-721 token per cover, priced from a
///         Chainlink feed and its volatility oracle, backed by a `BackstopPool` (see `ICoverMarket`).
///
/// @dev ## Life of a cover
///      `buyCover` prices with `CoverPricing` (P_touch from the feed's latest round and the oracle's σ,
///      average markup over the utilization the cover consumes), pulls the premium into the pool's
///      unearned reserve (earned until `end`), locks the payout in the pool until `end + claimGrace`
///      and mints the token. `claim` pays the holder from that lock when `confirmations` consecutive
///      rounds prove the touch. After the claim deadline nothing has to happen: the pool releases the
///      lock at the start of `releaseDay = (end + claimGrace) / 1 day + 1` through its day buckets, with
///      no loop over covers. `release` is an optional permissionless shortcut (see `ICoverMarket`).
///
///      P_touch is priced over the whole duration although rounds only count from `start +
///      activationDelay`: a slight overstatement of the risk, in the pool's favour, that keeps the
///      premium a function of one (spot, strike, σ, T) and its twin simple.
///
///      ## Oracle rules (why each exists)
///      - Activation delay: only rounds updated at or after `start + activationDelay` count, so a buyer
///        who sees a price update in the mempool (or a touch already in history) cannot buy cover on it.
///      - Confirmations: one aberrant print does not pay; `confirmations` consecutive round ids must all
///        be at/beyond the strike. Consecutive ids never cross a phase (a proxy's round ids carry the
///        phase in bits 64–79; the last round of one phase and the first of the next are not consecutive).
///        Rounds of an older phase are real answers and count if they fall in the window.
///      - Complete, positive rounds only; stale latest rounds and a stale σ block sales.
///      - L2 sequencer: a sequencer uptime feed is a property of the chain, so it is one immutable of the
///        market (not per product); while it reports down, or within the grace period after it came back,
///        sales and claims revert (prices may be stale, and nobody could have corrected them).
///
///      ## Storage
///      A cover is one slot: payout (uint96, the pool's own bound), strike (uint72: up to 4.7e21 feed
///      units, e.g. $4.7e13 on an 8-decimal feed or 4,722 on an 18-decimal one), start and end (uint32
///      seconds: valid until 2106), product id (uint16) and state. A product is four slots: three of
///      sale terms (all a quote reads; the feed it takes from the oracle, whose `feed` is immutable and
///      checked equal at registration) and one of claim terms (with the first sale slot, all a claim
///      reads). A quote is gas-bound by cold reads, so every slot it does not read counts.
///
///      ## Governance
///      `owner` (Ownable2Step; a timelock on public chains) registers products and tunes pricing, durations
///      and oracle ages, each within the hard bounds below. Claim terms are fixed per product. The guardian
///      (or owner) may pause a product's sales; only the owner resumes them. Nothing pauses claims.
contract CoverMarket is ICoverMarket, ERC721, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // ------------------------------------------------------------------ hard bounds

    uint256 public constant DEFAULT_CONFIRMATIONS = 2;
    uint256 public constant MIN_CONFIRMATIONS = 1;
    uint256 public constant MAX_CONFIRMATIONS = 10;
    uint256 public constant MIN_ACTIVATION_DELAY = 1 minutes;
    uint256 public constant MAX_ACTIVATION_DELAY = 1 days;
    uint256 public constant MIN_CLAIM_GRACE = 1 hours;
    uint256 public constant MAX_CLAIM_GRACE = 14 days;
    uint256 public constant MIN_DURATION = 1 hours;
    /// @dev MAX_DURATION + MAX_CLAIM_GRACE stays inside the pool's MAX_TERM (400 days).
    uint256 public constant MAX_DURATION = 365 days;
    uint256 public constant MIN_PRICE_AGE = 1 minutes;
    uint256 public constant MAX_PRICE_AGE = 2 days;
    uint256 public constant MIN_SIGMA_AGE = 1 minutes;
    uint256 public constant MAX_SIGMA_AGE = 7 days;
    uint256 public constant MIN_BASE_MARKUP = 1e18;
    uint256 public constant MAX_BASE_MARKUP = 3e18;
    uint256 public constant MAX_SLOPE = 2e18;
    uint256 public constant MAX_STEEP_SLOPE = 10e18;
    uint256 public constant MIN_KINK = 0.1e18;
    uint256 public constant MAX_KINK = 0.95e18;
    /// @dev > 0 so every premium is at least one base unit (the pool refuses a zero premium).
    uint256 public constant MIN_MIN_RATE = 0.0001e18;
    uint256 public constant MAX_MIN_RATE = 1e18;
    uint256 public constant MIN_SEQUENCER_GRACE = 5 minutes;
    uint256 public constant MAX_SEQUENCER_GRACE = 1 days;
    /// @notice Largest strike a cover can store (feed units).
    uint256 public constant MAX_STRIKE = type(uint72).max;

    uint256 internal constant DAY = 1 days;

    // ------------------------------------------------------------------ storage

    /// @dev Everything a quote reads (three slots).
    struct SaleTerms {
        // slot 0 (claims read the pool and direction too)
        ICoverPool pool;
        Direction direction;
        bool paused;
        uint24 maxPriceAge; // ≤ MAX_PRICE_AGE < 2^24
        uint24 maxSigmaAge; // ≤ MAX_SIGMA_AGE < 2^24
        uint32 minDuration;
        // slot 1
        IVolatilityOracle oracle;
        uint32 maxDuration;
        uint64 minRate;
        // slot 2
        uint64 baseMarkup;
        uint64 slope;
        uint64 steepSlope;
        uint64 kink;
    }

    /// @dev What claims (and the lock term of a sale) read besides the first sale slot (one slot).
    struct ClaimTerms {
        AggregatorV3Interface feed;
        uint8 confirmations;
        uint32 activationDelay;
        uint32 claimGrace;
    }

    struct Product {
        SaleTerms sale;
        ClaimTerms claim;
    }

    struct Cover {
        uint96 payout;
        uint72 strike;
        uint32 start;
        uint32 end;
        uint16 productId;
        CoverState state;
    }

    /// @dev Intermediate results of a quote.
    struct Priced {
        uint256 premium;
        uint256 spot;
        uint256 sigma;
        uint256 locked; // the pool's, before this cover
        uint256 totalAssets;
    }

    /// @notice The stablecoin premiums are paid in (every product's pool must use it).
    IERC20 public immutable asset;
    /// @notice Chainlink L2 sequencer uptime feed (address(0) on L1): answer 0 = up, 1 = down.
    AggregatorV3Interface public immutable sequencerUptimeFeed;
    /// @notice Seconds after the sequencer comes back during which sales and claims still revert.
    uint256 public immutable sequencerGracePeriod;

    /// @inheritdoc ICoverMarket
    address public guardian;
    uint16 private _productCount;
    uint80 private _lastTokenId;

    mapping(uint256 productId => Product) private _products;
    mapping(uint256 tokenId => Cover) private _covers;

    // ------------------------------------------------------------------ construction

    /// @param asset_ The stablecoin of the backing pools.
    /// @param owner_ Governance (a timelock on public chains).
    /// @param guardian_ May pause sales.
    /// @param sequencerUptimeFeed_ Chainlink sequencer uptime feed on L2s; address(0) on L1.
    /// @param sequencerGracePeriod_ With a feed: within [MIN_SEQUENCER_GRACE, MAX_SEQUENCER_GRACE]
    ///        (Chainlink suggests 1 hour); without: 0.
    constructor(
        IERC20 asset_,
        address owner_,
        address guardian_,
        AggregatorV3Interface sequencerUptimeFeed_,
        uint256 sequencerGracePeriod_
    ) ERC721("Backstop Cover", "bsCOVER") Ownable(owner_) {
        if (address(asset_) == address(0) || guardian_ == address(0)) {
            revert CoverMarketZeroAddress();
        }
        if (address(sequencerUptimeFeed_) == address(0)) {
            _checkBounds("sequencerGracePeriod", sequencerGracePeriod_, 0, 0);
        } else {
            _checkBounds("sequencerGracePeriod", sequencerGracePeriod_, MIN_SEQUENCER_GRACE, MAX_SEQUENCER_GRACE);
        }
        asset = asset_;
        sequencerUptimeFeed = sequencerUptimeFeed_;
        sequencerGracePeriod = sequencerGracePeriod_;
        guardian = guardian_;
        emit GuardianSet(address(0), guardian_);
    }

    // ================================================================== views

    /// @inheritdoc ICoverMarket
    function quote(uint256 productId, uint256 strike, uint256 payout, uint256 duration)
        external
        view
        returns (uint256 premium)
    {
        return _price(_saleTerms(productId), strike, payout, duration).premium;
    }

    /// @inheritdoc ICoverMarket
    function product(uint256 productId) external view returns (ProductConfig memory config, bool paused) {
        SaleTerms memory s = _saleTerms(productId);
        ClaimTerms memory c = _products[productId].claim;
        config = ProductConfig({
            feed: c.feed,
            oracle: s.oracle,
            pool: s.pool,
            direction: s.direction,
            confirmations: c.confirmations,
            activationDelay: c.activationDelay,
            claimGrace: c.claimGrace,
            minDuration: s.minDuration,
            maxDuration: s.maxDuration,
            maxPriceAge: s.maxPriceAge,
            maxSigmaAge: s.maxSigmaAge,
            pricing: _pricing(s)
        });
        paused = s.paused;
    }

    /// @inheritdoc ICoverMarket
    function productCount() external view returns (uint256) {
        return _productCount;
    }

    /// @inheritdoc ICoverMarket
    function lastTokenId() external view returns (uint256) {
        return _lastTokenId;
    }

    /// @inheritdoc ICoverMarket
    function coverInfo(uint256 tokenId) external view returns (CoverInfo memory info) {
        Cover memory c = _covers[tokenId];
        if (c.state == CoverState.None) return info;
        uint256 deadline = uint256(c.end) + _products[c.productId].claim.claimGrace;
        uint256 releaseDay = deadline / DAY + 1;
        info = CoverInfo({
            productId: c.productId,
            strike: c.strike,
            payout: c.payout,
            start: c.start,
            end: c.end,
            claimDeadline: deadline,
            releaseDay: releaseDay,
            status: CoverStatus.Active,
            holder: _ownerOf(tokenId)
        });
        if (c.state == CoverState.Claimed) info.status = CoverStatus.Claimed;
        else if (c.state == CoverState.Released || block.timestamp >= releaseDay * DAY) info.status = CoverStatus.Released;
        else if (block.timestamp > deadline) info.status = CoverStatus.Expired;
    }

    // ================================================================== actions

    /// @inheritdoc ICoverMarket
    function buyCover(uint256 productId, uint256 strike, uint256 payout, uint256 duration, uint256 maxPremium)
        external
        nonReentrant
        returns (uint256 tokenId, uint256 premium)
    {
        SaleTerms memory p = _saleTerms(productId);
        if (p.paused) revert CoverMarketSalesPaused(productId);
        Priced memory q = _price(p, strike, payout, duration);
        if (p.pool.paused()) revert CoverMarketSalesPaused(productId);
        premium = q.premium;
        if (premium > maxPremium) revert CoverMarketPremiumAboveMax(premium, maxPremium);
        uint256 end = block.timestamp + duration;
        if (end > type(uint32).max) revert CoverMarketParameterOutOfBounds("end", end, 0, type(uint32).max);
        unchecked {
            tokenId = ++_lastTokenId; // 2^80 covers will not be sold
        }
        // Effects first: the receiver callback of `_safeMint` (last) sees the final state.
        _covers[tokenId] = Cover({
            payout: uint96(payout), // ≤ free capital < 2^96 (the pool's own bound)
            strike: uint72(strike), // ≤ MAX_STRIKE, checked in `_price`
            start: uint32(block.timestamp),
            end: uint32(end),
            productId: uint16(productId), // ≤ _productCount, a uint16
            state: CoverState.Active
        });
        uint256 until = end + _products[productId].claim.claimGrace;
        // The premium goes straight from the buyer to the pool, which books it and the lock in one call.
        asset.safeTransferFrom(msg.sender, address(p.pool), premium);
        uint256 releaseDay = p.pool.underwriteCover(premium, end, payout, until);
        // claim/release derive the bucket from the deadline; a pool that disagrees must fail loudly here.
        if (releaseDay != until / DAY + 1) revert CoverMarketReleaseDayMismatch(until / DAY + 1, releaseDay);
        emit CoverBought(
            tokenId, productId, msg.sender, strike, payout, premium, block.timestamp, end, releaseDay, q.spot, q.sigma
        );
        _safeMint(msg.sender, tokenId);
    }

    /// @inheritdoc ICoverMarket
    function claim(uint256 tokenId, uint80 roundId) external nonReentrant {
        Cover memory c = _covers[tokenId];
        _requireActive(tokenId, c.state);
        Product storage p = _products[c.productId];
        uint256 deadline = uint256(c.end) + p.claim.claimGrace;
        if (block.timestamp > deadline) revert CoverMarketClaimWindowClosed(tokenId, deadline);
        _checkSequencer();
        _checkTouch(p, c, roundId);
        _covers[tokenId].state = CoverState.Claimed;
        address holder = _ownerOf(tokenId);
        // Paid out of this cover's own lock (its bucket), never out of other covers' locked capital.
        p.sale.pool.payClaim(c.payout, holder, deadline / DAY + 1);
        emit CoverClaimed(tokenId, holder, roundId, c.payout, msg.sender);
    }

    /// @inheritdoc ICoverMarket
    function release(uint256 tokenId) external nonReentrant returns (uint256 released) {
        Cover memory c = _covers[tokenId];
        _requireActive(tokenId, c.state);
        Product storage p = _products[c.productId];
        uint256 deadline = uint256(c.end) + p.claim.claimGrace;
        if (block.timestamp <= deadline) revert CoverMarketClaimWindowOpen(tokenId, deadline);
        _covers[tokenId].state = CoverState.Released;
        uint256 releaseDay = deadline / DAY + 1;
        // Before the start of `releaseDay` the bucket still holds the lock: free it now. From that
        // moment on the pool releases it itself (on its next walk), so there is nothing to free.
        if (block.timestamp < releaseDay * DAY) {
            released = c.payout;
            p.sale.pool.releaseCapital(released, releaseDay);
        }
        emit CoverReleased(tokenId, msg.sender, released);
    }

    // ================================================================== governance

    /// @inheritdoc ICoverMarket
    function registerProduct(ProductConfig calldata config) external onlyOwner returns (uint256 productId) {
        ProductConfig memory c = config;
        if (address(c.feed) == address(0) || address(c.oracle) == address(0) || address(c.pool) == address(0)) {
            revert CoverMarketZeroAddress();
        }
        address oracleFeed = address(c.oracle.feed());
        if (oracleFeed != address(c.feed)) revert CoverMarketOracleFeedMismatch(oracleFeed, address(c.feed));
        address poolAsset = c.pool.asset();
        if (poolAsset != address(asset)) revert CoverMarketPoolAssetMismatch(poolAsset, address(asset));
        uint256 confirmations = c.confirmations == 0 ? DEFAULT_CONFIRMATIONS : c.confirmations;
        _checkBounds("confirmations", confirmations, MIN_CONFIRMATIONS, MAX_CONFIRMATIONS);
        _checkBounds("activationDelay", c.activationDelay, MIN_ACTIVATION_DELAY, MAX_ACTIVATION_DELAY);
        _checkBounds("claimGrace", c.claimGrace, MIN_CLAIM_GRACE, MAX_CLAIM_GRACE);
        if (_productCount == type(uint16).max) revert CoverMarketTooManyProducts();
        productId = ++_productCount;
        Product storage p = _products[productId];
        p.sale.pool = c.pool;
        p.sale.direction = c.direction;
        p.sale.oracle = c.oracle;
        p.claim = ClaimTerms({
            feed: c.feed,
            confirmations: uint8(confirmations),
            activationDelay: c.activationDelay,
            claimGrace: c.claimGrace
        });
        emit ProductRegistered(
            productId,
            address(c.feed),
            address(c.pool),
            address(c.oracle),
            c.direction,
            confirmations,
            c.activationDelay,
            c.claimGrace
        );
        _setTerms(productId, p, c.minDuration, c.maxDuration, c.maxPriceAge, c.maxSigmaAge);
        _setPricing(productId, p, c.pricing);
        // No allowance to the pool: premiums go from the buyer to the pool directly (`underwriteCover`),
        // so the market never holds tokens.
    }

    /// @inheritdoc ICoverMarket
    function setPricing(uint256 productId, CoverPricing.Pricing calldata pricing) external onlyOwner {
        _setPricing(productId, _existing(productId), pricing);
    }

    /// @inheritdoc ICoverMarket
    function setTerms(
        uint256 productId,
        uint256 minDuration,
        uint256 maxDuration,
        uint256 maxPriceAge,
        uint256 maxSigmaAge
    ) external onlyOwner {
        _setTerms(productId, _existing(productId), minDuration, maxDuration, maxPriceAge, maxSigmaAge);
    }

    /// @inheritdoc ICoverMarket
    function pauseProduct(uint256 productId) external {
        if (msg.sender != guardian && msg.sender != owner()) revert CoverMarketNotGuardian(msg.sender);
        _existing(productId).sale.paused = true;
        emit ProductPaused(productId, msg.sender, true);
    }

    /// @inheritdoc ICoverMarket
    function unpauseProduct(uint256 productId) external onlyOwner {
        _existing(productId).sale.paused = false;
        emit ProductPaused(productId, msg.sender, false);
    }

    /// @inheritdoc ICoverMarket
    function setGuardian(address guardian_) external onlyOwner {
        if (guardian_ == address(0)) revert CoverMarketZeroAddress();
        emit GuardianSet(guardian, guardian_);
        guardian = guardian_;
    }

    /// @notice No metadata service: covers are described on chain by `coverInfo` (and by the indexer).
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        return "";
    }

    // ================================================================== internals

    /// @dev A registered product's sale terms (every product has a pool).
    function _saleTerms(uint256 productId) internal view returns (SaleTerms memory s) {
        s = _products[productId].sale;
        if (address(s.pool) == address(0)) revert CoverMarketUnknownProduct(productId);
    }

    function _existing(uint256 productId) internal view returns (Product storage p) {
        p = _products[productId];
        if (address(p.sale.pool) == address(0)) revert CoverMarketUnknownProduct(productId);
    }

    function _pricing(SaleTerms memory p) internal pure returns (CoverPricing.Pricing memory) {
        return CoverPricing.Pricing({
            baseMarkup: p.baseMarkup,
            slope: p.slope,
            steepSlope: p.steepSlope,
            kink: p.kink,
            minRate: p.minRate
        });
    }

    /// @dev Everything `quote` and `buyCover` share: validation, market inputs, the premium.
    function _price(SaleTerms memory p, uint256 strike, uint256 payout, uint256 duration)
        internal
        view
        returns (Priced memory q)
    {
        if (payout == 0) revert CoverMarketZeroPayout();
        if (duration < p.minDuration || duration > p.maxDuration) {
            revert CoverMarketDurationOutOfBounds(duration, p.minDuration, p.maxDuration);
        }
        if (strike == 0 || strike > MAX_STRIKE) revert CoverMarketStrikeOutOfRange(strike, MAX_STRIKE);
        _checkSequencer();
        // σ first: the oracle is then warm for `feed()` (the checks keep their order below).
        uint256 sigmaAt;
        (q.sigma, sigmaAt) = p.oracle.volatility();
        q.spot = _spot(p.oracle.feed(), p.maxPriceAge);
        if (p.direction == Direction.Down ? strike >= q.spot : strike <= q.spot) {
            revert CoverMarketStrikeBreached(strike, q.spot);
        }
        if (sigmaAt + p.maxSigmaAge < block.timestamp) revert CoverMarketStaleVolatility(sigmaAt, p.maxSigmaAge);
        q.premium = _premium(p, q, strike, payout, duration);
        if (q.premium >= payout) revert CoverMarketUninsurable(q.premium, payout);
    }

    /// @dev `CoverPricing.quote` on the pool's capital now (its own frame: `_price` is at the stack limit).
    function _premium(SaleTerms memory p, Priced memory q, uint256 strike, uint256 payout, uint256 duration)
        internal
        view
        returns (uint256)
    {
        (q.locked, q.totalAssets) = _capital(p.pool, payout);
        return CoverPricing.quote(q.spot, strike, q.sigma, duration, payout, q.locked, q.totalAssets, _pricing(p));
    }

    /// @dev The pool's locked and total assets; reverts when `payout` exceeds its free capital.
    function _capital(ICoverPool pool, uint256 payout) internal view returns (uint256 locked, uint256 totalAssets) {
        (totalAssets, locked) = pool.underwritingCapital();
        uint256 free = totalAssets > locked ? totalAssets - locked : 0;
        if (payout > free) revert CoverMarketInsufficientCapital(payout, free);
    }

    /// @dev The feed's latest round as spot: complete, positive and no older than `maxPriceAge`.
    function _spot(AggregatorV3Interface feed, uint256 maxPriceAge) internal view returns (uint256) {
        (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound) =
            feed.latestRoundData();
        if (answer <= 0) revert CoverMarketNonPositiveAnswer(roundId, answer);
        if (startedAt == 0 || answeredInRound < roundId) {
            revert CoverMarketIncompleteRound(roundId, startedAt, answeredInRound);
        }
        if (updatedAt + maxPriceAge < block.timestamp) revert CoverMarketStalePrice(roundId, updatedAt, maxPriceAge);
        return uint256(answer);
    }

    /// @dev Reverts while the L2 sequencer is down or inside the grace period after it came back.
    ///      `startedAt` is when the status last changed; 0 means the feed is not initialised (Arbitrum).
    function _checkSequencer() internal view {
        AggregatorV3Interface feed = sequencerUptimeFeed;
        if (address(feed) == address(0)) return;
        (, int256 answer, uint256 startedAt,,) = feed.latestRoundData();
        if (answer != 0) revert CoverMarketSequencerDown(answer);
        if (startedAt == 0 || startedAt > block.timestamp || block.timestamp - startedAt <= sequencerGracePeriod) {
            revert CoverMarketSequencerGracePeriod(startedAt, sequencerGracePeriod);
        }
    }

    /// @dev The claim proof: `confirmations` consecutive rounds from `roundId`, in one phase, each
    ///      complete, positive, inside [start + activationDelay, end] and at/beyond the strike.
    ///      Bounded loop: confirmations ≤ MAX_CONFIRMATIONS.
    function _checkTouch(Product storage p, Cover memory c, uint80 roundId) internal view {
        AggregatorV3Interface feed = p.claim.feed;
        uint256 confirmations = p.claim.confirmations;
        bool up = p.sale.direction == Direction.Up;
        uint256 windowStart = uint256(c.start) + p.claim.activationDelay;
        uint256 aggregatorRound = uint64(roundId);
        if (roundId >> 64 == 0 || aggregatorRound == 0) revert CoverMarketInvalidRoundId(roundId);
        if (aggregatorRound + confirmations - 1 > type(uint64).max) {
            revert CoverMarketRoundsCrossPhase(roundId, confirmations);
        }
        for (uint256 i; i < confirmations; ++i) {
            uint80 id = roundId + uint80(i);
            int256 answer;
            uint256 startedAt;
            uint256 updatedAt;
            uint80 answeredInRound;
            try feed.getRoundData(id) returns (uint80 rid, int256 a, uint256 s, uint256 u, uint80 air) {
                if (rid != id) revert CoverMarketRoundUnavailable(id);
                (answer, startedAt, updatedAt, answeredInRound) = (a, s, u, air);
            } catch {
                revert CoverMarketRoundUnavailable(id);
            }
            if (answer <= 0) revert CoverMarketNonPositiveAnswer(id, answer);
            if (startedAt == 0 || answeredInRound < id) revert CoverMarketIncompleteRound(id, startedAt, answeredInRound);
            if (updatedAt < windowStart || updatedAt > c.end) {
                revert CoverMarketRoundOutsideWindow(id, updatedAt, windowStart, c.end);
            }
            if (up ? uint256(answer) < c.strike : uint256(answer) > c.strike) {
                revert CoverMarketStrikeNotReached(id, answer, c.strike);
            }
        }
    }

    function _requireActive(uint256 tokenId, CoverState state) internal pure {
        if (state == CoverState.Active) return;
        if (state == CoverState.None) revert CoverMarketUnknownCover(tokenId);
        if (state == CoverState.Claimed) revert CoverMarketAlreadyClaimed(tokenId);
        revert CoverMarketAlreadyReleased(tokenId);
    }

    function _setTerms(
        uint256 productId,
        Product storage p,
        uint256 minDuration,
        uint256 maxDuration,
        uint256 maxPriceAge,
        uint256 maxSigmaAge
    ) internal {
        _checkBounds("maxDuration", maxDuration, MIN_DURATION, MAX_DURATION);
        // A cover shorter than its activation delay could never be claimed.
        uint256 activationDelay = p.claim.activationDelay;
        uint256 lowest = activationDelay + 1 > MIN_DURATION ? activationDelay + 1 : MIN_DURATION;
        _checkBounds("minDuration", minDuration, lowest, maxDuration);
        _checkBounds("maxPriceAge", maxPriceAge, MIN_PRICE_AGE, MAX_PRICE_AGE);
        _checkBounds("maxSigmaAge", maxSigmaAge, MIN_SIGMA_AGE, MAX_SIGMA_AGE);
        p.sale.minDuration = uint32(minDuration);
        p.sale.maxDuration = uint32(maxDuration);
        p.sale.maxPriceAge = uint24(maxPriceAge);
        p.sale.maxSigmaAge = uint24(maxSigmaAge);
        emit ProductTermsSet(productId, minDuration, maxDuration, maxPriceAge, maxSigmaAge);
    }

    function _setPricing(uint256 productId, Product storage p, CoverPricing.Pricing memory pricing) internal {
        _checkBounds("baseMarkup", pricing.baseMarkup, MIN_BASE_MARKUP, MAX_BASE_MARKUP);
        _checkBounds("slope", pricing.slope, 0, MAX_SLOPE);
        // "Steep above the kink": never gentler than below it.
        _checkBounds("steepSlope", pricing.steepSlope, pricing.slope, MAX_STEEP_SLOPE);
        _checkBounds("kink", pricing.kink, MIN_KINK, MAX_KINK);
        _checkBounds("minRate", pricing.minRate, MIN_MIN_RATE, MAX_MIN_RATE);
        p.sale.minRate = pricing.minRate;
        p.sale.baseMarkup = pricing.baseMarkup;
        p.sale.slope = pricing.slope;
        p.sale.steepSlope = pricing.steepSlope;
        p.sale.kink = pricing.kink;
        emit ProductPricingSet(productId, pricing);
    }

    function _checkBounds(bytes32 name, uint256 value, uint256 min, uint256 max) internal pure {
        if (value < min || value > max) revert CoverMarketParameterOutOfBounds(name, value, min, max);
    }
}
