// The soak's menu: seeded random actions over several actors, each chosen and sized from the MODEL's state
// (never the chain's) so that most of them do something — and a share of each kind aimed at a refusal
// the contracts must make (over the ceiling, beyond the strike range, premium above max, a claim in
// cooldown, a stranger naming your controller, a governance change before its delay…). Each action is one
// transaction (or a clock warp); whether it succeeds, and with what, is for the model to predict.
// Over 400 lines on purpose: one menu entry per kind of action (28 kinds), each small; split by contract they would
// lose the shared sizing helpers and the one table the soak report prints.
import { encodeFunctionData, keccak256, toHex, type Hex } from 'viem';
import { backstopPoolAbi, coverMarketAbi, recapitalizerAbi, shortfallWaterfallAbi, volatilityOracleAbi } from '@/contracts-abi';
import { addr, ZERO_ADDRESS } from '@/lib/mirror/actions/address';
import * as erc20 from '@/lib/mirror/actions/ERC20';
import * as accounting from '@/lib/mirror/BackstopPool';
import * as pool from '@/lib/mirror/actions/BackstopPool';
import type { PoolState } from '@/lib/mirror/actions/BackstopPool';
import * as market from '@/lib/mirror/actions/CoverMarket';
import { findClaimRound } from '@/lib/cover/findClaimRound';
import * as recap from '@/lib/mirror/actions/Recapitalizer';
import { auctionPriceUp } from '@/lib/mirror/AuctionMath';
import * as wf from '@/lib/mirror/actions/ShortfallWaterfall';
import { sharesDown } from '@/lib/mirror/PoolMath';
import type { Pricing } from '@/lib/mirror/CoverPricing';
import { Rng } from './rng';
import * as feedModel from './model/mockAggregator';
import * as timelock from './model/timelock';
import { feedOf, type Tx, type World } from './model/world';

const USDC = 10n ** 6n;
const DAY = 86_400n;
const HOUR = 3_600n;
const PRICE = 10n ** 8n;
const MAX = (1n << 256n) - 1n;
const ZERO_HASH = `0x${'0'.repeat(64)}` as Hex;

export const KINDS = [
  'faucet',
  'deposit',
  'mint',
  'requestRedeem',
  'redeem',
  'withdraw',
  'reclaim',
  'setOperator',
  'shareTransfer',
  'shareApprove',
  'donate',
  'buyCover',
  'feedRound',
  'poke',
  'claim',
  'release',
  'coverTransfer',
  'warp',
  'checkpoint',
  'fees',
  'shortfall',
  'auctionBuy',
  'auctionSettle',
  'pause',
  'govSchedule',
  'govExecute',
  'govCancel',
  'attack',
  'bksTransfer',
] as const;
export type Kind = (typeof KINDS)[number] | 'setup';
/** Kinds whose every action is meant to be refused (attack attempts): they have no successes to count. */
export const REFUSAL_ONLY: readonly Kind[] = ['attack'];

export type Action = { kind: Kind; label: string; tx?: Tx; warpTo?: bigint; covers?: bigint[]; auctions?: bigint[] };

export type Actors = { deployer: string; users: string[]; venue: string; keeper: string };

type Side = 'junior' | 'senior';
type Regime = { kind: 'calm' | 'crash' | 'rally'; left: number; factor: number };

/** What the generator remembers between actions (all derived from its own choices, never the chain). */
export class Generator {
  readonly rng: Rng;
  private regime: Regime = { kind: 'calm', left: 0, factor: 1 };
  private salt = 0;
  /** Batches the generator scheduled, by operation id (their arguments are needed to execute). */
  readonly batches = new Map<Hex, timelock.Batch>();
  /** Operations it already tried to execute (a refused one stays ready: cancelling it is the next move). */
  private readonly executed = new Set<Hex>();
  /** Operations that undo a guardian's pause or re-register the venue: never cancelled on a whim. */
  private readonly restoring = new Set<Hex>();

  constructor(
    seed: number,
    readonly actors: Actors,
  ) {
    this.rng = new Rng(seed);
  }

  // ---------------------------------------------------------------- helpers

  private poolOf(w: World, side: Side): PoolState {
    return side === 'junior' ? w.junior : w.senior;
  }

  private side(): Side {
    return this.rng.chance(0.55) ? 'junior' : 'senior';
  }

  private user(): string {
    return this.rng.pick(this.actors.users);
  }

  private otherUser(than: string): string {
    const others = this.actors.users.filter((u) => u !== than);
    return this.rng.pick(others);
  }

  private usdcOf(w: World, who: string): bigint {
    return erc20.balanceOf(w.usdc, who);
  }

  /** A fraction in [lo, hi] of `x`, in whole units. */
  private part(x: bigint, lo: number, hi: number): bigint {
    const f = lo + (hi - lo) * this.rng.float();
    return (x * BigInt(Math.floor(f * 1e6))) / 1_000_000n;
  }

  /** The feed's latest positive answer (a bad print is skipped: the walk continues from the last real price). */
  private lastPrice(w: World): bigint {
    for (let id = feedModel.latestRoundId(w.feed); id > 0n; id--) {
      const r = w.feed.rounds.get(id);
      if (r && r.answer > 0n) return r.answer;
      if ((id & ((1n << 64n) - 1n)) === 1n) break;
    }
    let best = 3_000n * PRICE;
    for (const r of w.feed.rounds.values()) if (r.answer > 0n) best = r.answer;
    return best;
  }

  private tx(
    kind: Action['kind'],
    label: string,
    from: string,
    to: string,
    functionName: string,
    args: readonly unknown[],
    extra: Partial<Action> = {},
  ): Action {
    return { kind, label, tx: { from, to, functionName, args }, ...extra };
  }

  // ---------------------------------------------------------------- the menu

