// Shared machinery of the mirror's parity suites: evaluate many contract calls in one eth_call through
// StaticCallBatch (contracts/test/harness), normalise answers and reverts on both sides, and compare.
// Reverts compare by reason, not just by occurrence: Panic(0x11) ≠ Panic(0x12) ≠ a custom error.
import {
  decodeErrorResult,
  decodeFunctionResult,
  encodeAbiParameters,
  encodeFunctionData,
  keccak256,
  numberToHex,
  pad,
  type Abi,
  type AbiFunction,
  type Address,
  type Hex,
} from 'viem';
import fc from 'fast-check';
import { privateKeyToAccount } from 'viem/accounts';
import { loadArtifact, type Artifact, type StorageEntry } from '@/scripts/chain/artifacts';
import { ANVIL_KEYS, startAnvil, type AnvilInstance } from '@/scripts/testing/anvil';
import { expect } from 'vitest';
import { Panic } from '@/lib/mirror/evm';

export type Outcome = { ok: true; value: unknown } | { ok: false; revert: string };
export type Call = { functionName: string; args?: readonly unknown[] };
/** eth_call overrides, in JSON-RPC form: `{ [address]: { stateDiff: { [slot]: word } } }`. */
export type RawStateOverride = Record<Address, { stateDiff: Record<Hex, Hex> }>;

const artifacts = new Map<string, ReturnType<typeof loadArtifact>>();
/** `loadArtifact`, parsed once: the suites encode thousands of calls. */
export function artifact(contractName: string): ReturnType<typeof loadArtifact> {
  let a = artifacts.get(contractName);
  if (!a) artifacts.set(contractName, (a = loadArtifact(contractName)));
  return a;
}
const batchAbi = () => artifact('StaticCallBatch').abi;
let rpcId = 0;

export async function rpc<T>(rpcUrl: string, method: string, params: unknown[]): Promise<T> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { message: string; data?: unknown } };
  if (body.error) throw Object.assign(new Error(`${method}: ${body.error.message}`), { data: body.error.data });
  return body.result as T;
}

export type Receipt = { status: Hex; contractAddress: Address | null; blockNumber: Hex; logs: { topics: Hex[]; data: Hex; address: Address }[] };

/** Sends a transaction from an unlocked anvil account and waits for its receipt (automine is async). */
/** One lane per (node, sender): the promise of the sender's last transaction. */
const lanes = new Map<string, Promise<unknown>>();

/**
 * Sends `tx` from an unlocked account and waits for its receipt. One account's transactions go one at a
 * time, in call order, whoever calls: a caller may fire several at once (`Promise.all`) and each still waits
 * for the sender's previous one to be mined, so the node never sees two pending nonces of one account (the
 * accounting parity's setup once failed "nonce too low" that way beside the other parity files).
 */
export function sendTx(rpcUrl: string, tx: { from: Address; to?: Address; data: Hex; gas?: bigint }): Promise<Receipt> {
  const lane = `${rpcUrl}|${tx.from.toLowerCase()}`;
  const sent = (lanes.get(lane) ?? Promise.resolve()).catch(() => undefined).then(() => sendNow(rpcUrl, tx));
  lanes.set(lane, sent);
  return sent;
}

