import { describe, expect, it } from 'vitest';
import { decodeCoverStatus, decodeDirection, decodeWaterfallLayer } from './enums';

describe('enums', () => {
  it('decode in declaration order and refuse what the contract cannot send', () => {
    expect([0, 1].map(decodeDirection)).toEqual(['Down', 'Up']);
    expect([0n, 1n].map(decodeWaterfallLayer)).toEqual(['Junior', 'Senior']);
    expect(decodeCoverStatus(3)).toBe('claimed');
    expect(() => decodeDirection(2)).toThrow(RangeError);
  });
});
