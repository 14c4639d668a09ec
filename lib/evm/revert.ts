// How the whole-action twins (lib/token/erc20.ts, lib/pool/backstopPool.ts, lib/cover/coverMarket.ts,
// lib/oracle/volatilityOracle.ts, lib/waterfall/shortfallWaterfall.ts, lib/recap/recapitalizer.ts) fail
// where their contract reverts: the custom error's name and its arguments, in the Solidity order, so a
// caller can compare both with the revert data the EVM returns (addresses lower-case, numbers bigint).

/** A named custom-error revert, as a twin predicts it. */
export class ContractRevert extends Error {
  /** `args` undefined: the twin names the error but does not know its arguments (compare the name only). */
  constructor(
    readonly errorName: string,
    readonly args?: readonly unknown[],
  ) {
    super(args ? `${errorName}(${args.map((a) => String(a)).join(', ')})` : errorName);
  }
}

/** Throws `errorName(...args)`: a one-line `revert` for the twins. */
export function revert(errorName: string, ...args: unknown[]): never {
  throw new ContractRevert(errorName, args);
}

export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000' as const;
export const MAX_UINT256 = (1n << 256n) - 1n;

/** Addresses compare lower-case everywhere in the twins' state (checksums are presentation). */
export function addr(a: string): `0x${string}` {
  return a.toLowerCase() as `0x${string}`;
}

export function isZero(a: string): boolean {
  return addr(a) === ZERO_ADDRESS;
}
