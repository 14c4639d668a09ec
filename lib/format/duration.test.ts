import { describe, expect, it } from 'vitest';
import { formatChainTime, formatDuration, formatTimestamp } from './duration';
import { chainNow } from '../time/chainClock';

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(7n * 86_400n - 1n)).toBe('6 d 23 h');
    expect(formatDuration(4n * 3_600n + 5n * 60n)).toBe('4 h 05 min');
    expect(formatDuration(125n)).toBe('2 min 05 s');
    expect(formatDuration(42n)).toBe('42 s');
    expect(formatDuration(-3n)).toBe('0 s');
  });
});

describe('formatTimestamp', () => {
  it('is UTC to the minute', () => {
    expect(formatTimestamp(0n)).toBe('1970-01-01 00:00 UTC');
  });
  it('says a block timestamp is chain time', () => {
    expect(formatChainTime(1_700_006_400n)).toBe('2023-11-15 00:00 UTC (chain time)');
  });
});

describe('chainNow', () => {
  it('runs forward from the anchor block with the wall clock and never before it', () => {
    const anchor = { blockTimestamp: 1_000n, observedAtMs: 50_000 };
    expect(chainNow(anchor, 50_000)).toBe(1_000n);
    expect(chainNow(anchor, 52_999)).toBe(1_002n);
    expect(chainNow(anchor, 10_000)).toBe(1_000n);
  });
});
