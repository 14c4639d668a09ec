// The soak's model: the whole protocol's state in TypeScript, built at genesis from the deploy's own
// constants (scripts/chain/deploy.ts) and advanced ONLY by the twins' predictions — never by reading the
// chain. `predict(world, tx, now)` is a small "EVM of twins": it dispatches a transaction (sender, target,
// function, arguments) to the whole-action twins in lib/ (and, for the local mocks and OpenZeppelin's
// timelock, to the models beside this file), returning the new world and the function's return values,
// or throwing the custom error the contract would revert with. The timelock's `executeBatch` decodes its
// payloads and dispatches each call as the timelock, so governance changes run the same twins.
// Over 400 lines on purpose: the one dispatcher from a transaction to its twin, a case per entry point of every
// contract; splitting it would spread one switch over several files.
import { decodeFunctionData, encodeFunctionData, keccak256, toHex, type Abi, type Hex } from 'viem';
import {
  backstopPoolAbi,
  bksAbi,
  coverMarketAbi,
  mockAggregatorAbi,
  recapitalizerAbi,
  shortfallWaterfallAbi,
  testUSDCAbi,
  timelockControllerAbi,
  volatilityOracleAbi,
} from '@/contracts-abi';
import { addr, ZERO_ADDRESS } from '@/lib/mirror/actions/address';
import { ContractRevert } from '@/lib/mirror/evm';
import * as erc20 from '@/lib/mirror/actions/ERC20';
import type { Erc20State } from '@/lib/mirror/actions/ERC20';
import * as pool from '@/lib/mirror/actions/BackstopPool';
import type { PoolState } from '@/lib/mirror/actions/BackstopPool';
import * as market from '@/lib/mirror/actions/CoverMarket';
import type { MarketState } from '@/lib/mirror/actions/CoverMarket';
import * as oracle from '@/lib/mirror/actions/VolatilityOracle';
import type { OracleState } from '@/lib/mirror/actions/VolatilityOracle';
import * as waterfall from '@/lib/mirror/actions/ShortfallWaterfall';
import type { WaterfallState } from '@/lib/mirror/actions/ShortfallWaterfall';
import * as recap from '@/lib/mirror/actions/Recapitalizer';
import type { RecapState } from '@/lib/mirror/actions/Recapitalizer';
import type { Pricing } from '@/lib/mirror/CoverPricing';
import {
  GOVERNANCE_DELAY,
  LOCAL_FEED,
  PRICING_DEFAULTS,
  PRODUCT_TERMS,
  PRODUCTS,
  RECAP_DEFAULTS,
  VOLATILITY_DEFAULTS,
  type Deployment,
} from '@/scripts/chain/deploy';
import * as feedModel from './mockAggregator';
import type { FeedState } from './mockAggregator';
import * as timelock from './timelock';
import type { TimelockState } from './timelock';

/** Every contract of the deployment, lower-case. */
export type Addresses = {
  usdc: string;
  bks: string;
  junior: string;
  senior: string;
  waterfall: string;
  recap: string;
  feed: string;
  oracle: string;
  market: string;
  /** CoverExchange: the soak does not trade on it; the model knows it only as a timelock-owned waterfall venue. */
  exchange: string;
  timelock: string;
  /** The reference PerpVenue: the soak does not trade on it, but the deploy hands it to the timelock too. */
  perpVenue: string;
  deployer: string;
};

export type World = {
  /** The timestamp of the last mined block: the state below is the chain's after it. */
  readonly now: bigint;
  readonly addresses: Addresses;
  readonly usdc: Erc20State;
  readonly bks: Erc20State;
  readonly junior: PoolState;
  readonly senior: PoolState;
  readonly market: MarketState;
  readonly oracle: OracleState;
  readonly feed: FeedState;
  readonly waterfall: WaterfallState;
  readonly recap: RecapState;
  readonly timelock: TimelockState;
};

