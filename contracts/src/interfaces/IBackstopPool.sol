// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC7540Operator, IERC7540Redeem} from "./IERC7540.sol";
import {IShortfallLayer} from "./IShortfallLayer.sol";

/// @title IBackstopPool
/// @notice One layer of Backstop's insurance capital, beyond ERC-4626: the accounting views the TypeScript
///         twin reads, ERC-7540 asynchronous exits and their exact claim quotes, the hooks cover markets and
///         the waterfall call, and governance. The ERC-4626 functions are OpenZeppelin's `IERC4626`; how
///         BackstopPool answers them (exits are claims of requests) is documented on `BackstopPool`.
/// @dev Errors carry the values that explain them, so the app can say in words what went wrong
///      (`lib/tx/describeError.ts`). Implemented by `BackstopPool`, whose functions inherit these docs.
interface IBackstopPool is IShortfallLayer, IERC7540Operator, IERC7540Redeem {
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

    // ------------------------------------------------------------------ state the app reads

    /// @notice The ShortfallWaterfall allowed to draw (`coverShortfall`) and pay fees (`receiveFees`).
    function waterfall() external view returns (address);

    /// @notice Whether `market` is a registered cover market allowed to use the capital hooks.
    function isMarket(address market) external view returns (bool);

    // ------------------------------------------------------------------ accounting views (the TypeScript twin reads these)

    /// @notice Capital locked for active covers (after processing expired buckets).
    function lockedAssets() external view returns (uint256);

    /// @notice `totalAssets()`, `lockedAssets()` (one bucket walk) and `maxUtilizationBps()`: what a quote reads.
    function underwritingCapital() external view returns (uint256 totalAssets_, uint256 locked, uint256 maxUtilizationBps_);

    /// @notice The utilization ceiling (bps): no lock may take `locked × 10000 > maxUtilizationBps × totalAssets`.
    function maxUtilizationBps() external view returns (uint256);

    /// @notice Premiums and streamed fees received but not yet earned (not part of totalAssets).
    function unearnedPremium() external view returns (uint256);

    /// @notice Current earning rate in base units × 1e18 per second (after processing expired buckets).
    function premiumRate() external view returns (uint256);

    /// @notice Days since the last processed bucket; above `MAX_BUCKET_WALK`, call `checkpoint()`.
    function pendingDays() external view returns (uint256);

    /// @notice Raw accounting storage, for the TypeScript twin (see the contract doc for the formula).
    function accountingState()
        external
        view
        returns (uint256 held, uint256 unearned, uint256 checkpoint_, uint256 rate, uint256 locked, bool paused_);

    /// @notice Day bucket `day` (changes at `day × 86400`). Buckets up to `checkpoint / 86400` are history.
    function bucket(uint256 day) external view returns (uint256 rateDrop, uint256 lockRelease);

    /// @notice Whether new risk (deposits, mints, locks) is paused.
    function paused() external view returns (bool);

    function guardian() external view returns (address);

    /// @notice Seconds between a redeem request and its first claimable second.
    function cooldown() external view returns (uint256);

    /// @notice Seconds after `claimableAt` during which a request may still be claimed (inclusive end).
    function claimWindow() external view returns (uint256);

    /// @notice Seconds over which waterfall fees are earned (rounded up to a day boundary); 0 = at once.
    function feeStreamPeriod() external view returns (uint256);

    // ------------------------------------------------------------------ claim quotes and requests

    /// @notice Assets `redeem(shares, …, controller)` pays now: the lower of the shares' value now and
    ///         their pro-rata part of the request's value at request, rounded down (`PoolMath.claimAssetsDown`).
    ///         Like an ERC-4626 preview it ignores the limits `maxRedeem` reports (the claim window, free
    ///         capital): it quotes a claim as though accepted, also for a request still in its cooldown.
    /// @dev Reverts `BackstopPoolNoRequest` without a request, `BackstopPoolExceedsRequest` above its shares.
    function previewClaimRedeem(uint256 shares, address controller) external view returns (uint256 assets);

