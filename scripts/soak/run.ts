// The protocol soak: N seeded random actions across every contract on a fresh anvil, each predicted by the
// model (scripts/soak/model: the twins in lib/ composed into a whole-protocol state) before the chain runs
// it, and compared: the action's return values or its custom error and arguments, then every balance and
// every piece of accounting the soak can read (scripts/soak/probes.ts). The first mismatch stops the run
// with the action's index, the action, the model's and the chain's values and the seed that replays it.
import type { Hex } from 'viem';
import { ANVIL_ACCOUNTS } from '@/scripts/testing/parity';
import { addr } from '@/lib/mirror/actions/address';
import { encodeFunctionData } from 'viem';
import { shortfallWaterfallAbi } from '@/contracts-abi';
import { Generator, KINDS, type Action, type Actors, type Kind } from './actions';
import { blockTimestamp, mine, readMany, simulated, simulation, startSoakChain, type RpcAnswer, type SoakChain } from './chain';
import { addressesOf, genesis, predict, type World } from './model/world';
import { RECAP_DEFAULTS } from '@/scripts/chain/deploy';
import { agrees, asTwinRevert, describeChain, describePrediction, type Prediction } from './outcome';
import { probes, show, type Probe } from './probes';

export type SoakOptions = {
  actions: number;
  seed: number;
  /** A `full` comparison (every bucket, cover, auction, operation) every this many actions; `step` ones after every action. */
  fullEvery?: number;
  log?: (line: string) => void;
};

export type KindStats = { tried: number; succeeded: number; refused: number; errors: Record<string, number> };

export type Mismatch = { index: number; action: string; tx?: string; seed: number; details: string[] };

export type SoakReport = {
  seed: number;
  actions: number;
  stats: Record<Kind, KindStats>;
  /** Action outcomes compared (each a prediction against the chain's answer). */
  outcomeComparisons: number;
  /** Views compared (each a value the model predicted against the chain's). */
  stateComparisons: number;
  fullChecks: number;
  /** Wall milliseconds by phase: choosing actions, the model's predictions, the chain's simulations and state reads (one round trip per action), mining. */
  timing: Record<'generate' | 'predict' | 'chain' | 'mine', number>;
  mismatch: Mismatch | null;
  wallSeconds: number;
  chainSeconds: bigint;
  final: { covers: bigint; auctions: bigint; timelockOps: number; juniorAssets: bigint; seniorAssets: bigint; bksMinted: bigint; exposureUsed: bigint };
};

const USDC = 10n ** 6n;
const MAX = (1n << 256n) - 1n;

