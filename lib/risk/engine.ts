// The Monte Carlo path loop. Each path is a Merton jump-diffusion of the log-price, x = ln(S/S₀), on a
// grid of `steps` steps; per step:
//   1. diffusion: x₁⁻ = x + drift + σ√dt·Z;
//   2. the Brownian bridge between x and x₁⁻ is sampled for its minimum and its maximum (one exponential
//      each, see `bridge`), so a strike or liquidation price crossed and recrossed inside a coarse step is
//      still touched — the per-step cost does not depend on how many strikes lie below: they are kept
//      sorted in crossing order and a pointer advances past every level the running extreme reached;
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
  const twoOverVar = 2 / cb.stepVariance; // Infinity with no diffusion: no bridge can cross
  const jumpsPerStep = cb.jumpsPerStep;
  const jumpMean = cb.jumpMean;
  const jumpStdDev = cb.jumpStdDev;
  const spot = cb.spotUsd;

  const dLevel = cb.down.level;
  const nD1 = dLevel.length;
  const dPref = cb.down.prefix;
  const uLevel = cb.up.level;
  const nU1 = uLevel.length;
  const uPref = cb.up.prefix;
  const lLevel = cb.longs.level;
  const lA = cb.longs.a;
  const lB = cb.longs.b;
  const lBadAtLiq = cb.longs.badDebtAtLiqPrefix;
  const sLevel = cb.shorts.level;
  const sA = cb.shorts.a;
  const sB = cb.shorts.b;
  const sBadAtLiq = cb.shorts.badDebtAtLiqPrefix;
  const hasVenue = lLevel.length > 1 || sLevel.length > 1;
  const dIndex = levelIndex(dLevel, 'down');
  const lIndex = levelIndex(lLevel, 'down');
  const uIndex = levelIndex(uLevel, 'up');
  const sIndex = levelIndex(sLevel, 'up');
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
    if (hasVenue) wf.reset(); // with no positions nothing ever reaches the waterfall
    let x = 0;
    let pd = 0;
    let pu = 0;
    let pl = 0;
    let ps = 0;
    let coverJ = 0;
    let coverS = 0;
    let badDebt = 0;
    let liquidations = 0;
    let nextJump = jumpsPerStep > 0 ? rng.exponential() / jumpsPerStep : Infinity;
    s0 = st[0]!;
    s1 = st[1]!;
    s2 = st[2]!;
    s3 = st[3]!;
    // The nearest level not yet crossed on each side (recomputed only when a pointer moves).
    let low = dLevel[0]! > lLevel[0]! ? dLevel[0]! : lLevel[0]!;
    let high = uLevel[0]! < sLevel[0]! ? uLevel[0]! : sLevel[0]!;

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
        if ((j < 0 ? -j : j) < kn[i]!) z = j * wn[i]!;
        else {
          st[0] = s0;
          st[1] = s1;
          st[2] = s2;
          st[3] = s3;
          z = rng.normalTail(j, i);
          s0 = st[0]!;
          s1 = st[1]!;
          s2 = st[2]!;
          s3 = st[3]!;
        }
      }
      let x1 = x + drift + stepVol * z;
      let stepBad = 0;
      const rowD = 2 * k * nD1;
      const rowU = 2 * k * nU1;

      // Falling side: the bridge's minimum against the highest level not yet crossed. The minimum of a
      // Brownian bridge from x to x1 with variance v is (x + x1 − √((x1 − x)² + 2vE))/2, E ~ Exp(1); it is
      // at or below a level b < min(x, x1) exactly when E ≥ 2(x − b)(x1 − b)/v (P = e^(−2(x−b)(x1−b)/v)).
      let level = low;
      if (level !== -Infinity) {
        const threshold = x1 <= level ? 0 : (x - level) * (x1 - level) * twoOverVar;
        if (threshold < BRIDGE_SKIP_EXPONENT) {
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
              e = rng.exponentialTail(j, i);
              s0 = st[0]!;
              s1 = st[1]!;
              s2 = st[2]!;
              s3 = st[3]!;
            }
          }
          if (e >= threshold) {
            const d = x1 - x;
            const m = 0.5 * (x + x1 - Math.sqrt(d * d + twoVar * e));
            let n = passDown(dIndex, pd, m);
            if (n !== pd) {
              coverJ += dPref[rowD + 2 * n]! - dPref[rowD + 2 * pd]!;
              coverS += dPref[rowD + 2 * n + 1]! - dPref[rowD + 2 * pd + 1]!;
              pd = n;
            }
            n = passDown(lIndex, pl, m);
            if (n !== pl) {
              stepBad += lBadAtLiq[n]! - lBadAtLiq[pl]!;
              liquidations += n - pl;
              pl = n;
            }
            low = dLevel[pd]! > lLevel[pl]! ? dLevel[pd]! : lLevel[pl]!;
          }
        }
      }

      // Rising side: the bridge's maximum (x + x1 + √((x1 − x)² + 2vE'))/2 with its own E'. A step that
      // reaches both a falling and a rising level is vanishingly rare; each side's probability is exact.
      level = high;
      if (level !== Infinity) {
        const threshold = x1 >= level ? 0 : (level - x) * (level - x1) * twoOverVar;
        if (threshold < BRIDGE_SKIP_EXPONENT) {
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
              e = rng.exponentialTail(j, i);
              s0 = st[0]!;
              s1 = st[1]!;
              s2 = st[2]!;
              s3 = st[3]!;
            }
          }
          if (e >= threshold) {
            const d = x1 - x;
            const m = 0.5 * (x + x1 + Math.sqrt(d * d + twoVar * e));
            let n = passUp(uIndex, pu, m);
            if (n !== pu) {
              coverJ += uPref[rowU + 2 * n]! - uPref[rowU + 2 * pu]!;
              coverS += uPref[rowU + 2 * n + 1]! - uPref[rowU + 2 * pu + 1]!;
              pu = n;
            }
            n = passUp(sIndex, ps, m);
            if (n !== ps) {
              stepBad += sBadAtLiq[n]! - sBadAtLiq[ps]!;
              liquidations += n - ps;
              ps = n;
            }
            high = uLevel[pu]! < sLevel[ps]! ? uLevel[pu]! : sLevel[ps]!;
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
          if (x1 <= dLevel[pd]!) {
            const n = passDown(dIndex, pd, x1);
            coverJ += dPref[rowD + 2 * n]! - dPref[rowD + 2 * pd]!;
            coverS += dPref[rowD + 2 * n + 1]! - dPref[rowD + 2 * pd + 1]!;
            pd = n;
          }
          if (x1 <= lLevel[pl]!) {
            const price = spot * Math.exp(x1);
            while (lLevel[pl]! >= x1) {
              const bad = lA[pl]! - lB[pl]! * price;
              if (bad > 0) stepBad += bad;
              liquidations++;
              pl++;
            }
          }
          if (x1 >= uLevel[pu]!) {
            const n = passUp(uIndex, pu, x1);
            coverJ += uPref[rowU + 2 * n]! - uPref[rowU + 2 * pu]!;
            coverS += uPref[rowU + 2 * n + 1]! - uPref[rowU + 2 * pu + 1]!;
            pu = n;
          }
          if (x1 >= sLevel[ps]!) {
            const price = spot * Math.exp(x1);
            while (sLevel[ps]! <= x1) {
              const bad = sB[ps]! * price - sA[ps]!;
              if (bad > 0) stepBad += bad;
              liquidations++;
              ps++;
            }
          }
        }
        s0 = st[0]!;
        s1 = st[1]!;
        s2 = st[2]!;
        s3 = st[3]!;
        low = dLevel[pd]! > lLevel[pl]! ? dLevel[pd]! : lLevel[pl]!;
        high = uLevel[pu]! < sLevel[ps]! ? uLevel[pu]! : sLevel[ps]!;
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
      out.liquidations[i] = liquidations;
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

