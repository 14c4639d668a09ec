// Parity: the lib/ share-conversion twins against the deployed BackstopPool on anvil. Each case
// forces a pool state through eth_call state overrides (the pool's token balance and share supply),
// reads the contract's answer and demands the twin's exact equality, reverts included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeAbiParameters, keccak256, numberToHex, pad, type Address, type Hex, type StateOverride } from 'viem';
import { backstopPoolAbi } from '@/contracts-abi';
import { loadArtifact, storageSlot } from '@/scripts/chain/artifacts';
import { startLocalChain, type LocalChain } from '@/scripts/testing/localChain';
import { convertToAssets, convertToShares, previewDeposit, previewMint, previewRedeem, previewWithdraw } from './shares';

const CASES = 1_000;
let chain: LocalChain;

beforeAll(async () => {
  chain = await startLocalChain();
});
afterAll(async () => chain?.stop());

function mappingSlot(key: Address, slot: bigint): Hex {
  return keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [key, slot]));
}

const word = (v: bigint) => pad(numberToHex(v), { size: 32 });

/** Boundaries first (empty pool, dust, wipe-outs), then random states across 60 orders of magnitude. */
function cases(): { balance: bigint; supply: bigint; amount: bigint }[] {
  const edges = [0n, 1n, 2n, 10n ** 6n, 10n ** 12n, 10n ** 18n, (1n << 128n) - 1n];
  const fixed = edges.flatMap((balance) => edges.flatMap((supply) => [0n, 1n, 10n ** 6n].map((amount) => ({ balance, supply, amount }))));
  const magnitude = (maxExp: number) =>
    fc.tuple(fc.integer({ min: 0, max: maxExp }), fc.bigInt({ min: 1n, max: 10n ** 18n })).map(([e, m]) => (m * 10n ** BigInt(e)) / 10n ** 18n);
  const random = fc.sample(fc.record({ balance: magnitude(30), supply: magnitude(40), amount: magnitude(30) }), { numRuns: CASES, seed: 4626 });
  return [...fixed, ...random];
}

type Outcome = { ok: true; value: bigint } | { ok: false };
const attempt = (f: () => bigint): Outcome => {
  try {
    return { ok: true, value: f() };
  } catch {
    return { ok: false };
  }
};

describe('BackstopPool share conversions: twin == contract on anvil', () => {
  it(`agrees on ${CASES}+ random pool states for every preview and conversion`, async () => {
    const { stablecoin, juniorPool } = chain.deployment.contracts;
    const balancesSlot = storageSlot(loadArtifact('TestUSDC'), '_balances');
    const supplySlot = storageSlot(loadArtifact('BackstopPool'), '_totalSupply');
    const functions = [
      ['previewDeposit', previewDeposit],
      ['previewMint', previewMint],
      ['previewWithdraw', previewWithdraw],
      ['previewRedeem', previewRedeem],
      ['convertToShares', convertToShares],
      ['convertToAssets', convertToAssets],
    ] as const;
    const all = cases();
    let compared = 0;
    const mismatches: string[] = [];
    await Promise.all(
      all.map(async ({ balance, supply, amount }) => {
        const stateOverride: StateOverride = [
          { address: stablecoin.address, stateDiff: [{ slot: mappingSlot(juniorPool.address, balancesSlot), value: word(balance) }] },
          { address: juniorPool.address, stateDiff: [{ slot: word(supplySlot), value: word(supply) }] },
        ];
        const read = async (functionName: string, args: readonly bigint[]): Promise<Outcome> => {
          try {
            const value = (await chain.publicClient.readContract({
              address: juniorPool.address,
              abi: backstopPoolAbi,
              functionName: functionName as 'previewDeposit',
              args: args as [bigint],
              stateOverride,
            })) as bigint;
            return { ok: true, value };
          } catch {
            return { ok: false };
          }
        };
        const totalAssets = await read('totalAssets', []);
        const totalSupply = await read('totalSupply', []);
        if (!totalAssets.ok || !totalSupply.ok) throw new Error('state reads failed');
        expect(totalAssets.value).toBe(balance);
        expect(totalSupply.value).toBe(supply);
        const pool = { totalAssets: totalAssets.value, totalSupply: totalSupply.value };
        for (const [name, twin] of functions) {
          const onChain = await read(name, [amount]);
          const offChain = attempt(() => twin(pool, amount));
          compared++;
          const same = onChain.ok === offChain.ok && (!onChain.ok || (offChain.ok && onChain.value === offChain.value));
          if (!same) mismatches.push(`${name}(${amount}) at assets=${balance} supply=${supply}: chain ${JSON.stringify(onChain, (_, v) => (typeof v === 'bigint' ? v.toString() : v))} twin ${JSON.stringify(offChain, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
        }
      }),
    );
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(CASES * functions.length);
    console.log(`share-conversion parity: ${compared} comparisons over ${all.length} states, 0 mismatches`);
  });
});
