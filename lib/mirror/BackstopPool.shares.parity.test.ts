// Parity: the share-conversion twins (lib/mirror/BackstopPool.ts over PoolMath.ts) against the
// deployed BackstopPool on anvil. The pool's totalAssets is internal accounting (held − unearned premium),
// not its token balance, so each case forces the accounting itself: eth_call state overrides write the
// packed `_core` slot (held, unearned, checkpoint, paused), the `_risk` slot (rate, locked) and
// `_totalSupply`, at a block time overridden into the checkpoint's day — so the contract earns the
// reserve for a few seconds and walks no bucket. Boundaries first (empty pool, dust, wiped-out assets,
// a supply at the top of uint256), then random states across all magnitudes; every conversion and
// preview must equal the twin exactly, revert reasons included — previewRedeem/previewWithdraw revert
// BackstopPoolAsyncPreview on both sides for every input (ERC-7540).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { numberToHex, pad, type Address, type Hex } from 'viem';
import { startLocalChain, type LocalChain } from '@/scripts/testing/localChain';
import {
  shareState,
  totalAssets,
  type AccountingState,
  convertToAssets,
  convertToShares,
  previewDeposit,
  previewMint,
  previewRedeem,
  previewWithdraw,
} from './BackstopPool';
import { RATE_SCALE } from './PoolMath';
import {
  artifact,
  deployRaw,
  magnitude,
  packedSlot,
  runBatch,
  sample,
  Tally,
  twinOutcome,
  ANVIL_ACCOUNTS,
  type RawStateOverride,
} from '../../scripts/testing/parity';
import { MAX_UINT256 } from './evm';
import { DAY } from './units';

const CASES = 1_200;
const MAX_HELD = (1n << 96n) - 1n;

let chain: LocalChain;
let batch: Address;

beforeAll(async () => {
  chain = await startLocalChain();
  batch = await deployRaw(chain.anvil.rpcUrl, ANVIL_ACCOUNTS[0]!, 'StaticCallBatch');
});
afterAll(async () => chain?.stop());

const word = (v: bigint): Hex => pad(numberToHex(v), { size: 32 });

type Case = { held: bigint; unearned: bigint; rate: bigint; elapsed: bigint; supply: bigint; assets: bigint; shares: bigint };

/** Boundaries first, then random pools: realistic ones (supply ≈ assets × 10^12) and arbitrary ones. */
function cases(): Case[] {
  const helds = [0n, 1n, 2n, 10n ** 6n, 10n ** 18n, MAX_HELD];
  const supplies = [0n, 1n, 10n ** 12n, 10n ** 30n, MAX_UINT256 - 10n ** 12n, MAX_UINT256];
  const amounts = [0n, 1n, 10n ** 6n, MAX_UINT256];
  const edges = helds.flatMap((held) =>
    supplies.flatMap((supply) => amounts.map((x) => ({ held, unearned: held / 2n, rate: 0n, elapsed: 0n, supply, assets: x, shares: x }))),
  );
  const random = sample(
    fc
      .record({
        held: fc.oneof(magnitude(28), fc.bigInt({ min: 0n, max: MAX_HELD })),
        unearnedBps: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10_000n })),
        rateExp: fc.integer({ min: 0, max: 38 }),
        elapsed: fc.bigInt({ min: 0n, max: DAY - 1n }),
        supplyKind: fc.integer({ min: 0, max: 2 }),
        supply: fc.oneof(magnitude(40), magnitude(77)),
        assets: fc.oneof(magnitude(29), magnitude(77)),
        shares: fc.oneof(magnitude(41), magnitude(77)),
      })
      .map(({ held, unearnedBps, rateExp, elapsed, supplyKind, supply, assets, shares }) => {
        const unearned = (held * unearnedBps) / 10_000n;
        // a rate that earns the reserve over about a day, or one of any size (the slot holds a uint128)
        const rate = (rateExp === 0 ? (unearned * RATE_SCALE) / DAY : 10n ** BigInt(rateExp) * (held % 997n)) % (1n << 128n);
        const s = supplyKind === 0 ? held * 10n ** 12n + (supply % 10n ** 12n) : supplyKind === 1 ? supply % 10n ** 40n : supply;
        return { held, unearned, rate, elapsed, supply: s, assets, shares };
      }),
    4626,
    CASES,
  );
  return [...edges, ...random];
}

