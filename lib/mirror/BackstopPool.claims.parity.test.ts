// Parity: the pool-level exit and entry limits and the claim quotes (lib/mirror/BackstopPool.ts: maxDeposit, maxMint,
// maxWithdraw, maxRedeem, previewClaimRedeem, previewClaimWithdraw, claimableShares; the
// reverting previewRedeem/previewWithdraw) against the deployed BackstopPool's code on anvil, in forced
// states. Each eth_call runs many virtual pools at once: state overrides give fresh addresses the live
// pool's runtime code and their own storage — `_core`, `_risk`, `_totalSupply` and, for four controllers
// each, both slots of `_requests[controller]` — and one StaticCallBatch runs another per pool.
//
// The states aim at the edges, not only random middles: free capital that binds a claim (exactly at,
// one unit under and over the claim's value, or none), requests exactly at cooldown end − 1 s / cooldown
// end / window end / window end + 1 s, gains and losses since the request (so either value binds),
// requests worth nothing, tiny supplies, supplies at the share-price floor ± 1 and far above it, paused
// pools and walks beyond the 90-day bound. A mutant twin that caps claims by all assets instead of free
// capital must disagree with the chain in many states, or the generator is not reaching the edge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFunctionResult, encodeFunctionData, type Address, type Hex } from 'viem';
import { startLocalChain, type LocalChain } from '@/scripts/testing/localChain';
import {
  claimableShares,
  maxDeposit,
  maxMint,
  maxRedeem,
  maxWithdraw,
  MAX_BUCKET_WALK,
  MAX_HELD,
  previewAccrual,
  previewClaimRedeem,
  previewClaimWithdraw,
  totalAssets,
  walkDays,
  type AccountingState,
  type Bucket,
  type PoolAccounting,
  type RedeemRequest,
  previewRedeem,
  previewWithdraw,
} from './BackstopPool';
import { assetsDown, claimAssetsDown, MAX_SHARES_PER_ASSET, RATE_SCALE, sharesDown, VIRTUAL_SHARES } from './PoolMath';
import {
  ANVIL_ACCOUNTS,
  artifact,
  deployRaw,
  magnitude,
  mappingEntry,
  packedSlot,
  revertReason,
  rpc,
  sample,
  structWords,
  Tally,
  twinOutcome,
  variableSlot,
  word32,
  type Call,
  type Outcome,
  type RawStateOverride,
} from '../../scripts/testing/parity';
import { sub } from './evm';
import { DAY } from './units';

const POOLS = 10_400; // ≥ 10,000 answers for maxDeposit/maxMint; four controllers each for the claim views
const POOLS_PER_CALL = 26;
const CONTROLLERS: readonly Address[] = [
  '0x00000000000000000000000000000000000c0001',
  '0x00000000000000000000000000000000000c0002',
  '0x00000000000000000000000000000000000c0003',
  '0x00000000000000000000000000000000000c0004',
];
const NOW = 20_000n * DAY + 43_210n; // every eth_call runs at this block time; states are placed around it

let chain: LocalChain;
let batch: Address;
let poolCode: Hex;

beforeAll(async () => {
  chain = await startLocalChain();
  batch = await deployRaw(chain.anvil.rpcUrl, ANVIL_ACCOUNTS[0]!, 'StaticCallBatch');
  poolCode = await rpc<Hex>(chain.anvil.rpcUrl, 'eth_getCode', [chain.deployment.contracts.juniorPool.address, 'latest']);
});
afterAll(async () => chain?.stop());

type Phase = 'none' | 'cooldown' | 'cooldownEnd-1' | 'cooldownEnd' | 'window' | 'windowEnd' | 'windowEnd+1';
type RequestCase = { request: RedeemRequest & { id: bigint }; x: bigint; y: bigint };
type PoolCase = { state: AccountingState; totalSupply: bigint; requests: RequestCase[] };

const part = (x: bigint, bps: bigint) => (x * bps) / 10_000n;