  /** Base weights, raised or lowered by what the model's state makes useful. */
  private weights(w: World, next: bigint): Record<(typeof KINDS)[number], number> {
    const latest = feedModel.getRoundData(w.feed, feedModel.latestRoundId(w.feed));
    const stale = latest.updatedAt + 3_000n < next;
    const sigmaBehind = w.oracle.lastRoundId !== latest.roundId;
    const openAuctions = [...w.recap.auctions.values()].some((a) => recap.isOpen(a, next));
    const readyOps = [...w.timelock.timestamps.entries()].some(([id, t]) => t > 1n && t <= next && !this.executed.has(id));
    const triedOps = [...w.timelock.timestamps.entries()].some(([id, t]) => t > 1n && this.executed.has(id));
    const pendingOps = [...w.timelock.timestamps.values()].some((t) => t > 1n);
    const closedAuctions = [...w.recap.auctions.values()].some((a) => !a.settled && !recap.isOpen(a, next));
    const restoringPending = [...w.timelock.timestamps.entries()].some(([id, t]) => t > 1n && this.restoring.has(id));
    const products = [...w.market.products.values()];
    const v = wf.venueOf(w.waterfall, this.actors.venue);
    const needsGovernance =
      !restoringPending &&
      (w.junior.paused ||
        w.senior.paused ||
        w.waterfall.paused ||
        products.some((p) => p.paused) ||
        !v.registered ||
        v.exposureUsed + 500_000n * USDC > v.exposureCap);
    const inWindow = [...w.junior.requests.values(), ...w.senior.requests.values()].some((q) => next >= q.claimableAt && next <= q.expiresAt);
    const activeCovers = [...w.market.covers.values()].some((c) => c.state === 'Active');
    const requests = w.junior.requests.size + w.senior.requests.size > 0;
    return {
      faucet: 8,
      deposit: 8,
      mint: 3,
      requestRedeem: 6,
      redeem: inWindow ? 10 : requests ? 1.5 : 0.4,
      withdraw: inWindow ? 8 : requests ? 1 : 0.4,
      reclaim: requests ? 2 : 0.3,
      setOperator: 1.5,
      shareTransfer: 2,
      shareApprove: 1,
      donate: 0.8,
      buyCover: 13,
      feedRound: stale ? 30 : 7,
      poke: sigmaBehind ? 4 : 1,
      claim: activeCovers ? 6 : 0.5,
      release: activeCovers ? 3 : 0.5,
      coverTransfer: activeCovers ? 2 : 0.3,
      warp: 9,
      checkpoint: 1.5,
      fees: 4,
      shortfall: 5,
      auctionBuy: openAuctions ? 6 : 0.3,
      auctionSettle: closedAuctions ? 3 : w.recap.auctionCount > 0n ? 0.8 : 0.2,
      pause: 0.7,
      govSchedule: needsGovernance ? 8 : 2.2,
      govExecute: readyOps ? 8 : 0.4,
      govCancel: triedOps ? 3 : pendingOps ? 1.2 : 0.3,
      attack: 1.2,
      bksTransfer: 1,
    };
  }

  async next(w: World, next: bigint): Promise<Action> {
    const weights = this.weights(w, next);
    if ((await this.claimable(w, next)).length > 0) weights.claim = 12;
    const kind = this.rng.weighted(weights);
    switch (kind) {
      case 'faucet':
        return this.faucet(w);
      case 'deposit':
        return this.deposit(w, next);
      case 'mint':
        return this.mint(w, next);
      case 'requestRedeem':
        return this.requestRedeem(w);
      case 'redeem':
        return this.redeem(w, next, false);
      case 'withdraw':
        return this.redeem(w, next, true);
      case 'reclaim':
        return this.reclaim(w, next);
      case 'setOperator':
        return this.setOperator(w);
      case 'shareTransfer':
        return this.shareTransfer(w);
      case 'shareApprove':
        return this.shareApprove(w);
      case 'donate':
        return this.donate(w);
      case 'buyCover':
        return this.buyCover(w, next);
      case 'feedRound':
        return this.feedRound(w);
      case 'poke':
        return this.tx('poke', 'poke', this.rng.pick([this.actors.keeper, ...this.actors.users]), w.addresses.oracle, 'poke', []);
      case 'claim':
        return this.claim(w, next);
      case 'release':
        return this.release(w, next);
      case 'coverTransfer':
        return this.coverTransfer(w);
      case 'warp':
        return this.warp(w, next);
      case 'checkpoint': {
        const side = this.side();
        return this.tx('checkpoint', `checkpoint ${side}`, this.actors.keeper, this.poolOf(w, side).address, 'checkpoint', []);
      }
      case 'fees':
        return this.fees(w);
      case 'shortfall':
        return this.shortfall(w, next);
      case 'auctionBuy':
        return this.auctionBuy(w, next);
      case 'auctionSettle':
        return this.auctionSettle(w, next);
      case 'pause':
        return this.pause(w);
      case 'govSchedule':
        return this.govSchedule(w, next);
      case 'govExecute':
        return this.govExecute(w, next);
      case 'govCancel':
        return this.govCancel(w, next);
      case 'attack':
        return this.attack(w);
      case 'bksTransfer':
        return this.bksTransfer(w);
    }
  }

  // ---------------------------------------------------------------- stablecoin and shares

  private faucet(w: World): Action {
    const who = this.rng.chance(0.15) ? this.actors.venue : this.user();
    const r = this.rng.float();
    const amount =
      r < 0.03
        ? 0n
        : r < 0.06
          ? erc20.FAUCET_CAP + this.rng.big(1n, 10n ** 9n)
          : r < 0.15
            ? this.rng.big(1n, USDC)
            : this.rng.big(erc20.FAUCET_CAP / 2n, erc20.FAUCET_CAP);
    return this.tx('faucet', `faucet ${amount}`, who, w.addresses.usdc, 'faucet', [amount]);
  }

  private deposit(w: World, next: bigint): Action {
    const who = this.user();
    const side = this.side();
    const p = this.poolOf(w, side);
    const balance = this.usdcOf(w, who);
    const r = this.rng.float();
    const amount =
      r < 0.04
        ? balance + this.rng.big(1n, 10n ** 9n)
        : r < 0.07
          ? 0n
          : r < 0.1
            ? this.rng.big(1n, 100n)
            : balance === 0n
              ? 1_000n * USDC
              : this.part(balance, 0.05, 0.7) + 1n;
    const receiver = this.rng.chance(0.9) ? who : this.otherUser(who);
    void next;
    return this.tx('deposit', `deposit ${amount} into ${side} for ${receiver.slice(0, 8)}`, who, p.address, 'deposit', [amount, receiver]);
  }

  private mint(w: World, next: bigint): Action {
    const who = this.user();
    const side = this.side();
    const p = this.poolOf(w, side);
    const balance = this.usdcOf(w, who);
    let ta = 0n;
    try {
      ta = pool.totalAssetsAt(p, next);
    } catch {
      ta = 0n;
    }
    const assets = this.rng.chance(0.05) ? balance * 2n + USDC : this.part(balance, 0.05, 0.6);
    const shares = this.rng.chance(0.04) ? 0n : sharesDown(assets, p.shares.totalSupply, ta) + (this.rng.chance(0.3) ? this.rng.big(0n, 10n ** 12n) : 0n);
    return this.tx('mint', `mint ${shares} shares of ${side}`, who, p.address, 'mint', [shares, who]);
  }

