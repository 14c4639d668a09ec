// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {BackstopPool} from "../../src/BackstopPool.sol";
import {TestUSDC} from "../../src/mocks/TestUSDC.sol";
import {MockAggregator} from "../../src/mocks/MockAggregator.sol";
import {VolatilityOracle} from "../../src/VolatilityOracle.sol";
import {CoverMarket} from "../../src/CoverMarket.sol";
import {ICoverMarket} from "../../src/interfaces/ICoverMarket.sol";
import {ICoverPool} from "../../src/interfaces/ICoverPool.sol";
import {IVolatilityOracle} from "../../src/interfaces/IVolatilityOracle.sol";
import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {CoverPricing} from "../../src/libraries/CoverPricing.sol";
import {TouchProbability} from "../../src/libraries/TouchProbability.sol";
import {FeedProxyHarness} from "../harness/FeedProxyHarness.sol";

/// @dev The benches' product: an ETH/USD fall cover, 1 hour–90 days, the default pricing.
function benchProduct(AggregatorV3Interface feed, VolatilityOracle oracle, BackstopPool pool, uint8 confirmations)
    pure
    returns (ICoverMarket.ProductConfig memory)
{
    return ICoverMarket.ProductConfig({
        feed: feed,
        oracle: IVolatilityOracle(address(oracle)),
        pool: ICoverPool(address(pool)),
        direction: ICoverMarket.Direction.Down,
        confirmations: confirmations,
        activationDelay: 5 minutes,
        claimGrace: 1 days,
        minDuration: 1 hours,
        maxDuration: 90 days,
        maxPriceAge: 1 hours,
        maxSigmaAge: 1 days,
        maxStrikeRatio: 400,
        pricing: CoverPricing.Pricing({baseMarkup: 1.2e18, slope: 0.5e18, steepSlope: 5e18, kink: 0.8e18, minRate: 0.1e18})
    });
}

/// @notice Gas of the cover hot paths. Each external measurement is the gas of one call frame as the callee
///         sees it (`vm.lastCallGas`, forge's gas-report convention: what an `eth_call` or a transaction to
///         the market spends beyond its 21,000 + calldata intrinsic cost). The call is the first to touch
///         its storage in the test (everything is prepared in setUp), so every account it reaches and every
///         slot it reads is cold, as in a real transaction; refunds are not subtracted. A contract calling
///         the market pays 2,600 more on its own side (the cold account access of its CALL).
///         The market's book in setUp: 40 covers over 4 expiry days, a 60-second-heartbeat ETH/USD feed.
///         Output (`-vv`): `log_named_uint("<op>", gas)` and `targetMet.<op>` (1 = within target).
///         Targets: quote ≤ 40k, buyCover (returning buyer) ≤ 160k, claim with 2 confirmations ≤ 75k.
abstract contract CoverGasSetup is Test {
    event log_named_uint(string key, uint256 val);

    uint256 internal constant QUOTE_TARGET = 40_000;
    uint256 internal constant BUY_TARGET = 160_000;
    uint256 internal constant CLAIM2_TARGET = 75_000;

    TestUSDC internal usdc;
    BackstopPool internal pool;
    MockAggregator internal feed;
    VolatilityOracle internal oracle;
    CoverMarket internal market;
    uint256 internal down2; // 2 confirmations
    uint256 internal down5; // 5 confirmations
    address internal gov = address(0x600);
    address internal alice = address(0xA11CE); // holds covers already
    address internal carol = address(0xCA201); // first purchase
    uint256 internal claim2Id;
    uint256 internal claim5Id;
    uint80 internal touchRound;
    uint256 internal expiredId; // past its deadline, lock still in the bucket
    uint256 internal bucketReleasedId; // past its release day
    uint256 internal buyDuration;

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        usdc = new TestUSDC();
        pool = new BackstopPool(IERC20(address(usdc)), "Junior", "bsJR", gov, gov);
        feed = new MockAggregator(8, "ETH / USD", address(this));
        feed.pushAnswer(3000e8);
        oracle = new VolatilityOracle(feed, gov, 0.8e18, 0.1e18, 3e18, 1 hours);
        oracle.poke();
        market = new CoverMarket(IERC20(address(usdc)), gov, gov, AggregatorV3Interface(address(0)), 0);
        vm.startPrank(gov);
        pool.setMarket(address(market), true);
        down2 = market.registerProduct(_config(2));
        down5 = market.registerProduct(_config(5));
        vm.stopPrank();

        _give(address(0xB0B), 10_000_000e6);
        vm.startPrank(address(0xB0B));
        usdc.approve(address(pool), type(uint256).max);
        pool.deposit(10_000_000e6, address(0xB0B));
        vm.stopPrank();
        _give(alice, 1_000_000e6);
        _give(carol, 1_000_000e6);
        vm.prank(alice);
        usdc.approve(address(market), type(uint256).max);
        vm.prank(carol);
        usdc.approve(address(market), type(uint256).max);

        // Expired covers, bought 10 days ago for 1 and 2 days.
        vm.startPrank(alice);
        (bucketReleasedId,) = market.buyCover(down2, 2500e8, 5_000e6, 1 days, type(uint256).max);
        vm.stopPrank();
        _tick(4 days);
        vm.prank(alice);
        (expiredId,) = market.buyCover(down2, 2500e8, 5_000e6, 2 days, type(uint256).max);

        // The book: 40 covers over four durations bought over the last hour.
        for (uint256 i; i < 40; ++i) {
            vm.prank(alice);
            market.buyCover(
                i % 2 == 0 ? down2 : down5, 2600e8 - i * 1e8, 1_000e6 + i * 1e6, (7 + (i % 4) * 7) * 1 days, type(uint256).max
            );
        }
        vm.prank(alice);
        (claim2Id,) = market.buyCover(down2, 2700e8, 10_000e6, 7 days, type(uint256).max);
        vm.prank(alice);
        (claim5Id,) = market.buyCover(down5, 2700e8, 10_000e6, 7 days, type(uint256).max);

        // A crash confirmed by five rounds, then the price recovers (all inside the covers' windows).
        _tick(10 minutes);
        touchRound = feed.pushAnswer(2650e8);
        for (uint256 i; i < 4; ++i) {
            vm.warp(block.timestamp + 1 minutes);
            feed.pushAnswer(2640e8);
        }
        oracle.poke();
        _tick(1 minutes);
        feed.pushAnswer(3000e8);
        oracle.poke();
        // Land one second after `expiredId`'s claim deadline (its lock still in the bucket of the next
        // day), with a fresh round folded into σ and nothing left for the pool to walk today.
        uint256 deadline = market.coverInfo(expiredId).claimDeadline;
        _tick(deadline + 1 - block.timestamp);
        pool.checkpoint();
        // A purchase now for 4 days ends on the day the book's 7-day covers end: shared buckets.
        buyDuration = 4 days;
    }

    /// @dev Gas of the last call frame (see the contract doc).
    function _lastCall() internal view returns (uint256) {
        return vm.lastCallGas().gasTotalUsed;
    }

    function _tick(uint256 dt) internal {
        vm.warp(block.timestamp + dt);
        feed.pushAnswer(3000e8);
        oracle.poke();
    }

    function _config(uint8 confirmations) internal view returns (ICoverMarket.ProductConfig memory) {
        return benchProduct(feed, oracle, pool, confirmations);
    }

    function _give(address who, uint256 amount) internal {
        vm.store(address(usdc), keccak256(abi.encode(who, uint256(0))), bytes32(amount));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(usdc.totalSupply() + amount));
    }

    function _target(string memory op, uint256 gas, uint256 target) internal {
        emit log_named_uint(op, gas);
        emit log_named_uint(string.concat("targetMet.", op), gas <= target ? 1 : 0);
    }
}

