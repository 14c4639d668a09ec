import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { touchProbability } from '../mirror/TouchProbability';
import { withStake } from './book';
import { compileBook } from './compile';
import { badDebtAt, liquidationPrice } from './positions';
import { releasedByPath, simulatePaths } from './engine';
import { allocateOutputs, OUTPUT_KEYS, type PathOutputs } from './outputs';
import { DEFAULT_PARAMS, type ModelParams } from './model';
import { RiskRunner, type WorkerLike } from './runner';
import { summarise } from './summary';
import { makeCover, makePosition, SYNTHETIC_T0, syntheticBook } from './testing/syntheticBook';
import { RiskWorkerCore } from './worker';
import type { WorkerRequest, WorkerResponse } from './protocol';

const params = (p: Partial<ModelParams> = {}): ModelParams => ({ ...DEFAULT_PARAMS, paths: 4_000, ...p });

function run(book = syntheticBook(), p: Partial<ModelParams> = {}): PathOutputs {
  const cb = compileBook(book, params(p));
  const out = allocateOutputs(cb.params.paths);
  simulatePaths(cb, 0, cb.params.paths, out);
  return out;
}

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);

describe('the engine: validation against closed forms and degenerate cases', () => {
  it('zero σ and no jumps: no cover is touched and no position liquidated', () => {
    const book = syntheticBook({ sigma: 0, covers: 40, positions: 60, maxLeverage: 8, junior: 1_000_000, senior: 1_000_000 });
    const out = run(book, { jumpsPerYear: 0 });
    expect(sum(out.coverJunior) + sum(out.coverSenior)).toBe(0);
    expect(sum(out.liquidations)).toBe(0);
    expect(sum(out.badDebt)).toBe(0);
  });

  // One cover; the share of paths on which it pays vs the one-touch closed form (lib/math/touchProbability,
  // the twin that prices it), within 3 standard errors. Daily steps: the Brownian bridge makes the coarse
  // grid exact (without it a daily grid misses about a third of these touches).
  for (const [direction, strikeUsd, sigma, stepsPerDay] of [
    ['Down', 2_700, 0.8, 1],
    ['Down', 2_400, 1.2, 1],
    ['Up', 3_400, 0.8, 1],
    ['Down', 2_850, 0.5, 4],
  ] as const) {
    it(`a ${direction} cover at ${strikeUsd} (spot 3,000, σ ${sigma}, ${stepsPerDay} step/day) pays as often as the closed form says`, () => {
      const cover = makeCover(SYNTHETIC_T0, { id: 1, direction, strikeUsd, payoutUsdc: 1_000, days: 30 });
      const book = syntheticBook({ sigma, covers: 0, extraCovers: [cover] });
      const paths = 40_000;
      const out = run(book, { paths, stepsPerDay, jumpsPerYear: 0, seed: 99 });
      const paid = direction === 'Down' ? out.coverJunior : out.coverSenior;
      const hits = Array.from(paid).filter((x) => x > 0).length;
      const pHat = hits / paths;
      const p = Number(touchProbability(book.spot, cover.strike, book.sigmaWad, 30n * 86_400n)) / 1e18;
      const se = Math.sqrt((p * (1 - p)) / paths);
      expect(Math.abs(pHat - p)).toBeLessThan(3 * se);
      // And each touch pays the payout exactly once.
      expect(Array.from(paid).every((x) => x === 0 || x === 1_000_000_000)).toBe(true);
    });
  }

  it('a cover that ends halfway through the horizon only pays for touches before its end', () => {
    const short = makeCover(SYNTHETIC_T0, { id: 1, direction: 'Down', strikeUsd: 2_700, payoutUsdc: 1_000, days: 10 });
    const book = syntheticBook({ covers: 0, extraCovers: [short] });
    const out = run(book, { paths: 20_000, jumpsPerYear: 0 });
    const pHat = Array.from(out.coverJunior).filter((x) => x > 0).length / 20_000;
    const p10 = Number(touchProbability(book.spot, short.strike, book.sigmaWad, 10n * 86_400n)) / 1e18;
    expect(Math.abs(pHat - p10)).toBeLessThan(3 * Math.sqrt((p10 * (1 - p10)) / 20_000));
  });

  it('jumps raise the touch probability of a far strike (same total variance)', () => {
    const far = makeCover(SYNTHETIC_T0, { id: 1, direction: 'Down', strikeUsd: 2_000, payoutUsdc: 1_000, days: 30 });
    const book = syntheticBook({ covers: 0, extraCovers: [far] });
    const hits = (jumpsPerYear: number) =>
      Array.from(run(book, { paths: 20_000, jumpsPerYear, jumpMean: -0.1, jumpStdDev: 0.1 }).coverJunior).filter((x) => x > 0).length;
    expect(hits(12)).toBeGreaterThan(hits(0));
  });
});