async function sendNow(rpcUrl: string, tx: { from: Address; to?: Address; data: Hex; gas?: bigint }): Promise<Receipt> {
  const hash = await rpc<Hex>(rpcUrl, 'eth_sendTransaction', [{ ...tx, gas: numberToHex(tx.gas ?? 10_000_000n) }]);
  for (;;) {
    const receipt = await rpc<Receipt | null>(rpcUrl, 'eth_getTransactionReceipt', [hash]);
    if (receipt) return receipt;
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Deploys `contractName` from `from` (an unlocked anvil account) and returns its address. */
export async function deployRaw(rpcUrl: string, from: Address, contractName: string, constructorData: Hex = '0x'): Promise<Address> {
  const { bytecode } = artifact(contractName);
  const receipt = await sendTx(rpcUrl, { from, data: `${bytecode}${constructorData.slice(2)}` as Hex, gas: 30_000_000n });
  if (receipt.status !== '0x1' || !receipt.contractAddress) throw new Error(`deploying ${contractName} reverted`);
  return receipt.contractAddress;
}

/** A revert's reason as both sides name it: `Panic(0x11)`, a custom error's name, or the raw data. */
export function revertReason(abi: Abi, data: Hex): string {
  if (data.startsWith('0x4e487b71')) return `Panic(0x${BigInt(`0x${data.slice(10)}`).toString(16)})`;
  if (data === '0x') return 'empty revert';
  try {
    return decodeErrorResult({ abi, data }).errorName;
  } catch {
    return `raw ${data}`;
  }
}

function decodeNamed(abi: Abi, functionName: string, data: Hex): unknown {
  const fn = abi.find((x): x is AbiFunction => x.type === 'function' && x.name === functionName)!;
  const value = decodeFunctionResult({ abi, functionName, data }) as unknown;
  if (fn.outputs.length <= 1) return value;
  // Multi-output functions compare as objects keyed by the Solidity return names, as the twins return them.
  return Object.fromEntries(fn.outputs.map((o, i) => [o.name, (value as unknown[])[i]]));
}

export type BatchOptions = { block?: Hex | 'latest'; stateOverride?: RawStateOverride; time?: bigint };

/** Runs `calls` against `target` in one eth_call; returns the block.timestamp they saw and each outcome. */
export async function runBatch(
  rpcUrl: string,
  batch: Address,
  target: Address,
  abi: Abi,
  calls: readonly Call[],
  options: BatchOptions = {},
): Promise<{ timestamp: bigint; outcomes: Outcome[] }> {
  const data = encodeFunctionData({
    abi: batchAbi(),
    functionName: 'run',
    args: [target, calls.map((c) => encodeFunctionData({ abi, functionName: c.functionName, args: c.args ?? [] }))],
  });
  const params: unknown[] = [{ to: batch, data, gas: numberToHex(1_000_000_000) }, options.block ?? 'latest', options.stateOverride ?? {}];
  if (options.time !== undefined) params.push({ time: numberToHex(options.time) });
  const raw = await rpc<Hex>(rpcUrl, 'eth_call', params);
  const [timestamp, ok, results] = decodeFunctionResult({ abi: batchAbi(), functionName: 'run', data: raw }) as [bigint, boolean[], Hex[]];
  const outcomes = calls.map(
    (c, i): Outcome => (ok[i] ? { ok: true, value: decodeNamed(abi, c.functionName, results[i]!) } : { ok: false, revert: revertReason(abi, results[i]!) }),
  );
  return { timestamp, outcomes };
}

/** Runs many batches of at most `size` calls, `parallel` eth_calls at a time. */
export async function runBatches(
  rpcUrl: string,
  batch: Address,
  target: Address,
  abi: Abi,
  calls: readonly Call[],
  size = 400,
  parallel = 4,
): Promise<Outcome[]> {
  const chunks: Call[][] = [];
  for (let i = 0; i < calls.length; i += size) chunks.push(calls.slice(i, i + size));
  const out: Outcome[][] = new Array(chunks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < chunks.length) {
        const k = next++;
        out[k] = (await runBatch(rpcUrl, batch, target, abi, chunks[k]!)).outcomes;
      }
    }),
  );
  return out.flat();
}

/** The twin's outcome, with its error named as the EVM would name the revert. */
export function twinOutcome(f: () => unknown): Outcome {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof Panic) return { ok: false, revert: `Panic(0x${e.code.toString(16)})` };
    const name = (e as { errorName?: string }).errorName;
    return { ok: false, revert: name ?? `twin threw ${String(e)}` };
  }
}

