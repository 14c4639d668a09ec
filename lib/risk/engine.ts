// The Monte Carlo path loop. Each path is a Merton jump-diffusion of the log-price, x = ln(S/S₀), on a
// grid of `steps` steps; per step:
//   1. diffusion: x₁⁻ = x + drift + σ√dt·Z;
//   2. the Brownian bridge between x and x₁⁻ is sampled for its minimum and its maximum (one exponential
//      each, see `bridge`), so a strike or liquidation price crossed and recrossed inside a coarse step is
//      still touched — the per-step cost does not depend on how many strikes lie below: each side's
//      strikes and liquidation prices are merged in crossing order (levels.ts) and one pointer per side
//      advances past every level the running extreme reached;
//   3. jumps (a Poisson process, placed at the step's end) move x₁⁻ to x₁; a level jumped over is a GAP.
// Covers pay when their strike is crossed while they are active (prefix sums give the step's payouts in
// O(1)); venue positions are liquidated at their liquidation price when the diffusion reaches it and at
// the post-jump price when a jump gaps through it, which is where bad debt comes from. A step's bad debt
// goes through the path's exact waterfall twin (pathWaterfall.ts) at the step's end.
//
// No allocation per path or step: the outputs are preallocated typed arrays indexed by path, and the
// random stream is reseeded per path (random.ts), so results do not depend on how paths are chunked.
// Over 400 lines on purpose: the hot path loop is one function over typed arrays (no per-path allocation, no
// calls the JIT cannot inline); splitting it costs path-steps per second (npm run bench -- risk).
import { ke as zigKe, kn as zigKn, PathRandom, we as zigWe, wn as zigWn } from './random';
import type { CompiledBook } from './compile';
import { passDown, passUp } from './levels';
import type { PathOutputs } from './outputs';
import { PathWaterfall } from './pathWaterfall';

/**
 * Probability below which a bridge crossing is not sampled: e^(−40) ≈ 4·10⁻¹⁸ per step and level, far
 * below any Monte Carlo error (skipping the draw only saves time; each path's stream stays its own).
 */
export const BRIDGE_SKIP_EXPONENT = 40;

/**
 * Simulates paths [from, to) of `cb` and writes path p's results at index `p − offset` of `out`.
 * `onProgress(done)` is called every `progressEvery` paths (a worker posts it; it may throw to abort).
 */
