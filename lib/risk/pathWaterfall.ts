// One path's waterfall: the state ShortfallWaterfall and the Recapitalizer keep between shortfalls
// (each layer's rolling window, the layers' draws, the venue's used exposure, the open auction), held
// as integer-valued floats between events and converted to bigint at a loss event, where the split runs
// through the contracts' exact twins (lib/waterfall/waterfallMath.ts, lib/recap/auctionMath.ts).
//
// A step's shortfalls are reported as one call at the step's end. That is exact, not an approximation:
// within a window a paid draw lowers free capital and raises `used` by the same amount, so the cap
// (a fraction of free + used) is unchanged and two draws pay what one draw of their sum would
// (layerAvailableDown falls by exactly what was paid); the exposure and the auction's top-up add up too.
import { sub } from '../mirror/evm';
import { mintCapDown, stableInUp } from '../mirror/AuctionMath';
import { allocateShortfall, layerAvailableDown, rollWindow, windowOf } from '../mirror/WaterfallMath';
import { BOOK_LAYERS, type RiskBook } from './book';
import type { CompiledBook } from './compile';

/** Exhaustion flags (bits of PathOutputs.flags). */
export const EXHAUSTED_JUNIOR = 1;
export const EXHAUSTED_SENIOR = 2;
export const SOCIALISED = 4;

/**
 * What every path's waterfall starts from, read from the book once per compile (compile.ts) into one
 * object of fixed shape: the path loop then never touches the book itself, whose objects may have been
 * built in different ways (a structured clone, a JSON reader, a test) that V8 sees as different shapes.
 */
export type WaterfallStart = {
  capBps: [bigint, bigint];
  /** Per layer, as the book read them (bigints, the twins' type). */
  window: bigint[];
  prev: bigint[];
  curr: bigint[];
  exposureCap: number;
  exposureUsed: number;
  /** A Recapitalizer exists and could mint (its mint cap is above zero) when a new auction opens. */
  hasRecapitalizer: boolean;
  canOpenAuction: boolean;
  auctionDuration: number;
  /** What a new auction can raise: its mint cap at the floor price × the fill assumption. */
  newAuctionCapacity: number;
  auctionOpen: boolean;
  auctionClosesAt: number;
  auctionTarget: number;
  auctionCapacity: number;
};

export function waterfallStart(book: RiskBook, recapFill: number): WaterfallStart {
  const recap = book.recapitalizer;
  const w = BOOK_LAYERS.map((layer) => book.waterfall[layer]);
  const open = recap?.openAuction;
  const live = Boolean(open && open.closesAt > book.timestamp);
  return {
    capBps: [book.waterfall.junior.capBps, book.waterfall.senior.capBps],
    window: w.map((x) => x.window),
    prev: w.map((x) => x.prev),
    curr: w.map((x) => x.curr),
    exposureCap: book.venue ? Number(book.venue.exposureCap) : 0,
    exposureUsed: book.venue ? Number(book.venue.exposureUsed) : 0,
    hasRecapitalizer: Boolean(recap),
    canOpenAuction: recap ? mintCapDown(recap.supply, recap.maxMintBps) > 0n : false,
    auctionDuration: recap ? Number(recap.duration) : 0,
    newAuctionCapacity: recap ? Math.floor(recapFill * Number(stableInUp(mintCapDown(recap.supply, recap.maxMintBps), recap.floorPrice))) : 0,
    auctionOpen: live,
    auctionClosesAt: live ? Number(open!.closesAt) : 0,
    auctionTarget: live ? Number(open!.target - open!.raised) : 0,
    auctionCapacity: live ? Math.floor(recapFill * Number(stableInUp(open!.mintCap > open!.minted ? open!.mintCap - open!.minted : 0n, recap!.floorPrice))) : 0,
  };
}

export class PathWaterfall {
  // Per layer (index 0 junior, 1 senior): the stored window and what the layer has paid on this path,
  // as the bigints the twins take (converting them at every loss event was a third of its cost), and the
  // draws also as numbers for the engine's outputs.
  readonly window: bigint[] = [0n, 0n];
  readonly prev: bigint[] = [0n, 0n];
  readonly curr: bigint[] = [0n, 0n];
  private readonly drawn: bigint[] = [0n, 0n];
  readonly draws = new Float64Array(2);
  exposureUsed = 0;
  eligible = 0;
  overExposure = 0;
  recapAccepted = 0;
  recapRaised = 0;
  socialised = 0;
  flags = 0;
  /**
   * Whether this path changed anything `reset` restores (a loss event, or an auction settled at the
   * end): most paths never do, and the engine then skips the reset.
   */
  dirty = true;
  // The venue's auction on this path: open until `auctionClosesAt`, to raise `auctionTarget`, able to
  // raise at most `auctionCapacity` (its mint cap at the floor price × the fill assumption).
  private auctionOpen = false;
  private auctionClosesAt = 0;
  private auctionTarget = 0;
  private auctionCapacity = 0;
  // What the open auction had to raise before t = 0 (not this path's loss; it takes the capacity first).
  private auctionPreexisting = 0;

  private readonly start: WaterfallStart;
  /** Per step boundary: its time, its draw window, and each layer's free capital, as bigints. */
  private readonly timeAt: bigint[] = [];
  private readonly windowAt: bigint[] = [];
  private readonly freeAt: [bigint[], bigint[]] = [[], []];