  private requestRedeem(w: World): Action {
    const side = this.side();
    const p = this.poolOf(w, side);
    const holders = this.actors.users.filter((u) => erc20.balanceOf(p.shares, u) > 0n);
    const owner = holders.length > 0 && this.rng.chance(0.9) ? this.rng.pick(holders) : this.user();
    const balance = erc20.balanceOf(p.shares, owner);
    let shares = this.rng.chance(0.3) ? balance : this.part(balance, 0.05, 1);
    if (this.rng.chance(0.05)) shares = balance + this.rng.big(1n, 10n ** 18n);
    if (this.rng.chance(0.02)) shares = 0n;
    if (this.rng.chance(0.02)) shares = this.rng.big(1n, 10n ** 6n); // dust worth nothing
    const r = this.rng.float();
    const operators = this.actors.users.filter((u) => u !== owner && pool.isOperator(p, owner, u));
    const allowed = this.actors.users.filter((u) => u !== owner && erc20.allowance(p.shares, owner, u) > 0n);
    if (r < 0.15 && operators.length > 0) {
      const op = this.rng.pick(operators);
      return this.tx('requestRedeem', `${side} request by operator ${op.slice(0, 8)} for ${owner.slice(0, 8)}`, op, p.address, 'requestRedeem', [
        shares,
        owner,
        owner,
      ]);
    }
    if (r < 0.27 && allowed.length > 0) {
      const spender = this.rng.pick(allowed);
      const amount = this.rng.chance(0.7) ? this.part(erc20.allowance(p.shares, owner, spender), 0.1, 1) : shares;
      return this.tx(
        'requestRedeem',
        `${side} request by ${spender.slice(0, 8)} spending ${owner.slice(0, 8)}'s allowance`,
        spender,
        p.address,
        'requestRedeem',
        [amount, spender, owner],
      );
    }
    if (r < 0.37) {
      // A stranger names the holder as controller (refused: only the controller or its operator may).
      const stranger = this.rng.chance(0.5) ? this.actors.keeper : this.otherUser(owner);
      return this.tx('requestRedeem', `${side} request by stranger ${stranger.slice(0, 8)} naming ${owner.slice(0, 8)}`, stranger, p.address, 'requestRedeem', [
        shares,
        owner,
        owner,
      ]);
    }
    return this.tx('requestRedeem', `${side} request ${shares} by ${owner.slice(0, 8)}`, owner, p.address, 'requestRedeem', [shares, owner, owner]);
  }

  /** redeem (by shares) or withdraw (by assets) of a request, mostly one inside its window. */
  private redeem(w: World, next: bigint, byAssets: boolean): Action {
    const kind = byAssets ? 'withdraw' : 'redeem';
    const side = this.side();
    const p = this.poolOf(w, side);
    const controllers = [...p.requests.entries()];
    const inWindow = controllers.filter(([, q]) => next >= q.claimableAt && next <= q.expiresAt);
    const pickFrom = inWindow.length > 0 && this.rng.chance(0.8) ? inWindow : controllers;
    const [controller, q] = pickFrom.length > 0 ? this.rng.pick(pickFrom) : [this.user(), pool.requestOf(p, this.user())];
    const operators = this.actors.users.filter((u) => pool.isOperator(p, controller, u));
    const r = this.rng.float();
    const sender = r < 0.1 ? this.actors.keeper : r < 0.25 && operators.length > 0 ? this.rng.pick(operators) : controller;
    const receiver = this.rng.chance(0.9) ? controller : this.user();
    if (!byAssets) {
      const s = this.rng.float();
      const shares = s < 0.45 ? q.shares : s < 0.9 ? this.part(q.shares, 0.05, 1) : q.shares + this.rng.big(1n, 10n ** 15n);
      return this.tx(kind, `${side} redeem ${shares} of ${controller.slice(0, 8)}'s request`, sender, p.address, 'redeem', [shares, receiver, controller]);
    }
    const request = { shares: q.shares, claimableAt: q.claimableAt, expiresAt: q.expiresAt, assetsAtRequest: q.assetsAtRequest };
    let max = 0n;
    try {
      max = accounting.maxWithdraw(pool.poolAccounting(p), request, next);
    } catch {
      max = 0n;
    }
    const s = this.rng.float();
    const assets =
      max === 0n
        ? this.part(q.assetsAtRequest, 0.1, 1) + 1n
        : s < 0.35
          ? max
          : s < 0.85
            ? this.part(max, 0.05, 1) + 1n
            : s < 0.95
              ? max + this.rng.big(1n, 10n ** 6n)
              : this.rng.big(0n, 3n);
    return this.tx(kind, `${side} withdraw ${assets} of ${controller.slice(0, 8)}'s request`, sender, p.address, 'withdraw', [assets, receiver, controller]);
  }

  private reclaim(w: World, next: bigint): Action {
    const side = this.side();
    const p = this.poolOf(w, side);
    const lapsed = [...p.requests.entries()].filter(([, q]) => next > q.expiresAt).map(([c]) => c);
    const all = [...p.requests.keys()];
    const controller =
      lapsed.length > 0 && this.rng.chance(0.8) ? this.rng.pick(lapsed) : all.length > 0 && this.rng.chance(0.7) ? this.rng.pick(all) : this.user();
    return this.tx(
      'reclaim',
      `${side} reclaim ${controller.slice(0, 8)}'s request`,
      this.rng.pick([this.actors.keeper, ...this.actors.users]),
      p.address,
      'reclaimLapsedRequest',
      [controller],
    );
  }

  private setOperator(w: World): Action {
    const who = this.user();
    const op = this.otherUser(who);
    const side = this.side();
    return this.tx('setOperator', `${side} ${who.slice(0, 8)} sets operator ${op.slice(0, 8)}`, who, this.poolOf(w, side).address, 'setOperator', [
      op,
      this.rng.chance(0.75),
    ]);
  }

  private shareTransfer(w: World): Action {
    const side = this.side();
    const p = this.poolOf(w, side);
    const holders = this.actors.users.filter((u) => erc20.balanceOf(p.shares, u) > 0n);
    const from = holders.length > 0 ? this.rng.pick(holders) : this.user();
    const balance = erc20.balanceOf(p.shares, from);
    const r = this.rng.float();
    const to = r < 0.05 ? p.address : this.otherUser(from);
    const amount = r > 0.95 ? balance + 1n : this.part(balance, 0.01, 0.5);
    if (this.rng.chance(0.2)) {
      // Moved by a spender with an allowance.
      const spenders = this.actors.users.filter((u) => u !== from && erc20.allowance(p.shares, from, u) > 0n);
      const spender = spenders.length > 0 ? this.rng.pick(spenders) : this.otherUser(from);
      return this.tx('shareTransfer', `${side} transferFrom ${amount} by ${spender.slice(0, 8)}`, spender, p.address, 'transferFrom', [from, spender, amount]);
    }
    return this.tx('shareTransfer', `${side} transfer ${amount} shares`, from, p.address, 'transfer', [to, amount]);
  }

  private shareApprove(w: World): Action {
    const side = this.side();
    const p = this.poolOf(w, side);
    const who = this.user();
    const amount = this.rng.chance(0.2) ? MAX : this.part(erc20.balanceOf(p.shares, who), 0.1, 1);
    const spender = this.otherUser(who);
    return this.tx('shareApprove', `${side} ${who.slice(0, 8)} approves ${spender.slice(0, 8)} for ${amount}`, who, p.address, 'approve', [spender, amount]);
  }

