// The soak's side of the chain: a fresh anvil with the protocol deployed exactly as `npm start` deploys it
// (scripts/chain/deploy.ts: every contract handed to the 15-day timelock), on a clock the soak controls
// (one block per transaction, each at the second the model says), plus the three things the soak asks of
// it: simulate a transaction at the next block's time (`eth_call` with a time override: return data or
// revert data), mine it (only when it succeeds: a reverted transaction changes nothing the soak compares),
// and read many views in one `eth_call` per contract (StaticCallBatch, as the parity suites do).
import { decodeErrorResult, decodeFunctionResult, encodeFunctionData, numberToHex, type Abi, type AbiFunction, type Address, type Hex } from 'viem';
import { protocolErrorsAbi } from '@/contracts-abi';
import { deployProtocol, type Deployment } from '@/scripts/chain/deploy';
import { startAnvil, ANVIL_KEYS, type AnvilInstance } from '@/scripts/testing/anvil';
import { ANVIL_ACCOUNTS, artifact, deployRaw } from '@/scripts/testing/parity';
import { abiOf, calldata, type Addresses, type Tx } from './model/world';

/** The chain's clock at deployment: a fixed second (2033-05-18), so a seed replays the same run. */
export const GENESIS_TIME = 2_000_000_000n;
/** Gas for every simulated and mined transaction (a fixed number: no estimate round trip). */
const GAS = 15_000_000n;

export type ChainOutcome = { ok: true; result: unknown[] } | { ok: false; errorName: string; args: unknown[]; data: Hex };

export type SoakChain = {
  anvil: AnvilInstance;
  deployment: Deployment;
  batch: Address;
  rpc: <T>(method: string, params: unknown[]) => Promise<T>;
  /** Several independent requests in one HTTP round trip (a JSON-RPC batch); answers (or errors) in order. */
  rpcBatch: (calls: { method: string; params: unknown[] }[]) => Promise<RpcAnswer[]>;
  stop: () => Promise<void>;
};

let rpcId = 0;

export type RpcAnswer = { result: unknown } | { error: Error & { data?: unknown } };

export async function startSoakChain(): Promise<SoakChain> {
  // Only the latest state is ever read. Without history pruning anvil persists older states to disk
  // (~/.foundry/anvil/tmp): 4.3 GB over 10,000 actions, left behind, and mining slowed as it grew.
  const anvil = await startAnvil({ args: ['--prune-history', '32'] });
  const url = anvil.rpcUrl;
  const rpc = async <T>(method: string, params: unknown[]): Promise<T> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
    });
    const body = (await res.json()) as { result?: T; error?: { message: string; data?: unknown } };
    if (body.error) throw Object.assign(new Error(`${method}: ${body.error.message}`), { data: body.error.data });
    return body.result as T;
  };
  const rpcBatch = async (calls: { method: string; params: unknown[] }[]): Promise<RpcAnswer[]> => {
    const first = rpcId + 1;
    rpcId += calls.length;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(calls.map((c, i) => ({ jsonrpc: '2.0', id: first + i, ...c }))),
    });
    const bodies = (await res.json()) as { id: number; result?: unknown; error?: { message: string; data?: unknown } }[];
    return calls.map((c, i) => {
      const body = bodies.find((b) => b.id === first + i)!;
      if (body.error) return { error: Object.assign(new Error(`${c.method}: ${body.error.message}`), { data: body.error.data }) };
      return { result: body.result };
    });
  };
  try {
    // Every block one second after the last unless the soak sets the next one: the deploy's blocks, and
    // so the model's genesis, are the same on every run.
    await rpc('evm_setNextBlockTimestamp', [numberToHex(GENESIS_TIME)]);
    await rpc('anvil_setBlockTimestampInterval', [1]);
    const deployment = await deployProtocol({ rpcUrl: url, privateKey: ANVIL_KEYS[0], write: false });
    // The read helper comes from anvil #9, an account the soak never acts with.
    const batch = await deployRaw(url, ANVIL_ACCOUNTS[9]!, 'StaticCallBatch');
    // From here one block per transaction, mined by the soak at the second the model says.
    await rpc('evm_setAutomine', [false]);
    return { anvil, deployment, batch, rpc, rpcBatch, stop: anvil.stop };
  } catch (e) {
    await anvil.stop();
    throw e;
  }
}

export async function blockTimestamp(chain: SoakChain, block: number | 'latest'): Promise<bigint> {
  const b = await chain.rpc<{ timestamp: Hex }>('eth_getBlockByNumber', [typeof block === 'number' ? numberToHex(block) : block, false]);
  return BigInt(b.timestamp);
}

