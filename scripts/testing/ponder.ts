// Runs the real Ponder indexer (indexer/) against a chain, on embedded PGlite in a throwaway folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../chain/artifacts';
import { freePort } from './anvil';

export const PONDER_BIN = path.join(ROOT, 'node_modules', '.bin', 'ponder');
export const INDEXER_DIR = path.join(ROOT, 'indexer');

export type PonderInstance = {
  url: string;
  process: ChildProcess;
  /** Resolves once the indexer has processed `blockNumber` (Ponder's /status). */
  waitForBlock: (blockNumber: bigint | number, timeoutMs?: number) => Promise<void>;
  indexedBlock: () => Promise<number>;
  logs: () => string;
  stop: () => Promise<void>;
};

/** The port in Ponder's "Created HTTP server port=<n>" log line, once it is there. */
export function parseServedPort(log: string): number | null {
  const match = /Created HTTP server port=(\d+)/.exec(log);
  return match ? Number(match[1]) : null;
}

/**
 * The block every chain of a /status answer has indexed, or −1 before the first checkpoint: Ponder then
 * answers {}, whose minimum of nothing (Infinity) once counted as "past every block" and let two
 * clean-clone CI runs under load query an empty database.
 */
export function indexedBlockOf(status: Record<string, { block: { number: number } }>): number {
  const blocks = Object.values(status).map((s) => s.block.number);
  return blocks.length === 0 ? -1 : Math.min(...blocks);
}

async function servedPort(child: ChildProcess, output: () => string, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const port = parseServedPort(output());
    if (port !== null) return port;
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`ponder exited before serving:\n${output().slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`ponder did not start its HTTP server within ${timeoutMs} ms:\n${output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Ponder as production runs it: `ponder start --schema <schema> --port <port>` in indexer/, on embedded
 *  PGlite in a throwaway folder, or on PostgreSQL when `databaseUrl` is given (DATABASE_URL). */
export async function startPonder(options: {
  rpcUrl: string;
  port?: number;
  pgliteDir?: string;
  schema?: string;
  databaseUrl?: string;
}): Promise<PonderInstance> {
  const port = options.port ?? (await freePort());
  const dataDir = options.pgliteDir ?? mkdtempSync(path.join(tmpdir(), 'backstop-ponder-'));
  // Ponder binds $PORT over --port when both are set, and PORT is the web app's (`PORT=… npm start`).
  const { PORT: _appPort, ...parentEnv } = process.env;
  const child = spawn(PONDER_BIN, ['start', '--schema', options.schema ?? 'backstop', '--port', String(port)], {
    cwd: INDEXER_DIR,
    env: {
      ...parentEnv,
      PONDER_RPC_URL: options.rpcUrl,
      PONDER_PGLITE_DIR: dataDir,
      PONDER_TELEMETRY_DISABLED: 'true',
      NO_COLOR: '1',
      DATABASE_URL: options.databaseUrl ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = () =>
    new Promise<void>((resolve) => {
      const cleanup = () => {
        if (!options.pgliteDir) rmSync(dataDir, { recursive: true, force: true }); // unused on Postgres, still ours
        resolve();
      };
      if (exited) return cleanup();
      child.once('exit', cleanup);
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000).unref();
    });
  // Ponder moves to the next port when its port is taken (a parallel test file got the same free port):
  // the port it logs is the one it serves on, so the URL comes from there, never from our guess.
  let served: number;
  try {
    served = await servedPort(child, () => output);
    if (options.port !== undefined && served !== options.port) {
      throw new Error(`Port ${options.port} is in use (an indexer left running?): stop what holds it first.`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `http://127.0.0.1:${served}`;

  const indexedBlock = async (): Promise<number> => {
    const res = await fetch(`${url}/status`);
    if (!res.ok) return -1;
    return indexedBlockOf((await res.json()) as Record<string, { block: { number: number } }>);
  };
  const waitForBlock = async (blockNumber: bigint | number, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exited) throw new Error(`ponder exited:\n${output.slice(-3000)}`);
      try {
        // Both: /ready (historical indexing complete) and /status at the block (/ready alone comes before
        // the last 30 blocks on anvil are indexed).
        const ready = (await fetch(`${url}/ready`)).ok;
        if (ready && (await indexedBlock()) >= Number(blockNumber)) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`ponder did not index block ${blockNumber} within ${timeoutMs} ms:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  return { url, process: child, waitForBlock, indexedBlock, logs: () => output, stop };
}
