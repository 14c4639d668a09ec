import { describe, expect, it } from 'vitest';
import { coverHref, coverPrefill, readCoverPrefill } from './coverLink';

describe('coverPrefill / coverHref / readCoverPrefill', () => {
  it('writes the exact liquidation price as the strike, Down for a long, Up for a short', () => {
    const p = coverPrefill(true, 273_150_000_001n, 900_123_456n, 8, 6);
    expect(p).toEqual({ direction: 'Down', strike: '2731.50000001', payout: '900.13', durationDays: '7' });
    expect(coverHref(p)).toBe('/cover?direction=Down&strike=2731.50000001&payout=900.13&days=7');
    expect(coverPrefill(false, 330_000_000_000n, 1n, 8, 6, 3).direction).toBe('Up');
  });

  it('round-trips through the query and ignores malformed fields', () => {
    const p = coverPrefill(false, 330_012_345_678n, 50_000_000n, 8, 6);
    expect(readCoverPrefill(new URL(`http://x${coverHref(p)}`).searchParams)).toEqual(p);
    expect(readCoverPrefill(new URLSearchParams('direction=Sideways&strike=-5&payout=1e3&days=7'))).toEqual({ durationDays: '7' });
  });
});
