// Parity: the accounting twin (lib/mirror/BackstopPool.ts) against REAL BackstopPools on anvil.
// The protocol is deployed as `npm start` deploys it; a random walk of real transactions — deposits and
// mints, covers sold through PoolMarketHarness (locks + premiums), claims, early releases, venue fees
// and shortfalls through the ShortfallWaterfall, redeem requests and claims, checkpoints, pauses, fee
// stream periods, time warps — drives both pools through thousands of states. Five epochs restart from
// fresh pools (anvil snapshots) at different scales, from 1-unit dust to ~10^28; gaps beyond
// MAX_BUCKET_WALK are explored on snapshot branches that are then reverted.
// At every state each pool is probed at several instants (block overrides: now, later today, the next
// day boundary ±1 s, up to 130 days ahead, a request's cooldown end − 1 s / cooldown end / window end /
// window end + 1 s, and sometimes before the checkpoint) and every view and preview — the claim quotes
// previewClaimRedeem/previewClaimWithdraw and the limits included — is compared with the twin fed only
// what the browser has: accountingState(), bucket(day) for walkDays, totalSupply(),
// redeemRequest(controller). Answers and revert reasons must match exactly. The walk aims at the edges:
// some locks leave free capital exactly at a request's claim (± a unit), so a twin that capped maxRedeem by
// all assets instead of free capital would be caught (counted, and required, below).
// Over 400 lines on purpose: one random walk over every action that moves the pool's accounting, and the
// boundary-aiming state generator it needs, kept together so a mutant's divergence is read in one place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFunctionResult, encodeAbiParameters, encodeFunctionData, keccak256, numberToHex, pad, type Abi, type Address, type Hex } from 'viem';
import { startLocalChain, type LocalChain } from '@/scripts/testing/localChain';
import {
  freeAssets,
  lockedAssets,
  maxDeposit,
  maxMint,
  maxRedeem,
  maxWithdraw,
  pendingDays,
  premiumRate,
  previewAccrual,
  previewClaimRedeem,
  previewClaimWithdraw,
  shareState,
  totalAssets,
  unearnedPremium,
  walkDays,
  type AccountingState,
  type Bucket,
  type PoolAccounting,
  type RedeemRequest,
  convertToAssets,
  convertToShares,
  previewDeposit,
  previewMint,
  previewRedeem,
  previewWithdraw,
} from './BackstopPool';
import { claimAssetsDown, sharesDown } from './PoolMath';
import { ANVIL_ACCOUNTS, artifact, deployRaw, rpc, runBatch, sample, sendTx, Tally, twinOutcome, type Call, type Outcome } from '../../scripts/testing/parity';
import { DAY } from './units';

const EPOCHS = 5;
const STEPS_PER_EPOCH = 130;
const MIN_STATES = 1_000;
/** Decimal exponents of amounts per epoch: dust pools, retail, institutional, near the uint96 ceiling, all. */
const SCALES: [number, number][] = [
  [0, 6],
  [4, 12],
  [10, 20],
  [18, 27],
  [0, 27],
];
const MAX_UINT = (1n << 256n) - 1n;

let chain: LocalChain;
let url: string;
let batch: Address;
const poolAbi = () => artifact('BackstopPool').abi;
const marketAbi = () => artifact('PoolMarketHarness').abi;
const owner = ANVIL_ACCOUNTS[0]!;
const depositors = ANVIL_ACCOUNTS.slice(1, 5);
const venue = ANVIL_ACCOUNTS[8]!;
let pools: Address[];
let markets: Address[];
let waterfall: Address;

const word = (v: bigint) => pad(numberToHex(v), { size: 32 });

async function read<T>(to: Address, abi: Abi, functionName: string, args: readonly unknown[] = []): Promise<T> {
  const data = await rpc<Hex>(url, 'eth_call', [{ to, data: encodeFunctionData({ abi, functionName, args }) }, 'latest']);
  return decodeFunctionResult({ abi, functionName, data }) as T;
}

/** Transactions sent per function: [succeeded, reverted] (random parameters are allowed to fail). */
const sent: Record<string, [number, number]> = {};

