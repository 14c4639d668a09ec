// The venue's parameters and one position as the app and the risk engine read them (IPerpVenue's Params,
// Position and PositionState, with bigints), and the one conversion from what viem returns.

export type VenueParams = {
  marginFloor: bigint;
  marginK: bigint;
  marginHorizon: bigint;
  maintenanceBps: bigint;
  fullLiquidationBps: bigint;
  tradingFeeBps: bigint;
  liquidationFeeBps: bigint;
  poolFeeShareBps: bigint;
  maxPriceAge: bigint;
  maxSigmaAge: bigint;
  minNotional: bigint;
  maxOpenInterest: bigint;
};

/** A position at the latest price (`PerpVenue.positionState`). */
export type PositionState = {
  isLong: boolean;
  size: bigint;
  entryPrice: bigint;
  margin: bigint;
  socialLossCharge: bigint;
  pnl: bigint;
  equity: bigint;
  marginFraction: bigint;
  maintenanceFraction: bigint;
  maintenanceMargin: bigint;
  liquidationPrice: bigint;
  liquidatable: boolean;
  fullLiquidation: boolean;
  price: bigint;
};

const big = (v: unknown) => BigInt(v as bigint | number);

/** viem returns uint16/uint32 struct fields as numbers and wider ones as bigints: all bigints here. */
export function toVenueParams(raw: Record<keyof VenueParams, bigint | number>): VenueParams {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, big(v)])) as VenueParams;
}

export function toPositionState(raw: Record<keyof PositionState, bigint | number | boolean>): PositionState {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'boolean' ? v : big(v)])) as PositionState;
}