/**
 * A sorted list of log-levels with a bucket index over them, so finding how far a price's extreme
 * reached costs O(1) on average however dense the book: bucket b of the grid over [origin, origin + G·w)
 * stores the first index whose level lies beyond the bucket's edge, and a search scans from there.
 */
export type LevelIndex = {
  /** Sorted in crossing order (descending for a falling price, ascending for a rising one), then ±∞. */
  levels: Float64Array;
  /** Down: grid[b] = first index with level < origin + b·w. Up: first index with level > origin + b·w. */
  grid: Int32Array;
  origin: number;
  inverseWidth: number;
};

export function levelIndex(levels: Float64Array, direction: 'down' | 'up'): LevelIndex {
  const n = levels.length - 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, levels[i]!);
    hi = Math.max(hi, levels[i]!);
  }
  const buckets = Math.max(1, Math.min(1 << 16, 4 * n));
  if (n === 0) return { levels, grid: new Int32Array([0, 0]), origin: 0, inverseWidth: 0 };
  const width = Math.max(hi - lo, 1e-12) / buckets;
  const grid = new Int32Array(buckets + 1);
  let i = 0;
  if (direction === 'down') {
    // Walk edges from the top (b = G) down to the bottom (b = 0); the first index below an edge only grows.
    for (let b = buckets; b >= 0; b--) {
      const edge = b === buckets ? Infinity : lo + b * width;
      while (i < n && levels[i]! >= edge) i++;
      grid[b] = i;
    }
  } else {
    for (let b = 0; b <= buckets; b++) {
      const edge = b === buckets ? Infinity : lo + b * width;
      while (i < n && levels[i]! <= edge) i++;
      grid[b] = i;
    }
  }
  return { levels, grid, origin: lo, inverseWidth: 1 / width };
}