async function send(from: Address, to: Address, abi: Abi, functionName: string, args: readonly unknown[] = []): Promise<boolean> {
  const receipt = await sendTx(url, { from, to, data: encodeFunctionData({ abi, functionName, args }) });
  const ok = receipt.status === '0x1';
  (sent[functionName] ??= [0, 0])[ok ? 0 : 1]++;
  return ok;
}

async function latestTimestamp(): Promise<bigint> {
  return BigInt((await rpc<{ timestamp: Hex }>(url, 'eth_getBlockByNumber', ['latest', false])).timestamp);
}

async function warpTo(t: bigint) {
  await rpc(url, 'evm_setNextBlockTimestamp', [numberToHex(t)]);
  await rpc(url, 'evm_mine', []);
}

beforeAll(async () => {
  chain = await startLocalChain();
  url = chain.anvil.rpcUrl;
  const c = chain.deployment.contracts;
  pools = [c.juniorPool.address, c.seniorPool.address];
  waterfall = c.shortfallWaterfall.address;
  batch = await deployRaw(url, owner, 'StaticCallBatch');
  markets = [];
  for (const pool of pools) markets.push(await deployRaw(url, owner, 'PoolMarketHarness', encodeAbiParameters([{ type: 'address' }], [pool])));
  // One block per second whatever the wall clock, so a fixed seed replays the same trajectory.
  await rpc(url, 'anvil_setBlockTimestampInterval', [1]);
  const ok = await Promise.all([
    ...pools.map((p, i) => send(owner, p, poolAbi(), 'setMarket', [markets[i], true])),
    // The highest utilization ceiling governance allows: covers may lock all but 5 %, so free capital
    // binds claims often.
    ...pools.map((p) => send(owner, p, poolAbi(), 'setMaxUtilizationBps', [9_500n])),
    send(owner, waterfall, artifact('ShortfallWaterfall').abi, 'setVenue', [venue, (1n << 96n) - 1n]),
  ]);
  expect(ok.every(Boolean)).toBe(true);
  // Funds far beyond any pool's uint96 accounting, written straight into TestUSDC's balance mapping.
  const token = chain.deployment.contracts.stablecoin.address;
  const balances = BigInt(artifact('TestUSDC').storageLayout!.storage.find((s) => s.label === '_balances')!.slot);
  for (const who of [...depositors, venue, ...markets]) {
    const slot = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [who, balances]));
    await rpc(url, 'anvil_setStorageAt', [token, slot, word(1n << 120n)]);
  }
  const erc20 = artifact('TestUSDC').abi;
  for (const d of depositors) for (const p of pools) expect(await send(d, token, erc20, 'approve', [p, MAX_UINT])).toBe(true);
  expect(await send(venue, token, erc20, 'approve', [waterfall, MAX_UINT])).toBe(true);
});
afterAll(async () => chain?.stop());

// ------------------------------------------------------------------ probing

type Coverage = {
  claimable: number;
  walked: number;
  incomplete: number;
  bucketsApplied: number;
  unearned: number;
  locked: number;
  paused: number;
  viewReverts: number;
  freeBinds: number;
  windowEdges: number;
  mutantCaught: number;
};
const coverage: Coverage = {
  claimable: 0,
  walked: 0,
  incomplete: 0,
  bucketsApplied: 0,
  unearned: 0,
  locked: 0,
  paused: 0,
  viewReverts: 0,
  freeBinds: 0,
  windowEdges: 0,
  mutantCaught: 0,
};

/** The mutant the walk must catch: maxRedeem capped by all assets instead of free capital. */
function mutantMaxRedeem(p: PoolAccounting, request: RedeemRequest, now: bigint): bigint {
  const s = request.shares !== 0n && now >= request.claimableAt && now <= request.expiresAt ? request.shares : 0n;
  if (s === 0n) return 0n;
  const ta = totalAssets(p, now);
  const byAll = sharesDown(ta, p.totalSupply, ta);
  const shares = byAll < s ? byAll : s;
  return claimAssetsDown(shares, s, request.assetsAtRequest, p.totalSupply, ta) === 0n ? 0n : shares;
}
const tally = new Tally();
let states = 0;

