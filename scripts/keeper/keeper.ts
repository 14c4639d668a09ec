// The local keeper (`npm start` runs it; the venue's e2e drives it too): every `intervalMs` it reads the
// chain, asks the pure `decideKeeperActions` (decide.ts) what to do, sends it and logs one line per action.
// It publishes the mock feed's rounds (a seeded random walk, or a crash on demand), pokes σ, liquidates
// every position the venue would liquidate at the latest price — in the pass right after the round that
// made it liquidatable — releases covers whose claim window closed, syncs the venue's recapitalization
// auctions and sends the pools their fee share. A control endpoint (`controlPort`) takes the dev panel's
// crash: POST /crash?bps=3000 publishes a round 30 % lower at once. Local chains only (it signs with
// anvil's dev keys and owns the mock feed through the deployer).
import { createServer, type Server } from 'node:http';
import {
  createPublicClient,
  createWalletClient,
  decodeEventLog,
  http,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type TransactionReceipt,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { coverMarketAbi, mockAggregatorAbi, perpVenueAbi, recapitalizerAbi, volatilityOracleAbi } from '../../contracts-abi';
import type { Deployment } from '../chain/deploy';
import { ANVIL_KEYS } from '../testing/anvil';
import { COVER_STATUS, decideKeeperActions, type KeeperAction, type KeeperConfig, type KeeperSnapshot, type KeeperState } from './decide';

/** Publishes a round on the mock feed (signed by its owner, the deployer) and folds it into σ. */
export async function publishRound(rpcUrl: string, deployment: Deployment, answer: bigint, key: Hex = ANVIL_KEYS[0]): Promise<void> {
  const k = keeperClients(rpcUrl, key);
  await k.send(deployment.contracts.priceFeed.address, mockAggregatorAbi, 'pushAnswer', [answer]);
  await k.send(deployment.contracts.volatilityOracle.address, volatilityOracleAbi, 'poke', []);
}

function keeperClients(rpcUrl: string, key: Hex) {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain: foundry, transport }) as PublicClient;
  const wallet = createWalletClient({ chain: foundry, transport, account: privateKeyToAccount(key) });
  const send = async (address: Address, abi: Abi, functionName: string, args: readonly unknown[]): Promise<TransactionReceipt> => {
    const hash = await wallet.writeContract({ address, abi, functionName, args: args as unknown[] } as never);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${functionName} reverted (${hash})`);
    return receipt;
  };
  return { publicClient, send };
}

export type KeeperOptions = {
  rpcUrl: string;
  deployment: Deployment;
  /** Milliseconds between passes (default 5 s). */
  intervalMs?: number;
  /** Seed of the walk (default 1): the same seed walks the same path from the same price. */
  seed?: number;
  config?: Partial<KeeperConfig>;
  /** Port of the control endpoint (POST /crash, GET /status); none when absent. */
  controlPort?: number;
  /** Signs feed rounds (the mock feed's owner: the deployer). */
  feedKey?: Hex;
  /** Signs everything else (liquidations, releases…): anvil #7 — not the deployer (feed rounds) nor #9 (the app's Dev account), so it never races their nonces. */
  key?: Hex;
  log?: (line: string) => void;
};

export type KeeperHandle = {
  /** Asks for a crash of `bps` basis points: published on the next pass, which starts now. */
  crash(bps: number): Promise<KeeperAction[]>;
  /** Runs one pass now (or waits for the one running) and returns what it sent. */
  tick(): Promise<KeeperAction[]>;
  stop(): Promise<void>;
  /** Counts of what it sent so far, by action kind. */
  stats: Record<KeeperAction['kind'] | 'failed', number>;
};

export const DEFAULT_KEEPER_CONFIG: KeeperConfig = { pushEvery: 30n, stepBps: 60, anchor: 3_000n * 10n ** 8n, minFeesToDistribute: 10n * 10n ** 6n };

const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;
const usd = (v: bigint, decimals: number) => {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const unit = 10n ** BigInt(decimals);
  const cents = (abs * 100n) / unit;
  return `${neg ? '-' : ''}${(cents / 100n).toLocaleString('en-US')}.${(cents % 100n).toString().padStart(2, '0')}`;
};

export function startKeeper(options: KeeperOptions): KeeperHandle {
  const { rpcUrl, deployment } = options;
  const c = deployment.contracts;
  const config: KeeperConfig = { ...DEFAULT_KEEPER_CONFIG, ...options.config };
  const log = options.log ?? ((line: string) => console.log(line));
  const feedSigner = keeperClients(rpcUrl, options.feedKey ?? ANVIL_KEYS[0]);
  const signer = keeperClients(rpcUrl, options.key ?? ANVIL_KEYS[7]);
  const client = signer.publicClient;
  const read = <T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []) =>
    client.readContract({ address, abi, functionName, args: args as unknown[] }) as Promise<T>;

  let state: KeeperState = { rng: options.seed ?? 1, crashBps: null };
  const stats: KeeperHandle['stats'] = { publishPrice: 0, poke: 0, liquidate: 0, releaseCover: 0, syncRecapitalization: 0, distributeFees: 0, failed: 0 };
  // What the keeper has learnt from logs so far: traders who ever opened, auctions holding the venue's debt.
  const traders = new Set<Address>();
  const auctionIds = new Set<bigint>();
  const finalCovers = new Set<bigint>();
  let scannedTo = BigInt(deployment.startBlock) - 1n;

  async function scanLogs(head: bigint) {
    if (head <= scannedTo) return;
    const fromBlock = scannedTo + 1n;
    const [opens, debts] = await Promise.all([
      client.getContractEvents({ address: c.perpVenue.address, abi: perpVenueAbi, eventName: 'PositionIncreased', fromBlock, toBlock: head }),
      client.getContractEvents({ address: c.perpVenue.address, abi: perpVenueAbi, eventName: 'BadDebtAbsorbed', fromBlock, toBlock: head }),
    ]);
    for (const e of opens) traders.add((e.args as { trader: Address }).trader);
    for (const e of debts) {
      const id = (e.args as { auctionId: bigint }).auctionId;
      if (id > 0n) auctionIds.add(id);
    }
    scannedTo = head;
  }

  async function snapshot(): Promise<KeeperSnapshot> {
    const [pending, head] = await Promise.all([client.getBlock({ blockTag: 'pending' }), client.getBlockNumber()]);
    await scanLogs(head);
    const [round, volatility, accounts, lastTokenId] = await Promise.all([
      read<readonly [bigint, bigint, bigint, bigint, bigint]>(c.priceFeed.address, mockAggregatorAbi, 'latestRoundData'),
      read<readonly [bigint, bigint, bigint, Address]>(c.volatilityOracle.address, volatilityOracleAbi, 'volatility'),
      read<readonly bigint[]>(c.perpVenue.address, perpVenueAbi, 'accounts'),
      read<bigint>(c.coverMarket.address, coverMarketAbi, 'lastTokenId'),
    ]);
    const positions = await Promise.all(
      [...traders].map(async (trader) => {
        const s = await read<{ size: bigint; liquidatable: boolean }>(c.perpVenue.address, perpVenueAbi, 'positionState', [trader]);
        return { trader, size: s.size, liquidatable: s.liquidatable };
      }),
    );
    for (const p of positions) if (p.size === 0n) traders.delete(p.trader); // a new open brings it back
    const ids: bigint[] = [];
    for (let id = 1n; id <= lastTokenId; id++) if (!finalCovers.has(id)) ids.push(id);
    const covers = await Promise.all(
      ids.map(async (tokenId) => ({
        tokenId,
        status: Number((await read<{ status: number }>(c.coverMarket.address, coverMarketAbi, 'coverInfo', [tokenId])).status),
      })),
    );
    for (const cv of covers) if (cv.status === COVER_STATUS.Claimed || cv.status === COVER_STATUS.Released) finalCovers.add(cv.tokenId);
    const auctions = [];
    for (const auctionId of auctionIds) {
      const [, , credited, settled] = await read<readonly [bigint, bigint, bigint, boolean]>(c.perpVenue.address, perpVenueAbi, 'recapitalizationOf', [
        auctionId,
      ]);
      if (settled) {
        auctionIds.delete(auctionId);
        continue;
      }
      const [a, open] = await Promise.all([
        read<{ raised: bigint }>(c.recapitalizer.address, recapitalizerAbi, 'auction', [auctionId]),
        read<boolean>(c.recapitalizer.address, recapitalizerAbi, 'isOpen', [auctionId]),
      ]);
      auctions.push({ auctionId, raised: a.raised, credited, open });
    }
    return {
      now: pending.timestamp,
      feed: { roundId: round[0], answer: round[1], updatedAt: round[3] },
      oracleRoundId: volatility[2],
      positions: positions.filter((p) => p.size > 0n).map(({ trader, liquidatable }) => ({ trader, liquidatable })),
      covers: covers.filter((cv) => cv.status !== COVER_STATUS.Claimed && cv.status !== COVER_STATUS.Released),
      auctions,
      poolFees: accounts[2]!,
    };
  }

  async function execute(action: KeeperAction): Promise<void> {
    const at = (r: TransactionReceipt) => `block ${r.blockNumber}`;
    switch (action.kind) {
      case 'publishPrice': {
        const r = await feedSigner.send(c.priceFeed.address, mockAggregatorAbi, 'pushAnswer', [action.answer]);
        log(`keeper: ${at(r)} ${action.reason === 'crash' ? 'CRASH: published' : 'published'} ETH/USD ${usd(action.answer, 8)}`);
        return;
      }
      case 'poke': {
        const r = await signer.send(c.volatilityOracle.address, volatilityOracleAbi, 'poke', []);
        const sigma = await read<bigint>(c.volatilityOracle.address, volatilityOracleAbi, 'sigma');
        log(`keeper: ${at(r)} poked the oracle (σ ${usd(sigma * 100n, 18)} %/yr)`);
        return;
      }
      case 'liquidate': {
        const r = await signer.send(c.perpVenue.address, perpVenueAbi, 'liquidate', [action.trader]);
        for (const entry of r.logs) {
          if (entry.address.toLowerCase() !== c.perpVenue.address.toLowerCase()) continue;
          try {
            const e = decodeEventLog({ abi: perpVenueAbi, data: entry.data, topics: entry.topics });
            if (e.eventName === 'PositionLiquidated') {
              const a = e.args;
              const kind = a.badDebt > 0n ? 'full, with bad debt' : a.size === 0n ? 'full' : 'partial';
              log(
                `keeper: ${at(r)} liquidated ${short(action.trader)} (${kind}): closed ${usd(a.sizeClosed, 18)} ETH at ${usd(a.price, 8)}, fee ${usd(a.liquidatorFee, 6)} USDC, bad debt ${usd(a.badDebt, 6)} USDC`,
              );
            } else if (e.eventName === 'BadDebtAbsorbed') {
              const a = e.args;
              log(
                `keeper: ${at(r)}   bad debt ${usd(a.debt, 6)} → Junior ${usd(a.junior, 6)}, Senior ${usd(a.senior, 6)}, auction #${a.auctionId} ${usd(a.recapitalization, 6)}, socialised ${usd(a.remainder, 6)}`,
              );
            }
          } catch {
            // an event of another shape: not logged
          }
        }
        return;
      }
      case 'releaseCover': {
        const r = await signer.send(c.coverMarket.address, coverMarketAbi, 'release', [action.tokenId]);
        log(`keeper: ${at(r)} released expired cover #${action.tokenId}`);
        return;
      }
      case 'syncRecapitalization': {
        const r = await signer.send(c.perpVenue.address, perpVenueAbi, 'syncRecapitalization', [action.auctionId]);
        log(`keeper: ${at(r)} synced recapitalization auction #${action.auctionId}`);
        return;
      }
      case 'distributeFees': {
        const r = await signer.send(c.perpVenue.address, perpVenueAbi, 'distributeFees', []);
        log(`keeper: ${at(r)} sent ${usd(action.amount, 6)} USDC of trading fees to the pools`);
        return;
      }
    }
  }

  /** Up to three passes: a round published in one is acted on (σ, liquidations) in the next, at once. */
  async function pass(): Promise<KeeperAction[]> {
    const sent: KeeperAction[] = [];
    for (let i = 0; i < 3; i++) {
      const decided = decideKeeperActions(await snapshot(), state, config);
      state = decided.state;
      for (const action of decided.actions) {
        try {
          await execute(action);
          stats[action.kind]++;
          sent.push(action);
        } catch (error) {
          stats.failed++;
          log(`keeper: ${action.kind} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
      }
      if (!decided.actions.some((a) => a.kind === 'publishPrice')) break;
    }
    return sent;
  }

  let running: Promise<KeeperAction[]> | null = null;
  let stopped = false;
  const tick = (): Promise<KeeperAction[]> => {
    if (stopped) return Promise.resolve([]);
    if (!running) {
      running = pass()
        .catch((error) => {
          log(`keeper: pass failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          return [] as KeeperAction[];
        })
        .finally(() => {
          running = null;
        });
    }
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 5_000);
  timer.unref();

  const crash = async (bps: number): Promise<KeeperAction[]> => {
    if (!Number.isInteger(bps) || bps <= 0 || bps >= 10_000) throw new Error(`a crash is 1–9,999 basis points, not ${bps}`);
    await running;
    state = { ...state, crashBps: bps };
    log(`keeper: crash of ${bps / 100} % requested`);
    return tick();
  };

  let server: Server | undefined;
  if (options.controlPort !== undefined) {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://keeper');
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('content-type', 'application/json');
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      const json = (status: number, body: unknown) => res.writeHead(status).end(JSON.stringify(body, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
      if (req.method === 'POST' && url.pathname === '/crash') {
        const bps = Number(url.searchParams.get('bps') ?? 3_000);
        crash(bps).then(
          (actions) => json(200, { ok: true, actions }),
          (error) => json(400, { ok: false, error: error instanceof Error ? error.message : String(error) }),
        );
        return;
      }
      if (req.method === 'GET' && url.pathname === '/status') return void json(200, { ok: true, stats, traders: traders.size });
      json(404, { ok: false, error: 'POST /crash?bps=N or GET /status' });
    });
    server.listen(options.controlPort, '127.0.0.1');
    log(`keeper: control endpoint on http://127.0.0.1:${options.controlPort} (POST /crash?bps=3000)`);
  }

  return {
    crash,
    tick,
    stats,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}
