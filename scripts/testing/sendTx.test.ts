// The rigs send one account's transactions one at a time, even when a test fires several at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { startAnvil, type AnvilInstance } from './anvil';
import { ANVIL_ACCOUNTS, rpc, sendTx } from './parity';

let anvil: AnvilInstance;
beforeAll(async () => {
  anvil = await startAnvil();
  // Automine off: a second transaction sent before the first is mined would be pending beside it.
  await rpc(anvil.rpcUrl, 'evm_setAutomine', [false]);
  await rpc(anvil.rpcUrl, 'evm_setIntervalMining', [1]);
});
afterAll(async () => anvil?.stop());

describe('sendTx', () => {
  it('sends one account’s transactions in call order, each after the previous one is mined', async () => {
    const [from, to] = [ANVIL_ACCOUNTS[0]!, ANVIL_ACCOUNTS[1]!];
    const receipts = await Promise.all(Array.from({ length: 5 }, (_, i) => sendTx(anvil.rpcUrl, { from, to, data: `0x0${i}` as Hex, gas: 30_000n })));
    expect(receipts.every((r) => r.status === '0x1')).toBe(true);
    const blocks = receipts.map((r) => BigInt(r.blockNumber));
    // Strictly increasing blocks: no two of them were ever pending at once.
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]!).toBeGreaterThan(blocks[i - 1]!);
    const nonces = await Promise.all(
      receipts.map(async (r) =>
        BigInt((await rpc<{ nonce: Hex }>(anvil.rpcUrl, 'eth_getTransactionByHash', [(r as unknown as { transactionHash: Hex }).transactionHash])).nonce),
      ),
    );
    expect(nonces).toEqual([0n, 1n, 2n, 3n, 4n]);
  });
});
