// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {CoverMarketBase} from "./CoverMarketBase.t.sol";
import {CoverDescriptor} from "../src/CoverDescriptor.sol";
import {ICoverDescriptor} from "../src/interfaces/ICoverDescriptor.sol";
import {ICoverMarket} from "../src/interfaces/ICoverMarket.sol";
import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";
import {CoverDescriptorHarness} from "./harness/CoverDescriptorHarness.sol";

/// @notice The on-chain metadata: the market forwards `tokenURI` to the descriptor governance sets; the JSON
///         parses and carries product, direction, strike, payout, start, end and status (which follows the
///         cover: Active → Claimed, Expired → Released); formatting of amounts and dates; hostile strings
///         from a feed cannot break out of the JSON or the SVG; failing metadata calls never break rendering.
contract CoverDescriptorTest is CoverMarketBase {
    CoverDescriptorHarness internal descriptor;

    function setUp() public override {
        super.setUp();
        descriptor = new CoverDescriptorHarness();
        vm.expectEmit(true, true, true, true, address(market));
        emit ICoverMarket.DescriptorSet(address(0), address(descriptor));
        vm.prank(gov);
        market.setDescriptor(descriptor);
    }

    function test_SetDescriptor_OwnerOnly_AndUnsetMeansNoMetadata() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        market.setDescriptor(ICoverDescriptor(address(0)));
        uint256 id = _buyDown(alice);
        assertEq(address(market.descriptor()), address(descriptor), "set");
        vm.prank(gov);
        market.setDescriptor(ICoverDescriptor(address(0)));
        assertEq(market.tokenURI(id), "", "no descriptor: no metadata");
    }

    function test_TokenURI_IsTheDescriptorsAnswer_Base64Json() public {
        uint256 id = _buyDown(alice);
        string memory uri = market.tokenURI(id);
        assertEq(uri, descriptor.tokenURI(market, id), "forwarded byte for byte");
        assertEq(
            uri,
            string.concat("data:application/json;base64,", Base64.encode(bytes(descriptor.json(market, id)))),
            "base64 of the JSON"
        );
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 99));
        market.tokenURI(99);
        vm.expectRevert(abi.encodeWithSelector(CoverDescriptor.CoverDescriptorUnknownCover.selector, 99));
        descriptor.tokenURI(market, 99);
    }

    function test_Json_CarriesEveryTerm() public {
        uint256 id = _buyDown(alice); // Down, strike 2,700, 10,000 USDC, 7 days from T0
        string memory json = descriptor.json(market, id);
        assertEq(vm.parseJsonString(json, ".name"), "Backstop Cover #1", "name");
        assertEq(
            vm.parseJsonString(json, ".description"),
            "Pays 10,000 USDC to the holder if the oracle confirms ETH / USD falls to 2,700 between 2023-11-14 22:13 UTC and 2023-11-21 22:13 UTC.",
            "description"
        );
        assertEq(vm.parseJsonString(json, ".attributes[0].value"), "ETH / USD", "product");
        assertEq(vm.parseJsonString(json, ".attributes[1].value"), "Down", "direction");
        assertEq(vm.parseJsonString(json, ".attributes[2].value"), "2,700", "strike");
        assertEq(vm.parseJsonUint(json, ".attributes[3].value"), 2700e8, "strike in feed units");
        assertEq(vm.parseJsonString(json, ".attributes[4].value"), "10,000 USDC", "payout");
        assertEq(vm.parseJsonUint(json, ".attributes[5].value"), 10_000e6, "payout in base units");
        assertEq(vm.parseJsonUint(json, ".attributes[6].value"), T0, "start");
        assertEq(vm.parseJsonUint(json, ".attributes[7].value"), T0 + 7 days, "end");
        assertEq(vm.parseJsonString(json, ".attributes[8].value"), "Active", "status");
        string memory image = vm.parseJsonString(json, ".image");
        assertEq(
            image, string.concat("data:image/svg+xml;base64,", Base64.encode(bytes(descriptor.svg(market, id)))), "svg image"
        );
        string memory svg = descriptor.svg(market, id);
        assertTrue(_contains(svg, ">2,700</text>"), "strike in the image");
        assertTrue(_contains(svg, ">Pays 10,000 USDC</text>"), "payout in the image");
        assertTrue(_contains(svg, "ETH / USD falls to"), "product and direction in the image");
        (uint256 up,) = _buy(bob, upId, 3300e8, 2_500_500_000, 14 days);
        json = descriptor.json(market, up);
        assertEq(vm.parseJsonString(json, ".attributes[1].value"), "Up", "up cover");
        assertEq(vm.parseJsonString(json, ".attributes[4].value"), "2,500.5 USDC", "payout with cents");
    }

    function test_Status_FollowsTheCover() public {
        uint256 paid = _buyDown(alice);
        uint256 lapsed = _buyDown(bob);
        uint80 round = _pushN(2650e8, 2, 6 minutes);
        _claim(paid, round);
        assertEq(vm.parseJsonString(descriptor.json(market, paid), ".attributes[8].value"), "Claimed", "claimed");
        vm.warp(market.coverInfo(lapsed).claimDeadline + 1);
        assertEq(vm.parseJsonString(descriptor.json(market, lapsed), ".attributes[8].value"), "Expired", "expired");
        market.release(lapsed);
        assertEq(vm.parseJsonString(descriptor.json(market, lapsed), ".attributes[8].value"), "Released", "released");
        assertTrue(_contains(descriptor.svg(market, lapsed), ">Released</text>"), "status in the image");
    }

    function test_FeedMetadata_IsSanitised_AndFailuresFallBack() public {
        uint256 id = _buyDown(alice);
        // A feed describing itself with markup and quotes cannot inject into the JSON or the SVG.
        vm.mockCall(
            address(feed),
            abi.encodeWithSelector(AggregatorV3Interface.description.selector),
            abi.encode('ETH"},{"x":"<script>')
        );
        string memory json = descriptor.json(market, id);
        assertEq(vm.parseJsonString(json, ".attributes[0].value"), "ETH?????x????script?", "sanitised");
        assertFalse(_contains(descriptor.svg(market, id), "<script"), "no markup from the feed");
        // Metadata calls that revert: "?" and default decimals, never a revert.
        vm.clearMockedCalls();
        vm.mockCallRevert(address(feed), abi.encodeWithSelector(AggregatorV3Interface.description.selector), "");
        vm.mockCallRevert(address(usdc), abi.encodeWithSelector(IERC20Metadata.symbol.selector), "");
        json = descriptor.json(market, id);
        assertEq(vm.parseJsonString(json, ".attributes[0].value"), "?", "unknown feed");
        assertEq(vm.parseJsonString(json, ".attributes[4].value"), "10,000 ?", "unknown symbol");
        vm.clearMockedCalls();
    }

    function test_Formatting() public view {
        assertEq(descriptor.decimal(2700e8, 8), "2,700", "whole");
        assertEq(descriptor.decimal(2_700_509_999_999, 8), "27,005.09", "cut, not rounded");
        assertEq(descriptor.decimal(123_456_789, 6), "123.45", "cents");
        assertEq(descriptor.decimal(10_000, 6), "0.01", "a cent");
        assertEq(descriptor.decimal(9_999, 6), "0", "below a cent");
        assertEq(descriptor.decimal(1_000_001_000_000, 6), "1,000,001", "groups of three");
        assertEq(descriptor.decimal(1_000_000_050_000_000, 6), "1,000,000,050", "zero groups padded");
        assertEq(descriptor.decimal(7, 0), "7", "no decimals");
        assertEq(descriptor.date(0), "1970-01-01 00:00 UTC", "epoch");
        assertEq(descriptor.date(951_782_400), "2000-02-29 00:00 UTC", "leap day");
        assertEq(descriptor.date(1_700_000_000), "2023-11-14 22:13 UTC", "a Tuesday");
        assertEq(descriptor.date(4_102_444_799), "2099-12-31 23:59 UTC", "end of the century");
        assertEq(descriptor.label("ETH / USD"), "ETH / USD", "plain");
        assertEq(descriptor.label(""), "?", "empty");
        assertEq(descriptor.label("abcdefghijklmnopqrstuvwxyz0123456789"), "abcdefghijklmnopqrstuvwxyz012345", "at most 32");
    }

    function _contains(string memory haystack, string memory needle) internal pure returns (bool) {
        bytes memory h = bytes(haystack);
        bytes memory n = bytes(needle);
        if (n.length > h.length) return false;
        for (uint256 i; i + n.length <= h.length; ++i) {
            bool all = true;
            for (uint256 j; j < n.length && all; ++j) {
                all = h[i + j] == n[j];
            }
            if (all) return true;
        }
        return false;
    }
}
