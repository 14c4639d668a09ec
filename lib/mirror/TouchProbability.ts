// Twin of contracts/src/libraries/TouchProbability.sol: P(a driftless GBM touches the strike within T).
import { ContractRevert } from './evm';
import { expWad, isqrt, lnWad } from './FixedPointMath';
import { lowerTail, normalCdf, SMALL_MAX, TAIL_CUTOFF } from './NormalCdf';
import { WAD, YEAR } from './units';

export const MAX_PRICE = (1n << 128n) - 1n;
export const MAX_SIGMA = 100n * WAD;
export const MAX_DURATION = 100n * YEAR;

/**
 * Probability (WAD in [0, 1e18]) that the price touches `strike` within `duration` seconds under a
 * driftless GBM (r = q = 0) with annualised volatility `sigma` (WAD): down barrier when strike < spot,
 * up barrier when strike > spot, 1e18 when equal.
 * Mirrors `TouchProbability.touchProbability` (contracts/src/libraries/TouchProbability.sol).
 */
export function touchProbability(spot: bigint, strike: bigint, sigma: bigint, duration: bigint): bigint {
  if (spot <= 0n || strike <= 0n || sigma < 0n || duration < 0n || spot > MAX_PRICE || strike > MAX_PRICE || sigma > MAX_SIGMA || duration > MAX_DURATION) {
    throw new ContractRevert('TouchProbability', 'TouchProbabilityOutOfDomain', [spot, strike, sigma, duration]);
  }
  if (strike === spot) return WAD;
  const up = strike > spot;
  const ratio = up ? (strike * WAD) / spot : (spot * WAD) / strike;
  const a = lnWad(ratio);
  const v = isqrt((sigma * sigma * duration) / YEAR);
  if (v === 0n) return a === 0n ? WAD : 0n;
  const q = (a * WAD) / v;
  const h = v / 2n;
  const d2 = -q + h;
  let n1 = 0n;
  let n2: bigint;
  const y2 = d2 < 0n ? -d2 : d2;
  if (y2 > SMALL_MAX && y2 < TAIL_CUTOFF) {
    // One exponential for both Φ: e^(−d₁²/2) = e^(−d₂²/2)/ratio (as the contract).
    const g2 = expWad(-((y2 * y2) / (2n * WAD)));
    const lower2 = lowerTail(y2, g2);
    n2 = d2 < 0n ? lower2 : WAD - lower2;
    const y1 = q + h;
    if (y1 < TAIL_CUTOFF) n1 = lowerTail(y1, (g2 * WAD) / ratio);
  } else {
    n1 = normalCdf(-q - h);
    n2 = normalCdf(d2);
  }
  const p = up ? n1 + (n2 * WAD) / ratio : n2 + (n1 * ratio) / WAD;
  return p > WAD ? WAD : p;
}
