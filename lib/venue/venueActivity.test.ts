import { describe, expect, it } from 'vitest';
import { parseRows, type VenueBadDebt } from './venueActivity';

describe('parseRows', () => {
  it('turns the indexer’s decimal strings into bigints for amounts, prices and blocks, and leaves the rest', () => {
    const [row] = parseRows<VenueBadDebt>([
      {
        id: 'x',
        trader: '0xab',
        isLong: true,
        debt: '1704927343',
        junior: '1704927343',
        senior: '0',
        recapitalization: '0',
        remainder: '0',
        auctionId: '0',
        deferred: false,
        blockNumber: '161',
      },
    ]);
    expect(row).toEqual({
      id: 'x',
      trader: '0xab',
      isLong: true,
      debt: 1_704_927_343n,
      junior: 1_704_927_343n,
      senior: 0n,
      recapitalization: 0n,
      remainder: 0n,
      auctionId: 0n,
      deferred: false,
      blockNumber: 161n,
    });
  });
});
