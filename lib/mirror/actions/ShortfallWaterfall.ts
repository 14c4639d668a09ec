// Whole-action twin of ShortfallWaterfall (contracts/src/ShortfallWaterfall.sol): `absorbShortfall` (Junior,
// then Senior, each within its rolling 24 h cap, then the Recapitalizer's auction, the rest to the venue),
// `distributeFees`, the guardian's pause and the owner's settings, as pure transitions over the waterfall,
// both pools (lib/pool/backstopPool.ts), the Recapitalizer (lib/recap/recapitalizer.ts) and the
// stablecoin. The arithmetic is WaterfallMath's twins (waterfallMath.ts). Checks run in the contract's
// order; reverts are its custom errors. Proven against the deployed waterfall by the protocol soak
// (scripts/soak): return values, `windowState`, `venue`, `layerState` and every balance, to the unit.
import { addr, isZero, ZERO_ADDRESS } from './address';
import { ContractRevert } from '../evm';
import * as erc20 from './ERC20';
import type { Erc20State } from './ERC20';
import * as pool from './BackstopPool';
import type { PoolState } from './BackstopPool';
import * as recap from './Recapitalizer';
import type { RecapState } from './Recapitalizer';
import { BPS } from '../units';
import { allocateShortfall, layerAvailableDown, layerCapDown, rollWindow, splitFeesSeniorDown, windowOf } from '../WaterfallMath';

export const MIN_LAYER_CAP_BPS = 100n;
export const MAX_LAYER_CAP_BPS = 5_000n;
export const DEFAULT_JUNIOR_CAP_BPS = 5_000n;
export const DEFAULT_SENIOR_CAP_BPS = 2_500n;
export const MIN_FEE_WEIGHT_BPS = 1_000n;
export const MAX_FEE_WEIGHT_BPS = 9_000n;
export const DEFAULT_SENIOR_FEE_BPS = 3_000n;
export const MAX_EXPOSURE_CAP = (1n << 96n) - 1n;

/** `ShortfallWaterfall.Layer`. */
export type Layer = 0n | 1n;
export const JUNIOR: Layer = 0n;
export const SENIOR: Layer = 1n;

export type LayerWindow = { window: bigint; prev: bigint; curr: bigint };
export type Venue = { registered: boolean; exposureCap: bigint; exposureUsed: bigint };

export type WaterfallState = {
  readonly address: string;
  readonly owner: string;
  readonly junior: string;
  readonly senior: string;
  readonly asset: string;
  readonly guardian: string;
  readonly juniorCapBps: bigint;
  readonly seniorCapBps: bigint;
  readonly seniorFeeBps: bigint;
  readonly paused: boolean;
  /** zero address: none. */
  readonly recapitalizer: string;
  readonly windows: readonly [LayerWindow, LayerWindow];
  readonly venues: ReadonlyMap<string, Venue>;
};

/** What a waterfall call touches. */
export type WaterfallWorld = { waterfall: WaterfallState; junior: PoolState; senior: PoolState; recap: RecapState; bksSupply: bigint; usdc: Erc20State };
export type WaterfallCall = { sender: string; now: bigint };

export function deployWaterfall(args: { address: string; owner: string; junior: string; senior: string; asset: string; guardian: string }): WaterfallState {
  if (isZero(args.junior) || isZero(args.senior) || isZero(args.guardian)) throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallZeroAddress', []);
  const empty: LayerWindow = { window: 0n, prev: 0n, curr: 0n };
  return {
    address: addr(args.address),
    owner: addr(args.owner),
    junior: addr(args.junior),
    senior: addr(args.senior),
    asset: addr(args.asset),
    guardian: addr(args.guardian),
    juniorCapBps: DEFAULT_JUNIOR_CAP_BPS,
    seniorCapBps: DEFAULT_SENIOR_CAP_BPS,
    seniorFeeBps: DEFAULT_SENIOR_FEE_BPS,
    paused: false,
    recapitalizer: ZERO_ADDRESS,
    windows: [empty, empty],
    venues: new Map(),
  };
}

export function venueOf(s: WaterfallState, account: string): Venue {
  return s.venues.get(addr(account)) ?? { registered: false, exposureCap: 0n, exposureUsed: 0n };
}

/** `_exposureRemaining`: 0 unregistered; saturates at 0 when the cap was lowered below what is used. */
function exposureRemaining(v: Venue): bigint {
  if (!v.registered || v.exposureUsed >= v.exposureCap) return 0n;
  return v.exposureCap - v.exposureUsed;
}

export function layerCapBps(s: WaterfallState, layer: Layer): bigint {
  return layer === JUNIOR ? s.juniorCapBps : s.seniorCapBps;
}

/** `_rolled(layer, windowOf(now))`. */
function rolled(s: WaterfallState, layer: Layer, nowWindow: bigint) {
  const w = s.windows[Number(layer)]!;
  return rollWindow(w.window, w.prev, w.curr, nowWindow);
}