/** A pool around NOW; its requests are then fitted to it (values, free capital) in `fitRequests`. */
const poolArb = fc
  .record({
    held: fc.oneof(magnitude(28), fc.constantFrom(0n, 1n, 2n, 1_000n, MAX_HELD)),
    unearnedBps: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10_000n })),
    rateKind: fc.integer({ min: 0, max: 2 }),
    elapsedKind: fc.integer({ min: 0, max: 9 }),
    elapsed: fc.bigInt({ min: 0n, max: 200n * DAY }),
    supplyKind: fc.integer({ min: 0, max: 6 }),
    supplyDigits: magnitude(47),
    paused: fc.integer({ min: 0, max: 19 }).map((k) => k === 0),
    lockKind: fc.integer({ min: 0, max: 5 }),
    lockBps: fc.bigInt({ min: 0n, max: 10_000n }),
    lockDelta: fc.integer({ min: -2, max: 2 }),
  })
  .map((p) => {
    const unearned = part(p.held, p.unearnedBps);
    // Mostly the same day (no walk), sometimes a few days, sometimes beyond the 90-day walk bound.
    const elapsed =
      p.elapsedKind < 7 ? p.elapsed % DAY : p.elapsedKind < 9 ? p.elapsed % (20n * DAY) : (MAX_BUCKET_WALK + 1n) * DAY + (p.elapsed % (100n * DAY));
    const checkpoint = NOW - elapsed;
    // The slot holds a uint128 rate: a stream of the whole reserve over a day or a month, capped to fit.
    const rate = (p.rateKind === 0 ? 0n : p.rateKind === 1 ? (unearned * RATE_SCALE) / DAY : (unearned * RATE_SCALE) / (30n * DAY)) % (1n << 128n);
    const ta = p.held - unearned; // before earning: the pool's assets are at least this
    const supply =
      p.supplyKind === 0
        ? ta * VIRTUAL_SHARES + (p.supplyDigits % VIRTUAL_SHARES) // a live pool
        : p.supplyKind === 1
          ? p.supplyDigits % 1_000_000n // tiny
          : p.supplyKind === 2
            ? (ta + 1n) * MAX_SHARES_PER_ASSET - VIRTUAL_SHARES + BigInt(p.lockDelta) // the floor ± 2
            : p.supplyKind === 3
              ? (ta + 1n) * MAX_SHARES_PER_ASSET * 1_000n // far below the floor: wiped out
              : p.supplyKind === 4
                ? 1n << 156n // the largest supply the floor allows
                : (ta + 1n) * VIRTUAL_SHARES * (1n + (p.supplyDigits % 1_000n)); // after losses
    return { p, state: { held: p.held, unearned, checkpoint, rate, locked: 0n, paused: p.paused } as AccountingState, totalSupply: supply < 0n ? 0n : supply };
  });

const requestArb = fc.record({
  phase: fc.constantFrom<Phase>('none', 'cooldown', 'cooldownEnd-1', 'cooldownEnd', 'window', 'window', 'window', 'windowEnd', 'windowEnd+1'),
  sBps: fc.oneof(fc.bigInt({ min: 1n, max: 10_000n }), fc.constantFrom(1n, 10_000n)),
  sharesKind: fc.integer({ min: 0, max: 9 }),
  moveBps: fc.oneof(fc.bigInt({ min: 0n, max: 30_000n }), fc.constantFrom(0n, 10_000n)),
  window: fc.bigInt({ min: DAY, max: 4n * DAY }),
  offset: fc.bigInt({ min: 1n, max: 10n * DAY }),
  xKind: fc.integer({ min: 0, max: 9 }),
  xBps: fc.bigInt({ min: 0n, max: 10_000n }),
  yKind: fc.integer({ min: 0, max: 9 }),
  yBps: fc.bigInt({ min: 0n, max: 10_000n }),
  id: fc.bigInt({ min: 1n, max: (1n << 40n) - 1n }),
});

type RequestDraw = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

function requestCase(pool: PoolAccounting, r: RequestDraw): RequestCase {
  const ta = totalAssets(pool, NOW);
  const shares = r.phase === 'none' ? 0n : r.sharesKind === 0 ? 1n : r.sharesKind === 1 ? (1n << 128n) - 1n : part(pool.totalSupply, r.sBps) % (1n << 128n);
  // Worth assetsDown at a total that moved up or down since (a gain: the value at request binds; a loss: now).
  const taThen = part(ta, r.moveBps);
  const assetsAtRequest = shares === 0n ? 0n : r.sharesKind === 2 ? 0n : assetsDown(shares, pool.totalSupply, taThen) % (1n << 96n);
  const [claimableAt, expiresAt] = (() => {
    switch (r.phase) {
      case 'none':
        return [0n, 0n];
      case 'cooldown':
        return [NOW + r.offset, NOW + r.offset + r.window];
      case 'cooldownEnd-1':
        return [NOW + 1n, NOW + 1n + r.window];
      case 'cooldownEnd':
        return [NOW, NOW + r.window];
      case 'window':
        return [NOW - (r.offset % r.window), NOW - (r.offset % r.window) + r.window];
      case 'windowEnd':
        return [NOW - r.window, NOW];
      case 'windowEnd+1':
        return [NOW - r.window - 1n, NOW - 1n];
    }
  })();
  const request = { id: shares === 0n ? 0n : r.id, shares, claimableAt, expiresAt, assetsAtRequest };
  const value = shares === 0n ? 0n : claimAssetsDown(shares, shares, assetsAtRequest, pool.totalSupply, ta);
  const x = r.xKind === 0 ? 0n : r.xKind === 1 ? shares + 1n : r.xKind === 2 ? shares : r.xKind === 3 ? 1n : part(shares, r.xBps);
  const y = r.yKind === 0 ? 0n : r.yKind === 1 ? value + 1n : r.yKind === 2 ? value : r.yKind === 3 ? 1n : part(value, r.yBps);
  return { request, x, y };
}

