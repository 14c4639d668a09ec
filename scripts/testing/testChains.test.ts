// The throwaway chains and indexers parallel test files start must never end up sharing a port.
import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startAnvil, type AnvilInstance } from './anvil';
import { indexedBlockOf, parseServedPort } from './ponder';

async function rpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return ((await res.json()) as { result: T }).result;
}

describe('startAnvil', () => {
  const started: AnvilInstance[] = [];
  afterAll(async () => Promise.all(started.map((a) => a.stop())));

  it('gives chains started at the same moment a port each, and each URL reaches its own chain', async () => {
    const chains = await Promise.all(Array.from({ length: 6 }, () => startAnvil()));
    started.push(...chains);
    expect(new Set(chains.map((c) => c.port)).size).toBe(6);
    // Chain i mines i blocks: a URL that reached another test's chain would read another height.
    await Promise.all(chains.map((c, i) => (i > 0 ? rpc(c.rpcUrl, 'anvil_mine', [`0x${i.toString(16)}`]) : null)));
    const heights = await Promise.all(chains.map((c) => rpc<string>(c.rpcUrl, 'eth_blockNumber')));
    expect(heights.map((h) => Number(h))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refuses a fixed port something else holds', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    await expect(startAnvil({ port })).rejects.toThrow(/in use/);
    blocker.close();
  });
});

describe('parseServedPort', () => {
  it('reads the port Ponder serves on, including after it moved off a taken one', () => {
    const log = '03:25:03.874 WARN  Port in use port=45123\n03:25:03.890 INFO  Created HTTP server port=45124 (2ms)\n';
    expect(parseServedPort(log)).toBe(45124);
    expect(parseServedPort('03:25:03.874 WARN  Port in use port=45123\n')).toBeNull();
  });
});

describe('indexedBlockOf', () => {
  it("is the lowest chain's block, and −1 (not yet) for the {} Ponder answers before its first checkpoint", () => {
    expect(indexedBlockOf({ anvil: { block: { number: 201 } } })).toBe(201);
    expect(indexedBlockOf({ a: { block: { number: 201 } }, b: { block: { number: 17 } } })).toBe(17);
    expect(indexedBlockOf({})).toBe(-1);
  });
});