/** `layerState(layer)` at `now`: free capital, what the rolling window used, the cap, what is available, cap bps. */
export function layerState(w: Pick<WaterfallWorld, 'waterfall' | 'junior' | 'senior'>, layer: Layer, now: bigint) {
  const { prevNow, currNow } = rolled(w.waterfall, layer, windowOf(now));
  const free = pool.freeAssetsAt(layer === JUNIOR ? w.junior : w.senior, now);
  const used = prevNow + currNow;
  const capBps = layerCapBps(w.waterfall, layer);
  return { free, used, cap: layerCapDown(free, used, capBps), available: layerAvailableDown(free, used, capBps), capBps };
}

/**
 * `absorbShortfall(amount)` sent by a registered venue: the split, the windows and the venue's lifetime
 * exposure recorded first, the auction asked for what both layers cannot pay, then the layers pay the venue.
 * Returns (juniorPaid, seniorPaid, recapitalization, remainder).
 */
export function absorbShortfall(w: WaterfallWorld, call: WaterfallCall, amount: bigint) {
  const s = w.waterfall;
  const v = venueOf(s, call.sender);
  if (!v.registered) throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallNotVenue', [addr(call.sender)]);
  if (s.paused) throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallPaused', []);
  if (amount === 0n) throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallZeroAmount', []);

  // `_allocateAndRecord`
  const nowWindow = windowOf(call.now);
  const j = rolled(s, JUNIOR, nowWindow);
  const sr = rolled(s, SENIOR, nowWindow);
  const split = allocateShortfall(
    amount,
    layerAvailableDown(pool.freeAssetsAt(w.junior, call.now), j.prevNow + j.currNow, s.juniorCapBps),
    layerAvailableDown(pool.freeAssetsAt(w.senior, call.now), sr.prevNow + sr.currNow, s.seniorCapBps),
    exposureRemaining(v),
  );
  const windows: [LayerWindow, LayerWindow] = [...s.windows] as [LayerWindow, LayerWindow];
  if (split.junior > 0n) windows[0] = { window: nowWindow, prev: j.prevNow, curr: j.currNow + split.junior };
  if (split.senior > 0n) windows[1] = { window: nowWindow, prev: sr.prevNow, curr: sr.currNow + split.senior };

  let recapState = w.recap;
  let auctionId = 0n;
  let recapitalization = 0n;
  if (split.recapitalization > 0n && !isZero(s.recapitalizer)) {
    const opened = recap.openAuction(recapState, { sender: s.address, now: call.now }, w.bksSupply, call.sender, split.recapitalization);
    recapState = opened.recap;
    auctionId = opened.auctionId;
    recapitalization = opened.accepted;
    if (recapitalization > split.recapitalization)
      throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallRecapitalizerOverAccepted', [split.recapitalization, recapitalization]);
  }
  const remainder = split.overExposure + (split.recapitalization - recapitalization);
  const venues = new Map(s.venues);
  venues.set(addr(call.sender), { ...v, exposureUsed: BigInt.asUintN(96, v.exposureUsed + split.junior + split.senior + recapitalization) });

  let usdc = w.usdc;
  let junior = w.junior;
  let senior = w.senior;
  const poolCall = { sender: s.address, now: call.now };
  if (split.junior > 0n) ({ pool: junior, usdc } = pool.coverShortfall(junior, usdc, poolCall, split.junior, call.sender));
  if (split.senior > 0n) ({ pool: senior, usdc } = pool.coverShortfall(senior, usdc, poolCall, split.senior, call.sender));
  return {
    world: { ...w, waterfall: { ...s, windows, venues }, junior, senior, recap: recapState, usdc },
    juniorPaid: split.junior,
    seniorPaid: split.senior,
    recapitalization,
    remainder,
    auctionId,
  };
}

/**
 * `previewAbsorbShortfall(venue, amount)`: the split `absorbShortfall(amount)` from `venue` would return now
 * (pause and registration ignored; an unregistered venue has no exposure).
 */
export function previewAbsorbShortfall(w: WaterfallWorld, venue: string, amount: bigint, now: bigint) {
  const s = w.waterfall;
  const split = allocateShortfall(amount, layerState(w, JUNIOR, now).available, layerState(w, SENIOR, now).available, exposureRemaining(venueOf(s, venue)));
  const recapitalization =
    split.recapitalization > 0n && !isZero(s.recapitalizer) ? recap.previewOpenAuction(w.recap, w.bksSupply, venue, split.recapitalization, now) : 0n;
  return { juniorPaid: split.junior, seniorPaid: split.senior, recapitalization, remainder: split.overExposure + (split.recapitalization - recapitalization) };
}