/** Pools with four requests each; the lock is set against the first request's claim so free capital binds. */
function cases(): PoolCase[] {
  const pools = sample(poolArb, 4_626_7540, POOLS);
  const requests = sample(requestArb, 7_575, POOLS * CONTROLLERS.length);
  return pools.map(({ p, state, totalSupply }, i) => {
    const base: PoolAccounting = { state, buckets: zeroBuckets(state), totalSupply };
    const rs = CONTROLLERS.map((_, k) => requestCase(base, requests[i * CONTROLLERS.length + k]!));
    // Lock capital so that free capital sits exactly at / around the first request's claim, or is gone.
    const a = twinOutcome(() => previewAccrual(state, base.buckets, NOW));
    const ta = a.ok ? sub((a.value as { held: bigint }).held, (a.value as { unearnedNow: bigint }).unearnedNow) : 0n;
    const claim =
      rs[0]!.request.shares === 0n ? 0n : claimAssetsDown(rs[0]!.request.shares, rs[0]!.request.shares, rs[0]!.request.assetsAtRequest, totalSupply, ta);
    const free =
      p.lockKind === 0
        ? ta // nothing locked
        : p.lockKind === 1
          ? 0n // everything locked
          : p.lockKind === 2
            ? claim + BigInt(p.lockDelta) // at the claim, ± 2
            : p.lockKind === 3
              ? part(claim, p.lockBps) // part of the claim
              : part(ta, p.lockBps);
    const locked = free < 0n || free > ta ? 0n : ta - free;
    return { state: { ...state, locked }, totalSupply, requests: rs };
  });
}

/** The walk reads `bucket(day)` for these days; the forced storage holds none, so each is empty. */
function zeroBuckets(state: AccountingState): Map<bigint, Bucket> {
  return new Map(walkDays(state, NOW).map((d) => [d, { rateDrop: 0n, lockRelease: 0n }]));
}

const DEPOSITOR: Address = '0x00000000000000000000000000000000000d0001';

function poolCalls(c: PoolCase): { call: Call; twin: (p: PoolAccounting) => unknown; name: string }[] {
  const calls: { call: Call; twin: (p: PoolAccounting) => unknown; name: string }[] = [
    { name: 'maxDeposit', call: { functionName: 'maxDeposit', args: [DEPOSITOR] }, twin: (p) => maxDeposit(p, NOW) },
    { name: 'maxMint', call: { functionName: 'maxMint', args: [DEPOSITOR] }, twin: (p) => maxMint(p, NOW) },
    {
      name: 'previewRedeem',
      call: { functionName: 'previewRedeem', args: [c.requests[0]!.x] },
      twin: () => previewRedeem({ totalAssets: 0n, totalSupply: 0n }, c.requests[0]!.x),
    },
    {
      name: 'previewWithdraw',
      call: { functionName: 'previewWithdraw', args: [c.requests[0]!.y] },
      twin: () => previewWithdraw({ totalAssets: 0n, totalSupply: 0n }, c.requests[0]!.y),
    },
  ];
  c.requests.forEach((r, k) => {
    const who = CONTROLLERS[k]!;
    calls.push(
      { name: 'maxWithdraw', call: { functionName: 'maxWithdraw', args: [who] }, twin: (p) => maxWithdraw(p, r.request, NOW) },
      { name: 'maxRedeem', call: { functionName: 'maxRedeem', args: [who] }, twin: (p) => maxRedeem(p, r.request, NOW) },
      { name: 'previewClaimRedeem', call: { functionName: 'previewClaimRedeem', args: [r.x, who] }, twin: (p) => previewClaimRedeem(p, r.request, r.x, NOW) },
      {
        name: 'previewClaimWithdraw',
        call: { functionName: 'previewClaimWithdraw', args: [r.y, who] },
        twin: (p) => previewClaimWithdraw(p, r.request, r.y, NOW),
      },
      { name: 'claimableRedeemRequest', call: { functionName: 'claimableRedeemRequest', args: [0n, who] }, twin: () => claimableShares(r.request, NOW) },
    );
  });
  return calls;
}

