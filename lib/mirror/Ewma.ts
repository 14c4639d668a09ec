// Twin of contracts/src/libraries/Ewma.sol: one step of the time-scaled RiskMetrics EWMA.
import { ContractRevert, int, MIN_INT256, Panic, uint } from './evm';
import { expWad } from './FixedPointMath';
import { DAY, WAD, YEAR } from './units';

/** ln(0.94) as a WAD. */
export const LN_LAMBDA_WAD = -61_875_403_718_087_472n;
export const MAX_VARIANCE = 10n ** 36n;
export const MAX_ABS_RETURN = 10n ** 21n;
export const MAX_DT = 100n * YEAR;

/**
 * New annualised variance (WAD) after a log return `lnReturn` (WAD) observed over `dt` seconds:
 * w·variance + (1 − w)·r²·year/dt with w = exp(ln 0.94 · dt/day); the sample and the blend round up.
 * Mirrors `Ewma.ewmaUpdate` (contracts/src/libraries/Ewma.sol).
 */
export function ewmaUpdate(variance: bigint, lnReturn: bigint, dt: bigint): bigint {
  uint(variance);
  uint(dt);
  int(lnReturn);
  if (dt === 0n) throw new ContractRevert('Ewma', 'EwmaZeroInterval');
  if (lnReturn === MIN_INT256) throw new Panic(0x11n); // −type(int256).min overflows (checked)
  const absReturn = lnReturn < 0n ? -lnReturn : lnReturn;
  if (variance > MAX_VARIANCE || absReturn > MAX_ABS_RETURN || dt > MAX_DT) throw new ContractRevert('Ewma', 'EwmaOutOfDomain');
  const w = expWad((LN_LAMBDA_WAD * dt) / DAY);
  const num = absReturn * absReturn * YEAR;
  const den = dt * WAD;
  const sample = (num + den - 1n) / den;
  const blended = w * variance + (WAD - w) * sample;
  return (blended + WAD - 1n) / WAD;
}
