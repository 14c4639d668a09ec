// Twin of contracts/src/libraries/CoverValue.sol: a cover's model value now, the mark the exchange's asks and
// offers are shown against and the portfolio values held covers at. Parity: CoverValue.parity.test.ts.
import { mul } from './evm';
import { touchProbability } from './TouchProbability';
import { WAD } from './units';

/**
 * ⌊payout × P_touch(spot, strike, σ, remaining) / 1e18⌋; the payout when a touch is `provable` or the price is
 * at or through the strike (`down`: spot ≤ strike; up: spot ≥ strike); 0 when no time is left.
 * Mirrors `CoverValue.modelValueDown`: throws where it reverts (touchProbability's domain, overflow).
 */
export function modelValueDown(payout: bigint, down: boolean, spot: bigint, strike: bigint, sigma: bigint, remaining: bigint, provable: boolean): bigint {
  if (provable) return payout;
  if (remaining === 0n) return 0n;
  if (down ? spot <= strike : spot >= strike) return payout;
  return mul(payout, touchProbability(spot, strike, sigma, remaining)) / WAD;
}