export function simulatePaths(
  cb: CompiledBook,
  from: number,
  to: number,
  out: PathOutputs,
  offset = from,
  onProgress?: (done: number) => void,
  progressEvery = 4096,
): void {
  const rng = new PathRandom();
  const wf = new PathWaterfall(cb);
  const seed = cb.params.seed >>> 0;
  const steps = cb.steps;
  const drift = cb.drift;
  const stepVol = cb.stepVol;
  const twoVar = 2 * cb.stepVariance;
  // Finite with no diffusion too (then every threshold is huge, or ≤ 0 where the step itself reached the
  // level): a 0 · ∞ would be NaN.
  const twoOverVar = cb.stepVariance > 0 ? 2 / cb.stepVariance : Number.MAX_VALUE;
  const jumpsPerStep = cb.jumpsPerStep;
  const jumpMean = cb.jumpMean;
  const jumpStdDev = cb.jumpStdDev;
  const spot = cb.spotUsd;
  // An exported constant is read through the module's context on every use (a load, a tag check and a
  // conversion per step in the compiled loop): a local is a register.
  const skipExponent = BRIDGE_SKIP_EXPONENT;

  const dPref = cb.down.prefix;
  const uPref = cb.up.prefix;
  const lA = cb.longs.a;
  const lB = cb.longs.b;
  const lBadAtLiq = cb.longs.badDebtAtLiqPrefix;
  const sA = cb.shorts.a;
  const sB = cb.shorts.b;
  const sBadAtLiq = cb.shorts.badDebtAtLiqPrefix;
  const hasVenue = cb.longs.level.length > 1 || cb.shorts.level.length > 1;
  // Each side's covers and positions merged in crossing order: one pointer per side (pf, pr) and the
  // counts that turn it into the cover pointer (pd, pu, kept for the prefix reads) and the position
  // pointer (fPositions[pf], rPositions[pr]: read where needed, not carried — fewer live values in the
  // loop, and a path's liquidations are simply both position pointers at its end).
  const fall = cb.fall;
  const fLevel = fall.levels;
  const fCovers = fall.covers;
  const fPositions = fall.positions;
  const fGrid = fall.grid;
  const fLast = fGrid.length - 1;
  const fOrigin = fall.origin;
  const fInverseWidth = fall.inverseWidth;
  const rise = cb.rise;
  const rLevel = rise.levels;
  const rCovers = rise.covers;
  const rPositions = rise.positions;
  const rGrid = rise.grid;
  const rLast = rGrid.length - 1;
  const rOrigin = rise.origin;
  const rInverseWidth = rise.inverseWidth;
  // Cover pointers after each step: which step crossed which cover, for the release adjustment.
  const downAt = new Int32Array(steps);
  const upAt = new Int32Array(steps);

  // The generator's state lives in locals in this loop (xoshiro128** and the ziggurats' fast paths are
  // written out inline: ~2× the speed of method calls on PathRandom, which keeps the same stream). For
  // the rare slow paths and jump draws the state is handed to `rng` and taken back (`st`).
  const st = rng.s;
  // Module bindings copied to locals: a CommonJS build (tsx, vitest) turns each imported binding into a
  // getter call, which in this loop halves the speed.
  const kn = zigKn;
  const wn = zigWn;
  const ke = zigKe;
  const we = zigWe;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;

  for (let p = from; p < to; p++) {
    rng.seedPath(seed, p);
    // With no positions nothing ever reaches the waterfall; and a path that had no loss event left it as
    // the reset would (most paths: ~25 stores saved per path).
    if (hasVenue && wf.dirty) wf.reset();
    let x = 0;
    let pf = 0;
    let pr = 0;
    let pd = 0;
    let pu = 0;
    let coverJ = 0;
    let coverS = 0;
    let badDebt = 0;
    let nextJump = jumpsPerStep > 0 ? rng.exponential() / jumpsPerStep : Infinity;
    s0 = st[0]!;
    s1 = st[1]!;
    s2 = st[2]!;
    s3 = st[3]!;
    // The nearest level not yet crossed on each side.
    let low = fLevel[0]!;
    let high = rLevel[0]!;

    for (let k = 0; k < steps; k++) {
      // z ~ N(0, 1): xoshiro128** then the normal ziggurat (random.ts).
      let z: number;
      {
        const t = s1 << 9;
        let r = Math.imul(s1, 5);
        r = Math.imul((r << 7) | (r >>> 25), 9);
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        const i = r & 127;
        const j = r >> 7;
        // |j| without a branch: the sign of a random draw is a coin flip no branch predictor learns, and
        // `j < 0 ? -j : j` compiled to one (a misprediction every other step: ~8 % of the loop's time).
        const sign = j >> 31;
        if ((j ^ sign) - sign < kn[i]!) z = j * wn[i]!;
        else {
          st[0] = s0;
          st[1] = s1;
          st[2] = s2;
          st[3] = s3;
          // `+`: the call's result is of unknown type to the JIT; without it z (and e below) become
          // boxed heap numbers in the whole loop — an allocation per draw (seen in `perf annotate`).
          z = +rng.normalTail(j, i);
          s0 = st[0]!;
          s1 = st[1]!;
          s2 = st[2]!;
          s3 = st[3]!;
        }
      }
      let x1 = x + drift + stepVol * z;
      let stepBad = 0;

      // Falling side: the bridge's minimum against the highest level not yet crossed. The minimum of a
      // Brownian bridge from x to x1 with variance v is (x + x1 − √((x1 − x)² + 2vE))/2, E ~ Exp(1); it is
      // at or below a level b < min(x, x1) exactly when E ≥ 2(x − b)(x1 − b)/v (P = e^(−2(x−b)(x1−b)/v)).
      let level = low;
      if (level !== -Infinity) {
        // ≤ 0 when x1 is at or below the level: crossed whatever E. x is above every level not yet crossed
        // except at t = 0 for a level at or above spot (the max makes that a crossing too). Written without
        // a branch on x1 ≤ level, which the processor cannot predict.
        const threshold = Math.max(x - level, 0) * (x1 - level) * twoOverVar;
        if (threshold < skipExponent) {
          // e ~ Exp(1): xoshiro128** then the exponential ziggurat.
          let e: number;
          {
            const t = s1 << 9;
            let r = Math.imul(s1, 5);
            r = Math.imul((r << 7) | (r >>> 25), 9);
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = (s3 << 11) | (s3 >>> 21);
            const i = r & 255;
            const j = r >>> 8;
            if (j < ke[i]!) e = j * we[i]!;
            else {
              st[0] = s0;
              st[1] = s1;
              st[2] = s2;
              st[3] = s3;
              e = +rng.exponentialTail(j, i);
              s0 = st[0]!;
              s1 = st[1]!;
              s2 = st[2]!;
              s3 = st[3]!;
            }
          }
          if (e >= threshold) {
            const d = x1 - x;
            const m = 0.5 * (x + x1 - Math.sqrt(d * d + twoVar * e));
            // passDown(fall, pf, m) (levels.ts), the same statements on the sweep's arrays held in locals
            // (V8 does not inline the call into this loop; levels.ts says why each statement is so).
            let n = pf;
            if (!(fLevel[pf]! < m)) {
              const t = (m - fOrigin) * fInverseWidth + 1;
              n = fGrid[t < 0 ? 0 : t > fLast ? fLast : t | 0]!;
              if (n < pf) n = pf;
              do {
                n += +(fLevel[n]! >= m);
                n += +(fLevel[n]! >= m);
              } while (fLevel[n]! >= m);
              while (n > pf && fLevel[n - 1]! < m) n--;
            }
            if (n !== pf) {
              const c = fCovers[n]!;
              // No `c !== pd` test: equal pointers add +0 (exactly), and the test mispredicted one crossing in six.
              coverJ += dPref[2 * (c * steps + k)]! - dPref[2 * (pd * steps + k)]!;
              coverS += dPref[2 * (c * steps + k) + 1]! - dPref[2 * (pd * steps + k) + 1]!;
              pd = c;
              stepBad += lBadAtLiq[fPositions[n]!]! - lBadAtLiq[fPositions[pf]!]!;
              pf = n;
              low = fLevel[n]!;
            }
          }
        }
      }

      // Rising side: the bridge's maximum (x + x1 + √((x1 − x)² + 2vE'))/2 with its own E'. A step that
      // reaches both a falling and a rising level is vanishingly rare; each side's probability is exact.
      level = high;
      if (level !== Infinity) {
        const threshold = Math.max(level - x, 0) * (level - x1) * twoOverVar;
        if (threshold < skipExponent) {
          let e: number;
          {
            const t = s1 << 9;
            let r = Math.imul(s1, 5);
            r = Math.imul((r << 7) | (r >>> 25), 9);
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = (s3 << 11) | (s3 >>> 21);
            const i = r & 255;
            const j = r >>> 8;
            if (j < ke[i]!) e = j * we[i]!;
            else {
              st[0] = s0;
              st[1] = s1;
              st[2] = s2;
              st[3] = s3;
              e = +rng.exponentialTail(j, i);
              s0 = st[0]!;
              s1 = st[1]!;
              s2 = st[2]!;
              s3 = st[3]!;
            }
          }
          if (e >= threshold) {
            const d = x1 - x;
            const m = 0.5 * (x + x1 + Math.sqrt(d * d + twoVar * e));
            // passUp(rise, pr, m) (levels.ts), the same statements.
            let n = pr;
            if (!(rLevel[pr]! > m)) {
              const t = (m - rOrigin) * rInverseWidth;
              n = rGrid[t < 0 ? 0 : t > rLast ? rLast : t | 0]!;
              if (n < pr) n = pr;
              do {
                n += +(rLevel[n]! <= m);
                n += +(rLevel[n]! <= m);
              } while (rLevel[n]! <= m);
              while (n > pr && rLevel[n - 1]! > m) n--;
            }
            if (n !== pr) {
              const c = rCovers[n]!;
              coverJ += uPref[2 * (c * steps + k)]! - uPref[2 * (pu * steps + k)]!;
              coverS += uPref[2 * (c * steps + k) + 1]! - uPref[2 * (pu * steps + k) + 1]!;
              pu = c;
              stepBad += sBadAtLiq[rPositions[n]!]! - sBadAtLiq[rPositions[pr]!]!;
              pr = n;
              high = rLevel[n]!;
            }
          }
        }
      }

      // Jumps in this step, at its end: what they jump over is gapped.
      if (nextJump < k + 1) {
        st[0] = s0;
        st[1] = s1;
        st[2] = s2;
        st[3] = s3;
        while (nextJump < k + 1) {
          x1 += jumpMean + jumpStdDev * rng.normal();
          nextJump += rng.exponential() / jumpsPerStep;
          if (x1 <= fLevel[pf]!) {
            const n = passDown(fall, pf, x1);
            const c = fCovers[n]!;
            if (c !== pd) {
              coverJ += dPref[2 * (c * steps + k)]! - dPref[2 * (pd * steps + k)]!;
              coverS += dPref[2 * (c * steps + k) + 1]! - dPref[2 * (pd * steps + k) + 1]!;
              pd = c;
            }
            const q = fPositions[n]!;
            let pl = fPositions[pf]!;
            if (q !== pl) {
              const price = spot * Math.exp(x1);
              for (; pl < q; pl++) {
                const bad = lA[pl]! - lB[pl]! * price;
                if (bad > 0) stepBad += bad;
              }
            }
            pf = n;
          }
          if (x1 >= rLevel[pr]!) {
            const n = passUp(rise, pr, x1);
            const c = rCovers[n]!;
            if (c !== pu) {
              coverJ += uPref[2 * (c * steps + k)]! - uPref[2 * (pu * steps + k)]!;
              coverS += uPref[2 * (c * steps + k) + 1]! - uPref[2 * (pu * steps + k) + 1]!;
              pu = c;
            }
            const q = rPositions[n]!;
            let ps = rPositions[pr]!;
            if (q !== ps) {
              const price = spot * Math.exp(x1);
              for (; ps < q; ps++) {
                const bad = sB[ps]! * price - sA[ps]!;
                if (bad > 0) stepBad += bad;
              }
            }
            pr = n;
          }
        }
        s0 = st[0]!;
        s1 = st[1]!;
        s2 = st[2]!;
        s3 = st[3]!;
        low = fLevel[pf]!;
        high = rLevel[pr]!;
      }

      x = x1;
      if (hasVenue) {
        downAt[k] = pd;
        upAt[k] = pu;
      }
      if (stepBad > 0 && hasVenue) {
        const amount = Math.ceil(stepBad - 1e-9); // up to a whole base unit: never understate a loss
        badDebt += amount;
        releasedByPath(cb, k, downAt, upAt, released);
        wf.absorb(k + 1, amount, released[0]!, released[1]!);
      }
    }
    const i = p - offset;
    out.coverJunior[i] = coverJ;
    out.coverSenior[i] = coverS;
    if (hasVenue) {
      wf.finish();
      out.drawJunior[i] = wf.draws[0]!;
      out.drawSenior[i] = wf.draws[1]!;
      out.badDebt[i] = badDebt;
      out.eligible[i] = wf.eligible;
      out.recapRaised[i] = wf.recapRaised;
      out.socialised[i] = wf.socialised;
      out.liquidations[i] = fPositions[pf]! + rPositions[pr]!;
      out.flags[i] = wf.flags;
    } else {
      out.drawJunior[i] = 0;
      out.drawSenior[i] = 0;
      out.badDebt[i] = 0;
      out.eligible[i] = 0;
      out.recapRaised[i] = 0;
      out.socialised[i] = 0;
      out.liquidations[i] = 0;
      out.flags[i] = 0;
    }
    if (onProgress && (p - from + 1) % progressEvery === 0) onProgress(p - from + 1);
  }
}

