// Twins of contracts/src/libraries/WaterfallMath.sol: ShortfallWaterfall's rolling 24 h draw window, each
// layer's cap, the Junior → Senior → recapitalization split of a shortfall and the venue-fee split.
// Same names, same uint256 arithmetic, same floors; where the EVM reverts the twin throws (Panic).
// Proven equal on anvil by WaterfallMath.parity.test.ts. The Monte Carlo and stress tests run these
// exact functions, so a simulated loss splits as the contract would split it.
import { add, div, mulDiv, sub } from './evm';
import { BPS } from './units';

/** Width of one aligned window of the rolling cap. */
export const WINDOW = 86_400n;

/** The aligned window a timestamp falls in. */
export function windowOf(t: bigint): bigint {
  return div(t, WINDOW);
}

/**
 * A layer's stored `(prev, curr)` seen from window `nowWindow`: unchanged in the same window, shifted
 * by one in the next, empty later (a draw counts for 24–48 h: the price of an exact 24 h guarantee in O(1)).
 * The contract computes `storedWindow + 1` (checked) whenever the windows differ; so does the twin.
 */
export function rollWindow(storedWindow: bigint, prev: bigint, curr: bigint, nowWindow: bigint): { prevNow: bigint; currNow: bigint } {
  if (nowWindow === storedWindow) return { prevNow: prev, currNow: curr };
  if (nowWindow === add(storedWindow, 1n)) return { prevNow: curr, currNow: 0n };
  return { prevNow: 0n, currNow: 0n };
}

/** `floor((free + used) × capBps / 10000)`: paid capital is added back so splitting a draw gains nothing. */
export function layerCapDown(free: bigint, used: bigint, capBps: bigint): bigint {
  return mulDiv(add(free, used), capBps, BPS, 'Down');
}

/** `min(free, max(0, layerCapDown − used))`: what the layer may still pay now. */
export function layerAvailableDown(free: bigint, used: bigint, capBps: bigint): bigint {
  const cap = layerCapDown(free, used, capBps);
  if (used >= cap) return 0n;
  const room = cap - used;
  return room < free ? room : free;
}

/**
 * Splits a shortfall: the venue's remaining exposure bounds what is covered at all; Junior pays first,
 * then Senior; the rest of the covered part goes to the auction. Only min and subtraction, so the four
 * parts always sum to `amount` exactly.
 */
export function allocateShortfall(
  amount: bigint,
  juniorAvailable: bigint,
  seniorAvailable: bigint,
  exposureRemaining: bigint,
): { junior: bigint; senior: bigint; recapitalization: bigint; overExposure: bigint } {
  const eligible = amount < exposureRemaining ? amount : exposureRemaining;
  const overExposure = sub(amount, eligible);
  const junior = eligible < juniorAvailable ? eligible : juniorAvailable;
  const rest = sub(eligible, junior);
  const senior = rest < seniorAvailable ? rest : seniorAvailable;
  const recapitalization = sub(rest, senior);
  return { junior, senior, recapitalization, overExposure };
}

/** `senior = floor(amount × seniorWeightBps / 10000)`, `junior = amount − senior`: the dust goes to the first-loss layer. */
export function splitFeesSeniorDown(amount: bigint, seniorWeightBps: bigint): { junior: bigint; senior: bigint } {
  const senior = mulDiv(amount, seniorWeightBps, BPS, 'Down');
  return { junior: sub(amount, senior), senior };
}