/** One transaction: `from` calls `functionName(...args)` on `to`. */
export type Tx = { from: string; to: string; functionName: string; args: readonly unknown[] };

export function addressesOf(d: Deployment): Addresses {
  const c = d.contracts;
  return {
    usdc: addr(c.stablecoin.address),
    bks: addr(c.bks.address),
    junior: addr(c.juniorPool.address),
    senior: addr(c.seniorPool.address),
    waterfall: addr(c.shortfallWaterfall.address),
    recap: addr(c.recapitalizer.address),
    feed: addr(c.priceFeed.address),
    oracle: addr(c.volatilityOracle.address),
    market: addr(c.coverMarket.address),
    exchange: addr(c.coverExchange.address),
    timelock: addr(c.timelock.address),
    perpVenue: addr(c.perpVenue.address),
    deployer: addr(d.deployer),
  };
}

/** The ABI each deployed address answers to. */
export function abiOf(a: Addresses, target: string): Abi {
  const t = addr(target);
  if (t === a.usdc) return testUSDCAbi as Abi;
  if (t === a.bks) return bksAbi as Abi;
  if (t === a.junior || t === a.senior) return backstopPoolAbi as Abi;
  if (t === a.waterfall) return shortfallWaterfallAbi as Abi;
  if (t === a.recap) return recapitalizerAbi as Abi;
  if (t === a.feed) return mockAggregatorAbi as Abi;
  if (t === a.oracle) return volatilityOracleAbi as Abi;
  if (t === a.market) return coverMarketAbi as Abi;
  if (t === a.timelock) return timelockControllerAbi as Abi;
  throw new Error(`no contract at ${target}`);
}

export function calldata(a: Addresses, tx: Tx): Hex {
  return encodeFunctionData({ abi: abiOf(a, tx.to), functionName: tx.functionName, args: tx.args as unknown[] });
}

/** What the deploy left behind at the block times it ran (the only chain facts the model starts from). */
export type GenesisTimes = { juniorDeployedAt: bigint; seniorDeployedAt: bigint; openingRoundAt: bigint; lastDeployBlockAt: bigint };

/** The salt and calls of the deploy's handover batch (scripts/chain/deploy.ts `handOverToTimelock`). */
function handoverBatch(a: Addresses): timelock.Batch {
  const ownable = [a.junior, a.senior, a.waterfall, a.recap, a.oracle, a.market, a.perpVenue, a.exchange]; // deploy.ts TIMELOCK_OWNED, in order
  const accept = encodeFunctionData({ abi: backstopPoolAbi, functionName: 'acceptOwnership' });
  return {
    targets: [...ownable, a.timelock],
    values: [...ownable, a.timelock].map(() => 0n),
    payloads: [...ownable.map(() => accept), encodeFunctionData({ abi: timelockControllerAbi, functionName: 'updateDelay', args: [GOVERNANCE_DELAY] })],
    predecessor: `0x${'0'.repeat(64)}`,
    salt: keccak256(toHex('backstop.handover')),
  };
}

