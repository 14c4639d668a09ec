import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COVER_STATUS, crashAnswer, decideKeeperActions, nextRandom, walkStep, type KeeperConfig, type KeeperSnapshot } from './decide';

const PRICE = 10n ** 8n;
const config: KeeperConfig = { pushEvery: 30n, stepBps: 100, anchor: 3_000n * PRICE, minFeesToDistribute: 10_000_000n };
const trader = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as const;
const quiet: KeeperSnapshot = {
  now: 1_000n,
  feed: { roundId: 7n, answer: 3_000n * PRICE, updatedAt: 990n },
  oracleRoundId: 7n,
  positions: [],
  covers: [],
  auctions: [],
  poolFees: 0n,
};
const state = { rng: 42, crashBps: null };

describe('decideKeeperActions', () => {
  it('does nothing when the price is fresh, σ folded and nothing is due', () => {
    expect(decideKeeperActions(quiet, state, config)).toEqual({ actions: [], state });
  });

  it('publishes a walk round once the latest is pushEvery old, and nothing else that pass', () => {
    const due = { ...quiet, now: 1_020n, positions: [{ trader: trader(1), liquidatable: true }] };
    const { actions, state: next } = decideKeeperActions(due, state, config);
    expect(actions.map((a) => a.kind)).toEqual(['publishPrice']);
    expect(actions[0]).toMatchObject({ reason: 'walk' });
    expect(next.rng).not.toBe(state.rng);
    // One second earlier it is not due.
    expect(decideKeeperActions({ ...due, now: 1_019n }, state, config).actions.map((a) => a.kind)).toEqual(['liquidate']);
  });

  it('publishes a crash at once (even with a fresh price) and clears it', () => {
    const { actions, state: next } = decideKeeperActions(quiet, { rng: 1, crashBps: 3_000 }, config);
    expect(actions).toEqual([{ kind: 'publishPrice', answer: 2_100n * PRICE, reason: 'crash' }]);
    expect(next).toEqual({ rng: 1, crashBps: null });
  });

  it('liquidates every liquidatable position and only those, before poking σ when it is behind the feed', () => {
    const snap = { ...quiet, oracleRoundId: 6n, positions: [1, 2, 3].map((n) => ({ trader: trader(n), liquidatable: n !== 2 })) };
    expect(decideKeeperActions(snap, state, config).actions).toEqual([
      { kind: 'liquidate', trader: trader(1) },
      { kind: 'liquidate', trader: trader(3) },
      { kind: 'poke' },
    ]);
  });

  it('releases only expired covers (not active, claimed or already released ones)', () => {
    const covers = Object.values(COVER_STATUS).map((status, i) => ({ tokenId: BigInt(i + 1), status }));
    expect(decideKeeperActions({ ...quiet, covers }, state, config).actions).toEqual([{ kind: 'releaseCover', tokenId: 3n }]);
  });

  it('syncs an auction with new proceeds or once it has closed, not an open one with nothing new', () => {
    const auctions = [
      { auctionId: 1n, raised: 10n, credited: 10n, open: true },
      { auctionId: 2n, raised: 11n, credited: 10n, open: true },
      { auctionId: 3n, raised: 10n, credited: 10n, open: false },
    ];
    expect(decideKeeperActions({ ...quiet, auctions }, state, config).actions.map((a) => a.kind === 'syncRecapitalization' && a.auctionId)).toEqual([2n, 3n]);
  });

  it('distributes the pools fee share from the threshold on', () => {
    expect(decideKeeperActions({ ...quiet, poolFees: config.minFeesToDistribute - 1n }, state, config).actions).toEqual([]);
    expect(decideKeeperActions({ ...quiet, poolFees: config.minFeesToDistribute }, state, config).actions).toEqual([
      { kind: 'distributeFees', amount: config.minFeesToDistribute },
    ]);
  });
});

describe('the walk', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const run = (seed: number) => {
      let s = seed;
      let p = 3_000n * PRICE;
      const out: bigint[] = [];
      for (let i = 0; i < 50; i++) {
        ({ answer: p, state: s } = walkStep(p, s, config));
        out.push(p);
      }
      return out;
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('moves at most stepBps per step and stays in [anchor / 2, anchor × 2] (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.bigInt({ min: 1_500n * PRICE, max: 6_000n * PRICE }), fc.integer({ min: 1, max: 2_000 }), (seed, answer, stepBps) => {
        const { answer: next } = walkStep(answer, seed, { anchor: config.anchor, stepBps });
        const move = next > answer ? next - answer : answer - next;
        expect(next).toBeGreaterThanOrEqual(config.anchor / 2n);
        expect(next).toBeLessThanOrEqual(config.anchor * 2n);
        // Within the band the move is at most stepBps of the price (+1 for the integer division).
        if (next !== config.anchor / 2n && next !== config.anchor * 2n) expect(move * 10_000n).toBeLessThanOrEqual(BigInt(stepBps) * answer + 10_000n);
      }),
      { numRuns: 2_000 },
    );
  });

  it('mulberry32 yields uint32 values', () => {
    let s = 1;
    for (let i = 0; i < 1_000; i++) {
      const r = nextRandom(s);
      expect(Number.isInteger(r.value) && r.value >= 0 && r.value < 2 ** 32).toBe(true);
      s = r.state;
    }
  });

  it('a crash never publishes a non-positive price', () => {
    expect(crashAnswer(1n, 9_999)).toBe(1n);
    expect(crashAnswer(3_000n * PRICE, 2_500)).toBe(2_250n * PRICE);
  });
});
