// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IBackstopPool} from "../interfaces/IBackstopPool.sol";
import {IERC7540Operator} from "../interfaces/IERC7540.sol";

/// @title PoolExits
/// @notice BackstopPool's ERC-7540 exit requests: one request per controller, escrowed shares, a claim window
///         after the cooldown, operators, and the lapse that hands shares back. The claims themselves
///         (`redeem` / `withdraw`, priced at the lower of the value at request and now) are in BackstopPool,
///         which owns the accounting they move.
/// @dev Storage: `_lastRequestId`, `_requests` (two slots per controller, read whole-word: the first is what
///      every view and claim reads, the second only claims, lapses and `redeemRequest`), `isOperator`. The
///      core supplies the request times and the share moves into and out of escrow (`_requestTimes`,
///      `_moveShares`).
abstract contract PoolExits is IBackstopPool {
    // ------------------------------------------------------------------ storage

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

    uint40 internal _lastRequestId;
    mapping(address controller => Request) internal _requests;
    /// @inheritdoc IERC7540Operator
    mapping(address controller => mapping(address operator => bool)) public isOperator;

    // ------------------------------------------------------------------ views and operators

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

    /// @inheritdoc IBackstopPool
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

    /// @inheritdoc IERC7540Operator
    function setOperator(address operator, bool approved) external returns (bool) {
        isOperator[msg.sender][operator] = approved;
        emit OperatorSet(msg.sender, operator, approved);
        return true;
    }

    // ------------------------------------------------------------------ hooks the core implements

    /// @dev (cooldown, claim window) for a request opened now.
    function _requestTimes() internal view virtual returns (uint256 cooldown_, uint256 claimWindow_);

    /// @dev Moves `shares` between an owner and the pool's escrow (past the escrow guard of `_update`).
    function _moveShares(address from, address to, uint256 shares) internal virtual;

    // ------------------------------------------------------------------ requests

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

    /// @dev The storage slot of `_requests[controller]`.
    function _requestSlot(address controller) internal pure returns (uint256 slot) {
        assembly ("memory-safe") {
            mstore(0x00, controller)
            mstore(0x20, _requests.slot)
            slot := keccak256(0x00, 0x40)
        }
    }

    /// @dev `_requests[controller]`, first slot: shares [0, 128) · id [128, 168) · claimableAt [168, 208)
    ///      · expiresAt [208, 248). The second slot is left unread (see `_loadRequestTerms`).
    function _loadRequest(address controller) internal view returns (Request memory q) {
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
    function _loadRequestTerms(address controller, Request memory q) internal view {
        uint256 slot = _requestSlot(controller) + 1;
        uint256 w;
        assembly ("memory-safe") {
            w := sload(slot)
        }
        q.owner = address(uint160(w));
        q.assetsAtRequest = uint96(w >> 160);
    }

    function _storeRequest(address controller, uint128 shares, uint40 id, uint40 claimableAt, uint40 expiresAt) internal {
        uint256 slot = _requestSlot(controller);
        uint256 w = uint256(shares) | (uint256(id) << 128) | (uint256(claimableAt) << 168) | (uint256(expiresAt) << 208);
        assembly ("memory-safe") {
            sstore(slot, w)
        }
    }

    function _storeRequestTerms(address controller, address owner_, uint96 assetsAtRequest) internal {
        uint256 slot = _requestSlot(controller) + 1;
        uint256 w = uint256(uint160(owner_)) | (uint256(assetsAtRequest) << 160);
        assembly ("memory-safe") {
            sstore(slot, w)
        }
    }

    /// @dev Stores `controller`'s new request, escrows `owner`'s shares and emits its two events.
    function _openRequest(address controller, address owner_, uint256 shares, uint256 assetsAtRequest)
        internal
        returns (uint40 id)
    {
        (uint256 cooldown_, uint256 claimWindow_) = _requestTimes();
        id = ++_lastRequestId;
        uint256 claimableAt = block.timestamp + cooldown_;
        uint256 expiresAt = claimableAt + claimWindow_;
        _storeRequest(controller, uint128(shares), id, uint40(claimableAt), uint40(expiresAt));
        _storeRequestTerms(controller, owner_, uint96(assetsAtRequest));
        _moveShares(owner_, address(this), shares);
        emit RedeemRequest(controller, owner_, id, msg.sender, shares);
        emit RedeemRequestTerms(controller, id, assetsAtRequest, claimableAt, expiresAt);
    }

    /// @dev Hands a lapsed request's shares back to its owner (`q` loaded with its terms).
    function _returnLapsed(address controller, Request memory q) internal {
        delete _requests[controller];
        _moveShares(address(this), q.owner, q.shares);
        emit RedeemRequestLapsed(controller, q.owner, q.id, q.shares);
    }
}