/** The protocol as `deployProtocol` leaves it (defaults of every contract and of deploy.ts). */
export function genesis(d: Deployment, t: GenesisTimes): World {
  const a = addressesOf(d);
  const usdc = erc20.emptyErc20();
  const bks = erc20.mint(erc20.emptyErc20(), a.deployer, RECAP_DEFAULTS.initialSupply);
  const poolOf = (address: string, now: bigint): PoolState => {
    const p = pool.deployPool({ address, owner: a.timelock, guardian: a.deployer, now });
    return { ...p, waterfall: a.waterfall, markets: new Set([a.market]) };
  };
  let feed = feedModel.deployFeed(a.feed, a.deployer);
  feed = feedModel.pushAnswer(feed, a.deployer, t.openingRoundAt, LOCAL_FEED.openingAnswer).feed;
  const v = VOLATILITY_DEFAULTS;
  const oracleState = oracle.deployOracle({
    address: a.oracle,
    owner: a.timelock,
    initialSigma: v.initialSigma,
    sigmaFloor: v.sigmaFloor,
    sigmaCap: v.sigmaCap,
    heartbeat: v.heartbeat,
  });
  let m = market.deployMarket({ address: a.market, asset: a.usdc, owner: a.deployer, guardian: a.deployer });
  const pools = { juniorPool: a.junior, seniorPool: a.senior };
  for (const product of PRODUCTS) {
    const terms = PRODUCT_TERMS;
    m = market.registerProduct(m, a.deployer, {
      feed: a.feed,
      oracle: a.oracle,
      pool: pools[product.pool],
      direction: product.direction === 0 ? 'Down' : 'Up',
      confirmations: BigInt(terms.confirmations),
      activationDelay: BigInt(terms.activationDelay),
      claimGrace: BigInt(terms.claimGrace),
      minDuration: BigInt(terms.minDuration),
      maxDuration: BigInt(terms.maxDuration),
      maxPriceAge: BigInt(terms.maxPriceAge),
      maxSigmaAge: BigInt(terms.maxSigmaAge),
      maxStrikeRatio: BigInt(terms.maxStrikeRatio),
      pricing: { ...PRICING_DEFAULTS },
    }).market;
  }
  m = { ...m, owner: a.timelock };
  let wf = waterfall.deployWaterfall({ address: a.waterfall, owner: a.timelock, junior: a.junior, senior: a.senior, asset: a.usdc, guardian: a.deployer });
  wf = { ...wf, recapitalizer: a.recap };
  // deploy.ts registers the exchange as a fee-paying venue with the smallest exposure cap (it never draws).
  wf = waterfall.setVenue({ ...wf, owner: a.deployer }, a.deployer, a.exchange, 1n).waterfall;
  wf = { ...wf, owner: a.timelock };
  const r = recap.deployRecapitalizer({
    address: a.recap,
    owner: a.timelock,
    waterfall: a.waterfall,
    stablecoin: a.usdc,
    bks: a.bks,
    params: {
      startPrice: RECAP_DEFAULTS.startPrice,
      floorPrice: RECAP_DEFAULTS.floorPrice,
      duration: RECAP_DEFAULTS.duration,
      maxMintBps: RECAP_DEFAULTS.maxMintBps,
    },
  });
  const roles = new Set([a.deployer]);
  const tl: TimelockState = {
    address: a.timelock,
    minDelay: GOVERNANCE_DELAY,
    proposers: roles,
    executors: roles,
    cancellers: roles,
    timestamps: new Map([[timelock.hashOperationBatch(handoverBatch(a)), timelock.DONE_TIMESTAMP]]),
  };
  return {
    now: t.lastDeployBlockAt,
    addresses: a,
    usdc,
    bks,
    junior: poolOf(a.junior, t.juniorDeployedAt),
    senior: poolOf(a.senior, t.seniorDeployedAt),
    market: m,
    oracle: oracleState,
    feed,
    waterfall: wf,
    recap: r,
    timelock: tl,
  };
}

/** The handover operation's id (done at genesis). */
export function handoverId(a: Addresses): Hex {
  return timelock.hashOperationBatch(handoverBatch(a));
}

// ------------------------------------------------------------------ dispatch

const n = (x: unknown) => BigInt(x as bigint | number);
const s = (x: unknown) => addr(x as string);

/** The feed as the twins read it. */
export function feedOf(w: World) {
  return feedModel.aggregator(w.feed);
}

function coverWorld(w: World): market.CoverWorld {
  return {
    market: w.market,
    pools: new Map([
      [w.addresses.junior, w.junior],
      [w.addresses.senior, w.senior],
    ]),
    oracle: w.oracle,
    usdc: w.usdc,
  };
}

function fromCoverWorld(w: World, c: market.CoverWorld): World {
  return { ...w, market: c.market, junior: c.pools.get(w.addresses.junior)!, senior: c.pools.get(w.addresses.senior)!, oracle: c.oracle, usdc: c.usdc };
}

