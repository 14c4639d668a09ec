import { describe, expect, it } from 'vitest';
import { compileBook } from './compile';
import { simulatePaths } from './engine';
import { allocateOutputs } from './outputs';
import { EXHAUSTED_JUNIOR, EXHAUSTED_SENIOR, SOCIALISED } from './pathWaterfall';
import { RiskWorkerCore, TRAINING_JOB } from './worker';
import type { WorkerResponse } from './protocol';
import { TRAINING_PARAMS, trainingBook } from './warmup';

describe('the workers’ start-up training run', () => {
  it('takes every branch a real run can take: both sides crossed and gapped, bad debt, exhaustion of both layers, auctions, socialised losses', () => {
    const cb = compileBook(trainingBook(), TRAINING_PARAMS);
    const out = allocateOutputs(TRAINING_PARAMS.paths);
    simulatePaths(cb, 0, TRAINING_PARAMS.paths, out);
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

  it('posts its progress under a job no page starts, then says it is done', () => {
    const posted: WorkerResponse[] = [];
    new RiskWorkerCore((m) => posted.push(m)).train();
    expect(posted.length).toBeGreaterThan(1);
    expect(posted.slice(0, -1).every((m) => m.kind === 'progress' && m.job === TRAINING_JOB)).toBe(true);
    expect(posted[posted.length - 1]).toEqual({ kind: 'trained' });
  });
});
