import { describe, expect, it } from 'vitest';
import { blocksBehind, parseEvent, parseSnapshot } from './indexerApi';
import { eventLabel } from './eventCopy';

describe('indexer API parsing', () => {
  it('turns decimal strings into exact bigints, beyond 2^53', () => {
    const s = parseSnapshot({ blockNumber: '7', timestamp: '1700000000', totalAssets: '123456789012345678901', totalSupply: '1', lockedAssets: '0', unearnedPremium: '5', freeAssets: '9', sharePrice: '1000000' });
    expect(s.totalAssets).toBe(123456789012345678901n);
    expect(s.unearnedPremium).toBe(5n);
  });

  it('keeps missing amounts as null, not zero', () => {
    const e = parseEvent({ id: 'a', kind: 'fees', contract: '0x01', account: null, assets: null, shares: '3', blockNumber: '1', timestamp: '2', txHash: '0xab' });
    expect(e.assets).toBeNull();
    expect(e.shares).toBe(3n);
  });

  it('counts blocks behind, never negative', () => {
    expect(blocksBehind(10n, 7n)).toBe(3n);
    expect(blocksBehind(7n, 10n)).toBe(0n);
  });

  it('labels known kinds and spells out unknown ones', () => {
    expect(eventLabel('shortfall')).toBe('Shortfall absorbed');
    expect(eventLabel('some-new-kind')).toBe('some new kind');
  });
});

describe('eventAmount', () => {
  it('shows assets, else shares, else nothing', async () => {
    const { eventAmount } = await import('./eventCopy');
    expect(eventAmount({ assets: 1_234_500_000n, shares: 5n })).toBe('1,234.5 USDC');
    expect(eventAmount({ assets: null, shares: 2n * 10n ** 18n })).toBe('2 shares');
    expect(eventAmount({ assets: null, shares: null })).toBe('');
  });
});
