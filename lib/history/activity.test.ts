import { describe, expect, it } from 'vitest';
import { privateKeyToAccount } from 'viem/accounts';
import type { Address } from 'viem';
import { ANVIL_KEYS } from '../../scripts/testing/anvil';
import { addressName, deployedAddressBook, type AddressBook } from '../chain/addressBook';
import { DEV_ACCOUNT, LOCAL_KEEPER } from '../wallet/devAccount';
import { activityRows } from './activity';
import type { ProtocolEvent } from './queries';

const a = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as Address;
const book: AddressBook = { juniorPool: a(1), seniorPool: a(2), coverMarket: a(3), recapitalizer: a(4), timelock: a(5), keeper: a(7) };
const row = (over: Partial<ProtocolEvent>): ProtocolEvent => ({
  id: over.id ?? 'x',
  kind: 'deposit',
  contract: a(1),
  pool: null,
  account: null,
  assets: null,
  shares: null,
  blockNumber: 1n,
  timestamp: 1_700_000_000n,
  txHash: '0xaa',
  ...over,
});

describe('activityRows', () => {
  it('one row per cover claim: the pool’s "claim paid" folds into the market’s "cover claimed", which names the paying pool', () => {
    const rows = activityRows(
      [
        row({ id: 'c', kind: 'cover-claimed', contract: a(3), account: a(9), assets: 2_000_000_000n, txHash: '0xbb' }),
        row({ id: 'p', kind: 'claim-paid', contract: a(2), account: a(9), assets: 2_000_000_000n, txHash: '0xBB' }),
      ],
      book,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ label: 'Cover claimed', pool: 'Senior pool', amount: '2,000 USDC' });
  });

  it('says which pool an event hit (recorded, or the emitting pool on older rows) and names known accounts', () => {
    const rows = activityRows(
      [
        row({ id: '1', kind: 'deposit', contract: a(1), account: a(0xabc) }),
        row({ id: '2', kind: 'cover-bought', contract: a(3), pool: a(2), account: a(0xabc) }),
        row({ id: '3', kind: 'shortfall', contract: a(6), account: a(7), assets: 1_800_000_000n }),
        row({ id: '4', kind: 'auction-opened', contract: a(4), account: a(7) }),
      ],
      book,
    );
    expect(rows.map((r) => r.pool)).toEqual(['Junior pool', 'Senior pool', null, null]);
    expect(rows.map((r) => r.who)).toEqual(['0x0000…0abc', '0x0000…0abc', 'Keeper', 'Keeper']);
  });

  it('keeps a lone claim-paid row (its claimed twin cut off by the limit) with its pool', () => {
    const rows = activityRows([row({ kind: 'claim-paid', contract: a(1), assets: 5n })], book);
    expect(rows[0]).toMatchObject({ label: 'Cover claim paid', pool: 'Junior pool' });
  });
});

describe('deployedAddressBook', () => {
  it('names the deployed contracts and, on the local chain, the local keeper (anvil #7) and the dev account (#9)', () => {
    expect(privateKeyToAccount(ANVIL_KEYS[7]!).address).toBe(LOCAL_KEEPER);
    expect(privateKeyToAccount(ANVIL_KEYS[9]!).address).toBe(DEV_ACCOUNT);
    const local = deployedAddressBook(31337);
    for (const [key, name] of [
      ['juniorPool', 'Junior pool'],
      ['seniorPool', 'Senior pool'],
      ['coverMarket', 'Cover market'],
      ['recapitalizer', 'Recapitalizer'],
      ['timelock', 'Governance timelock'],
      ['keeper', 'Keeper'],
    ] as const) {
      expect(addressName(local[key]!, local)).toBe(name);
    }
    expect(deployedAddressBook(1).keeper).toBeUndefined();
  });
});