class Stop extends Error {
  constructor(readonly mismatch: Mismatch) {
    super('mismatch');
  }
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const fullEvery = options.fullEvery ?? 100;
  const chain: SoakChain = await startSoakChain();
  const stats = Object.fromEntries([...KINDS, 'setup'].map((k) => [k, { tried: 0, succeeded: 0, refused: 0, errors: {} }])) as Record<Kind, KindStats>;
  let outcomeComparisons = 0;
  let stateComparisons = 0;
  let fullChecks = 0;
  let mismatch: Mismatch | null = null;
  /** The model's world and clock at the last completed action (for the report, also after a mismatch). */
  let last: { world: World; genesisTime: bigint } | null = null;
  const timing = { generate: 0, predict: 0, chain: 0, mine: 0 };
  const timed = async <T>(phase: keyof typeof timing, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await f();
    } finally {
      timing[phase] += performance.now() - t;
    }
  };
  try {
    const d = chain.deployment;
    const a = addressesOf(d);
    // The model starts from the deploy's constants and the times its blocks were mined at (nothing else).
    const at = (n: number) => blockTimestamp(chain, n);
    let world: World = genesis(d, {
      juniorDeployedAt: await at(d.contracts.juniorPool.blockNumber),
      seniorDeployedAt: await at(d.contracts.seniorPool.blockNumber),
      openingRoundAt: await at(d.contracts.priceFeed.blockNumber + 1),
      lastDeployBlockAt: await blockTimestamp(chain, 'latest'),
    });
    const genesisTime = world.now;
    last = { world, genesisTime };
    let next = world.now + 1n;
    const actors: Actors = {
      deployer: addr(ANVIL_ACCOUNTS[0]!),
      users: ANVIL_ACCOUNTS.slice(1, 7).map(addr),
      venue: addr(ANVIL_ACCOUNTS[7]!),
      keeper: addr(ANVIL_ACCOUNTS[8]!),
    };
    const everyone = [actors.deployer, ...actors.users, actors.venue, actors.keeper];
    const gen = new Generator(options.seed, actors);
    const recentCovers = new Map<bigint, number>();
    const recentAuctions = new Map<bigint, number>();
    /** Transactions mined since the last comparison: their receipts are checked with the state. */
    let mined: Hex[] = [];
    /**
     * The comparison owed for the state the last action left, at the next block's time. It travels in one
     * round trip with the next action's simulation (both read the same state at the same time).
     */
    let owed: { index: number; label: string; depth: 'step' | 'full' } | null = null;
    const owe = (index: number, label: string, depth: 'step' | 'full') => {
      const full = depth === 'full' || owed?.depth === 'full';
      owed = owed ? { ...owed, depth: full ? 'full' : 'step' } : { index, label, depth };
    };

    /** Settles the owed comparison (if any) together with `extra` requests; returns their answers. */
    const flush = (extra: { method: string; params: unknown[] }[] = []) => timed('chain', () => flushNow(extra));
    const flushNow = async (extra: { method: string; params: unknown[] }[]): Promise<RpcAnswer[]> => {
      if (!owed) return extra.length > 0 ? chain.rpcBatch(extra) : [];
      const { index, label, depth } = owed;
      for (const [id, i] of recentCovers) if (index - i > 30) recentCovers.delete(id);
      for (const [id, i] of recentAuctions) if (index - i > 30) recentAuctions.delete(id);
      const list: Probe[] = probes(
        { ...world, now: next },
        { depth, actors: everyone, covers: new Set(recentCovers.keys()), auctions: new Set(recentAuctions.keys()) },
      );
      const read = await readMany(chain, a, list, next, mined, extra);
      const bad: string[] = [];
      if (read.timestamp !== next) bad.push(`the reads saw block.timestamp ${read.timestamp}, the model ${next}`);
      for (const hash of read.failedTxs) bad.push(`transaction ${hash} did not succeed when mined, though its simulation did`);
      list.forEach((p, i) => {
        const o = read.outcomes[i]!;
        const expected = p.expected;
        const ok = Array.isArray(expected) ? o.ok && show(o.value) === show(expected) : !o.ok && o.errorName === expected.revert;
        if (!ok)
          bad.push(
            `${p.functionName}(${p.args.map(String).join(', ')}) on ${p.target}: model ${show(expected)}, chain ${o.ok ? show(o.value) : `reverts ${o.errorName}`}`,
          );
      });
      stateComparisons += list.length;
      if (depth === 'full') fullChecks++;
      if (bad.length > 0) throw new Stop({ index, action: label, seed: options.seed, details: bad.slice(0, 25) });
      owed = null;
      mined = [];
      return read.extra;
    };

    /** One action: predict it, ask the chain (with the owed comparison), compare, mine what succeeded. */
    const step = async (index: number, action: Action, kindOverride?: Kind) => {
      const kind = kindOverride ?? action.kind;
      const s = stats[kind];
      s.tried++;
      for (const id of action.covers ?? []) recentCovers.set(id, index);
      for (const id of action.auctions ?? []) recentAuctions.set(id, index);
      if (action.warpTo !== undefined) {
        next = action.warpTo > next ? action.warpTo : next;
        s.succeeded++;
        owe(index, action.label, 'step'); // every time-dependent view, at the new time
        return;
      }
      const tx = action.tx!;
      let prediction: Prediction;
      let predicted: World | null = null;
      try {
        const out = await timed('predict', () => predict(world, tx, next));
        prediction = { ok: true, result: out.result };
        predicted = out.world;
      } catch (e) {
        const r = asTwinRevert(e);
        if (!r)
          throw new Stop({
            index,
            action: action.label,
            tx: describeTx(tx),
            seed: options.seed,
            details: [`the model failed: ${e instanceof Error ? e.stack : String(e)}`],
          });
        prediction = { ok: false, revert: r };
      }
      const [answer] = await flush([simulation(a, tx, next)]);
      const onChain = simulated(a, tx, answer!);
      outcomeComparisons++;
      if (!agrees(prediction, onChain)) {
        throw new Stop({
          index,
          action: action.label,
          tx: describeTx(tx),
          seed: options.seed,
          details: [`model: ${describePrediction(prediction)}`, `chain: ${describeChain(onChain)}`],
        });
      }
      if (!prediction.ok) {
        s.refused++;
        s.errors[prediction.revert.errorName] = (s.errors[prediction.revert.errorName] ?? 0) + 1;
        return;
      }
      mined.push(await timed('mine', () => mine(chain, a, tx, next)));
      world = predicted!;
      last = { world, genesisTime };
      next = world.now + 1n;
      s.succeeded++;
      if (tx.to === a.market && tx.functionName === 'buyCover') recentCovers.set(world.market.lastTokenId, index);
      if (tx.to === a.waterfall && tx.functionName === 'absorbShortfall') recentAuctions.set(world.recap.auctionCount, index);
      owe(index, action.label, 'step');
    };
    const compareNow = async (index: number, label: string, depth: 'step' | 'full') => {
      owe(index, label, depth);
      await flush();
    };

    await compareNow(-1, 'genesis', 'full');

    // ---------------------------------------------------------------- setup, through the same pipeline
    let setupIndex = -1000;
    const setup = (label: string, from: string, to: string, functionName: string, args: readonly unknown[]) =>
      step(setupIndex++, { kind: 'setup', label, tx: { from, to, functionName, args } });
    // Governance registers the stand-in venue as the seed does: queued, the delay warped, executed.
    const register = gen.schedule(world, [
      {
        target: a.waterfall,
        data: encodeFunctionData({ abi: shortfallWaterfallAbi, functionName: 'setVenue', args: [actors.venue as Hex, 5_000_000n * USDC] }),
        label: 'register the venue',
      },
    ]);
    await step(setupIndex++, register, 'setup');
    const [registerId] = [...gen.batches.keys()];
    await step(setupIndex++, { kind: 'setup', label: 'warp the delay', warpTo: world.timelock.timestamps.get(registerId!)! });
    await step(setupIndex++, gen.execute(world, registerId!), 'setup');
    for (const user of actors.users) {
      for (const spender of [a.junior, a.senior, a.market, a.recap]) await setup('approve', user, a.usdc, 'approve', [spender, MAX]);
      for (let i = 0; i < 3; i++) await setup('faucet', user, a.usdc, 'faucet', [10_000n * USDC]);
    }
    await setup('venue approves the waterfall', actors.venue, a.usdc, 'approve', [a.waterfall, MAX]);
    for (let i = 0; i < 2; i++) await setup('venue faucet', actors.venue, a.usdc, 'faucet', [10_000n * USDC]);
    for (const [i, user] of actors.users.entries()) await setup('first stake', user, i % 2 === 0 ? a.junior : a.senior, 'deposit', [20_000n * USDC, user]);
    await setup('first price', actors.deployer, a.feed, 'pushAnswer', [3_000n * 10n ** 8n]);
    await setup('first poke', actors.keeper, a.oracle, 'poke', []);
    await compareNow(-1, 'after setup', 'full');

    // ---------------------------------------------------------------- the random actions
    for (let i = 0; i < options.actions; i++) {
      const action = await timed('generate', () => gen.next(world, next));
      await step(i, action);
      if ((i + 1) % fullEvery === 0) owe(i, `full check after action ${i}`, 'full');
      if ((i + 1) % 1000 === 0)
        log(
          `  ${i + 1} actions, ${outcomeComparisons} outcomes and ${stateComparisons} views compared, chain day ${(next - genesisTime) / 86_400n}, ${((Date.now() - started) / 1000).toFixed(0)} s`,
        );
    }
    await compareNow(options.actions, 'the end', 'full');
    return report(world, genesisTime);
  } catch (e) {
    if (e instanceof Stop) {
      mismatch = e.mismatch;
      return report(last?.world ?? null, last?.genesisTime ?? 0n);
    }
    throw e;
  } finally {
    await chain.stop();
  }

  function report(w: World | null, genesisTime: bigint): SoakReport {
    return {
      seed: options.seed,
      actions: options.actions,
      stats,
      outcomeComparisons,
      stateComparisons,
      fullChecks,
      timing,
      mismatch,
      wallSeconds: (Date.now() - started) / 1000,
      chainSeconds: w ? w.now - genesisTime : 0n,
      final: w
        ? {
            covers: w.market.lastTokenId,
            auctions: w.recap.auctionCount,
            timelockOps: w.timelock.timestamps.size - 1,
            juniorAssets: w.junior.held,
            seniorAssets: w.senior.held,
            bksMinted: w.bks.totalSupply - RECAP_DEFAULTS.initialSupply,
            exposureUsed: [...w.waterfall.venues.values()].reduce((sum, v) => sum + v.exposureUsed, 0n),
          }
        : { covers: 0n, auctions: 0n, timelockOps: 0, juniorAssets: 0n, seniorAssets: 0n, bksMinted: 0n, exposureUsed: 0n },
    };
  }
}