/** A revert's custom error, decoded with every error the protocol (and OpenZeppelin under it) declares. */
export function decodeRevert(data: Hex): { errorName: string; args: unknown[] } {
  if (!data || data === '0x') return { errorName: 'empty revert', args: [] };
  if (data.startsWith('0x4e487b71')) return { errorName: `Panic(0x${BigInt(`0x${data.slice(10)}`).toString(16)})`, args: [] };
  try {
    const e = decodeErrorResult({ abi: protocolErrorsAbi as Abi, data });
    return { errorName: e.errorName, args: [...((e.args as unknown[] | undefined) ?? [])] };
  } catch {
    return { errorName: `raw ${data.slice(0, 10)}`, args: [] };
  }
}

/** The outputs of `functionName` as a positional array (a single output is a one-element array). */
function decodeOutputs(abi: Abi, functionName: string, data: Hex): unknown[] {
  const fn = abi.find((x): x is AbiFunction => x.type === 'function' && x.name === functionName)!;
  const value = decodeFunctionResult({ abi, functionName, data }) as unknown;
  return fn.outputs.length === 1 ? [value] : [...((value as unknown[] | undefined) ?? [])];
}

function revertData(error: unknown): Hex | null {
  const data = (error as { data?: unknown }).data;
  if (typeof data === 'string' && data.startsWith('0x')) return data as Hex;
  if (data && typeof data === 'object' && typeof (data as { data?: unknown }).data === 'string') return (data as { data: Hex }).data;
  return null;
}

/** The `eth_call` that runs `tx` at the latest state in a block at `time`. */
export function simulation(a: Addresses, tx: Tx, time: bigint): { method: string; params: unknown[] } {
  return {
    method: 'eth_call',
    params: [{ from: tx.from, to: tx.to, data: calldata(a, tx), gas: numberToHex(GAS) }, 'latest', {}, { time: numberToHex(time) }],
  };
}

/** A simulation's answer: `tx`'s return values, or its revert. */
export function simulated(a: Addresses, tx: Tx, answer: RpcAnswer): ChainOutcome {
  if ('result' in answer) return { ok: true, result: decodeOutputs(abiOf(a, tx.to), tx.functionName, answer.result as Hex) };
  const raw = revertData(answer.error);
  if (raw === null) throw answer.error;
  return { ok: false, ...decodeRevert(raw), data: raw };
}

/**
 * Mines `tx` alone in a block at `time` (automine is off: `evm_mine` with the timestamp). Returns its hash:
 * the next `readMany` checks its receipt in the same round trip as the state.
 */
export async function mine(chain: SoakChain, a: Addresses, tx: Tx, time: bigint): Promise<Hex> {
  const hash = await chain.rpc<Hex>('eth_sendTransaction', [{ from: tx.from, to: tx.to, data: calldata(a, tx), gas: numberToHex(GAS) }]);
  await chain.rpc('evm_mine', [numberToHex(time)]);
  return hash;
}

/** One view call and its answer (ABI outputs, positional) or its revert. */
export type Read = { target: string; functionName: string; args: readonly unknown[] };
export type ReadOutcome = { ok: true; value: unknown[] } | { ok: false; errorName: string };

/** ABI-encodes `runMany(address[] targets, bytes[] calls)` by hand (viem's generic encoder dominated the soak's time). */
function encodeRunMany(selector: Hex, targets: readonly string[], calls: readonly Hex[]): Hex {
  const word = (n: number | bigint) => BigInt(n).toString(16).padStart(64, '0');
  const n = targets.length;
  const head = word(64) + word(64 + 32 * (n + 1));
  const addresses = word(n) + targets.map((t) => t.slice(2).toLowerCase().padStart(64, '0')).join('');
  const offsets: string[] = [];
  const bodies: string[] = [];
  let offset = 32 * n;
  for (const c of calls) {
    offsets.push(word(offset));
    const bytes = (c.length - 2) / 2;
    const padded = c.slice(2).padEnd(Math.ceil(bytes / 32) * 64, '0');
    bodies.push(word(bytes) + padded);
    offset += 32 + Math.ceil(bytes / 32) * 32;
  }
  return `${selector}${head}${addresses}${word(n)}${offsets.join('')}${bodies.join('')}` as Hex;
}

