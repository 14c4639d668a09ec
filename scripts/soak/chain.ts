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
import { ANVIL_ACCOUNTS, artifact, deployRaw } from '@/lib/pool/testing/parity';
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
  stop: () => Promise<void>;
};

let rpcId = 0;

export async function startSoakChain(): Promise<SoakChain> {
  const anvil = await startAnvil();
  const url = anvil.rpcUrl;
  const rpc = async <T>(method: string, params: unknown[]): Promise<T> => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }) });
    const body = (await res.json()) as { result?: T; error?: { message: string; data?: unknown } };
    if (body.error) throw Object.assign(new Error(`${method}: ${body.error.message}`), { data: body.error.data });
    return body.result as T;
  };
  try {
    // Every block one second after the last unless the soak sets the next one: the deploy's blocks, and
    // so the model's genesis, are the same on every run.
    await rpc('evm_setNextBlockTimestamp', [numberToHex(GENESIS_TIME)]);
    await rpc('anvil_setBlockTimestampInterval', [1]);
    const deployment = await deployProtocol({ rpcUrl: url, privateKey: ANVIL_KEYS[0], write: false });
    // The read helper comes from anvil #9, an account the soak never acts with.
    const batch = await deployRaw(url, ANVIL_ACCOUNTS[9]!, 'StaticCallBatch');
    return { anvil, deployment, batch, rpc, stop: anvil.stop };
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

/** `tx` run at the latest state in a block at `time`: its return values, or its revert. */
export async function simulate(chain: SoakChain, a: Addresses, tx: Tx, time: bigint): Promise<ChainOutcome> {
  const data = calldata(a, tx);
  try {
    const out = await chain.rpc<Hex>('eth_call', [{ from: tx.from, to: tx.to, data, gas: numberToHex(GAS) }, 'latest', {}, { time: numberToHex(time) }]);
    return { ok: true, result: decodeOutputs(abiOf(a, tx.to), tx.functionName, out) };
  } catch (e) {
    const raw = revertData(e);
    if (raw === null) throw e;
    return { ok: false, ...decodeRevert(raw), data: raw };
  }
}

/** Mines `tx` in a block at `time`; throws unless it succeeded there. */
export async function mine(chain: SoakChain, a: Addresses, tx: Tx, time: bigint): Promise<void> {
  await chain.rpc('evm_setNextBlockTimestamp', [numberToHex(time)]);
  const hash = await chain.rpc<Hex>('eth_sendTransaction', [{ from: tx.from, to: tx.to, data: calldata(a, tx), gas: numberToHex(GAS) }]);
  for (;;) {
    const receipt = await chain.rpc<{ status: Hex } | null>('eth_getTransactionReceipt', [hash]);
    if (receipt) {
      if (receipt.status !== '0x1') throw new Error(`${tx.functionName} reverted when mined though its simulation passed (${hash})`);
      return;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** One view call and its answer (ABI outputs, positional) or its revert. */
export type Read = { target: string; functionName: string; args: readonly unknown[] };
export type ReadOutcome = { ok: true; value: unknown[] } | { ok: false; errorName: string };

/**
 * Runs `reads` at the latest block with `block.timestamp` = `time`, in one `eth_call` (StaticCallBatch
 * `runMany`, chunked for very large full checks). Returns the outcomes in order and the timestamp they saw.
 */
export async function readMany(chain: SoakChain, a: Addresses, reads: readonly Read[], time: bigint): Promise<{ timestamp: bigint; outcomes: ReadOutcome[] }> {
  const outcomes: ReadOutcome[] = new Array(reads.length);
  const batchAbi = artifact('StaticCallBatch').abi;
  const abis = reads.map((r) => abiOf(a, r.target));
  const calls = reads.map((r, i) => encodeFunctionData({ abi: abis[i]!, functionName: r.functionName, args: r.args as unknown[] }));
  let timestamp = -1n;
  const CHUNK = 2_000;
  const chunks: number[] = [];
  for (let k = 0; k < reads.length; k += CHUNK) chunks.push(k);
  await Promise.all(
    chunks.map(async (k) => {
      const targets = reads.slice(k, k + CHUNK).map((r) => r.target as Address);
      const data = encodeFunctionData({ abi: batchAbi, functionName: 'runMany', args: [targets, calls.slice(k, k + CHUNK)] });
      const raw = await chain.rpc<Hex>('eth_call', [{ to: chain.batch, data, gas: numberToHex(4_000_000_000n) }, 'latest', {}, { time: numberToHex(time) }]);
      const [ts, ok, results] = decodeFunctionResult({ abi: batchAbi, functionName: 'runMany', data: raw }) as [bigint, boolean[], Hex[]];
      timestamp = ts;
      ok.forEach((success, j) => {
        const i = k + j;
        outcomes[i] = success ? { ok: true, value: decodeOutputs(abis[i]!, reads[i]!.functionName, results[j]!) } : { ok: false, errorName: decodeRevert(results[j]!).errorName };
      });
    }),
  );
  return { timestamp, outcomes };
}
