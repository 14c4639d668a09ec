import { describe, expect, it } from 'vitest';
import { readPoolHistory } from './poolHistory';

describe('readPoolHistory', () => {
  it('without an indexer, says history is not configured and has none', async () => {
    expect(await readPoolHistory('junior', 10n, '')).toEqual({ health: { configured: false, down: false, behind: undefined }, apy: null, snapshots: null });
  });

  it('with the indexer away, never rejects: history is down and each part is null', async () => {
    expect(await readPoolHistory('senior', 10n, 'http://127.0.0.1:1')).toEqual({
      health: { configured: true, down: true, behind: undefined },
      apy: null,
      snapshots: null,
    });
  });
});