/** First index ≥ `from` whose level is below `m` (descending levels): [from, result) were crossed. */
export function passDown(index: LevelIndex, from: number, m: number): number {
  const levels = index.levels;
  if (levels[from]! < m) return from;
  const grid = index.grid;
  const last = grid.length - 1;
  // m lies in bucket c − 1, so the answer is at or after the first index below edge c.
  let c = Math.floor((m - index.origin) * index.inverseWidth) + 1;
  c = c < 0 ? 0 : c > last ? last : c;
  let i = grid[c]!;
  if (i < from) i = from;
  while (levels[i]! >= m) i++;
  return i;
}

/** First index ≥ `from` whose level is above `m` (ascending levels). */
export function passUp(index: LevelIndex, from: number, m: number): number {
  const levels = index.levels;
  if (levels[from]! > m) return from;
  const grid = index.grid;
  const last = grid.length - 1;
  let c = Math.floor((m - index.origin) * index.inverseWidth);
  c = c < 0 ? 0 : c > last ? last : c;
  let i = grid[c]!;
  if (i < from) i = from;
  while (levels[i]! <= m) i++;
  return i;
}

const released = new Float64Array(2);

/**
 * Payouts (per layer) of covers this path triggered whose locks the free-capital baseline counts as
 * released by step boundary k + 1: a paid cover's lock is spent, so it never comes back as free capital.
 * Runs only at loss events; O(steps + covers crossed).
 */
function releasedByPath(cb: CompiledBook, k: number, downAt: Int32Array, upAt: Int32Array, into: Float64Array): void {
  into[0] = 0;
  into[1] = 0;
  releasedOnSide(cb.down, k, downAt, into);
  releasedOnSide(cb.up, k, upAt, into);
}

function releasedOnSide(side: CompiledBook['down'], k: number, at: Int32Array, into: Float64Array): void {
  const boundary = k + 1;
  let j = 0;
  for (let s = 0; s <= k; s++) {
    const end = at[s]!;
    for (; j < end; j++) {
      // Crossed in step s: paid if still active then; its lock would have come back at releaseStep.
      if (s <= side.endStep[j]! && side.releaseStep[j]! <= boundary) {
        const layer = side.layerIndex[j]!;
        into[layer] = into[layer]! + side.payout[j]!;
      }
    }
  }
}