describe('determinism: a path depends only on (seed, path index)', () => {
  const book = syntheticBook({ covers: 30, positions: 40, maxLeverage: 10, junior: 400_000, senior: 400_000 });

  it('any chunking of the paths gives identical results (property)', () => {
    const cb = compileBook(book, params({ paths: 1_200 }));
    const whole = allocateOutputs(1_200);
    simulatePaths(cb, 0, 1_200, whole);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1_199 }), { maxLength: 6 }), (cuts) => {
        const bounds = [0, ...cuts.sort((a, b) => a - b), 1_200];
        const pieces = allocateOutputs(1_200);
        for (let i = 0; i + 1 < bounds.length; i++) {
          const part = allocateOutputs(bounds[i + 1]! - bounds[i]!);
          simulatePaths(cb, bounds[i]!, bounds[i + 1]!, part);
          for (const key of OUTPUT_KEYS) (pieces[key] as Float64Array).set(part[key] as Float64Array, bounds[i]!);
        }
        for (const key of OUTPUT_KEYS) expect(Array.from(pieces[key])).toEqual(Array.from(whole[key]));
      }),
      { numRuns: 10 },
    );
  });

  it('the worker pool gives the same summary on 1 worker and on 3', async () => {
    const p = params({ paths: 9_000, seed: 5 });
    const one = await new RiskRunner(fakeWorker, 1).run(book, p);
    const three = await new RiskRunner(fakeWorker, 3).run(book, p);
    expect(three.chunks).toBeGreaterThan(3);
    expect(three.summary).toEqual(one.summary);
    // ...and the same as one thread in this process.
    const cb = compileBook(book, p);
    const out = allocateOutputs(p.paths);
    simulatePaths(cb, 0, p.paths, out);
    expect(one.summary).toEqual(summarise(cb, out));
  });

  // The loop reuses one waterfall for all its paths and resets it only after a path that touched it
  // (pathWaterfall.ts `dirty`): a path simulated alone, on a fresh waterfall, must match the same path in
  // a run — on a book where a few paths draw both layers, raise from an auction and socialise between
  // paths that touch nothing, with and without an auction left open before t = 0 (pathWaterfall.test.ts
  // checks the reset rule itself on every kind of path).
  it('no path inherits the waterfall state of the path before it (each path alone equals the run)', () => {
    const venue = () => syntheticBook({ seed: 11, covers: 24, positions: 60, maxLeverage: 25, junior: 150_000, senior: 150_000, exposureCap: 100_000 });
    const openAtStart = venue();
    const usdc = 10n ** 6n;
    openAtStart.recapitalizer!.openAuction = {
      target: 90_000n * usdc,
      raised: 10_000n * usdc,
      mintCap: 10n ** 24n,
      minted: 0n,
      closesAt: openAtStart.timestamp + 10n * 86_400n,
    };
    for (const book of [venue(), openAtStart]) {
      const cb = compileBook(book, params({ paths: 1_000 }));
      const n = 240;
      const whole = allocateOutputs(n);
      simulatePaths(cb, 0, n, whole);
      for (const key of ['badDebt', 'drawJunior', 'drawSenior', 'recapRaised', 'socialised'] as const) expect(whole[key].some((x) => x > 0)).toBe(true);
      expect(whole.badDebt.filter((x) => x === 0).length).toBeGreaterThan(n / 2);
      for (let p = 0; p < n; p++) {
        const one = allocateOutputs(1);
        simulatePaths(cb, p, p + 1, one);
        for (const key of OUTPUT_KEYS) expect([key, p, one[key][0]]).toEqual([key, p, whole[key][p]]);
      }
    }
  });

  it('a different seed gives different paths', () => {
    const a = run(book, { seed: 1 });
    const b = run(book, { seed: 2 });
    expect(Array.from(a.coverJunior)).not.toEqual(Array.from(b.coverJunior));
  });
});