  private donate(w: World): Action {
    const who = this.user();
    const side = this.side();
    const amount = this.rng.big(1n, 50n * USDC);
    return this.tx('donate', `donate ${amount} to ${side}`, who, w.addresses.usdc, 'transfer', [this.poolOf(w, side).address, amount]);
  }

  private bksTransfer(w: World): Action {
    const holders = [this.actors.deployer, ...this.actors.users].filter((u) => erc20.balanceOf(w.bks, u) > 0n);
    const from = holders.length > 0 ? this.rng.pick(holders) : this.actors.deployer;
    const balance = erc20.balanceOf(w.bks, from);
    const to = this.rng.pick([...this.actors.users, this.actors.keeper].filter((u) => u !== from));
    const amount = this.rng.chance(0.05)
      ? balance + 1n
      : from === this.actors.deployer
        ? this.rng.big(1n, 100_000n * 10n ** 18n)
        : this.part(balance, 0.01, 0.5);
    return this.tx('bksTransfer', `BKS transfer ${amount}`, from, w.addresses.bks, 'transfer', [to, amount]);
  }

  // ---------------------------------------------------------------- cover

  private buyCover(w: World, next: bigint): Action {
    const productId = this.rng.chance(0.5) ? 1n : 2n;
    const product = w.market.products.get(productId)!;
    const p = product.pool === w.addresses.junior ? w.junior : w.senior;
    const byBalance = [...this.actors.users].sort((a, b) => (this.usdcOf(w, b) > this.usdcOf(w, a) ? 1 : -1));
    const buyer = this.rng.chance(0.7) ? byBalance[0]! : this.user();
    const spot = this.lastPrice(w);
    const down = product.direction === 'Down';
    const k = Number(product.maxStrikeRatio) / 100;
    const d = this.rng.float();
    const longest = product.maxDuration < 90n * DAY ? product.maxDuration : 90n * DAY;
    const duration =
      d < 0.02
        ? product.minDuration - 1n
        : d < 0.04
          ? product.maxDuration + 1n
          : d < 0.1
            ? product.minDuration
            : d < 0.55
              ? this.rng.big(product.minDuration, 7n * DAY)
              : this.rng.big(product.minDuration, longest);
    const r = this.rng.float();
    let factor: number;
    if (r < 0.05)
      factor = down ? 1 + 0.1 * this.rng.float() : 1 - 0.1 * this.rng.float(); // breached
    else if (r < 0.1)
      factor = down ? (1 / k) * (0.5 + 0.499 * this.rng.float()) : k * (1.001 + this.rng.float()); // beyond the range
    else if (r < 0.13)
      factor = down ? 1 / k : k; // at the range's edge
    else {
      // Further from spot the longer the cover, so most quotes stay insurable (P_touch × markup < 1).
      const dist = Math.min(0.7, 0.02 + (0.03 + 0.45 * this.rng.float() ** 2) * Math.sqrt(Number(duration) / (14 * 86_400)));
      factor = down ? 1 - dist : 1 + dist * 1.5;
    }
    const strike = BigInt(Math.max(1, Math.floor(Number(spot) * factor)));
    let capacity = 0n;
    try {
      const c = pool.underwritingCapital(p, next);
      const maxLocked = (c.totalAssets * c.maxUtilizationBps) / 10_000n;
      capacity = maxLocked > c.locked ? maxLocked - c.locked : 0n;
    } catch {
      capacity = 0n;
    }
    const q = this.rng.float();
    const payout =
      q < 0.06
        ? capacity + this.rng.big(1n, capacity / 10n + 1n)
        : q < 0.09
          ? capacity
          : q < 0.1
            ? 0n
            : capacity === 0n
              ? 100n * USDC
              : this.part(capacity, 0.002, 0.35) + 1n;
    // The premium the model expects, so maxPremium can sit exactly on it (or one unit under).
    let expected: bigint | null = null;
    try {
      const world = {
        market: w.market,
        pools: new Map([
          [w.addresses.junior, w.junior],
          [w.addresses.senior, w.senior],
        ]),
        oracle: w.oracle,
        usdc: w.usdc,
      };
      expected = market.buyCover(world, feedOf(w), { sender: buyer, now: next }, productId, strike, payout, duration, MAX).premium;
    } catch {
      expected = null;
    }
    const m = this.rng.float();
    const maxPremium = expected === null ? payout : m < 0.06 && expected > 0n ? expected - 1n : m < 0.8 ? expected : expected * 2n;
    return this.tx(
      'buyCover',
      `buy product ${productId} strike ${strike} payout ${payout} for ${duration}s (max premium ${maxPremium})`,
      buyer,
      w.market.address,
      'buyCover',
      [productId, strike, payout, duration, maxPremium],
    );
  }

  private feedRound(w: World): Action {
    const owner = this.actors.deployer;
    if (this.rng.chance(0.02)) return this.tx('feedRound', 'feed push by a stranger', this.user(), w.addresses.feed, 'pushAnswer', [this.lastPrice(w)]);
    if (this.rng.chance(0.006)) return this.tx('feedRound', 'feed: new phase', owner, w.addresses.feed, 'startNewPhase', []);
    if (this.rng.chance(0.02)) return this.tx('feedRound', 'feed: bad print', owner, w.addresses.feed, 'pushAnswer', [this.rng.chance(0.5) ? 0n : -1n]);
    const last = Number(this.lastPrice(w)) / 1e8;
    let price: number;
    if (this.regime.left > 0) {
      this.regime.left--;
      price = last * this.regime.factor ** (1 / 2) * Math.exp(0.01 * (this.rng.float() - 0.5));
      if (this.regime.left === 0) this.regime = { kind: 'calm', left: 0, factor: 1 };
    } else {
      const r = this.rng.float();
      if (r < 0.09) this.regime = { kind: 'crash', left: this.rng.int(2, 5), factor: 0.55 + 0.3 * this.rng.float() };
      else if (r < 0.15) this.regime = { kind: 'rally', left: this.rng.int(2, 5), factor: 1.2 + 0.5 * this.rng.float() };
      // Mean-reverting random walk around 3,000 USD.
      const pull = Math.log(3_000 / last) * 0.05;
      price = last * Math.exp(pull + 0.035 * (this.rng.float() + this.rng.float() + this.rng.float() - 1.5));
    }
    price = Math.min(40_000, Math.max(200, price));
    return this.tx('feedRound', `feed ${price.toFixed(2)} (${this.regime.kind})`, owner, w.addresses.feed, 'pushAnswer', [BigInt(Math.round(price * 1e8))]);
  }

  /** Active covers a published round proves (lib/cover/findClaimRound on the model's feed), with that round. */
  private async claimable(w: World, next: bigint): Promise<[bigint, bigint][]> {
    const getRound = async (id: bigint) => {
      try {
        return feedModel.getRoundData(w.feed, id);
      } catch {
        return null;
      }
    };
    const out: [bigint, bigint][] = [];
    for (const [id, c] of w.market.covers) {
      if (c.state !== 'Active') continue;
      const p = w.market.products.get(c.productId)!;
      if (next > c.end + p.claimGrace) continue;
      const round = await findClaimRound({
        getRound,
        cover: {
          direction: p.direction,
          strike: c.strike,
          start: c.start,
          end: c.end,
          activationDelay: p.activationDelay,
          confirmations: Number(p.confirmations),
        },
        latestRoundId: feedModel.latestRoundId(w.feed),
      });
      if (round !== null) out.push([id, round]);
    }
    return out;
  }

