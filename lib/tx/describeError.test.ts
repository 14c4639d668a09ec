import { describe, expect, it } from 'vitest';
import { ContractFunctionRevertedError, encodeErrorResult, HttpRequestError, UserRejectedRequestError, BaseError } from 'viem';
import { protocolErrorsAbi } from '@/contracts-abi';
import { describeError, describeRevertData } from './describeError';
import { describeRevert, hasSentence } from './revertSentences';

describe('describeError', () => {
  it('says a rejection plainly', () => {
    const error = new BaseError('wrapped', { cause: new UserRejectedRequestError(new Error('User denied')) });
    expect(describeError(error)).toEqual({ kind: 'rejected', message: 'You rejected the transaction. Nothing was sent.' });
  });

  it('decodes a custom error with its values', () => {
    const data = encodeErrorResult({ abi: protocolErrorsAbi, errorName: 'TestUSDCFaucetCapExceeded', args: [20_000_000_000n, 10_000_000_000n] });
    const error = new ContractFunctionRevertedError({ abi: protocolErrorsAbi, data, functionName: 'faucet' });
    expect(describeError(error).message).toBe('The faucet gives at most 10,000 USDC per request; you asked for 20,000 USDC.');
    expect(describeRevertData(data)).toBe('The faucet gives at most 10,000 USDC per request; you asked for 20,000 USDC.');
  });

  it('says when a spent mint budget frees up', () => {
    const data = encodeErrorResult({
      abi: protocolErrorsAbi,
      errorName: 'RecapitalizerMintBudgetSpent',
      args: [5_000_000n * 10n ** 18n, 5_000_000n * 10n ** 18n, 1_700_092_800n],
    });
    expect(describeRevertData(data)).toBe(
      'Auctions may mint at most 5,000,000 BKS in any 24 hours and have minted 5,000,000 BKS: BKS can be bought again from 2023-11-16 00:00 UTC (chain time).',
    );
  });

  it("says in words why a wiped-out layer or a stranger's request is refused", () => {
    const floor = encodeErrorResult({ abi: protocolErrorsAbi, errorName: 'BackstopPoolSharePriceBelowFloor', args: [3n, 10n ** 24n] });
    expect(describeRevertData(floor)).toMatch(/lost nearly all its capital .* takes no new deposits/);
    const notOperator = encodeErrorResult({
      abi: protocolErrorsAbi,
      errorName: 'BackstopPoolNotOperator',
      args: ['0x0000000000000000000000000000000000000bad', '0x000000000000000000000000000000000000f00d'],
    });
    expect(describeRevertData(notOperator)).toMatch(/withdrawal request in its name/);
  });

  it('names an unmapped protocol error in words rather than hex', () => {
    const data = encodeErrorResult({ abi: protocolErrorsAbi, errorName: 'SafeERC20FailedOperation', args: ['0x0000000000000000000000000000000000000001'] });
    expect(describeRevertData(data)).toBe('The contract refused the transaction (safe erc20 failed operation).');
  });

  it('says in words that no wallet extension was found (wagmi ProviderNotFoundError)', () => {
    const error = Object.assign(new Error('Provider not found.\n\nVersion: @wagmi/core@3.0.0'), { name: 'ProviderNotFoundError' });
    const described = describeError(error);
    expect(described.kind).toBe('no-wallet');
    expect(described.message).toMatch(/^No wallet extension was found in this browser\./);
    expect(described.message).not.toMatch(/Version|wagmi/);
  });

  it('recognises an unreachable RPC', () => {
    const error = new HttpRequestError({ url: 'http://127.0.0.1:1', body: {} });
    expect(describeError(error).kind).toBe('network');
  });
});

describe('issue 13 errors in words', () => {
  const say = (errorName: string, args: readonly unknown[]) => {
    const data = encodeErrorResult({ abi: protocolErrorsAbi, errorName, args } as Parameters<typeof encodeErrorResult>[0]);
    return describeError(new ContractFunctionRevertedError({ abi: protocolErrorsAbi, data, functionName: 'buyCover' })).message;
  };
  it('names the ceiling, the strike range and σ behind', () => {
    expect(say('CoverMarketAboveMaxUtilization', [5_000_000_000n, 1_234_500_000n])).toMatch(/at most 1,234\.5 USDC of cover can be sold from this pool now/);
    expect(say('CoverMarketStrikeTooFar', [100_00000000n, 750_00000000n])).toMatch(/strike range of this cover ends at 750 USD/);
    expect(say('CoverMarketVolatilityBehind', [1n, 2n])).toMatch(/Volatility has not caught up/);
    expect(say('BackstopPoolAboveMaxUtilization', [2n, 1_000_000n])).toMatch(/ceiling/);
    expect(say('BackstopPoolMaxUtilizationOutOfBounds', [9_600n, 1_000n, 9_500n])).toMatch(/96% is outside the allowed 10% to 95%/);
    expect(say('BackstopPoolLockNotReleased', [1n, 0n])).toMatch(/still locked/);
  });
});

describe('the venue’s errors', () => {
  it('have a sentence each (every PerpVenue / PerpMath custom error the ABI declares)', () => {
    const names = protocolErrorsAbi.filter((e) => e.type === 'error' && /^Perp(Venue|Math)/.test(e.name)).map((e) => e.name);
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((n) => !hasSentence(n))).toEqual([]);
  });
  it('say what the venue would refuse in plain words', () => {
    expect(describeRevert('PerpVenueBelowInitialMargin', [300_000_000n, 378_300_000n])).toMatch(
      /Over the leverage allowed now: the margin left \(300 USDC\) is below .* \(378\.3 USDC\)/,
    );
    expect(describeRevert('PerpVenueSideMismatch', ['0x0000000000000000000000000000000000000001', true])).toBe(
      'You hold a short: close it before opening a long (one position per account).',
    );
  });
});
