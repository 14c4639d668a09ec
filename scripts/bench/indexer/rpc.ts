// A minimal JSON-RPC client for the indexer bench: plain fetch with HTTP batching, so thousands of
// anvil calls (impersonated sends, receipts, cheat codes) cost a handful of round trips.
export type RpcCall = { method: string; params?: readonly unknown[] };

type RpcResponse = { id: number; result?: unknown; error?: { code: number; message: string; data?: unknown } };

export class Rpc {
  private nextId = 1;

  constructor(readonly url: string) {}

  async call<T = unknown>(method: string, params: readonly unknown[] = []): Promise<T> {
    const [result] = await this.batch<T>([{ method, params }]);
    return result as T;
  }

  /** Sends `calls` in HTTP batches of `chunk`; results come back in call order. Any error throws. */
  async batch<T = unknown>(calls: readonly RpcCall[], chunk = 500): Promise<T[]> {
    const results: T[] = [];
    for (let at = 0; at < calls.length; at += chunk) {
      const part = calls.slice(at, at + chunk);
      const first = this.nextId;
      this.nextId += part.length;
      const body = part.map((c, i) => ({ jsonrpc: '2.0', id: first + i, method: c.method, params: c.params ?? [] }));
      const res = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${this.url}: HTTP ${res.status} for ${part[0]!.method}…`);
      const json = (await res.json()) as RpcResponse[] | RpcResponse;
      const replies = Array.isArray(json) ? json : [json];
      const byId = new Map(replies.map((r) => [r.id, r]));
      part.forEach((c, i) => {
        const reply = byId.get(first + i);
        if (!reply) throw new Error(`no reply to ${c.method}`);
        if (reply.error) throw new Error(`${c.method} failed: ${reply.error.message}${reply.error.data ? ` (${JSON.stringify(reply.error.data)})` : ''}`);
        results.push(reply.result as T);
      });
    }
    return results;
  }

  async blockNumber(): Promise<number> {
    return Number(BigInt(await this.call<string>('eth_blockNumber')));
  }
}
