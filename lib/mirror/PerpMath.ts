// Twin of contracts/src/libraries/PerpMath.sol: the reference perp venue's arithmetic, function for
// function, same integer steps, same rounding, same domain checks (in the same order, so a revert names
// the same error). Units: size in 1e18 base units, prices in feed units, money in stablecoin base units,
// fractions as WADs; `scale` = 10^(18 + feedDecimals − stableDecimals). Parity: PerpMath.parity.test.ts.
import { ContractRevert, mulDiv, uint } from './evm';
import { isqrt } from './FixedPointMath';
import { BPS, WAD, YEAR } from './units';

export { BPS, WAD, YEAR };
export const INDEX_SCALE = 10n ** 27n;
export const MAX_SIZE = (1n << 96n) - 1n;
export const MAX_PRICE = (1n << 64n) - 1n;
export const MAX_MARGIN = (1n << 96n) - 1n;
export const MAX_SCALE = 10n ** 24n;
export const MAX_SIGMA = 100n * WAD;
export const MAX_K = 100n * WAD;
export const MAX_HORIZON = YEAR;
export const MAX_AMOUNT = (1n << 128n) - 1n;
export const MAX_INDEX = (1n << 160n) - 1n;

/** The contract's `PerpMathOutOfDomain(value, max)`, as the twin throws it. */
const outOfDomain = (value: bigint, max: bigint) => new ContractRevert('PerpMath', 'PerpMathOutOfDomain', [value, max]);

/** `uint256(x)` of an int256: two's complement, as the contract casts for its error arguments. */
const asUint = (x: bigint) => BigInt.asUintN(256, x);

function check(value: bigint, max: bigint): void {
  if (value > max) throw outOfDomain(value, max);
}

function checkUint(...values: bigint[]): void {
  for (const v of values) uint(v);
}

function checkPosition(size: bigint, price: bigint, scale: bigint): void {
  check(size, MAX_SIZE);
  check(price, MAX_PRICE);
  if (scale === 0n) throw outOfDomain(0n, MAX_SCALE);
  check(scale, MAX_SCALE);
}

function checkMargin(marginNet: bigint): void {
  if (marginNet > MAX_MARGIN) throw outOfDomain(asUint(marginNet), MAX_MARGIN);
  if (marginNet < -MAX_MARGIN) throw outOfDomain(asUint(marginNet), MAX_MARGIN);
}

/** Integer square root rounded up (OpenZeppelin `Math.sqrt(a, Rounding.Ceil)`). */
function sqrtUp(n: bigint): bigint {
  const r = isqrt(n);
  return r * r < n ? r + 1n : r;
}

/** Floor division toward −∞ of a signed numerator by a positive divisor. */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d; // truncates toward zero
  return n < 0n && q * d !== n ? q - 1n : q;
}

// ------------------------------------------------------------------ margin fractions

/** `min(1, max(floor, ⌈k × ⌈√⌈σ² × horizon / year⌉⌉ / WAD⌉))`. Mirrors `PerpMath.marginFractionUp`. */
export function marginFractionUp(sigma: bigint, k: bigint, horizon: bigint, floor: bigint): bigint {
  checkUint(sigma, k, horizon, floor);
  check(sigma, MAX_SIGMA);
  check(k, MAX_K);
  check(horizon, MAX_HORIZON);
  check(floor, WAD);
  const v = sqrtUp(mulDiv(sigma * sigma, horizon, YEAR, 'Up'));
  let fraction = mulDiv(k, v, WAD, 'Up');
  if (fraction < floor) fraction = floor;
  if (fraction > WAD) fraction = WAD;
  return fraction;
}

/** `⌈value × bps / 10,000⌉`. Mirrors `PerpMath.mulBpsUp`. */
export function mulBpsUp(value: bigint, bps: bigint): bigint {
  checkUint(value, bps);
  check(value, MAX_AMOUNT);
  check(bps, BPS);
  return mulDiv(value, bps, BPS, 'Up');
}

