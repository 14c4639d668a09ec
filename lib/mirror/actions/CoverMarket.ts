// Whole-action twin of CoverMarket (contracts/src/CoverMarket.sol): `buyCover`, `claim`, `release`, cover
// transfers (settled covers are frozen), the guardian's pause and the owner's product settings, as pure
// transitions over the market, its backing pool (lib/pool/backstopPool.ts), its volatility oracle
// (lib/oracle/volatilityOracle.ts, poked when σ is behind) and the stablecoin ledger. The premium is the
// formula twin `quoteCover` (lib/cover/quote.ts); the claim proof is `checkClaimRound`
// (lib/cover/findClaimRound.ts). Checks run in the contract's order, reverts are the contract's custom
// errors. No L2 sequencer feed (the local deployment has none): `_checkSequencer` and `_claimDeadline`
// change nothing, so `payReleasedClaim` is never reached from here. Proven against the deployed market by
// the protocol soak (scripts/soak): return values, reverts, `coverInfo` and every balance, to the unit.
// Over 400 lines on purpose: it mirrors CoverMarket.sol entry point by entry point (sale, claim with its round
// checks in the contract's order, release, transfers, settings).
import { addr, isZero, ZERO_ADDRESS } from './address';
import { ContractRevert } from '../evm';
import * as erc20 from './ERC20';
import type { Erc20State } from './ERC20';
import * as pool from './BackstopPool';
import type { PoolState } from './BackstopPool';
import { poke, volatility, type AggregatorV3, type OracleState } from './VolatilityOracle';
import { checkClaimRound, type Round } from '@/lib/cover/findClaimRound';
import type { Pricing } from '../CoverPricing';
import { MAX_STRIKE, quoteCover, type Direction } from '../CoverMarket';

const DAY = 86_400n;
const MAX_UINT32 = (1n << 32n) - 1n;
const MAX_UINT16 = (1n << 16n) - 1n;

// CoverMarket's hard bounds.
export const DEFAULT_CONFIRMATIONS = 2n;
export const MIN_CONFIRMATIONS = 1n;
export const MAX_CONFIRMATIONS = 10n;
export const MIN_ACTIVATION_DELAY = 60n;
export const MAX_ACTIVATION_DELAY = DAY;
export const MIN_CLAIM_GRACE = 3_600n;
export const MAX_CLAIM_GRACE = 14n * DAY;
export const MIN_DURATION = 3_600n;
export const MAX_DURATION = 365n * DAY;
export const MIN_PRICE_AGE = 60n;
export const MAX_PRICE_AGE = 2n * DAY;
export const MIN_SIGMA_AGE = 60n;
export const MAX_SIGMA_AGE = 7n * DAY;
export const MIN_BASE_MARKUP = 10n ** 18n;
export const MAX_BASE_MARKUP = 3n * 10n ** 18n;
export const MAX_SLOPE = 2n * 10n ** 18n;
export const MAX_STEEP_SLOPE = 10n * 10n ** 18n;
export const MIN_KINK = 10n ** 17n;
export const MAX_KINK = 95n * 10n ** 16n;
export const MIN_MIN_RATE = 5n * 10n ** 16n;
export const MAX_MIN_RATE = 10n ** 18n;
export const DEFAULT_MAX_STRIKE_RATIO = 400n;
export const MIN_MAX_STRIKE_RATIO = 110n;
export const MAX_MAX_STRIKE_RATIO = 1_000n;

/** `ICoverMarket.Parameter`, in declaration order (what `CoverMarketParameterOutOfBounds` carries). */
export const PARAMETER = {
  SequencerGracePeriod: 0n,
  Confirmations: 1n,
  ActivationDelay: 2n,
  ClaimGrace: 3n,
  MinDuration: 4n,
  MaxDuration: 5n,
  MaxPriceAge: 6n,
  MaxSigmaAge: 7n,
  MaxStrikeRatio: 8n,
  BaseMarkup: 9n,
  Slope: 10n,
  SteepSlope: 11n,
  Kink: 12n,
  MinRate: 13n,
} as const;

