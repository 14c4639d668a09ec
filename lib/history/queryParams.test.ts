import { describe, expect, it } from 'vitest';
import { checkAddress, checkLimit, checkPool } from './queryParams';

const pools = { junior: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', senior: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0' } as const;

describe('indexer query parameters', () => {
  it('accepts and checksums addresses; refuses malformed ones', () => {
    expect(checkAddress('0xe7f1725e7734ce288f8367e1bb143e90bb3f0512')).toEqual({ ok: true, value: pools.junior });
    for (const bad of [undefined, '', '0x123', 'hello', '0xZZf1725e7734ce288f8367e1bb143e90bb3f0512']) expect(checkAddress(bad).ok).toBe(false);
  });
  it('bounds limits', () => {
    expect(checkLimit(undefined)).toEqual({ ok: true, value: 50 });
    expect(checkLimit('500')).toEqual({ ok: true, value: 500 });
    for (const bad of ['0', '501', '-1', '1e9', 'abc', '2.5', '99999999999999999999']) expect(checkLimit(bad)).toMatchObject({ ok: false, status: 400 });
  });
  it('knows pools by name or address, 404 for an unknown pool', () => {
    expect(checkPool('Junior', pools)).toEqual({ ok: true, value: pools.junior });
    expect(checkPool(pools.senior.toLowerCase(), pools)).toEqual({ ok: true, value: pools.senior });
    expect(checkPool('0x0000000000000000000000000000000000000001', pools)).toMatchObject({ ok: false, status: 404 });
    expect(checkPool('mezzanine', pools)).toMatchObject({ ok: false, status: 400 });
  });
});
