// The keeper's brain, pure: from one snapshot of the chain (and its own small state) decide what to send.
// No I/O here, so every rule is unit-tested (decide.test.ts); scripts/keeper/keeper.ts reads the chain,
// calls `decideKeeperActions`, sends what it returns and logs each action.
//
// Rules, in order:
//   1. A price round is due (a crash was asked for, or the feed's latest round is `pushEvery` seconds old):
//      publish it — and nothing else this pass, because every other decision depends on the price; the
//      runner snapshots again at once and decides on the new price.
//   2. Every position the venue would liquidate at this price: liquidate it (the venue picks partial or
//      full). First, so a position stays under maintenance for as few blocks as possible.
//   3. σ is behind the feed: poke the oracle (quotes and opens need it folded to the latest round).
//   4. Every cover whose claim window has closed but whose capital is still locked: release it.
//   5. Every recapitalization auction of the venue with proceeds not yet credited, or closed but unsettled:
//      sync it (credits the proceeds; at settlement the venue socialises the unraised part).
//   6. The pools' fee share once it reaches `minFeesToDistribute`: distribute it.
// Mock feed only: the walk and the crash are how the local chain gets prices; on a real deployment the
// feed is Chainlink's and the keeper runs rules 2–6.
import type { Address } from 'viem';

/** CoverMarket's `CoverStatus` (ICoverMarket.sol). */
export const COVER_STATUS = { None: 0, Active: 1, Expired: 2, Claimed: 3, Released: 4 } as const;

export type KeeperSnapshot = {
  /** The chain's clock (the pending block's timestamp), seconds. */
  now: bigint;
  feed: { roundId: bigint; answer: bigint; updatedAt: bigint };
  /** The feed round σ has folded up to. */
  oracleRoundId: bigint;
  /** Open positions and whether `liquidate` passes at the latest price (`positionState`). */
  positions: readonly { trader: Address; liquidatable: boolean }[];
  /** Covers not yet known to be final, with their `coverInfo` status. */
  covers: readonly { tokenId: bigint; status: number }[];
  /** The venue's recapitalization auctions not yet settled on the venue's books. */
  auctions: readonly { auctionId: bigint; raised: bigint; credited: bigint; open: boolean }[];
  /** The pools' share of trading fees the venue holds (`accounts().poolFees`). */
  poolFees: bigint;
};

export type KeeperConfig = {
  /** Publish a walk round when the latest is this old (seconds of chain time). */
  pushEvery: bigint;
  /** Largest move of one walk step, basis points (the walk's steps are in [−stepBps, +stepBps]). */
  stepBps: number;
  /** The walk stays within [anchor / 2, anchor × 2] (feed units): it reflects off the band. */
  anchor: bigint;
  minFeesToDistribute: bigint;
};

/** What the keeper carries between passes: the walk's PRNG state and a crash waiting to be published. */
export type KeeperState = { rng: number; crashBps: number | null };

export type KeeperAction =
  | { kind: 'publishPrice'; answer: bigint; reason: 'walk' | 'crash' }
  | { kind: 'poke' }
  | { kind: 'liquidate'; trader: Address }
  | { kind: 'releaseCover'; tokenId: bigint }
  | { kind: 'syncRecapitalization'; auctionId: bigint }
  | { kind: 'distributeFees'; amount: bigint };

const BPS = 10_000n;

/** mulberry32: a 32-bit seeded PRNG (integers only), so the same seed gives the same walk on every run. */
export function nextRandom(state: number): { value: number; state: number } {
  const s = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(s ^ (s >>> 15), 1 | s);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return { value: (t ^ (t >>> 14)) >>> 0, state: s };
}

/**
 * One step of the walk: a move of `stepBps × (u₁ + u₂ + u₃ + u₄ − 2) / 2` basis points (four uniforms: a
 * bell-shaped step, never beyond ±stepBps), reflected into [anchor / 2, anchor × 2]. Integer arithmetic.
 */
export function walkStep(answer: bigint, state: number, config: Pick<KeeperConfig, 'stepBps' | 'anchor'>): { answer: bigint; state: number } {
  let sum = 0n;
  let s = state;
  for (let i = 0; i < 4; i++) {
    const r = nextRandom(s);
    s = r.state;
    sum += BigInt(r.value % 10_001); // u in [0, 1] in 1/10,000 steps
  }
  const moveBps = (BigInt(config.stepBps) * (sum - 20_000n)) / 20_000n; // in [−stepBps, +stepBps]
  let next = (answer * (BPS + moveBps)) / BPS;
  const low = config.anchor / 2n;
  const high = config.anchor * 2n;
  if (next < low) next = low + (low - next);
  if (next > high) next = high - (next - high);
  if (next < 1n) next = 1n;
  return { answer: next, state: s };
}

/** The price a crash of `crashBps` publishes (at least one feed unit). */
export function crashAnswer(answer: bigint, crashBps: number): bigint {
  const next = (answer * (BPS - BigInt(crashBps))) / BPS;
  return next < 1n ? 1n : next;
}

/** Decides one pass (see the rules at the top). Returns the actions, in the order to send them, and the next state. */
export function decideKeeperActions(snapshot: KeeperSnapshot, state: KeeperState, config: KeeperConfig): { actions: KeeperAction[]; state: KeeperState } {
  if (state.crashBps !== null) {
    const answer = crashAnswer(snapshot.feed.answer, state.crashBps);
    return { actions: [{ kind: 'publishPrice', answer, reason: 'crash' }], state: { ...state, crashBps: null } };
  }
  if (snapshot.now >= snapshot.feed.updatedAt + config.pushEvery) {
    const step = walkStep(snapshot.feed.answer, state.rng, config);
    return { actions: [{ kind: 'publishPrice', answer: step.answer, reason: 'walk' }], state: { ...state, rng: step.state } };
  }
  const actions: KeeperAction[] = [];
  for (const p of snapshot.positions) if (p.liquidatable) actions.push({ kind: 'liquidate', trader: p.trader });
  if (snapshot.oracleRoundId !== snapshot.feed.roundId) actions.push({ kind: 'poke' });
  for (const c of snapshot.covers) if (c.status === COVER_STATUS.Expired) actions.push({ kind: 'releaseCover', tokenId: c.tokenId });
  for (const a of snapshot.auctions) if (a.raised > a.credited || !a.open) actions.push({ kind: 'syncRecapitalization', auctionId: a.auctionId });
  if (snapshot.poolFees > 0n && snapshot.poolFees >= config.minFeesToDistribute) actions.push({ kind: 'distributeFees', amount: snapshot.poolFees });
  return { actions, state };
}