/** `⌊value × bps / 10,000⌋`. Mirrors `PerpMath.mulBpsDown`. */
export function mulBpsDown(value: bigint, bps: bigint): bigint {
  checkUint(value, bps);
  check(value, MAX_AMOUNT);
  check(bps, BPS);
  return (value * bps) / BPS;
}

/** `⌈(initial + maintenance) / 2⌉`. Mirrors `PerpMath.partialTargetFractionUp`. */
export function partialTargetFractionUp(initialFraction: bigint, maintenanceFraction: bigint): bigint {
  checkUint(initialFraction, maintenanceFraction);
  check(initialFraction, WAD);
  check(maintenanceFraction, WAD);
  return (initialFraction + maintenanceFraction + 1n) / 2n;
}

// ------------------------------------------------------------------ notional and PnL

/** `⌈size × price / scale⌉`. Mirrors `PerpMath.notionalUp`. */
export function notionalUp(size: bigint, price: bigint, scale: bigint): bigint {
  checkUint(size, price, scale);
  checkPosition(size, price, scale);
  return mulDiv(size, price, scale, 'Up');
}

/** `⌊size × price / scale⌋`. Mirrors `PerpMath.notionalDown`. */
export function notionalDown(size: bigint, price: bigint, scale: bigint): bigint {
  checkUint(size, price, scale);
  checkPosition(size, price, scale);
  return (size * price) / scale;
}

/** PnL rounded toward −∞ (a profit down, a loss up). Mirrors `PerpMath.pnlDown`. */
export function pnlDown(isLong: boolean, size: bigint, entry: bigint, price: bigint, scale: bigint): bigint {
  checkUint(size, entry, price, scale);
  checkPosition(size, price, scale);
  check(entry, MAX_PRICE);
  const move = isLong ? price - entry : entry - price;
  return floorDiv(size * move, scale);
}

// ------------------------------------------------------------------ exact margin tests

function equityWad(isLong: boolean, size: bigint, entry: bigint, marginNet: bigint, price: bigint, scale: bigint): bigint {
  const move = isLong ? price - entry : entry - price;
  return WAD * (marginNet * scale + size * move);
}

/** Whether the exact equity is below `fraction` of the exact notional. Mirrors `PerpMath.belowMarginFraction`. */
export function belowMarginFraction(isLong: boolean, size: bigint, entry: bigint, marginNet: bigint, price: bigint, fraction: bigint, scale: bigint): boolean {
  checkUint(size, entry, price, fraction, scale);
  checkPosition(size, price, scale);
  check(entry, MAX_PRICE);
  check(fraction, WAD);
  checkMargin(marginNet);
  return equityWad(isLong, size, entry, marginNet, price, scale) < fraction * size * price;
}

/**
 * The exact liquidation price: a long's highest liquidating price (0: none), a short's lowest (1: every
 * price). Mirrors `PerpMath.liquidationPrice`.
 */
export function liquidationPrice(isLong: boolean, size: bigint, entry: bigint, marginNet: bigint, fraction: bigint, scale: bigint): bigint {
  checkUint(size, entry, fraction, scale);
  checkPosition(size, entry, scale);
  check(fraction, isLong ? WAD - 1n : WAD);
  checkMargin(marginNet);
  if (size === 0n) throw outOfDomain(0n, 0n);
  const marginScaled = marginNet * scale;
  const sizeEntry = size * entry;
  if (isLong) {
    const x = WAD * (sizeEntry - marginScaled);
    if (x <= 0n) return 0n;
    return (x - 1n) / (size * (WAD - fraction));
  }
  const xs = WAD * (marginScaled + sizeEntry);
  if (xs < 0n) return 1n;
  return xs / (size * (WAD + fraction)) + 1n;
}