const toState = (v: Record<string, unknown>): AccountingState => ({
  held: v.held as bigint,
  unearned: v.unearned as bigint,
  checkpoint: v.checkpoint_ as bigint,
  rate: v.rate as bigint,
  locked: v.locked as bigint,
  paused: v.paused_ as boolean,
});
const value = (o: Outcome) => {
  if (!o.ok) throw new Error(`a raw read reverted: ${o.revert}`);
  return o.value;
};

async function readState(pool: Address): Promise<AccountingState> {
  const [held, unearned, checkpoint, rate, locked, paused] = await read<[bigint, bigint, bigint, bigint, bigint, boolean]>(pool, poolAbi(), 'accountingState');
  return { held, unearned, checkpoint, rate, locked, paused };
}

/**
 * Compares every view and preview of `pool` with the twin at `now`, overriding the block time unless
 * `override` is false. `before` is the pool's storage, which no time override changes: it only decides
 * which buckets to fetch in the same eth_call.
 */
async function probe(pool: Address, before: AccountingState, now: bigint, override: boolean, assets: bigint, shares: bigint) {
  const abi = poolAbi();
  const days = walkDays(before, now);
  const calls: Call[] = [
    { functionName: 'accountingState' },
    { functionName: 'totalSupply' },
    ...depositors.map((d) => ({ functionName: 'redeemRequest', args: [d] })),
    ...days.map((d) => ({ functionName: 'bucket', args: [d] })),
  ];
  const raw = calls.length;
  const compared: [string, (p: PoolAccounting, requests: RedeemRequest[]) => unknown, Call][] = [
    ['totalAssets', (p) => totalAssets(p, now), { functionName: 'totalAssets' }],
    ['freeAssets', (p) => freeAssets(p, now), { functionName: 'freeAssets' }],
    ['lockedAssets', (p) => lockedAssets(p, now), { functionName: 'lockedAssets' }],
    ['unearnedPremium', (p) => unearnedPremium(p, now), { functionName: 'unearnedPremium' }],
    ['premiumRate', (p) => premiumRate(p, now), { functionName: 'premiumRate' }],
    ['pendingDays', (p) => pendingDays(p.state, now), { functionName: 'pendingDays' }],
    ['maxDeposit', (p) => maxDeposit(p, now), { functionName: 'maxDeposit', args: [owner] }],
    ['maxMint', (p) => maxMint(p, now), { functionName: 'maxMint', args: [owner] }],
    ['convertToShares', (p) => convertToShares(shareState(p, now), assets), { functionName: 'convertToShares', args: [assets] }],
    ['convertToAssets', (p) => convertToAssets(shareState(p, now), shares), { functionName: 'convertToAssets', args: [shares] }],
    ['previewDeposit', (p) => previewDeposit(shareState(p, now), assets), { functionName: 'previewDeposit', args: [assets] }],
    ['previewMint', (p) => previewMint(shareState(p, now), shares), { functionName: 'previewMint', args: [shares] }],
    // ERC-7540: both revert for every input, before reading any state.
    ['previewWithdraw', () => previewWithdraw({ totalAssets: 0n, totalSupply: 0n }, assets), { functionName: 'previewWithdraw', args: [assets] }],
    ['previewRedeem', () => previewRedeem({ totalAssets: 0n, totalSupply: 0n }, shares), { functionName: 'previewRedeem', args: [shares] }],
    ...depositors.flatMap((d, i): [string, (p: PoolAccounting, r: RedeemRequest[]) => unknown, Call][] => [
      [`maxWithdraw(${i})`, (p, r) => maxWithdraw(p, r[i]!, now), { functionName: 'maxWithdraw', args: [d] }],
      [`maxRedeem(${i})`, (p, r) => maxRedeem(p, r[i]!, now), { functionName: 'maxRedeem', args: [d] }],
      [`previewClaimRedeem(${i})`, (p, r) => previewClaimRedeem(p, r[i]!, shares, now), { functionName: 'previewClaimRedeem', args: [shares, d] }],
      [`previewClaimWithdraw(${i})`, (p, r) => previewClaimWithdraw(p, r[i]!, assets, now), { functionName: 'previewClaimWithdraw', args: [assets, d] }],
    ]),
  ];
  const res = await runBatch(url, batch, pool, abi, [...calls, ...compared.map((c) => c[2])], override ? { time: now } : {});
  expect(res.timestamp).toBe(now);
  const state = toState(value(res.outcomes[0]!) as Record<string, unknown>);
  expect(state).toEqual(before);
  const totalSupply = value(res.outcomes[1]!) as bigint;
  const requests = depositors.map((_, i) => value(res.outcomes[2 + i]!) as RedeemRequest);
  const buckets = new Map<bigint, Bucket>(days.map((d, i) => [d, value(res.outcomes[2 + depositors.length + i]!) as Bucket]));
  const pool_: PoolAccounting = { state, buckets, totalSupply };
  const label = `pool ${pool.slice(0, 8)} at ${now} state ${JSON.stringify(state, (_, v) => (typeof v === 'bigint' ? `${v}` : v))} supply ${totalSupply}`;
  compared.forEach(([name, twin], i) => {
    const chainOutcome = res.outcomes[raw + i]!;
    if (!chainOutcome.ok) coverage.viewReverts++;
    else if (name.startsWith('maxRedeem') && chainOutcome.value !== 0n) coverage.claimable++;
    if (name.startsWith('maxRedeem') && chainOutcome.ok) {
      const r = requests[Number(name.slice('maxRedeem('.length, -1))]!;
      const inWindow = r.shares !== 0n && now >= r.claimableAt && now <= r.expiresAt;
      if (inWindow && (chainOutcome.value as bigint) < r.shares) coverage.freeBinds++;
      const mutant = twinOutcome(() => mutantMaxRedeem(pool_, r, now));
      if (mutant.ok && mutant.value !== chainOutcome.value) coverage.mutantCaught++;
    }
    tally.check(
      `${name} ${label}`,
      chainOutcome,
      twinOutcome(() => twin(pool_, requests)),
    );
  });
  for (const r of requests) {
    if (r.shares !== 0n && [r.claimableAt - 1n, r.claimableAt, r.expiresAt, r.expiresAt + 1n].includes(now)) coverage.windowEdges++;
  }
  states++;
  const a = twinOutcome(() => previewAccrual(state, buckets, now));
  if (a.ok) {
    const acc = a.value as ReturnType<typeof previewAccrual>;
    if (acc.walked) coverage.walked++;
    if (!acc.complete) coverage.incomplete++;
    if (acc.rate !== state.rate || acc.locked !== state.locked) coverage.bucketsApplied++;
    if (acc.unearnedNow > 0n) coverage.unearned++;
    if (acc.locked > 0n) coverage.locked++;
  }
  if (state.paused) coverage.paused++;
}

