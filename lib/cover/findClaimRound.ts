// Finds the round a cover can be claimed with, so the app can claim in one click.
// `checkClaimRound` is the twin of the proof `CoverMarket.claim` checks (`_checkTouch` in
// contracts/src/CoverMarket.sol): `confirmations` consecutive round ids from `roundId`, in one phase,
// each available, positive, complete, updated inside [start + activationDelay, end] and at/beyond the
// strike. `findClaimRound` returns the first such round in time, reading as few rounds as it can.

/** One Chainlink round as `getRoundData` returns it. */
export type Round = { roundId: bigint; answer: bigint; startedAt: bigint; updatedAt: bigint; answeredInRound: bigint };

/**
 * Reads round `roundId` of the cover's feed; `null` when the feed has no such round (`getRoundData`
 * reverted), like the contract's `CoverMarketRoundUnavailable`. Inject a viem read (or a fake) here.
 */
export type GetRound = (roundId: bigint) => Promise<Round | null>;

/** The cover terms a claim is judged against (`coverInfo` + the product's claim terms). */
export type ClaimTerms = {
  direction: 'Down' | 'Up';
  strike: bigint;
  start: bigint;
  end: bigint;
  activationDelay: bigint;
  confirmations: number;
};

export type ClaimRejection =
  | { errorName: 'CoverMarketInvalidRoundId'; roundId: bigint }
  | { errorName: 'CoverMarketRoundsCrossPhase'; roundId: bigint }
  | { errorName: 'CoverMarketRoundUnavailable'; roundId: bigint }
  | { errorName: 'CoverMarketNonPositiveAnswer'; roundId: bigint }
  | { errorName: 'CoverMarketIncompleteRound'; roundId: bigint }
  | { errorName: 'CoverMarketRoundOutsideWindow'; roundId: bigint }
  | { errorName: 'CoverMarketStrikeNotReached'; roundId: bigint };

/** Thrown when a search would read more than `maxReads` rounds (the app should say so, not claim "no touch"). */
export class FindClaimRoundBudgetExceeded extends Error {
  constructor(readonly maxReads: number) {
    super(`findClaimRound: more than ${maxReads} round reads`);
  }
}

const AGG_BITS = 64n;
const AGG_MASK = (1n << AGG_BITS) - 1n;

/** A proxy round id: the phase in bits 64–79, the aggregator's round in bits 0–63. */
export const proxyRoundId = (phase: bigint, aggregatorRound: bigint): bigint => (phase << AGG_BITS) | aggregatorRound;
export const phaseOf = (roundId: bigint): bigint => roundId >> AGG_BITS;
export const aggregatorRoundOf = (roundId: bigint): bigint => roundId & AGG_MASK;

/** Why one round cannot be part of a proof for `terms` (null: it can), in the contract's order. */
function roundRejection(id: bigint, r: Round | null, terms: ClaimTerms): ClaimRejection['errorName'] | null {
  if (r === null || r.roundId !== id) return 'CoverMarketRoundUnavailable';
  if (r.answer <= 0n) return 'CoverMarketNonPositiveAnswer';
  if (r.startedAt === 0n || r.answeredInRound < id) return 'CoverMarketIncompleteRound';
  if (r.updatedAt < terms.start + terms.activationDelay || r.updatedAt > terms.end) return 'CoverMarketRoundOutsideWindow';
  const reached = terms.direction === 'Up' ? r.answer >= terms.strike : r.answer <= terms.strike;
  return reached ? null : 'CoverMarketStrikeNotReached';
}

/**
 * Why `claim(tokenId, roundId)` would revert for a cover with `terms` (null: it would pay).
 * Mirrors `CoverMarket._checkTouch` check for check (cover state, deadline and sequencer aside).
 */
export async function checkClaimRound(getRound: GetRound, terms: ClaimTerms, roundId: bigint): Promise<ClaimRejection | null> {
  const agg = aggregatorRoundOf(roundId);
  const c = BigInt(terms.confirmations);
  if (phaseOf(roundId) === 0n || agg === 0n) return { errorName: 'CoverMarketInvalidRoundId', roundId };
  if (agg + c - 1n > AGG_MASK) return { errorName: 'CoverMarketRoundsCrossPhase', roundId };
  for (let i = 0n; i < c; i++) {
    const id = roundId + i;
    const why = roundRejection(id, await getRound(id), terms);
    if (why) return { errorName: why, roundId: id };
  }
  return null;
}