/** A transaction as the mismatch report prints it. */
function describeTx(tx: { from: string; to: string; functionName: string; args: readonly unknown[] }): string {
  const arg = (x: unknown) =>
    typeof x === 'bigint' ? x.toString() : typeof x === 'object' ? JSON.stringify(x, (_, v) => (typeof v === 'bigint' ? v.toString() : v)) : String(x);
  return `${tx.functionName}(${tx.args.map(arg).join(', ')}) on ${tx.to} from ${tx.from}`;
}

/** The summary the CLI prints: one line per kind, then the totals. */
export function formatReport(r: SoakReport): string[] {
  const lines: string[] = [];
  lines.push(`${'kind'.padEnd(14)} ${'tried'.padStart(6)} ${'succeeded'.padStart(9)} ${'refused-as-predicted'.padStart(20)}  most common refusals`);
  for (const [kind, s] of Object.entries(r.stats)) {
    if (s.tried === 0) continue;
    const top = Object.entries(s.errors)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 6)
      .map(([e, c]) => `${e.replace(/^(BackstopPool|CoverMarket|ShortfallWaterfall|Recapitalizer|Timelock)/, '$1 ').trim()} ×${c}`)
      .join(', ');
    lines.push(`${kind.padEnd(14)} ${String(s.tried).padStart(6)} ${String(s.succeeded).padStart(9)} ${String(s.refused).padStart(20)}  ${top}`);
  }
  lines.push(
    `${r.actions} actions (seed ${r.seed}): ${r.outcomeComparisons} outcomes and ${r.stateComparisons} views compared (${r.fullChecks} full checks), ${r.mismatch ? 1 : 0} mismatches, ${r.wallSeconds.toFixed(1)} s wall, ${(Number(r.chainSeconds) / 86_400).toFixed(1)} chain days`,
  );
  const f = r.final;
  const usdc = (x: bigint) => (Number(x) / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (!r.mismatch) {
    lines.push(
      `end state: ${f.covers} covers sold, ${f.auctions} auctions, ${(Number(f.bksMinted) / 1e18).toLocaleString('en-US', { maximumFractionDigits: 0 })} BKS minted, ${f.timelockOps} timelock operations, venue exposure used ${usdc(f.exposureUsed)} USDC, Junior holds ${usdc(f.juniorAssets)} and Senior ${usdc(f.seniorAssets)} USDC`,
    );
  }
  const t = r.timing;
  lines.push(
    `time: choosing actions ${(t.generate / 1000).toFixed(1)} s, model ${(t.predict / 1000).toFixed(1)} s, simulations and state reads ${(t.chain / 1000).toFixed(1)} s, mining ${(t.mine / 1000).toFixed(1)} s`,
  );
  if (r.mismatch) {
    const m = r.mismatch;
    lines.push(`MISMATCH at action ${m.index}: ${m.action}`);
    if (m.tx) lines.push(`  tx: ${m.tx}`);
    for (const line of m.details) lines.push(`  ${line}`);
    lines.push(`  replay: npm run soak -- --actions ${Math.max(m.index + 1, 1)} --seed ${m.seed}`);
  }
  return lines;
}
