// The risk engine's Web Worker entry. The page creates it with
// `new Worker(new URL('../../lib/risk/risk.worker.ts', import.meta.url))` (Turbopack bundles it as its
// own entry) and talks to it through lib/risk/runner.ts.
import type { WorkerRequest } from './protocol';
import { RiskWorkerCore } from './worker';

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};
const core = new RiskWorkerCore((message) => scope.postMessage(message));
scope.onmessage = (event) => core.handle(event.data);
// Before any request is read: messages that arrive meanwhile wait in the queue (warmup.ts says why).
core.train();