/** `distributeFees(amount)` sent by a registered venue (also while paused): split by weight, streamed by each pool. */
export function distributeFees(w: WaterfallWorld, call: WaterfallCall, amount: bigint) {
  const s = w.waterfall;
  if (!venueOf(s, call.sender).registered) throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallNotVenue', [addr(call.sender)]);
  if (amount === 0n) throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallZeroAmount', []);
  const fees = splitFeesSeniorDown(amount, s.seniorFeeBps);
  let usdc = erc20.transferFrom(w.usdc, s.address, call.sender, s.address, amount);
  let junior = w.junior;
  let senior = w.senior;
  const poolCall = { sender: s.address, now: call.now };
  if (fees.junior > 0n) {
    usdc = erc20.approve(usdc, s.address, s.junior, fees.junior); // forceApprove
    ({ pool: junior, usdc } = pool.receiveFees(junior, usdc, poolCall, fees.junior));
  }
  if (fees.senior > 0n) {
    usdc = erc20.approve(usdc, s.address, s.senior, fees.senior);
    ({ pool: senior, usdc } = pool.receiveFees(senior, usdc, poolCall, fees.senior));
  }
  return { world: { ...w, junior, senior, usdc }, juniorFees: fees.junior, seniorFees: fees.senior };
}

// ------------------------------------------------------------------ governance

function onlyOwner(s: WaterfallState, sender: string): void {
  if (addr(sender) !== s.owner) throw new ContractRevert('ShortfallWaterfall', 'OwnableUnauthorizedAccount', [addr(sender)]);
}

/** `setVenue(venue, exposureCap)`: registers or re-sizes; the used exposure is kept. */
export function setVenue(s: WaterfallState, sender: string, venue: string, exposureCap: bigint): { waterfall: WaterfallState } {
  onlyOwner(s, sender);
  if (isZero(venue)) throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallZeroAddress', []);
  if (exposureCap === 0n || exposureCap > MAX_EXPOSURE_CAP)
    throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallExposureCapOutOfBounds', [exposureCap, 1n, MAX_EXPOSURE_CAP]);
  const venues = new Map(s.venues);
  venues.set(addr(venue), { ...venueOf(s, venue), registered: true, exposureCap });
  return { waterfall: { ...s, venues } };
}

export function removeVenue(s: WaterfallState, sender: string, venue: string): { waterfall: WaterfallState } {
  onlyOwner(s, sender);
  const v = venueOf(s, venue);
  if (!v.registered) throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallNotVenue', [addr(venue)]);
  const venues = new Map(s.venues);
  venues.set(addr(venue), { ...v, registered: false });
  return { waterfall: { ...s, venues } };
}

export function setLayerCapBps(s: WaterfallState, sender: string, layer: Layer, bps: bigint): { waterfall: WaterfallState } {
  onlyOwner(s, sender);
  if (bps < MIN_LAYER_CAP_BPS || bps > MAX_LAYER_CAP_BPS)
    throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallLayerCapOutOfBounds', [bps, MIN_LAYER_CAP_BPS, MAX_LAYER_CAP_BPS]);
  return { waterfall: layer === JUNIOR ? { ...s, juniorCapBps: bps } : { ...s, seniorCapBps: bps } };
}

export function setFeeWeights(s: WaterfallState, sender: string, juniorBps: bigint, seniorBps: bigint): { waterfall: WaterfallState } {
  onlyOwner(s, sender);
  for (const bps of [juniorBps, seniorBps]) {
    if (bps < MIN_FEE_WEIGHT_BPS || bps > MAX_FEE_WEIGHT_BPS)
      throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallFeeWeightOutOfBounds', [bps, MIN_FEE_WEIGHT_BPS, MAX_FEE_WEIGHT_BPS]);
  }
  if (juniorBps + seniorBps !== BPS) throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallFeeWeightsSum', [juniorBps, seniorBps]);
  return { waterfall: { ...s, seniorFeeBps: seniorBps } };
}

/** `setRecapitalizer(r)`: the recapitalizer must answer to this waterfall and raise its asset (checked by the caller's world). */
export function setRecapitalizer(
  s: WaterfallState,
  sender: string,
  recapitalizer: string,
  answersTo: { waterfall: string; stablecoin: string } | null,
): { waterfall: WaterfallState } {
  onlyOwner(s, sender);
  if (!isZero(recapitalizer) && answersTo && (addr(answersTo.waterfall) !== s.address || addr(answersTo.stablecoin) !== s.asset)) {
    throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallRecapitalizerMismatch', [addr(answersTo.waterfall), addr(answersTo.stablecoin)]);
  }
  return { waterfall: { ...s, recapitalizer: addr(recapitalizer) } };
}

/** `pause()`: the guardian or the owner stops new venue draws (nothing else). */
export function pauseWaterfall(s: WaterfallState, sender: string): { waterfall: WaterfallState } {
  if (addr(sender) !== s.guardian && addr(sender) !== s.owner) throw new ContractRevert('ShortfallWaterfall', 'ShortfallWaterfallNotGuardian', [addr(sender)]);
  return { waterfall: { ...s, paused: true } };
}

export function unpauseWaterfall(s: WaterfallState, sender: string): { waterfall: WaterfallState } {
  onlyOwner(s, sender);
  return { waterfall: { ...s, paused: false } };
}