/** `ICoverMarket.CoverStatus`. */
export const COVER_STATUS = { None: 0n, Active: 1n, Expired: 2n, Claimed: 3n, Released: 4n } as const;

export type Product = {
  feed: string;
  oracle: string;
  pool: string;
  direction: Direction;
  confirmations: bigint;
  activationDelay: bigint;
  claimGrace: bigint;
  minDuration: bigint;
  maxDuration: bigint;
  maxPriceAge: bigint;
  maxSigmaAge: bigint;
  maxStrikeRatio: bigint;
  pricing: Pricing;
  paused: boolean;
};

export type CoverState = 'Active' | 'Claimed' | 'Released';
export type Cover = { payout: bigint; strike: bigint; start: bigint; end: bigint; productId: bigint; state: CoverState };

export type MarketState = {
  readonly address: string;
  readonly asset: string;
  readonly owner: string;
  readonly guardian: string;
  readonly products: ReadonlyMap<bigint, Product>;
  readonly covers: ReadonlyMap<bigint, Cover>;
  readonly lastTokenId: bigint;
  /** ERC-721 `_owners` and `_balances` (lower-case). Approvals are not modelled: only holders move covers. */
  readonly owners: ReadonlyMap<bigint, string>;
  readonly balances: ReadonlyMap<string, bigint>;
};

/** What a call touches besides the market: the pools by address, the oracle, the stablecoin, the feed. */
export type CoverWorld = { market: MarketState; pools: ReadonlyMap<string, PoolState>; oracle: OracleState; usdc: Erc20State };
export type MarketCall = { sender: string; now: bigint };

export function deployMarket(args: { address: string; asset: string; owner: string; guardian: string }): MarketState {
  if (isZero(args.asset) || isZero(args.guardian)) throw new ContractRevert('CoverMarket', 'CoverMarketZeroAddress', []);
  return {
    address: addr(args.address),
    asset: addr(args.asset),
    owner: addr(args.owner),
    guardian: addr(args.guardian),
    products: new Map(),
    covers: new Map(),
    lastTokenId: 0n,
    owners: new Map(),
    balances: new Map(),
  };
}

function checkBounds(parameter: bigint, value: bigint, min: bigint, max: bigint): void {
  if (value < min || value > max) throw new ContractRevert('CoverMarket', 'CoverMarketParameterOutOfBounds', [parameter, value, min, max]);
}

function onlyOwner(m: MarketState, sender: string): void {
  if (addr(sender) !== m.owner) throw new ContractRevert('CoverMarket', 'OwnableUnauthorizedAccount', [addr(sender)]);
}

function existing(m: MarketState, productId: bigint): Product {
  const p = m.products.get(productId);
  if (!p) throw new ContractRevert('CoverMarket', 'CoverMarketUnknownProduct', [productId]);
  return p;
}

type Terms = Pick<Product, 'minDuration' | 'maxDuration' | 'maxPriceAge' | 'maxSigmaAge' | 'maxStrikeRatio'>;

/** `_setTerms`' checks, in order (the minimum duration must exceed the activation delay). */
function checkTerms(activationDelay: bigint, t: Terms): void {
  checkBounds(PARAMETER.MaxDuration, t.maxDuration, MIN_DURATION, MAX_DURATION);
  const lowest = activationDelay + 1n > MIN_DURATION ? activationDelay + 1n : MIN_DURATION;
  checkBounds(PARAMETER.MinDuration, t.minDuration, lowest, t.maxDuration);
  checkBounds(PARAMETER.MaxPriceAge, t.maxPriceAge, MIN_PRICE_AGE, MAX_PRICE_AGE);
  checkBounds(PARAMETER.MaxSigmaAge, t.maxSigmaAge, MIN_SIGMA_AGE, MAX_SIGMA_AGE);
  checkBounds(PARAMETER.MaxStrikeRatio, t.maxStrikeRatio, MIN_MAX_STRIKE_RATIO, MAX_MAX_STRIKE_RATIO);
}

