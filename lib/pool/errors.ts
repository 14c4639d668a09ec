// The pool twins' way of failing where BackstopPool reverts with a custom error: the error's name, as
// the parity suites compare it (lib/pool/testing/parity.ts reads `errorName`), and — from the whole-action
// twin (backstopPool.ts) — its arguments in the Solidity order, which the protocol soak compares too.

/** A named BackstopPool custom error, thrown by a twin where the contract reverts with it. */
export class BackstopPoolError extends Error {
  constructor(
    readonly errorName: `BackstopPool${string}`,
    readonly args?: readonly unknown[],
  ) {
    super(args ? `${errorName}(${args.map((a) => String(a)).join(', ')})` : errorName);
  }
}
