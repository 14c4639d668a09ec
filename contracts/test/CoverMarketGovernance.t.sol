// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CoverMarketBase} from "./CoverMarketBase.t.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ICoverMarket} from "../src/interfaces/ICoverMarket.sol";
import {ICoverPool} from "../src/interfaces/ICoverPool.sol";
import {IVolatilityOracle} from "../src/interfaces/IVolatilityOracle.sol";
import {AggregatorV3Interface} from "../src/interfaces/AggregatorV3Interface.sol";
import {CoverMarket} from "../src/CoverMarket.sol";
import {CoverPricing} from "../src/libraries/CoverPricing.sol";
import {MockAggregator} from "../src/mocks/MockAggregator.sol";
import {VolatilityOracle} from "../src/VolatilityOracle.sol";
import {BackstopPool} from "../src/BackstopPool.sol";
import {TestUSDC} from "../src/mocks/TestUSDC.sol";

/// @notice Governance: every parameter inside its hard bounds (both edges pass, one step beyond fails),
///         registration consistency checks, who may do what, pause semantics (sales only, never claims).
contract CoverMarketGovernanceTest is CoverMarketBase {
    function _expectBounds(ICoverMarket.Parameter name, uint256 value, uint256 min, uint256 max) internal {
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketParameterOutOfBounds.selector, name, value, min, max));
    }

    // ---------- registration ----------

    function test_Register_StoresConfigAndEmits() public {
        ICoverMarket.ProductConfig memory c = _config(ICoverMarket.Direction.Up);
        c.confirmations = 0; // default
        uint256 expectedId = market.productCount() + 1;
        vm.expectEmit(true, true, true, true, address(market));
        emit ICoverMarket.ProductRegistered(
            expectedId, address(feed), address(pool), address(oracle), ICoverMarket.Direction.Up, 2, DELAY, GRACE
        );
        vm.expectEmit(true, false, false, true, address(market));
        emit ICoverMarket.ProductTermsSet(expectedId, 1 hours, 90 days, 1 hours, 1 days, 400);
        vm.expectEmit(true, false, false, true, address(market));
        emit ICoverMarket.ProductPricingSet(expectedId, _pricing());
        uint256 id = _register(market, c);
        assertEq(id, expectedId, "sequential id");
        (ICoverMarket.ProductConfig memory got, bool paused) = market.product(id);
        assertEq(address(got.feed), address(feed), "feed");
        assertEq(address(got.oracle), address(oracle), "oracle");
        assertEq(address(got.pool), address(pool), "pool");
        assertEq(uint256(got.direction), uint256(ICoverMarket.Direction.Up), "direction");
        assertEq(got.confirmations, 2, "default confirmations");
        assertEq(got.activationDelay, DELAY, "delay");
        assertEq(got.claimGrace, GRACE, "grace");
        assertEq(got.minDuration, 1 hours, "min");
        assertEq(got.maxDuration, 90 days, "max");
        assertEq(got.maxPriceAge, 1 hours, "price age");
        assertEq(got.maxSigmaAge, 1 days, "sigma age");
        assertEq(got.pricing.baseMarkup, 1.2e18, "base");
        assertEq(got.pricing.slope, 0.5e18, "slope");
        assertEq(got.pricing.steepSlope, 5e18, "steep");
        assertEq(got.pricing.kink, 0.8e18, "kink");
        assertEq(got.pricing.minRate, 0.1e18, "min rate");
        assertEq(got.maxStrikeRatio, 400, "strike ratio");
        assertFalse(paused, "not paused");
        assertEq(usdc.allowance(address(market), address(pool)), 0, "no standing allowance: premiums go buyer to pool");
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketUnknownProduct.selector, id + 1));
        market.product(id + 1);
    }

    function test_Register_OnlyOwner() public {
        ICoverMarket.ProductConfig memory c = _config(ICoverMarket.Direction.Down);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        market.registerProduct(c);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        market.registerProduct(c);
    }

    function test_Register_ConsistencyChecks() public {
        ICoverMarket.ProductConfig memory c = _config(ICoverMarket.Direction.Down);
        c.feed = AggregatorV3Interface(address(0));
        vm.prank(gov);
        vm.expectRevert(ICoverMarket.CoverMarketZeroAddress.selector);
        market.registerProduct(c);

        // An oracle of another feed.
        MockAggregator other = new MockAggregator(8, "BTC / USD", address(this));
        other.pushAnswer(60_000e8);
        VolatilityOracle otherOracle = new VolatilityOracle(other, gov, 0.6e18, 0.1e18, 3e18, 1 hours);
        c = _config(ICoverMarket.Direction.Down);
        c.oracle = IVolatilityOracle(address(otherOracle));
        vm.prank(gov);
        vm.expectRevert(
            abi.encodeWithSelector(ICoverMarket.CoverMarketOracleFeedMismatch.selector, address(other), address(feed))
        );
        market.registerProduct(c);

        // A pool in another asset.
        TestUSDC otherToken = new TestUSDC();
        BackstopPool otherPool = new BackstopPool(IERC20(address(otherToken)), "X", "X", gov, guardian);
        c = _config(ICoverMarket.Direction.Down);
        c.pool = ICoverPool(address(otherPool));
        vm.prank(gov);
        vm.expectRevert(
            abi.encodeWithSelector(ICoverMarket.CoverMarketPoolAssetMismatch.selector, address(otherToken), address(usdc))
        );
        market.registerProduct(c);
    }

    /// @dev Sets parameter `field` of `c` to `v` (and whatever it depends on to a valid value).
    function _set(ICoverMarket.ProductConfig memory c, uint256 field, uint256 v) internal pure {
        if (field == 0) c.confirmations = uint8(v);
        else if (field == 1) (c.activationDelay, c.minDuration) = (uint32(v), uint32(v + 1 > 1 hours ? v + 1 : 1 hours));
        else if (field == 2) c.claimGrace = uint32(v);
        else if (field == 3) (c.maxDuration, c.minDuration) = (uint32(v), 1 hours);
        else if (field == 4) c.maxPriceAge = uint32(v);
        else if (field == 5) c.maxSigmaAge = uint32(v);
        else if (field == 6) c.pricing.baseMarkup = uint64(v);
        else if (field == 7) (c.pricing.slope, c.pricing.steepSlope) = (uint64(v), 10e18);
        else if (field == 8) c.pricing.kink = uint64(v);
        else c.pricing.minRate = uint64(v);
    }

    function test_Register_EveryParameterWithinBounds() public {
        CoverMarket m = market;
        ICoverMarket.Parameter[10] memory names = [
            ICoverMarket.Parameter.Confirmations,
            ICoverMarket.Parameter.ActivationDelay,
            ICoverMarket.Parameter.ClaimGrace,
            ICoverMarket.Parameter.MaxDuration,
            ICoverMarket.Parameter.MaxPriceAge,
            ICoverMarket.Parameter.MaxSigmaAge,
            ICoverMarket.Parameter.BaseMarkup,
            ICoverMarket.Parameter.Slope,
            ICoverMarket.Parameter.Kink,
            ICoverMarket.Parameter.MinRate
        ];
        uint256[10] memory mins = [
            m.MIN_CONFIRMATIONS(),
            m.MIN_ACTIVATION_DELAY(),
            m.MIN_CLAIM_GRACE(),
            m.MIN_DURATION(),
            m.MIN_PRICE_AGE(),
            m.MIN_SIGMA_AGE(),
            m.MIN_BASE_MARKUP(),
            0,
            m.MIN_KINK(),
            m.MIN_MIN_RATE()
        ];
        uint256[10] memory maxs = [
            m.MAX_CONFIRMATIONS(),
            m.MAX_ACTIVATION_DELAY(),
            m.MAX_CLAIM_GRACE(),
            m.MAX_DURATION(),
            m.MAX_PRICE_AGE(),
            m.MAX_SIGMA_AGE(),
            m.MAX_BASE_MARKUP(),
            m.MAX_SLOPE(),
            m.MAX_KINK(),
            m.MAX_MIN_RATE()
        ];
        for (uint256 f; f < 10; ++f) {
            ICoverMarket.ProductConfig memory c = _config(ICoverMarket.Direction.Down);
            // one step below the minimum (confirmations: 0 means the default, so it cannot be below)
            if (mins[f] > 0 && f != 0) {
                _set(c, f, mins[f] - 1);
                vm.prank(gov);
                _expectBounds(names[f], mins[f] - 1, mins[f], maxs[f]);
                m.registerProduct(c);
            }
            _set(c, f, maxs[f] + 1);
            vm.prank(gov);
            _expectBounds(names[f], maxs[f] + 1, mins[f], maxs[f]);
            m.registerProduct(c);
            // both edges are accepted
            _set(c, f, mins[f]);
            _register(m, c);
            _set(c, f, maxs[f]);
            _register(m, c);
        }
        // steep slope in [slope, MAX_STEEP_SLOPE]: never gentler than below the kink
        uint256 maxSteep = m.MAX_STEEP_SLOPE();
        ICoverMarket.ProductConfig memory c2 = _config(ICoverMarket.Direction.Down);
        c2.pricing.steepSlope = c2.pricing.slope - 1;
        vm.prank(gov);
        _expectBounds(ICoverMarket.Parameter.SteepSlope, c2.pricing.slope - 1, c2.pricing.slope, maxSteep);
        m.registerProduct(c2);
        c2.pricing.steepSlope = uint64(maxSteep + 1);
        vm.prank(gov);
        _expectBounds(ICoverMarket.Parameter.SteepSlope, maxSteep + 1, c2.pricing.slope, maxSteep);
        m.registerProduct(c2);
        // minDuration in [max(MIN_DURATION, activationDelay + 1), maxDuration]
        c2 = _config(ICoverMarket.Direction.Down);
        c2.minDuration = c2.maxDuration + 1;
        vm.prank(gov);
        _expectBounds(ICoverMarket.Parameter.MinDuration, uint256(c2.maxDuration) + 1, 1 hours, c2.maxDuration);
        m.registerProduct(c2);
        c2 = _config(ICoverMarket.Direction.Down);
        c2.activationDelay = 2 hours;
        c2.minDuration = 2 hours; // a cover could end before it activates
        vm.prank(gov);
        _expectBounds(ICoverMarket.Parameter.MinDuration, 2 hours, 2 hours + 1, c2.maxDuration);
        m.registerProduct(c2);
    }

    function test_Constructor_Bounds() public {
        vm.expectRevert(ICoverMarket.CoverMarketZeroAddress.selector);
        new CoverMarket(IERC20(address(0)), gov, guardian, AggregatorV3Interface(address(0)), 0);
        vm.expectRevert(ICoverMarket.CoverMarketZeroAddress.selector);
        new CoverMarket(IERC20(address(usdc)), gov, address(0), AggregatorV3Interface(address(0)), 0);
        // no sequencer feed: grace must be 0; with one: within bounds
        _expectBounds(ICoverMarket.Parameter.SequencerGracePeriod, 1, 0, 0);
        new CoverMarket(IERC20(address(usdc)), gov, guardian, AggregatorV3Interface(address(0)), 1);
        AggregatorV3Interface seq = AggregatorV3Interface(address(feed));
        _expectBounds(ICoverMarket.Parameter.SequencerGracePeriod, 5 minutes - 1, 5 minutes, 1 days);
        new CoverMarket(IERC20(address(usdc)), gov, guardian, seq, 5 minutes - 1);
        _expectBounds(ICoverMarket.Parameter.SequencerGracePeriod, 1 days + 1, 5 minutes, 1 days);
        new CoverMarket(IERC20(address(usdc)), gov, guardian, seq, 1 days + 1);
        CoverMarket m = new CoverMarket(IERC20(address(usdc)), gov, guardian, seq, 1 hours);
        assertEq(address(m.sequencerUptimeFeed()), address(feed), "sequencer feed");
        assertEq(m.sequencerGracePeriod(), 1 hours, "grace");
        assertEq(m.owner(), gov, "owner");
        assertEq(m.guardian(), guardian, "guardian");
        assertEq(m.name(), "Backstop Cover", "name");
        assertEq(m.symbol(), "bsCOVER", "symbol");
    }

    // ---------- tuning ----------

    function test_SetPricing_BoundedOwnerOnly_AffectsNewSalesOnly() public {
        uint256 id = _buyDown(alice);
        uint256 before = market.quote(downId, 2700e8, 10_000e6, 7 days);
        CoverPricing.Pricing memory p = _pricing();
        p.baseMarkup = 2e18;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        market.setPricing(downId, p);
        vm.prank(gov);
        vm.expectEmit(true, false, false, true, address(market));
        emit ICoverMarket.ProductPricingSet(downId, p);
        market.setPricing(downId, p);
        assertGt(market.quote(downId, 2700e8, 10_000e6, 7 days), before, "dearer");
        p.kink = 0.99e18;
        vm.prank(gov);
        _expectBounds(ICoverMarket.Parameter.Kink, 0.99e18, 0.1e18, 0.95e18);
        market.setPricing(downId, p);
        vm.prank(gov);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketUnknownProduct.selector, 77));
        market.setPricing(77, _pricing());
        // the cover already sold keeps its terms
        assertEq(market.coverInfo(id).payout, 10_000e6, "sold cover unchanged");
    }

    function test_SetTerms_BoundedOwnerOnly() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        market.setTerms(downId, 2 hours, 30 days, 10 minutes, 1 hours, 400);
        vm.prank(gov);
        vm.expectEmit(true, false, false, true, address(market));
        emit ICoverMarket.ProductTermsSet(downId, 2 hours, 30 days, 10 minutes, 1 hours, 400);
        market.setTerms(downId, 2 hours, 30 days, 10 minutes, 1 hours, 400);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketDurationOutOfBounds.selector, 1 hours, 2 hours, 30 days));
        market.buyCover(downId, 2700e8, 1_000e6, 1 hours, type(uint256).max);
        vm.prank(gov);
        _expectBounds(ICoverMarket.Parameter.MaxDuration, 366 days, 1 hours, 365 days);
        market.setTerms(downId, 2 hours, 366 days, 10 minutes, 1 hours, 400);
        vm.prank(gov);
        _expectBounds(ICoverMarket.Parameter.MaxPriceAge, 2 days + 1, 1 minutes, 2 days);
        market.setTerms(downId, 2 hours, 30 days, 2 days + 1, 1 hours, 400);
        vm.prank(gov);
        _expectBounds(ICoverMarket.Parameter.MaxSigmaAge, 59, 1 minutes, 7 days);
        market.setTerms(downId, 2 hours, 30 days, 10 minutes, 59, 400);
    }

    // ---------- pause and guardian ----------

    function test_Pause_GuardianOrOwner_SalesOnly_ClaimsAndReleasesContinue() public {
        uint256 id = _buyDown(alice);
        uint256 other = _buyDown(bob);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketNotGuardian.selector, alice));
        market.pauseProduct(downId);
        vm.prank(guardian);
        vm.expectEmit(true, true, false, true, address(market));
        emit ICoverMarket.ProductPaused(downId, guardian, true);
        market.pauseProduct(downId);
        (, bool paused) = market.product(downId);
        assertTrue(paused, "paused");
        // claims continue
        uint80 r = _pushN(2600e8, 2, 10 minutes);
        _claim(id, r);
        // releases continue
        vm.warp(market.coverInfo(other).claimDeadline + 1);
        market.release(other);
        // only the owner resumes
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        market.unpauseProduct(downId);
        vm.prank(gov);
        market.unpauseProduct(downId);
        vm.prank(gov);
        market.pauseProduct(downId); // the owner may pause too
        vm.prank(gov);
        market.unpauseProduct(downId);
        _push(SPOT, 0);
        _buyDown(alice);
    }

    function test_SetGuardian_OwnerOnly() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        market.setGuardian(alice);
        vm.prank(gov);
        vm.expectRevert(ICoverMarket.CoverMarketZeroAddress.selector);
        market.setGuardian(address(0));
        vm.prank(gov);
        vm.expectEmit(true, true, false, false, address(market));
        emit ICoverMarket.GuardianSet(guardian, bob);
        market.setGuardian(bob);
        vm.prank(bob);
        market.pauseProduct(upId);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(ICoverMarket.CoverMarketNotGuardian.selector, guardian));
        market.pauseProduct(upId);
    }

    function test_Ownership_TwoStep() public {
        vm.prank(gov);
        market.transferOwnership(alice);
        assertEq(market.owner(), gov, "pending until accepted");
        vm.prank(alice);
        market.acceptOwnership();
        assertEq(market.owner(), alice, "accepted");
    }
}