/** The mutant the generator must catch: maxRedeem capped by all assets instead of free capital. */
function mutantMaxRedeem(p: PoolAccounting, request: RedeemRequest): bigint {
  const s = claimableShares(request, NOW);
  if (s === 0n) return 0n;
  const ta = totalAssets(p, NOW);
  const byAll = sharesDown(ta, p.totalSupply, ta);
  const shares = byAll < s ? byAll : s;
  return claimAssetsDown(shares, s, request.assetsAtRequest, p.totalSupply, ta) === 0n ? 0n : shares;
}

describe('BackstopPool limits and claim quotes: twin == contract code on anvil, in forced states', () => {
  it(`agrees in ${POOLS.toLocaleString('en-US')} pools × 4 requests, edges included, and catches a free-capital mutant`, async () => {
    const a = artifact('BackstopPool');
    const abi = a.abi;
    const batchAbi = artifact('StaticCallBatch').abi;
    const supplySlot = variableSlot(a, '_totalSupply');
    const all = cases();
    const tally = new Tally();
    const per = new Map<string, { compared: number; answers: number }>();
    const coverage = { freeBinds: 0, atRequestBinds: 0, nowBinds: 0, windowEdges: 0, belowFloor: 0, incomplete: 0, mutantCaught: 0, quotesInCooldown: 0 };
    const groups: PoolCase[][] = [];
    for (let i = 0; i < all.length; i += POOLS_PER_CALL) groups.push(all.slice(i, i + POOLS_PER_CALL));
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < groups.length) {
          const g = next++;
          const group = groups[g]!;
          const override: RawStateOverride = {};
          const inner: Hex[] = [];
          const addresses = group.map((_, j) => `0x${(0x7000_0000n + BigInt(g * POOLS_PER_CALL + j)).toString(16).padStart(40, '0')}` as Address);
          group.forEach((c, j) => {
            const core = packedSlot(a, '_core', { ...c.state, maxUtilizationBps: 8_000n }); // the ceiling shares the slot
            const risk = packedSlot(a, '_risk', { rate: c.state.rate, locked: c.state.locked });
            const diff: Record<Hex, Hex> = {
              [word32(core.slot)]: word32(core.word),
              [word32(risk.slot)]: word32(risk.word),
              [word32(supplySlot)]: word32(c.totalSupply),
            };
            c.requests.forEach((r, k) => {
              const { slot, valueType } = mappingEntry(a, '_requests', CONTROLLERS[k]!);
              const words = structWords(a, valueType, { ...r.request, owner: r.request.shares === 0n ? 0n : BigInt(CONTROLLERS[k]!) });
              for (const [offset, w] of words) diff[word32(slot + offset)] = word32(w);
            });
            (override as Record<Address, unknown>)[addresses[j]!] = { code: poolCode, stateDiff: diff };
            inner.push(
              encodeFunctionData({
                abi: batchAbi,
                functionName: 'run',
                args: [addresses[j]!, poolCalls(c).map((x) => encodeFunctionData({ abi, functionName: x.call.functionName, args: x.call.args ?? [] }))],
              }),
            );
          });
          const data = encodeFunctionData({ abi: batchAbi, functionName: 'run', args: [batch, inner] });
          const raw = await rpc<Hex>(chain.anvil.rpcUrl, 'eth_call', [
            { to: batch, data, gas: '0x3b9aca00' },
            'latest',
            override,
            { time: `0x${NOW.toString(16)}` },
          ]);
          const [, okOuter, outer] = decodeFunctionResult({ abi: batchAbi, functionName: 'run', data: raw }) as [bigint, boolean[], Hex[]];
          group.forEach((c, j) => {
            expect(okOuter[j]).toBe(true);
            const [timestamp, ok, results] = decodeFunctionResult({ abi: batchAbi, functionName: 'run', data: outer[j]! }) as [bigint, boolean[], Hex[]];
            expect(timestamp).toBe(NOW);
            const pool: PoolAccounting = { state: c.state, buckets: zeroBuckets(c.state), totalSupply: c.totalSupply };
            const label = `state ${JSON.stringify(c.state, (_, v) => (typeof v === 'bigint' ? `${v}` : v))} supply ${c.totalSupply}`;
            poolCalls(c).forEach((x, i) => {
              const chainOutcome: Outcome = ok[i]
                ? { ok: true, value: decodeFunctionResult({ abi, functionName: x.call.functionName, data: results[i]! }) }
                : { ok: false, revert: revertReason(abi, results[i]!) };
              tally.check(
                `${x.name}(${(x.call.args ?? []).join(', ')}) at ${label}`,
                chainOutcome,
                twinOutcome(() => x.twin(pool)),
              );
              const t = per.get(x.name) ?? { compared: 0, answers: 0 };
              per.set(x.name, { compared: t.compared + 1, answers: t.answers + (chainOutcome.ok ? 1 : 0) });
            });
            // Coverage of the edges the generator aims at.
            const acc = twinOutcome(() => previewAccrual(c.state, pool.buckets, NOW));
            if (acc.ok && !(acc.value as { complete: boolean }).complete) coverage.incomplete++;
            if (twinOutcome(() => maxDeposit(pool, NOW)).ok && c.totalSupply > (totalAssetsOr0(pool) + 1n) * MAX_SHARES_PER_ASSET - VIRTUAL_SHARES)
              coverage.belowFloor++;
            c.requests.forEach((r) => {
              if (
                r.request.shares !== 0n &&
                (r.request.claimableAt === NOW || r.request.expiresAt === NOW || r.request.claimableAt === NOW + 1n || r.request.expiresAt === NOW - 1n)
              )
                coverage.windowEdges++;
              if (r.request.shares !== 0n && NOW < r.request.claimableAt && twinOutcome(() => previewClaimRedeem(pool, r.request, r.x, NOW)).ok)
                coverage.quotesInCooldown++;
              const real = twinOutcome(() => maxRedeem(pool, r.request, NOW));
              const mutant = twinOutcome(() => mutantMaxRedeem(pool, r.request));
              if (real.ok && mutant.ok && real.value !== mutant.value) coverage.mutantCaught++;
              const s = claimableShares(r.request, NOW);
              if (s > 0n && real.ok) {
                const ta = totalAssetsOr0(pool);
                const now = assetsDown(s, pool.totalSupply, ta);
                const then = r.request.assetsAtRequest;
                if ((real.value as bigint) < s) coverage.freeBinds++;
                if (then < now) coverage.atRequestBinds++;
                else if (now < then) coverage.nowBinds++;
              }
            });
          });
        }
      }),
    );
    const table = Object.fromEntries([...per].map(([k, v]) => [k, `${v.compared} (${v.answers} answers)`]));
    console.log(
      `claims parity: ${tally.compared} comparisons (${tally.reverts} reverts), ${tally.failed} mismatches over ${all.length} forced pools; ${JSON.stringify(table)}; coverage ${JSON.stringify(coverage)}`,
    );
    expect(tally.mismatches).toEqual([]);
    // ≥ 10,000 answers per new or changed twin; the ERC-7540 previews revert every time on both sides.
    for (const name of ['maxDeposit', 'maxMint', 'maxWithdraw', 'maxRedeem', 'previewClaimRedeem', 'previewClaimWithdraw', 'claimableRedeemRequest']) {
      expect(per.get(name)!.answers, name).toBeGreaterThanOrEqual(10_000);
    }
    expect(per.get('previewRedeem')!.answers).toBe(0);
    expect(per.get('previewWithdraw')!.answers).toBe(0);
    expect(coverage.freeBinds).toBeGreaterThan(1_000);
    expect(coverage.atRequestBinds).toBeGreaterThan(1_000);
    expect(coverage.nowBinds).toBeGreaterThan(1_000);
    expect(coverage.windowEdges).toBeGreaterThan(1_000);
    expect(coverage.belowFloor).toBeGreaterThan(500);
    expect(coverage.incomplete).toBeGreaterThan(500);
    expect(coverage.quotesInCooldown).toBeGreaterThan(500);
    expect(coverage.mutantCaught).toBeGreaterThan(1_000);
  });
});

function totalAssetsOr0(pool: PoolAccounting): bigint {
  const t = twinOutcome(() => totalAssets(pool, NOW));
  return t.ok ? (t.value as bigint) : 0n;
}
