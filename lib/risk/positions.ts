// The isolated-margin model of a venue position (book.ts documents it): floats for the analytics, the
// liquidation price where equity meets maintenance, and the bad debt of a fill at a given price.
import { ASSET_DECIMALS } from '../chain/tokens';
import type { VenuePosition } from './book';

const WAD = 1e18;

/** Floats of a position: size (base asset), entry (USD), margin (USD), maintenance and fee fractions. */
export function positionFloats(p: VenuePosition, priceDecimals: number) {
  return {
    size: Number(p.size) / 10 ** p.sizeDecimals,
    entry: Number(p.entryPrice) / 10 ** priceDecimals,
    margin: Number(p.margin) / 10 ** ASSET_DECIMALS,
    maintenance: Number(p.maintenanceMarginWad) / WAD,
    fee: Number(p.liquidationFeeWad) / WAD,
  };
}

/** The isolated-margin liquidation price of book.ts (USD); 0 for a long that can never be liquidated. */
export function liquidationPrice(p: VenuePosition, priceDecimals: number): number {
  const { size, entry, margin, maintenance } = positionFloats(p, priceDecimals);
  if (size <= 0) return p.side === 'long' ? 0 : Infinity;
  return p.side === 'long' ? Math.max(0, (size * entry - margin) / (size * (1 - maintenance))) : (size * entry + margin) / (size * (1 + maintenance));
}

/** Bad-debt coefficients (stablecoin base units): long max(0, a − b·X), short max(0, b·X − a). */
export function badDebtCoefficients(p: VenuePosition, priceDecimals: number): { a: number; b: number } {
  const { size, entry, margin, fee } = positionFloats(p, priceDecimals);
  const unit = 10 ** ASSET_DECIMALS;
  return p.side === 'long'
    ? { a: (size * entry - margin) * unit, b: size * (1 - fee) * unit }
    : { a: (size * entry + margin) * unit, b: size * (1 + fee) * unit };
}

/** Bad debt (base units) of `p` closed at price `x` (USD). */
export function badDebtAt(p: VenuePosition, priceDecimals: number, x: number): number {
  const { a, b } = badDebtCoefficients(p, priceDecimals);
  return Math.max(0, p.side === 'long' ? a - b * x : b * x - a);
}