describe('BackstopPool share conversions: twin == contract on anvil', () => {
  it(`agrees on ${CASES}+ forced accounting states for every preview and conversion`, async () => {
    const pool = chain.deployment.contracts.juniorPool.address;
    const poolArtifact = artifact('BackstopPool');
    const supplySlot = BigInt(poolArtifact.storageLayout!.storage.find((s) => s.label === '_totalSupply')!.slot);
    const functions = [
      ['previewDeposit', previewDeposit, 'assets'],
      ['previewMint', previewMint, 'shares'],
      ['previewWithdraw', previewWithdraw, 'assets'],
      ['previewRedeem', previewRedeem, 'shares'],
      ['convertToShares', convertToShares, 'assets'],
      ['convertToAssets', convertToAssets, 'shares'],
    ] as const;
    const all = cases();
    const tally = new Tally();
    const day = 20_000n; // any day: the time is overridden
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < all.length) {
          const c = all[next++]!;
          const checkpoint = day * DAY + (c.elapsed === 0n ? 12_345n : 0n);
          const now = checkpoint + c.elapsed;
          const state: AccountingState = { held: c.held, unearned: c.unearned, checkpoint, rate: c.rate, locked: 0n, paused: false };
          const core = packedSlot(poolArtifact, '_core', { ...state, maxUtilizationBps: 8_000n }); // the ceiling shares the slot
          const risk = packedSlot(poolArtifact, '_risk', { rate: c.rate, locked: 0n });
          const stateOverride: RawStateOverride = {
            [pool]: { stateDiff: { [word(core.slot)]: word(core.word), [word(risk.slot)]: word(risk.word), [word(supplySlot)]: word(c.supply) } },
          };
          const res = await runBatch(
            chain.anvil.rpcUrl,
            batch,
            pool,
            poolArtifact.abi,
            [
              { functionName: 'accountingState' },
              { functionName: 'totalSupply' },
              { functionName: 'totalAssets' },
              ...functions.map(([name, , arg]) => ({ functionName: name, args: [c[arg]] })),
            ],
            { stateOverride, time: now },
          );
          const [s, supply, assets] = res.outcomes;
          expect(res.timestamp).toBe(now);
          expect(s).toEqual({ ok: true, value: { held: c.held, unearned: c.unearned, checkpoint_: checkpoint, rate: c.rate, locked: 0n, paused_: false } });
          expect(supply).toEqual({ ok: true, value: c.supply });
          const accounting = { state, buckets: new Map(), totalSupply: c.supply };
          const label = `held=${c.held} unearned=${c.unearned} rate=${c.rate} elapsed=${c.elapsed} supply=${c.supply}`;
          tally.check(
            `totalAssets at ${label}`,
            assets!,
            twinOutcome(() => totalAssets(accounting, now)),
          );
          functions.forEach(([name, twin, arg], i) => {
            tally.check(
              `${name}(${c[arg]}) at ${label}`,
              res.outcomes[3 + i]!,
              twinOutcome(() => twin(shareState(accounting, now), c[arg])),
            );
          });
        }
      }),
    );
    expect(tally.mismatches).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(CASES);
    // previewRedeem and previewWithdraw always revert (2 of the 6); the other four answer in every state.
    expect(tally.compared - tally.reverts).toBeGreaterThanOrEqual(CASES * (functions.length - 2));
    console.log(`share-conversion parity: ${tally.compared} comparisons (${tally.reverts} reverts) over ${all.length} forced states, 0 mismatches`);
  });
});