function waterfallWorld(w: World): waterfall.WaterfallWorld {
  return { waterfall: w.waterfall, junior: w.junior, senior: w.senior, recap: w.recap, bksSupply: w.bks.totalSupply, usdc: w.usdc };
}

type Outcome = { world: World; result: unknown[] };

function unknownFunction(tx: Tx): never {
  throw new Error(`the model has no twin for ${tx.functionName} on ${tx.to}`);
}

function poolCall(w: World, which: 'junior' | 'senior', tx: Tx, sender: string, now: bigint): Outcome {
  const p = w[which];
  const call = { sender, now };
  const a = tx.args;
  const set = (next: PoolState, extra: Partial<World> = {}): World => ({ ...w, ...extra, [which]: next });
  switch (tx.functionName) {
    case 'deposit': {
      const r = pool.deposit(p, w.usdc, call, n(a[0]), s(a[1]));
      return { world: set(r.pool, { usdc: r.usdc }), result: [r.shares] };
    }
    case 'mint': {
      const r = pool.mint(p, w.usdc, call, n(a[0]), s(a[1]));
      return { world: set(r.pool, { usdc: r.usdc }), result: [r.assets] };
    }
    case 'requestRedeem': {
      const r = pool.requestRedeem(p, call, n(a[0]), s(a[1]), s(a[2]));
      return { world: set(r.pool), result: [r.requestId] };
    }
    case 'redeem': {
      const r = pool.redeem(p, w.usdc, call, n(a[0]), s(a[1]), s(a[2]));
      return { world: set(r.pool, { usdc: r.usdc }), result: [r.assets] };
    }
    case 'withdraw': {
      const r = pool.withdraw(p, w.usdc, call, n(a[0]), s(a[1]), s(a[2]));
      return { world: set(r.pool, { usdc: r.usdc }), result: [r.shares] };
    }
    case 'reclaimLapsedRequest':
      return { world: set(pool.reclaimLapsedRequest(p, call, s(a[0])).pool), result: [] };
    case 'setOperator':
      return { world: set(pool.setOperator(p, call, s(a[0]), a[1] as boolean).pool), result: [true] };
    case 'transfer':
      return { world: set(pool.transferShares(p, call, s(a[0]), n(a[1])).pool), result: [true] };
    case 'transferFrom':
      return { world: set(pool.transferSharesFrom(p, call, s(a[0]), s(a[1]), n(a[2])).pool), result: [true] };
    case 'approve':
      return { world: set(pool.approveShares(p, call, s(a[0]), n(a[1])).pool), result: [true] };
    case 'checkpoint': {
      const r = pool.checkpoint(p, call);
      return { world: set(r.pool), result: [r.remaining] };
    }
    case 'underwriteCover': {
      const r = pool.underwriteCover(p, w.usdc, call, n(a[0]), n(a[1]), n(a[2]), n(a[3]));
      return { world: set(r.pool), result: [r.releaseDay] };
    }
    case 'payClaim': {
      const r = pool.payClaim(p, w.usdc, call, n(a[0]), s(a[1]), n(a[2]));
      return { world: set(r.pool, { usdc: r.usdc }), result: [] };
    }
    case 'releaseCapital':
      return { world: set(pool.releaseCapital(p, call, n(a[0]), n(a[1])).pool), result: [] };
    case 'coverShortfall': {
      const r = pool.coverShortfall(p, w.usdc, call, n(a[0]), s(a[1]));
      return { world: set(r.pool, { usdc: r.usdc }), result: [] };
    }
    case 'receiveFees': {
      const r = pool.receiveFees(p, w.usdc, call, n(a[0]));
      return { world: set(r.pool, { usdc: r.usdc }), result: [] };
    }
    case 'pause':
      return { world: set(pool.pause(p, call).pool), result: [] };
    case 'unpause':
      return { world: set(pool.unpause(p, call).pool), result: [] };
    case 'setCooldown':
      return { world: set(pool.setCooldown(p, call, n(a[0])).pool), result: [] };
    case 'setClaimWindow':
      return { world: set(pool.setClaimWindow(p, call, n(a[0])).pool), result: [] };
    case 'setFeeStreamPeriod':
      return { world: set(pool.setFeeStreamPeriod(p, call, n(a[0])).pool), result: [] };
    case 'setMaxUtilizationBps':
      return { world: set(pool.setMaxUtilizationBps(p, call, n(a[0])).pool), result: [] };
    case 'skimSurplus': {
      const r = pool.skimSurplus(p, w.usdc, call, s(a[0]));
      return { world: set(r.pool, { usdc: r.usdc }), result: [r.amount] };
    }
    default:
      return unknownFunction(tx);
  }
}

