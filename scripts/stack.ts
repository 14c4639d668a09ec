// `npm start`: the whole local stack from a fresh clone — anvil (31337), contracts compiled and
// deployed, contracts-abi/ regenerated, demo state seeded, the web app on http://localhost:3000.
// Ctrl-C stops everything it started. It serves a production build (the first page view is not a
// compile); `npm start -- --dev` runs the dev server instead, for hot reload while editing the app.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './chain/artifacts';
import { buildContracts, generateAbis } from './chain/build';
import { deployProtocol } from './chain/deploy';
import { run } from './chain/run';
import { keeperTick, seedDemo } from './chain/seed';
import { ANVIL_KEYS, portIsFree, startAnvil, type AnvilInstance } from './testing/anvil';
import { startPonder, type PonderInstance } from './testing/ponder';

const CHAIN_PORT = Number(process.env.CHAIN_PORT ?? 8545);
const APP_PORT = Number(process.env.PORT ?? 3000);
const INDEXER_PORT = Number(process.env.INDEXER_PORT ?? 42069);
const dev = process.argv.includes('--dev');
const NEXT_BIN = path.join(ROOT, 'node_modules', '.bin', 'next');

const children: ChildProcess[] = [];
let anvil: AnvilInstance | undefined;
let ponder: PonderInstance | undefined;
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\nStopping the local stack…');
    for (const child of children) {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM'); // the whole process group: next spawns workers
        } catch {
          child.kill('SIGTERM');
        }
      }
    }
    await ponder?.stop();
    await anvil?.stop();
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function deploymentHead(rpcUrl: string): Promise<number> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
  });
  return Number(((await res.json()) as { result: string }).result);
}

async function main() {
  for (const [port, what] of [
    [CHAIN_PORT, 'the chain (CHAIN_PORT)'],
    [APP_PORT, 'the web app (PORT)'],
    [INDEXER_PORT, 'the indexer (INDEXER_PORT)'],
  ] as const) {
    if (!(await portIsFree(port))) throw new Error(`Port ${port} for ${what} is already in use. Stop whatever holds it, or set another port.`);
  }

  console.log('1/6 Compiling contracts…');
  await buildContracts();
  await generateAbis();

  console.log(`2/6 Starting anvil on ${CHAIN_PORT}…`);
  anvil = await startAnvil({ port: CHAIN_PORT });
  children.push(anvil.process);
  anvil.process.on('exit', () => !stopping && void stopAll(1));

  console.log('3/6 Deploying…');
  const deployment = await deployProtocol({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_KEYS[0] });
  await generateAbis();

  console.log('4/6 Seeding demo state…');
  await seedDemo(anvil.rpcUrl, deployment);

  // A fresh chain every start, so the indexer starts from an empty database (in a throwaway folder).
  console.log(`5/6 Starting the indexer (Ponder on embedded PGlite) on ${INDEXER_PORT}…`);
  ponder = await startPonder({ rpcUrl: anvil.rpcUrl, port: INDEXER_PORT });
  children.push(ponder.process);
  await ponder.waitForBlock(await deploymentHead(anvil.rpcUrl), 120_000);

  const env = {
    ...process.env,
    NEXT_PUBLIC_CHAIN_ID: '31337',
    NEXT_PUBLIC_RPC_URL: anvil.rpcUrl,
    NEXT_PUBLIC_INDEXER_URL: ponder.url,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  if (dev) {
    console.log('6/6 Starting the web app (dev server: pages compile on first view)…');
  } else {
    console.log('6/6 Building the web app (production build, about 1–2 minutes)…');
    await run(NEXT_BIN, ['build'], { cwd: ROOT, env });
  }
  const next = spawn(NEXT_BIN, [dev ? 'dev' : 'start', '-p', String(APP_PORT)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  forwardAppOutput(next);
  children.push(next);
  next.on('exit', (code) => !stopping && void stopAll(code ?? 1));
  // The app is ready when a page renders, not when Next says so (its "Ready" comes before the first
  // render has compiled or warmed): one line, once it answers.
  await waitForHttp(`http://localhost:${APP_PORT}/pools/junior`, 180_000);

  console.log(`\nBackstop is ready: http://localhost:${APP_PORT}`);
  console.log(`Chain: ${anvil.rpcUrl} (chain id 31337). Contracts: contracts-abi/deployments/31337.json`);
  console.log(`Indexer: ${ponder.url} (GraphQL at /graphql, SQL over HTTP at /sql)`);
  console.log('Press Ctrl-C to stop everything.');
  startKeeper(anvil.rpcUrl, deployment);
}

/** Next's own start-up banner ("Local: …", "Ready in …") would announce the app before it answers;
 *  everything else it prints (requests that failed, warnings) is passed through. */
function forwardAppOutput(next: ChildProcess) {
  const banner = /^\s*(▲ Next\.js|- (Local|Network|Environments|Experiments):|✓ (Starting|Ready|Running next\.config)|$)/;
  for (const [stream, sink] of [
    [next.stdout, process.stdout],
    [next.stderr, process.stderr],
  ] as const) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (!banner.test(line)) sink.write(`app: ${line}\n`);
    });
  }
}

// The local keeper: a price round on the mock feed every 30 s (a gentle deterministic wave around
// the last seeded price) and a σ update, so quotes never go stale while the stack runs.
function startKeeper(rpcUrl: string, deployment: Awaited<ReturnType<typeof deployProtocol>>) {
  let tick = 0;
  const timer = setInterval(() => {
    tick += 1;
    const usd = 2_780 + Math.round(40 * Math.sin(tick / 5) + 15 * Math.sin(tick / 1.7));
    keeperTick(rpcUrl, deployment, BigInt(usd) * 10n ** 8n).catch((error) =>
      console.error(`keeper: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, 30_000);
  timer.unref();
}

main().catch((error) => {
  console.error(`\nThe stack could not start: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
