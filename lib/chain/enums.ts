// The contracts' enums, decoded in one place: the ABI hands each over as its index (a uint8), and every
// reader turns it into a name here, in the Solidity's declaration order.
import type { Direction } from '../mirror/CoverMarket';

/** `ICoverMarket.Direction`. */
export const DIRECTION = ['Down', 'Up'] as const satisfies readonly Direction[];
/** `IShortfallWaterfall.Layer`. */
export const WATERFALL_LAYER = ['Junior', 'Senior'] as const;
/** The status `CoverMarket.coverInfo` reports (its stored state, with expiry read from the clock). */
export const COVER_STATUS = ['none', 'active', 'expired', 'claimed', 'released'] as const;

export type WaterfallLayer = (typeof WATERFALL_LAYER)[number];
export type ContractCoverStatus = (typeof COVER_STATUS)[number];

function decode<const T extends readonly string[]>(names: T, enumName: string, value: number | bigint): T[number] {
  const name = names[Number(value)];
  if (name === undefined) throw new RangeError(`${value} is not a ${enumName}`);
  return name;
}

export const decodeDirection = (value: number | bigint): Direction => decode(DIRECTION, 'Direction', value);
export const decodeWaterfallLayer = (value: number | bigint): WaterfallLayer => decode(WATERFALL_LAYER, 'Layer', value);
export const decodeCoverStatus = (value: number | bigint): ContractCoverStatus => decode(COVER_STATUS, 'cover status', value);