contract CoverGasTest is CoverGasSetup {
    /// @notice The pure math alone (internal call), for scale.
    function testBench_touchProbability() public {
        uint256 g = gasleft();
        TouchProbability.touchProbability(3000e8, 2700e8, 0.8e18, 7 days);
        emit log_named_uint("touchProbability", g - gasleft());
        CoverPricing.Pricing memory p = _config(2).pricing;
        g = gasleft();
        CoverPricing.premiumUp(10_000e6, 0.2e18, 3_000_000e6, 10_000_000e6, 8 days, p);
        emit log_named_uint("CoverPricing.premiumUp", g - gasleft());
        g = gasleft();
        CoverPricing.markupIntegralDown(3_010_000e6, 10_000_000e6, p);
        emit log_named_uint("CoverPricing.markupIntegralDown", g - gasleft());
        g = gasleft();
        CoverPricing.quoteUp(3000e8, 2700e8, 0.8e18, 7 days, 8 days, 10_000e6, 3_000_000e6, 10_000_000e6, p);
        emit log_named_uint("CoverPricing.quoteUp", g - gasleft());
    }

    /// @notice `quote` as an eth_call would run it: every account and slot cold.
    function testBench_quote() public {
        market.quote(down2, 2700e8, 10_000e6, 7 days);
        _target("quote", _lastCall(), QUOTE_TARGET);
        market.quote(down2, 2650e8, 20_000e6, 14 days);
        emit log_named_uint("quote (warm, second call in the tx)", _lastCall());
    }

    /// @notice A typical purchase: a returning buyer, expiry day buckets already used by other covers.
    function testBench_buyCover() public {
        uint256 duration = buyDuration;
        vm.prank(alice);
        market.buyCover(down2, 2700e8, 10_000e6, duration, type(uint256).max);
        _target("buyCover", _lastCall(), BUY_TARGET);
    }

    /// @notice The worst purchase: a first-time buyer and expiry days no cover used yet (four new slots:
    ///         her token balance, her market balance… and both day buckets, 20k gas each).
    function testBench_buyCoverFirstOfItsKind() public {
        vm.prank(carol);
        market.buyCover(down2, 2700e8, 10_000e6, 45 days, type(uint256).max);
        emit log_named_uint("buyCover (new buyer, new day buckets)", _lastCall());
    }

    function testBench_claim2Confirmations() public {
        market.claim(claim2Id, touchRound);
        _target("claim (2 confirmations)", _lastCall(), CLAIM2_TARGET);
    }

    function testBench_claim5Confirmations() public {
        market.claim(claim5Id, touchRound);
        emit log_named_uint("claim (5 confirmations)", _lastCall());
    }

    /// @notice `release` inside the day between the claim deadline and the release day (frees the lock),
    ///         and after the release day (the bucket already did; only marks and emits).
    function testBench_release() public {
        uint256 released = market.release(expiredId);
        emit log_named_uint("release (frees the lock early)", _lastCall());
        market.release(bucketReleasedId);
        emit log_named_uint("release (after the bucket: marks only; pool warm)", _lastCall());
        // The timeline setUp promises (checked after measuring, so the check warms nothing measured).
        ICoverMarket.CoverInfo memory info = market.coverInfo(expiredId);
        require(block.timestamp > info.claimDeadline && block.timestamp < info.releaseDay * 1 days, "setUp timeline");
        require(released == 5_000e6, "the early release frees the lock");
    }
}

