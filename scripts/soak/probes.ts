// What the soak compares after an action: every view it reads from the chain, each beside the value the
// MODEL predicts for it (computed by the twins from the model's state, never from the chain). Two depths:
// `step` (after every action: every balance of every actor and contract, each pool's raw accounting, its
// future buckets, requests and ERC-4626 views, the active and recently touched covers, the waterfall, the
// auctions still open or just closed, the mint budget, the oracle and feed, the pending timelock
// operations) and `full` (periodically and at the end: also every bucket, cover, auction and operation).
import * as erc20 from '@/lib/mirror/actions/ERC20';
import * as accounting from '@/lib/mirror/BackstopPool';
import * as shares from '@/lib/mirror/BackstopPool';
import * as pool from '@/lib/mirror/actions/BackstopPool';
import type { PoolState } from '@/lib/mirror/actions/BackstopPool';
import * as market from '@/lib/mirror/actions/CoverMarket';
import * as waterfall from '@/lib/mirror/actions/ShortfallWaterfall';
import * as recap from '@/lib/mirror/actions/Recapitalizer';
import { dayOf } from '@/lib/mirror/PoolMath';
import { addr } from '@/lib/mirror/actions/address';
import * as feedModel from './model/mockAggregator';
import { handoverId, type World } from './model/world';
import type { Read } from './chain';
import { revertName } from './outcome';

/** The model's answer: the outputs, or the custom error the view reverts with. */
export type Expected = unknown[] | { revert: string };
export type Probe = Read & { expected: Expected };

export type ProbeScope = {
  depth: 'step' | 'full';
  /** Accounts whose balances, requests and operators are compared. */
  actors: readonly string[];
  /** Covers touched by recent actions (compared at `step` even when settled). */
  covers: ReadonlySet<bigint>;
  /** Auctions touched by recent actions. */
  auctions: ReadonlySet<bigint>;
};

/** A view's expected answer, or the revert the twin predicts for it (compared by name). */
function tryExpect(f: () => unknown[]): Expected {
  try {
    return f();
  } catch (e) {
    return { revert: revertName(e) };
  }
}

function poolProbes(w: World, p: PoolState, scope: ProbeScope, out: Probe[]): void {
  const target = p.address;
  const now = w.now;
  const view = pool.poolAccounting(p);
  const push = (functionName: string, args: readonly unknown[], expected: Expected) => {
    out.push({ target, functionName, args, expected });
  };
  push('accountingState', [], [p.held, p.unearned, p.checkpoint, p.rate, p.locked, p.paused]);
  push('totalSupply', [], [p.shares.totalSupply]);
  push('maxUtilizationBps', [], [p.maxUtilizationBps]);
  push('cooldown', [], [p.cooldown]);
  push('claimWindow', [], [p.claimWindow]);
  push('feeStreamPeriod', [], [p.feeStreamPeriod]);
  push('paused', [], [p.paused]);
  push('guardian', [], [p.guardian]);
  push('waterfall', [], [p.waterfall]);
  push('owner', [], [p.owner]);
  push('pendingDays', [], [pool.pendingDaysOf(p, now)]);
  push(
    'totalAssets',
    [],
    tryExpect(() => [accounting.totalAssets(view, now)]),
  );
  push(
    'freeAssets',
    [],
    tryExpect(() => [accounting.freeAssets(view, now)]),
  );
  push(
    'lockedAssets',
    [],
    tryExpect(() => [accounting.lockedAssets(view, now)]),
  );
  push(
    'unearnedPremium',
    [],
    tryExpect(() => [accounting.unearnedPremium(view, now)]),
  );
  push(
    'premiumRate',
    [],
    tryExpect(() => [accounting.premiumRate(view, now)]),
  );
  push(
    'maxDeposit',
    [scope.actors[0]],
    tryExpect(() => [accounting.maxDeposit(view, now)]),
  );
  push(
    'maxMint',
    [scope.actors[0]],
    tryExpect(() => [accounting.maxMint(view, now)]),
  );
  push(
    'underwritingCapital',
    [],
    tryExpect(() => {
      const c = pool.underwritingCapital(p, now);
      return [c.totalAssets, c.locked, c.maxUtilizationBps];
    }),
  );
  push('balanceOf', [p.address], [erc20.balanceOf(p.shares, p.address)]);
  const shareState = () => accounting.shareState(view, now);
  for (const assets of [1n, 10n ** 6n, 123_456_789n]) {
    push(
      'convertToShares',
      [assets],
      tryExpect(() => [shares.convertToShares(shareState(), assets)]),
    );
    push(
      'previewDeposit',
      [assets],
      tryExpect(() => [shares.previewDeposit(shareState(), assets)]),
    );
  }
  for (const amount of [1n, 10n ** 18n, 123_456_789n * 10n ** 12n]) {
    push(
      'convertToAssets',
      [amount],
      tryExpect(() => [shares.convertToAssets(shareState(), amount)]),
    );
    push(
      'previewMint',
      [amount],
      tryExpect(() => [shares.previewMint(shareState(), amount)]),
    );
  }
  for (const actor of scope.actors) {
    push('balanceOf', [actor], [erc20.balanceOf(p.shares, actor)]);
    const q = pool.requestOf(p, actor);
    push('redeemRequest', [actor], [q.id, q.shares, q.claimableAt, q.expiresAt, q.owner, q.assetsAtRequest]);
    const request = { shares: q.shares, claimableAt: q.claimableAt, expiresAt: q.expiresAt, assetsAtRequest: q.assetsAtRequest };
    push(
      'maxRedeem',
      [actor],
      tryExpect(() => [accounting.maxRedeem(view, request, now)]),
    );
    push(
      'maxWithdraw',
      [actor],
      tryExpect(() => [accounting.maxWithdraw(view, request, now)]),
    );
    if (q.shares > 0n) {
      push(
        'previewClaimRedeem',
        [q.shares / 3n, actor],
        tryExpect(() => [accounting.previewClaimRedeem(view, request, q.shares / 3n, now)]),
      );
      push(
        'previewClaimWithdraw',
        [q.assetsAtRequest / 2n, actor],
        tryExpect(() => [accounting.previewClaimWithdraw(view, request, q.assetsAtRequest / 2n, now)]),
      );
    }
    // Operators and share allowances change only by their own actions: compared in full checks.
    for (const other of scope.depth === 'full' ? scope.actors : []) {
      if (other === actor) continue;
      push('isOperator', [actor, other], [pool.isOperator(p, actor, other)]);
      push('allowance', [actor, other], [erc20.allowance(p.shares, actor, other)]);
    }
  }
  // Buckets: the future ones (and today's) at every step; every bucket ever written in a full check.
  const fromDay = scope.depth === 'full' ? 0n : dayOf(p.checkpoint);
  for (const [day, b] of p.buckets) if (day >= fromDay) push('bucket', [day], [b.rateDrop, b.lockRelease]);
}

