// Parity: every math twin against MathHarness (contracts/test/harness/MathHarness.sol) on anvil.
// ≥ 10,000 inputs per function — boundaries first, then random values across all magnitudes — evaluated
// on chain in batches (one eth_call per 500 inputs, no JSON-RPC batching: the bodies are large);
// results and reverts must match exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPublicClient, createWalletClient, http, type Abi, type Address, type Hex, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { loadArtifact } from '@/scripts/chain/artifacts';
import { ANVIL_KEYS, startAnvil, type AnvilInstance } from '@/scripts/testing/anvil';
import { expWad, lnWad, sqrtWad } from './FixedPointMath';
import { normalCdf } from './NormalCdf';
import { touchProbability } from './TouchProbability';
import { ewmaUpdate } from './Ewma';
import { WAD, YEAR } from './units';

const CASES = 10_000;
const BATCH = 500;
const MAX_INT = (1n << 255n) - 1n;
const MIN_INT = -(1n << 255n);
const MAX_UINT = (1n << 256n) - 1n;

let anvil: AnvilInstance;
let client: PublicClient;
let harness: Address;
let abi: Abi;

beforeAll(async () => {
  anvil = await startAnvil();
  const transport = http(anvil.rpcUrl, { retryCount: 0, timeout: 120_000 });
  client = createPublicClient({ chain: foundry, transport }) as PublicClient;
  const wallet = createWalletClient({ chain: foundry, transport, account: privateKeyToAccount(ANVIL_KEYS[0] as Hex) });
  const artifact = loadArtifact('MathHarness');
  abi = artifact.abi;
  const hash = await wallet.deployContract({ abi, bytecode: artifact.bytecode, args: [] });
  const receipt = await client.waitForTransactionReceipt({ hash });
  harness = receipt.contractAddress!;
});
afterAll(async () => anvil?.stop());

type Outcome = { ok: boolean; value: bigint };
const attempt = (f: () => bigint): Outcome => {
  try {
    return { ok: true, value: f() };
  } catch {
    return { ok: false, value: 0n };
  }
};

async function onChain(functionName: string, columns: bigint[][]): Promise<Outcome[]> {
  const n = columns[0]!.length;
  const chunks: Promise<Outcome[]>[] = [];
  for (let start = 0; start < n; start += BATCH) {
    const args = columns.map((c) => c.slice(start, start + BATCH));
    chunks.push(
      (client.readContract({ address: harness, abi, functionName, args }) as Promise<[boolean[], bigint[]]>).then(([ok, out]) =>
        ok.map((o, i) => ({ ok: o, value: o ? out[i]! : 0n })),
      ),
    );
  }
  return (await Promise.all(chunks)).flat();
}

function compare(name: string, inputs: bigint[][], chain: Outcome[], twin: (...a: bigint[]) => bigint) {
  const mismatches: string[] = [];
  chain.forEach((c, i) => {
    const args = inputs.map((col) => col[i]!);
    const t = attempt(() => twin(...args));
    if (c.ok !== t.ok || c.value !== t.value)
      mismatches.push(`${name}(${args.join(', ')}): chain ${c.ok ? c.value : 'revert'} twin ${t.ok ? t.value : 'throw'}`);
  });
  expect(mismatches.slice(0, 5)).toEqual([]);
  expect(chain.filter((c) => c.ok).length).toBeGreaterThanOrEqual(CASES);
  return { compared: chain.length, reverts: chain.filter((c) => !c.ok).length };
}

/** A value with a random magnitude (10^0 … 10^maxExp) and random digits: covers every scale. */
const magnitude = (maxExp: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxExp }), fc.bigInt({ min: 1n, max: 10n ** 18n })).map(([e, m]) => (m * 10n ** BigInt(e)) / 10n ** 18n);
const signed = (maxExp: number) => fc.tuple(magnitude(maxExp), fc.boolean()).map(([v, neg]) => (neg ? -v : v));
const sample = <T>(arb: fc.Arbitrary<T>, seed: number, numRuns = CASES) => fc.sample(arb, { numRuns, seed });

