import { describe, expect, it } from 'vitest';
import { indexerNotice, STALE_BLOCKS } from './indexerNotice';

describe('indexerNotice', () => {
  it('says nothing while history is healthy or only a few blocks behind', () => {
    expect(indexerNotice({ configured: true, down: false, behind: undefined })).toBeUndefined();
    expect(indexerNotice({ configured: true, down: false, behind: 0n })).toBeUndefined();
    expect(indexerNotice({ configured: true, down: false, behind: STALE_BLOCKS })).toBeUndefined();
  });

  it('says how far behind history is once it is visibly stale', () => {
    expect(indexerNotice({ configured: true, down: false, behind: STALE_BLOCKS + 1n })).toBe(
      'History is 6 blocks behind the chain; charts and activity will catch up.',
    );
  });

  it('says history is unavailable when the indexer is down, or not part of this network', () => {
    expect(indexerNotice({ configured: true, down: true, behind: 50n })).toMatch(/^History is unavailable right now/);
    expect(indexerNotice({ configured: false, down: false, behind: undefined })).toBe('History is not available on this network: live numbers only.');
  });
});