/** `_setPricing`' checks, in order (steep never gentler than the slope below the kink). */
function checkPricing(p: Pricing): void {
  checkBounds(PARAMETER.BaseMarkup, p.baseMarkup, MIN_BASE_MARKUP, MAX_BASE_MARKUP);
  checkBounds(PARAMETER.Slope, p.slope, 0n, MAX_SLOPE);
  checkBounds(PARAMETER.SteepSlope, p.steepSlope, p.slope, MAX_STEEP_SLOPE);
  checkBounds(PARAMETER.Kink, p.kink, MIN_KINK, MAX_KINK);
  checkBounds(PARAMETER.MinRate, p.minRate, MIN_MIN_RATE, MAX_MIN_RATE);
}

/**
 * `registerProduct(config)` by the owner, on L1 (no sequencer grace): returns the product id. The feed,
 * oracle and pool are taken as the caller describes them (the contract checks the oracle's feed and the
 * pool's asset on chain).
 */
export function registerProduct(m: MarketState, sender: string, c: Omit<Product, 'paused'>): { market: MarketState; productId: bigint } {
  onlyOwner(m, sender);
  if (isZero(c.feed) || isZero(c.oracle) || isZero(c.pool)) throw new ContractRevert('CoverMarket', 'CoverMarketZeroAddress', []);
  const confirmations = c.confirmations === 0n ? DEFAULT_CONFIRMATIONS : c.confirmations;
  checkBounds(PARAMETER.Confirmations, confirmations, MIN_CONFIRMATIONS, MAX_CONFIRMATIONS);
  checkBounds(PARAMETER.ActivationDelay, c.activationDelay, MIN_ACTIVATION_DELAY, MAX_ACTIVATION_DELAY);
  checkBounds(PARAMETER.ClaimGrace, c.claimGrace, MIN_CLAIM_GRACE, MAX_CLAIM_GRACE);
  if (BigInt(m.products.size) === MAX_UINT16) throw new ContractRevert('CoverMarket', 'CoverMarketTooManyProducts', []);
  const maxStrikeRatio = c.maxStrikeRatio === 0n ? DEFAULT_MAX_STRIKE_RATIO : c.maxStrikeRatio;
  const product: Product = { ...c, feed: addr(c.feed), oracle: addr(c.oracle), pool: addr(c.pool), confirmations, maxStrikeRatio, paused: false };
  checkTerms(c.activationDelay, product);
  checkPricing(c.pricing);
  const productId = BigInt(m.products.size) + 1n;
  const products = new Map(m.products);
  products.set(productId, product);
  return { market: { ...m, products }, productId };
}

function withProduct(m: MarketState, productId: bigint, p: Product): MarketState {
  const products = new Map(m.products);
  products.set(productId, p);
  return { ...m, products };
}

export function setPricing(m: MarketState, sender: string, productId: bigint, pricing: Pricing): { market: MarketState } {
  onlyOwner(m, sender);
  const p = existing(m, productId);
  checkPricing(pricing);
  return { market: withProduct(m, productId, { ...p, pricing }) };
}

export function setTerms(m: MarketState, sender: string, productId: bigint, t: Terms): { market: MarketState } {
  onlyOwner(m, sender);
  const p = existing(m, productId);
  checkTerms(p.activationDelay, t);
  return { market: withProduct(m, productId, { ...p, ...t }) };
}

/** `pauseProduct(id)`: the guardian or the owner stops a product's sales (never claims). */
export function pauseProduct(m: MarketState, sender: string, productId: bigint): { market: MarketState } {
  if (addr(sender) !== m.guardian && addr(sender) !== m.owner) throw new ContractRevert('CoverMarket', 'CoverMarketNotGuardian', [addr(sender)]);
  const p = existing(m, productId);
  return { market: withProduct(m, productId, { ...p, paused: true }) };
}

export function unpauseProduct(m: MarketState, sender: string, productId: bigint): { market: MarketState } {
  onlyOwner(m, sender);
  const p = existing(m, productId);
  return { market: withProduct(m, productId, { ...p, paused: false }) };
}

// ------------------------------------------------------------------ sales