function tokenCall(w: World, which: 'usdc' | 'bks', tx: Tx, sender: string): Outcome {
  const t = w[which];
  const a = tx.args;
  const set = (next: Erc20State): World => ({ ...w, [which]: next });
  switch (tx.functionName) {
    case 'faucet':
      if (which !== 'usdc') return unknownFunction(tx);
      return { world: set(erc20.faucet(t, sender, n(a[0]))), result: [] };
    case 'transfer':
      return { world: set(erc20.transfer(t, sender, s(a[0]), n(a[1]))), result: [true] };
    case 'transferFrom':
      return { world: set(erc20.transferFrom(t, sender, s(a[0]), s(a[1]), n(a[2]))), result: [true] };
    case 'approve':
      return { world: set(erc20.approve(t, sender, s(a[0]), n(a[1]))), result: [true] };
    default:
      return unknownFunction(tx);
  }
}

const pricingOf = (x: unknown): Pricing => {
  const p = x as Record<keyof Pricing, bigint>;
  return { baseMarkup: n(p.baseMarkup), slope: n(p.slope), steepSlope: n(p.steepSlope), kink: n(p.kink), minRate: n(p.minRate) };
};

async function marketCall(w: World, tx: Tx, sender: string, now: bigint): Promise<Outcome> {
  const a = tx.args;
  const call = { sender, now };
  switch (tx.functionName) {
    case 'buyCover': {
      const r = market.buyCover(coverWorld(w), feedOf(w), call, n(a[0]), n(a[1]), n(a[2]), n(a[3]), n(a[4]));
      return { world: fromCoverWorld(w, r.world), result: [r.tokenId, r.premium] };
    }
    case 'claim': {
      const r = await market.claim(coverWorld(w), feedOf(w), call, n(a[0]), n(a[1]));
      return { world: fromCoverWorld(w, r.world), result: [] };
    }
    case 'release': {
      const r = market.release(coverWorld(w), call, n(a[0]));
      return { world: fromCoverWorld(w, r.world), result: [r.released] };
    }
    case 'transferFrom':
      return { world: { ...w, market: market.transferCover(w.market, sender, s(a[0]), s(a[1]), n(a[2])).market }, result: [] };
    case 'pauseProduct':
      return { world: { ...w, market: market.pauseProduct(w.market, sender, n(a[0])).market }, result: [] };
    case 'unpauseProduct':
      return { world: { ...w, market: market.unpauseProduct(w.market, sender, n(a[0])).market }, result: [] };
    case 'setPricing':
      return { world: { ...w, market: market.setPricing(w.market, sender, n(a[0]), pricingOf(a[1])).market }, result: [] };
    case 'setTerms':
      return {
        world: {
          ...w,
          market: market.setTerms(w.market, sender, n(a[0]), {
            minDuration: n(a[1]),
            maxDuration: n(a[2]),
            maxPriceAge: n(a[3]),
            maxSigmaAge: n(a[4]),
            maxStrikeRatio: n(a[5]),
          }).market,
        },
        result: [],
      };
    default:
      return unknownFunction(tx);
  }
}