  private async claim(w: World, next: bigint): Promise<Action> {
    const covers = [...w.market.covers.entries()];
    const active = covers.filter(([, c]) => c.state === 'Active');
    const sender = this.rng.pick([this.actors.keeper, ...this.actors.users]);
    const r = this.rng.float();
    if (r < 0.1 || active.length === 0) {
      const settled = covers.filter(([, c]) => c.state !== 'Active');
      const id = settled.length > 0 && this.rng.chance(0.7) ? this.rng.pick(settled)[0] : w.market.lastTokenId + this.rng.big(1n, 3n);
      return this.tx('claim', `claim of settled/unknown cover ${id}`, sender, w.market.address, 'claim', [id, feedModel.latestRoundId(w.feed)], {
        covers: [id],
      });
    }
    const sample = active;
    const claimable = await this.claimable(w, next);
    if (claimable.length > 0 && r < 0.92) {
      const [id, round] = this.rng.pick(claimable);
      return this.tx('claim', `claim cover ${id} with round ${round}`, sender, w.market.address, 'claim', [id, round], { covers: [id] });
    }
    const [id] = this.rng.pick(sample);
    const latest = feedModel.latestRoundId(w.feed);
    const q = this.rng.float();
    const round = q < 0.1 ? 0n : q < 0.2 ? latest + 1n : q < 0.25 ? (1n << 64n) - 1n + (1n << 64n) : latest - this.rng.big(0n, latest & 7n);
    return this.tx('claim', `claim cover ${id} with unproven round ${round}`, sender, w.market.address, 'claim', [id, round], { covers: [id] });
  }

  private release(w: World, next: bigint): Action {
    const covers = [...w.market.covers.entries()];
    const deadline = (c: market.Cover) => c.end + w.market.products.get(c.productId)!.claimGrace;
    const due = covers.filter(([, c]) => c.state === 'Active' && next > deadline(c));
    const early = covers.filter(([, c]) => c.state === 'Active' && next <= deadline(c));
    const settled = covers.filter(([, c]) => c.state !== 'Active');
    const r = this.rng.float();
    const list = r < 0.75 && due.length > 0 ? due : r < 0.92 && early.length > 0 ? early : settled.length > 0 ? settled : covers;
    const id = list.length > 0 ? this.rng.pick(list)[0] : 1n;
    return this.tx('release', `release cover ${id}`, this.rng.pick([this.actors.keeper, ...this.actors.users]), w.market.address, 'release', [id], {
      covers: [id],
    });
  }

  private coverTransfer(w: World): Action {
    const covers = [...w.market.covers.entries()];
    const active = covers.filter(([, c]) => c.state === 'Active');
    const settled = covers.filter(([, c]) => c.state !== 'Active');
    const r = this.rng.float();
    const list = r < 0.8 && active.length > 0 ? active : settled.length > 0 ? settled : covers;
    if (list.length === 0)
      return this.tx('coverTransfer', 'transfer of an unknown cover', this.user(), w.market.address, 'transferFrom', [this.user(), this.user(), 1n]);
    const [id] = this.rng.pick(list);
    const holder = w.market.owners.get(id) ?? this.user();
    const to = this.otherUser(holder);
    const q = this.rng.float();
    if (q < 0.1) return this.tx('coverTransfer', `cover ${id} moved by a non-holder`, to, w.market.address, 'transferFrom', [holder, to, id], { covers: [id] });
    if (q < 0.14)
      return this.tx('coverTransfer', `cover ${id} from the wrong owner`, holder, w.market.address, 'transferFrom', [to, holder, id], { covers: [id] });
    return this.tx('coverTransfer', `cover ${id} to ${to.slice(0, 8)}`, holder, w.market.address, 'transferFrom', [holder, to, id], { covers: [id] });
  }

  // ---------------------------------------------------------------- time

  private warp(w: World, next: bigint): Action {
    const edges = [-1n, 0n, 1n];
    const r = this.rng.weighted({
      seconds: 20,
      hours: 20,
      days: 14,
      week: 5,
      weeks: 1.5,
      months: 0.12,
      dayBoundary: 10,
      request: 12,
      cover: 7,
      governance: 7,
      auction: 3,
    });
    let target = next;
    switch (r) {
      case 'seconds':
        target = next + this.rng.big(1n, 600n);
        break;
      case 'hours':
        target = next + this.rng.big(HOUR, 12n * HOUR);
        break;
      case 'days':
        target = next + this.rng.big(DAY, 3n * DAY);
        break;
      case 'week':
        target = next + this.rng.big(4n * DAY, 10n * DAY);
        break;
      case 'weeks':
        target = next + this.rng.big(11n * DAY, 20n * DAY);
        break;
      case 'months':
        // Past the pools' 90-day bucket walk: new risk needs `checkpoint()` first.
        target = next + this.rng.big(91n * DAY, 130n * DAY);
        break;
      case 'dayBoundary':
        target = (next / DAY + 1n) * DAY + this.rng.pick(edges);
        break;
      case 'request': {
        const live = [...w.junior.requests.values(), ...w.senior.requests.values()].filter((q) => q.expiresAt >= next);
        const qs = live.length > 0 ? live : [...w.junior.requests.values(), ...w.senior.requests.values()];
        if (qs.length > 0) {
          const q = this.rng.pick(qs);
          const e = this.rng.float();
          target = e < 0.5 ? q.claimableAt + this.rng.big(0n, q.expiresAt - q.claimableAt) : (e < 0.75 ? q.claimableAt : q.expiresAt) + this.rng.pick(edges);
        }
        break;
      }
      case 'cover': {
        const times = [...w.market.covers.values()]
          .filter((c) => c.state === 'Active')
          .flatMap((c) => {
            const deadline = c.end + w.market.products.get(c.productId)!.claimGrace;
            return [deadline, (deadline / DAY + 1n) * DAY];
          });
        if (times.length > 0) target = this.rng.pick(times) + this.rng.pick(edges);
        break;
      }
      case 'governance': {
        const ready = [...w.timelock.timestamps.values()].filter((t) => t > 1n);
        if (ready.length > 0) target = this.rng.pick(ready) + this.rng.pick(edges);
        break;
      }
      case 'auction': {
        const ends = [...w.recap.auctions.values()].filter((a) => !a.settled).map((a) => a.startTime + a.duration);
        if (ends.length > 0) target = this.rng.pick(ends) + this.rng.pick(edges);
        break;
      }
    }
    if (target < next) target = next;
    return { kind: 'warp', label: `warp ${r} to ${target} (+${target - next} s)`, warpTo: target };
  }

