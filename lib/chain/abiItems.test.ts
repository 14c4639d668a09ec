import { describe, expect, it } from 'vitest';
import { coverExchangeAbi, coverMarketAbi } from '@/contracts-abi';
import { abiFunctions } from './abiItems';

describe('abiFunctions', () => {
  it('picks exactly the named functions, as the generated ABI declares them', () => {
    const picked = abiFunctions(coverMarketAbi, ['claim', 'approve']);
    expect(picked.map((item) => item.name).sort()).toEqual(['approve', 'claim']);
    for (const item of picked) expect(coverMarketAbi).toContainEqual(item);
    expect(abiFunctions(coverExchangeAbi, ['list', 'acceptOffer', 'cancelListing'])).toHaveLength(3);
  });

  it('ignores events and errors of the same name, and names the ABI does not have', () => {
    expect(abiFunctions(coverMarketAbi, ['Transfer' as never, 'noSuchFunction' as never])).toEqual([]);
  });
});