describe('math twins == MathHarness on anvil', () => {
  it('lnWad', async () => {
    const xs = [
      0n,
      -1n,
      1n,
      2n,
      WAD - 1n,
      WAD,
      WAD + 1n,
      MAX_INT,
      MIN_INT,
      ...sample(
        magnitude(76).map((v) => v + 1n),
        1,
      ),
      ...sample(signed(76), 11, 500),
    ];
    const r = compare('lnWad', [xs], await onChain('lnWadBatch', [xs]), lnWad);
    console.log(`lnWad parity: ${r.compared} inputs (${r.reverts} reverts), 0 mismatches`);
  });

  it('expWad', async () => {
    const xs = [
      0n,
      135n * WAD,
      135n * WAD + 1n,
      -41_446_531_673_892_822_313n,
      -41_446_531_673_892_822_314n,
      MAX_INT,
      MIN_INT,
      ...sample(fc.oneof(signed(19), fc.bigInt({ min: -42n * WAD, max: 135n * WAD })), 2),
      ...sample(signed(21), 12, 500),
    ];
    const r = compare('expWad', [xs], await onChain('expWadBatch', [xs]), expWad);
    console.log(`expWad parity: ${r.compared} inputs (${r.reverts} reverts), 0 mismatches`);
  });

  it('sqrtWad', async () => {
    const xs = [0n, 1n, WAD, MAX_UINT / WAD, MAX_UINT / WAD + 1n, MAX_UINT, ...sample(magnitude(58), 3), ...sample(magnitude(77), 13, 500)];
    const r = compare('sqrtWad', [xs], await onChain('sqrtWadBatch', [xs]), sqrtWad);
    console.log(`sqrtWad parity: ${r.compared} inputs (${r.reverts} reverts), 0 mismatches`);
  });

  it('normalCdf', async () => {
    const edges = [662910000000000000n, 5656854248000000000n, 9n * WAD].flatMap((b) => [-1n, 0n, 1n].flatMap((d) => [b + d, -b - d]));
    const xs = [0n, MAX_INT, MIN_INT, ...edges, ...sample(fc.oneof(fc.bigInt({ min: -10n * WAD, max: 10n * WAD }), signed(40)), 4)];
    const r = compare('normalCdf', [xs], await onChain('normalCdfBatch', [xs]), normalCdf);
    console.log(`normalCdf parity: ${r.compared} inputs (${r.reverts} reverts), 0 mismatches`);
  });

  it('touchProbability', async () => {
    const price = fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 12n }), magnitude(39));
    const near = fc
      .tuple(fc.bigInt({ min: 10n ** 6n, max: 10n ** 30n }), fc.bigInt({ min: 10n ** 15n, max: 95n * 10n ** 16n }), fc.boolean())
      .map(([s, d, up]) => [s, up ? s + (s * d) / WAD : s - (s * d) / WAD] as const);
    const rows = sample(
      fc.tuple(
        fc.oneof(
          near,
          fc.tuple(price, price).map(([a, b]) => [a + 1n, b + 1n] as const),
        ),
        fc.oneof(fc.bigInt({ min: 5n * 10n ** 16n, max: 3n * WAD }), fc.bigInt({ min: 0n, max: 100n * WAD })),
        fc.oneof(fc.bigInt({ min: 3600n, max: YEAR }), fc.bigInt({ min: 0n, max: 100n * YEAR })),
      ),
      5,
    ).concat(sample(fc.tuple(fc.tuple(price, price), fc.bigInt({ min: 0n, max: 101n * WAD }), fc.bigInt({ min: 0n, max: 101n * YEAR })), 15, 500));
    const edgeRows: [bigint, bigint, bigint, bigint][] = [
      [100n, 100n, 0n, 0n],
      [100n, 90n, 0n, 86_400n],
      [0n, 1n, 1n, 1n],
      [(1n << 128n) - 1n, 1n, 100n * WAD, 100n * YEAR],
      [1n, (1n << 128n) - 1n, 100n * WAD, 100n * YEAR],
      [1n << 128n, 1n, 1n, 1n],
      [10n ** 18n, 10n ** 18n - 1n, 1n, 1n],
    ];
    const all = [...edgeRows, ...rows.map(([[s, k], sig, t]) => [s, k, sig, t] as [bigint, bigint, bigint, bigint])];
    const cols = [0, 1, 2, 3].map((j) => all.map((r) => r[j]!));
    const r = compare('touchProbability', cols, await onChain('touchProbabilityBatch', cols), touchProbability);
    console.log(`touchProbability parity: ${r.compared} inputs (${r.reverts} reverts), 0 mismatches`);
  });

  it('ewmaUpdate', async () => {
    const rows = sample(
      fc.tuple(
        fc.oneof(fc.bigInt({ min: 0n, max: 10n * WAD }), magnitude(36)),
        fc.oneof(fc.bigInt({ min: -(WAD / 2n), max: WAD / 2n }), signed(21)),
        fc.oneof(
          fc.bigInt({ min: 1n, max: 30n * 86_400n }),
          magnitude(9).map((v) => v + 1n),
        ),
      ),
      6,
    ).concat(sample(fc.tuple(magnitude(37), signed(22), magnitude(10)), 16, 500));
    const edgeRows: [bigint, bigint, bigint][] = [
      [WAD, 0n, 0n],
      [10n ** 36n, 10n ** 21n, 100n * YEAR],
      [10n ** 36n + 1n, 0n, 1n],
      [0n, MIN_INT, 1n],
      [0n, 10n ** 21n + 1n, 1n],
      [0n, 0n, 100n * YEAR + 1n],
    ];
    const all = [...edgeRows, ...rows];
    const cols = [0, 1, 2].map((j) => all.map((r) => r[j]!));
    const r = compare('ewmaUpdate', cols, await onChain('ewmaUpdateBatch', cols), ewmaUpdate);
    console.log(`ewmaUpdate parity: ${r.compared} inputs (${r.reverts} reverts), 0 mismatches`);
  });
});