function waterfallCall(w: World, tx: Tx, sender: string, now: bigint): Outcome {
  const a = tx.args;
  const fromWorld = (x: waterfall.WaterfallWorld): World => ({
    ...w,
    waterfall: x.waterfall,
    junior: x.junior,
    senior: x.senior,
    recap: x.recap,
    usdc: x.usdc,
  });
  switch (tx.functionName) {
    case 'absorbShortfall': {
      const r = waterfall.absorbShortfall(waterfallWorld(w), { sender, now }, n(a[0]));
      return { world: fromWorld(r.world), result: [r.juniorPaid, r.seniorPaid, r.recapitalization, r.remainder] };
    }
    case 'distributeFees': {
      const r = waterfall.distributeFees(waterfallWorld(w), { sender, now }, n(a[0]));
      return { world: fromWorld(r.world), result: [r.juniorFees, r.seniorFees] };
    }
    case 'setVenue':
      return { world: { ...w, waterfall: waterfall.setVenue(w.waterfall, sender, s(a[0]), n(a[1])).waterfall }, result: [] };
    case 'removeVenue':
      return { world: { ...w, waterfall: waterfall.removeVenue(w.waterfall, sender, s(a[0])).waterfall }, result: [] };
    case 'setLayerCapBps':
      return { world: { ...w, waterfall: waterfall.setLayerCapBps(w.waterfall, sender, n(a[0]) as waterfall.Layer, n(a[1])).waterfall }, result: [] };
    case 'setFeeWeights':
      return { world: { ...w, waterfall: waterfall.setFeeWeights(w.waterfall, sender, n(a[0]), n(a[1])).waterfall }, result: [] };
    case 'pause':
      return { world: { ...w, waterfall: waterfall.pauseWaterfall(w.waterfall, sender).waterfall }, result: [] };
    case 'unpause':
      return { world: { ...w, waterfall: waterfall.unpauseWaterfall(w.waterfall, sender).waterfall }, result: [] };
    default:
      return unknownFunction(tx);
  }
}

function recapCall(w: World, tx: Tx, sender: string, now: bigint): Outcome {
  const a = tx.args;
  switch (tx.functionName) {
    case 'buy': {
      const r = recap.buy(w.recap, w.bks, w.usdc, { sender, now }, n(a[0]), n(a[1]), n(a[2]));
      return { world: { ...w, recap: r.recap, bks: r.bks, usdc: r.usdc }, result: [r.paid, r.bksOut] };
    }
    case 'settle': {
      const r = recap.settle(w.recap, { sender, now }, n(a[0]));
      return { world: { ...w, recap: r.recap }, result: [r.unraised] };
    }
    case 'openAuction': {
      const r = recap.openAuction(w.recap, { sender, now }, w.bks.totalSupply, s(a[0]), n(a[1]));
      return { world: { ...w, recap: r.recap }, result: [r.auctionId, r.accepted] };
    }
    case 'setPrices':
      return { world: { ...w, recap: recap.setPrices(w.recap, sender, n(a[0]), n(a[1])).recap }, result: [] };
    case 'setDuration':
      return { world: { ...w, recap: recap.setDuration(w.recap, sender, n(a[0])).recap }, result: [] };
    case 'setMaxMintBps':
      return { world: { ...w, recap: recap.setMaxMintBps(w.recap, sender, n(a[0])).recap }, result: [] };
    default:
      return unknownFunction(tx);
  }
}

function oracleCall(w: World, tx: Tx, sender: string, now: bigint): Outcome {
  const a = tx.args;
  switch (tx.functionName) {
    case 'poke': {
      const r = oracle.poke(w.oracle, feedOf(w), now);
      return { world: { ...w, oracle: r.oracle }, result: [r.rounds] };
    }
    case 'setSigmaBounds':
      return { world: { ...w, oracle: oracle.setSigmaBounds(w.oracle, sender, n(a[0]), n(a[1])).oracle }, result: [] };
    case 'setHeartbeat':
      return { world: { ...w, oracle: oracle.setHeartbeat(w.oracle, sender, n(a[0])).oracle }, result: [] };
    default:
      return unknownFunction(tx);
  }
}