/** Probes both pools at the latest block, at one overridden instant per pick, and at a request's edges. */
async function probeAll(picks: readonly bigint[], assets: bigint, shares: bigint) {
  const now = await latestTimestamp();
  const nextDay = (now / DAY + 1n) * DAY;
  const times: bigint[] = [];
  for (const p of picks) {
    const k = p % 10n;
    if (k < 3n)
      times.push(now + (p % 86_400n)); // later, often the same day
    else if (k < 6n)
      times.push(nextDay - 1n + (p % 3n)); // a day boundary −1, 0, +1 s
    else if (k < 9n)
      times.push(now + (p % 130n) * DAY + (p % 997n)); // up to 130 days: walks beyond 90
    else times.push(now - (p % (3n * DAY))); // before the checkpoint or its day: the views revert
  }
  await Promise.all(
    pools.map(async (pool) => {
      const state = await readState(pool);
      // Every live request's cooldown end and window end; for one of them (by pick) also the second
      // before the cooldown ends and the second after the window closes.
      const pick = Number(picks[0]! % BigInt(depositors.length));
      const requests = await Promise.all(depositors.map((d) => read<[bigint, bigint, bigint, bigint]>(pool, poolAbi(), 'redeemRequest', [d])));
      const edges = requests.flatMap(([, rs, claimableAt, expiresAt], i) =>
        rs === 0n ? [] : i === pick ? [claimableAt - 1n, claimableAt, expiresAt, expiresAt + 1n] : [claimableAt, expiresAt],
      );
      const picked = requests[pick]![1];
      await Promise.all([
        probe(pool, state, now, false, assets, shares),
        ...[...times, ...new Set(edges.filter((t) => t >= now))].map((t) => probe(pool, state, t, true, assets, shares)),
        // The quoted amounts also aim at a request: all of its shares.
        ...(picked !== 0n ? [probe(pool, state, now, true, assets, picked)] : []),
      ]);
    }),
  );
}

