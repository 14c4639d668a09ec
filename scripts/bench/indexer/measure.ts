// Small measurement helpers for the indexer bench: which chain logs the indexer handles (counted
// with eth_getLogs), Ponder's Prometheus counters, and latency percentiles.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { numberToHex, toEventSelector, type Abi, type AbiEvent, type Address, type Hex } from 'viem';
import * as abis from '../../../contracts-abi';
import { ROOT } from '../../chain/artifacts';
import type { Deployment } from '../../chain/deploy';
import type { Rpc } from './rpc';

const HANDLERS_DIR = path.join(ROOT, 'indexer', 'src');

function handlerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'api' ? [] : handlerFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** `Contract:Event` names the indexer registers (`ponder.on('…')` under indexer/src, the API aside). */
export function handledEvents(): string[] {
  const names = handlerFiles(HANDLERS_DIR).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/ponder\.on\(\s*['"`](\w+):(\w+)['"`]/g)].map((m) => `${m[1]}:${m[2]}`),
  );
  return [...new Set(names)].filter((n) => !n.endsWith(':setup'));
}

type Log = { address: Address; topics: Hex[]; blockNumber: Hex };

export type LogCount = {
  /** Logs the indexer has a handler for. */
  total: number;
  byEvent: Map<string, number>;
  /** Blocks holding at least one such log. */
  blocks: number;
  firstBlock: number;
  lastBlock: number;
  /** The newest block with a log of each event. */
  lastBlockOf: Map<string, number>;
};

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A Ponder contract name's ABI and addresses: `FooBar` is `fooBarAbi` at `contracts.fooBar`; the pools are both layers. */
function contractOf(deployment: Deployment, name: string): { abi: Abi; addresses: Address[] } {
  const abi = (abis as Record<string, unknown>)[`${lowerFirst(name)}Abi`] as Abi | undefined;
  const contracts = deployment.contracts as Record<string, { address: Address } | undefined>;
  const addresses =
    name === 'BackstopPool'
      ? [deployment.contracts.juniorPool.address, deployment.contracts.seniorPool.address]
      : contracts[lowerFirst(name)]
        ? [contracts[lowerFirst(name)]!.address]
        : [];
  if (!abi || addresses.length === 0) throw new Error(`the indexer handles ${name} events, but contracts-abi or the deployment has no ${lowerFirst(name)}`);
  return { abi, addresses };
}

/** Counts the logs in [from, to] that the indexer handles, by `Contract:Event`. */
export async function countHandledLogs(rpc: Rpc, deployment: Deployment, from: number, to: number): Promise<LogCount> {
  const names = new Map<string, string>(); // `${address}:${topic0}` → Contract:Event
  const addresses = new Set<Address>();
  for (const name of handledEvents()) {
    const [contract, event] = name.split(':') as [string, string];
    const c = contractOf(deployment, contract);
    const item = c.abi.find((x): x is AbiEvent => x.type === 'event' && x.name === event);
    if (!item) throw new Error(`the indexer handles ${name}, which the generated ABI does not have`);
    for (const a of c.addresses) {
      names.set(`${a.toLowerCase()}:${toEventSelector(item)}`, name);
      addresses.add(a);
    }
  }
  const logs = await rpc.call<Log[]>('eth_getLogs', [{ address: [...addresses], fromBlock: numberToHex(from), toBlock: numberToHex(to) }]);
  const byEvent = new Map<string, number>();
  const lastBlockOf = new Map<string, number>();
  const blocks = new Set<number>();
  for (const log of logs) {
    const name = names.get(`${log.address.toLowerCase()}:${log.topics[0]}`);
    if (!name) continue;
    const block = Number(BigInt(log.blockNumber));
    byEvent.set(name, (byEvent.get(name) ?? 0) + 1);
    lastBlockOf.set(name, Math.max(block, lastBlockOf.get(name) ?? 0));
    blocks.add(block);
  }
  const total = [...byEvent.values()].reduce((a, b) => a + b, 0);
  return { total, byEvent, blocks: blocks.size, firstBlock: Math.min(...blocks), lastBlock: Math.max(...blocks), lastBlockOf };
}

/** `name{label="value",…} number` lines of a Prometheus text page (those matching `where`), summed per `label` value. */
export function metricByLabel(page: string, name: string, label: string, where: Record<string, string> = {}): Map<string, number> {
  const out = new Map<string, number>();
  const re = new RegExp(`^${name}\\{([^}]*)\\}\\s+(\\S+)$`, 'gm');
  for (const m of page.matchAll(re)) {
    const labels = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    const key = labels[label];
    if (key === undefined || Object.entries(where).some(([k, v]) => labels[k] !== v)) continue;
    out.set(key, (out.get(key) ?? 0) + Number(m[2]));
  }
  return out;
}

export async function ponderMetrics(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`);
  return res.ok ? res.text() : '';
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms = (v: number, digits = 1): string => `${v.toFixed(digits)} ms`;
export const sec = (milliseconds: number): string => `${(milliseconds / 1000).toFixed(1)} s`;
export const perSecond = (count: number, milliseconds: number): string => `${Math.round(count / (milliseconds / 1000)).toLocaleString('en-US')}/s`;
