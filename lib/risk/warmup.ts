// What a risk worker runs the moment it starts, before any book arrives: a small training book that
// takes every branch of the path loop (both sides' bridge crossings, the ziggurats' slow paths, jumps
// gapping through covers and positions on both sides, bad debt split by the waterfall into both layers,
// recapitalization auctions opened, topped up and settled, socialised losses) and then the summary.
//
// Why: V8 optimises the path loop from the type feedback it has seen (and the assumptions it may make). Optimised before a rare branch ever
// ran (a gap, a first shortfall), the code throws itself away the first time a real run takes that
// branch and is compiled again — and compiling the loop takes ~0.1–0.2 s of a core, which a busy 2-core
// machine pays several times over in the first run. Run with every branch seen, in many short calls (so
// V8 optimises the function itself, not only the loop it is in), the first compiled code is the last one.
// The numbers are thrown away.
import type { RiskBook } from './book';
import { compileBook } from './compile';
import { simulatePaths } from './engine';
import { DEFAULT_PARAMS, type ModelParams } from './model';
import { allocateOutputs } from './outputs';
import { RADIX_FROM, sortedAscending } from './sort';
import { summarise } from './summary';
import { makePosition, syntheticBook } from './testing/syntheticBook';

/** Calls (alternating between the two training books) and paths per call of the training run. */
export const TRAINING_CALLS = 32;
export const TRAINING_PATHS_PER_CALL = 8;

/**
 * A book whose paths take every branch: dense covers and positions on both sides of spot (the nearest
 * level is always within a step's reach), positions whose liquidation fee exceeds their maintenance
 * margin (bad debt even at the liquidation price), small layers and a small exposure cap (exhaustion,
 * over-exposure, auctions).
 */
export function trainingBook(venue = true): RiskBook {
  if (!venue) return syntheticBook({ seed: 12, spot: 3_000.25, covers: 24, positions: 0, junior: 200_000, senior: 200_000 });
  const extraPositions = [
    makePosition({ id: 'tl', side: 'long', size: 400, entryUsd: 3_000, marginUsdc: 60_000, maintenance: 0.01, fee: 0.05 }),
    makePosition({ id: 'ts', side: 'short', size: 400, entryUsd: 3_000, marginUsdc: 60_000, maintenance: 0.01, fee: 0.05 }),
  ];
  return syntheticBook({
    seed: 11,
    spot: 3_000.25,
    covers: 24,
    positions: 60,
    maxLeverage: 25,
    junior: 150_000,
    senior: 80_000,
    exposureCap: 250_000,
    extraPositions,
  });
}

/**
 * σ × 2.5 (still mostly diffusion) and a jump most days, both ways: gaps, tails and auctions within a few hundred paths. Every
 * number that a person may set to a fraction (or a seed above 2³¹) is one here, so V8 lays the
 * parameters' fields out as doubles from the start instead of changing their layout mid-run.
 */
export const TRAINING_PARAMS: ModelParams = {
  ...DEFAULT_PARAMS,
  paths: 1_000, // the least the model accepts; the training simulates TRAINING_CALLS × TRAINING_PATHS_PER_CALL of them
  seed: 0xfedc_ba98,
  sigmaMultiplier: 2.5,
  jumpsPerYear: 300.5,
  jumpMean: -0.01,
  jumpStdDev: 0.06,
  recapFill: 0.01,
};

/**
 * Runs the training books through the loop and the summary. `onProgress` must be the very function real
 * runs pass (V8 specialises the call site on it); it is called as in a real run. Two books, calls
 * alternating: one with a venue, built here, and one without, passed through a structured clone as
 * every real request is (its objects get the shapes a posted book gets), with a seed above and one
 * below 2³⁰ — so every field of the compiled book has held each kind of value it will hold.
 */
export function trainEngine(onProgress: (done: number) => void): void {
  // Nothing here (or in a worker) detaches a buffer: the first detach in a process makes V8 discard every
  // optimised function that assumed none would happen and compile a detached-buffer check into every
  // typed-array access after it (~8 % of the loop's time) — so a worker posts its results as copies.
  const books = [
    compileBook(trainingBook(), TRAINING_PARAMS),
    compileBook(structuredClone(trainingBook(false)), structuredClone({ ...TRAINING_PARAMS, seed: DEFAULT_PARAMS.seed })),
  ];
  const paths = TRAINING_CALLS * TRAINING_PATHS_PER_CALL;
  const outputs = [allocateOutputs(paths / 2), allocateOutputs(paths / 2)];
  for (let call = 0; call < TRAINING_CALLS; call++) {
    const b = call & 1;
    const from = (call >> 1) * TRAINING_PATHS_PER_CALL;
    simulatePaths(books[b]!, from, from + TRAINING_PATHS_PER_CALL, outputs[b]!, 0, onProgress, 4);
  }
  for (let b = 0; b < 2; b++) summarise(books[b]!, outputs[b]!);
  // The summary of a real run sorts 100k values with the radix sort, which these small samples do not
  // reach: mixed signs, wide integer losses (every pass runs) and mostly zeros (passes skipped).
  const n = RADIX_FROM + 1;
  const samples = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    samples[0]![i] = ((i * 7_919) % 5_003) - 2_500.5;
    samples[1]![i] = ((i * 2_654_435_761) % 4_294_967_296) * 1_000;
    samples[2]![i] = i % 4 === 0 ? i : 0;
  }
  for (const sample of samples) sortedAscending(sample);
}