  constructor(cb: CompiledBook) {
    this.start = cb.waterfall;
    for (let boundary = 0; boundary <= cb.steps; boundary++) {
      const t = cb.t0 + BigInt(boundary * cb.stepSeconds);
      this.timeAt.push(t);
      this.windowAt.push(windowOf(t));
      BOOK_LAYERS.forEach((layer, i) => this.freeAt[i]!.push(BigInt(cb.freeBaseline[layer][boundary]!)));
    }
  }

  reset(): void {
    const init = this.start;
    for (let i = 0; i < 2; i++) {
      this.window[i] = init.window[i]!;
      this.prev[i] = init.prev[i]!;
      this.curr[i] = init.curr[i]!;
      this.drawn[i] = 0n;
      this.draws[i] = 0;
    }
    this.exposureUsed = init.exposureUsed;
    this.eligible = 0;
    this.overExposure = 0;
    this.recapAccepted = 0;
    this.recapRaised = 0;
    this.socialised = 0;
    this.flags = 0;
    this.auctionOpen = init.auctionOpen;
    this.auctionClosesAt = init.auctionClosesAt;
    this.auctionTarget = init.auctionTarget;
    this.auctionCapacity = init.auctionCapacity;
    this.auctionPreexisting = init.auctionTarget;
    this.dirty = false;
  }

  /**
   * The venue reports a shortfall of `amount` (base units, integer) at step boundary `boundary`.
   * `releasedJunior`/`releasedSenior`: payouts of covers this path triggered whose locks the baseline
   * counts as released by then (a paid cover's lock never comes back as free capital).
   */
  absorb(boundary: number, amount: number, releasedJunior: number, releasedSenior: number): void {
    this.dirty = true;
    const t = this.timeAt[boundary]!;
    const nowWindow = this.windowAt[boundary]!;
    const capBps = this.start.capBps;
    const rolledJunior = rollWindow(this.window[0]!, this.prev[0]!, this.curr[0]!, nowWindow);
    const rolledSenior = rollWindow(this.window[1]!, this.prev[1]!, this.curr[1]!, nowWindow);
    // Checked: free capital can never go negative on a consistent path (a bug would throw here).
    const freeJunior = sub(sub(this.freeAt[0][boundary]!, BigInt(releasedJunior)), this.drawn[0]!);
    const freeSenior = sub(sub(this.freeAt[1][boundary]!, BigInt(releasedSenior)), this.drawn[1]!);
    const exposureCap = this.start.exposureCap;
    const exposureRemaining = this.exposureUsed >= exposureCap ? 0n : BigInt(exposureCap - this.exposureUsed);
    const split = allocateShortfall(
      BigInt(amount),
      layerAvailableDown(freeJunior, rolledJunior.prevNow + rolledJunior.currNow, capBps[0]),
      layerAvailableDown(freeSenior, rolledSenior.prevNow + rolledSenior.currNow, capBps[1]),
      exposureRemaining,
    );
    // As the contract: the window is written only when the layer pays.
    if (split.junior > 0n) this.pay(0, nowWindow, rolledJunior, split.junior);
    if (split.senior > 0n) this.pay(1, nowWindow, rolledSenior, split.senior);
    const eligible = amount - Number(split.overExposure);
    const junior = Number(split.junior);
    const senior = Number(split.senior);
    const ask = Number(split.recapitalization);
    const accepted = this.openOrTopUp(Number(t), ask);
    this.exposureUsed += junior + senior + accepted;
    this.eligible += eligible;
    this.overExposure += Number(split.overExposure);
    this.recapAccepted += accepted;
    this.socialised += Number(split.overExposure) + (ask - accepted);
    if (junior < eligible) this.flags |= EXHAUSTED_JUNIOR;
    if (senior < eligible - junior) this.flags |= EXHAUSTED_SENIOR;
  }

  private pay(i: number, nowWindow: bigint, rolled: { prevNow: bigint; currNow: bigint }, paid: bigint): void {
    this.window[i] = nowWindow;
    this.prev[i] = rolled.prevNow;
    this.curr[i] = rolled.currNow + paid;
    this.drawn[i] = this.drawn[i]! + paid;
    this.draws[i] = Number(this.drawn[i]);
  }

  /** `Recapitalizer.openAuction` as previewOpenAuction accepts it: the open auction tops up; else a new one if it could mint. */
  private openOrTopUp(t: number, ask: number): number {
    const start = this.start;
    if (ask === 0 || !start.hasRecapitalizer) return 0;
    if (this.auctionOpen && t <= this.auctionClosesAt) {
      this.auctionTarget += ask;
      return ask;
    }
    if (this.auctionOpen) this.settle();
    if (!start.canOpenAuction) return 0;
    this.auctionOpen = true;
    this.auctionClosesAt = t + start.auctionDuration;
    this.auctionTarget = ask;
    this.auctionCapacity = start.newAuctionCapacity;
    return ask;
  }

  private settle(): void {
    this.dirty = true;
    const raised = Math.min(this.auctionTarget, this.auctionCapacity);
    const raisedForEarlier = Math.min(this.auctionPreexisting, raised);
    const asked = this.auctionTarget - this.auctionPreexisting;
    this.recapRaised += raised - raisedForEarlier;
    this.socialised += asked - (raised - raisedForEarlier);
    this.auctionOpen = false;
    this.auctionTarget = 0;
    this.auctionPreexisting = 0;
  }

  /** End of the path: an auction still open raises what it will by its end (counted now). */
  finish(): void {
    if (this.auctionOpen) this.settle();
    if (this.socialised > 0) this.flags |= SOCIALISED; // only after absorb or settle: already dirty
  }
}
