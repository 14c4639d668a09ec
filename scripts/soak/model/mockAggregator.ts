// The soak's model of the local price feed, contracts/src/mocks/MockAggregator.sol (a local-only mock, so
// its model lives here rather than in lib/): phased round ids, `pushAnswer` at the block's time,
// `startNewPhase`, and the AggregatorV3 reads the oracle and market twins take (`latestRoundData`,
// `getRoundData`, reverting `MockAggregatorNoData` for a round never written).
import { addr } from '@/lib/mirror/actions/address';
import { ContractRevert } from '@/lib/mirror/evm';
import type { AggregatorV3, FeedRound } from '@/lib/mirror/actions/VolatilityOracle';

const MAX_INT160 = (1n << 159n) - 1n;
const MIN_INT160 = -(1n << 159n);
const MAX_UINT40 = (1n << 40n) - 1n;

export type FeedState = {
  readonly address: string;
  readonly owner: string;
  readonly phaseId: bigint;
  readonly aggregatorRoundId: bigint;
  /** Rounds by proxy id; every round here was written by `pushAnswer` (answeredInRound = its id). */
  readonly rounds: ReadonlyMap<bigint, { answer: bigint; startedAt: bigint; updatedAt: bigint }>;
  readonly lastInPhase: ReadonlyMap<bigint, bigint>;
};

export const proxyRoundId = (phase: bigint, aggRound: bigint) => (phase << 64n) | aggRound;

export function deployFeed(address: string, owner: string): FeedState {
  return { address: addr(address), owner: addr(owner), phaseId: 1n, aggregatorRoundId: 0n, rounds: new Map(), lastInPhase: new Map() };
}

function onlyOwner(s: FeedState, sender: string): void {
  if (addr(sender) !== s.owner) throw new ContractRevert('MockAggregator', 'OwnableUnauthorizedAccount', [addr(sender)]);
}

/** `pushAnswer(answer)`: the next round of the current phase, timestamped now. Returns its id. */
export function pushAnswer(s: FeedState, sender: string, now: bigint, answer: bigint): { feed: FeedState; roundId: bigint } {
  onlyOwner(s, sender);
  const agg = s.aggregatorRoundId + 1n;
  const roundId = proxyRoundId(s.phaseId, agg);
  if (answer < MIN_INT160 || answer > MAX_INT160 || now > MAX_UINT40)
    throw new ContractRevert('MockAggregator', 'MockAggregatorValueOutOfRange', [answer, now, now]);
  const rounds = new Map(s.rounds);
  rounds.set(roundId, { answer, startedAt: now, updatedAt: now });
  const lastInPhase = new Map(s.lastInPhase);
  lastInPhase.set(s.phaseId, agg);
  return { feed: { ...s, aggregatorRoundId: agg, rounds, lastInPhase }, roundId };
}

/** `startNewPhase()`: round ids restart at 1 in the next phase. */
export function startNewPhase(s: FeedState, sender: string): { feed: FeedState } {
  onlyOwner(s, sender);
  return { feed: { ...s, phaseId: s.phaseId + 1n, aggregatorRoundId: 0n } };
}

/** `latestRoundId()`: the current phase's latest round, else the last round of the newest older phase. */
export function latestRoundId(s: FeedState): bigint {
  if (s.aggregatorRoundId !== 0n) return proxyRoundId(s.phaseId, s.aggregatorRoundId);
  for (let p = s.phaseId - 1n; p > 0n; p--) {
    const last = s.lastInPhase.get(p) ?? 0n;
    if (last !== 0n) return proxyRoundId(p, last);
  }
  return 0n;
}

export function getRoundData(s: FeedState, id: bigint): FeedRound {
  const r = s.rounds.get(id);
  if (!r) throw new ContractRevert('MockAggregator', 'MockAggregatorNoData', [id]);
  return { roundId: id, answer: r.answer, startedAt: r.startedAt, updatedAt: r.updatedAt, answeredInRound: id };
}

/** The feed as the oracle and market twins read it. */
export function aggregator(s: FeedState): AggregatorV3 {
  return { latestRoundData: () => getRoundData(s, latestRoundId(s)), getRoundData: (id) => getRoundData(s, id) };
}
