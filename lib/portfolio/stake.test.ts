import { describe, expect, it } from 'vitest';
import { stakeEarnings } from './stake';

describe('stakeEarnings', () => {
  it('counts withdrawals as realised and the remaining value as unrealised', () => {
    expect(stakeEarnings(1_050n, { deposited: 1_000n, withdrawn: 0n })).toBe(50n);
    expect(stakeEarnings(500n, { deposited: 1_000n, withdrawn: 520n })).toBe(20n);
  });

  it('is negative after a loss', () => {
    expect(stakeEarnings(900n, { deposited: 1_000n, withdrawn: 0n })).toBe(-100n);
  });
});