/** The size a partial liquidation closes, rounded up. Mirrors `PerpMath.partialCloseSizeUp`. */
export function partialCloseSizeUp(
  isLong: boolean,
  size: bigint,
  entry: bigint,
  marginNet: bigint,
  price: bigint,
  targetFraction: bigint,
  feeBps: bigint,
  scale: bigint,
): bigint {
  checkUint(size, entry, price, targetFraction, feeBps, scale);
  checkPosition(size, price, scale);
  check(entry, MAX_PRICE);
  check(targetFraction, WAD);
  check(feeBps, BPS);
  checkMargin(marginNet);
  if (price === 0n || targetFraction * BPS <= WAD * feeBps) throw outOfDomain(WAD * feeBps, targetFraction * BPS);
  const equitySafe = equityWad(isLong, size, entry, marginNet, price, scale) - 2n * WAD * scale;
  const shortfall = targetFraction * size * price - equitySafe;
  if (shortfall <= 0n) return 0n;
  return mulDiv(shortfall, BPS, price * (targetFraction * BPS - WAD * feeBps), 'Up');
}

// ------------------------------------------------------------------ settlement

export type CloseOut = { toTrader: bigint; tradingFeePaid: bigint; liquidatorFeePaid: bigint; badDebt: bigint };

/** Trading fee, then liquidator fee, then the trader; negative equity is bad debt. Mirrors `PerpMath.closeOut`. */
export function closeOut(equity: bigint, tradingFee: bigint, liquidatorFee: bigint): CloseOut {
  checkUint(tradingFee, liquidatorFee);
  if (equity < -MAX_AMOUNT || equity > MAX_AMOUNT) throw outOfDomain(MAX_AMOUNT, MAX_AMOUNT);
  check(tradingFee, MAX_AMOUNT);
  check(liquidatorFee, MAX_AMOUNT);
  if (equity < 0n) return { toTrader: 0n, tradingFeePaid: 0n, liquidatorFeePaid: 0n, badDebt: -equity };
  let left = equity;
  const tradingFeePaid = tradingFee < left ? tradingFee : left;
  left -= tradingFeePaid;
  const liquidatorFeePaid = liquidatorFee < left ? liquidatorFee : left;
  return { toTrader: left - liquidatorFeePaid, tradingFeePaid, liquidatorFeePaid, badDebt: 0n };
}

// ------------------------------------------------------------------ socialised loss

/** The index step spreading `amount` over `openInterest`, and the dust it cannot carry. Mirrors `PerpMath.socialLoss`. */
export function socialLoss(amount: bigint, openInterest: bigint): { indexDelta: bigint; dustScaled: bigint } {
  checkUint(amount, openInterest);
  check(amount, MAX_AMOUNT);
  check(openInterest, MAX_SIZE);
  const total = amount * INDEX_SCALE;
  if (openInterest === 0n) return { indexDelta: 0n, dustScaled: total };
  const indexDelta = total / openInterest;
  return { indexDelta, dustScaled: total - indexDelta * openInterest };
}

/** What a position owes the index since its snapshot. Mirrors `PerpMath.socialLossChargeDown`. */
export function socialLossChargeDown(size: bigint, index: bigint, snapshot: bigint): { charge: bigint; chargeScaled: bigint } {
  checkUint(size, index, snapshot);
  check(size, MAX_SIZE);
  check(index, MAX_INDEX);
  if (snapshot > index) throw outOfDomain(snapshot, index);
  const chargeScaled = size * (index - snapshot);
  return { charge: chargeScaled / INDEX_SCALE, chargeScaled };
}

/** An auction's unraised amount split between the sides its debts came from. Mirrors `PerpMath.splitUnraised`. */
export function splitUnraised(unraised: bigint, debtOfLongs: bigint, debtOfShorts: bigint): { toShorts: bigint; toLongs: bigint } {
  checkUint(unraised, debtOfLongs, debtOfShorts);
  check(unraised, MAX_AMOUNT);
  check(debtOfLongs, MAX_AMOUNT);
  check(debtOfShorts, MAX_AMOUNT);
  const total = debtOfLongs + debtOfShorts;
  if (unraised > total) throw outOfDomain(unraised, total);
  if (total === 0n) return { toShorts: 0n, toLongs: 0n };
  const toShorts = (unraised * debtOfLongs) / total;
  return { toShorts, toLongs: unraised - toShorts };
}