/// @notice The oracle poke that keeps σ caught up (one new round, published 30 s after the last fold).
contract CoverGasPokeTest is CoverGasSetup {
    function setUp() public override {
        super.setUp();
        vm.warp(block.timestamp + 30);
        feed.pushAnswer(3000e8);
    }

    function testBench_poke() public {
        uint256 rounds = oracle.poke();
        emit log_named_uint("poke (1 round)", _lastCall());
        require(rounds == 1, "one new round folded");
    }

    /// @notice A purchase while σ is one round behind: `buyCover` pokes the oracle first.
    function testBench_buyCoverPokingFirst() public {
        vm.prank(alice);
        market.buyCover(down2, 2700e8, 10_000e6, buyDuration, type(uint256).max);
        emit log_named_uint("buyCover (sigma one round behind: pokes first)", _lastCall());
    }
}

/// @notice The first quote of a new day, before anything has written to the pool that day: the pool's view
///         walks the day's bucket (one more cold slot) to see the capital it released at midnight.
contract CoverGasNewDayTest is CoverGasSetup {
    function setUp() public override {
        super.setUp();
        vm.warp((block.timestamp / 1 days + 1) * 1 days + 10 minutes);
        feed.pushAnswer(3000e8);
        oracle.poke();
    }

    function testBench_quoteFirstOfTheDay() public {
        require(pool.pendingDays() == 1, "one day for the pool to walk");
        market.quote(down2, 2700e8, 10_000e6, 7 days);
        emit log_named_uint("quote (first of a new day, pool walks one bucket)", _lastCall());
    }
}

/// @notice `quote` when the product's feed is a Chainlink-style proxy in front of the aggregator (as on a
///         public chain): one more cold account and slot than the local mock alone.
contract CoverGasThroughProxyTest is Test {
    event log_named_uint(string key, uint256 val);

    CoverMarket internal market;
    uint256 internal productId;

    function setUp() public {
        vm.warp(1_700_000_000);
        address gov = address(0x600);
        TestUSDC usdc = new TestUSDC();
        BackstopPool pool = new BackstopPool(IERC20(address(usdc)), "Junior", "bsJR", gov, gov);
        MockAggregator aggregator = new MockAggregator(8, "ETH / USD", address(this));
        AggregatorV3Interface proxy = new FeedProxyHarness(aggregator);
        aggregator.pushAnswer(3000e8);
        VolatilityOracle oracle = new VolatilityOracle(proxy, gov, 0.8e18, 0.1e18, 3e18, 1 hours);
        oracle.poke();
        market = new CoverMarket(IERC20(address(usdc)), gov, gov, AggregatorV3Interface(address(0)), 0);
        vm.startPrank(gov);
        pool.setMarket(address(market), true);
        productId = market.registerProduct(benchProduct(proxy, oracle, pool, 2));
        vm.stopPrank();
        address lp = address(0xB0B);
        vm.store(address(usdc), keccak256(abi.encode(lp, uint256(0))), bytes32(uint256(10_000_000e6)));
        vm.store(address(usdc), bytes32(uint256(2)), bytes32(uint256(10_000_000e6)));
        vm.startPrank(lp);
        usdc.approve(address(pool), type(uint256).max);
        pool.deposit(10_000_000e6, lp);
        vm.stopPrank();
        vm.warp(block.timestamp + 1 minutes);
        aggregator.pushAnswer(3000e8);
        oracle.poke();
    }

    function testBench_quoteThroughProxy() public {
        market.quote(productId, 2700e8, 10_000e6, 7 days);
        emit log_named_uint("quote (feed behind a Chainlink-style proxy)", vm.lastCallGas().gasTotalUsed);
    }
}