// ------------------------------------------------------------------ the random walk

const stepArb = fc.record({
  kind: fc.integer({ min: 0, max: 99 }),
  pool: fc.integer({ min: 0, max: 1 }),
  who: fc.integer({ min: 0, max: 3 }),
  frac: fc.bigInt({ min: 1n, max: 10_000n }),
  frac2: fc.bigInt({ min: 0n, max: 10_000n }),
  exp: fc.integer({ min: 0, max: 40 }),
  digits: fc.bigInt({ min: 1n, max: 10n ** 18n }),
  seconds: fc.bigInt({ min: 1n, max: 10n ** 9n }),
  picks: fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 2, maxLength: 2 }),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

/** An amount in the epoch's decimal range, with random digits. */
const amountIn = (s: Step, [lo, hi]: [number, number]) => {
  const e = BigInt(lo + (s.exp % (hi - lo + 1)));
  return 1n + (s.digits * 10n ** e) / 10n ** 18n;
};
const part = (x: bigint, frac: bigint) => (x * frac) / 10_000n;

async function checkpointParity(pool: Address, from: Address) {
  const abi = poolAbi();
  const s0 = await readState(pool);
  const receipt = await sendTx(url, { from, to: pool, data: encodeFunctionData({ abi, functionName: 'checkpoint' }) });
  expect(receipt.status).toBe('0x1');
  const t = BigInt((await rpc<{ timestamp: Hex }>(url, 'eth_getBlockByNumber', [receipt.blockNumber, false])).timestamp);
  const days = walkDays(s0, t);
  const buckets = new Map<bigint, Bucket>();
  for (const d of days) {
    const [rateDrop, lockRelease] = await read<[bigint, bigint]>(pool, abi, 'bucket', [d]);
    buckets.set(d, { rateDrop, lockRelease });
  }
  const after = await readState(pool);
  // `checkpoint()` commits exactly what the views previewed (or nothing when no day has passed).
  const { unearnedNow: _, walked, complete: __, ...committed } = previewAccrual(s0, buckets, t);
  tally.check(
    `checkpoint() commit at ${t} from ${JSON.stringify(s0, (_k, v) => (typeof v === 'bigint' ? `${v}` : v))}`,
    { ok: true, value: after },
    { ok: true, value: walked ? committed : s0 },
  );
}

/**
 * Half the time (by `coin`), a lock that leaves free capital exactly at the claim of `d`'s whole request, ± 2
 * units — the edge where free capital starts to bind maxWithdraw / maxRedeem; else undefined.
 */
async function lockToBind(pool: Address, d: Address, free: bigint, coin: bigint): Promise<bigint | undefined> {
  if (coin >= 5_000n) return undefined;
  // `d`'s request, or the next depositor's that has one.
  const start = depositors.indexOf(d);
  for (let i = 0; i < depositors.length; i++) {
    const who = depositors[(start + i) % depositors.length]!;
    const [, rs] = await read<[bigint, bigint]>(pool, poolAbi(), 'redeemRequest', [who]);
    if (rs === 0n) continue;
    const claim = await read<bigint>(pool, poolAbi(), 'previewClaimRedeem', [rs, who]).catch(() => 0n);
    const left = claim + (coin % 5n) - 2n;
    return left >= 0n && left < free ? free - left : undefined;
  }
  return undefined;
}

