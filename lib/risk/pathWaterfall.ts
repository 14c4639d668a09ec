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
import { BOOK_LAYERS } from './book';
import type { CompiledBook } from './compile';

/** Exhaustion flags (bits of PathOutputs.flags). */
export const EXHAUSTED_JUNIOR = 1;
export const EXHAUSTED_SENIOR = 2;
export const SOCIALISED = 4;

export class PathWaterfall {
  // Per layer (index 0 junior, 1 senior): the stored window and what the layer has paid on this path.
  readonly window = new Float64Array(2);
  readonly prev = new Float64Array(2);
  readonly curr = new Float64Array(2);
  readonly draws = new Float64Array(2);
  exposureUsed = 0;
  eligible = 0;
  overExposure = 0;
  recapAccepted = 0;
  recapRaised = 0;
  socialised = 0;
  flags = 0;
  // The venue's auction on this path: open until `auctionClosesAt`, to raise `auctionTarget`, able to
  // raise at most `auctionCapacity` (its mint cap at the floor price × the fill assumption).
  private auctionOpen = false;
  private auctionClosesAt = 0;
  private auctionTarget = 0;
  private auctionCapacity = 0;
  // What the open auction had to raise before t = 0 (not this path's loss; it takes the capacity first).
  private auctionPreexisting = 0;

  private readonly capBps: [bigint, bigint];
  private readonly exposureCap: number;
  private readonly initialExposureUsed: number;
  private readonly newAuctionCapacity: number;
  // Every path starts from the book's state (converted once, not per path).
  private readonly initial: {
    window: Float64Array;
    prev: Float64Array;
    curr: Float64Array;
    auctionOpen: boolean;
    auctionClosesAt: number;
    auctionTarget: number;
    auctionCapacity: number;
  };

  constructor(private readonly cb: CompiledBook) {
    const { book, params } = cb;
    this.capBps = [book.waterfall.junior.capBps, book.waterfall.senior.capBps];
    this.exposureCap = book.venue ? Number(book.venue.exposureCap) : 0;
    this.initialExposureUsed = book.venue ? Number(book.venue.exposureUsed) : 0;
    const recap = book.recapitalizer;
    this.newAuctionCapacity = recap ? Math.floor(params.recapFill * Number(stableInUp(mintCapDown(recap.supply, recap.maxMintBps), recap.floorPrice))) : 0;
    const w = BOOK_LAYERS.map((layer) => book.waterfall[layer]);
    const open = recap?.openAuction;
    const live = Boolean(open && open.closesAt > book.timestamp);
    this.initial = {
      window: Float64Array.from(w, (x) => Number(x.window)),
      prev: Float64Array.from(w, (x) => Number(x.prev)),
      curr: Float64Array.from(w, (x) => Number(x.curr)),
      auctionOpen: live,
      auctionClosesAt: live ? Number(open!.closesAt) : 0,
      auctionTarget: live ? Number(open!.target - open!.raised) : 0,
      auctionCapacity: live
        ? Math.floor(params.recapFill * Number(stableInUp(open!.mintCap > open!.minted ? open!.mintCap - open!.minted : 0n, recap!.floorPrice)))
        : 0,
    };
  }

  reset(): void {
    const init = this.initial;
    for (let i = 0; i < 2; i++) {
      this.window[i] = init.window[i]!;
      this.prev[i] = init.prev[i]!;
      this.curr[i] = init.curr[i]!;
      this.draws[i] = 0;
    }
    this.exposureUsed = this.initialExposureUsed;
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
  }

  /**
   * The venue reports a shortfall of `amount` (base units, integer) at step boundary `boundary`.
   * `releasedJunior`/`releasedSenior`: payouts of covers this path triggered whose locks the baseline
   * counts as released by then (a paid cover's lock never comes back as free capital).
   */
  absorb(boundary: number, amount: number, releasedJunior: number, releasedSenior: number): void {
    const cb = this.cb;
    const t = cb.t0 + BigInt(boundary * cb.stepSeconds);
    const nowWindow = windowOf(t);
    const rolled: Array<{ prevNow: bigint; currNow: bigint }> = [];
    const available: bigint[] = [];
    for (let i = 0; i < 2; i++) {
      const r = rollWindow(BigInt(this.window[i]!), BigInt(this.prev[i]!), BigInt(this.curr[i]!), nowWindow);
      rolled.push(r);
      const layer = BOOK_LAYERS[i]!;
      const released = i === 0 ? releasedJunior : releasedSenior;
      // Checked: free capital can never go negative on a consistent path (a bug would throw here).
      const free = sub(sub(BigInt(cb.freeBaseline[layer][boundary]!), BigInt(released)), BigInt(this.draws[i]!));
      available.push(layerAvailableDown(free, r.prevNow + r.currNow, this.capBps[i]!));
    }
    const exposureRemaining = this.exposureUsed >= this.exposureCap ? 0n : BigInt(this.exposureCap - this.exposureUsed);
    const split = allocateShortfall(BigInt(amount), available[0]!, available[1]!, exposureRemaining);
    const paid = [split.junior, split.senior];
    for (let i = 0; i < 2; i++) {
      // As the contract: the window is written only when the layer pays.
      if (paid[i]! > 0n) {
        this.window[i] = Number(nowWindow);
        this.prev[i] = Number(rolled[i]!.prevNow);
        this.curr[i] = Number(rolled[i]!.currNow + paid[i]!);
        this.draws[i] = this.draws[i]! + Number(paid[i]!);
      }
    }
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

  /** `Recapitalizer.openAuction` as previewOpenAuction accepts it: the open auction tops up; else a new one if it could mint. */
  private openOrTopUp(t: number, ask: number): number {
    if (ask === 0 || !this.cb.book.recapitalizer) return 0;
    if (this.auctionOpen && t <= this.auctionClosesAt) {
      this.auctionTarget += ask;
      return ask;
    }
    if (this.auctionOpen) this.settle();
    const recap = this.cb.book.recapitalizer;
    if (mintCapDown(recap.supply, recap.maxMintBps) === 0n) return 0;
    this.auctionOpen = true;
    this.auctionClosesAt = t + Number(recap.duration);
    this.auctionTarget = ask;
    this.auctionCapacity = this.newAuctionCapacity;
    return ask;
  }

  private settle(): void {
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
    if (this.socialised > 0) this.flags |= SOCIALISED;
  }
}
