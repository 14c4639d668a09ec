// Twins of contracts/src/libraries/FixedPointMath.sol: the same integer operations in the same order,
// so every result is bit-for-bit the contract's. BigInt `/` truncates toward zero like the EVM's SDIV/DIV
// and BigInt `>>` floors like SAR; the contract range-checks its inputs, so no intermediate wraps and no
// masking is needed. Where the contract reverts the twin throws a ContractRevert of the same name.
import { ContractRevert, int, MAX_UINT256, uint } from './evm';
import { WAD } from './units';

const revert = (errorName: 'FixedPointMathLnUndefined' | 'FixedPointMathExpOverflow' | 'FixedPointMathSqrtOverflow', value: bigint) =>
  new ContractRevert('FixedPointMath', errorName, [value]);

export const EXP_MIN_WAD = -41_446_531_673_892_822_313n;
export const EXP_MAX_WAD = 135n * WAD;
const ONE_Q96 = 1n << 96n;
const TWO_Q96 = 2n << 96n;
const LN2_Q96 = 54916777467707473351141471128n;
const INV_LN2_Q96 = 114302077158074026402637675937n;
const SQRT2_Q96 = 112045541949572279837463876454n;
const LN_1E18_Q96 = 3283732547111784853622338894909n;

/** 2^96/n! for n = 15 … 0 (Horner order). */
const EXP_COEFFICIENTS = [
  60587073091780857n,
  908806096376712848n,
  12723285349273979877n,
  165402709540561738402n,
  1984832514486740860829n,
  21833157659354149469120n,
  218331576593541494691204n,
  1964984189341873452220832n,
  15719873514734987617766657n,
  110039114603144913324366598n,
  660234687618869479946199586n,
  3301173438094347399730997931n,
  13204693752377389598923991723n,
  39614081257132168796771975168n,
  ONE_Q96,
  ONE_Q96,
] as const;

/** 2^96/(2j+1) for j = 14 … 0 (Horner order). */
const ATANH_COEFFICIENTS = [
  2732005603940149572191170701n,
  2934376389417197688649775938n,
  3169126500570573503741758013n,
  3444702718011492938849736971n,
  3772769643536397028263997635n,
  4169903290224438820712839491n,
  4660480147897902211384938255n,
  5281877500950955839569596689n,
  6094474039558795199503380795n,
  7202560228569485235776722758n,
  8803129168251593065949327815n,
  11318308930609191084791992905n,
  15845632502852867518708790067n,
  26409387504754779197847983445n,
  ONE_Q96,
] as const;

/** Rejects what the ABI would refuse to encode as an int256 (a RangeError, not a revert). */
export function assertInt256(x: bigint): void {
  int(x);
}

/**
 * e^x for a WAD `x`, as a WAD, rounded down; 0 below ln(1e-18); throws above 135e18.
 * Mirrors `FixedPointMath.expWad` (contracts/src/libraries/FixedPointMath.sol).
 */
export function expWad(x: bigint): bigint {
  assertInt256(x);
  if (x > EXP_MAX_WAD) throw revert('FixedPointMathExpOverflow', x);
  if (x < EXP_MIN_WAD) return 0n;
  const xq = (x << 96n) / WAD;
  const k = (xq * INV_LN2_Q96 + (1n << 191n)) >> 192n;
  const rq = xq - k * LN2_Q96;
  let p = EXP_COEFFICIENTS[0];
  for (let i = 1; i < EXP_COEFFICIENTS.length; i++) p = ((p * rq) >> 96n) + EXP_COEFFICIENTS[i]!;
  const scaled = p * WAD;
  return k >= 96n ? scaled << (k - 96n) : scaled >> (96n - k);
}

/** floor(log2(x)) for x > 0, like OpenZeppelin `Math.log2`. */
function log2Floor(x: bigint): bigint {
  return BigInt(x.toString(2).length - 1);
}

/**
 * ln(x) for a WAD `x` > 0, as a WAD, rounded to nearest (within 1 wei; exactly 0 at 1e18); throws for x ≤ 0.
 * Mirrors `FixedPointMath.lnWad` (contracts/src/libraries/FixedPointMath.sol).
 */
export function lnWad(x: bigint): bigint {
  assertInt256(x);
  if (x <= 0n) throw revert('FixedPointMathLnUndefined', x);
  const k = log2Floor(x);
  const m = k >= 96n ? x >> (k - 96n) : x << (96n - k);
  let e = k;
  let s: bigint;
  if (m > SQRT2_Q96) {
    e += 1n;
    s = ((m - TWO_Q96) << 96n) / (m + TWO_Q96);
  } else {
    s = ((m - ONE_Q96) << 96n) / (m + ONE_Q96);
  }
  const z = (s * s) >> 96n;
  let t = ATANH_COEFFICIENTS[0];
  for (let i = 1; i < ATANH_COEFFICIENTS.length; i++) t = ((t * z) >> 96n) + ATANH_COEFFICIENTS[i]!;
  const lnq = e * LN2_Q96 + ((s * t) >> 95n) - LN_1E18_Q96;
  return (lnq * WAD + (1n << 95n)) >> 96n;
}

/** Exact floor(√n) for n ≥ 0 (the unique integer square root, as OpenZeppelin `Math.sqrt`). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt of a negative number');
  if (n < 2n) return n;
  let x = 1n << BigInt((n.toString(2).length + 1) >> 1); // ≥ √n
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/**
 * √x for a WAD `x`, as a WAD, rounded down; throws when x·1e18 exceeds uint256.
 * Mirrors `FixedPointMath.sqrtWad` (contracts/src/libraries/FixedPointMath.sol).
 */
export function sqrtWad(x: bigint): bigint {
  uint(x);
  if (x > MAX_UINT256 / WAD) throw revert('FixedPointMathSqrtOverflow', x);
  return isqrt(x * WAD);
}
