// Whole-action twin of VolatilityOracle (contracts/src/VolatilityOracle.sol): `poke` folds the feed's new
// rounds into the EWMA variance one `ewmaUpdate` step at a time (lib/oracle/ewma.ts), with ln and √ from
// lib/math/fixedPointMath.ts, the same skips, the same 32-round bound and the same clamp; the governance
// setters with their bounds. Pure transitions: state in, new state and the return value out, or the
// custom error the contract reverts with. Proven against the deployed oracle by the protocol soak
// (scripts/soak): `volatility()`, `variance()` and `lastLnAnswer()` after every poke, to the wei.
import { addr } from './address';
import { ContractRevert } from '../evm';
import { lnWad, sqrtWad } from '../FixedPointMath';
import { ewmaUpdate } from '../Ewma';

export const MAX_ROUNDS_PER_POKE = 32n;
export const MIN_SIGMA_FLOOR = 10n ** 16n;
export const MAX_SIGMA_CAP = 10n * 10n ** 18n;
export const MIN_HEARTBEAT = 60n;
export const MAX_HEARTBEAT = 7n * 86_400n;

/** One Chainlink round as `latestRoundData` / `getRoundData` return it. */
export type FeedRound = { roundId: bigint; answer: bigint; startedAt: bigint; updatedAt: bigint; answeredInRound: bigint };

/** A Chainlink AggregatorV3 as the oracle reads it; each method throws the feed's revert (e.g. no such round). */
export type AggregatorV3 = { latestRoundData(): FeedRound; getRoundData(roundId: bigint): FeedRound };

export type OracleState = {
  readonly address: string;
  readonly owner: string;
  readonly lastLnAnswer: bigint;
  readonly lastRoundId: bigint;
  readonly lastUpdatedAt: bigint;
  /** `_sigma`: the clamped √variance, rewritten with every change of the variance or the bounds. */
  readonly sigma: bigint;
  readonly variance: bigint;
  readonly sigmaFloor: bigint;
  readonly sigmaCap: bigint;
  readonly heartbeat: bigint;
};

/** `_clamp(v)`: √v (WAD, rounded down) within [floor, cap]. */
export function clampSigma(variance: bigint, sigmaFloor: bigint, sigmaCap: bigint): bigint {
  const s = sqrtWad(variance);
  return s < sigmaFloor ? sigmaFloor : s > sigmaCap ? sigmaCap : s;
}

function checkBounds(sigmaFloor: bigint, sigmaCap: bigint): void {
  if (sigmaFloor < MIN_SIGMA_FLOOR || sigmaCap > MAX_SIGMA_CAP || sigmaFloor > sigmaCap) {
    throw new ContractRevert('VolatilityOracle', 'VolatilityOracleInvalidBounds', [sigmaFloor, sigmaCap]);
  }
}

function checkHeartbeat(heartbeat: bigint): void {
  if (heartbeat < MIN_HEARTBEAT || heartbeat > MAX_HEARTBEAT) throw new ContractRevert('VolatilityOracle', 'VolatilityOracleInvalidHeartbeat', [heartbeat]);
}

/** The constructor: seed variance initialSigma² / 1e18, nothing folded yet. */
export function deployOracle(args: {
  address: string;
  owner: string;
  initialSigma: bigint;
  sigmaFloor: bigint;
  sigmaCap: bigint;
  heartbeat: bigint;
}): OracleState {
  checkBounds(args.sigmaFloor, args.sigmaCap);
  checkHeartbeat(args.heartbeat);
  if (args.initialSigma < args.sigmaFloor || args.initialSigma > args.sigmaCap) {
    throw new ContractRevert('VolatilityOracle', 'VolatilityOracleInvalidInitialSigma', [args.initialSigma]);
  }
  const variance = (args.initialSigma * args.initialSigma) / 10n ** 18n;
  return {
    address: addr(args.address),
    owner: addr(args.owner),
    lastLnAnswer: 0n,
    lastRoundId: 0n,
    lastUpdatedAt: 0n,
    sigma: clampSigma(variance, args.sigmaFloor, args.sigmaCap),
    variance,
    sigmaFloor: args.sigmaFloor,
    sigmaCap: args.sigmaCap,
    heartbeat: args.heartbeat,
  };
}

