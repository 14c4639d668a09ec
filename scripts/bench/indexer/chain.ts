// Drives a throwaway anvil for the indexer bench: impersonated senders (no signing cost), automine
// off, every transaction sent with a pre-computed nonce, and one `evm_mine` per intended block, so
// each block holds exactly the batch it was given. Every block is checked: all its transactions
// mined and none reverted.
import { numberToHex, type Address, type Hex } from 'viem';
import type { Rpc } from './rpc';

export type Tx = { from: Address; to: Address; data: Hex; label: string };

export type MinedBlock = { number: number; txs: number };

type Receipt = { status: Hex; transactionHash: Hex; gasUsed: Hex };

const GAS_PER_TX = 600_000n;
const BLOCK_GAS_LIMIT = 1_000_000_000n;
const MAX_FEE = 1_000n * 10n ** 9n; // 1,000 gwei: far above anvil's base fee, paid from a huge balance
const BALANCE = 10n ** 30n;

export class ChainDriver {
  private readonly nonces = new Map<Address, number>();

  constructor(readonly rpc: Rpc) {}

  /** Anvil accepts unsigned transactions from any sender; blocks are mined only on request. */
  async manualMining(): Promise<void> {
    await this.rpc.batch([
      { method: 'anvil_autoImpersonateAccount', params: [true] },
      { method: 'evm_setAutomine', params: [false] },
      { method: 'evm_setBlockGasLimit', params: [numberToHex(BLOCK_GAS_LIMIT)] },
    ]);
  }

  async automine(on: boolean): Promise<void> {
    await this.rpc.call('evm_setAutomine', [on]);
  }

  /** Gives each account gas money (a cheat code: no transaction, no log). */
  async fund(accounts: readonly Address[]): Promise<void> {
    await this.rpc.batch(accounts.map((a) => ({ method: 'anvil_setBalance', params: [a, numberToHex(BALANCE)] })));
    const counts = await this.rpc.batch<Hex>(accounts.map((a) => ({ method: 'eth_getTransactionCount', params: [a, 'latest'] })));
    accounts.forEach((a, i) => this.nonces.set(a, Number(BigInt(counts[i]!))));
  }

  /** Sends `txs` (nonces assigned in order) and mines them into one block. */
  async mineBlock(txs: readonly Tx[]): Promise<MinedBlock> {
    const calls = txs.map((tx) => {
      const nonce = this.nonces.get(tx.from);
      if (nonce === undefined) throw new Error(`unfunded sender ${tx.from}`);
      this.nonces.set(tx.from, nonce + 1);
      return {
        method: 'eth_sendTransaction',
        params: [
          {
            from: tx.from,
            to: tx.to,
            data: tx.data,
            nonce: numberToHex(nonce),
            gas: numberToHex(GAS_PER_TX),
            maxFeePerGas: numberToHex(MAX_FEE),
            maxPriorityFeePerGas: '0x0',
          },
        ],
      };
    });
    const hashes = await this.rpc.batch<Hex>(calls);
    await this.rpc.call('evm_mine');
    const number = await this.rpc.blockNumber();
    const receipts = await this.rpc.call<Receipt[]>('eth_getBlockReceipts', [numberToHex(number)]);
    if (receipts.length !== txs.length) throw new Error(`block ${number} mined ${receipts.length} of ${txs.length} transactions`);
    const failed = receipts.findIndex((r) => r.status !== '0x1');
    if (failed >= 0) {
      const i = hashes.indexOf(receipts[failed]!.transactionHash);
      throw new Error(`block ${number}: transaction "${txs[i]?.label ?? '?'}" from ${txs[i]?.from ?? '?'} reverted`);
    }
    return { number, txs: txs.length };
  }

  /** Mines `txs` in blocks of at most `perBlock`. */
  async mineAll(txs: readonly Tx[], perBlock: number): Promise<MinedBlock[]> {
    const blocks: MinedBlock[] = [];
    for (let at = 0; at < txs.length; at += perBlock) blocks.push(await this.mineBlock(txs.slice(at, at + perBlock)));
    return blocks;
  }

  /** Moves the chain's clock: the next mined block is `seconds` later. */
  async warp(seconds: number): Promise<void> {
    await this.rpc.call('evm_increaseTime', [seconds]);
  }

  async mineEmpty(count: number): Promise<void> {
    await this.rpc.call('anvil_mine', [numberToHex(count)]);
  }
}
