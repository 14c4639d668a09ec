import { describe, expect, it } from 'vitest';
import type { ClaimTerms, GetRound, Round } from '../cover/findClaimRound';
import { proxyRoundId } from '../cover/findClaimRound';
import { type ClaimRoundCache, searchClaimRound } from './claimRoundSearch';

const FEED = '0x0000000000000000000000000000000000000f01';
const PRICE = 10n ** 8n;
const cover: ClaimTerms = { direction: 'Down', strike: 2_500n * PRICE, start: 1_000n, end: 100_000n, activationDelay: 300n, confirmations: 2 };

/** A feed of one phase: round i at time 2,000 + 60 i (inside the cover's window), at `prices[i - 1]` USD. */
function feed(prices: bigint[]) {
  const reads = { count: 0 };
  const rounds = prices.map((usd, i): Round => {
    const id = proxyRoundId(1n, BigInt(i + 1));
    return { roundId: id, answer: usd * PRICE, startedAt: 2_000n + 60n * BigInt(i + 1), updatedAt: 2_000n + 60n * BigInt(i + 1), answeredInRound: id };
  });
  const getRound: GetRound = async (id) => {
    reads.count++;
    return rounds.find((r) => r.roundId === id) ?? null;
  };
  const last = rounds.at(-1)!;
  return { getRound, reads, latest: { roundId: last.roundId, answer: last.answer, updatedAt: last.updatedAt } };
}

describe('searchClaimRound', () => {
  it('searches once per latest round: the same inputs again read nothing, a new round searches again', async () => {
    const cache: ClaimRoundCache = new Map();
    const quiet = feed([2_800n, 2_790n, 2_810n, 2_805n, 2_800n, 2_795n, 2_801n, 2_803n, 2_799n, 2_800n]);
    expect(await searchClaimRound({ feed: FEED, ...quiet, cover }, cache)).toBeNull();
    const first = quiet.reads.count;
    expect(first).toBeGreaterThan(0);
    expect(await searchClaimRound({ feed: FEED, ...quiet, cover }, cache)).toBeNull();
    expect(quiet.reads.count).toBe(first);
    // Another cover on the same feed is its own search.
    expect(await searchClaimRound({ feed: FEED, ...quiet, cover: { ...cover, strike: 2_795n * PRICE } }, cache)).toBeNull(); // one lone print at 2,795
    expect(quiet.reads.count).toBeGreaterThan(first);

    const crashed = feed([2_800n, 2_790n, 2_810n, 2_805n, 2_800n, 2_795n, 2_801n, 2_803n, 2_799n, 2_800n, 2_480n, 2_450n]);
    expect(await searchClaimRound({ feed: FEED, ...crashed, cover }, cache)).toBe(proxyRoundId(1n, 11n));
    expect(crashed.reads.count).toBeGreaterThan(0);
  });

  it('a transport failure is "unreadable" this once and searched again next time; too many rounds is kept', async () => {
    const cache: ClaimRoundCache = new Map();
    const healthy = feed([2_800n, 2_480n, 2_450n]);
    let down = true;
    const flaky: GetRound = async (id) => {
      if (down) throw new Error('HTTP request failed');
      return healthy.getRound(id);
    };
    expect(await searchClaimRound({ feed: FEED, getRound: flaky, latest: healthy.latest, cover }, cache)).toBe('unreadable');
    down = false;
    expect(await searchClaimRound({ feed: FEED, getRound: flaky, latest: healthy.latest, cover }, cache)).toBe(proxyRoundId(1n, 2n));

    const long = feed(Array.from({ length: 50 }, () => 2_800n));
    expect(await searchClaimRound({ feed: FEED, ...long, cover, maxReads: 5 }, cache)).toBe('unreadable');
    const reads = long.reads.count;
    expect(await searchClaimRound({ feed: FEED, ...long, cover, maxReads: 5 }, cache)).toBe('unreadable');
    expect(long.reads.count).toBe(reads);
  });
});