/** `_spot`: the feed's latest round, complete, positive and no older than `maxPriceAge`. */
function spot(feed: AggregatorV3, maxPriceAge: bigint, now: bigint): { spot: bigint; roundId: bigint } {
  const r = feed.latestRoundData();
  if (r.answer <= 0n) throw new ContractRevert('CoverMarket', 'CoverMarketNonPositiveAnswer', [r.roundId, r.answer]);
  if (r.startedAt === 0n || r.answeredInRound < r.roundId)
    throw new ContractRevert('CoverMarket', 'CoverMarketIncompleteRound', [r.roundId, r.startedAt, r.answeredInRound]);
  if (r.updatedAt + maxPriceAge < now) throw new ContractRevert('CoverMarket', 'CoverMarketStalePrice', [r.roundId, r.updatedAt, maxPriceAge]);
  return { spot: r.answer, roundId: r.roundId };
}

/** quoteCover's refusals that `_price` raises before its σ-age check (the rest come after it). */
const BEFORE_SIGMA_AGE = new Set([
  'CoverMarketZeroPayout',
  'CoverMarketDurationOutOfBounds',
  'CoverMarketStrikeOutOfRange',
  'CoverMarketStrikeBreached',
  'CoverMarketStrikeTooFar',
  'CoverMarketVolatilityBehind',
]);

/**
 * `_observe` + `_price`: the premium for `productId` at `now`, with every refusal in the contract's order.
 * `quoteCover` is the formula; the σ-age check (`CoverMarketStaleVolatility`), which it leaves to the
 * caller, runs where `_price` runs it: after the strike and σ-round checks, before the capital checks.
 */
export function priceCover(
  p: Product,
  poolState: PoolState,
  oracle: OracleState,
  feed: AggregatorV3,
  now: bigint,
  strike: bigint,
  payout: bigint,
  duration: bigint,
): { premium: bigint; spot: bigint; sigma: bigint } {
  if (payout === 0n) throw new ContractRevert('CoverMarket', 'CoverMarketZeroPayout', []);
  if (duration < p.minDuration || duration > p.maxDuration)
    throw new ContractRevert('CoverMarket', 'CoverMarketDurationOutOfBounds', [duration, p.minDuration, p.maxDuration]);
  if (strike === 0n || strike > MAX_STRIKE) throw new ContractRevert('CoverMarket', 'CoverMarketStrikeOutOfRange', [strike, MAX_STRIKE]);
  const sigma = volatility(oracle);
  const market = spot(feed, p.maxPriceAge, now);
  const capital = pool.underwritingCapital(poolState, now);
  const staleSigma = () => {
    if (sigma.updatedAt + p.maxSigmaAge < now) throw new ContractRevert('CoverMarket', 'CoverMarketStaleVolatility', [sigma.updatedAt, p.maxSigmaAge]);
  };
  let premium: bigint;
  try {
    premium = quoteCover(
      {
        direction: p.direction,
        minDuration: p.minDuration,
        maxDuration: p.maxDuration,
        claimGrace: p.claimGrace,
        maxStrikeRatio: p.maxStrikeRatio,
        pricing: p.pricing,
      },
      {
        spot: market.spot,
        latestRoundId: market.roundId,
        sigma: sigma.sigma,
        sigmaRoundId: sigma.roundId,
        locked: capital.locked,
        totalAssets: capital.totalAssets,
        maxUtilizationBps: capital.maxUtilizationBps,
        now,
      },
      strike,
      payout,
      duration,
    );
  } catch (e) {
    if (!(e instanceof ContractRevert && BEFORE_SIGMA_AGE.has(e.errorName))) staleSigma();
    throw e;
  }
  staleSigma();
  return { premium, spot: market.spot, sigma: sigma.sigma };
}

/**
 * `buyCover(productId, strike, payout, duration, maxPremium)` sent by `call.sender`: pokes the oracle when σ
 * is behind the feed (a failed poke is swallowed, as the contract's try/catch does), prices, pulls the
 * premium from the buyer straight into the pool, which books it and locks the payout until
 * `end + claimGrace`, and mints the cover to the buyer. Returns the token id and the premium.
 */
