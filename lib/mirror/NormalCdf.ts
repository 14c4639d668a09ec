// Twin of contracts/src/libraries/NormalCdf.sol (Cody's ANORM rational approximations in WAD fixed point).
import { assertInt256, expWad } from './FixedPointMath';
import { WAD } from './units';

export const SMALL_MAX = 662910000000000000n;
const MEDIUM_MAX = 5656854248000000000n;
export const TAIL_CUTOFF = 9n * WAD;
const SQRPI = 398942280401432678n;

const A = [2235252035460683929n, 161028231068555878810n, 1067689485460370958200n, 18154981253343561249000n, 65682337918207449n] as const;
const B = [47202581904688241870n, 976098551737776693220n, 10260932208618978205000n, 45507789335026729956000n] as const;
const C = [
  398941512088134668n,
  8883149794388375941n,
  93506656132177855979n,
  597270276394800262260n,
  2494537585290372671100n,
  6848190450536282332600n,
  11602651437647350124000n,
  9842714838383978021800n,
  10765576774n,
] as const;
const D = [
  22266688044328115691n,
  235387901782624998610n,
  1519377599407554805000n,
  6485558298266760755000n,
  18615571640885098091000n,
  34900952721145977266000n,
  38912003286093271411000n,
  19685429676859990727000n,
] as const;
const P = [215898534057956990n, 127401161160247364n, 22235277870649807n, 1421619193227893n, 29112874951169n, 23073441764940173n] as const;
const Q = [1284260096144911210n, 468238212480865118n, 65988137868928552n, 3782396332027582n, 72975155508397n] as const;

/**
 * Φ(−y) for a WAD 0.66291 < y < 9; `gauss` = e^(−y²/2) (WAD) defaults to `expWad(−(y·y)/2e18)`.
 * Mirrors both overloads of `NormalCdf.lowerTail` (contracts/src/libraries/NormalCdf.sol).
 */
export function lowerTail(y: bigint, gauss: bigint = expWad(-((y * y) / (2n * WAD)))): bigint {
  let temp: bigint;
  if (y <= MEDIUM_MAX) {
    let xnum = (C[8] * y) / WAD;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = ((xnum + C[i]!) * y) / WAD;
      xden = ((xden + D[i]!) * y) / WAD;
    }
    temp = ((xnum + C[7]) * WAD) / (xden + D[7]);
  } else {
    const xsq = 10n ** 54n / (y * y);
    let xnum = (P[5] * xsq) / WAD;
    let xden = xsq;
    for (let i = 0; i < 4; i++) {
      xnum = ((xnum + P[i]!) * xsq) / WAD;
      xden = ((xden + Q[i]!) * xsq) / WAD;
    }
    temp = (xsq * (xnum + P[4])) / (xden + Q[4]);
    temp = ((SQRPI - temp) * WAD) / y;
  }
  return (gauss * temp) / WAD;
}

/**
 * Φ(x), the standard normal CDF, for a WAD `x`, as a WAD in [0, 1e18]; |error| ≤ 2e-17.
 * Mirrors `NormalCdf.normalCdf` (contracts/src/libraries/NormalCdf.sol).
 */
export function normalCdf(x: bigint): bigint {
  assertInt256(x);
  if (x <= -TAIL_CUTOFF) return 0n;
  if (x >= TAIL_CUTOFF) return WAD;
  if (x >= -SMALL_MAX && x <= SMALL_MAX) {
    const xsq = (x * x) / WAD;
    let xnum = (A[4] * xsq) / WAD;
    let xden = xsq;
    for (let i = 0; i < 3; i++) {
      xnum = ((xnum + A[i]!) * xsq) / WAD;
      xden = ((xden + B[i]!) * xsq) / WAD;
    }
    const temp = (x * (xnum + A[3])) / (xden + B[3]);
    return 5n * 10n ** 17n + temp;
  }
  const y = x < 0n ? -x : x;
  const lower = lowerTail(y);
  return x < 0n ? lower : WAD - lower;
}