/**
 * The first round id (in time) from which `claim` pays `cover`, or null if no published round proves a
 * touch yet. Respects phases: rounds of an older phase count, but a run of confirmations never spans two
 * phases. Reads O(log n) rounds to locate the window (binary search on `updatedAt`, which Chainlink keeps
 * non-decreasing within a phase) and then scans the window forward, skipping past any round that breaks
 * a run; older phases are only opened if the window reaches back into them.
 *
 * @param latestRoundId The feed's `latestRoundData().roundId`.
 * @param maxReads Upper bound on `getRound` calls; exceeding it throws `FindClaimRoundBudgetExceeded`.
 */
export async function findClaimRound(args: { getRound: GetRound; cover: ClaimTerms; latestRoundId: bigint; maxReads?: number }): Promise<bigint | null> {
  const { cover, latestRoundId } = args;
  const maxReads = args.maxReads ?? 20_000;
  const c = BigInt(cover.confirmations);
  const windowStart = cover.start + cover.activationDelay;
  const cache = new Map<bigint, Round | null>();
  let reads = 0;
  const read = async (id: bigint): Promise<Round | null> => {
    if (cache.has(id)) return cache.get(id)!;
    if (++reads > maxReads) throw new FindClaimRoundBudgetExceeded(maxReads);
    const r = await args.getRound(id);
    const v = r && r.roundId === id ? r : null;
    cache.set(id, v);
    return v;
  };
  /** A readable round updated before the window: neither it nor anything before it in its phase counts. */
  const beforeWindow = (r: Round | null) => r !== null && r.updatedAt < windowStart;

  /** The last aggregator round of an older phase: exponential probe, then binary search. */
  const lastRoundOf = async (phase: bigint): Promise<bigint> => {
    if ((await read(proxyRoundId(phase, 1n))) === null) return 0n;
    let lo = 1n; // exists
    let hi = 2n;
    while (hi <= AGG_MASK && (await read(proxyRoundId(phase, hi))) !== null) {
      lo = hi;
      hi *= 2n;
    }
    if (hi > AGG_MASK) hi = AGG_MASK + 1n;
    while (hi - lo > 1n) {
      const mid = (lo + hi) / 2n;
      if ((await read(proxyRoundId(phase, mid))) !== null) lo = mid;
      else hi = mid;
    }
    return lo;
  };

  // Phases whose rounds may fall in the window, newest first.
  const segments: { phase: bigint; last: bigint }[] = [];
  const latestPhase = phaseOf(latestRoundId);
  for (let phase = latestPhase; phase >= 1n; phase--) {
    const last = phase === latestPhase ? aggregatorRoundOf(latestRoundId) : await lastRoundOf(phase);
    if (last === 0n) continue;
    if (beforeWindow(await read(proxyRoundId(phase, last)))) break; // this phase and older ones end before the window
    segments.push({ phase, last });
    if (beforeWindow(await read(proxyRoundId(phase, 1n)))) break; // the window starts inside this phase
  }

  for (const { phase, last } of segments.reverse()) {
    // First round not known to be before the window (unreadable rounds count as "maybe inside": the
    // scan then starts earlier, never later).
    let lo = 1n;
    let hi = last + 1n;
    while (lo < hi) {
      const mid = (lo + hi) / 2n;
      if (beforeWindow(await read(proxyRoundId(phase, mid)))) lo = mid + 1n;
      else hi = mid;
    }
    let i = lo;
    scan: while (i + c - 1n <= last) {
      for (let j = 0n; j < c; j++) {
        const id = proxyRoundId(phase, i + j);
        const r = await read(id);
        if (roundRejection(id, r, cover) === null) continue;
        // Round i + j breaks every run that contains it. A complete round after the end means every
        // later round (in this phase and in newer phases) is after the end too: nothing can qualify.
        if (r !== null && r.startedAt !== 0n && r.updatedAt > cover.end) return null;
        i = i + j + 1n;
        continue scan;
      }
      return proxyRoundId(phase, i);
    }
  }
  return null;
}