const released = new Float64Array(2);

/**
 * Payouts (per layer) of covers this path triggered whose locks the free-capital baseline counts as
 * released by step boundary k + 1: a paid cover's lock is spent, so it never comes back as free capital.
 * Runs only at loss events and reads only the covers released by then (`byRelease`), each in O(1).
 */
export function releasedByPath(cb: CompiledBook, k: number, downAt: Int32Array, upAt: Int32Array, into: Float64Array): void {
  into[0] = 0;
  into[1] = 0;
  releasedOnSide(cb.down, k, downAt, into);
  releasedOnSide(cb.up, k, upAt, into);
}

function releasedOnSide(side: CompiledBook['down'], k: number, at: Int32Array, into: Float64Array): void {
  const count = side.releasedBy[k + 1]!;
  const crossed = at[k]!;
  // Paid when the path crossed it while it was active: by the end of its last step (or by now, if that
  // is later than now). at[s] is the side's cover pointer after step s, so "crossed by step s" is
  // at[s] > j. The covers both released and crossed are read from the shorter list: those released by
  // now (sorted by release step), or those crossed (the first `crossed` in crossing order). Sums of
  // integer payouts below 2⁵³ are exact in any order.
  if (crossed < count) {
    for (let j = 0; j < crossed; j++) {
      const end = side.endStep[j]!;
      if (side.releaseStep[j]! <= k + 1 && at[end < k ? end : k]! > j) {
        const layer = side.layerIndex[j]!;
        into[layer] = into[layer]! + side.payout[j]!;
      }
    }
    return;
  }
  const order = side.byRelease;
  for (let r = 0; r < count; r++) {
    const j = order[r]!;
    const end = side.endStep[j]!;
    if (at[end < k ? end : k]! > j) {
      const layer = side.layerIndex[j]!;
      into[layer] = into[layer]! + side.payout[j]!;
    }
  }
}