const show = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}` : x));

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'bigint' || typeof b === 'bigint' || typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return show(ka) === show(kb) && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

export function sameOutcome(chain: Outcome, twin: Outcome): boolean {
  if (chain.ok !== twin.ok) return false;
  if (!chain.ok) return chain.revert === (twin as { revert: string }).revert;
  return same(chain.value, (twin as { value: unknown }).value);
}

/** Tallies comparisons; keeps the first mismatches readable for the failure message. */
export class Tally {
  compared = 0;
  reverts = 0;
  failed = 0;
  readonly mismatches: string[] = [];
  check(label: string, chain: Outcome, twin: Outcome): void {
    this.compared++;
    if (!chain.ok) this.reverts++;
    if (sameOutcome(chain, twin)) return;
    this.failed++;
    if (this.mismatches.length < 20) this.mismatches.push(`${label}: chain ${show(chain)} twin ${show(twin)}`);
  }
}

/** Anvil's dev accounts (unlocked: the suites send transactions without signing). */
export const ANVIL_ACCOUNTS: readonly Address[] = ANVIL_KEYS.map((k) => privateKeyToAccount(k as Hex).address);

/** A value with a random magnitude (10^0 … 10^maxExp) and random digits: covers every scale. */
export const magnitude = (maxExp: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxExp }), fc.bigInt({ min: 1n, max: 10n ** 18n })).map(([e, m]) => (m * 10n ** BigInt(e)) / 10n ** 18n);

/** Fixed-seed samples, so every run compares the same inputs. */
export const sample = <T>(arb: fc.Arbitrary<T>, seed: number, numRuns: number): T[] => fc.sample(arb, { numRuns, seed });

export type HarnessChain = { anvil: AnvilInstance; batch: Address; harness: Address; abi: Abi };

/** A throwaway anvil with StaticCallBatch and one math harness deployed. */
export async function startHarness(contractName: string): Promise<HarnessChain> {
  const anvil = await startAnvil();
  const batch = await deployRaw(anvil.rpcUrl, ANVIL_ACCOUNTS[0]!, 'StaticCallBatch');
  const harness = await deployRaw(anvil.rpcUrl, ANVIL_ACCOUNTS[0]!, contractName);
  return { anvil, batch, harness, abi: artifact(contractName).abi };
}

/**
 * Runs harness function `name` on every row and the twin on the same arguments; demands identical answers
 * and revert reasons, and at least `minAnswers` non-reverting rows (reverting edges come on top).
 */
export async function checkParity<Arg extends bigint | boolean = bigint>(
  h: HarnessChain,
  name: string,
  twin: (...args: Arg[]) => unknown,
  rows: readonly (readonly Arg[])[],
  minAnswers: number,
): Promise<Tally> {
  const outcomes = await runBatches(
    h.anvil.rpcUrl,
    h.batch,
    h.harness,
    h.abi,
    rows.map((args) => ({ functionName: name, args })),
  );
  const tally = new Tally();
  rows.forEach((args, i) =>
    tally.check(
      `${name}(${args.join(', ')})`,
      outcomes[i]!,
      twinOutcome(() => twin(...args)),
    ),
  );
  expect(tally.mismatches).toEqual([]);
  expect(tally.compared - tally.reverts).toBeGreaterThanOrEqual(minAnswers);
  console.log(`${name} parity: ${tally.compared} inputs (${tally.reverts} reverts), 0 mismatches`);
  return tally;
}

/** Every combination of the columns' values: the boundary grid of a function. */
export const cross = (...cols: readonly bigint[][]): bigint[][] =>
  cols.reduce<bigint[][]>((acc, col) => acc.flatMap((row) => col.map((v) => [...row, v])), [[]]);

// ------------------------------------------------------------------ forced storage (eth_call overrides)

type Layout = { storage: StorageEntry[]; types: Record<string, { numberOfBytes: string; members?: StorageEntry[]; value?: string }> };

/**
 * A struct's words with `values` packed at the compiler's offsets, keyed by slot offset from the struct's
 * base, read from forge's storageLayout (a reordered struct moves the test with it). `structType` is the
 * layout's type id (a variable's `type`, or a mapping's `value`).
 */
export function structWords(a: Artifact, structType: string, values: Record<string, bigint | boolean | Hex>): Map<bigint, bigint> {
  const layout = a.storageLayout as unknown as Layout;
  const members = layout.types[structType]?.members;
  if (!members) throw new Error(`${a.contractName}: ${structType} is not a struct`);
  const words = new Map<bigint, bigint>();
  for (const m of members) {
    const v = values[m.label];
    if (v === undefined) throw new Error(`no value for ${structType}.${m.label}`);
    const bits = 8n * BigInt(layout.types[m.type]!.numberOfBytes);
    const n = typeof v === 'boolean' ? BigInt(v) : BigInt(v);
    if (n < 0n || n >= 1n << bits) throw new Error(`${m.label} = ${n} does not fit ${bits} bits`);
    const slot = BigInt(m.slot);
    words.set(slot, (words.get(slot) ?? 0n) | (n << (8n * BigInt(m.offset))));
  }
  return words;
}

/** The slot of the one-slot struct variable `label` and its word with `values` packed. */
export function packedSlot(a: Artifact, label: string, values: Record<string, bigint | boolean>): { slot: bigint; word: bigint } {
  const entry = (a.storageLayout as unknown as Layout).storage.find((s) => s.label === label);
  if (!entry) throw new Error(`${a.contractName} has no variable ${label}`);
  const words = structWords(a, entry.type, values);
  if (words.size !== 1 || !words.has(0n)) throw new Error(`${label} is not a one-slot struct`);
  return { slot: BigInt(entry.slot), word: words.get(0n)! };
}

/** The base slot of `mapping[key]` for the address-keyed mapping variable `label`, and its value type. */
export function mappingEntry(a: Artifact, label: string, key: Address): { slot: bigint; valueType: string } {
  const layout = a.storageLayout as unknown as Layout;
  const entry = layout.storage.find((s) => s.label === label);
  const valueType = entry && layout.types[entry.type]?.value;
  if (!entry || !valueType) throw new Error(`${a.contractName} has no mapping ${label}`);
  const slot = BigInt(keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [key, BigInt(entry.slot)])));
  return { slot, valueType };
}

/** The slot of the plain variable `label`. */
export function variableSlot(a: Artifact, label: string): bigint {
  const entry = (a.storageLayout as unknown as Layout).storage.find((s) => s.label === label);
  if (!entry) throw new Error(`${a.contractName} has no variable ${label}`);
  return BigInt(entry.slot);
}

/** A 32-byte storage word or key, as eth_call state overrides take it. */
export const word32 = (v: bigint): Hex => pad(numberToHex(v), { size: 32 });
