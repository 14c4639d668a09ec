import { describe, expect, it } from 'vitest';
import { compileBook } from './compile';
import { simulatePaths } from './engine';
import { allocateOutputs } from './outputs';
import { EXHAUSTED_JUNIOR, EXHAUSTED_SENIOR, SOCIALISED } from './pathWaterfall';
import { RiskWorkerCore, TRAINING_JOB } from './worker';
import type { WorkerResponse } from './protocol';
import { TRAINING_CALLS, TRAINING_PATHS_PER_CALL, TRAINING_PARAMS, trainingBook } from './warmup';

describe('the workers’ start-up training run', () => {
  it('takes every branch a real run can take: both sides crossed and gapped, bad debt, exhaustion of both layers, auctions, socialised losses', () => {
    const cb = compileBook(trainingBook(), TRAINING_PARAMS);
    // As many paths of this book as the training runs.
    const paths = (TRAINING_CALLS / 2) * TRAINING_PATHS_PER_CALL;
    const out = allocateOutputs(paths);
    simulatePaths(cb, 0, paths, out);
    const some = (a: ArrayLike<number>, f: (x: number) => boolean = (x) => x > 0) => Array.from(a).some(f);
    expect(cb.fall.covers[cb.fall.levels.length - 1]).toBeGreaterThan(0);
    expect(cb.rise.positions[cb.rise.levels.length - 1]).toBeGreaterThan(0);
    expect(some(out.coverJunior)).toBe(true);
    expect(some(out.coverSenior)).toBe(true);
    expect(some(out.badDebt)).toBe(true);
    expect(some(out.drawJunior)).toBe(true);
    expect(some(out.drawSenior)).toBe(true);
    expect(some(out.recapRaised)).toBe(true);
    for (const flag of [EXHAUSTED_JUNIOR, EXHAUSTED_SENIOR, SOCIALISED]) expect(some(out.flags, (f) => (f & flag) !== 0)).toBe(true);
    // A diffusion is left beside the jumps (the bridge is what most steps run).
    expect(cb.diffusionSigma).toBeGreaterThan(0.5);
  });

  it('answers only under a job no page starts (progress, a chunk, a summary), then says it is done', () => {
    const posted: WorkerResponse[] = [];
    new RiskWorkerCore((m) => posted.push(m)).train();
    const answers = posted.slice(0, -1);
    expect(answers.every((m) => m.kind !== 'trained' && m.kind !== 'error' && m.job === TRAINING_JOB)).toBe(true);
    expect(new Set(answers.map((m) => m.kind))).toEqual(new Set(['progress', 'chunk', 'summary']));
    expect(posted[posted.length - 1]).toEqual({ kind: 'trained' });
  });
});
