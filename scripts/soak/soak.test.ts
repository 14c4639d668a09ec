// `npm test`'s protocol soak: 1,000 seeded random actions across every contract on a fresh anvil (the same
// engine as `npm run soak`, which runs 10,000), every outcome and every balance and accounting value the
// soak reads equal to what the twins predict — and every kind of action succeeded several times, so the
// run cannot pass by refusing everything.
import { describe, expect, it } from 'vitest';
import { KINDS, REFUSAL_ONLY } from './actions';
import { formatReport, runSoak } from './run';
import { DEFAULT_SEED } from './seed';

const ACTIONS = 1_000;
const MIN_PER_KIND = 3;

describe('protocol soak (1,000 actions)', () => {
  it('the chain does exactly what the model predicts, action after action, to the unit', async () => {
    const report = await runSoak({ actions: ACTIONS, seed: DEFAULT_SEED, fullEvery: 100 });
    console.log(formatReport(report).join('\n'));
    expect(report.mismatch).toBeNull();
    expect(report.outcomeComparisons).toBeGreaterThanOrEqual(ACTIONS * 0.9);
    expect(report.stateComparisons).toBeGreaterThan(100_000);
    for (const kind of KINDS) {
      const s = report.stats[kind];
      if (REFUSAL_ONLY.includes(kind)) expect(s.refused, `${kind} refused`).toBeGreaterThanOrEqual(MIN_PER_KIND);
      else expect(s.succeeded, `${kind} succeeded`).toBeGreaterThanOrEqual(MIN_PER_KIND);
    }
    // The refusals the hardening added were each predicted and seen at least once.
    const refusals = new Set(Object.values(report.stats).flatMap((s) => Object.keys(s.errors)));
    for (const error of [
      'CoverMarketAboveMaxUtilization',
      'CoverMarketStrikeTooFar',
      'CoverMarketPremiumAboveMax',
      'BackstopPoolNotOperator',
      'BackstopPoolCooldownActive',
      'TimelockUnexpectedOperationState',
    ]) {
      expect(refusals, error).toContain(error);
    }
  }, 600_000);
});
