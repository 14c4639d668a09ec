// Turns a book and the model's parameters into the flat, typed arrays the path loop reads: prices as
// log-levels relative to spot, strikes and liquidation prices sorted in the order a falling (or rising)
// price meets them, prefix sums that make a step's payouts O(1) however many covers it crosses, and
// each layer's free capital at every step boundary computed by the pool's exact accounting twin.
import type { Layer } from '../chain/config';
import { freeAssets, totalAssets, type PoolAccounting } from '../mirror/BackstopPool';
import { BOOK_LAYERS, type BookCover, type RiskBook, type VenuePosition } from './book';
import { sweep, type Sweep } from './levels';
import { canonicalParams, checkParams, type ModelParams } from './model';
import { waterfallStart, type WaterfallStart } from './pathWaterfall';
import { badDebtCoefficients, liquidationPrice, positionFloats } from './positions';

export const YEAR_SECONDS = 365 * 86_400;
const WAD = 1e18;
/** Broadie, Glasserman & Kou (1997): a discretely monitored barrier ≈ a continuous one moved by β·σ·√Δt. */
export const BGK_BETA = 0.5825971579390106;
/** Largest steps × covers a side's prefix table may hold (2 layers × 8 bytes: 64 MB). */
export const MAX_PREFIX_CELLS = 4_000_000;

/** One side of the book, as a falling (`down`) or rising (`up`) price meets it. */
export type CoverSide = {
  /** Log-levels ln(strike/spot) in crossing order, then a sentinel (−∞ for down, +∞ for up). */
  level: Float64Array;
  /**
   * Prefix sums of the payouts of covers still active in step k, both layers interleaved so one cache
   * line serves both: junior at 2·(i·steps + k), senior at 2·(i·steps + k) + 1. Cover-major: a path's
   * cover pointer i and step k only grow, so the entry read for the pointer at a crossing lies beside
   * the one read at the crossing before (step-major, each read was a new cache line of a ~0.3 MB table).
   */
  prefix: Float64Array;
  payout: Float64Array;
  layerIndex: Uint8Array;
  /** Last step in which a touch still pays (the step starts before the cover ends). */
  endStep: Int32Array;
  /** First step boundary at which the pool has released the lock (it counts in free capital from then). */
  releaseStep: Int32Array;
  /** Cover indices (crossing order) sorted by `releaseStep`: a loss event reads only the released ones. */
  byRelease: Int32Array;
  /** releasedBy[b]: how many covers have released their lock by step boundary b (0..steps). */
  releasedBy: Int32Array;
  tokenId: bigint[];
};

export type PositionSide = {
  /** Log-levels ln(P_liq/spot) in crossing order, then a sentinel. */
  level: Float64Array;
  /** Bad debt at price X (stablecoin base units): long max(0, a − b·X); short max(0, b·X − a). */
  a: Float64Array;
  b: Float64Array;
  /** Prefix sums of the bad debt when closed exactly at the liquidation price (0 when maintenance > fee). */
  badDebtAtLiqPrefix: Float64Array;
  /** Prefix sums of notional at the liquidation price (USD). */
  notionalPrefix: Float64Array;
  liqPrice: Float64Array;
  size: Float64Array;
  id: string[];
};

export type CompiledBook = {
  steps: number;
  stepSeconds: number;
  dtYears: number;
  t0: bigint;
  spotUsd: number;
  /** Annualised σ after the multiplier, and the diffusion's share of it. */
  sigma: number;
  diffusionSigma: number;
  /** Per step: log drift, diffusion σ·√dt, σ²·dt (the bridge's variance). */
  drift: number;
  stepVol: number;
  stepVariance: number;
  /** Expected jumps per step; jump log-size mean and deviation. */
  jumpsPerStep: number;
  jumpMean: number;
  jumpStdDev: number;
  down: CoverSide;
  up: CoverSide;
  longs: PositionSide;
  shorts: PositionSide;
  /** What a falling price meets (Down covers and longs merged) and what a rising one meets (Up, shorts). */
  fall: Sweep;
  rise: Sweep;
  /** Every path's waterfall state at t = 0 (pathWaterfall.ts). */
  waterfall: WaterfallStart;
  /** Per layer: free capital at each step boundary 0..steps with no new activity (exact, base units). */
  freeBaseline: Record<Layer, Float64Array>;
  /** Per layer: assets the layer earns over the horizon (premiums and streamed fees), base units. */
  incomeEarned: Record<Layer, number>;
  capital: Record<Layer, { totalAssets: bigint; freeAssets: bigint }>;
  book: RiskBook;
  params: ModelParams;
};

