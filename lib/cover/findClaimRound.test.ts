// findClaimRound against an in-memory Chainlink proxy (phases, incomplete and non-positive rounds, runs
// broken by a recovery, rounds before and after the window): it must return exactly the first round id in
// time that passes checkClaimRound, found by brute force over every round — and read few rounds doing so.
// (lib/cover/findClaimRound.chain.test.ts checks checkClaimRound against the contract itself.)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkClaimRound, findClaimRound, FindClaimRoundBudgetExceeded, proxyRoundId, type ClaimTerms, type GetRound, type Round } from './findClaimRound';

type Feed = { rounds: Map<bigint, Round>; order: bigint[]; latest: bigint };

/** Builds a proxy feed from per-phase lists of [answer, updatedAt, kind] (kind: 0 ok, 1 startedAt 0, 2 carried over). */
function feedOf(phases: [bigint, bigint, number][][]): Feed {
  const rounds = new Map<bigint, Round>();
  const order: bigint[] = [];
  let latest = 0n;
  phases.forEach((list, p) => {
    list.forEach(([answer, updatedAt, kind], i) => {
      const id = proxyRoundId(BigInt(p + 1), BigInt(i + 1));
      rounds.set(id, { roundId: id, answer, startedAt: kind === 1 ? 0n : updatedAt, updatedAt, answeredInRound: kind === 2 ? id - 1n : id });
      order.push(id);
      latest = id;
    });
  });
  return { rounds, order, latest };
}

function reader(feed: Feed) {
  let reads = 0;
  const getRound: GetRound = async (id) => {
    reads++;
    return feed.rounds.get(id) ?? null;
  };
  return { getRound, reads: () => reads };
}

async function bruteForce(feed: Feed, terms: ClaimTerms): Promise<bigint | null> {
  const { getRound } = reader(feed);
  for (const id of feed.order) if ((await checkClaimRound(getRound, terms, id)) === null) return id;
  return null;
}

const T = 1_700_000_000n;
const down: ClaimTerms = { direction: 'Down', strike: 2700n, start: T, end: T + 7n * 86_400n, activationDelay: 300n, confirmations: 2 };