describe('the waterfall on each path', () => {
  it('accounts for every unit of bad debt: drawn from Junior or Senior, raised, or socialised', () => {
    const book = syntheticBook({ covers: 5, positions: 300, maxLeverage: 12, junior: 60_000, senior: 40_000, exposureCap: 150_000 });
    const out = run(book, { paths: 3_000, jumpsPerYear: 24, jumpMean: -0.08, jumpStdDev: 0.08 });
    let withDebt = 0;
    for (let i = 0; i < 3_000; i++) {
      if (out.badDebt[i]! > 0) withDebt++;
      expect(out.drawJunior[i]! + out.drawSenior[i]! + out.recapRaised[i]! + out.socialised[i]!).toBe(out.badDebt[i]!);
      expect(out.eligible[i]!).toBeLessThanOrEqual(out.badDebt[i]!);
    }
    expect(withDebt).toBeGreaterThan(100); // the scenario really exercises the waterfall
  });

  it('more capital never lowers any solvency ratio (property, common random numbers)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000 }),
        fc.constantFrom('junior' as const, 'senior' as const),
        fc.integer({ min: 1, max: 500_000 }),
        fc.integer({ min: 0, max: 200 }),
        (seed, layer, extraUsdc, positions) => {
          const book = syntheticBook({ seed, covers: 10, positions, maxLeverage: 12, junior: 80_000, senior: 90_000, exposureCap: 200_000 });
          const p = params({ paths: 1_500, seed, jumpsPerYear: 12, jumpMean: -0.06, jumpStdDev: 0.08 });
          const before = summarise(compileBook(book, p), runWith(book, p));
          const richer = withStake(book, layer, BigInt(extraUsdc) * 1_000_000n);
          const after = summarise(compileBook(richer, p), runWith(richer, p));
          expect(after.pools.solvency.ratio).toBeGreaterThanOrEqual(before.pools.solvency.ratio);
          expect(after.layers.junior.solvency.ratio).toBeGreaterThanOrEqual(before.layers.junior.solvency.ratio);
          expect(after.layers.senior.solvency.ratio).toBeGreaterThanOrEqual(before.layers.senior.solvency.ratio);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('the locks a path released (loss events)', () => {
  // The definition, step by step: a cover crossed in step s (between the side's pointers after steps s − 1
  // and s) was paid if s ≤ its last step, and its lock counts as released by boundary k + 1 if its release
  // step is ≤ k + 1. releasedByPath reads only the covers released by then, each in O(1).
  function byDefinition(side: ReturnType<typeof compileBook>['down'], k: number, at: Int32Array, into: Float64Array): void {
    let j = 0;
    for (let s = 0; s <= k; s++) {
      for (; j < at[s]!; j++) {
        if (s <= side.endStep[j]! && side.releaseStep[j]! <= k + 1) {
          const layer = side.layerIndex[j]!;
          into[layer] = into[layer]! + side.payout[j]!;
        }
      }
    }
  }

  it('equals the definition on random books and random monotone pointer paths (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom(1, 2, 4),
        fc.array(fc.nat(), { minLength: 240, maxLength: 240 }),
        fc.array(fc.nat(), { minLength: 240, maxLength: 240 }),
        (seed, covers, stepsPerDay, downMoves, upMoves) => {
          const book = syntheticBook({ seed, covers, junior: 2_000_000, senior: 2_000_000 });
          const cb = compileBook(book, params({ paths: 1_000, stepsPerDay }));
          const walk = (moves: number[], n: number) => {
            const at = new Int32Array(cb.steps);
            let p = 0;
            for (let s = 0; s < cb.steps; s++) {
              // Mostly still, sometimes a few covers, sometimes to the end of the side.
              const m = moves[s % moves.length]! % 10;
              p = Math.min(n, p + (m < 6 ? 0 : m < 9 ? m - 5 : n));
              at[s] = p;
            }
            return at;
          };
          const downAt = walk(downMoves, cb.down.payout.length);
          const upAt = walk(upMoves, cb.up.payout.length);
          for (let k = 0; k < cb.steps; k++) {
            const fast = new Float64Array(2);
            releasedByPath(cb, k, downAt, upAt, fast);
            const slow = new Float64Array(2);
            byDefinition(cb.down, k, downAt, slow);
            byDefinition(cb.up, k, upAt, slow);
            expect(Array.from(fast)).toEqual(Array.from(slow));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the isolated-margin model of venue positions', () => {
  it('a 10× long at 3,000 with 5 % maintenance liquidates at 2,842.11 and leaves no bad debt there', () => {
    const p = makePosition({ id: 'a', side: 'long', size: 1, entryUsd: 3_000, marginUsdc: 300 });
    // (size·entry − margin) / (size·(1 − m)) = 2,700 / 0.95
    expect(liquidationPrice(p, 8)).toBeCloseTo(2_700 / 0.95, 9);
    expect(badDebtAt(p, 8, liquidationPrice(p, 8))).toBe(0);
    // Gapped to 2,500: loss 500 + fee 25 − margin 300 = 225 USDC of bad debt.
    expect(badDebtAt(p, 8, 2_500)).toBeCloseTo(225e6, 3);
  });

  it('a 5× short at 3,000 liquidates at (3,000 + 600)/1.05 and, gapped to 3,700, leaves 137 USDC', () => {
    const p = makePosition({ id: 'b', side: 'short', size: 1, entryUsd: 3_000, marginUsdc: 600 });
    expect(liquidationPrice(p, 8)).toBeCloseTo(3_600 / 1.05, 9);
    // loss 700 + fee 37 − margin 600
    expect(badDebtAt(p, 8, 3_700)).toBeCloseTo(137e6, 3);
  });
});

function runWith(book: ReturnType<typeof syntheticBook>, p: ModelParams): PathOutputs {
  const cb = compileBook(book, p);
  const out = allocateOutputs(p.paths);
  simulatePaths(cb, 0, p.paths, out);
  return out;
}

/** A Web Worker in this process: the real worker core behind structured-clone message passing. */
function fakeWorker(): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(message: WorkerRequest) {
      const copy = structuredClone(message);
      setTimeout(() => core.handle(copy), 0);
    },
    terminate() {},
  } as WorkerLike;
  const core = new RiskWorkerCore((message: WorkerResponse) => {
    const copy = structuredClone(message);
    setTimeout(() => worker.onmessage?.({ data: copy } as MessageEvent<WorkerResponse>), 0);
  });
  return worker;
}