  // ---------------------------------------------------------------- the venue, the waterfall and the auction

  private fees(w: World): Action {
    const venue = this.actors.venue;
    const balance = this.usdcOf(w, venue);
    const r = this.rng.float();
    if (r < 0.05) return this.tx('fees', 'fees from a non-venue', this.user(), w.addresses.waterfall, 'distributeFees', [USDC]);
    const amount = r < 0.08 ? 0n : r < 0.12 ? balance + 1n : r < 0.2 ? this.rng.big(1n, 20n) : this.rng.big(USDC, 4_000n * USDC);
    return this.tx('fees', `venue fees ${amount}`, venue, w.addresses.waterfall, 'distributeFees', [amount]);
  }

  private shortfall(w: World, next: bigint): Action {
    const venue = this.actors.venue;
    const r = this.rng.float();
    if (r < 0.04) return this.tx('shortfall', 'shortfall from a non-venue', this.user(), w.addresses.waterfall, 'absorbShortfall', [USDC]);
    if (r < 0.07) return this.tx('shortfall', 'shortfall of 0', venue, w.addresses.waterfall, 'absorbShortfall', [0n]);
    let jFree = 0n;
    let sFree = 0n;
    try {
      jFree = pool.freeAssetsAt(w.junior, next);
      sFree = pool.freeAssetsAt(w.senior, next);
    } catch {
      // a model error surfaces when the action is predicted
    }
    const q = this.rng.float();
    const amount =
      q < 0.65
        ? this.part(jFree, 0.002, 0.1) + 1n
        : q < 0.9
          ? this.part(jFree + sFree, 0.05, 0.4) + 1n
          : this.part(jFree + sFree, 0.8, 2) + this.rng.big(USDC, 50_000n * USDC);
    return this.tx('shortfall', `venue shortfall ${amount}`, venue, w.addresses.waterfall, 'absorbShortfall', [amount]);
  }

  private auctionBuy(w: World, next: bigint): Action {
    const open = [...w.recap.auctions.entries()].filter(([, a]) => recap.isOpen(a, next));
    const byBalance = [...this.actors.users].sort((a, b) => (this.usdcOf(w, b) > this.usdcOf(w, a) ? 1 : -1));
    const buyer = this.rng.chance(0.7) ? byBalance[0]! : this.user();
    if (open.length === 0 || this.rng.chance(0.06)) {
      const id = w.recap.auctionCount > 0n && this.rng.chance(0.7) ? this.rng.big(1n, w.recap.auctionCount) : w.recap.auctionCount + 1n;
      return this.tx('auctionBuy', `buy from closed/unknown auction ${id}`, buyer, w.addresses.recap, 'buy', [id, 1_000n * USDC, MAX], { auctions: [id] });
    }
    const [id, a] = this.rng.pick(open);
    const price = auctionPriceUp(a.startPrice, a.floorPrice, a.startTime, a.duration, next);
    const rest = a.target - a.raised;
    const balance = this.usdcOf(w, buyer);
    const s = this.rng.float();
    const affordable = rest < balance ? rest : balance;
    const stableIn = s < 0.3 ? affordable : s < 0.35 ? rest * 2n : s < 0.4 ? this.rng.big(0n, price / 10n ** 12n + 1n) : this.part(affordable, 0.05, 1) + 1n;
    const m = this.rng.float();
    const maxPrice = m < 0.05 ? price - 1n : m < 0.85 ? price : price * 2n;
    return this.tx('auctionBuy', `buy ${stableIn} from auction ${id} at ≤ ${maxPrice}`, buyer, w.addresses.recap, 'buy', [id, stableIn, maxPrice], {
      auctions: [id],
    });
  }

  private auctionSettle(w: World, next: bigint): Action {
    const all = [...w.recap.auctions.entries()];
    const closed = all.filter(([, a]) => !a.settled && !recap.isOpen(a, next));
    const r = this.rng.float();
    const id = r < 0.7 && closed.length > 0 ? this.rng.pick(closed)[0] : all.length > 0 && r < 0.95 ? this.rng.pick(all)[0] : w.recap.auctionCount + 1n;
    return this.tx('auctionSettle', `settle auction ${id}`, this.rng.pick([this.actors.keeper, this.actors.venue]), w.addresses.recap, 'settle', [id], {
      auctions: [id],
    });
  }

  // ---------------------------------------------------------------- guardian and governance

  private pause(w: World): Action {
    const guardian = this.rng.chance(0.88) ? this.actors.deployer : this.user();
    const r = this.rng.float();
    if (r < 0.3) {
      const side = this.side();
      return this.tx('pause', `pause ${side}`, guardian, this.poolOf(w, side).address, 'pause', []);
    }
    if (r < 0.55) return this.tx('pause', 'pause the waterfall', guardian, w.addresses.waterfall, 'pause', []);
    const productId = this.rng.chance(0.5) ? 1n : 2n;
    return this.tx('pause', `pause product ${productId}`, guardian, w.market.address, 'pauseProduct', [productId]);
  }

  /** A value inside [min, max], or (one time in ten) just outside it. */
  private bounded(min: bigint, max: bigint): bigint {
    const r = this.rng.float();
    if (r < 0.05 && min > 0n) return min - 1n;
    if (r < 0.1) return max + 1n;
    if (r < 0.2) return this.rng.chance(0.5) ? min : max;
    return this.rng.big(min, max);
  }

