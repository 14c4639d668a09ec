// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Over 400 lines on purpose: the sale, the claim's round checks and the release share the cover's storage and the
// pool's lock; pricing, σ and claim-round math already live in libraries/, NatSpec in interfaces/ICoverMarket.sol,
// and the contract sits ~360 bytes under EIP-170 (the tokenURI of issue 18 goes to a separate descriptor).

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
import {ICoverDescriptor} from "./interfaces/ICoverDescriptor.sol";
import {CoverPricing} from "./libraries/CoverPricing.sol";

/// @title CoverMarket
/// @notice Sells parametric liquidation cover: one ERC-721 token per cover (transferable while it can
///         still pay, frozen once claimed or released), priced from a Chainlink feed and its volatility
///         oracle, backed by a `BackstopPool` (see `ICoverMarket`).
///
/// @dev ## Life of a cover
///      `buyCover` prices with `CoverPricing` (max(P_touch, cost of capital over the lock's real length)
///      × payout × the average markup over the utilization the cover consumes), pulls the premium into the
///      pool's unearned reserve (earned until `end`), locks the payout in the pool until `end + claimGrace`
///      and mints the token. `claim` pays the holder from that lock when `confirmations` consecutive
///      rounds prove the touch, and freezes the token. After the claim deadline nothing has to happen: the
///      pool releases the lock at the start of `releaseDay = (end + claimGrace) / 1 day + 1` through its
///      day buckets, with no loop over covers. `release` is an optional permissionless shortcut that also
///      freezes the token (see `ICoverMarket`). A spent cover can therefore never be sold.
///
///      ## Why settled covers are frozen, not burned
///      A settled (claimed or released) cover's transfers revert (`_update`), and its token stays with
///      its last holder as a receipt (`coverInfo.holder` keeps answering). Burning instead cost a claim
///      ~12.7k more gas (balance, owner and approval slots and the Transfer event: 82.4k against a 75k
///      budget), while the freeze costs each transfer one read of the cover's slot.
///
///      P_touch is priced over the whole duration although rounds only count from `start +
///      activationDelay`: a slight overstatement of the risk, in the pool's favour, that keeps the
///      premium a function of one (spot, strike, σ, T) and its twin simple.
///
///      ## Capacity (why a cover costs what it locks)
///      - The cost of capital (`minRate`, ≥ 5 %/yr) is charged over the lock's real length (until the
///        release day, at least 2 days: `CoverPricing.chargedLength`), and the markup multiplies it too.
///      - No sale may take the pool's utilization above its ceiling (`BackstopPool.maxUtilizationBps`,
///        ≤ 95 %): the market refuses first with `CoverMarketAboveMaxUtilization` (the pool would too).
///      - Strikes lie within `maxStrikeRatio` of spot (Down ≥ spot / k, Up ≤ spot × k, k ≤ 10): a strike
///        nobody can touch insures nothing, and the one-touch math is exact to 1e-9 there.
///      Together: 10 USDC locks at most ~3.65 % of a 1,000,000 USDC pool at the cheapest bounds (see
///      `CoverPricing`), and at least 5 % of every pool stays free for the waterfall and for exits.
///
///      ## Oracle rules (why each exists)
///      - Activation delay: only rounds updated at or after `start + activationDelay` count, so a buyer
///        who sees a price update in the mempool (or a touch already in history) cannot buy cover on it.
///      - Confirmations: one aberrant print does not pay; `confirmations` consecutive round ids must all
///        be at/beyond the strike. Consecutive ids never cross a phase (a proxy's round ids carry the
///        phase in bits 64–79; the last round of one phase and the first of the next are not consecutive).
///        Rounds of an older phase are real answers and count if they fall in the window.
///      - Complete, positive rounds only; stale latest rounds and a stale σ block sales.
///      - σ must have folded the feed's latest round (`volatility()` returns the oracle's last round id,
///        from the same slot): `quote` refuses with `CoverMarketVolatilityBehind` otherwise, so a
///        half-caught-up oracle (more new rounds than one poke folds) never prices. `buyCover` pokes the
///        oracle first when it is behind (a sale is never blocked by a missing poke) and refuses only if
///        σ is still behind after that poke.
///      - L2 sequencer: a sequencer uptime feed is a property of the chain, so it is one immutable of the
///        market (not per product); while it reports down, or within the grace period after it came back,
///        sales revert, and so do claims proven by rounds published during or after the outage (prices may
///        be stale, and nobody could have corrected them). A touch proven by rounds all published before
///        the outage began is never lost to it: such a claim skips the check, and its deadline moves by the
///        downtime (see `claim`). If the moved deadline passes the lock's release day, the pool pays it
///        from free capital (`payReleasedClaim`). Product bounds keep `claimGrace` above the grace period.
///
///      ## Storage
///      A cover is one slot: payout (uint96, the pool's own bound), strike (uint72: up to 4.7e21 feed
///      units, e.g. $4.7e13 on an 8-decimal feed or 4,722 on an 18-decimal one), start and end (uint32
///      seconds: valid until 2106), product id (uint16) and state. A product is four slots: three of
///      sale terms (all a quote reads: pool and oracle, the packed terms word, durations and pricing; the
///      feed it takes from the oracle, whose `feed` is immutable and checked equal at registration) and one
///      of claim terms (feed, confirmations, activation delay, and the pause flag only `buyCover` reads).
///      A quote is gas-bound by cold reads, so every slot it does not read counts: the small terms share
///      one 96-bit word beside the pool address, each in the bits its hard bound needs (`_TERMS_*`).
///
///      ## Governance
///      `owner` (Ownable2Step; a timelock on public chains) registers products and tunes pricing, durations,
///      oracle ages and the strike range, each within the hard bounds below. Claim terms are fixed per
///      product. The guardian (or owner) may pause a product's sales; only the owner resumes them. Nothing
///      pauses claims.
contract CoverMarket is ICoverMarket, ERC721, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // ------------------------------------------------------------------ hard bounds

    uint256 public constant DEFAULT_CONFIRMATIONS = 2;
    uint256 public constant MIN_CONFIRMATIONS = 1;
    uint256 public constant MAX_CONFIRMATIONS = 10;
    uint256 public constant MIN_ACTIVATION_DELAY = 1 minutes;
    uint256 public constant MAX_ACTIVATION_DELAY = 1 days;
    /// @dev Also above the market's sequencer grace period (checked at registration).
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
    /// @dev The cost of capital: at least 5 %/yr, so a lock always costs about what underwriters would earn
    ///      on the capital (the attack bound in `CoverPricing` holds at this floor).
    uint256 public constant MIN_MIN_RATE = 0.05e18;
    uint256 public constant MAX_MIN_RATE = 1e18;
    uint256 public constant MIN_SEQUENCER_GRACE = 5 minutes;
    uint256 public constant MAX_SEQUENCER_GRACE = 1 days;
    /// @notice Strike range k in hundredths (400 = ×4: Down strikes ≥ spot / 4, i.e. −75 %; Up ≤ spot × 4,
    ///         i.e. +300 %). `touchProbability` is within 1e-9 of the true value for spot/strike inside ×10.
    uint256 public constant DEFAULT_MAX_STRIKE_RATIO = 400;
    uint256 public constant MIN_MAX_STRIKE_RATIO = 110;
    uint256 public constant MAX_MAX_STRIKE_RATIO = 1_000;
    /// @notice Largest strike a cover can store (feed units).
    uint256 public constant MAX_STRIKE = type(uint72).max;
    uint256 internal constant DAY = 1 days;
    uint256 internal constant RATIO_SCALE = 100;

    // The packed sale terms word (uint96, beside the pool address), each field as wide as its hard bound.
    uint256 private constant _TERMS_PRICE_AGE_SHIFT = 1; // direction: bit 0
    uint256 private constant _TERMS_SIGMA_AGE_SHIFT = 19; // maxPriceAge: 18 bits (≤ 2 days < 2^18)
    uint256 private constant _TERMS_GRACE_SHIFT = 39; // maxSigmaAge: 20 bits (≤ 7 days < 2^20)
    uint256 private constant _TERMS_MIN_DURATION_SHIFT = 60; // claimGrace: 21 bits (≤ 14 days < 2^21)
    uint256 private constant _TERMS_STRIKE_RATIO_SHIFT = 85; // minDuration: 25 bits (≤ 365 days < 2^25)

    // maxStrikeRatio: 11 bits (≤ 1,000 < 2^11), bits 85–95

    // ------------------------------------------------------------------ storage

    /// @dev Everything a quote reads (three slots).
    struct SaleTerms {
        // slot 0 (claims read the pool, direction and claim grace too)
        ICoverPool pool;
        uint96 terms; // direction · maxPriceAge · maxSigmaAge · claimGrace · minDuration · maxStrikeRatio
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

    /// @dev What claims read besides the first sale slot, and the pause flag of sales (one slot).
    struct ClaimTerms {
        AggregatorV3Interface feed;
        uint8 confirmations;
        uint32 activationDelay;
        bool paused;
    }

    struct Product {
        SaleTerms sale;
        ClaimTerms claim;
    }

    /// @dev The sale terms unpacked, in memory.
    struct Sale {
        ICoverPool pool;
        IVolatilityOracle oracle;
        Direction direction;
        uint256 maxPriceAge;
        uint256 maxSigmaAge;
        uint256 claimGrace;
        uint256 minDuration;
        uint256 maxDuration;
        uint256 maxStrikeRatio;
        CoverPricing.Pricing pricing;
    }

    struct Cover {
        uint96 payout;
        uint72 strike;
        uint32 start;
        uint32 end;
        uint16 productId;
        CoverState state;
    }

    /// @dev Market inputs and intermediate results of a quote.
    struct Priced {
        uint256 premium;
        uint256 spot;
        uint256 sigma;
        uint256 sigmaAt;
        uint80 sigmaRound; // the last round σ folded
        uint80 latestRound; // the feed's latest round
        uint256 locked; // the pool's, before this cover
        uint256 totalAssets;
        uint256 strike; // the request, for `_premium`'s frame
        uint256 payout;
        uint256 duration;
    }

    /// @inheritdoc ICoverMarket
    IERC20 public immutable asset;
    /// @notice Chainlink L2 sequencer uptime feed (address(0) on L1): answer 0 = up, 1 = down.
    AggregatorV3Interface public immutable sequencerUptimeFeed;
    /// @notice Seconds after the sequencer comes back during which sales (and claims proven after the
    ///         outage began) still revert.
    uint256 public immutable sequencerGracePeriod;

    /// @inheritdoc ICoverMarket
    address public guardian;
    uint16 private _productCount;
    uint80 private _lastTokenId;

    mapping(uint256 productId => Product) private _products;
    mapping(uint256 tokenId => Cover) private _covers;

    /// @inheritdoc ICoverMarket
    /// @dev Its own slot after the hot ones: only `tokenURI` reads it.
    ICoverDescriptor public descriptor;

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
            _checkBounds(Parameter.SequencerGracePeriod, sequencerGracePeriod_, 0, 0);
        } else {
            _checkBounds(Parameter.SequencerGracePeriod, sequencerGracePeriod_, MIN_SEQUENCER_GRACE, MAX_SEQUENCER_GRACE);
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
        Sale memory p = _saleTerms(productId);
        Priced memory q = _observe(p, strike, payout, duration);
        _price(p, q, strike, payout, duration);
        return q.premium;
    }

    /// @inheritdoc ICoverMarket
    function product(uint256 productId) external view returns (ProductConfig memory config, bool paused) {
        Sale memory s = _saleTerms(productId);
        ClaimTerms memory c = _products[productId].claim;
        config = ProductConfig({
            feed: c.feed,
            oracle: s.oracle,
            pool: s.pool,
            direction: s.direction,
            confirmations: c.confirmations,
            activationDelay: c.activationDelay,
            claimGrace: uint32(s.claimGrace),
            minDuration: uint32(s.minDuration),
            maxDuration: uint32(s.maxDuration),
            maxPriceAge: uint32(s.maxPriceAge),
            maxSigmaAge: uint32(s.maxSigmaAge),
            maxStrikeRatio: uint16(s.maxStrikeRatio),
            pricing: s.pricing
        });
        paused = c.paused;
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
        Product storage p = _products[c.productId];
        uint256 nominal = uint256(c.end) + _claimGrace(p.sale.terms);
        uint256 releaseDay = nominal / DAY + 1;
        // The deadline any proof could still meet: outages after the window opened move it.
        uint256 deadline = _claimDeadline(nominal, uint256(c.start) + p.claim.activationDelay, false);
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
        if (c.state == CoverState.Claimed) {
            info.status = CoverStatus.Claimed;
        } else if (c.state == CoverState.Released || (block.timestamp > deadline && block.timestamp >= releaseDay * DAY)) {
            info.status = CoverStatus.Released;
        } else if (block.timestamp > deadline) {
            info.status = CoverStatus.Expired;
        }
    }

    // ================================================================== actions

    /// @inheritdoc ICoverMarket
    function buyCover(uint256 productId, uint256 strike, uint256 payout, uint256 duration, uint256 maxPremium)
        external
        nonReentrant
        returns (uint256 tokenId, uint256 premium)
    {
        Sale memory p = _saleTerms(productId);
        if (_products[productId].claim.paused) revert CoverMarketSalesPaused(productId);
        Priced memory q = _observe(p, strike, payout, duration);
        if (q.sigmaRound != q.latestRound) {
            // σ has not folded the latest round: fold it now rather than refuse the sale. A poke that
            // cannot run (or leaves σ behind: > MAX_ROUNDS_PER_POKE new rounds) ends in the named refusal.
            try p.oracle.poke() {} catch {}
            (q.sigma, q.sigmaAt, q.sigmaRound,) = p.oracle.volatility();
        }
        _price(p, q, strike, payout, duration);
        if (p.pool.paused()) revert CoverMarketSalesPaused(productId);
        premium = q.premium;
        if (premium > maxPremium) revert CoverMarketPremiumAboveMax(premium, maxPremium);
        uint256 end = block.timestamp + duration;
        // A cover's times are uint32 (until 2106): past that no duration fits.
        if (end > type(uint32).max) revert CoverMarketDurationOutOfBounds(duration, 0, 0);
        unchecked {
            tokenId = ++_lastTokenId; // 2^80 covers will not be sold
        }
        // Effects first: the receiver callback of `_safeMint` (last) sees the final state.
        _covers[tokenId] = Cover({
            payout: uint96(payout), // ≤ free capital < 2^96 (the pool's own bound)
            strike: uint72(strike), // ≤ MAX_STRIKE, checked in `_observe`
            start: uint32(block.timestamp),
            end: uint32(end),
            productId: uint16(productId), // ≤ _productCount, a uint16
            state: CoverState.Active
        });
        uint256 until = end + p.claimGrace;
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
        (ICoverPool pool, uint96 terms) = (p.sale.pool, p.sale.terms);
        uint256 deadline = uint256(c.end) + _claimGrace(terms);
        uint256 releaseDay = deadline / DAY + 1;
        // The proof first: on an L2 the deadline in force depends on when it was published.
        uint256 provenAt = _checkTouch(p.claim, terms & 1 == 1, c, roundId);
        deadline = _claimDeadline(deadline, provenAt, true);
        if (block.timestamp > deadline) revert CoverMarketClaimWindowClosed(tokenId, deadline);
        _covers[tokenId].state = CoverState.Claimed;
        // From here the token is frozen (`_update`): a spent cover can never be sold.
        address holder = _ownerOf(tokenId);
        if (block.timestamp < releaseDay * DAY) {
            // Paid out of this cover's own lock (its bucket), never out of other covers' locked capital.
            pool.payClaim(c.payout, holder, releaseDay);
        } else {
            // An outage moved the deadline past the release day: the lock is gone, free capital pays.
            pool.payReleasedClaim(c.payout, holder, releaseDay);
        }
        emit CoverClaimed(tokenId, holder, roundId, c.payout, msg.sender);
    }

    /// @inheritdoc ICoverMarket
    function release(uint256 tokenId) external nonReentrant returns (uint256 released) {
        Cover memory c = _covers[tokenId];
        _requireActive(tokenId, c.state);
        Product storage p = _products[c.productId];
        uint256 nominal = uint256(c.end) + _claimGrace(p.sale.terms);
        // The latest deadline any proof could have: release never cuts off a claim an outage kept open.
        uint256 deadline = _claimDeadline(nominal, uint256(c.start) + p.claim.activationDelay, false);
        if (block.timestamp <= deadline) revert CoverMarketClaimWindowOpen(tokenId, deadline);
        _covers[tokenId].state = CoverState.Released; // frozen from here (`_update`)
        uint256 releaseDay = nominal / DAY + 1;
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
        _checkBounds(Parameter.Confirmations, confirmations, MIN_CONFIRMATIONS, MAX_CONFIRMATIONS);
        _checkBounds(Parameter.ActivationDelay, c.activationDelay, MIN_ACTIVATION_DELAY, MAX_ACTIVATION_DELAY);
        // Above the sequencer's grace period: a touch proven by the last rounds before `end` can always be
        // claimed after an outage's grace (rounds after it) or at once (rounds before it).
        uint256 lowestGrace = sequencerGracePeriod + 1 > MIN_CLAIM_GRACE ? sequencerGracePeriod + 1 : MIN_CLAIM_GRACE;
        _checkBounds(Parameter.ClaimGrace, c.claimGrace, lowestGrace, MAX_CLAIM_GRACE);
        if (_productCount == type(uint16).max) revert CoverMarketTooManyProducts();
        productId = ++_productCount;
        Product storage p = _products[productId];
        p.sale.pool = c.pool;
        p.sale.oracle = c.oracle;
        p.sale.terms = uint96((c.direction == Direction.Up ? 1 : 0) | (uint256(c.claimGrace) << _TERMS_GRACE_SHIFT));
        p.claim =
            ClaimTerms({feed: c.feed, confirmations: uint8(confirmations), activationDelay: c.activationDelay, paused: false});
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
        _setTerms(
            productId,
            p,
            c.minDuration,
            c.maxDuration,
            c.maxPriceAge,
            c.maxSigmaAge,
            c.maxStrikeRatio == 0 ? DEFAULT_MAX_STRIKE_RATIO : c.maxStrikeRatio
        );
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
        uint256 maxSigmaAge,
        uint256 maxStrikeRatio
    ) external onlyOwner {
        _setTerms(productId, _existing(productId), minDuration, maxDuration, maxPriceAge, maxSigmaAge, maxStrikeRatio);
    }

    /// @inheritdoc ICoverMarket
    function pauseProduct(uint256 productId) external {
        if (msg.sender != guardian && msg.sender != owner()) revert CoverMarketNotGuardian(msg.sender);
        _existing(productId).claim.paused = true;
        emit ProductPaused(productId, msg.sender, true);
    }

    /// @inheritdoc ICoverMarket
    function unpauseProduct(uint256 productId) external onlyOwner {
        _existing(productId).claim.paused = false;
        emit ProductPaused(productId, msg.sender, false);
    }

    /// @inheritdoc ICoverMarket
    function setGuardian(address guardian_) external onlyOwner {
        if (guardian_ == address(0)) revert CoverMarketZeroAddress();
        emit GuardianSet(guardian, guardian_);
        guardian = guardian_;
    }

    /// @inheritdoc ICoverMarket
    function setDescriptor(ICoverDescriptor descriptor_) external onlyOwner {
        emit DescriptorSet(address(descriptor), address(descriptor_));
        descriptor = descriptor_;
    }

    /// @dev A claimed or released cover can never move (nor be sold): only active ones transfer, the others
    ///      revert `CoverMarketAlreadyClaimed` / `CoverMarketAlreadyReleased`. Both `safeTransferFrom`s go
    ///      through here (OpenZeppelin 5); minting does not.
    function transferFrom(address from, address to, uint256 tokenId) public override {
        _requireActive(tokenId, _covers[tokenId].state);
        super.transferFrom(from, to, tokenId);
    }

    /// @notice The cover's metadata, rendered on chain by the `descriptor` governance set (JSON + SVG: product,
    ///         direction, strike, payout, start, end, status); "" while none is set. See `ICoverDescriptor`.
    /// @dev The rendering lives in its own contract (like Uniswap v3's position descriptor): this one is at the
    ///      EIP-170 limit, and its quote, purchase and claim paths do not change. The descriptor's answer is
    ///      already the ABI encoding of a string, so it is returned as is (no decode and re-encode: fewer bytes);
    ///      its revert is passed on likewise.
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        address d = address(descriptor);
        if (d == address(0)) return "";
        bytes4 selector = ICoverDescriptor.tokenURI.selector;
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, selector)
            mstore(add(ptr, 4), address())
            mstore(add(ptr, 36), tokenId)
            let ok := staticcall(gas(), d, ptr, 68, 0, 0)
            returndatacopy(ptr, 0, returndatasize())
            if iszero(ok) { revert(ptr, returndatasize()) }
            return(ptr, returndatasize())
        }
    }

    // ================================================================== internals

    /// @dev A registered product's sale terms, unpacked from their three words (one SLOAD each; the bit
    ///      positions are the compiler's layout of `SaleTerms`, plus the packed `terms` word).
    function _saleTerms(uint256 productId) internal view returns (Sale memory s) {
        uint256 w0;
        uint256 w1;
        uint256 w2;
        assembly ("memory-safe") {
            mstore(0x00, productId)
            mstore(0x20, _products.slot)
            let slot := keccak256(0x00, 0x40)
            w0 := sload(slot)
            w1 := sload(add(slot, 1))
            w2 := sload(add(slot, 2))
        }
        s.pool = ICoverPool(address(uint160(w0)));
        if (address(s.pool) == address(0)) revert CoverMarketUnknownProduct(productId);
        uint256 t = w0 >> 160;
        s.direction = t & 1 == 1 ? Direction.Up : Direction.Down;
        s.maxPriceAge = (t >> _TERMS_PRICE_AGE_SHIFT) & 0x3ffff;
        s.maxSigmaAge = (t >> _TERMS_SIGMA_AGE_SHIFT) & 0xfffff;
        s.claimGrace = (t >> _TERMS_GRACE_SHIFT) & 0x1fffff;
        s.minDuration = (t >> _TERMS_MIN_DURATION_SHIFT) & 0x1ffffff;
        s.maxStrikeRatio = t >> _TERMS_STRIKE_RATIO_SHIFT;
        s.oracle = IVolatilityOracle(address(uint160(w1)));
        s.maxDuration = uint32(w1 >> 160);
        s.pricing = CoverPricing.Pricing({
            baseMarkup: uint64(w2),
            slope: uint64(w2 >> 64),
            steepSlope: uint64(w2 >> 128),
            kink: uint64(w2 >> 192),
            minRate: uint64(w1 >> 192)
        });
    }

    function _claimGrace(uint96 terms) internal pure returns (uint256) {
        return (uint256(terms) >> _TERMS_GRACE_SHIFT) & 0x1fffff;
    }

    function _existing(uint256 productId) internal view returns (Product storage p) {
        p = _products[productId];
        if (address(p.sale.pool) == address(0)) revert CoverMarketUnknownProduct(productId);
    }

    /// @dev What `quote` and `buyCover` read before pricing: the inputs' own checks, the sequencer, σ with
    ///      its last folded round, and the feed's latest round as spot.
    function _observe(Sale memory p, uint256 strike, uint256 payout, uint256 duration) internal view returns (Priced memory q) {
        if (payout == 0) revert CoverMarketZeroPayout();
        if (duration < p.minDuration || duration > p.maxDuration) {
            revert CoverMarketDurationOutOfBounds(duration, p.minDuration, p.maxDuration);
        }
        if (strike == 0 || strike > MAX_STRIKE) revert CoverMarketStrikeOutOfRange(strike, MAX_STRIKE);
        _checkSequencer();
        AggregatorV3Interface feed;
        (q.sigma, q.sigmaAt, q.sigmaRound, feed) = p.oracle.volatility();
        (q.spot, q.latestRound) = _spot(feed, p.maxPriceAge);
    }

    /// @dev The checks that need the market inputs, then the premium (`CoverPricing.quoteUp` on the pool's
    ///      capital now), in the order the twin (`lib/mirror/CoverMarket.ts` `quoteCover`) follows.
    function _price(Sale memory p, Priced memory q, uint256 strike, uint256 payout, uint256 duration) internal view {
        uint256 spot = q.spot;
        bool down = p.direction == Direction.Down;
        if (down ? strike >= spot : strike <= spot) revert CoverMarketStrikeBreached(strike, spot);
        // Down: strike ≥ spot / k ⇔ strike ≥ ⌈spot × 100 / ratio⌉; Up: strike ≤ ⌊spot × ratio / 100⌋ (integers).
        uint256 limit =
            down ? (spot * RATIO_SCALE + p.maxStrikeRatio - 1) / p.maxStrikeRatio : (spot * p.maxStrikeRatio) / RATIO_SCALE;
        if (down ? strike < limit : strike > limit) revert CoverMarketStrikeTooFar(strike, limit);
        if (q.sigmaRound != q.latestRound) revert CoverMarketVolatilityBehind(q.sigmaRound, q.latestRound);
        if (q.sigmaAt + p.maxSigmaAge < block.timestamp) revert CoverMarketStaleVolatility(q.sigmaAt, p.maxSigmaAge);
        _capital(p.pool, q, payout);
        (q.strike, q.payout, q.duration) = (strike, payout, duration);
        q.premium = _premium(p, q);
        if (q.premium >= payout) revert CoverMarketUninsurable(q.premium, payout);
    }

    /// @dev The pool's total and locked assets; reverts when `payout` would take it above its utilization
    ///      ceiling (computed as the pool does: it would refuse the lock too).
    function _capital(ICoverPool pool, Priced memory q, uint256 payout) internal view {
        uint256 maxUtilizationBps;
        (q.totalAssets, q.locked, maxUtilizationBps) = pool.underwritingCapital();
        uint256 maxLocked = (q.totalAssets * maxUtilizationBps) / 10_000;
        uint256 capacity = maxLocked > q.locked ? maxLocked - q.locked : 0;
        if (payout > capacity) revert CoverMarketAboveMaxUtilization(payout, capacity);
    }

    /// @dev `CoverPricing.quoteUp` on the pool's capital now, the lock charged until its release day.
    ///      Its own frame with two arguments: the inlined library is at the stack limit.
    function _premium(Sale memory p, Priced memory q) internal view returns (uint256) {
        return CoverPricing.quoteUp(
            q.spot,
            q.strike,
            q.sigma,
            q.duration,
            CoverPricing.chargedLength(block.timestamp, q.duration, p.claimGrace),
            q.payout,
            q.locked,
            q.totalAssets,
            p.pricing
        );
    }

    /// @dev The feed's latest round as spot: complete, positive and no older than `maxPriceAge`.
    function _spot(AggregatorV3Interface feed, uint256 maxPriceAge) internal view returns (uint256, uint80) {
        (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound) = feed.latestRoundData();
        if (answer <= 0) revert CoverMarketNonPositiveAnswer(roundId, answer);
        if (startedAt == 0 || answeredInRound < roundId) {
            revert CoverMarketIncompleteRound(roundId, startedAt, answeredInRound);
        }
        if (updatedAt + maxPriceAge < block.timestamp) revert CoverMarketStalePrice(roundId, updatedAt, maxPriceAge);
        return (uint256(answer), roundId);
    }

    /// @dev Reverts while the L2 sequencer is down or inside the grace period after it came back.
    ///      `startedAt` is when the status last changed; 0 means the feed is not initialised (Arbitrum).
    function _checkSequencer() internal view {
        AggregatorV3Interface feed = sequencerUptimeFeed;
        if (address(feed) == address(0)) return;
        (, int256 answer, uint256 startedAt,,) = feed.latestRoundData();
        _requireSequencerUp(answer, startedAt);
    }

    function _requireSequencerUp(int256 answer, uint256 startedAt) internal view {
        if (answer != 0) revert CoverMarketSequencerDown(answer);
        if (startedAt == 0 || startedAt > block.timestamp || block.timestamp - startedAt <= sequencerGracePeriod) {
            revert CoverMarketSequencerGracePeriod(startedAt, sequencerGracePeriod);
        }
    }

    /// @dev `deadline` moved by the downtime of the latest L2 outage when it began after `provenAt` and at or
    ///      before `deadline`: the holder gets back exactly the time it took. The outage is read from the
    ///      uptime feed's latest status change and the round before it (two reads at most): down since the
    ///      latest change (until now), or down in the round before the latest change back up. The limit:
    ///      only the latest outage counts. After an earlier outage moved a deadline, the holder had the time
    ///      the outage took to claim; a second outage starting after the nominal deadline inside that time
    ///      cuts it short (two outages inside one claim window: each lasts hours, a few happen a year).
    ///      With `enforce` (a claim), also refuses as sales do while the sequencer is down or in its grace
    ///      period, unless that outage began after `provenAt` (the proof predates it and cannot have been
    ///      distorted by it). Returns `deadline` unchanged on L1.
    function _claimDeadline(uint256 deadline, uint256 provenAt, bool enforce) internal view returns (uint256) {
        AggregatorV3Interface feed = sequencerUptimeFeed;
        if (address(feed) == address(0)) return deadline;
        (uint80 id, int256 answer, uint256 changedAt,,) = feed.latestRoundData();
        uint256 start;
        uint256 end = block.timestamp;
        if (answer != 0) {
            start = changedAt;
        } else if (changedAt > provenAt && uint64(id) > 1) {
            end = changedAt;
            try feed.getRoundData(id - 1) returns (uint80, int256 a, uint256 s, uint256, uint80) {
                if (a != 0) start = s;
            } catch {}
        }
        bool afterProof = start > provenAt;
        if (enforce && !afterProof) _requireSequencerUp(answer, changedAt);
        if (afterProof && start <= deadline && end > start) deadline += end - start;
        return deadline;
    }

    /// @dev The claim proof: `confirmations` consecutive rounds from `roundId`, in one phase, each
    ///      complete, positive, inside [start + activationDelay, end] and at/beyond the strike.
    ///      Bounded loop: confirmations ≤ MAX_CONFIRMATIONS. Returns the latest `updatedAt` among them.
    function _checkTouch(ClaimTerms storage t, bool up, Cover memory c, uint80 roundId)
        internal
        view
        returns (uint256 provenAt)
    {
        (AggregatorV3Interface feed, uint256 confirmations) = (t.feed, t.confirmations);
        uint256 windowStart = uint256(c.start) + t.activationDelay;
        uint256 aggregatorRound = uint64(roundId);
        if (roundId >> 64 == 0 || aggregatorRound == 0) revert CoverMarketInvalidRoundId(roundId);
        if (aggregatorRound + confirmations - 1 > type(uint64).max) {
            revert CoverMarketRoundsCrossPhase(roundId, confirmations);
        }
        for (uint256 i; i < confirmations; ++i) {
            uint256 updatedAt = _checkRound(feed, roundId + uint80(i), windowStart, c, up);
            if (updatedAt > provenAt) provenAt = updatedAt;
        }
    }

    /// @dev One confirming round: complete, positive, inside the window, at/beyond the strike. Returns its
    ///      `updatedAt`.
    function _checkRound(AggregatorV3Interface feed, uint80 id, uint256 windowStart, Cover memory c, bool up)
        internal
        view
        returns (uint256 updatedAt)
    {
        int256 answer;
        uint256 startedAt;
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
        uint256 maxSigmaAge,
        uint256 maxStrikeRatio
    ) internal {
        _checkBounds(Parameter.MaxDuration, maxDuration, MIN_DURATION, MAX_DURATION);
        // A cover shorter than its activation delay could never be claimed.
        uint256 activationDelay = p.claim.activationDelay;
        uint256 lowest = activationDelay + 1 > MIN_DURATION ? activationDelay + 1 : MIN_DURATION;
        _checkBounds(Parameter.MinDuration, minDuration, lowest, maxDuration);
        _checkBounds(Parameter.MaxPriceAge, maxPriceAge, MIN_PRICE_AGE, MAX_PRICE_AGE);
        _checkBounds(Parameter.MaxSigmaAge, maxSigmaAge, MIN_SIGMA_AGE, MAX_SIGMA_AGE);
        _checkBounds(Parameter.MaxStrikeRatio, maxStrikeRatio, MIN_MAX_STRIKE_RATIO, MAX_MAX_STRIKE_RATIO);
        uint256 w = p.sale.terms;
        // Keep direction (bit 0) and claim grace (fixed at registration); rewrite the rest.
        w = (w & (1 | (uint256(0x1fffff) << _TERMS_GRACE_SHIFT))) | (maxPriceAge << _TERMS_PRICE_AGE_SHIFT)
            | (maxSigmaAge << _TERMS_SIGMA_AGE_SHIFT) | (minDuration << _TERMS_MIN_DURATION_SHIFT)
            | (maxStrikeRatio << _TERMS_STRIKE_RATIO_SHIFT);
        p.sale.terms = uint96(w);
        p.sale.maxDuration = uint32(maxDuration);
        emit ProductTermsSet(productId, minDuration, maxDuration, maxPriceAge, maxSigmaAge, maxStrikeRatio);
    }

    function _setPricing(uint256 productId, Product storage p, CoverPricing.Pricing memory pricing) internal {
        _checkBounds(Parameter.BaseMarkup, pricing.baseMarkup, MIN_BASE_MARKUP, MAX_BASE_MARKUP);
        _checkBounds(Parameter.Slope, pricing.slope, 0, MAX_SLOPE);
        // "Steep above the kink": never gentler than below it.
        _checkBounds(Parameter.SteepSlope, pricing.steepSlope, pricing.slope, MAX_STEEP_SLOPE);
        _checkBounds(Parameter.Kink, pricing.kink, MIN_KINK, MAX_KINK);
        _checkBounds(Parameter.MinRate, pricing.minRate, MIN_MIN_RATE, MAX_MIN_RATE);
        p.sale.minRate = pricing.minRate;
        p.sale.baseMarkup = pricing.baseMarkup;
        p.sale.slope = pricing.slope;
        p.sale.steepSlope = pricing.steepSlope;
        p.sale.kink = pricing.kink;
        emit ProductPricingSet(productId, pricing);
    }

    function _checkBounds(Parameter parameter, uint256 value, uint256 min, uint256 max) internal pure {
        if (value < min || value > max) revert CoverMarketParameterOutOfBounds(parameter, value, min, max);
    }
}
