// Addresses in the whole-action twins' state: compared lower-case everywhere (checksums are presentation).
// Reverts are `ContractRevert` from ../evm, the one error every twin throws.

export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000' as const;

export function addr(a: string): `0x${string}` {
  return a.toLowerCase() as `0x${string}`;
}

export function isZero(a: string): boolean {
  return addr(a) === ZERO_ADDRESS;
}
