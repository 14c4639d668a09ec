// Turns anything a wallet, RPC or contract throws into one plain sentence for the user. Custom errors are
// decoded against every error the protocol declares (contracts-abi/errors.ts) and worded by the one table,
// lib/tx/revertSentences.ts. This module carries viem's error classes (~27 kB gzip): client code loads it
// when something has failed (import() in a catch), never with the page.
import { BaseError, ContractFunctionRevertedError, decodeErrorResult, UserRejectedRequestError, type Hex } from 'viem';
import { protocolErrorsAbi } from '@/contracts-abi';
import { ContractRevert } from '../mirror/evm';
import { describeRevert } from './revertSentences';
import type { ErrorKind } from './errorKind';

export type { ErrorKind };

/** Decodes raw revert data against the protocol's errors; undefined when it is not one of ours. */
export function describeRevertData(data: Hex): string | undefined {
  try {
    const decoded = decodeErrorResult({ abi: protocolErrorsAbi, data });
    return describeRevert(decoded.errorName, decoded.args as readonly unknown[] | undefined);
  } catch {
    return undefined;
  }
}

export function describeError(error: unknown): { kind: ErrorKind; message: string } {
  // wagmi's own error (not a viem BaseError) when the generic browser-wallet entry finds no extension.
  if (error instanceof Error && error.name === 'ProviderNotFoundError') {
    return { kind: 'no-wallet', message: 'No wallet extension was found in this browser. Install one (MetaMask, Rabby, …) and reload.' };
  }
  // A twin refused before anything was signed: the same words as the chain's revert.
  if (error instanceof ContractRevert) return { kind: 'revert', message: describeRevert(error.errorName, error.args) };
  if (error instanceof BaseError) {
    const rejected = error.walk((e) => e instanceof UserRejectedRequestError || (e as { code?: number }).code === 4001);
    if (rejected) return { kind: 'rejected', message: 'You rejected the transaction. Nothing was sent.' };
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (revert instanceof ContractFunctionRevertedError) {
      if (revert.data?.errorName) return { kind: 'revert', message: describeRevert(revert.data.errorName, revert.data.args) };
      if (revert.raw) {
        const fromRaw = describeRevertData(revert.raw);
        if (fromRaw) return { kind: 'revert', message: fromRaw };
      }
      if (revert.reason) return { kind: 'revert', message: `The contract refused: ${revert.reason}.` };
    }
    const network = error.walk((e) => ['HttpRequestError', 'TimeoutError', 'WebSocketRequestError'].includes((e as Error).name));
    if (network) return { kind: 'network', message: 'The network could not be reached. Check your connection and try again.' };
    return { kind: 'unknown', message: error.shortMessage || error.message };
  }
  if (error instanceof Error) return { kind: 'unknown', message: error.message };
  return { kind: 'unknown', message: 'Something went wrong.' };
}
