// The EVM's integer semantics, for every twin in lib/mirror/: Solidity 0.8's checked uint256 arithmetic
// (`Panic(0x11)` on overflow, `Panic(0x12)` on a division by zero), OpenZeppelin's `Math.mulDiv` and
// `Math.ceilDiv` (contracts/utils/math/Math.sol), the rounding type, and `ContractRevert`, the one error a
// twin throws where its contract reverts: the contract, the custom error's name and its arguments, so the
// UI says it in words through the same table as a decoded chain revert (lib/tx/describeError.ts) and the
// parity suites compare it with the chain's revert by name.
//
// BigInt `/` truncates toward zero like the EVM's DIV/SDIV and `>>` floors like SAR; a twin whose contract
// range-checks its inputs needs no masking. A value outside uint256 given to a uint256 parameter is not a
// revert but an argument the ABI would refuse to encode: that is a RangeError.

/** Which way an integer result rounds; named like Morpho's blue-sdk so call sites read as the .sol does. */
export type Rounding = 'Down' | 'Up';

export const MAX_UINT256 = (1n << 256n) - 1n;
export const MAX_INT256 = (1n << 255n) - 1n;
export const MIN_INT256 = -(1n << 255n);

/** Thrown by a twin where its contract reverts with `errorName(...args)`. */
export class ContractRevert extends Error {
  constructor(
    /** The contract (or library) whose revert this is, as its .sol names it. */
    readonly contract: string,
    /** The custom error's name, e.g. `CoverMarketStrikeTooFar`; `Panic` for the EVM's own. */
    readonly errorName: string,
    /** The error's arguments, in the order the Solidity declares them. */
    readonly args: readonly unknown[] = [],
  ) {
    super(`${errorName}(${args.map(String).join(', ')})`);
    this.name = 'ContractRevert';
  }
}

/** The EVM's `Panic(uint256)`: 0x11 for checked arithmetic, 0x12 for a division by zero. */
export class Panic extends ContractRevert {
  constructor(readonly code: 0x11n | 0x12n) {
    super('EVM', 'Panic', [code]);
    this.message = `Panic(0x${code.toString(16)})`;
  }
}

/** Rejects what the ABI would refuse to encode as a uint256. */
export function uint(x: bigint): bigint {
  if (x < 0n || x > MAX_UINT256) throw new RangeError(`${x} is not a uint256`);
  return x;
}

/** Rejects what the ABI would refuse to encode as an int256. */
export function int(x: bigint): bigint {
  if (x < MIN_INT256 || x > MAX_INT256) throw new RangeError(`${x} is not an int256`);
  return x;
}

/** Checked `x + y` on uint256. */
export function add(x: bigint, y: bigint): bigint {
  const r = uint(x) + uint(y);
  if (r > MAX_UINT256) throw new Panic(0x11n);
  return r;
}

/** Checked `x - y` on uint256. */
export function sub(x: bigint, y: bigint): bigint {
  if (uint(y) > uint(x)) throw new Panic(0x11n);
  return x - y;
}

/** Checked `x * y` on uint256. */
export function mul(x: bigint, y: bigint): bigint {
  const r = uint(x) * uint(y);
  if (r > MAX_UINT256) throw new Panic(0x11n);
  return r;
}

/** `x / y` on uint256, rounded down; a zero divisor panics. */
export function div(x: bigint, y: bigint): bigint {
  if (uint(y) === 0n) throw new Panic(0x12n);
  return uint(x) / y;
}

/**
 * `x * y / denominator` with full precision, rounded as asked.
 * Mirrors OpenZeppelin `Math.mulDiv(x, y, denominator, rounding)` (contracts/utils/math/Math.sol), which
 * panics 0x12 on a zero denominator and 0x11 on a result that does not fit in uint256.
 */
export function mulDiv(x: bigint, y: bigint, denominator: bigint, rounding: Rounding): bigint {
  uint(x);
  uint(y);
  if (uint(denominator) === 0n) throw new Panic(0x12n);
  const product = x * y;
  let result = product / denominator;
  if (rounding === 'Up' && product % denominator !== 0n) result += 1n;
  if (result > MAX_UINT256) throw new Panic(0x11n);
  return result;
}

/** OpenZeppelin `Math.ceilDiv`: ⌈a / b⌉ for a ≥ 0; a zero divisor panics 0x12. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new Panic(0x12n);
  return a === 0n ? 0n : (a - 1n) / b + 1n;
}