const layerIdx = (layer: Layer) => BOOK_LAYERS.indexOf(layer);

function poolOf(book: RiskBook, layer: Layer): PoolAccounting {
  const l = book.layers[layer];
  return { state: l.accounting, buckets: new Map(l.buckets), totalSupply: l.totalSupply };
}

function ceilDiv(a: number, b: number): number {
  return Math.ceil(a / b);
}

function compileCovers(
  covers: BookCover[],
  dir: 'Down' | 'Up',
  book: RiskBook,
  _params: ModelParams,
  steps: number,
  stepSeconds: number,
  shift: number,
): CoverSide {
  const spot = Number(book.spot);
  const t0 = Number(book.timestamp);
  const rows = covers
    .filter((c) => c.direction === dir && c.end > book.timestamp && c.payout > 0n && c.strike > 0n)
    .map((c) => {
      const raw = Math.log(Number(c.strike) / spot);
      return { c, level: dir === 'Down' ? raw - shift : raw + shift };
    })
    // Crossing order: a falling price meets the highest strike first, a rising one the lowest.
    .sort((x, y) => (dir === 'Down' ? y.level - x.level : x.level - y.level) || (x.c.tokenId < y.c.tokenId ? -1 : 1));
  const n = rows.length;
  if (steps * (n + 1) > MAX_PREFIX_CELLS) throw new RangeError(`${n} covers × ${steps} steps is beyond the engine's table size; use fewer steps per day`);
  const level = new Float64Array(n + 1);
  const payout = new Float64Array(n);
  const layerIndex = new Uint8Array(n);
  const endStep = new Int32Array(n);
  const releaseStep = new Int32Array(n);
  const tokenId: bigint[] = [];
  rows.forEach(({ c, level: lv }, i) => {
    level[i] = lv;
    payout[i] = Number(c.payout);
    layerIndex[i] = layerIdx(c.layer);
    endStep[i] = Math.min(steps - 1, ceilDiv(Number(c.end) - t0, stepSeconds) - 1);
    releaseStep[i] = Math.max(0, ceilDiv(Number(c.releaseDay) * 86_400 - t0, stepSeconds));
    tokenId.push(c.tokenId);
  });
  level[n] = dir === 'Down' ? -Infinity : Infinity;
  const prefix = new Float64Array(2 * steps * (n + 1));
  for (let k = 0; k < steps; k++) {
    let junior = 0;
    let senior = 0;
    for (let i = 0; i < n; i++) {
      if (endStep[i]! >= k) {
        if (layerIndex[i] === 0) junior += payout[i]!;
        else senior += payout[i]!;
      }
      prefix[2 * ((i + 1) * steps + k)] = junior;
      prefix[2 * ((i + 1) * steps + k) + 1] = senior;
    }
  }
  const byRelease = Int32Array.from({ length: n }, (_, i) => i).sort((i, j) => releaseStep[i]! - releaseStep[j]! || i - j);
  const releasedBy = new Int32Array(steps + 1);
  for (let b = 0, r = 0; b <= steps; b++) {
    while (r < n && releaseStep[byRelease[r]!]! <= b) r++;
    releasedBy[b] = r;
  }
  return { level, prefix, payout, layerIndex, endStep, releaseStep, byRelease, releasedBy, tokenId };
}

function compilePositions(positions: VenuePosition[], side: 'long' | 'short', book: RiskBook, steps: number): PositionSide {
  const spotUsd = Number(book.spot) / 10 ** book.priceDecimals;
  const rows = positions
    .filter((p) => p.side === side && p.size > 0n)
    .map((p) => ({
      p,
      liq: liquidationPrice(p, book.priceDecimals),
      ...badDebtCoefficients(p, book.priceDecimals),
      size: positionFloats(p, book.priceDecimals).size,
    }))
    .filter((r) => r.liq > 0 && Number.isFinite(r.liq))
    .sort((x, y) => (side === 'long' ? y.liq - x.liq : x.liq - y.liq) || (x.p.id < y.p.id ? -1 : 1));
  const n = rows.length;
  if (steps * (n + 1) > MAX_PREFIX_CELLS * 4) throw new RangeError(`${n} positions is beyond the engine's table size`);
  const level = new Float64Array(n + 1);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const liqPrice = new Float64Array(n);
  const size = new Float64Array(n);
  const badDebtAtLiqPrefix = new Float64Array(n + 1);
  const notionalPrefix = new Float64Array(n + 1);
  const id: string[] = [];
  rows.forEach((r, i) => {
    level[i] = Math.log(r.liq / spotUsd);
    a[i] = r.a;
    b[i] = r.b;
    liqPrice[i] = r.liq;
    size[i] = r.size;
    const atLiq = Math.max(0, side === 'long' ? r.a - r.b * r.liq : r.b * r.liq - r.a);
    badDebtAtLiqPrefix[i + 1] = badDebtAtLiqPrefix[i]! + atLiq;
    notionalPrefix[i + 1] = notionalPrefix[i]! + r.size * r.liq;
    id.push(r.p.id);
  });
  level[n] = side === 'long' ? -Infinity : Infinity;
  return { level, a, b, badDebtAtLiqPrefix, notionalPrefix, liqPrice, size, id };
}

