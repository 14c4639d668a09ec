// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {BKS} from "../src/BKS.sol";

/// @notice BKS: only the minter mints, ERC20Votes delegation and checkpoints on a timestamp clock,
///         ERC-2612 permits.
contract BKSTest is Test {
    BKS internal bks;
    address internal minter = makeAddr("minter");
    address internal treasury = makeAddr("treasury");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    uint256 internal constant T0 = 1_700_000_000;

    function setUp() public {
        vm.warp(T0);
        bks = new BKS(minter, treasury, 1_000e18);
    }

    function test_Metadata_AndInitialSupply() public view {
        assertEq(bks.name(), "Backstop", "name");
        assertEq(bks.symbol(), "BKS", "symbol");
        assertEq(bks.decimals(), 18, "decimals");
        assertEq(bks.totalSupply(), 1_000e18, "supply");
        assertEq(bks.balanceOf(treasury), 1_000e18, "treasury");
        assertEq(bks.minter(), minter, "minter");
    }

    function test_OnlyTheMinterMints() public {
        vm.expectRevert(abi.encodeWithSelector(BKS.BKSNotMinter.selector, alice));
        vm.prank(alice);
        bks.mint(alice, 1);
        vm.expectRevert(abi.encodeWithSelector(BKS.BKSNotMinter.selector, treasury));
        vm.prank(treasury);
        bks.mint(treasury, 1);
        vm.prank(minter);
        bks.mint(alice, 5e18);
        assertEq(bks.balanceOf(alice), 5e18, "minted");
        assertEq(bks.totalSupply(), 1_005e18, "supply");
    }

    function testFuzz_OnlyTheMinterMints(address caller, uint256 amount) public {
        vm.assume(caller != minter);
        vm.expectRevert(abi.encodeWithSelector(BKS.BKSNotMinter.selector, caller));
        vm.prank(caller);
        bks.mint(caller, amount);
    }

    function test_Constructor_Rejects() public {
        vm.expectRevert(BKS.BKSZeroAddress.selector);
        new BKS(address(0), treasury, 1);
        vm.expectRevert(BKS.BKSZeroAddress.selector);
        new BKS(minter, address(0), 1);
        BKS empty = new BKS(minter, address(0), 0);
        assertEq(empty.totalSupply(), 0, "no initial supply");
    }

    function test_Votes_DelegateAndCheckpointByTimestamp() public {
        assertEq(bks.CLOCK_MODE(), "mode=timestamp", "clock mode");
        assertEq(bks.clock(), T0, "clock");
        vm.prank(treasury);
        bks.delegate(alice);
        assertEq(bks.getVotes(alice), 1_000e18, "delegated");
        vm.warp(T0 + 10);
        vm.prank(minter);
        bks.mint(treasury, 500e18);
        assertEq(bks.getVotes(alice), 1_500e18, "new mint follows the delegation");
        vm.warp(T0 + 20);
        assertEq(bks.getPastVotes(alice, T0 + 5), 1_000e18, "past votes by timestamp");
        assertEq(bks.getPastTotalSupply(T0 + 15), 1_500e18, "past supply");
        vm.prank(treasury);
        bks.transfer(bob, 100e18);
        assertEq(bks.getVotes(alice), 1_400e18, "transfer moves votes");
        assertEq(bks.getVotes(bob), 0, "bob undelegated");
    }

    function test_Permit() public {
        uint256 pk = 0xA11CE;
        address owner = vm.addr(pk);
        vm.prank(minter);
        bks.mint(owner, 10e18);
        uint256 deadline = T0 + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                bob,
                3e18,
                bks.nonces(owner),
                deadline
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", bks.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, digest);
        bks.permit(owner, bob, 3e18, deadline, v, r, s);
        assertEq(bks.allowance(owner, bob), 3e18, "allowance by signature");
        assertEq(bks.nonces(owner), 1, "nonce used");
        vm.expectRevert();
        bks.permit(owner, bob, 3e18, deadline, v, r, s); // replay
    }
}
