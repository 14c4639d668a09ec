// Where a held cover stands now: how far the price must move to touch its strike, and the chance it does
// before the cover ends, from the TouchProbability twin at the oracle's σ over the term still left. The
// chance is the model's (driftless GBM), not the market's: analytics for the holder, never a transaction.
import type { Direction } from '../mirror/CoverMarket';
import { ContractRevert } from '../mirror/evm';
import { touchProbability } from '../mirror/TouchProbability';

const WAD = 10n ** 18n;

export type CoverOutlookInput = {
  direction: Direction;
  spot: bigint;
  strike: bigint;
  /** The oracle's annualised σ (WAD). */
  sigma: bigint;
  /** Chain time now, and the cover's term (seconds). */
  now: bigint;
  start: bigint;
  end: bigint;
  /** Touches count only from `start + activationDelay`. */
  activationDelay: bigint;
};

export type CoverOutlook = {
  /** The move the price needs to touch the strike, in basis points of the price now (negative: a fall); 0 once touched. */
  distanceBps: bigint;
  /** Seconds of the term in which a touch still counts. */
  remaining: bigint;
  /** P(touch) over `remaining` (WAD); 1e18 when the price is at or beyond the strike already, 0 once the term is over. */
  pTouch: bigint | null;
};

export function coverOutlook(c: CoverOutlookInput): CoverOutlook {
  const countsFrom = c.start + c.activationDelay > c.now ? c.start + c.activationDelay : c.now;
  const remaining = c.end > countsFrom ? c.end - countsFrom : 0n;
  const touched = c.direction === 'Down' ? c.spot <= c.strike : c.spot >= c.strike;
  if (c.spot <= 0n) return { distanceBps: 0n, remaining, pTouch: null };
  // Rounded toward zero: the move shown is never larger than the one needed.
  const distanceBps = touched ? 0n : ((c.strike - c.spot) * 10_000n) / c.spot;
  if (remaining === 0n) return { distanceBps, remaining, pTouch: 0n };
  if (touched) return { distanceBps, remaining, pTouch: WAD };
  try {
    return { distanceBps, remaining, pTouch: touchProbability(c.spot, c.strike, c.sigma, remaining) };
  } catch (error) {
    // Outside the twin's domain (a price or σ beyond its bounds): no number rather than a wrong one.
    if (error instanceof ContractRevert) return { distanceBps, remaining, pTouch: null };
    throw error;
  }
}