function feedCall(w: World, tx: Tx, sender: string, now: bigint): Outcome {
  switch (tx.functionName) {
    case 'pushAnswer': {
      const r = feedModel.pushAnswer(w.feed, sender, now, n(tx.args[0]));
      return { world: { ...w, feed: r.feed }, result: [r.roundId] };
    }
    case 'startNewPhase':
      return { world: { ...w, feed: feedModel.startNewPhase(w.feed, sender).feed }, result: [] };
    default:
      return unknownFunction(tx);
  }
}

/** A timelock batch from `scheduleBatch`/`executeBatch` arguments. */
export function batchOf(args: readonly unknown[]): timelock.Batch {
  return {
    targets: (args[0] as string[]).map(addr),
    values: (args[1] as bigint[]).map(n),
    payloads: args[2] as Hex[],
    predecessor: (args[3] as string).toLowerCase() as Hex,
    salt: (args[4] as string).toLowerCase() as Hex,
  };
}

async function timelockCall(w: World, tx: Tx, sender: string, now: bigint): Promise<Outcome> {
  const a = tx.args;
  switch (tx.functionName) {
    case 'scheduleBatch': {
      const r = timelock.scheduleBatch(w.timelock, sender, now, batchOf(a), n(a[5]));
      return { world: { ...w, timelock: r.timelock }, result: [] };
    }
    case 'executeBatch': {
      const b = batchOf(a);
      const id = timelock.beforeExecute(w.timelock, sender, now, b);
      let world = w;
      for (let i = 0; i < b.targets.length; i++) {
        const target = b.targets[i]!;
        const { functionName, args } = decodeFunctionData({ abi: abiOf(w.addresses, target), data: b.payloads[i]! });
        world = (await dispatch(world, { from: w.addresses.timelock, to: target, functionName, args: args ?? [] }, now)).world;
      }
      return { world: { ...world, timelock: timelock.markDone(world.timelock, id) }, result: [] };
    }
    case 'cancel':
      return { world: { ...w, timelock: timelock.cancel(w.timelock, sender, now, (a[0] as string).toLowerCase() as Hex).timelock }, result: [] };
    default:
      return unknownFunction(tx);
  }
}

async function dispatch(w: World, tx: Tx, now: bigint): Promise<Outcome> {
  const a = w.addresses;
  const to = addr(tx.to);
  const sender = addr(tx.from);
  if (to === a.junior) return poolCall(w, 'junior', tx, sender, now);
  if (to === a.senior) return poolCall(w, 'senior', tx, sender, now);
  if (to === a.usdc) return tokenCall(w, 'usdc', tx, sender);
  if (to === a.bks) return tokenCall(w, 'bks', tx, sender);
  if (to === a.market) return marketCall(w, tx, sender, now);
  if (to === a.waterfall) return waterfallCall(w, tx, sender, now);
  if (to === a.recap) return recapCall(w, tx, sender, now);
  if (to === a.oracle) return oracleCall(w, tx, sender, now);
  if (to === a.feed) return feedCall(w, tx, sender, now);
  if (to === a.timelock) return timelockCall(w, tx, sender, now);
  throw new Error(`no contract at ${tx.to}`);
}

/**
 * The model's prediction of `tx` mined in a block at `now`: the world after it (its clock at `now`) and
 * the function's return values in ABI order, or the thrown custom error the contract reverts with.
 */
export async function predict(w: World, tx: Tx, now: bigint): Promise<Outcome> {
  if (now <= w.now) throw new Error(`a block at ${now} cannot follow one at ${w.now}`);
  const out = await dispatch(w, tx, now);
  return { world: { ...out.world, now }, result: out.result };
}

export { ContractRevert, ZERO_ADDRESS };