/** `volatility()`: σ, the time of the last folded round, its id. */
export function volatility(s: OracleState): { sigma: bigint; updatedAt: bigint; roundId: bigint } {
  return { sigma: s.sigma, updatedAt: s.lastUpdatedAt, roundId: s.lastRoundId };
}

/**
 * `poke()` at `now`: the latest round must be complete, positive and within `heartbeat`; the first poke
 * anchors at it; later pokes fold up to 32 rounds after the last one (crossing to round 1 of the latest
 * phase), skipping non-positive, incomplete and not-newer rounds. Returns the rounds walked.
 */
export function poke(s: OracleState, feed: AggregatorV3, now: bigint): { oracle: OracleState; rounds: bigint } {
  const latest = feed.latestRoundData();
  if (latest.startedAt === 0n || latest.updatedAt === 0n || latest.answeredInRound < latest.roundId) {
    throw new ContractRevert('VolatilityOracle', 'VolatilityOracleIncompleteRound', [latest.roundId, latest.startedAt, latest.answeredInRound]);
  }
  if (latest.answer <= 0n) throw new ContractRevert('VolatilityOracle', 'VolatilityOracleNonPositiveAnswer', [latest.roundId, latest.answer]);
  if (latest.updatedAt + s.heartbeat < now)
    throw new ContractRevert('VolatilityOracle', 'VolatilityOracleStalePrice', [latest.roundId, latest.updatedAt, s.heartbeat]);

  let id = s.lastRoundId;
  if (id === 0n) {
    return { oracle: { ...s, lastRoundId: latest.roundId, lastUpdatedAt: latest.updatedAt, lastLnAnswer: lnWad(latest.answer) }, rounds: 1n };
  }
  const latestPhase = latest.roundId >> 64n;
  if (id >= latest.roundId) return { oracle: s, rounds: 0n };

  let v = s.variance;
  let lastLn = s.lastLnAnswer;
  let lastAt = s.lastUpdatedAt;
  let rounds = 0n;
  while (rounds < MAX_ROUNDS_PER_POKE && id !== latest.roundId) {
    id = id >> 64n === latestPhase ? id + 1n : (latestPhase << 64n) | 1n;
    rounds++;
    const r = id === latest.roundId ? latest : feed.getRoundData(id);
    if (r.answer <= 0n) continue; // skipped: NonPositiveAnswer
    if (r.startedAt === 0n || r.updatedAt === 0n || r.answeredInRound < id) continue; // skipped: Incomplete
    if (r.updatedAt <= lastAt) continue; // skipped: NotNewer
    const ln = lnWad(r.answer);
    v = ewmaUpdate(v, ln - lastLn, r.updatedAt - lastAt);
    lastLn = ln;
    lastAt = r.updatedAt;
  }
  const oracle: OracleState = {
    ...s,
    lastLnAnswer: lastLn,
    variance: v,
    lastRoundId: id,
    lastUpdatedAt: BigInt.asUintN(64, lastAt),
    sigma: clampSigma(v, s.sigmaFloor, s.sigmaCap),
  };
  return { oracle, rounds };
}

function onlyOwner(s: OracleState, sender: string): void {
  if (addr(sender) !== s.owner) throw new ContractRevert('VolatilityOracle', 'OwnableUnauthorizedAccount', [addr(sender)]);
}

/** `setSigmaBounds(floor, cap)`: σ is re-clamped at once. */
export function setSigmaBounds(s: OracleState, sender: string, sigmaFloor: bigint, sigmaCap: bigint): { oracle: OracleState } {
  onlyOwner(s, sender);
  checkBounds(sigmaFloor, sigmaCap);
  return { oracle: { ...s, sigmaFloor, sigmaCap, sigma: clampSigma(s.variance, sigmaFloor, sigmaCap) } };
}

/** `setHeartbeat(heartbeat)`. */
export function setHeartbeat(s: OracleState, sender: string, heartbeat: bigint): { oracle: OracleState } {
  onlyOwner(s, sender);
  checkHeartbeat(heartbeat);
  return { oracle: { ...s, heartbeat } };
}
