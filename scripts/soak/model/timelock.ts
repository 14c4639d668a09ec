// The soak's model of OpenZeppelin 5's TimelockController (node_modules/@openzeppelin/contracts/governance/
// TimelockController.sol), deployed unmodified as every contract's owner: `scheduleBatch`, `executeBatch`
// (the batch's calls are run by the world's dispatcher, as the timelock; any revert undoes the batch) and
// `cancel`, with the contract's operation states, roles and errors. Ids are `hashOperationBatch`.
import { encodeAbiParameters, keccak256, type Hex } from 'viem';
import { addr } from '@/lib/mirror/actions/address';
import { ContractRevert } from '@/lib/mirror/evm';

export const DONE_TIMESTAMP = 1n;
export const PROPOSER_ROLE = keccak256(new TextEncoder().encode('PROPOSER_ROLE'));
export const EXECUTOR_ROLE = keccak256(new TextEncoder().encode('EXECUTOR_ROLE'));
export const CANCELLER_ROLE = keccak256(new TextEncoder().encode('CANCELLER_ROLE'));
const ZERO_HASH = `0x${'0'.repeat(64)}` as Hex;

/** `OperationState`, in declaration order. */
export const OPERATION = { Unset: 0n, Waiting: 1n, Ready: 2n, Done: 3n } as const;
const bitmap = (...states: bigint[]): Hex =>
  `0x${states
    .reduce((m, s) => m | (1n << s), 0n)
    .toString(16)
    .padStart(64, '0')}` as Hex;

export type TimelockState = {
  readonly address: string;
  readonly minDelay: bigint;
  readonly proposers: ReadonlySet<string>;
  readonly executors: ReadonlySet<string>;
  readonly cancellers: ReadonlySet<string>;
  /** `_timestamps` (absent = 0: unset; 1: done; else ready at). */
  readonly timestamps: ReadonlyMap<Hex, bigint>;
};

export type Batch = { targets: readonly string[]; values: readonly bigint[]; payloads: readonly Hex[]; predecessor: Hex; salt: Hex };

export function hashOperationBatch(b: Batch): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: 'address[]' }, { type: 'uint256[]' }, { type: 'bytes[]' }, { type: 'bytes32' }, { type: 'bytes32' }],
      [b.targets as `0x${string}`[], b.values as bigint[], b.payloads as Hex[], b.predecessor, b.salt],
    ),
  );
}

export function operationState(s: TimelockState, id: Hex, now: bigint): bigint {
  const t = s.timestamps.get(id) ?? 0n;
  if (t === 0n) return OPERATION.Unset;
  if (t === DONE_TIMESTAMP) return OPERATION.Done;
  return t > now ? OPERATION.Waiting : OPERATION.Ready;
}

function checkRole(set: ReadonlySet<string>, role: Hex, sender: string): void {
  if (!set.has(addr(sender))) throw new ContractRevert('TimelockController', 'AccessControlUnauthorizedAccount', [addr(sender), role]);
}

function checkLengths(b: Batch): void {
  if (b.targets.length !== b.values.length || b.targets.length !== b.payloads.length) {
    throw new ContractRevert('TimelockController', 'TimelockInvalidOperationLength', [
      BigInt(b.targets.length),
      BigInt(b.payloads.length),
      BigInt(b.values.length),
    ]);
  }
}

/** `scheduleBatch(..., delay)` by a proposer: a new operation, ready `delay` (≥ minDelay) from now. */
export function scheduleBatch(s: TimelockState, sender: string, now: bigint, b: Batch, delay: bigint): { timelock: TimelockState; id: Hex } {
  checkRole(s.proposers, PROPOSER_ROLE, sender);
  checkLengths(b);
  const id = hashOperationBatch(b);
  if (operationState(s, id, now) !== OPERATION.Unset)
    throw new ContractRevert('TimelockController', 'TimelockUnexpectedOperationState', [id, bitmap(OPERATION.Unset)]);
  if (delay < s.minDelay) throw new ContractRevert('TimelockController', 'TimelockInsufficientDelay', [delay, s.minDelay]);
  const timestamps = new Map(s.timestamps);
  timestamps.set(id, now + delay);
  return { timelock: { ...s, timestamps }, id };
}

/**
 * `executeBatch` by an executor, before its calls run: the operation must be ready and its predecessor
 * done. The caller runs the calls (as the timelock) and then `markDone`.
 */
export function beforeExecute(s: TimelockState, sender: string, now: bigint, b: Batch): Hex {
  checkRole(s.executors, EXECUTOR_ROLE, sender);
  checkLengths(b);
  const id = hashOperationBatch(b);
  if (operationState(s, id, now) !== OPERATION.Ready)
    throw new ContractRevert('TimelockController', 'TimelockUnexpectedOperationState', [id, bitmap(OPERATION.Ready)]);
  if (b.predecessor !== ZERO_HASH && operationState(s, b.predecessor, now) !== OPERATION.Done) {
    throw new ContractRevert('TimelockController', 'TimelockUnexecutedPredecessor', [b.predecessor]);
  }
  return id;
}

/** `_afterCall`: the operation is done. */
export function markDone(s: TimelockState, id: Hex): TimelockState {
  const timestamps = new Map(s.timestamps);
  timestamps.set(id, DONE_TIMESTAMP);
  return { ...s, timestamps };
}

/** `cancel(id)` by a canceller: only a pending (waiting or ready) operation. */
export function cancel(s: TimelockState, sender: string, now: bigint, id: Hex): { timelock: TimelockState } {
  checkRole(s.cancellers, CANCELLER_ROLE, sender);
  const state = operationState(s, id, now);
  if (state !== OPERATION.Waiting && state !== OPERATION.Ready) {
    throw new ContractRevert('TimelockController', 'TimelockUnexpectedOperationState', [id, bitmap(OPERATION.Waiting, OPERATION.Ready)]);
  }
  const timestamps = new Map(s.timestamps);
  timestamps.delete(id);
  return { timelock: { ...s, timestamps } };
}