export function buyCover(
  w: CoverWorld,
  feed: AggregatorV3,
  call: MarketCall,
  productId: bigint,
  strike: bigint,
  payout: bigint,
  duration: bigint,
  maxPremium: bigint,
) {
  const p = existing(w.market, productId);
  if (p.paused) throw new ContractRevert('CoverMarket', 'CoverMarketSalesPaused', [productId]);
  if (addr(p.oracle) !== w.oracle.address) throw new Error(`product ${productId}'s oracle is not the one given`);
  const poolState = w.pools.get(addr(p.pool));
  if (!poolState) throw new Error(`product ${productId}'s pool is not given`);
  // `_observe`'s input checks and spot come before the poke; σ's own round is judged after it.
  if (payout === 0n) throw new ContractRevert('CoverMarket', 'CoverMarketZeroPayout', []);
  if (duration < p.minDuration || duration > p.maxDuration)
    throw new ContractRevert('CoverMarket', 'CoverMarketDurationOutOfBounds', [duration, p.minDuration, p.maxDuration]);
  if (strike === 0n || strike > MAX_STRIKE) throw new ContractRevert('CoverMarket', 'CoverMarketStrikeOutOfRange', [strike, MAX_STRIKE]);
  const latest = spot(feed, p.maxPriceAge, call.now);
  let oracle = w.oracle;
  if (oracle.lastRoundId !== latest.roundId) {
    try {
      oracle = poke(oracle, feed, call.now).oracle;
    } catch {
      // `try p.oracle.poke() {} catch {}`: a poke that cannot run leaves σ behind, refused below.
    }
  }
  const { premium, spot: spotPrice, sigma } = priceCover(p, poolState, oracle, feed, call.now, strike, payout, duration);
  if (poolState.paused) throw new ContractRevert('CoverMarket', 'CoverMarketSalesPaused', [productId]);
  if (premium > maxPremium) throw new ContractRevert('CoverMarket', 'CoverMarketPremiumAboveMax', [premium, maxPremium]);
  const end = call.now + duration;
  if (end > MAX_UINT32) throw new ContractRevert('CoverMarket', 'CoverMarketDurationOutOfBounds', [duration, 0n, 0n]);
  const tokenId = w.market.lastTokenId + 1n;
  const covers = new Map(w.market.covers);
  covers.set(tokenId, { payout, strike, start: call.now, end, productId, state: 'Active' });
  const until = end + p.claimGrace;
  const usdc = erc20.transferFrom(w.usdc, w.market.address, call.sender, p.pool, premium);
  const booked = pool.underwriteCover(poolState, usdc, { sender: w.market.address, now: call.now }, premium, end, payout, until);
  if (booked.releaseDay !== until / DAY + 1n) throw new ContractRevert('CoverMarket', 'CoverMarketReleaseDayMismatch', [until / DAY + 1n, booked.releaseDay]);
  const market = mintCover({ ...w.market, covers, lastTokenId: tokenId }, call.sender, tokenId);
  const pools = new Map(w.pools);
  pools.set(addr(p.pool), booked.pool);
  return { world: { market, pools, oracle, usdc }, tokenId, premium, spot: spotPrice, sigma };
}

/** ERC-721 `_safeMint` to an account without code: `_mint` (no receiver callback). */
function mintCover(m: MarketState, to: string, tokenId: bigint): MarketState {
  if (isZero(to)) throw new ContractRevert('CoverMarket', 'ERC721InvalidReceiver', [ZERO_ADDRESS]);
  if (m.owners.has(tokenId)) throw new ContractRevert('CoverMarket', 'ERC721InvalidSender', [ZERO_ADDRESS]);
  const owners = new Map(m.owners);
  owners.set(tokenId, addr(to));
  const balances = new Map(m.balances);
  balances.set(addr(to), (balances.get(addr(to)) ?? 0n) + 1n);
  return { ...m, owners, balances };
}

// ------------------------------------------------------------------ settlement

/** `_requireActive`. */
function requireActive(m: MarketState, tokenId: bigint): Cover {
  const c = m.covers.get(tokenId);
  if (!c) throw new ContractRevert('CoverMarket', 'CoverMarketUnknownCover', [tokenId]);
  if (c.state === 'Claimed') throw new ContractRevert('CoverMarket', 'CoverMarketAlreadyClaimed', [tokenId]);
  if (c.state === 'Released') throw new ContractRevert('CoverMarket', 'CoverMarketAlreadyReleased', [tokenId]);
  return c;
}

