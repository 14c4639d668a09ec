import { describe, expect, it } from 'vitest';
import { coverView } from './coverStatus';

describe('coverView', () => {
  it('maps the contract status and a found round to what the holder sees', () => {
    expect(coverView(1, null)).toBe('active');
    expect(coverView(1, 5n)).toBe('triggered');
    expect(coverView(3, null)).toBe('paid');
    expect(coverView(2, 5n)).toBe('expired');
    expect(coverView(4, null)).toBe('expired');
  });
});
