// The claim-round search as the server runs it on every render of the portfolio: a cover's answer depends
// only on its terms and the feed's rounds up to the latest, and a published round never changes, so one
// search per (cover terms, latest round) is kept and reused until the feed publishes again (the portfolio
// renders every 4 s; a feed publishes far less often). Only answers the feed gave are kept: a read that
// failed in transport (the RPC away) says "unreadable" this once and is searched again on the next render,
// never remembered as "no touch".
import type { Address } from 'viem';
import { type ClaimTerms, FindClaimRoundBudgetExceeded, findClaimRound, type GetRound } from '../cover/findClaimRound';

/** The search's answer: the first round `claim` pays with, null for no touch yet, 'unreadable' when it could not tell. */
export type ClaimRoundAnswer = bigint | null | 'unreadable';

/** The feed's latest round as `latestRoundData` gave it (a new one starts a new search). */
export type LatestRound = { roundId: bigint; answer: bigint; updatedAt: bigint };

export type ClaimRoundCache = Map<string, Promise<ClaimRoundAnswer>>;

/** Round reads one search may make: the window located in O(log n), then scanned forward. */
export const CLAIM_SEARCH_MAX_READS = 2_000;
const MAX_KEPT = 512;
const serverSearches: ClaimRoundCache = new Map();

export function searchClaimRound(
  args: { feed: Address; getRound: GetRound; latest: LatestRound; cover: ClaimTerms; maxReads?: number },
  cache: ClaimRoundCache = serverSearches,
): Promise<ClaimRoundAnswer> {
  const { feed, latest, cover } = args;
  const key = [
    feed.toLowerCase(),
    latest.roundId,
    latest.answer,
    latest.updatedAt,
    cover.direction,
    cover.strike,
    cover.start,
    cover.end,
    cover.activationDelay,
    cover.confirmations,
  ].join(':');
  const kept = cache.get(key);
  if (kept) return kept;
  const search = findClaimRound({ getRound: args.getRound, latestRoundId: latest.roundId, cover, maxReads: args.maxReads ?? CLAIM_SEARCH_MAX_READS }).catch(
    (error: unknown): ClaimRoundAnswer => {
      // Too many rounds to read is an answer about this feed (kept); anything else is forgotten.
      if (!(error instanceof FindClaimRoundBudgetExceeded)) cache.delete(key);
      return 'unreadable';
    },
  );
  cache.set(key, search);
  // Oldest first out: a Map iterates in insertion order.
  while (cache.size > MAX_KEPT) cache.delete(cache.keys().next().value as string);
  return search;
}
