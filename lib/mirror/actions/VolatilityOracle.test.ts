import { describe, expect, it } from 'vitest';
import { ContractRevert } from '../evm';
import { lnWad, sqrtWad } from '../FixedPointMath';
import { ewmaUpdate } from '../Ewma';
import * as oracle from './VolatilityOracle';
import type { AggregatorV3, FeedRound } from './VolatilityOracle';

const WAD = 10n ** 18n;
const ORACLE = '0x00000000000000000000000000000000000000a1';
const OWNER = '0x00000000000000000000000000000000000000b2';
const T0 = 2_000_000_000n;

/** A phase-1 feed with rounds 1..n at the given answers, one every `step` seconds from T0. */
function feed(answers: bigint[], step = 600n): AggregatorV3 {
  const rounds: FeedRound[] = answers.map((answer, i) => {
    const roundId = (1n << 64n) | BigInt(i + 1);
    const t = T0 + BigInt(i) * step;
    return { roundId, answer, startedAt: t, updatedAt: t, answeredInRound: roundId };
  });
  const byId = new Map(rounds.map((r) => [r.roundId, r]));
  return {
    latestRoundData: () => rounds[rounds.length - 1]!,
    getRoundData: (id) => {
      const r = byId.get(id);
      if (!r) throw new ContractRevert('VolatilityOracle', 'MockAggregatorNoData', [id]);
      return r;
    },
  };
}

const deployed = () =>
  oracle.deployOracle({ address: ORACLE, owner: OWNER, initialSigma: 8n * 10n ** 17n, sigmaFloor: 10n ** 17n, sigmaCap: 3n * WAD, heartbeat: 3_600n });

describe('VolatilityOracle whole-action twin', () => {
  it('seeds σ from the initial value; the first poke anchors at the latest round', () => {
    const o = deployed();
    expect(o.variance).toBe((8n * 10n ** 17n) ** 2n / WAD);
    expect(o.sigma).toBe(sqrtWad(o.variance));
    const f = feed([3_000n * 10n ** 8n]);
    const r = oracle.poke(o, f, T0 + 10n);
    expect(r.rounds).toBe(1n);
    expect(r.oracle).toMatchObject({ lastRoundId: (1n << 64n) | 1n, lastUpdatedAt: T0, lastLnAnswer: lnWad(3_000n * 10n ** 8n), variance: o.variance });
    expect(oracle.poke(r.oracle, f, T0 + 20n)).toEqual({ oracle: r.oracle, rounds: 0n });
  });

  it('folds every new round with one ewmaUpdate step each, skipping non-positive prints', () => {
    const answers = [3_000n, 3_030n, 0n, 2_990n, 3_100n].map((p) => p * 10n ** 8n);
    const f = feed(answers);
    const anchored = oracle.poke(deployed(), feed(answers.slice(0, 1)), T0).oracle;
    const r = oracle.poke(anchored, f, T0 + 2_500n);
    expect(r.rounds).toBe(4n);
    let v = anchored.variance;
    let last = { ln: lnWad(answers[0]!), at: T0 };
    for (const [i, a] of answers.entries()) {
      if (i === 0 || a <= 0n) continue;
      const at = T0 + BigInt(i) * 600n;
      v = ewmaUpdate(v, lnWad(a) - last.ln, at - last.at);
      last = { ln: lnWad(a), at };
    }
    expect(r.oracle.variance).toBe(v);
    expect(r.oracle.sigma).toBe(oracle.clampSigma(v, 10n ** 17n, 3n * WAD));
    expect(r.oracle.lastRoundId).toBe((1n << 64n) | 5n);
  });

  it('walks at most 32 rounds per poke; the next poke continues', () => {
    const answers = Array.from({ length: 40 }, (_, i) => BigInt(3_000 + (i % 3) * 10) * 10n ** 8n);
    const f = feed(answers, 60n);
    const anchored = oracle.poke(deployed(), feed(answers.slice(0, 1)), T0).oracle;
    const first = oracle.poke(anchored, f, T0 + 2_400n);
    expect(first.rounds).toBe(32n);
    expect(first.oracle.lastRoundId).toBe((1n << 64n) | 33n);
    const second = oracle.poke(first.oracle, f, T0 + 2_400n);
    expect(second.rounds).toBe(7n);
  });

  it('refuses a stale or non-positive latest round, and out-of-bounds settings', () => {
    const f = feed([3_000n * 10n ** 8n]);
    expect(() => oracle.poke(deployed(), f, T0 + 3_601n)).toThrowError('VolatilityOracleStalePrice');
    expect(() => oracle.poke(deployed(), feed([0n]), T0)).toThrowError('VolatilityOracleNonPositiveAnswer');
    expect(() => oracle.setHeartbeat(deployed(), OWNER, 59n)).toThrowError('VolatilityOracleInvalidHeartbeat');
    expect(() => oracle.setHeartbeat(deployed(), ORACLE, 600n)).toThrowError('OwnableUnauthorizedAccount');
    const bounded = oracle.setSigmaBounds(deployed(), OWNER, WAD, 2n * WAD).oracle;
    expect(bounded.sigma).toBe(WAD); // re-clamped at once
  });
});
