// Liquidation cascades: open interest by liquidation price (where a move meets forced orders), and the
// price-impact loop — a shock liquidates positions, their forced orders move the price further, which
// liquidates more — iterated to its fixed point.
//
// DEPTH MODEL. The market absorbs forced orders with a linear impact in log-price: liquidating long
// notional Q (sold) moves the price by a factor exp(−Q / D), short notional (bought) by exp(+Q / D),
// where D = depth per 1 % × 100 is the notional that moves the price by 100 % in log terms. "Depth
// per 1 %" (USD of forced orders that move the price by about 1 %) is an editable input; linear impact
// is the conservative end of the usual square-root-to-linear range for a book that is being swept.
// Execution: the positions the shock itself reaches are closed at their liquidation price when the
// move is continuous, or at the shocked price when it gaps; positions the cascade reaches later are
// filled at the price after that round's impact (the book is already depleted). Bad debt follows the
// isolated-margin formula of book.ts.
import type { RiskBook, VenuePosition } from './book';
import { badDebtAt, liquidationPrice, positionFloats } from './positions';

export type DepthModel = { usdPerPercent: number };

/** A mid-sized ETH venue: $5M of forced orders move the price about 1 %. */
export const DEFAULT_DEPTH: DepthModel = { usdPerPercent: 5_000_000 };

export type LiquidationBin = { fromUsd: number; toUsd: number; longNotional: number; shortNotional: number; positions: number };

/**
 * Open interest (notional at the liquidation price, USD) bucketed by liquidation price, in bins of
 * `binPct` % of spot over ±`rangePct` %; positions beyond the range go to the outermost bins.
 */
export function liquidationMap(book: RiskBook, binPct = 2.5, rangePct = 50): LiquidationBin[] {
  const spot = Number(book.spot) / 10 ** book.priceDecimals;
  const bins: LiquidationBin[] = [];
  const n = Math.round((2 * rangePct) / binPct);
  for (let i = 0; i < n; i++) {
    const from = spot * (1 - rangePct / 100 + (i * binPct) / 100);
    bins.push({ fromUsd: from, toUsd: from + (spot * binPct) / 100, longNotional: 0, shortNotional: 0, positions: 0 });
  }
  for (const p of book.positions) {
    const liq = liquidationPrice(p, book.priceDecimals);
    if (!(liq > 0) || !Number.isFinite(liq)) continue;
    const i = Math.min(n - 1, Math.max(0, Math.floor(((liq / spot - 1 + rangePct / 100) * 100) / binPct)));
    const notional = positionFloats(p, book.priceDecimals).size * liq;
    if (p.side === 'long') bins[i]!.longNotional += notional;
    else bins[i]!.shortNotional += notional;
    bins[i]!.positions++;
  }
  return bins;
}

export type CascadeRound = { priceUsd: number; liquidated: number; notionalUsd: number };

export type CascadeResult = {
  /** The shocked price (before any impact) and where the loop settles. */
  shockedUsd: number;
  finalUsd: number;
  /** Final move relative to spot (−0.25 = −25 %), and the part the cascade added beyond the shock. */
  totalMove: number;
  cascadeMove: number;
  rounds: CascadeRound[];
  liquidated: number;
  notionalUsd: number;
  /** Bad debt left by the liquidations, stablecoin base units (each position rounded up). */
  badDebt: bigint;
  liquidatedIds: string[];
};

type Side = { positions: VenuePosition[]; liq: number[] };

function sideOf(book: RiskBook, side: 'long' | 'short'): Side {
  const rows = book.positions
    .filter((p) => p.side === side && p.size > 0n)
    .map((p) => ({ p, liq: liquidationPrice(p, book.priceDecimals) }))
    .filter((r) => r.liq > 0 && Number.isFinite(r.liq))
    .sort((a, b) => (side === 'long' ? b.liq - a.liq : a.liq - b.liq));
  return { positions: rows.map((r) => r.p), liq: rows.map((r) => r.liq) };
}

/**
 * The cascade a move of `move` (−0.2 = the price falls 20 %) sets off, iterated to its fixed point.
 * A fall liquidates longs (their forced sales push the price down); a rise, shorts.
 */
export function cascade(book: RiskBook, move: number, depth: DepthModel = DEFAULT_DEPTH, gap = false): CascadeResult {
  const spot = Number(book.spot) / 10 ** book.priceDecimals;
  const shocked = spot * (1 + move);
  const falling = move < 0;
  const side = sideOf(book, falling ? 'long' : 'short');
  const d = Math.max(depth.usdPerPercent, 1) * 100;
  const reached = (liq: number, price: number) => (falling ? liq >= price : liq <= price);
  const rounds: CascadeRound[] = [];
  const liquidatedIds: string[] = [];
  let badDebtUnits = 0n;
  let i = 0;
  let price = shocked;
  let forced = 0; // cumulative notional liquidated, USD
  // Finite: each round liquidates at least one more position or stops.
  for (let round = 0; round <= side.positions.length; round++) {
    const start = i;
    let notional = 0;
    while (i < side.positions.length && reached(side.liq[i]!, price)) {
      const p = side.positions[i]!;
      notional += positionFloats(p, book.priceDecimals).size * side.liq[i]!;
      i++;
    }
    if (i === start) break;
    forced += notional;
    const after = shocked * Math.exp(((falling ? -1 : 1) * forced) / d);
    for (let j = start; j < i; j++) {
      const p = side.positions[j]!;
      // Round 0: the shock's own fills (at the liquidation price, or the gapped price); later rounds fill after impact.
      const exec = round === 0 ? (gap ? shocked : side.liq[j]!) : after;
      badDebtUnits += BigInt(Math.ceil(badDebtAt(p, book.priceDecimals, exec) - 1e-9));
      liquidatedIds.push(p.id);
    }
    rounds.push({ priceUsd: after, liquidated: i - start, notionalUsd: notional });
    price = after;
  }
  return {
    shockedUsd: shocked,
    finalUsd: price,
    totalMove: price / spot - 1,
    cascadeMove: price / shocked - 1,
    rounds,
    liquidated: i,
    notionalUsd: forced,
    badDebt: badDebtUnits,
    liquidatedIds,
  };
}

export type CascadeCurvePoint = { shock: number; finalMove: number; badDebt: bigint; liquidated: number };

/** How far shocks of 1 %…`maxPct` % go once the cascade has run, each way. */
export function cascadeCurve(
  book: RiskBook,
  depth: DepthModel = DEFAULT_DEPTH,
  maxPct = 50,
  gap = false,
): { down: CascadeCurvePoint[]; up: CascadeCurvePoint[] } {
  const points = (sign: number) =>
    Array.from({ length: maxPct }, (_, k) => {
      const shock = (sign * (k + 1)) / 100;
      const r = cascade(book, shock, depth, gap);
      return { shock, finalMove: r.totalMove, badDebt: r.badDebt, liquidated: r.liquidated };
    });
  return { down: points(-1), up: points(1) };
}
