import type { WorkerLike } from '@/lib/risk/runner';

/**
 * A risk engine worker. The `new Worker(new URL(…, import.meta.url))` expression must stay literal:
 * Turbopack (Next 16) recognises it and emits the worker as its own entry with its own chunks.
 */
export function createRiskWorker(): WorkerLike {
  return new Worker(new URL('../../lib/risk/risk.worker.ts', import.meta.url), { name: 'risk-engine' }) as unknown as WorkerLike;
}