/** Compiles `book` under `params` (throws a RangeError naming a parameter out of bounds). */
export function compileBook(book: RiskBook, params: ModelParams): CompiledBook {
  checkParams(params);
  if (book.spot <= 0n) throw new RangeError('The feed has no positive price: nothing to simulate from.');
  if (params.horizonDays > book.horizonDaysLoaded)
    throw new RangeError(`This book was read for horizons up to ${book.horizonDaysLoaded} days (asked ${params.horizonDays}).`);
  const steps = params.horizonDays * params.stepsPerDay;
  const stepSeconds = 86_400 / params.stepsPerDay;
  const dtYears = stepSeconds / YEAR_SECONDS;
  const sigma = (Number(book.sigmaWad) / WAD) * params.sigmaMultiplier;
  const lambda = params.jumpsPerYear;
  const jumpVariance = lambda * (params.jumpMean ** 2 + params.jumpStdDev ** 2);
  const diffusionSigma = params.matchTotalVariance ? Math.sqrt(Math.max(0, sigma * sigma - jumpVariance)) : sigma;
  // Risk-neutral and driftless like the premium: E[S_T] = S_0, so the jumps' mean is compensated.
  const kappa = lambda > 0 ? Math.exp(params.jumpMean + 0.5 * params.jumpStdDev ** 2) - 1 : 0;
  const drift = (-0.5 * diffusionSigma * diffusionSigma - lambda * kappa) * dtYears;
  const shift = params.touchModel === 'rounds' ? BGK_BETA * diffusionSigma * Math.sqrt(Number(book.roundSeconds) / YEAR_SECONDS) : 0;

  const t0 = book.timestamp;
  const freeBaseline = {} as Record<Layer, Float64Array>;
  const incomeEarned = {} as Record<Layer, number>;
  const capital = {} as CompiledBook['capital'];
  for (const layer of BOOK_LAYERS) {
    const pool = poolOf(book, layer);
    const free = new Float64Array(steps + 1);
    for (let k = 0; k <= steps; k++) free[k] = Number(freeAssets(pool, t0 + BigInt(k * stepSeconds)));
    freeBaseline[layer] = free;
    incomeEarned[layer] = Number(totalAssets(pool, t0 + BigInt(steps * stepSeconds)) - totalAssets(pool, t0));
    capital[layer] = { totalAssets: book.layers[layer].totalAssets, freeAssets: book.layers[layer].freeAssets };
  }

  const down = compileCovers(book.covers, 'Down', book, params, steps, stepSeconds, shift);
  const up = compileCovers(book.covers, 'Up', book, params, steps, stepSeconds, shift);
  const longs = compilePositions(book.positions, 'long', book, steps);
  const shorts = compilePositions(book.positions, 'short', book, steps);
  return {
    steps,
    stepSeconds,
    dtYears,
    t0,
    spotUsd: Number(book.spot) / 10 ** book.priceDecimals,
    sigma,
    diffusionSigma,
    drift,
    stepVol: diffusionSigma * Math.sqrt(dtYears),
    stepVariance: diffusionSigma * diffusionSigma * dtYears,
    jumpsPerStep: lambda * dtYears,
    jumpMean: params.jumpMean,
    jumpStdDev: params.jumpStdDev,
    down,
    up,
    longs,
    shorts,
    fall: sweep(down.level, longs.level, 'down'),
    rise: sweep(up.level, shorts.level, 'up'),
    freeBaseline,
    incomeEarned,
    capital,
    waterfall: waterfallStart(book, params.recapFill),
    book,
    // One shape whatever built the caller's object (see waterfallStart).
    params: canonicalParams(params),
  };
}