  /** One owner call governance might want now (unpausing what is paused first). */
  private ownerCall(w: World): { target: string; data: Hex; label: string } {
    const a = w.addresses;
    const pausedCalls: { target: string; data: Hex; label: string }[] = [];
    const unpausePool = (p: PoolState, side: string) => ({
      target: p.address,
      data: encodeFunctionData({ abi: backstopPoolAbi, functionName: 'unpause' }),
      label: `unpause ${side}`,
    });
    if (w.junior.paused) pausedCalls.push(unpausePool(w.junior, 'junior'));
    if (w.senior.paused) pausedCalls.push(unpausePool(w.senior, 'senior'));
    if (w.waterfall.paused)
      pausedCalls.push({ target: a.waterfall, data: encodeFunctionData({ abi: shortfallWaterfallAbi, functionName: 'unpause' }), label: 'unpause waterfall' });
    for (const [id, p] of w.market.products) {
      if (p.paused)
        pausedCalls.push({
          target: a.market,
          data: encodeFunctionData({ abi: coverMarketAbi, functionName: 'unpauseProduct', args: [id] }),
          label: `unpause product ${id}`,
        });
    }
    const venue = wf.venueOf(w.waterfall, this.actors.venue);
    if (!venue.registered || venue.exposureCap - (venue.exposureUsed < venue.exposureCap ? venue.exposureUsed : venue.exposureCap) < 500_000n * USDC) {
      // Re-register, or re-size a venue whose lifetime exposure is nearly used (beyond it shortfalls are only remainder).
      pausedCalls.push({
        target: a.waterfall,
        data: encodeFunctionData({
          abi: shortfallWaterfallAbi,
          functionName: 'setVenue',
          args: [this.actors.venue as `0x${string}`, venue.exposureUsed + 5_000_000n * USDC],
        }),
        label: 're-register the venue',
      });
    }
    if (pausedCalls.length > 0 && this.rng.chance(0.75)) return this.rng.pick(pausedCalls);

    const side = this.side();
    const p = this.poolOf(w, side);
    const poolSet = (functionName: string, value: bigint) => ({
      target: p.address,
      data: encodeFunctionData({ abi: backstopPoolAbi, functionName: functionName as 'setCooldown', args: [value] }),
      label: `${side} ${functionName}(${value})`,
    });
    const pricing = (): Pricing => {
      const slope = this.rng.big(0n, 2n * 10n ** 18n);
      const pr: Pricing = {
        baseMarkup: this.rng.big(10n ** 18n, 3n * 10n ** 18n),
        slope,
        steepSlope: this.rng.big(slope, 10n * 10n ** 18n),
        kink: this.rng.big(10n ** 17n, 95n * 10n ** 16n),
        minRate: this.rng.big(5n * 10n ** 16n, 5n * 10n ** 17n),
      };
      if (this.rng.chance(0.08)) pr.minRate = 5n * 10n ** 16n - 1n; // below the cost-of-capital floor: refused
      return pr;
    };
    const choice = this.rng.weighted({
      cooldown: 3,
      claimWindow: 3,
      feeStream: 2,
      ceiling: 3,
      skim: 1,
      layerCap: 2,
      feeWeights: 2,
      venueCap: 2,
      removeVenue: 0.12,
      prices: 1,
      duration: 1,
      mintBps: 3,
      pricing: 2,
      terms: 2,
      sigmaBounds: 1,
      heartbeat: 1,
    });
    switch (choice) {
      case 'cooldown':
        return poolSet('setCooldown', this.bounded(pool.MIN_COOLDOWN, pool.MAX_COOLDOWN));
      case 'claimWindow':
        return poolSet('setClaimWindow', this.bounded(pool.MIN_CLAIM_WINDOW, pool.MAX_CLAIM_WINDOW));
      case 'feeStream':
        return poolSet('setFeeStreamPeriod', this.bounded(0n, pool.MAX_FEE_STREAM_PERIOD));
      case 'ceiling':
        return poolSet('setMaxUtilizationBps', this.bounded(pool.MIN_MAX_UTILIZATION_BPS, pool.MAX_MAX_UTILIZATION_BPS));
      case 'skim': {
        const to = this.user() as `0x${string}`;
        return { target: p.address, data: encodeFunctionData({ abi: backstopPoolAbi, functionName: 'skimSurplus', args: [to] }), label: `${side} skimSurplus` };
      }
      case 'layerCap': {
        const layer = this.rng.chance(0.5) ? 0 : 1;
        const bps = this.bounded(wf.MIN_LAYER_CAP_BPS, wf.MAX_LAYER_CAP_BPS);
        return {
          target: a.waterfall,
          data: encodeFunctionData({ abi: shortfallWaterfallAbi, functionName: 'setLayerCapBps', args: [layer, bps] }),
          label: `layer ${layer} cap ${bps}`,
        };
      }
      case 'feeWeights': {
        const junior = this.bounded(wf.MIN_FEE_WEIGHT_BPS, wf.MAX_FEE_WEIGHT_BPS);
        const senior = this.rng.chance(0.9) ? 10_000n - junior : 10_000n - junior + 1n;
        return {
          target: a.waterfall,
          data: encodeFunctionData({ abi: shortfallWaterfallAbi, functionName: 'setFeeWeights', args: [junior, senior] }),
          label: `fee weights ${junior}/${senior}`,
        };
      }
      case 'venueCap': {
        const cap = this.rng.chance(0.05) ? 0n : venue.exposureUsed + this.rng.big(0n, 3_000_000n * USDC);
        return {
          target: a.waterfall,
          data: encodeFunctionData({ abi: shortfallWaterfallAbi, functionName: 'setVenue', args: [this.actors.venue as `0x${string}`, cap] }),
          label: `venue cap ${cap}`,
        };
      }
      case 'removeVenue':
        return {
          target: a.waterfall,
          data: encodeFunctionData({ abi: shortfallWaterfallAbi, functionName: 'removeVenue', args: [this.actors.venue as `0x${string}`] }),
          label: 'remove the venue',
        };
      case 'prices': {
        const floor = this.bounded(100_000n, 2_000_000n);
        const start = this.rng.chance(0.9) ? floor + this.rng.big(0n, floor * 4n) : floor * 101n;
        return {
          target: a.recap,
          data: encodeFunctionData({ abi: recapitalizerAbi, functionName: 'setPrices', args: [start, floor] }),
          label: `auction prices ${start}/${floor}`,
        };
      }
      case 'duration': {
        const d = this.bounded(recap.MIN_DURATION, recap.MAX_DURATION);
        return { target: a.recap, data: encodeFunctionData({ abi: recapitalizerAbi, functionName: 'setDuration', args: [d] }), label: `auction duration ${d}` };
      }
      case 'mintBps': {
        const bps = this.rng.chance(0.6) ? this.rng.big(1n, 20n) : this.bounded(recap.MIN_MAX_MINT_BPS, recap.MAX_MAX_MINT_BPS);
        return {
          target: a.recap,
          data: encodeFunctionData({ abi: recapitalizerAbi, functionName: 'setMaxMintBps', args: [bps] }),
          label: `max mint bps ${bps}`,
        };
      }
      case 'pricing': {
        const id = this.rng.chance(0.5) ? 1n : 2n;
        const pr = pricing();
        return {
          target: a.market,
          data: encodeFunctionData({ abi: coverMarketAbi, functionName: 'setPricing', args: [id, pr] }),
          label: `product ${id} pricing`,
        };
      }
      case 'terms': {
        const id = this.rng.chance(0.5) ? 1n : 2n;
        const maxDuration = this.rng.big(7n * DAY, 120n * DAY);
        const minDuration = this.rng.chance(0.05) ? 300n : this.rng.big(HOUR, 2n * DAY);
        const maxPriceAge = this.rng.big(HOUR, 6n * HOUR);
        const maxSigmaAge = this.rng.big(HOUR, 3n * DAY);
        const ratio = this.bounded(market.MIN_MAX_STRIKE_RATIO, 600n);
        return {
          target: a.market,
          data: encodeFunctionData({ abi: coverMarketAbi, functionName: 'setTerms', args: [id, minDuration, maxDuration, maxPriceAge, maxSigmaAge, ratio] }),
          label: `product ${id} terms`,
        };
      }
      case 'sigmaBounds': {
        const floor = this.rng.chance(0.05) ? 10n ** 15n : this.rng.big(10n ** 16n, 5n * 10n ** 17n);
        const cap = this.rng.big(floor, 5n * 10n ** 18n);
        return {
          target: a.oracle,
          data: encodeFunctionData({ abi: volatilityOracleAbi, functionName: 'setSigmaBounds', args: [floor, cap] }),
          label: `sigma bounds ${floor}/${cap}`,
        };
      }
      case 'heartbeat': {
        const hb = this.rng.chance(0.05) ? 59n : this.rng.big(HOUR, 12n * HOUR);
        return { target: a.oracle, data: encodeFunctionData({ abi: volatilityOracleAbi, functionName: 'setHeartbeat', args: [hb] }), label: `heartbeat ${hb}` };
      }
    }
  }