describe('findClaimRound', () => {
  it('skips history before the window, a lone print and a broken run; returns the first confirmed run', async () => {
    const feed = feedOf([
      [
        [2600n, T - 3_600n, 0], // a touch before purchase: never counts
        [2600n, T - 3_500n, 0],
        [3000n, T, 0],
        [2650n, T + 200n, 0], // before activation
        [2650n, T + 400n, 0], // alone
        [2800n, T + 500n, 0],
        [2690n, T + 600n, 0], // first of the confirmed pair
        [2700n, T + 700n, 0], // at the strike counts
        [2600n, T + 800n, 0],
      ],
    ]);
    const { getRound } = reader(feed);
    const found = await findClaimRound({ getRound, cover: down, latestRoundId: feed.latest });
    expect(found).toBe(proxyRoundId(1n, 7n));
    expect(await checkClaimRound(getRound, down, found! - 1n)).toEqual({ errorName: 'CoverMarketStrikeNotReached', roundId: proxyRoundId(1n, 6n) });
  });

  it('never chains a run across phases, but counts older phases', async () => {
    const across = feedOf([
      [
        [3000n, T, 0],
        [2600n, T + 400n, 0],
      ],
      [
        [2600n, T + 500n, 0],
        [3000n, T + 600n, 0],
        [2600n, T + 700n, 0],
        [2600n, T + 800n, 0],
      ],
    ]);
    let r = reader(across);
    expect(await findClaimRound({ getRound: r.getRound, cover: down, latestRoundId: across.latest })).toBe(proxyRoundId(2n, 3n));
    const older = feedOf([
      [
        [3000n, T, 0],
        [2600n, T + 400n, 0],
        [2600n, T + 450n, 0],
      ],
      [[3000n, T + 500n, 0]],
    ]);
    r = reader(older);
    expect(await findClaimRound({ getRound: r.getRound, cover: down, latestRoundId: older.latest })).toBe(proxyRoundId(1n, 2n));
  });

  it('rejects incomplete and non-positive rounds, and rounds after the end', async () => {
    const feed = feedOf([
      [
        [3000n, T, 0],
        [2600n, T + 400n, 1], // startedAt 0
        [2600n, T + 500n, 0],
        [2600n, T + 600n, 2], // carried over from an earlier round
        [0n, T + 700n, 0], // non-positive
        [2600n, T + 800n, 0],
        [3000n, T + 900n, 0],
        [2600n, down.end, 0], // at the end: inside
        [2600n, down.end + 1n, 0], // after it: not
      ],
    ]);
    const { getRound } = reader(feed);
    expect(await findClaimRound({ getRound, cover: down, latestRoundId: feed.latest })).toBeNull();
    const up: ClaimTerms = { ...down, direction: 'Up', strike: 2550n };
    expect(await findClaimRound({ getRound, cover: up, latestRoundId: feed.latest })).toBe(proxyRoundId(1n, 6n)); // 2600, 3000 ≥ 2550
  });

  it('locates the window by binary search: few reads in a long history', async () => {
    const list: [bigint, bigint, number][] = [];
    for (let i = 0n; i < 100_000n; i++) list.push([3000n, T - 100_000n * 60n + i * 60n, 0]); // 69 days of minute rounds
    list.push([2600n, T + 301n, 0], [2600n, T + 361n, 0]);
    for (let i = 0n; i < 5_000n; i++) list.push([3000n, T + 400n + i * 60n, 0]);
    const feed = feedOf([list]);
    const r = reader(feed);
    expect(await findClaimRound({ getRound: r.getRound, cover: down, latestRoundId: feed.latest })).toBe(proxyRoundId(1n, 100_001n));
    expect(r.reads()).toBeLessThan(40);
    const budget = reader(feed);
    await expect(findClaimRound({ getRound: budget.getRound, cover: { ...down, strike: 1n }, latestRoundId: feed.latest, maxReads: 100 })).rejects.toThrow(
      FindClaimRoundBudgetExceeded,
    );
  });

  it('equals brute force over random feeds (phases, gaps, bad rounds, both directions, 1–4 confirmations)', async () => {
    let hits = 0;
    let misses = 0;
    const roundArb = fc.tuple(fc.integer({ min: 2400, max: 3100 }), fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 12 }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(roundArb, { minLength: 0, maxLength: 25 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 200_000 }),
        async (phases, confirmations, up, startOffset) => {
          // Non-decreasing timestamps across the whole feed (Chainlink's order); a few bad rounds.
          let t = T - 50_000n;
          const built = phases.map((list) =>
            list.map(([price, dt, bad]) => {
              t += BigInt(dt);
              return [BigInt(price === 2400 ? 0 : price), t, bad === 1 ? 1 : bad === 2 ? 2 : 0] as [bigint, bigint, number];
            }),
          );
          if (built.every((l) => l.length === 0)) return;
          // The latest round is the newest non-empty phase's last (a proxy's latestRoundData).
          const feed = feedOf(built.filter((l) => l.length > 0));
          const start = T - 50_000n + BigInt(startOffset);
          const terms: ClaimTerms = {
            direction: up ? 'Up' : 'Down',
            strike: up ? 2900n : 2700n,
            start,
            end: start + 150_000n,
            activationDelay: 300n,
            confirmations,
          };
          const { getRound } = reader(feed);
          const found = await findClaimRound({ getRound, cover: terms, latestRoundId: feed.latest });
          expect(found).toBe(await bruteForce(feed, terms));
          if (found === null) misses++;
          else hits++;
        },
      ),
      { numRuns: 3_000 },
    );
    // Both outcomes are exercised, not only one.
    expect(hits).toBeGreaterThan(500);
    expect(misses).toBeGreaterThan(500);
  });
});