async function step(s: Step, scale: [number, number]) {
  const pool = pools[s.pool]!;
  const market = markets[s.pool]!;
  const d = depositors[s.who]!;
  const abi = poolAbi();
  const now = await latestTimestamp();
  const k = s.kind;
  if (k < 12) {
    await send(d, pool, abi, 'deposit', [amountIn(s, scale), d]);
  } else if (k < 15) {
    await send(d, pool, abi, 'mint', [amountIn(s, [scale[0] + 12, scale[1] + 12]), d]);
  } else if (k < 29) {
    // A cover: lock part of the free capital through end + grace, premium earned until end; half the time
    // the part that leaves exactly a request's claim free (± 2 units).
    const free = await read<bigint>(pool, abi, 'freeAssets').catch(() => 0n);
    const payout = (await lockToBind(pool, d, free, s.frac2)) ?? (part(free, s.frac) || 1n);
    const end = now + 1n + (s.seconds % (365n * DAY));
    const grace = s.frac2 % 3n === 0n ? 0n : s.seconds % (3n * DAY);
    await send(owner, market, marketAbi(), 'sell', [payout, part(payout, s.frac2 / 10n) + (s.frac2 % 2n), end, grace]);
  } else if (k < 34) {
    const earnUntil = now + 2n + (s.seconds % (400n * DAY - 10n));
    await send(owner, market, marketAbi(), 'premium', [amountIn(s, scale), earnUntil]);
  } else if (k < 37) {
    const free = await read<bigint>(pool, abi, 'freeAssets').catch(() => 0n);
    const amount = (await lockToBind(pool, d, free, s.frac2)) ?? (part(free, s.frac) || 1n);
    await send(owner, market, marketAbi(), 'lock', [amount, now + 1n + (s.seconds % (400n * DAY - 10n))]);
  } else if (k < 46) {
    // A claim, or an early release, on one of the market's locks that is still active.
    const count = await read<bigint>(market, marketAbi(), 'lockCount');
    if (count === 0n) return;
    const index = (s.seconds + BigInt(s.exp)) % count;
    if (!(await read<boolean>(market, marketAbi(), 'isActive', [index]))) return;
    const [amount] = await read<[bigint, bigint, bigint]>(market, marketAbi(), 'locks', [index]);
    const take = part(amount, s.frac) || 1n;
    if (s.frac2 < 6_000n) await send(owner, market, marketAbi(), 'claim', [index, take, ANVIL_ACCOUNTS[9]!]);
    else await send(owner, market, marketAbi(), 'release', [index, take]);
  } else if (k < 52) {
    await send(venue, waterfall, artifact('ShortfallWaterfall').abi, 'distributeFees', [amountIn(s, scale)]);
  } else if (k < 58) {
    const free = await read<bigint>(pool, abi, 'freeAssets').catch(() => 0n);
    await send(venue, waterfall, artifact('ShortfallWaterfall').abi, 'absorbShortfall', [part(free, s.frac) || 1n]);
  } else if (k < 65) {
    const balance = await read<bigint>(pool, abi, 'balanceOf', [d]);
    if (balance > 0n) await send(d, pool, abi, 'requestRedeem', [part(balance, s.frac) || 1n, d, d]);
  } else if (k < 73) {
    // Claim a request: wait into its window if it is still cooling down; hand a lapsed one back.
    let d = depositors[s.who]!;
    let request = await read<[bigint, bigint, bigint, bigint, Address]>(pool, abi, 'redeemRequest', [d]);
    for (let i = 1; i < depositors.length && request[1] === 0n; i++) {
      d = depositors[(s.who + i) % depositors.length]!;
      request = await read<[bigint, bigint, bigint, bigint, Address]>(pool, abi, 'redeemRequest', [d]);
    }
    const [, shares, claimableAt, expiresAt] = request;
    if (shares === 0n) return;
    if (now > expiresAt) {
      await send(owner, pool, abi, 'reclaimLapsedRequest', [d]);
      return;
    }
    if (now < claimableAt) await warpTo(claimableAt + (s.seconds % (expiresAt - claimableAt)));
    if (s.frac2 < 5_000n) await send(d, pool, abi, 'redeem', [part(shares, s.frac) || 1n, d, d]);
    else await send(d, pool, abi, 'withdraw', [part(await read<bigint>(pool, abi, 'maxWithdraw', [d]), s.frac) || 1n, d, d]);
  } else if (k < 90) {
    // Time: seconds, hours, to a day boundary ±1 s, days, weeks (cooldowns, stream ends, lock releases).
    const m = s.frac % 6n;
    const dt =
      m === 0n
        ? 1n + (s.seconds % 60n)
        : m === 1n
          ? 1n + (s.seconds % 3_600n)
          : m === 2n
            ? (now / DAY + 1n) * DAY - now - 1n + (s.seconds % 3n)
            : m === 3n
              ? 1n + (s.seconds % DAY)
              : m === 4n
                ? 1n + (s.seconds % (10n * DAY))
                : 1n + (s.seconds % (45n * DAY));
    await warpTo(now + (dt > 0n ? dt : 1n));
  } else if (k < 93) {
    await checkpointParity(pool, d);
  } else if (k < 95) {
    await send(owner, pool, abi, s.frac2 < 2_000n ? 'pause' : 'unpause');
  } else if (k < 96) {
    await send(owner, pool, abi, 'setFeeStreamPeriod', [s.frac2 < 3_000n ? 0n : s.seconds % (7n * DAY + 1n)]);
  } else {
    // A branch: an idle gap beyond MAX_BUCKET_WALK, probed, checkpointed once, probed, then undone.
    const snapshot = await rpc<Hex>(url, 'evm_snapshot', []);
    await warpTo(now + 91n * DAY + (s.seconds % (310n * DAY)));
    await probeAll(s.picks, amountIn(s, scale), amountIn(s, [scale[0] + 12, scale[1] + 12]));
    await checkpointParity(pool, d);
    await probeAll(s.picks, amountIn(s, scale), amountIn(s, [scale[0] + 12, scale[1] + 12]));
    expect(await rpc<boolean>(url, 'evm_revert', [snapshot])).toBe(true);
  }
}