  /** Queues a batch through the timelock (`scheduleBatch`), exactly as a multisig would. */
  schedule(w: World, calls: { target: string; data: Hex; label: string }[], options: { delay?: bigint; sender?: string; predecessor?: Hex } = {}): Action {
    const salt = keccak256(toHex(`soak ${++this.salt}`));
    const batch: timelock.Batch = {
      targets: calls.map((c) => addr(c.target)),
      values: calls.map(() => 0n),
      payloads: calls.map((c) => c.data),
      predecessor: options.predecessor ?? ZERO_HASH,
      salt,
    };
    const id = timelock.hashOperationBatch(batch);
    this.batches.set(id, batch);
    if (calls.some((c) => c.label.startsWith('unpause') || c.label.startsWith('re-register'))) this.restoring.add(id);
    const delay = options.delay ?? w.timelock.minDelay;
    return this.tx(
      'govSchedule',
      `schedule ${calls.map((c) => c.label).join(' + ')} (delay ${delay})`,
      options.sender ?? this.actors.deployer,
      w.addresses.timelock,
      'scheduleBatch',
      [batch.targets, batch.values, batch.payloads, batch.predecessor, batch.salt, delay],
    );
  }

  /** `executeBatch` of a scheduled batch. */
  execute(w: World, id: Hex, sender = this.actors.deployer): Action {
    const b = this.batches.get(id)!;
    return this.tx('govExecute', `execute ${id.slice(0, 10)}`, sender, w.addresses.timelock, 'executeBatch', [
      b.targets,
      b.values,
      b.payloads,
      b.predecessor,
      b.salt,
    ]);
  }

  private govSchedule(w: World, next: bigint): Action {
    const count = this.rng.chance(0.8) ? 1 : this.rng.int(2, 3);
    const calls = Array.from({ length: count }, () => this.ownerCall(w));
    const r = this.rng.float();
    const delay = r < 0.05 ? w.timelock.minDelay - 1n : r < 0.2 ? w.timelock.minDelay + this.rng.big(1n, 3n * DAY) : w.timelock.minDelay;
    const sender = this.rng.chance(0.05) ? this.user() : this.actors.deployer;
    const pending = [...w.timelock.timestamps.entries()].filter(([, t]) => t > 1n && t > next).map(([id]) => id);
    const predecessor = pending.length > 0 && this.rng.chance(0.1) ? this.rng.pick(pending) : undefined;
    return this.schedule(w, calls, { delay, sender, predecessor });
  }

  private govExecute(w: World, next: bigint): Action {
    const known = [...w.timelock.timestamps.entries()].filter(([id]) => this.batches.has(id));
    const fresh = known.filter(([id, t]) => t > 1n && t <= next && !this.executed.has(id));
    const ready = fresh.length > 0 ? fresh : known.filter(([, t]) => t > 1n && t <= next);
    const r = this.rng.float();
    const sender = r < 0.04 ? this.user() : this.actors.deployer;
    const list = ready.length > 0 && r < 0.9 ? ready : known.length > 0 ? known : [];
    if (list.length === 0) {
      const ids = [...this.batches.keys()];
      if (ids.length === 0) return this.schedule(w, [this.ownerCall(w)]);
      return this.execute(w, this.rng.pick(ids), sender);
    }
    const id = this.rng.pick(list)[0];
    this.executed.add(id);
    return this.execute(w, id, sender);
  }

  private govCancel(w: World, next: bigint): Action {
    const pending = [...w.timelock.timestamps.entries()].filter(([id, t]) => t > 1n && !this.restoring.has(id)).map(([id]) => id);
    const refused = pending.filter((id) => this.executed.has(id));
    const done = [...w.timelock.timestamps.entries()].filter(([, t]) => t === 1n).map(([id]) => id);
    const sender = this.rng.chance(0.05) ? this.user() : this.actors.deployer;
    const r = this.rng.float();
    const id =
      r < 0.6 && refused.length > 0
        ? this.rng.pick(refused)
        : r < 0.8 && pending.length > 0
          ? this.rng.pick(pending)
          : done.length > 0
            ? this.rng.pick(done)
            : keccak256(toHex(`nothing ${next}`));
    return this.tx('govCancel', `cancel ${id.slice(0, 10)}`, sender, w.addresses.timelock, 'cancel', [id]);
  }

  /** Someone without the right calls a privileged function (every one must be refused). */
  private attack(w: World): Action {
    const who = this.rng.pick([this.actors.keeper, ...this.actors.users]);
    const a = w.addresses;
    const side = this.side();
    const p = this.poolOf(w, side).address;
    const options: [string, string, string, unknown[]][] = [
      ['setCooldown directly', p, 'setCooldown', [DAY]],
      ['underwriteCover as a market', p, 'underwriteCover', [USDC, 0n, USDC, 0n]],
      ['payClaim as a market', p, 'payClaim', [USDC, who, 1n]],
      ['coverShortfall as the waterfall', p, 'coverShortfall', [USDC, who]],
      ['receiveFees as the waterfall', p, 'receiveFees', [USDC]],
      ['unpause a pool', p, 'unpause', []],
      ['pause a pool', p, 'pause', []],
      ['openAuction as the waterfall', a.recap, 'openAuction', [who, USDC]],
      ['setMaxMintBps directly', a.recap, 'setMaxMintBps', [2_000n]],
      ['setVenue directly', a.waterfall, 'setVenue', [who, 10n ** 20n]],
      ['pause the waterfall', a.waterfall, 'pause', []],
      ['setPricing directly', a.market, 'setPricing', [1n, { baseMarkup: 10n ** 18n, slope: 0n, steepSlope: 0n, kink: 10n ** 17n, minRate: 5n * 10n ** 16n }]],
      ['pauseProduct', a.market, 'pauseProduct', [1n]],
      ['setHeartbeat directly', a.oracle, 'setHeartbeat', [HOUR]],
      ['pushAnswer on the feed', a.feed, 'pushAnswer', [1n]],
      ['cancel a timelock operation', a.timelock, 'cancel', [keccak256(toHex('x'))]],
    ];
    const [label, target, functionName, args] = this.rng.pick(options);
    return this.tx('attack', `${who.slice(0, 8)}: ${label}`, who, target, functionName, args);
  }
}

export { ZERO_ADDRESS };
