import { describe, expect, it } from 'vitest';
import { zeroAddress } from 'viem';
import { convertToAssets } from '../mirror/BackstopPool';
import { portfolioTotal, positionValueDown, stakeEarnings } from './stake';

describe('stakeEarnings', () => {
  it('counts withdrawals as realised and the remaining value as unrealised', () => {
    expect(stakeEarnings(1_050n, { deposited: 1_000n, withdrawn: 0n })).toBe(50n);
    expect(stakeEarnings(500n, { deposited: 1_000n, withdrawn: 520n })).toBe(20n);
  });

  it('is negative after a loss', () => {
    expect(stakeEarnings(900n, { deposited: 1_000n, withdrawn: 0n })).toBe(-100n);
  });
});

describe('positionValueDown and portfolioTotal', () => {
  const USDC = 10n ** 6n;
  const SHARE = 10n ** 18n;
  const pool = { totalAssets: 1_100n * USDC, totalSupply: 1_000n * SHARE };
  const none = { requestId: 0n, shares: 0n, claimableAt: 0n, expiresAt: 0n, owner: zeroAddress, assetsAtRequest: 0n };
  it('free shares at the share price, escrowed shares at the lower of their value at request and now', () => {
    expect(positionValueDown(pool, 100n * SHARE, none)).toBe(convertToAssets(pool, 100n * SHARE));
    expect(convertToAssets(pool, 100n * SHARE)).toBeGreaterThan(109n * USDC);
    const request = { ...none, requestId: 1n, shares: 100n * SHARE, assetsAtRequest: 100n * USDC };
    expect(positionValueDown(pool, 0n, request)).toBe(100n * USDC); // gains after the request stay with the pool
    const afterLoss = { totalAssets: 900n * USDC, totalSupply: 1_000n * SHARE };
    expect(positionValueDown(afterLoss, 0n, request)).toBe(convertToAssets(afterLoss, 100n * SHARE)); // losses still count
    expect(positionValueDown(afterLoss, 0n, request)).toBeLessThan(100n * USDC);
  });
  it('adds every position to the wallet', () => {
    expect(portfolioTotal([110n, 90n], 5n)).toBe(205n);
    expect(portfolioTotal([], 0n)).toBe(0n);
  });
});
