// The venue's open positions for the risk engine (and any reader): each one's side, size, entry price and
// margin, with the venue's maintenance and liquidation parameters, read from the chain through a viem
// client the caller passes (no node:, no React: safe for the browser and for scripts). Traders are found
// from `PositionIncreased` logs; a position closed or liquidated in full reads back as size 0 and is left out.
import type { Address, PublicClient } from 'viem';
import { perpVenueAbi } from '@/contracts-abi';
import { mulBpsUp } from '@/lib/mirror/PerpMath';
import { toPositionState, toVenueParams, type PositionState, type VenueParams } from './params';

export type OpenPosition = {
  trader: Address;
  isLong: boolean;
  /** 1e18 base units. */
  size: bigint;
  /** Feed units. */
  entryPrice: bigint;
  /** Stablecoin units, before any socialised charge (`socialLossCharge` below). */
  margin: bigint;
  socialLossCharge: bigint;
  /** The initial fraction σ gave at its last increase (WAD) and the maintenance fraction it fixes. */
  marginFraction: bigint;
  maintenanceFraction: bigint;
  /** Exact liquidation price at the maintenance fraction (PerpMath.liquidationPrice). */
  liquidationPrice: bigint;
};

export type VenueRisk = {
  params: VenueParams;
  /** `size × price / priceScale` is a notional in stablecoin units. */
  priceScale: bigint;
  /** The feed price the positions were read at. */
  price: bigint;
  positions: OpenPosition[];
};

/** Pure: the open positions among `states` (size > 0), with the maintenance fraction recomputed as the venue does. */
export function toOpenPositions(states: readonly { trader: Address; state: PositionState }[], params: VenueParams): OpenPosition[] {
  return states
    .filter(({ state }) => state.size > 0n)
    .map(({ trader, state: s }) => {
      const maintenanceFraction = mulBpsUp(s.marginFraction, params.maintenanceBps);
      if (maintenanceFraction !== s.maintenanceFraction)
        throw new Error(`${trader}: maintenance fraction ${s.maintenanceFraction} ≠ ${maintenanceFraction}: the venue and its twin disagree`);
      return {
        trader,
        isLong: s.isLong,
        size: s.size,
        entryPrice: s.entryPrice,
        margin: s.margin,
        socialLossCharge: s.socialLossCharge,
        marginFraction: s.marginFraction,
        maintenanceFraction,
        liquidationPrice: s.liquidationPrice,
      };
    });
}

/** Reads every open position of the venue at `venue` (logs from `fromBlock`) and its parameters, at `blockNumber` (default: latest). */
export async function loadOpenPositions(client: PublicClient, venue: Address, fromBlock: bigint, blockNumber?: bigint): Promise<VenueRisk> {
  const at = blockNumber === undefined ? {} : { blockNumber };
  const [logs, rawParams, priceScale] = await Promise.all([
    client.getContractEvents({
      address: venue,
      abi: perpVenueAbi,
      eventName: 'PositionIncreased',
      fromBlock,
      ...(blockNumber === undefined ? {} : { toBlock: blockNumber }),
    }),
    client.readContract({ address: venue, abi: perpVenueAbi, functionName: 'params', ...at }),
    client.readContract({ address: venue, abi: perpVenueAbi, functionName: 'priceScale', ...at }),
  ]);
  const params = toVenueParams(rawParams as never);
  const traders = [...new Set(logs.map((l) => (l.args as { trader: Address }).trader))];
  const states = await Promise.all(
    traders.map(async (trader) => ({
      trader,
      state: toPositionState(await client.readContract({ address: venue, abi: perpVenueAbi, functionName: 'positionState', args: [trader], ...at })),
    })),
  );
  const price = states.find((s) => s.state.size > 0n)?.state.price ?? 0n;
  return { params, priceScale, price, positions: toOpenPositions(states, params) };
}
