import type { Rounding } from '../math/rounding';

const MAX_UINT256 = (1n << 256n) - 1n;

/** Thrown where the EVM version reverts (division by zero, result above uint256). */
export class MulDivError extends Error {}

/**
 * `x * y / denominator` with full precision, rounded as asked.
 * Mirrors OpenZeppelin `Math.mulDiv(x, y, denominator, rounding)` (contracts/utils/math/Math.sol):
 * reverts on a zero denominator or a result that does not fit in uint256.
 */
export function mulDiv(x: bigint, y: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (x < 0n || y < 0n || denominator < 0n || x > MAX_UINT256 || y > MAX_UINT256 || denominator > MAX_UINT256) {
    throw new MulDivError('mulDiv operands must be uint256');
  }
  if (denominator === 0n) throw new MulDivError('mulDiv: division by zero');
  const product = x * y;
  let result = product / denominator;
  if (rounding === 'Up' && product % denominator !== 0n) result += 1n;
  if (result > MAX_UINT256) throw new MulDivError('mulDiv: result overflows uint256');
  return result;
}
