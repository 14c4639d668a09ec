// Twin of contracts/src/libraries/Ewma.sol: one step of the time-scaled RiskMetrics EWMA.
import { expWad, WAD } from './FixedPointMath';

export const YEAR = 365n * 86_400n;
export const DAY = 86_400n;
/** ln(0.94) as a WAD. */
export const LN_LAMBDA_WAD = -61_875_403_718_087_472n;
export const MAX_VARIANCE = 10n ** 36n;
export const MAX_ABS_RETURN = 10n ** 21n;
export const MAX_DT = 100n * YEAR;

/** Thrown where the contract reverts; `errorName` is the Solidity custom error. */
export class EwmaError extends Error {
  constructor(readonly errorName: 'EwmaZeroInterval' | 'EwmaOutOfDomain' | 'Panic') {
    super(errorName);
  }
}

/**
 * New annualised variance (WAD) after a log return `lnReturn` (WAD) observed over `dt` seconds:
 * w·variance + (1 − w)·r²·year/dt with w = exp(ln 0.94 · dt/day); the sample and the blend round up.
 * Mirrors `Ewma.ewmaUpdate` (contracts/src/libraries/Ewma.sol).
 */
export function ewmaUpdate(variance: bigint, lnReturn: bigint, dt: bigint): bigint {
  if (variance < 0n || variance >= 1n << 256n || dt < 0n || dt >= 1n << 256n) throw new EwmaError('Panic');
  if (lnReturn < -(1n << 255n) || lnReturn >= 1n << 255n) throw new EwmaError('Panic');
  if (dt === 0n) throw new EwmaError('EwmaZeroInterval');
  if (lnReturn === -(1n << 255n)) throw new EwmaError('Panic'); // −type(int256).min overflows (checked)
  const absReturn = lnReturn < 0n ? -lnReturn : lnReturn;
  if (variance > MAX_VARIANCE || absReturn > MAX_ABS_RETURN || dt > MAX_DT) throw new EwmaError('EwmaOutOfDomain');
  const w = expWad((LN_LAMBDA_WAD * dt) / DAY);
  const num = absReturn * absReturn * YEAR;
  const den = dt * WAD;
  const sample = (num + den - 1n) / den;
  const blended = w * variance + (WAD - w) * sample;
  return (blended + WAD - 1n) / WAD;
}
