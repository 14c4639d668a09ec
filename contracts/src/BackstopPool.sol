// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IShortfallLayer} from "./interfaces/IShortfallLayer.sol";
import {PoolMath} from "./libraries/PoolMath.sol";

/// @notice ERC-7540 operator methods (interface id 0xe3bc4e65).
interface IERC7540Operator {
    event OperatorSet(address indexed controller, address indexed operator, bool approved);

    function setOperator(address operator, bool approved) external returns (bool);
    function isOperator(address controller, address operator) external view returns (bool);
}

/// @notice ERC-7540 asynchronous redeem methods (interface id 0x620ee8e4).
interface IERC7540Redeem {
    event RedeemRequest(
        address indexed controller, address indexed owner, uint256 indexed requestId, address sender, uint256 shares
    );

    function requestRedeem(uint256 shares, address controller, address owner) external returns (uint256 requestId);
    function pendingRedeemRequest(uint256 requestId, address controller) external view returns (uint256 shares);
    function claimableRedeemRequest(uint256 requestId, address controller) external view returns (uint256 shares);
}

/// @title BackstopPool
/// @notice One layer (Junior: first loss, Senior: excess) of Backstop's insurance capital: an ERC-4626
///         vault over a 6-decimal stablecoin whose shares earn cover premiums and venue fees and absorb
///         the venue's shortfalls. One deployment per layer.
///
/// @dev ## Accounting (what the TypeScript twin must reproduce)
///      Storage keeps, in one slot (`accountingState()`):
///        - `held`      every token the pool accounts for = free + locked + unearned (donations excluded),
///        - `unearned`  the unearned reserve at `checkpoint`,
///        - `checkpoint` the timestamp `unearned` refers to,
///      and in another: `rate` (sum of active streams, base units × 1e18 per second) and `locked`.
///      Streams (premiums, fees) and locks end at UTC day boundaries recorded in `bucket(day)`:
///      `rateDrop` (rate that stops at `day × 86400`) and `lockRelease` (capital released then).
///
///      Views first "walk" the buckets of the days after `checkpoint` (at most `MAX_BUCKET_WALK`):
///        for each day d in (checkpoint/86400, min(now/86400, checkpoint/86400 + MAX_BUCKET_WALK)] whose
///        bucket is non-empty: unearned = unearnedUp(unearned, rate, d·86400 − checkpoint);
///        checkpoint = d·86400; rate −= rateDrop; locked −= lockRelease; if rate == 0 then unearned = 0;
///        finally the same step to the last walked boundary (checkpoint = lastDay·86400).
///      Then `unearnedNow = unearnedUp(unearned, rate, now − checkpoint)` if the walk reached today,
///      else `unearnedNow = unearned` (a longer gap than the walk bound earns nothing until someone
///      calls `checkpoint()`; that understates assets, which deposits refuse — see below).
///        - `totalAssets() = held − unearnedNow`        (unearned premium is NOT an asset yet)
///        - `lockedAssets() = locked` (after the walk)
///        - `freeAssets()  = totalAssets() − lockedAssets()`
///        - share conversions: OpenZeppelin's `x.mulDiv(totalSupply + 10^12, totalAssets + 1, rounding)`
///          and `x.mulDiv(totalAssets + 1, totalSupply + 10^12, rounding)`, see {PoolMath}.
///      `unearnedUp(u, r, dt) = max(0, u − floor(r·dt / 1e18))`.
///      Tokens sent to the pool without a deposit are not accounted (no donation can move the price);
///      governance may skim them out with `skimSurplus`.
///
///      ## Worst-case bucket walk
///      A call walks one storage slot per elapsed day since the last checkpoint, at most
///      `MAX_BUCKET_WALK` = 90 (≈ 90 cold SLOADs ≈ 0.2 M gas). In normal operation something touches
///      the pool every day and the walk is 0–1 buckets. After more than 90 idle days, deposits, mints,
///      new locks, premiums and streamed fees revert with `BackstopPoolCheckpointRequired` until anyone
///      calls `checkpoint()` (each call advances up to 90 days); exits, claims and shortfall cover keep
///      working on the partly advanced state (earned premium understated, locks possibly overstated:
///      both favour the pool).
///
///      ## ERC-7540 exits (the MUSTs checked, with verdicts: docs/ERC-CONFORMANCE.md)
///      Exits are asynchronous: `requestRedeem` escrows shares in the pool (they stay in `totalSupply`,
///      keep earning and stay slashable). After `cooldown` the request is claimable through
///      `redeem`/`withdraw(…, controller)` until `claimableAt + claimWindow` (inclusive). Choices:
///        - a claim pays the LOWER of the shares' value at request and at claim: the request records
///          `assetsAtRequest = convertToAssets(shares)` when made, attached to the escrowed shares pro rata
///          (`PoolMath.claimAssetsDown` / `claimSharesUp`). Losses after the request hit it; gains after it
///          stay in the pool with the holders who stay, so a standing request is not a free option
///          (exercising it forfeits the yield since the request). A request that lapses counts as staying;
///        - only the controller, or an operator it approved (`setOperator`), may file a request that lands
///          on it (the owner's consent is needed too, as ERC-7540 says: owner, operator or allowance). So
///          nobody can take another account's one request slot: a stranger cannot block or delay anyone's
///          exit. We chose this over aggregating requests into one controller, which would either restart
///          the controller's cooldown (a delay anyone could impose) or let new shares skip it;
///        - one request per controller, no top-ups (a second request while one is pending or claimable
///          reverts with `BackstopPoolRequestPending`): a top-up would reset or dodge the cooldown;
///        - request ids are sequential and unique; `requestId == 0` in the views means "the controller's
///          current request";
///        - `previewRedeem`/`previewWithdraw` revert (`BackstopPoolAsyncPreview`), as ERC-7540 requires:
///          what a claim pays depends on the controller's request. `previewClaimRedeem(shares, controller)`
///          and `previewClaimWithdraw(assets, controller)` quote a claim exactly;
///        - a request worth nothing at request (`convertToAssets(shares) == 0`) is refused: no claim of it
///          could ever pay (ERC-7540: requestRedeem MUST revert if the shares cannot be redeemed);
///        - a request lapses: after the window its shares go back to the owner who escrowed them,
///          lazily on that controller's next `requestRedeem`, or through permissionless
///          `reclaimLapsedRequest(controller)`. This returns the request's input (shares), never pushes a
///          claim's output (assets), which ERC-7540 forbids.
///      There is no synchronous redeem: `redeem`/`withdraw` without a claimable request revert, and
///      `maxRedeem`/`maxWithdraw` return only what is claimable now and payable from free capital.
///
///      ## A wiped-out layer
///      Deposits and mints are refused while the share price is below `PoolMath.MAX_SHARES_PER_ASSET`
///      shares per unit (10^-6 of the launch price: the layer lost 99.9999 %), and `maxDeposit`/`maxMint`
///      say 0. Refilling a drained layer at such a price would grow the supply without bound (a few
///      drain-and-refill cycles reach ~10^59 shares per unit, where conversions overflow). With the floor
///      the supply stays below 2^157, so every max* view is exact and never reverts. The layer reopens by
///      itself when earned premiums or fees lift the price above the floor; otherwise governance retires
///      it (a new pool for the waterfall and markets). No governance switch reopens it below the floor.
///
///      ## Markets (cover sellers) and the waterfall
///      Governance registers markets. A market calls `lockCapital` (payout locked through `until`),
///      `receivePremium` (earned linearly until the day boundary at or after `earnUntil`), `payClaim`
///      (from its lock) and optionally `releaseCapital`; locks release on expiry by bucket, no loop over
///      covers. The waterfall calls `coverShortfall` and `receiveFees` (fees are streamed over
///      `feeStreamPeriod` through the same buckets, so a just-in-time stake captures little of them).
///
///      ## Governance
///      `owner` (Ownable2Step; a timelock on public chains) sets parameters only inside the bounds
///      declared as constants. The guardian (or owner) may pause new risk — deposits, mints, new locks —
///      never requests, claims, withdrawals, premiums, fees or shortfall cover. Only the owner unpauses.
contract BackstopPool is
    ERC4626,
    Ownable2Step,
    ReentrancyGuardTransient,
    IShortfallLayer,
    IERC7540Operator,
    IERC7540Redeem,
    IERC165
{
    using SafeERC20 for IERC20;

    // ------------------------------------------------------------------ constants (hard bounds)

    /// @notice Most day buckets one call walks (see the contract doc: worst case ≈ 0.2 M gas).
    uint256 public constant MAX_BUCKET_WALK = 90;
    /// @notice Furthest ahead a lock or an earning stream may end.
    uint256 public constant MAX_TERM = 400 days;
    uint32 public constant MIN_COOLDOWN = 1 days;
    uint32 public constant MAX_COOLDOWN = 10 days;
    uint32 public constant DEFAULT_COOLDOWN = 7 days;
    uint32 public constant MIN_CLAIM_WINDOW = 1 days;
    uint32 public constant MAX_CLAIM_WINDOW = 4 days;
    uint32 public constant DEFAULT_CLAIM_WINDOW = 3 days;
    uint32 public constant MAX_FEE_STREAM_PERIOD = 7 days;
    uint32 public constant DEFAULT_FEE_STREAM_PERIOD = 1 days;
    /// @notice Bounds of the utilization ceiling (locked / total assets, bps): no lock may take the pool above
    ///         it, so at least 5 % (by default 20 %) of the capital stays free for the waterfall and for exits.
    uint16 public constant MIN_MAX_UTILIZATION_BPS = 1_000;
    uint16 public constant MAX_MAX_UTILIZATION_BPS = 9_500;
    uint16 public constant DEFAULT_MAX_UTILIZATION_BPS = 8_000;

    // ------------------------------------------------------------------ storage

    /// @dev Hot slot: read by every deposit and claim.
    struct Core {
        uint96 held; // accounted tokens: free + locked + unearned
        uint96 unearned; // unearned reserve as of `checkpoint`
        uint40 checkpoint; // timestamp `unearned` refers to; buckets up to its day are processed
        bool paused; // new risk paused
        uint16 maxUtilizationBps; // utilization ceiling for new locks (in the hot slot: quotes read it free)
    }

    struct Risk {
        uint128 rate; // sum of active earning streams, base units × 1e18 per second
        uint128 locked; // capital locked for active covers
    }

    struct Bucket {
        uint128 rateDrop; // earning rate that stops at this day's boundary
        uint128 lockRelease; // locked capital released at this day's boundary
    }

    /// @dev Two slots: the first (shares, id, times) is what every view and claim reads; the second
    ///      (owner, value at request) only claims, lapses and `redeemRequest` need.
    struct Request {
        uint128 shares; // escrowed shares still to claim
        uint40 id;
        uint40 claimableAt;
        uint40 expiresAt; // last second of the claim window (inclusive)
        address owner; // second slot: gets the shares back if the request lapses
        uint96 assetsAtRequest; // value at request of the shares still to claim (≤ held, so 96 bits)
    }

    struct Params {
        address guardian;
        uint32 cooldown;
        uint32 claimWindow;
        uint32 feeStreamPeriod;
    }

    /// @dev In-memory result of the bucket walk: `_core` and `_risk` unpacked into one flat struct (same
    ///      field names and types as in storage), so a call allocates one struct, not three.
    struct Accrual {
        uint96 held; // `_core`
        uint96 unearned;
        uint40 checkpoint;
        bool paused;
        uint16 maxUtilizationBps;
        uint128 rate; // `_risk`
        uint128 locked;
        uint256 unearnedNow;
        bool walked;
        bool complete;
    }

    Core private _core;
    Risk private _risk;
    Params private _params;
    /// @notice The ShortfallWaterfall allowed to draw (`coverShortfall`) and pay fees (`receiveFees`).
    address public waterfall;
    uint40 private _lastRequestId;

    mapping(uint256 day => Bucket) private _buckets;
    mapping(address controller => Request) private _requests;
    /// @notice Whether `market` is a registered cover market allowed to use the capital hooks.
    mapping(address market => bool) public isMarket;
    /// @inheritdoc IERC7540Operator
    mapping(address controller => mapping(address operator => bool)) public isOperator;

    // ------------------------------------------------------------------ errors

    /// @notice A deposit of `assets` would mint no shares; refused so nobody pays for nothing.
    error BackstopPoolZeroShares(uint256 assets);
    /// @notice A claim of `shares` would pay no assets (or a zero amount was asked); refused so no
    ///         shares burn for nothing.
    error BackstopPoolZeroAssets(uint256 shares);
    /// @notice New risk (deposit, mint, lock) while the guardian has paused the pool.
    error BackstopPoolPaused();
    /// @notice The caller is not a registered market.
    error BackstopPoolNotMarket(address caller);
    /// @notice The caller is not the registered waterfall.
    error BackstopPoolNotWaterfall(address caller);
    /// @notice The caller is neither the guardian nor the owner.
    error BackstopPoolNotGuardian(address caller);
    /// @notice `caller` is neither `controller` nor one of its operators.
    error BackstopPoolNotOperator(address caller, address controller);
    /// @notice A zero address where an account is required.
    error BackstopPoolZeroAddress();
    /// @notice `controller` already has request `requestId` of `shares` pending or claimable.
    error BackstopPoolRequestPending(address controller, uint256 requestId, uint256 shares);
    /// @notice `controller` has no redeem request.
    error BackstopPoolNoRequest(address controller);
    /// @notice Request `requestId` is in its cooldown until `claimableAt`.
    error BackstopPoolCooldownActive(uint256 requestId, uint256 claimableAt);
    /// @notice Request `requestId`'s claim window ended at `expiredAt`; its shares go back to the owner.
    error BackstopPoolRequestLapsed(uint256 requestId, uint256 expiredAt);
    /// @notice Request `requestId` has not lapsed: its window lasts until `expiresAt`.
    error BackstopPoolRequestNotLapsed(uint256 requestId, uint256 expiresAt);
    /// @notice A claim of `shares` exceeds the `available` shares of request `requestId`.
    error BackstopPoolExceedsRequest(uint256 requestId, uint256 shares, uint256 available);
    /// @notice `previewRedeem`/`previewWithdraw` revert in an asynchronous redeem vault (ERC-7540): a
    ///         claim's value depends on the controller's request. Use `previewClaimRedeem`/`previewClaimWithdraw`.
    error BackstopPoolAsyncPreview();
    /// @notice The layer is wiped out: `totalSupply` shares against `totalAssets` is a share price below the
    ///         floor (`PoolMath.MAX_SHARES_PER_ASSET` shares per unit), so it takes no deposits.
    error BackstopPoolSharePriceBelowFloor(uint256 totalAssets, uint256 totalSupply);
    /// @notice `amount` exceeds the free capital `free` (total assets minus locked).
    error BackstopPoolInsufficientFreeAssets(uint256 amount, uint256 free);
    /// @notice More than `MAX_BUCKET_WALK` days are unprocessed (`pendingDays`); call `checkpoint()`.
    error BackstopPoolCheckpointRequired(uint256 pendingDays);
    /// @notice An expiry `end` outside (`min`, `max`].
    error BackstopPoolInvalidExpiry(uint256 end, uint256 min, uint256 max);
    /// @notice The lock bucket `releaseDay` was already released (processed through `processedDay`).
    error BackstopPoolLockReleased(uint256 releaseDay, uint256 processedDay);
    /// @notice `amount` exceeds the `available` capital still locked in bucket `releaseDay`.
    error BackstopPoolExceedsLock(uint256 releaseDay, uint256 amount, uint256 available);
    /// @notice Shares cannot be sent to the pool (escrow only through `requestRedeem`).
    error BackstopPoolEscrowTransfer();
    /// @notice A cooldown outside [min, max].
    error BackstopPoolCooldownOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice A claim window outside [min, max].
    error BackstopPoolClaimWindowOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice A fee stream period outside [min, max].
    error BackstopPoolFeeStreamPeriodOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice `underwriteCover` found only `unaccounted` tokens beyond the books, less than `premium`.
    error BackstopPoolPremiumNotReceived(uint256 premium, uint256 unaccounted);
    /// @notice An amount that does not fit the pool's accounting (`max` base units).
    error BackstopPoolAmountTooLarge(uint256 amount, uint256 max);
    /// @notice A lock would take locked capital to `lockedAfter`, above the ceiling `maxLocked`
    ///         (`maxUtilizationBps` of total assets).
    error BackstopPoolAboveMaxUtilization(uint256 lockedAfter, uint256 maxLocked);
    /// @notice A utilization ceiling outside [min, max] basis points.
    error BackstopPoolMaxUtilizationOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice `payReleasedClaim` for bucket `releaseDay`, which still holds its lock (processed through
    ///         `processedDay`): use `payClaim`.
    error BackstopPoolLockNotReleased(uint256 releaseDay, uint256 processedDay);

    // ------------------------------------------------------------------ events

    /// @notice Request `requestId` of `controller`: what its shares were worth when requested (the most
    ///         claims of them can pay together) and its claim window [claimableAt, expiresAt].
    event RedeemRequestTerms(
        address indexed controller, uint256 indexed requestId, uint256 assetsAtRequest, uint256 claimableAt, uint256 expiresAt
    );
    /// @notice ERC-7575: the vault for `asset` of this share token (this pool; emitted once, at deployment).
    event VaultUpdate(address indexed asset, address vault);
    /// @notice A request's window lapsed and its `shares` went back to `owner`.
    event RedeemRequestLapsed(address indexed controller, address indexed owner, uint256 indexed requestId, uint256 shares);
    /// @notice Buckets up to `processedDay` were processed: the new rate, locked and unearned reserve.
    event Checkpoint(uint256 processedDay, uint256 rate, uint256 locked, uint256 unearned);
    /// @notice `market` locked `amount` through `until`; released at the start of `releaseDay`.
    event CapitalLocked(address indexed market, uint256 amount, uint256 until, uint256 indexed releaseDay);
    /// @notice `market` released `amount` of its lock in bucket `releaseDay` before expiry.
    event CapitalReleased(address indexed market, uint256 amount, uint256 indexed releaseDay);
    /// @notice `market` paid `premium`, earned at `rate` (× 1e18 per second) until `earnedAt`.
    event PremiumReceived(address indexed market, uint256 premium, uint256 rate, uint256 earnedAt);
    /// @notice `market` paid a claim of `amount` to `recipient` from its lock in bucket `releaseDay`.
    event ClaimPaid(address indexed market, address indexed recipient, uint256 amount, uint256 indexed releaseDay);
    /// @notice The waterfall drew `amount` of free capital for `recipient`.
    event ShortfallCovered(address indexed waterfall, address indexed recipient, uint256 amount);
    /// @notice The waterfall paid `amount` of fees, earned until `earnedAt` (now if not streamed).
    event FeesReceived(address indexed waterfall, uint256 amount, uint256 earnedAt);
    event MarketSet(address indexed market, bool allowed);
    event WaterfallSet(address indexed previous, address indexed current);
    event GuardianSet(address indexed previous, address indexed current);
    event CooldownSet(uint256 previous, uint256 current);
    event ClaimWindowSet(uint256 previous, uint256 current);
    event FeeStreamPeriodSet(uint256 previous, uint256 current);
    event MaxUtilizationBpsSet(uint256 previous, uint256 current);
    /// @notice `market` paid a claim of `amount` to `recipient` from free capital: its lock (bucket
    ///         `releaseDay`) had already been released (a claim deadline extended by an L2 outage).
    event ReleasedClaimPaid(address indexed market, address indexed recipient, uint256 amount, uint256 indexed releaseDay);
    event PauseSet(address indexed by, bool paused);
    event SurplusSkimmed(address indexed recipient, uint256 amount);

    // ------------------------------------------------------------------ construction

    /// @param asset_ The stablecoin (6 decimals: shares get 18 with the offset of 12).
    /// @param name_ Share token name, e.g. "Backstop Junior".
    /// @param symbol_ Share token symbol, e.g. "bsJR".
    /// @param owner_ Governance (a timelock on public chains); must accept nothing, set at once.
    /// @param guardian_ May pause new risk.
    constructor(IERC20 asset_, string memory name_, string memory symbol_, address owner_, address guardian_)
        ERC4626(asset_)
        ERC20(name_, symbol_)
        Ownable(owner_)
    {
        if (guardian_ == address(0)) revert BackstopPoolZeroAddress();
        _params = Params({
            guardian: guardian_,
            cooldown: DEFAULT_COOLDOWN,
            claimWindow: DEFAULT_CLAIM_WINDOW,
            feeStreamPeriod: DEFAULT_FEE_STREAM_PERIOD
        });
        _core.checkpoint = uint40(block.timestamp);
        _core.maxUtilizationBps = DEFAULT_MAX_UTILIZATION_BPS;
        emit GuardianSet(address(0), guardian_);
        emit VaultUpdate(address(asset_), address(this));
    }

    modifier onlyMarket() {
        if (!isMarket[msg.sender]) revert BackstopPoolNotMarket(msg.sender);
        _;
    }

    modifier onlyWaterfall() {
        if (msg.sender != waterfall || msg.sender == address(0)) revert BackstopPoolNotWaterfall(msg.sender);
        _;
    }

    // ================================================================== ERC-4626 views

    /// @inheritdoc ERC4626
    function asset() public view override(ERC4626, IShortfallLayer) returns (address) {
        return super.asset();
    }

    /// @notice Assets backing the shares: `held − unearnedNow` (see the contract doc). Excludes the
    ///         unearned premium reserve and any unaccounted donation; includes locked capital.
    function totalAssets() public view override returns (uint256) {
        Accrual memory a = _previewAccrual(false);
        return a.held - a.unearnedNow;
    }

    /// @inheritdoc IShortfallLayer
    /// @dev `totalAssets() − lockedAssets()`.
    function freeAssets() public view returns (uint256) {
        return _free(_previewAccrual(true));
    }

    /// @notice Capital locked for active covers (after processing expired buckets).
    function lockedAssets() external view returns (uint256) {
        return _previewAccrual(true).locked;
    }

    /// @notice `totalAssets()`, `lockedAssets()` (one bucket walk) and `maxUtilizationBps()`: what a quote reads.
    function underwritingCapital() external view returns (uint256 totalAssets_, uint256 locked, uint256 maxUtilizationBps_) {
        Accrual memory a = _previewAccrual(true);
        return (a.held - a.unearnedNow, a.locked, a.maxUtilizationBps);
    }

    /// @notice The utilization ceiling (bps): no lock may take `locked × 10000 > maxUtilizationBps × totalAssets`.
    function maxUtilizationBps() external view returns (uint256) {
        return _core.maxUtilizationBps;
    }

    /// @notice Premiums and streamed fees received but not yet earned (not part of totalAssets).
    function unearnedPremium() external view returns (uint256) {
        return _previewAccrual(false).unearnedNow;
    }

    /// @notice Current earning rate in base units × 1e18 per second (after processing expired buckets).
    function premiumRate() external view returns (uint256) {
        return _previewAccrual(true).rate;
    }

    /// @notice Days since the last processed bucket; above `MAX_BUCKET_WALK`, call `checkpoint()`.
    function pendingDays() public view returns (uint256) {
        return block.timestamp / PoolMath.DAY - _core.checkpoint / PoolMath.DAY;
    }

    /// @notice Raw accounting storage, for the TypeScript twin (see the contract doc for the formula).
    function accountingState()
        external
        view
        returns (uint256 held, uint256 unearned, uint256 checkpoint_, uint256 rate, uint256 locked, bool paused_)
    {
        Core memory c = _core;
        Risk memory r = _risk;
        return (c.held, c.unearned, c.checkpoint, r.rate, r.locked, c.paused);
    }

    /// @notice Day bucket `day` (changes at `day × 86400`). Buckets up to `checkpoint / 86400` are history.
    function bucket(uint256 day) external view returns (uint256 rateDrop, uint256 lockRelease) {
        Bucket memory b = _buckets[day];
        return (b.rateDrop, b.lockRelease);
    }

    /// @notice Whether new risk (deposits, mints, locks) is paused.
    function paused() external view returns (bool) {
        return _core.paused;
    }

    function guardian() external view returns (address) {
        return _params.guardian;
    }

    /// @notice Seconds between a redeem request and its first claimable second.
    function cooldown() external view returns (uint256) {
        return _params.cooldown;
    }

    /// @notice Seconds after `claimableAt` during which a request may still be claimed (inclusive end).
    function claimWindow() external view returns (uint256) {
        return _params.claimWindow;
    }

    /// @notice Seconds over which waterfall fees are earned (rounded up to a day boundary); 0 = at once.
    function feeStreamPeriod() external view returns (uint256) {
        return _params.feeStreamPeriod;
    }

    /// @inheritdoc ERC4626
    function convertToShares(uint256 assets) public view override returns (uint256) {
        return PoolMath.sharesDown(assets, totalSupply(), totalAssets());
    }

    /// @inheritdoc ERC4626
    function convertToAssets(uint256 shares) public view override returns (uint256) {
        return PoolMath.assetsDown(shares, totalSupply(), totalAssets());
    }

    /// @notice Shares `deposit(assets)` mints now, rounded down.
    function previewDeposit(uint256 assets) public view override returns (uint256) {
        return PoolMath.sharesDown(assets, totalSupply(), totalAssets());
    }

    /// @notice Assets `mint(shares)` pulls now, rounded up.
    function previewMint(uint256 shares) public view override returns (uint256) {
        return PoolMath.assetsUp(shares, totalSupply(), totalAssets());
    }

    /// @notice Reverts `BackstopPoolAsyncPreview` for every caller and input, as ERC-7540 requires of an
    ///         asynchronous redeem vault: what a claim pays depends on the controller's request (the lower
    ///         of the shares' value at request and now). Quote a claim with `previewClaimWithdraw`.
    /// @dev Always reverts: no chain has id 0. The condition only keeps the compiler from calling
    ///      OpenZeppelin's overridden (never run) ERC4626.withdraw/redeem bodies unreachable code.
    function previewWithdraw(uint256) public view override returns (uint256) {
        if (block.chainid != 0) revert BackstopPoolAsyncPreview();
        return 0;
    }

    /// @notice Reverts `BackstopPoolAsyncPreview` for every caller and input (ERC-7540); quote a claim
    ///         with `previewClaimRedeem`.
    function previewRedeem(uint256) public view override returns (uint256) {
        if (block.chainid != 0) revert BackstopPoolAsyncPreview();
        return 0;
    }

    /// @notice Assets `redeem(shares, …, controller)` pays now: the lower of the shares' value now and
    ///         their pro-rata part of the request's value at request, rounded down (`PoolMath.claimAssetsDown`).
    ///         Like an ERC-4626 preview it ignores the limits `maxRedeem` reports (the claim window, free
    ///         capital): it quotes a claim as though accepted, also for a request still in its cooldown.
    /// @dev Reverts `BackstopPoolNoRequest` without a request, `BackstopPoolExceedsRequest` above its shares.
    function previewClaimRedeem(uint256 shares, address controller) external view returns (uint256 assets) {
        Request memory q = _loadRequestForQuote(controller);
        if (shares > q.shares) revert BackstopPoolExceedsRequest(q.id, shares, q.shares);
        Accrual memory a = _previewAccrual(false);
        return PoolMath.claimAssetsDown(shares, q.shares, q.assetsAtRequest, totalSupply(), a.held - a.unearnedNow);
    }

    /// @notice Shares `withdraw(assets, …, controller)` burns now: the fewest whose claim pays `assets`,
    ///         rounded up (`PoolMath.claimSharesUp`). Ignores the claim window and free capital like
    ///         `previewClaimRedeem`.
    /// @dev Reverts `BackstopPoolNoRequest`, and `BackstopPoolExceedsRequest` when the request cannot pay
    ///      `assets` (the shares it would take exceed the request's).
    function previewClaimWithdraw(uint256 assets, address controller) external view returns (uint256 shares) {
        Request memory q = _loadRequestForQuote(controller);
        Accrual memory a = _previewAccrual(false);
        shares = PoolMath.claimSharesUp(assets, q.shares, q.assetsAtRequest, totalSupply(), a.held - a.unearnedNow);
        if (shares > q.shares) revert BackstopPoolExceedsRequest(q.id, shares, q.shares);
    }

    /// @notice What `deposit` accepts now (never more, never a revert): 0 while paused, while a
    ///         checkpoint is required, while the share price is below the floor (a wiped-out layer, see the
    ///         contract doc) or when even the room left would mint no share; else the room left in the
    ///         accounting (`held` is 96 bits).
    function maxDeposit(address) public view override returns (uint256) {
        (uint256 room, uint256 shares) = _depositRoom();
        return shares == 0 ? 0 : room;
    }

    /// @notice Shares for `maxDeposit`'s room, rounded down: 0 whenever `maxDeposit` is 0. Below the
    ///         share-price floor no deposit is taken, which bounds the supply, so this never overflows.
    function maxMint(address) public view override returns (uint256) {
        (, uint256 shares) = _depositRoom();
        return shares;
    }

    /// @notice Assets `controller`'s request can withdraw now: the lower of its shares' value now and
    ///         its value at request (rounded down), capped by free capital; 0 outside the claim window.
    function maxWithdraw(address controller) public view override returns (uint256) {
        Request memory q = _loadRequest(controller);
        if (!_inWindow(q)) return 0;
        _loadRequestTerms(controller, q);
        Accrual memory a = _previewAccrual(true);
        uint256 assets = PoolMath.claimAssetsDown(q.shares, q.shares, q.assetsAtRequest, totalSupply(), a.held - a.unearnedNow);
        uint256 free = _free(a);
        return assets < free ? assets : free;
    }

    /// @notice Shares `controller` can redeem now: the claimable request, capped by what free capital
    ///         can pay (`PoolMath.claimSharesDown`); 0 outside the claim window or when the claim would pay
    ///         nothing.
    function maxRedeem(address controller) public view override returns (uint256) {
        Request memory q = _loadRequest(controller);
        if (!_inWindow(q)) return 0;
        _loadRequestTerms(controller, q);
        Accrual memory a = _previewAccrual(true);
        uint256 supply = totalSupply();
        uint256 assets_ = a.held - a.unearnedNow;
        uint256 shares = q.shares;
        uint256 byFree = PoolMath.claimSharesDown(_free(a), q.shares, q.assetsAtRequest, supply, assets_);
        if (byFree < shares) shares = byFree;
        return PoolMath.claimAssetsDown(shares, q.shares, q.assetsAtRequest, supply, assets_) == 0 ? 0 : shares;
    }

    // ================================================================== ERC-4626 entry points

    /// @notice Deposits `assets` and mints shares to `receiver`, rounding shares down (favours the pool).
    /// @dev Reverts `BackstopPoolPaused`, `BackstopPoolCheckpointRequired`, `BackstopPoolSharePriceBelowFloor`,
    ///      `BackstopPoolZeroShares`.
    function deposit(uint256 assets, address receiver) public override nonReentrant returns (uint256 shares) {
        Accrual memory a;
        _accrueForNewRisk(a, false);
        uint256 supply = totalSupply();
        _requireAboveFloor(supply, a.held - a.unearnedNow);
        shares = PoolMath.sharesDown(assets, supply, a.held - a.unearnedNow);
        if (shares == 0) revert BackstopPoolZeroShares(assets);
        _enter(a, receiver, assets, shares);
    }

    /// @notice Mints exactly `shares` to `receiver`, pulling assets rounded up (favours the pool).
    /// @dev Same reverts as `deposit`; `shares == 0` reverts `BackstopPoolZeroShares(0)`.
    function mint(uint256 shares, address receiver) public override nonReentrant returns (uint256 assets) {
        if (shares == 0) revert BackstopPoolZeroShares(0);
        Accrual memory a;
        _accrueForNewRisk(a, false);
        uint256 supply = totalSupply();
        _requireAboveFloor(supply, a.held - a.unearnedNow);
        assets = PoolMath.assetsUp(shares, supply, a.held - a.unearnedNow);
        _enter(a, receiver, assets, shares);
    }

    /// @notice Claims `controller`'s request by assets: pays exactly `assets` to `receiver` and burns the
    ///         fewest escrowed shares whose claim covers them (`previewClaimWithdraw`: the larger of the
    ///         shares worth `assets` now and at request, rounded up). ERC-7540: the caller is `controller`
    ///         or its operator.
    /// @dev Reverts `BackstopPoolZeroAssets(0)`, `BackstopPoolNotOperator`, `BackstopPoolNoRequest`,
    ///      `BackstopPoolCooldownActive`, `BackstopPoolRequestLapsed`, `BackstopPoolExceedsRequest`,
    ///      `BackstopPoolInsufficientFreeAssets`. Emits `Withdraw(caller, receiver, controller, assets, shares)`.
    function withdraw(uint256 assets, address receiver, address controller)
        public
        override
        nonReentrant
        returns (uint256 shares)
    {
        if (assets == 0) revert BackstopPoolZeroAssets(0);
        Request memory q = _loadRequest(controller);
        _requireClaimable(q, controller);
        _loadRequestTerms(controller, q);
        Accrual memory a;
        _accrue(a, true);
        shares = PoolMath.claimSharesUp(assets, q.shares, q.assetsAtRequest, totalSupply(), a.held - a.unearnedNow);
        _exit(a, q, controller, receiver, assets, shares);
    }

    /// @notice Claims `shares` of `controller`'s request: burns them and pays `receiver` the lower of
    ///         their value now and their pro-rata part of the request's value at request, rounded down
    ///         (`previewClaimRedeem`). ERC-7540: the caller is `controller` or its operator.
    /// @dev Reverts as `withdraw` (`BackstopPoolExceedsRequest` before any pricing), and
    ///      `BackstopPoolZeroAssets` rather than burn shares for nothing.
    function redeem(uint256 shares, address receiver, address controller)
        public
        override
        nonReentrant
        returns (uint256 assets)
    {
        Request memory q = _loadRequest(controller);
        _requireClaimable(q, controller);
        if (shares > q.shares) revert BackstopPoolExceedsRequest(q.id, shares, q.shares);
        _loadRequestTerms(controller, q);
        Accrual memory a;
        _accrue(a, true);
        assets = PoolMath.claimAssetsDown(shares, q.shares, q.assetsAtRequest, totalSupply(), a.held - a.unearnedNow);
        if (assets == 0) revert BackstopPoolZeroAssets(shares);
        _exit(a, q, controller, receiver, assets, shares);
    }

    // ================================================================== ERC-7540

    /// @notice Escrows `shares` of `owner` in the pool as a redeem request controlled by `controller`,
    ///         worth at most `assetsAtRequest = convertToAssets(shares)` when claimed (a claim pays the lower
    ///         of that and the shares' value then). Claimable from `now + cooldown` through
    ///         `now + cooldown + claimWindow` (inclusive).
    /// @dev The caller is `controller` or one of its operators (so nobody else can occupy or delay a
    ///      controller's request), and `owner`, an operator of `owner`, or spends `owner`'s share
    ///      allowance. One request per controller: reverts `BackstopPoolRequestPending` while one is
    ///      pending or claimable; a lapsed one is first returned to its owner. Reverts `BackstopPoolZeroShares`,
    ///      `BackstopPoolZeroAddress`, `BackstopPoolNotOperator(caller, controller)`, the ERC-20 allowance and
    ///      balance errors, `BackstopPoolAmountTooLarge`, and `BackstopPoolZeroAssets(shares)` for shares
    ///      worth nothing now (no claim of them could pay). Allowed while paused. Emits `RedeemRequest` and
    ///      `RedeemRequestTerms` (and `RedeemRequestLapsed` for a lapsed predecessor).
    /// @return requestId Sequential id, unique per pool.
    function requestRedeem(uint256 shares, address controller, address owner)
        external
        nonReentrant
        returns (uint256 requestId)
    {
        if (shares == 0) revert BackstopPoolZeroShares(0);
        if (controller == address(0)) revert BackstopPoolZeroAddress();
        if (msg.sender != controller && !isOperator[controller][msg.sender]) {
            revert BackstopPoolNotOperator(msg.sender, controller);
        }
        if (msg.sender != owner && !isOperator[owner][msg.sender]) _spendAllowance(owner, msg.sender, shares);
        Request memory q = _loadRequest(controller);
        if (q.shares != 0) {
            if (block.timestamp <= q.expiresAt) revert BackstopPoolRequestPending(controller, q.id, q.shares);
            _loadRequestTerms(controller, q);
            _returnLapsed(controller, q);
        }
        if (shares > type(uint128).max) revert BackstopPoolAmountTooLarge(shares, type(uint128).max);
        // The value at request is convertToAssets: ≤ totalAssets < 2^96, as the shares are part of the supply.
        uint256 assetsAtRequest = convertToAssets(shares);
        if (assetsAtRequest == 0) revert BackstopPoolZeroAssets(shares);
        requestId = _openRequest(controller, owner, shares, assetsAtRequest);
    }

    /// @notice Shares of request `requestId` (0 = the current one) still in cooldown.
    function pendingRedeemRequest(uint256 requestId, address controller) external view returns (uint256 shares) {
        Request memory q = _loadRequest(controller);
        if ((requestId == 0 || requestId == q.id) && block.timestamp < q.claimableAt) return q.shares;
        return 0;
    }

    /// @notice Shares of request `requestId` (0 = the current one) claimable now (before lapse).
    function claimableRedeemRequest(uint256 requestId, address controller) external view returns (uint256 shares) {
        Request memory q = _loadRequest(controller);
        if ((requestId == 0 || requestId == q.id) && _inWindow(q)) return q.shares;
        return 0;
    }

    /// @notice The full state of `controller`'s request (zeros when none): `assetsAtRequest` is the value
    ///         at request of the shares still to claim, the most a claim of them can pay.
    function redeemRequest(address controller)
        external
        view
        returns (
            uint256 requestId,
            uint256 shares,
            uint256 claimableAt,
            uint256 expiresAt,
            address owner,
            uint256 assetsAtRequest
        )
    {
        Request memory q = _loadRequest(controller);
        _loadRequestTerms(controller, q);
        return (q.id, q.shares, q.claimableAt, q.expiresAt, q.owner, q.assetsAtRequest);
    }

    /// @notice Returns the escrowed shares of `controller`'s lapsed request to their owner. Anyone may call.
    /// @dev Reverts `BackstopPoolNoRequest` or `BackstopPoolRequestNotLapsed`. Emits `RedeemRequestLapsed`.
    function reclaimLapsedRequest(address controller) external nonReentrant {
        Request memory q = _loadRequest(controller);
        if (q.shares == 0) revert BackstopPoolNoRequest(controller);
        if (block.timestamp <= q.expiresAt) revert BackstopPoolRequestNotLapsed(q.id, q.expiresAt);
        _loadRequestTerms(controller, q);
        _returnLapsed(controller, q);
    }

    /// @inheritdoc IERC7540Operator
    function setOperator(address operator, bool approved) external returns (bool) {
        isOperator[msg.sender][operator] = approved;
        emit OperatorSet(msg.sender, operator, approved);
        return true;
    }

    /// @notice ERC-7575: the share token is the vault itself.
    function share() external view returns (address) {
        return address(this);
    }

    /// @notice ERC-7575 share-to-vault lookup: this pool for its own asset, none for any other.
    function vault(address asset_) external view returns (address) {
        return asset_ == asset() ? address(this) : address(0);
    }

    /// @dev ERC-7575's id of the full ERC-4626 method set plus `share` (ERC-7540 requires it).
    bytes4 private constant ERC7575_VAULT_ID = 0x2f0a18c5;
    /// @dev ERC-7575's id of the share token's `vault(asset)` lookup (the share token is this pool).
    bytes4 private constant ERC7575_SHARE_ID = 0xf815c03d;

    /// @notice ERC-165: ERC-7540 operators (0xe3bc4e65) and asynchronous redeem (0x620ee8e4), the
    ///         ERC-7575 vault (0x2f0a18c5, which ERC-7540 requires) and share lookup (0xf815c03d).
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == type(IERC165).interfaceId || interfaceId == type(IERC7540Operator).interfaceId
            || interfaceId == type(IERC7540Redeem).interfaceId || interfaceId == ERC7575_VAULT_ID
            || interfaceId == ERC7575_SHARE_ID;
    }

    // ================================================================== market hooks

    /// @notice Locks `amount` of free capital for a cover through `until` (claim deadline, inclusive).
    ///         Released automatically at the start of day `releaseDay = until / 86400 + 1`.
    /// @dev Only a registered market; not while paused. Reverts `BackstopPoolInvalidExpiry` unless
    ///      now ≤ until ≤ now + MAX_TERM, `BackstopPoolInsufficientFreeAssets` above free capital,
    ///      `BackstopPoolAboveMaxUtilization` above the utilization ceiling. Emits `CapitalLocked`. Keep `releaseDay`: `payClaim`/`releaseCapital` need it.
    function lockCapital(uint256 amount, uint256 until) external onlyMarket nonReentrant returns (uint256 releaseDay) {
        if (amount == 0) revert BackstopPoolZeroAssets(0);
        if (until < block.timestamp || until > block.timestamp + MAX_TERM) {
            revert BackstopPoolInvalidExpiry(until, block.timestamp, block.timestamp + MAX_TERM);
        }
        Accrual memory a;
        _accrueForNewRisk(a, true);
        uint256 free = _free(a);
        if (amount > free) revert BackstopPoolInsufficientFreeAssets(amount, free);
        _requireUnderCeiling(a, amount);
        releaseDay = PoolMath.lockReleaseDay(until);
        a.locked += uint128(amount); // amount ≤ free ≤ held < 2^96
        _buckets[releaseDay].lockRelease += uint128(amount);
        _commit(a, true);
        emit CapitalLocked(msg.sender, amount, until, releaseDay);
    }

    /// @notice Pulls `premium` from the market and earns it linearly from now until the day boundary
    ///         at or after `earnUntil` (`ceil(earnUntil / 86400) × 86400`), rate rounded down.
    /// @dev Only a registered market; allowed while paused. Reverts `BackstopPoolInvalidExpiry` unless
    ///      now < earnUntil ≤ now + MAX_TERM. Emits `PremiumReceived`.
    function receivePremium(uint256 premium, uint256 earnUntil) external onlyMarket nonReentrant {
        if (premium == 0) revert BackstopPoolZeroAssets(0);
        if (earnUntil <= block.timestamp || earnUntil > block.timestamp + MAX_TERM) {
            revert BackstopPoolInvalidExpiry(earnUntil, block.timestamp, block.timestamp + MAX_TERM);
        }
        Accrual memory a;
        _accrue(a, true);
        _requireComplete(a);
        (uint256 rate, uint256 earnedAt) = _startStream(a, premium, earnUntil);
        _commit(a, true);
        IERC20(asset()).safeTransferFrom(msg.sender, address(this), premium);
        emit PremiumReceived(msg.sender, premium, rate, earnedAt);
    }

    /// @notice Books a cover sale in one step: earns `premium` (which the market has already moved from the
    ///         buyer into this pool) like `receivePremium`, and locks `amount` through `until` like
    ///         `lockCapital`. One accrual and one write instead of two, and no round trip of the premium
    ///         through the market's balance.
    /// @dev Only a registered market; not while paused. Checks as `receivePremium` and `lockCapital`, plus
    ///      `BackstopPoolPremiumNotReceived` unless the pool's balance covers its books plus `premium` (a
    ///      registered market is trusted not to book an unaccounted donation as its premium). Emits
    ///      `PremiumReceived` and `CapitalLocked`.
    /// @return releaseDay The lock's bucket, as `lockCapital` returns it.
    function underwriteCover(uint256 premium, uint256 earnUntil, uint256 amount, uint256 until)
        external
        onlyMarket
        nonReentrant
        returns (uint256 releaseDay)
    {
        if (premium == 0 || amount == 0) revert BackstopPoolZeroAssets(0);
        if (earnUntil <= block.timestamp || earnUntil > block.timestamp + MAX_TERM) {
            revert BackstopPoolInvalidExpiry(earnUntil, block.timestamp, block.timestamp + MAX_TERM);
        }
        if (until < block.timestamp || until > block.timestamp + MAX_TERM) {
            revert BackstopPoolInvalidExpiry(until, block.timestamp, block.timestamp + MAX_TERM);
        }
        Accrual memory a;
        _accrueForNewRisk(a, true);
        uint256 free = _free(a);
        if (amount > free) revert BackstopPoolInsufficientFreeAssets(amount, free);
        _requireUnderCeiling(a, amount);
        uint256 balance = IERC20(asset()).balanceOf(address(this));
        if (balance < uint256(a.held) + premium) revert BackstopPoolPremiumNotReceived(premium, balance - a.held);
        (uint256 rate, uint256 earnedAt) = _startStream(a, premium, earnUntil);
        releaseDay = PoolMath.lockReleaseDay(until);
        a.locked += uint128(amount); // amount ≤ free ≤ held < 2^96
        _buckets[releaseDay].lockRelease += uint128(amount);
        _commit(a, true);
        emit PremiumReceived(msg.sender, premium, rate, earnedAt);
        emit CapitalLocked(msg.sender, amount, until, releaseDay);
    }

    /// @notice Pays a claim of `amount` to `recipient` out of the market's lock in bucket `releaseDay`
    ///         (the value `lockCapital` returned). Lowers locked capital and total assets by `amount`.
    /// @dev Only a registered market; allowed while paused. Reverts `BackstopPoolLockReleased` if the
    ///      bucket was already released, `BackstopPoolExceedsLock` above what it still holds.
    ///      Emits `ClaimPaid`.
    function payClaim(uint256 amount, address recipient, uint256 releaseDay) external onlyMarket nonReentrant {
        if (amount == 0) revert BackstopPoolZeroAssets(0);
        if (recipient == address(0)) revert BackstopPoolZeroAddress();
        Accrual memory a;
        _unlock(a, amount, releaseDay);
        a.held -= uint96(amount);
        _commit(a, true);
        IERC20(asset()).safeTransfer(recipient, amount);
        emit ClaimPaid(msg.sender, recipient, amount, releaseDay);
    }

    /// @notice Pays a claim of `amount` to `recipient` from free capital, for a cover whose lock (bucket
    ///         `releaseDay`) the pool already released: its claim deadline was extended past the release
    ///         day by an L2 sequencer outage (see `CoverMarket.claim`). Lowers total assets by `amount`.
    /// @dev Only a registered market; allowed while paused. Reverts `BackstopPoolLockNotReleased` while the
    ///      bucket still holds its lock (then `payClaim` applies), `BackstopPoolInsufficientFreeAssets` above
    ///      free capital. Emits `ReleasedClaimPaid`.
    function payReleasedClaim(uint256 amount, address recipient, uint256 releaseDay) external onlyMarket nonReentrant {
        if (amount == 0) revert BackstopPoolZeroAssets(0);
        if (recipient == address(0)) revert BackstopPoolZeroAddress();
        Accrual memory a;
        _accrue(a, true);
        uint256 processedDay = a.checkpoint / PoolMath.DAY;
        if (releaseDay > processedDay) revert BackstopPoolLockNotReleased(releaseDay, processedDay);
        uint256 free = _free(a);
        if (amount > free) revert BackstopPoolInsufficientFreeAssets(amount, free);
        a.held -= uint96(amount);
        _commit(a, false);
        IERC20(asset()).safeTransfer(recipient, amount);
        emit ReleasedClaimPaid(msg.sender, recipient, amount, releaseDay);
    }

    /// @notice Releases `amount` of the market's lock in bucket `releaseDay` before expiry (e.g. a
    ///         cover settled early). Reverts as `payClaim`. Emits `CapitalReleased`.
    function releaseCapital(uint256 amount, uint256 releaseDay) external onlyMarket nonReentrant {
        if (amount == 0) revert BackstopPoolZeroAssets(0);
        Accrual memory a;
        _unlock(a, amount, releaseDay);
        _commit(a, true);
        emit CapitalReleased(msg.sender, amount, releaseDay);
    }

    // ================================================================== waterfall hooks

    /// @inheritdoc IShortfallLayer
    /// @dev `amount == 0` is a no-op. Reverts `BackstopPoolNotWaterfall`,
    ///      `BackstopPoolInsufficientFreeAssets(amount, free)`. Not blocked by pause (it is the cover).
    function coverShortfall(uint256 amount, address recipient) external onlyWaterfall nonReentrant {
        if (amount == 0) return;
        if (recipient == address(0)) revert BackstopPoolZeroAddress();
        Accrual memory a;
        _accrue(a, true);
        uint256 free = _free(a);
        if (amount > free) revert BackstopPoolInsufficientFreeAssets(amount, free);
        a.held -= uint96(amount);
        _commit(a, false);
        IERC20(asset()).safeTransfer(recipient, amount);
        emit ShortfallCovered(msg.sender, recipient, amount);
    }

    /// @inheritdoc IShortfallLayer
    /// @dev `amount == 0` is a no-op. Fees are earned linearly until the day boundary at or after
    ///      `now + feeStreamPeriod` (at once if the period is 0), which blunts just-in-time stakes.
    ///      Reverts `BackstopPoolNotWaterfall`, `BackstopPoolCheckpointRequired` (streamed, > 90 idle days).
    function receiveFees(uint256 amount) external onlyWaterfall nonReentrant {
        if (amount == 0) return;
        Accrual memory a;
        _accrue(a, true);
        uint256 period = _params.feeStreamPeriod;
        uint256 earnedAt = block.timestamp;
        if (period == 0) {
            a.held = _toHeld(uint256(a.held) + amount);
        } else {
            _requireComplete(a);
            (, earnedAt) = _startStream(a, amount, block.timestamp + period);
        }
        _commit(a, true);
        IERC20(asset()).safeTransferFrom(msg.sender, address(this), amount);
        emit FeesReceived(msg.sender, amount, earnedAt);
    }

    /// @notice Processes up to `MAX_BUCKET_WALK` elapsed day buckets. Anyone may call.
    /// @return remaining Days still unprocessed after this call.
    function checkpoint() external nonReentrant returns (uint256 remaining) {
        Accrual memory a;
        _accrue(a, false);
        if (a.walked) _commit(a, false);
        return pendingDays();
    }

    // ================================================================== governance

    /// @notice Registers (`allowed`) or removes a cover market. Only the owner. Emits `MarketSet`.
    function setMarket(address market, bool allowed) external onlyOwner {
        if (market == address(0)) revert BackstopPoolZeroAddress();
        isMarket[market] = allowed;
        emit MarketSet(market, allowed);
    }

    /// @notice Sets the waterfall allowed to draw and pay fees. Only the owner. Emits `WaterfallSet`.
    function setWaterfall(address waterfall_) external onlyOwner {
        if (waterfall_ == address(0)) revert BackstopPoolZeroAddress();
        emit WaterfallSet(waterfall, waterfall_);
        waterfall = waterfall_;
    }

    /// @notice Sets the guardian. Only the owner. Emits `GuardianSet`.
    function setGuardian(address guardian_) external onlyOwner {
        if (guardian_ == address(0)) revert BackstopPoolZeroAddress();
        emit GuardianSet(_params.guardian, guardian_);
        _params.guardian = guardian_;
    }

    /// @notice Sets the cooldown for new requests, within [MIN_COOLDOWN, MAX_COOLDOWN]. Only the owner.
    function setCooldown(uint256 cooldown_) external onlyOwner {
        if (cooldown_ < MIN_COOLDOWN || cooldown_ > MAX_COOLDOWN) {
            revert BackstopPoolCooldownOutOfBounds(cooldown_, MIN_COOLDOWN, MAX_COOLDOWN);
        }
        emit CooldownSet(_params.cooldown, cooldown_);
        _params.cooldown = uint32(cooldown_);
    }

    /// @notice Sets the claim window for new requests, within [MIN_CLAIM_WINDOW, MAX_CLAIM_WINDOW].
    function setClaimWindow(uint256 window_) external onlyOwner {
        if (window_ < MIN_CLAIM_WINDOW || window_ > MAX_CLAIM_WINDOW) {
            revert BackstopPoolClaimWindowOutOfBounds(window_, MIN_CLAIM_WINDOW, MAX_CLAIM_WINDOW);
        }
        emit ClaimWindowSet(_params.claimWindow, window_);
        _params.claimWindow = uint32(window_);
    }

    /// @notice Sets the fee stream period, within [0, MAX_FEE_STREAM_PERIOD]. Only the owner.
    function setFeeStreamPeriod(uint256 period_) external onlyOwner {
        if (period_ > MAX_FEE_STREAM_PERIOD) {
            revert BackstopPoolFeeStreamPeriodOutOfBounds(period_, 0, MAX_FEE_STREAM_PERIOD);
        }
        emit FeeStreamPeriodSet(_params.feeStreamPeriod, period_);
        _params.feeStreamPeriod = uint32(period_);
    }

    /// @notice Sets the utilization ceiling for new locks, within [MIN_MAX_UTILIZATION_BPS,
    ///         MAX_MAX_UTILIZATION_BPS]. Only the owner. Emits `MaxUtilizationBpsSet`.
    function setMaxUtilizationBps(uint256 bps) external onlyOwner {
        if (bps < MIN_MAX_UTILIZATION_BPS || bps > MAX_MAX_UTILIZATION_BPS) {
            revert BackstopPoolMaxUtilizationOutOfBounds(bps, MIN_MAX_UTILIZATION_BPS, MAX_MAX_UTILIZATION_BPS);
        }
        emit MaxUtilizationBpsSet(_core.maxUtilizationBps, bps);
        _core.maxUtilizationBps = uint16(bps);
    }

    /// @notice Pauses new risk (deposits, mints, new locks). Guardian or owner. Emits `PauseSet`.
    function pause() external {
        if (msg.sender != _params.guardian && msg.sender != owner()) revert BackstopPoolNotGuardian(msg.sender);
        _core.paused = true;
        emit PauseSet(msg.sender, true);
    }

    /// @notice Resumes new risk. Only the owner. Emits `PauseSet`.
    function unpause() external onlyOwner {
        _core.paused = false;
        emit PauseSet(msg.sender, false);
    }

    /// @notice Sends tokens the pool holds beyond its accounting (donations) to `recipient`. Owner only.
    function skimSurplus(address recipient) external onlyOwner nonReentrant returns (uint256 amount) {
        if (recipient == address(0)) revert BackstopPoolZeroAddress();
        amount = IERC20(asset()).balanceOf(address(this)) - _core.held;
        IERC20(asset()).safeTransfer(recipient, amount);
        emit SurplusSkimmed(recipient, amount);
    }

    // ================================================================== internals

    /// @dev Shares may not be sent to the pool except through `requestRedeem`'s escrow.
    function _update(address from, address to, uint256 value) internal override {
        if (to == address(this)) revert BackstopPoolEscrowTransfer();
        super._update(from, to, value);
    }

    function _decimalsOffset() internal pure override returns (uint8) {
        return 12;
    }

    /// @dev The bucket walk (see the contract doc). Loads `_risk` only when needed.
    function _previewAccrual(bool needRisk) internal view returns (Accrual memory a) {
        _walk(a, needRisk);
    }

    /// @dev Fills the zero-initialised `a` with the walked state (the body of `_previewAccrual`; callers
    ///      pass their own struct so a call allocates exactly one).
    function _walk(Accrual memory a, bool needRisk) private view {
        _loadCore(a);
        uint256 cp = a.checkpoint;
        uint256 cpDay = cp / PoolMath.DAY;
        uint256 nowDay = block.timestamp / PoolMath.DAY;
        a.complete = true;
        if (needRisk || a.unearned != 0 || nowDay != cpDay) {
            _loadRisk(a);
        }
        uint256 u = a.unearned;
        if (nowDay != cpDay) {
            a.walked = true;
            uint256 lastDay = nowDay;
            if (nowDay - cpDay > MAX_BUCKET_WALK) {
                lastDay = cpDay + MAX_BUCKET_WALK;
                a.complete = false;
            }
            uint256 rate = a.rate;
            uint256 locked = a.locked;
            for (uint256 d = cpDay + 1; d <= lastDay; ++d) {
                uint256 b = _bucketWord(d);
                if (b == 0) continue;
                uint256 t = d * PoolMath.DAY;
                u = PoolMath.unearnedUp(u, rate, t - cp);
                cp = t;
                rate -= uint128(b); // rateDrop
                locked -= b >> 128; // lockRelease
                if (rate == 0) u = 0;
            }
            uint256 end = lastDay * PoolMath.DAY;
            u = PoolMath.unearnedUp(u, rate, end - cp);
            a.unearned = uint96(u);
            a.checkpoint = uint40(end);
            a.rate = uint128(rate);
            a.locked = uint128(locked);
            cp = end;
        }
        a.unearnedNow = a.complete ? PoolMath.unearnedUp(u, a.rate, block.timestamp - cp) : u;
    }

    /// @dev The walk for a state-changing call; emits `Checkpoint` when buckets were processed.
    function _accrue(Accrual memory a, bool needRisk) internal {
        _walk(a, needRisk);
        if (a.walked) emit Checkpoint(a.checkpoint / PoolMath.DAY, a.rate, a.locked, a.unearned);
    }

    /// @dev Accrual for deposits, mints and locks: refuses while paused or behind on buckets.
    function _accrueForNewRisk(Accrual memory a, bool needRisk) internal {
        _accrue(a, needRisk);
        if (a.paused) revert BackstopPoolPaused();
        _requireComplete(a);
    }

    function _requireComplete(Accrual memory a) internal view {
        if (!a.complete) revert BackstopPoolCheckpointRequired(pendingDays());
    }

    /// @dev Writes the accrued state back; `_risk` only when it changed (or the walk touched it).
    function _commit(Accrual memory a, bool riskChanged) internal {
        _storeCore(a);
        if (riskChanged || a.walked) _storeRisk(a);
    }

    function _free(Accrual memory a) internal pure returns (uint256) {
        return a.held - a.unearnedNow - a.locked;
    }

    /// @dev A new lock of `amount` may not take locked / total assets above the ceiling.
    function _requireUnderCeiling(Accrual memory a, uint256 amount) internal pure {
        uint256 maxLocked = ((a.held - a.unearnedNow) * a.maxUtilizationBps) / 10_000;
        if (a.locked + amount > maxLocked) revert BackstopPoolAboveMaxUtilization(a.locked + amount, maxLocked);
    }

    function _toHeld(uint256 held) internal pure returns (uint96) {
        if (held > type(uint96).max) revert BackstopPoolAmountTooLarge(held, type(uint96).max);
        return uint96(held);
    }

    /// @dev Adds `amount` to `held` and the unearned reserve, earning it until the day boundary at or
    ///      after `end`. Requires a complete walk (checkpoint in today's day).
    function _startStream(Accrual memory a, uint256 amount, uint256 end)
        internal
        returns (uint256 rate, uint256 earnedAt)
    {
        uint256 endDay = PoolMath.earningEndDay(end);
        earnedAt = endDay * PoolMath.DAY;
        rate = PoolMath.rateDown(amount, earnedAt - block.timestamp);
        // The rate lives in 128 bits; refuse a stream so fast it would not fit rather than truncate it.
        if (rate > type(uint128).max) {
            revert BackstopPoolAmountTooLarge(amount, type(uint128).max * (earnedAt - block.timestamp) / PoolMath.RATE_SCALE);
        }
        a.held = _toHeld(uint256(a.held) + amount);
        a.unearned = uint96(a.unearnedNow + amount); // ≤ held
        a.checkpoint = uint40(block.timestamp);
        a.rate += uint128(rate);
        _buckets[endDay].rateDrop += uint128(rate);
        a.unearnedNow = a.unearned;
    }

    /// @dev Removes `amount` from the lock in bucket `releaseDay` and from `locked`.
    function _unlock(Accrual memory a, uint256 amount, uint256 releaseDay) internal {
        _accrue(a, true);
        uint256 processedDay = a.checkpoint / PoolMath.DAY;
        if (releaseDay <= processedDay) revert BackstopPoolLockReleased(releaseDay, processedDay);
        Bucket storage b = _buckets[releaseDay];
        uint256 available = b.lockRelease;
        if (amount > available) revert BackstopPoolExceedsLock(releaseDay, amount, available);
        b.lockRelease = uint128(available - amount);
        a.locked -= uint128(amount);
    }

    function _enter(Accrual memory a, address receiver, uint256 assets, uint256 shares) internal {
        uint256 room = type(uint96).max - a.held;
        if (assets > room) revert ERC4626ExceededMaxDeposit(receiver, assets, room);
        a.held += uint96(assets);
        _commit(a, false);
        _mint(receiver, shares);
        IERC20(asset()).safeTransferFrom(msg.sender, address(this), assets);
        emit Deposit(msg.sender, receiver, assets, shares);
    }

    function _exit(
        Accrual memory a,
        Request memory q,
        address controller,
        address receiver,
        uint256 assets,
        uint256 shares
    ) internal {
        if (shares > q.shares) revert BackstopPoolExceedsRequest(q.id, shares, q.shares);
        uint256 free = _free(a);
        if (assets > free) revert BackstopPoolInsufficientFreeAssets(assets, free);
        a.held -= uint96(assets);
        _commit(a, false);
        if (shares == q.shares) {
            delete _requests[controller];
        } else {
            // The burnt shares take their pro-rata part of the value at request with them (rounded down,
            // so what stays attached to the rest is never less than its own pro-rata part).
            uint256 spent = PoolMath.requestAssetsDown(shares, q.shares, q.assetsAtRequest);
            _storeRequest(controller, q.shares - uint128(shares), q.id, q.claimableAt, q.expiresAt);
            _storeRequestTerms(controller, q.owner, q.assetsAtRequest - uint96(spent));
        }
        _burn(address(this), shares);
        IERC20(asset()).safeTransfer(receiver, assets);
        emit Withdraw(msg.sender, receiver, controller, assets, shares);
    }

    /// @dev Checks the caller may act for `controller` and its request `q` is inside its window.
    function _requireClaimable(Request memory q, address controller) internal view {
        if (msg.sender != controller && !isOperator[controller][msg.sender]) {
            revert BackstopPoolNotOperator(msg.sender, controller);
        }
        if (q.shares == 0) revert BackstopPoolNoRequest(controller);
        if (block.timestamp < q.claimableAt) revert BackstopPoolCooldownActive(q.id, q.claimableAt);
        if (block.timestamp > q.expiresAt) revert BackstopPoolRequestLapsed(q.id, q.expiresAt);
    }

    /// @dev Whether `q` exists and now is inside its claim window (both ends inclusive).
    function _inWindow(Request memory q) internal view returns (bool) {
        return q.shares != 0 && block.timestamp >= q.claimableAt && block.timestamp <= q.expiresAt;
    }

    /// @dev The whole request of `controller` for a claim quote; reverts `BackstopPoolNoRequest` without one.
    function _loadRequestForQuote(address controller) internal view returns (Request memory q) {
        q = _loadRequest(controller);
        if (q.shares == 0) revert BackstopPoolNoRequest(controller);
        _loadRequestTerms(controller, q);
    }

    /// @dev Deposits and mints stop below the share-price floor (see "A wiped-out layer").
    function _requireAboveFloor(uint256 supply, uint256 totalAssets_) internal pure {
        if (PoolMath.belowSharePriceFloor(supply, totalAssets_)) {
            revert BackstopPoolSharePriceBelowFloor(totalAssets_, supply);
        }
    }

    /// @dev The room `held` has left and the shares it would mint now; (0, 0) whenever deposits are
    ///      closed (paused, checkpoint required, below the share-price floor).
    function _depositRoom() private view returns (uint256 room, uint256 shares) {
        Accrual memory a = _previewAccrual(false);
        if (a.paused || !a.complete) return (0, 0);
        uint256 supply = totalSupply();
        uint256 assets_ = a.held - a.unearnedNow;
        if (PoolMath.belowSharePriceFloor(supply, assets_)) return (0, 0);
        room = type(uint96).max - a.held;
        shares = PoolMath.sharesDown(room, supply, assets_);
    }

    // ------------------------------------------------------------------ packed storage words
    // The hot structs are read and written one whole slot at a time: Solidity's struct copies
    // (`Core memory c = _core`, `_core = c`) go member by member, with a masked read-modify-write per
    // field. The bit positions below are exactly the compiler's layout of each struct (members packed
    // from the low-order end, in declaration order), so `accountingState()`, `bucket()`,
    // `redeemRequest()` and any storage-layout reader see the same values as before.

    /// @dev `_core`: held [0, 96) · unearned [96, 192) · checkpoint [192, 232) · paused [232, 240)
    ///      · maxUtilizationBps [240, 256).
    function _loadCore(Accrual memory c) private view {
        uint256 w;
        assembly ("memory-safe") {
            w := sload(_core.slot)
        }
        c.held = uint96(w);
        c.unearned = uint96(w >> 96);
        c.checkpoint = uint40(w >> 192);
        c.paused = uint8(w >> 232) != 0;
        c.maxUtilizationBps = uint16(w >> 240);
    }

    function _storeCore(Accrual memory c) private {
        uint256 w = uint256(c.held) | (uint256(c.unearned) << 96) | (uint256(c.checkpoint) << 192)
            | (c.paused ? uint256(1) << 232 : 0) | (uint256(c.maxUtilizationBps) << 240);
        assembly ("memory-safe") {
            sstore(_core.slot, w)
        }
    }

    /// @dev `_risk`: rate [0, 128) · locked [128, 256).
    function _loadRisk(Accrual memory r) private view {
        uint256 w;
        assembly ("memory-safe") {
            w := sload(_risk.slot)
        }
        r.rate = uint128(w);
        r.locked = uint128(w >> 128);
    }

    function _storeRisk(Accrual memory r) private {
        uint256 w = uint256(r.rate) | (uint256(r.locked) << 128);
        assembly ("memory-safe") {
            sstore(_risk.slot, w)
        }
    }

    /// @dev `_params.cooldown` [160, 192) and `_params.claimWindow` [192, 224) in one SLOAD.
    function _cooldownAndWindow() private view returns (uint256 cooldown_, uint256 claimWindow_) {
        uint256 w;
        assembly ("memory-safe") {
            w := sload(_params.slot)
        }
        cooldown_ = uint32(w >> 160);
        claimWindow_ = uint32(w >> 192);
    }

    /// @dev `_buckets[day]` as one word: rateDrop [0, 128) · lockRelease [128, 256).
    function _bucketWord(uint256 day) private view returns (uint256 w) {
        assembly ("memory-safe") {
            mstore(0x00, day)
            mstore(0x20, _buckets.slot)
            w := sload(keccak256(0x00, 0x40))
        }
    }

    /// @dev The storage slot of `_requests[controller]`.
    function _requestSlot(address controller) private pure returns (uint256 slot) {
        assembly ("memory-safe") {
            mstore(0x00, controller)
            mstore(0x20, _requests.slot)
            slot := keccak256(0x00, 0x40)
        }
    }

    /// @dev `_requests[controller]`, first slot: shares [0, 128) · id [128, 168) · claimableAt [168, 208)
    ///      · expiresAt [208, 248). The second slot is left unread (see `_loadRequestTerms`).
    function _loadRequest(address controller) private view returns (Request memory q) {
        uint256 slot = _requestSlot(controller);
        uint256 w;
        assembly ("memory-safe") {
            w := sload(slot)
        }
        q.shares = uint128(w);
        q.id = uint40(w >> 128);
        q.claimableAt = uint40(w >> 168);
        q.expiresAt = uint40(w >> 208);
    }

    /// @dev `_requests[controller]`, second slot: owner [0, 160) · assetsAtRequest [160, 256).
    function _loadRequestTerms(address controller, Request memory q) private view {
        uint256 slot = _requestSlot(controller) + 1;
        uint256 w;
        assembly ("memory-safe") {
            w := sload(slot)
        }
        q.owner = address(uint160(w));
        q.assetsAtRequest = uint96(w >> 160);
    }

    function _storeRequest(address controller, uint128 shares, uint40 id, uint40 claimableAt, uint40 expiresAt) private {
        uint256 slot = _requestSlot(controller);
        uint256 w = uint256(shares) | (uint256(id) << 128) | (uint256(claimableAt) << 168) | (uint256(expiresAt) << 208);
        assembly ("memory-safe") {
            sstore(slot, w)
        }
    }

    function _storeRequestTerms(address controller, address owner_, uint96 assetsAtRequest) private {
        uint256 slot = _requestSlot(controller) + 1;
        uint256 w = uint256(uint160(owner_)) | (uint256(assetsAtRequest) << 160);
        assembly ("memory-safe") {
            sstore(slot, w)
        }
    }

    /// @dev Stores `controller`'s new request, escrows `owner`'s shares and emits its two events.
    function _openRequest(address controller, address owner_, uint256 shares, uint256 assetsAtRequest)
        private
        returns (uint40 id)
    {
        (uint256 cooldown_, uint256 claimWindow_) = _cooldownAndWindow();
        id = ++_lastRequestId;
        uint256 claimableAt = block.timestamp + cooldown_;
        uint256 expiresAt = claimableAt + claimWindow_;
        _storeRequest(controller, uint128(shares), id, uint40(claimableAt), uint40(expiresAt));
        _storeRequestTerms(controller, owner_, uint96(assetsAtRequest));
        ERC20._update(owner_, address(this), shares);
        emit RedeemRequest(controller, owner_, id, msg.sender, shares);
        emit RedeemRequestTerms(controller, id, assetsAtRequest, claimableAt, expiresAt);
    }

    /// @dev Hands a lapsed request's shares back to its owner (`q` loaded with its terms).
    function _returnLapsed(address controller, Request memory q) internal {
        delete _requests[controller];
        ERC20._update(address(this), q.owner, q.shares);
        emit RedeemRequestLapsed(controller, q.owner, q.id, q.shares);
    }
}
