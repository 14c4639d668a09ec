import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capitalBarBps, capitalBreakdown } from './capital';

describe('capitalBreakdown', () => {
  it('splits total assets into free and locked and reports utilization', () => {
    const b = capitalBreakdown({ totalAssets: 1_000n, lockedAssets: 250n, unearnedPremium: 50n, freeAssets: 750n });
    expect(b.freeAssets).toBe(750n);
    expect(b.heldAssets).toBe(1_050n);
    expect(b.utilizationWad).toBe(25n * 10n ** 16n);
  });

  it('treats an empty pool as 0 % utilised', () => {
    expect(capitalBreakdown({ totalAssets: 0n, lockedAssets: 0n, unearnedPremium: 0n, freeAssets: 0n }).utilizationWad).toBe(0n);
  });

  it('bar widths never exceed the whole (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        (total, lockedRaw, unearned) => {
          const locked = lockedRaw > total ? total : lockedRaw;
          const bars = capitalBarBps(capitalBreakdown({ totalAssets: total, lockedAssets: locked, unearnedPremium: unearned, freeAssets: total - locked }));
          expect(bars.free + bars.locked + bars.unearned).toBeLessThanOrEqual(10_000);
          expect(Math.min(bars.free, bars.locked, bars.unearned)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
