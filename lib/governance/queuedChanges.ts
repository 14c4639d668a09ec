// The overview's queued governance changes: pending timelock operations from the indexer, each call put in
// words (timelockCalls.ts) with the value it would replace read from the chain at the page's block.
import type { Address, PublicClient } from 'viem';
import { deployments } from '@/contracts-abi/deployments';
import { TARGET_CHAIN_ID } from '../chain/config';
import type { GovernanceOperation } from '../history/queries';
import { currentValueRead, decodeTimelockCall, describeTimelockCall, executableWords, type AddressBook } from './timelockCalls';

export type QueuedChange = {
  id: `0x${string}`;
  /** Each call of the operation in words, in batch order. */
  lines: string[];
  readyAt: bigint;
  /** "can execute from … (chain time)". */
  when: string;
};

/** The target chain's deployed contracts by name. */
export function deployedAddressBook(chainId: number = TARGET_CHAIN_ID): AddressBook {
  const contracts = deployments[chainId]?.contracts ?? {};
  return Object.fromEntries(Object.entries(contracts).map(([name, c]) => [name, c.address as Address]));
}

/**
 * Puts pending operations in words. `now` is the chain time of `blockNumber` (the page's pinned block); a
 * current value that cannot be read leaves its sentence with the new value only.
 */
export async function describeQueuedChanges(
  client: Pick<PublicClient, 'readContract'>,
  operations: readonly GovernanceOperation[],
  blockNumber: bigint | undefined,
  now: bigint,
  book: AddressBook = deployedAddressBook(),
): Promise<QueuedChange[]> {
  return Promise.all(
    operations.map(async (op) => {
      const lines = await Promise.all(
        op.callList.map(async (c) => {
          const call = decodeTimelockCall({ target: c.target as Address, value: c.value, data: c.data }, book);
          const read = currentValueRead(call);
          const current = read
            ? await client
                .readContract({ address: read.address, abi: read.abi, functionName: read.functionName, args: read.args as unknown[], blockNumber })
                .catch(() => undefined)
            : undefined;
          return describeTimelockCall(call, book, current);
        }),
      );
      return { id: op.id as `0x${string}`, lines, readyAt: op.readyAt, when: executableWords(op.readyAt, now) };
    }),
  );
}