function withCoverState(m: MarketState, tokenId: bigint, c: Cover, state: CoverState): MarketState {
  const covers = new Map(m.covers);
  covers.set(tokenId, { ...c, state });
  return { ...m, covers };
}

/** A sync feed as `checkClaimRound` reads it: null where `getRoundData` reverts. */
function roundReader(feed: AggregatorV3) {
  return async (id: bigint): Promise<Round | null> => {
    try {
      return feed.getRoundData(id);
    } catch {
      return null;
    }
  };
}

/** The custom error `_checkTouch` reverts with, with its arguments (read back from the same feed). */
function claimRejection(feed: AggregatorV3, errorName: string, id: bigint, c: Cover, p: Product): ContractRevert {
  const read = () => feed.getRoundData(id);
  switch (errorName) {
    case 'CoverMarketInvalidRoundId':
    case 'CoverMarketRoundUnavailable':
      return new ContractRevert('CoverMarket', errorName, [id]);
    case 'CoverMarketRoundsCrossPhase':
      return new ContractRevert('CoverMarket', errorName, [id, p.confirmations]);
    case 'CoverMarketNonPositiveAnswer':
      return new ContractRevert('CoverMarket', errorName, [id, read().answer]);
    case 'CoverMarketIncompleteRound': {
      const r = read();
      return new ContractRevert('CoverMarket', errorName, [id, r.startedAt, r.answeredInRound]);
    }
    case 'CoverMarketRoundOutsideWindow':
      return new ContractRevert('CoverMarket', errorName, [id, read().updatedAt, c.start + p.activationDelay, c.end]);
    case 'CoverMarketStrikeNotReached':
      return new ContractRevert('CoverMarket', errorName, [id, read().answer, c.strike]);
    default:
      return new ContractRevert('CoverMarket', errorName);
  }
}

/**
 * `claim(tokenId, roundId)`: anyone proves the touch with `confirmations` consecutive rounds from `roundId`
 * (`checkClaimRound`, the app's twin of `_checkTouch`) before the deadline `end + claimGrace`; the pool pays
 * the holder from the cover's lock and the cover is frozen.
 */
export async function claim(w: CoverWorld, feed: AggregatorV3, call: MarketCall, tokenId: bigint, roundId: bigint) {
  const c = requireActive(w.market, tokenId);
  const p = w.market.products.get(c.productId)!;
  const deadline = c.end + p.claimGrace;
  const releaseDay = deadline / DAY + 1n;
  const rejection = await checkClaimRound(
    roundReader(feed),
    { direction: p.direction, strike: c.strike, start: c.start, end: c.end, activationDelay: p.activationDelay, confirmations: Number(p.confirmations) },
    roundId,
  );
  if (rejection) throw claimRejection(feed, rejection.errorName, rejection.roundId, c, p);
  if (call.now > deadline) throw new ContractRevert('CoverMarket', 'CoverMarketClaimWindowClosed', [tokenId, deadline]);
  const market = withCoverState(w.market, tokenId, c, 'Claimed');
  const holder = w.market.owners.get(tokenId) ?? ZERO_ADDRESS;
  const poolState = w.pools.get(addr(p.pool))!;
  const poolCall = { sender: w.market.address, now: call.now };
  const paid =
    call.now < releaseDay * DAY
      ? pool.payClaim(poolState, w.usdc, poolCall, c.payout, holder, releaseDay)
      : pool.payReleasedClaim(poolState, w.usdc, poolCall, c.payout, holder, releaseDay);
  const pools = new Map(w.pools);
  pools.set(addr(p.pool), paid.pool);
  return { world: { ...w, market, pools, usdc: paid.usdc }, holder, payout: c.payout };
}

/**
 * `release(tokenId)`: anyone, after the claim deadline, freezes the cover and frees its lock if the pool has
 * not released it yet (before the start of the release day). Returns what was freed.
 */