    /// @notice Shares `withdraw(assets, …, controller)` burns now: the fewest whose claim pays `assets`,
    ///         rounded up (`PoolMath.claimSharesUp`). Ignores the claim window and free capital like
    ///         `previewClaimRedeem`.
    /// @dev Reverts `BackstopPoolNoRequest`, and `BackstopPoolExceedsRequest` when the request cannot pay
    ///      `assets` (the shares it would take exceed the request's).
    function previewClaimWithdraw(uint256 assets, address controller) external view returns (uint256 shares);

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
        );

    /// @notice Returns the escrowed shares of `controller`'s lapsed request to their owner. Anyone may call.
    /// @dev Reverts `BackstopPoolNoRequest` or `BackstopPoolRequestNotLapsed`. Emits `RedeemRequestLapsed`.
    function reclaimLapsedRequest(address controller) external;

    // ------------------------------------------------------------------ ERC-7575

    /// @notice ERC-7575: the share token is the vault itself.
    function share() external view returns (address);

    /// @notice ERC-7575 share-to-vault lookup: this pool for its own asset, none for any other.
    function vault(address asset_) external view returns (address);

    // ------------------------------------------------------------------ market hooks

    /// @notice Locks `amount` of free capital for a cover through `until` (claim deadline, inclusive).
    ///         Released automatically at the start of day `releaseDay = until / 86400 + 1`.
    /// @dev Only a registered market; not while paused. Reverts `BackstopPoolInvalidExpiry` unless
    ///      now ≤ until ≤ now + MAX_TERM, `BackstopPoolInsufficientFreeAssets` above free capital,
    ///      `BackstopPoolAboveMaxUtilization` above the utilization ceiling. Emits `CapitalLocked`. Keep `releaseDay`: `payClaim`/`releaseCapital` need it.
    function lockCapital(uint256 amount, uint256 until) external returns (uint256 releaseDay);

    /// @notice Pulls `premium` from the market and earns it linearly from now until the day boundary
    ///         at or after `earnUntil` (`ceil(earnUntil / 86400) × 86400`), rate rounded down.
    /// @dev Only a registered market; allowed while paused. Reverts `BackstopPoolInvalidExpiry` unless
    ///      now < earnUntil ≤ now + MAX_TERM. Emits `PremiumReceived`.
    function receivePremium(uint256 premium, uint256 earnUntil) external;

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
        returns (uint256 releaseDay);

    /// @notice Pays a claim of `amount` to `recipient` out of the market's lock in bucket `releaseDay`
    ///         (the value `lockCapital` returned). Lowers locked capital and total assets by `amount`.
    /// @dev Only a registered market; allowed while paused. Reverts `BackstopPoolLockReleased` if the
    ///      bucket was already released, `BackstopPoolExceedsLock` above what it still holds.
    ///      Emits `ClaimPaid`.
    function payClaim(uint256 amount, address recipient, uint256 releaseDay) external;

    /// @notice Pays a claim of `amount` to `recipient` from free capital, for a cover whose lock (bucket
    ///         `releaseDay`) the pool already released: its claim deadline was extended past the release
    ///         day by an L2 sequencer outage (see `CoverMarket.claim`). Lowers total assets by `amount`.
    /// @dev Only a registered market; allowed while paused. Reverts `BackstopPoolLockNotReleased` while the
    ///      bucket still holds its lock (then `payClaim` applies), `BackstopPoolInsufficientFreeAssets` above
    ///      free capital. Emits `ReleasedClaimPaid`.
    function payReleasedClaim(uint256 amount, address recipient, uint256 releaseDay) external;

    /// @notice Releases `amount` of the market's lock in bucket `releaseDay` before expiry (e.g. a
    ///         cover settled early). Reverts as `payClaim`. Emits `CapitalReleased`.
    function releaseCapital(uint256 amount, uint256 releaseDay) external;

    // ------------------------------------------------------------------ bookkeeping

    /// @notice Processes up to `MAX_BUCKET_WALK` elapsed day buckets. Anyone may call.
    /// @return remaining Days still unprocessed after this call.
    function checkpoint() external returns (uint256 remaining);

    // ------------------------------------------------------------------ governance

    /// @notice Registers (`allowed`) or removes a cover market. Only the owner. Emits `MarketSet`.
    function setMarket(address market, bool allowed) external;

    /// @notice Sets the waterfall allowed to draw and pay fees. Only the owner. Emits `WaterfallSet`.
    function setWaterfall(address waterfall_) external;

    /// @notice Sets the guardian. Only the owner. Emits `GuardianSet`.
    function setGuardian(address guardian_) external;

    /// @notice Sets the cooldown for new requests, within [MIN_COOLDOWN, MAX_COOLDOWN]. Only the owner.
    function setCooldown(uint256 cooldown_) external;

    /// @notice Sets the claim window for new requests, within [MIN_CLAIM_WINDOW, MAX_CLAIM_WINDOW].
    function setClaimWindow(uint256 window_) external;

    /// @notice Sets the fee stream period, within [0, MAX_FEE_STREAM_PERIOD]. Only the owner.
    function setFeeStreamPeriod(uint256 period_) external;

    /// @notice Sets the utilization ceiling for new locks, within [MIN_MAX_UTILIZATION_BPS,
    ///         MAX_MAX_UTILIZATION_BPS]. Only the owner. Emits `MaxUtilizationBpsSet`.
    function setMaxUtilizationBps(uint256 bps) external;

    /// @notice Pauses new risk (deposits, mints, new locks). Guardian or owner. Emits `PauseSet`.
    function pause() external;

    /// @notice Resumes new risk. Only the owner. Emits `PauseSet`.
    function unpause() external;

    /// @notice Sends tokens the pool holds beyond its accounting (donations) to `recipient`. Owner only.
    function skimSurplus(address recipient) external returns (uint256 amount);
}
