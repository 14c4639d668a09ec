// Owner actions on a deployed stack go through its TimelockController: queue a batch of calls, wait the
// delay (locally: warp the chain), execute. Used by the seed, the indexer's integration test and any soak;
// on a public chain the same calls are what the multisig proposes (README, "Governance").
import { createPublicClient, createWalletClient, encodeFunctionData, http, keccak256, toHex, zeroHash, type Abi, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { timelockControllerAbi } from '../../contracts-abi';
import type { Deployment } from './deploy';

/** One call the timelock makes as owner. */
export type OwnerCall = { target: Address; abi: Abi; functionName: string; args?: readonly unknown[] };

export type QueuedChange = { id: Hex; readyAt: bigint; targets: Address[]; values: bigint[]; payloads: Hex[]; salt: Hex };

function clients(rpcUrl: string, key: Hex) {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain: foundry, transport });
  const wallet = createWalletClient({ chain: foundry, transport, account: privateKeyToAccount(key) });
  return { publicClient, wallet };
}

async function sendTimelock(rpcUrl: string, key: Hex, timelock: Address, functionName: 'scheduleBatch' | 'executeBatch' | 'cancel', args: readonly unknown[]) {
  const { publicClient, wallet } = clients(rpcUrl, key);
  const hash = await wallet.writeContract({ address: timelock, abi: timelockControllerAbi, functionName, args } as never);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`timelock ${functionName} reverted (${hash})`);
  return receipt;
}

/** Queues `calls` as one batch with the timelock's minimum delay, signed by a proposer's `key`. */
export async function scheduleChange(rpcUrl: string, deployment: Deployment, key: Hex, calls: OwnerCall[], label: string): Promise<QueuedChange> {
  const timelock = deployment.contracts.timelock.address;
  const { publicClient } = clients(rpcUrl, key);
  const targets = calls.map((c) => c.target);
  const values = calls.map(() => 0n);
  const payloads = calls.map((c) => encodeFunctionData({ abi: c.abi, functionName: c.functionName, args: (c.args ?? []) as unknown[] }));
  const salt = keccak256(toHex(label));
  const delay = await publicClient.readContract({ address: timelock, abi: timelockControllerAbi, functionName: 'getMinDelay' });
  await sendTimelock(rpcUrl, key, timelock, 'scheduleBatch', [targets, values, payloads, zeroHash, salt, delay]);
  const id = await publicClient.readContract({
    address: timelock,
    abi: timelockControllerAbi,
    functionName: 'hashOperationBatch',
    args: [targets, values, payloads, zeroHash, salt],
  });
  const readyAt = await publicClient.readContract({ address: timelock, abi: timelockControllerAbi, functionName: 'getTimestamp', args: [id] });
  return { id, readyAt, targets, values, payloads, salt };
}

/** Executes a queued change once ready, signed by an executor's `key`. */
export async function executeChange(rpcUrl: string, deployment: Deployment, key: Hex, change: QueuedChange): Promise<void> {
  await sendTimelock(rpcUrl, key, deployment.contracts.timelock.address, 'executeBatch', [
    change.targets,
    change.values,
    change.payloads,
    zeroHash,
    change.salt,
  ]);
}

/** Cancels a queued change, signed by a canceller's `key`. */
export async function cancelChange(rpcUrl: string, deployment: Deployment, key: Hex, change: QueuedChange): Promise<void> {
  await sendTimelock(rpcUrl, key, deployment.contracts.timelock.address, 'cancel', [change.id]);
}

/** Local chains only: moves the clock to when `change` is ready and mines a block. */
export async function warpUntilReady(rpcUrl: string, change: QueuedChange): Promise<void> {
  const publicClient = createPublicClient({ chain: foundry, transport: http(rpcUrl) });
  const now = (await publicClient.getBlock()).timestamp;
  if (now < change.readyAt) await publicClient.request({ method: 'evm_increaseTime' as never, params: [Number(change.readyAt - now)] as never });
  await publicClient.request({ method: 'evm_mine' as never });
}

/** Local chains only: queue, warp the delay, execute — an owner action the way governance makes it. */
export async function enactChange(rpcUrl: string, deployment: Deployment, key: Hex, calls: OwnerCall[], label: string): Promise<QueuedChange> {
  const change = await scheduleChange(rpcUrl, deployment, key, calls, label);
  await warpUntilReady(rpcUrl, change);
  await executeChange(rpcUrl, deployment, key, change);
  return change;
}