export function release(w: CoverWorld, call: MarketCall, tokenId: bigint) {
  const c = requireActive(w.market, tokenId);
  const p = w.market.products.get(c.productId)!;
  const nominal = c.end + p.claimGrace;
  const deadline = nominal;
  if (call.now <= deadline) throw new ContractRevert('CoverMarket', 'CoverMarketClaimWindowOpen', [tokenId, deadline]);
  const market = withCoverState(w.market, tokenId, c, 'Released');
  const releaseDay = nominal / DAY + 1n;
  if (call.now < releaseDay * DAY) {
    const freed = pool.releaseCapital(w.pools.get(addr(p.pool))!, { sender: w.market.address, now: call.now }, c.payout, releaseDay);
    const pools = new Map(w.pools);
    pools.set(addr(p.pool), freed.pool);
    return { world: { ...w, market, pools }, released: c.payout };
  }
  return { world: { ...w, market }, released: 0n };
}

/**
 * `transferFrom(from, to, tokenId)` sent by `sender` (both `safeTransferFrom`s run it too): only an active
 * cover moves; then OpenZeppelin's ERC-721 checks (receiver, the caller's authority, `from`).
 */
export function transferCover(m: MarketState, sender: string, from: string, to: string, tokenId: bigint): { market: MarketState } {
  requireActive(m, tokenId);
  if (isZero(to)) throw new ContractRevert('CoverMarket', 'ERC721InvalidReceiver', [ZERO_ADDRESS]);
  const owner = m.owners.get(tokenId) ?? ZERO_ADDRESS;
  const authorized = !isZero(sender) && owner === addr(sender);
  if (!authorized) {
    if (isZero(owner)) throw new ContractRevert('CoverMarket', 'ERC721NonexistentToken', [tokenId]);
    throw new ContractRevert('CoverMarket', 'ERC721InsufficientApproval', [addr(sender), tokenId]);
  }
  if (owner !== addr(from)) throw new ContractRevert('CoverMarket', 'ERC721IncorrectOwner', [addr(from), tokenId, owner]);
  const owners = new Map(m.owners);
  owners.set(tokenId, addr(to));
  const balances = new Map(m.balances);
  balances.set(owner, (balances.get(owner) ?? 0n) - 1n);
  balances.set(addr(to), (balances.get(addr(to)) ?? 0n) + 1n);
  return { market: { ...m, owners, balances } };
}

// ------------------------------------------------------------------ views

/** `coverInfo(tokenId)` at `now`, as the contract's struct (all zero for no cover). */
export function coverInfo(m: MarketState, tokenId: bigint, now: bigint) {
  const c = m.covers.get(tokenId);
  if (!c) {
    return {
      productId: 0n,
      strike: 0n,
      payout: 0n,
      start: 0n,
      end: 0n,
      claimDeadline: 0n,
      releaseDay: 0n,
      status: COVER_STATUS.None,
      holder: ZERO_ADDRESS as string,
    };
  }
  const p = m.products.get(c.productId)!;
  const nominal = c.end + p.claimGrace;
  const releaseDay = nominal / DAY + 1n;
  const deadline = nominal;
  let status: bigint = COVER_STATUS.Active;
  if (c.state === 'Claimed') status = COVER_STATUS.Claimed;
  else if (c.state === 'Released' || (now > deadline && now >= releaseDay * DAY)) status = COVER_STATUS.Released;
  else if (now > deadline) status = COVER_STATUS.Expired;
  return {
    productId: c.productId,
    strike: c.strike,
    payout: c.payout,
    start: c.start,
    end: c.end,
    claimDeadline: deadline,
    releaseDay,
    status,
    holder: m.owners.get(tokenId) ?? ZERO_ADDRESS,
  };
}

/** `quote(productId, strike, payout, duration)` at `now` (no poke: a view). */
export function quote(w: CoverWorld, feed: AggregatorV3, now: bigint, productId: bigint, strike: bigint, payout: bigint, duration: bigint): bigint {
  const p = existing(w.market, productId);
  return priceCover(p, w.pools.get(addr(p.pool))!, w.oracle, feed, now, strike, payout, duration).premium;
}