/** Everything the soak compares, with the model's expected answers. */
export function probes(w: World, scope: ProbeScope): Probe[] {
  const a = w.addresses;
  const out: Probe[] = [];
  const accounts = [...scope.actors, a.junior, a.senior, a.market, a.waterfall, a.recap, a.timelock, a.oracle, a.feed];

  for (const account of accounts) {
    out.push({ target: a.usdc, functionName: 'balanceOf', args: [account], expected: [erc20.balanceOf(w.usdc, account)] });
    out.push({ target: a.bks, functionName: 'balanceOf', args: [account], expected: [erc20.balanceOf(w.bks, account)] });
  }
  out.push({ target: a.usdc, functionName: 'totalSupply', args: [], expected: [w.usdc.totalSupply] });
  out.push({ target: a.bks, functionName: 'totalSupply', args: [], expected: [w.bks.totalSupply] });
  for (const actor of scope.depth === 'full' ? scope.actors : []) {
    for (const spender of [a.junior, a.senior, a.market, a.waterfall, a.recap]) {
      out.push({ target: a.usdc, functionName: 'allowance', args: [actor, spender], expected: [erc20.allowance(w.usdc, actor, spender)] });
    }
  }
  for (const poolAddress of [a.junior, a.senior]) {
    out.push({ target: a.usdc, functionName: 'allowance', args: [a.waterfall, poolAddress], expected: [erc20.allowance(w.usdc, a.waterfall, poolAddress)] });
  }

  poolProbes(w, w.junior, scope, out);
  poolProbes(w, w.senior, scope, out);

  // Cover market
  const m = w.market;
  out.push({ target: a.market, functionName: 'lastTokenId', args: [], expected: [m.lastTokenId] });
  out.push({ target: a.market, functionName: 'guardian', args: [], expected: [m.guardian] });
  for (const actor of scope.actors) out.push({ target: a.market, functionName: 'balanceOf', args: [actor], expected: [m.balances.get(addr(actor)) ?? 0n] });
  for (const [id, p] of m.products) {
    out.push({
      target: a.market,
      functionName: 'product',
      args: [id],
      expected: [
        {
          feed: p.feed,
          oracle: p.oracle,
          pool: p.pool,
          direction: p.direction === 'Down' ? 0n : 1n,
          confirmations: p.confirmations,
          activationDelay: p.activationDelay,
          claimGrace: p.claimGrace,
          minDuration: p.minDuration,
          maxDuration: p.maxDuration,
          maxPriceAge: p.maxPriceAge,
          maxSigmaAge: p.maxSigmaAge,
          maxStrikeRatio: p.maxStrikeRatio,
          pricing: { ...p.pricing },
        },
        p.paused,
      ],
    });
  }
  for (const [id, c] of m.covers) {
    if (scope.depth === 'full' || c.state === 'Active' || scope.covers.has(id)) {
      out.push({ target: a.market, functionName: 'coverInfo', args: [id], expected: [market.coverInfo(m, id, w.now)] });
    }
  }
  out.push({ target: a.market, functionName: 'coverInfo', args: [m.lastTokenId + 1n], expected: [market.coverInfo(m, m.lastTokenId + 1n, w.now)] });
  // Quotes as the cover form asks them: a strike 12 % from the last price (and one at the range's edge), a
  // payout of a fiftieth of the pool, a week and a month.
  const coverWorld = {
    market: m,
    pools: new Map([
      [a.junior, w.junior],
      [a.senior, w.senior],
    ]),
    oracle: w.oracle,
    usdc: w.usdc,
  };
  const spot = feedModel.getRoundData(w.feed, feedModel.latestRoundId(w.feed)).answer;
  for (const [id, p] of m.products) {
    const poolState = p.pool === a.junior ? w.junior : w.senior;
    const payout = poolState.held / 50n + 1n;
    for (const [strike, duration] of [
      [p.direction === 'Down' ? (spot * 88n) / 100n : (spot * 112n) / 100n, 7n * 86_400n],
      [p.direction === 'Down' ? (spot * 100n + p.maxStrikeRatio - 1n) / p.maxStrikeRatio : (spot * p.maxStrikeRatio) / 100n, 30n * 86_400n],
    ] as const) {
      if (strike <= 0n) continue;
      out.push({
        target: a.market,
        functionName: 'quote',
        args: [id, strike, payout, duration],
        expected: tryExpect(() => [market.quote(coverWorld, feedModel.aggregator(w.feed), w.now, id, strike, payout, duration)]),
      });
    }
  }

  // Oracle and feed
  const o = w.oracle;
  out.push({ target: a.oracle, functionName: 'volatility', args: [], expected: [o.sigma, o.lastUpdatedAt, o.lastRoundId, w.feed.address] });
  out.push({ target: a.oracle, functionName: 'variance', args: [], expected: [o.variance] });
  out.push({ target: a.oracle, functionName: 'lastLnAnswer', args: [], expected: [o.lastLnAnswer] });
  out.push({ target: a.oracle, functionName: 'sigmaFloor', args: [], expected: [o.sigmaFloor] });
  out.push({ target: a.oracle, functionName: 'sigmaCap', args: [], expected: [o.sigmaCap] });
  out.push({ target: a.oracle, functionName: 'heartbeat', args: [], expected: [o.heartbeat] });
  const f = w.feed;
  out.push({ target: a.feed, functionName: 'phaseId', args: [], expected: [f.phaseId] });
  out.push({ target: a.feed, functionName: 'aggregatorRoundId', args: [], expected: [f.aggregatorRoundId] });
  out.push({ target: a.feed, functionName: 'latestRoundId', args: [], expected: [feedModel.latestRoundId(f)] });
  const latest = feedModel.latestRoundId(f);
  const r = feedModel.getRoundData(f, latest);
  out.push({ target: a.feed, functionName: 'latestRoundData', args: [], expected: [r.roundId, r.answer, r.startedAt, r.updatedAt, r.answeredInRound] });

  // Waterfall
  const wf = w.waterfall;
  const wfWorld = { waterfall: wf, junior: w.junior, senior: w.senior };
  for (const layer of [waterfall.JUNIOR, waterfall.SENIOR]) {
    const win = wf.windows[Number(layer)]!;
    out.push({ target: a.waterfall, functionName: 'windowState', args: [Number(layer)], expected: [win.window, win.prev, win.curr] });
    out.push({ target: a.waterfall, functionName: 'layerCapBps', args: [Number(layer)], expected: [waterfall.layerCapBps(wf, layer)] });
    const ls = tryExpect(() => {
      const x = waterfall.layerState(wfWorld, layer, w.now);
      return [x.free, x.used, x.cap, x.available, x.capBps];
    });
    out.push({ target: a.waterfall, functionName: 'layerState', args: [Number(layer)], expected: ls });
  }
  out.push({ target: a.waterfall, functionName: 'feeWeights', args: [], expected: [10_000n - wf.seniorFeeBps, wf.seniorFeeBps] });
  const wfFull = { ...wfWorld, recap: w.recap, bksSupply: w.bks.totalSupply, usdc: w.usdc };
  for (const actor of scope.actors.slice(-2)) {
    for (const amount of [10n ** 9n, 10n ** 12n]) {
      out.push({
        target: a.waterfall,
        functionName: 'previewAbsorbShortfall',
        args: [actor, amount],
        expected: tryExpect(() => {
          const x = waterfall.previewAbsorbShortfall(wfFull, actor, amount, w.now);
          return [x.juniorPaid, x.seniorPaid, x.recapitalization, x.remainder];
        }),
      });
    }
  }
  out.push({ target: a.waterfall, functionName: 'paused', args: [], expected: [wf.paused] });
  out.push({ target: a.waterfall, functionName: 'recapitalizer', args: [], expected: [wf.recapitalizer] });
  for (const actor of scope.actors) {
    const v = waterfall.venueOf(wf, actor);
    out.push({ target: a.waterfall, functionName: 'venue', args: [actor], expected: [v.registered, v.exposureCap, v.exposureUsed] });
  }

  // Recapitalizer
  const rc = w.recap;
  out.push({ target: a.recap, functionName: 'auctionCount', args: [], expected: [rc.auctionCount] });
  out.push({
    target: a.recap,
    functionName: 'params',
    args: [],
    expected: [rc.params.startPrice, rc.params.floorPrice, rc.params.duration, rc.params.maxMintBps],
  });
  out.push({ target: a.recap, functionName: 'mintWindowState', args: [], expected: [rc.mintWindow.window, rc.mintWindow.prev, rc.mintWindow.curr] });
  const budget = tryExpect(() => {
    const b = recap.mintBudgetView(rc, w.bks.totalSupply, w.now);
    return [b.used, b.cap, b.available, b.nextWindowAt];
  });
  out.push({ target: a.recap, functionName: 'mintBudget', args: [], expected: budget });
  for (const actor of scope.actors)
    out.push({ target: a.recap, functionName: 'currentAuctionOf', args: [actor], expected: [rc.currentAuctionOf.get(addr(actor)) ?? 0n] });
  for (const [id, x] of rc.auctions) {
    if (scope.depth === 'full' || !x.settled || scope.auctions.has(id)) {
      out.push({ target: a.recap, functionName: 'auction', args: [id], expected: [{ ...x }] });
      out.push({ target: a.recap, functionName: 'isOpen', args: [id], expected: [recap.isOpen(x, w.now)] });
      out.push({
        target: a.recap,
        functionName: 'previewBuy',
        args: [id, 10n ** 10n],
        expected: tryExpect(() => {
          const b = recap.previewBuy(rc, w.bks.totalSupply, id, 10n ** 10n, w.now);
          return [b.price, b.paid, b.bksOut];
        }),
      });
    }
  }

  // Timelock: every operation the model knows (pending ones at each step).
  for (const [id, t] of w.timelock.timestamps) {
    if (scope.depth === 'full' || t > 1n) out.push({ target: a.timelock, functionName: 'getTimestamp', args: [id], expected: [t] });
  }
  out.push({ target: a.timelock, functionName: 'getTimestamp', args: [handoverId(a)], expected: [w.timelock.timestamps.get(handoverId(a)) ?? 0n] });
  out.push({ target: a.timelock, functionName: 'getMinDelay', args: [], expected: [w.timelock.minDelay] });
  for (const target of [a.junior, a.senior, a.market, a.waterfall, a.recap, a.oracle]) {
    out.push({ target, functionName: 'owner', args: [], expected: [a.timelock] });
  }
  return dedupe(out);
}

function dedupe(list: Probe[]): Probe[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.target}:${p.functionName}:${p.args.map(String).join(',')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Numbers (small uints decode as numbers in viem) → bigint, strings (addresses, hashes) → lower-case, objects by sorted keys. */
export function normalize(v: unknown): unknown {
  if (typeof v === 'number') return BigInt(v);
  if (typeof v === 'string') return v.toLowerCase();
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).map(([k, x]): [string, unknown] => [k, normalize(x)]);
    return Object.fromEntries(entries.sort(([x], [y]) => (x < y ? -1 : 1)));
  }
  return v;
}

export const show = (v: unknown): string => JSON.stringify(normalize(v), (_, x) => (typeof x === 'bigint' ? x.toString() : x));

export function sameValue(a: unknown, b: unknown): boolean {
  return show(a) === show(b);
}
