import { BaseError, ContractFunctionRevertedError } from 'viem';

/** Whether a read failed because the contract reverted (an answer), not because the RPC did not answer. */
export function isContractRevert(error: unknown): boolean {
  return error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionRevertedError) instanceof ContractFunctionRevertedError;
}