describe('BackstopPool accounting: twin == live pools on anvil', () => {
  it(`agrees on every view and preview over ${MIN_STATES}+ driven states`, async () => {
    let fresh = await rpc<Hex>(url, 'evm_snapshot', []);
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      if (epoch > 0) {
        expect(await rpc<boolean>(url, 'evm_revert', [fresh])).toBe(true);
        fresh = await rpc<Hex>(url, 'evm_snapshot', []);
      }
      // Start each epoch at the same phase of a day, so the walk does not depend on the wall clock.
      const t = await latestTimestamp();
      await warpTo((t / DAY + 1n) * DAY + 1_000n);
      const scale = SCALES[epoch]!;
      for (const s of sample(stepArb, 4626 + epoch, STEPS_PER_EPOCH)) {
        await step(s, scale);
        await probeAll(s.picks, amountIn(s, scale), amountIn(s, [scale[0] + 12, scale[1] + 12]));
      }
    }
    console.log(`transactions [ok, reverted]: ${JSON.stringify(sent)}`);
    console.log(
      `accounting parity: ${states} probed pool states, ${tally.compared} comparisons (${tally.reverts} reverts), ${tally.failed} mismatches; coverage ${JSON.stringify(coverage)}`,
    );
    expect(tally.mismatches).toEqual([]);
    expect(states).toBeGreaterThanOrEqual(MIN_STATES);
    // The walk must have exercised every branch of the accounting, not just quiet pools.
    expect(coverage.walked).toBeGreaterThan(200);
    expect(coverage.incomplete).toBeGreaterThan(50);
    expect(coverage.bucketsApplied).toBeGreaterThan(100);
    expect(coverage.unearned).toBeGreaterThan(500);
    expect(coverage.locked).toBeGreaterThan(500);
    expect(coverage.paused).toBeGreaterThan(20);
    expect(coverage.viewReverts).toBeGreaterThan(20);
    expect(coverage.claimable).toBeGreaterThan(50);
    expect(coverage.freeBinds).toBeGreaterThan(50);
    expect(coverage.windowEdges).toBeGreaterThan(200);
    expect(coverage.mutantCaught).toBeGreaterThan(50);
    expect(sent.redeem?.[0]).toBeGreaterThan(2);
    expect(sent.withdraw?.[0]).toBeGreaterThan(2);
  }, 600_000); // the walk mines ~1,000 states; on 2 shared cores under load it outlasts the 120 s default
});