/** Decodes `(uint256 timestamp, bool[] ok, bytes[] results)` by hand. */
function decodeRunMany(raw: Hex): { timestamp: bigint; ok: boolean[]; results: Hex[] } {
  const hex = raw.slice(2);
  const at = (byte: number) => Number.parseInt(hex.slice(byte * 2, byte * 2 + 64), 16);
  const timestamp = BigInt(`0x${hex.slice(0, 64)}`);
  const okAt = at(32);
  const resultsAt = at(64);
  const n = at(okAt);
  const ok = Array.from({ length: n }, (_, i) => at(okAt + 32 + 32 * i) !== 0);
  const results = Array.from({ length: n }, (_, i) => {
    const start = resultsAt + 32 + at(resultsAt + 32 + 32 * i);
    const len = at(start);
    return `0x${hex.slice((start + 32) * 2, (start + 32 + len) * 2)}` as Hex;
  });
  return { timestamp, ok, results };
}

const calldataCache = new Map<string, Hex>();
const decodedCache = new Map<string, { raw: Hex; outcome: ReadOutcome }>();

/** A read's key: the same view with the same arguments (its calldata and last answer are cached under it). */
export function readKey(r: Read): string {
  return `${r.target}|${r.functionName}|${r.args.map((x) => (typeof x === 'object' ? JSON.stringify(x, (_, v) => (typeof v === 'bigint' ? `${v}` : v)) : String(x))).join(',')}`;
}

/**
 * Runs `reads` at the latest block with `block.timestamp` = `time`, in one `eth_call` (StaticCallBatch
 * `runMany`, chunked for very large full checks). Returns the outcomes in order and the timestamp they saw.
 * Calldata is encoded once per distinct read and an answer is decoded only when its bytes changed.
 */
export async function readMany(
  chain: SoakChain,
  a: Addresses,
  reads: readonly Read[],
  time: bigint,
  mined: readonly Hex[] = [],
  extra: readonly { method: string; params: unknown[] }[] = [],
): Promise<{ timestamp: bigint; outcomes: ReadOutcome[]; failedTxs: Hex[]; extra: RpcAnswer[] }> {
  const outcomes: ReadOutcome[] = new Array(reads.length);
  const batchAbi = artifact('StaticCallBatch').abi;
  const selector = encodeFunctionData({ abi: batchAbi, functionName: 'runMany', args: [[], []] }).slice(0, 10) as Hex;
  const keys = reads.map(readKey);
  const calls = reads.map((r, i) => {
    let data = calldataCache.get(keys[i]!);
    if (!data) {
      data = encodeFunctionData({ abi: abiOf(a, r.target), functionName: r.functionName, args: r.args as unknown[] });
      calldataCache.set(keys[i]!, data);
    }
    return data;
  });
  let timestamp = -1n;
  const CHUNK = 2_000;
  const chunks: number[] = [];
  for (let k = 0; k < reads.length; k += CHUNK) chunks.push(k);
  const answers = await chain.rpcBatch([
    ...chunks.map((k) => ({
      method: 'eth_call',
      params: [
        {
          to: chain.batch,
          data: encodeRunMany(
            selector,
            reads.slice(k, k + CHUNK).map((r) => r.target),
            calls.slice(k, k + CHUNK),
          ),
          gas: numberToHex(4_000_000_000n),
        },
        'latest',
        {},
        { time: numberToHex(time) },
      ],
    })),
    ...mined.map((hash) => ({ method: 'eth_getTransactionReceipt', params: [hash] })),
    ...extra,
  ]);
  const resultOf = (x: RpcAnswer) => {
    if ('error' in x) throw x.error;
    return x.result;
  };
  const failedTxs = mined.filter((_, i) => (resultOf(answers[chunks.length + i]!) as { status?: Hex } | null)?.status !== '0x1');
  chunks.forEach((k, c) => {
    {
      const decoded = decodeRunMany(resultOf(answers[c]!) as Hex);
      timestamp = decoded.timestamp;
      decoded.ok.forEach((success, j) => {
        const i = k + j;
        const rawResult = `${success ? '1' : '0'}${decoded.results[j]!}` as Hex;
        const cached = decodedCache.get(keys[i]!);
        if (cached && cached.raw === rawResult) {
          outcomes[i] = cached.outcome;
          return;
        }
        const outcome: ReadOutcome = success
          ? { ok: true, value: decodeOutputs(abiOf(a, reads[i]!.target), reads[i]!.functionName, decoded.results[j]!) }
          : { ok: false, errorName: decodeRevert(decoded.results[j]!).errorName };
        decodedCache.set(keys[i]!, { raw: rawResult, outcome });
        outcomes[i] = outcome;
      });
    }
  });
  return { timestamp, outcomes, failedTxs, extra: answers.slice(chunks.length + mined.length) };
}
