// Parity: every PoolMath twin (lib/mirror/PoolMath.ts) against PoolMathHarness on anvil. Per function: boundaries
// first (zero, one, day edges, the uint256 overflow edges), then ≥ 2,000 random inputs across all
// magnitudes (≥ 10,000 answers for the share-price floor and the claim formulas of issue 13), evaluated
// in batches through StaticCallBatch; answers and revert reasons must match exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assetsDown,
  assetsUp,
  belowSharePriceFloor,
  claimAssetsDown,
  claimSharesDown,
  claimSharesUp,
  dayOf,
  earningEndDayUp,
  lockReleaseDay,
  MAX_SHARES_PER_ASSET,
  RATE_SCALE,
  rateDown,
  requestAssetsDown,
  requestSharesUp,
  sharesDown,
  sharesUp,
  unearnedUp,
  VIRTUAL_SHARES,
} from './PoolMath';
import { checkParity, cross, magnitude, runBatches, sample, startHarness, type HarnessChain } from '../../scripts/testing/parity';
import { MAX_UINT256 } from './evm';
import { DAY } from './units';

const CASES = 2_000;
// Overflow paths revert on purpose, so more random inputs than the 2,000 required answers.
const RANDOM = 3_000;
const MAX = MAX_UINT256;

let h: HarnessChain;

beforeAll(async () => {
  h = await startHarness('PoolMathHarness');
});
afterAll(async () => h?.anvil.stop());

const parity = (name: string, twin: (...args: bigint[]) => unknown, rows: bigint[][]) => checkParity(h, name, twin, rows, CASES);
const any256 = fc.oneof(magnitude(77), fc.bigInt({ min: 0n, max: MAX }));

describe('PoolMath twins == PoolMathHarness on anvil', () => {
  it('constants', async () => {
    const outcomes = await runBatches(h.anvil.rpcUrl, h.batch, h.harness, h.abi, [
      { functionName: 'DAY' },
      { functionName: 'RATE_SCALE' },
      { functionName: 'VIRTUAL_SHARES' },
      { functionName: 'MAX_SHARES_PER_ASSET' },
    ]);
    expect(outcomes.map((o) => (o.ok ? o.value : undefined))).toEqual([DAY, RATE_SCALE, VIRTUAL_SHARES, MAX_SHARES_PER_ASSET]);
  });

  const amounts = [0n, 1n, 2n, 10n ** 6n, 10n ** 12n, 10n ** 18n, (1n << 96n) - 1n, MAX];
  const supplies = [0n, 1n, 10n ** 12n, 10n ** 30n, MAX - VIRTUAL_SHARES, MAX - VIRTUAL_SHARES + 1n, MAX];
  const assets = [0n, 1n, 10n ** 6n, (1n << 96n) - 1n, MAX - 1n, MAX];
  // Realistic pools (assets < 2^96, supply ~ assets × 1e12) and arbitrary uint256s (overflow paths).
  const conversionRows = () =>
    sample(
      fc.oneof(fc.tuple(magnitude(30), magnitude(41), magnitude(29)), fc.tuple(magnitude(77), magnitude(77), magnitude(77)), fc.tuple(any256, any256, any256)),
      7,
      RANDOM,
    ).map((r) => [...r]);

  for (const [name, twin] of [
    ['sharesDown', sharesDown],
    ['sharesUp', sharesUp],
    ['assetsDown', assetsDown],
    ['assetsUp', assetsUp],
  ] as const) {
    it(name, async () => {
      await parity(name, twin, [...cross(amounts, supplies, assets), ...conversionRows()]);
    });
  }

  const dayEdges = [0n, 1n, DAY - 1n, DAY, DAY + 1n, 19_000n * DAY - 1n, 19_000n * DAY, MAX - DAY, MAX - DAY + 1n, MAX - 1n, MAX];
  const timestamps = () =>
    sample(
      fc.oneof(
        fc.bigInt({ min: 1_600_000_000n, max: 4_000_000_000n }),
        fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.integer({ min: -2, max: 2 })).map(([d, k]) => d * DAY + BigInt(k) + 2n),
        any256,
      ),
      8,
      RANDOM,
    ).map((t) => [t]);

  it('dayOf', async () => {
    await parity('dayOf', dayOf, [...dayEdges.map((t) => [t]), ...timestamps()]);
  });

  it('earningEndDayUp', async () => {
    // `(end + DAY) − 1` overflows on the last DAY values of uint256, though the ceiling itself would fit.
    await parity('earningEndDayUp', earningEndDayUp, [...dayEdges.map((t) => [t]), ...timestamps()]);
  });

  it('lockReleaseDay', async () => {
    await parity('lockReleaseDay', lockReleaseDay, [...dayEdges.map((t) => [t]), ...timestamps()]);
  });

  it('rateDown', async () => {
    const edges = cross([0n, 1n, (1n << 96n) - 1n, MAX / RATE_SCALE, MAX / RATE_SCALE + 1n, MAX], [0n, 1n, DAY, 401n * DAY, MAX]);
    const rows = sample(
      fc.oneof(fc.tuple(magnitude(29), fc.bigInt({ min: 1n, max: 401n * DAY })), fc.tuple(magnitude(60), magnitude(77)), fc.tuple(any256, any256)),
      9,
      RANDOM,
    ).map((r) => [...r]);
    await parity('rateDown', rateDown, [...edges, ...rows]);
  });

  it('unearnedUp', async () => {
    const edges = [
      ...cross([0n, 1n, RATE_SCALE, (1n << 96n) - 1n, MAX], [0n, 1n, RATE_SCALE, (1n << 128n) - 1n, MAX], [0n, 1n, DAY, MAX]),
      [1n, RATE_SCALE, 1n], // earned == unearned → 0
      [2n, RATE_SCALE, 1n],
      [1n, RATE_SCALE - 1n, 1n], // earned rounds down to 0
      [5n, MAX / 7n, 7n],
      [5n, MAX / 7n + 1n, 7n], // rate × elapsed overflows
    ];
    const rows = sample(
      fc.oneof(
        // A realistic stream: rate = unearned × 1e18 / duration, checked at any point of its life and past its end.
        fc
          .tuple(magnitude(28), fc.bigInt({ min: 1n, max: 401n * DAY }), fc.bigInt({ min: 0n, max: 500n * DAY }))
          .map(([u, d, e]) => [u, (u * RATE_SCALE) / d, e]),
        fc.tuple(magnitude(29), magnitude(39), fc.bigInt({ min: 0n, max: 10n ** 9n })).map((r) => [...r]),
        fc.tuple(any256, any256, any256).map((r) => [...r]),
      ),
      10,
      RANDOM,
    );
    await parity('unearnedUp', unearnedUp, [...edges, ...rows]);
  });

  // ---------------------------------------------------------------- issue 13: floor and claims

  const NEW_ANSWERS = 10_000;
  // Division by a zero request and overflows revert on purpose, so more random rows than required answers.
  const NEW_RANDOM = 14_000;
  const parityNew = (name: string, twin: (...args: bigint[]) => unknown, rows: bigint[][]) => checkParity(h, name, twin, rows, NEW_ANSWERS);
  const MAX_HELD = (1n << 96n) - 1n;

  it('belowSharePriceFloor', async () => {
    // The edge itself (supply = (t + 1) × 10^18 − 10^12, ± 1) at every scale, and the overflow of (t + 1) × 10^18.
    const ts = [0n, 1n, 2n, 10n ** 6n, MAX_HELD, MAX / MAX_SHARES_PER_ASSET - 1n, MAX / MAX_SHARES_PER_ASSET, MAX - 1n, MAX];
    const edges = ts.flatMap((t) => {
      const edge = (t + 1n) * MAX_SHARES_PER_ASSET - VIRTUAL_SHARES;
      return [0n, 1n, edge - 1n, edge, edge + 1n, MAX].filter((x) => x >= 0n && x <= MAX).map((supply) => [supply, t]);
    });
    const rows = sample(
      fc.oneof(
        fc.tuple(magnitude(29), fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n })).map(([t, d]) => {
          const edge = (t + 1n) * MAX_SHARES_PER_ASSET - VIRTUAL_SHARES;
          return [edge + d < 0n ? 0n : edge + d, t];
        }),
        fc.tuple(magnitude(48), magnitude(29)),
        fc.tuple(any256, magnitude(58)),
        fc.tuple(any256, any256),
      ),
      11,
      NEW_RANDOM,
    ).map((r) => [...r]);
    await parityNew('belowSharePriceFloor', belowSharePriceFloor, [...edges, ...rows]);
  });

  /**
   * A realistic request: `requestShares` of a pool of `supply` shares, worth `requestAssets` (assetsDown) when
   * made at `totalAssetsAtRequest`; now the pool holds `totalAssets` (a gain or a loss since) and the claim
   * is of `part` of the request (by shares) or of part of its value (by assets) — up to a little beyond it.
   */
  const requestArb = fc
    .record({
      ta0: fc.oneof(magnitude(28), fc.constantFrom(0n, 1n, 2n, MAX_HELD)),
      supplyKind: fc.integer({ min: 0, max: 3 }),
      supplyDigits: magnitude(46),
      sBps: fc.oneof(fc.bigInt({ min: 1n, max: 10_000n }), fc.constant(10_000n)),
      moveBps: fc.oneof(fc.integer({ min: -10_000, max: 10_000 }), fc.constantFrom(-10_000, 0, 10_000)),
      partBps: fc.oneof(fc.bigInt({ min: 0n, max: 10_200n }), fc.constantFrom(0n, 10_000n, 10_001n)),
    })
    .map(({ ta0, supplyKind, supplyDigits, sBps, moveBps, partBps }) => {
      // supply ≈ assets × 10^12 (a live pool), tiny, or drained to the floor (~ 10^18 per unit), or any.
      const supply =
        supplyKind === 0
          ? ta0 * VIRTUAL_SHARES + (supplyDigits % VIRTUAL_SHARES)
          : supplyKind === 1
            ? supplyDigits % 1_000n
            : supplyKind === 2
              ? (ta0 + 1n) * MAX_SHARES_PER_ASSET - VIRTUAL_SHARES
              : supplyDigits;
      const requestShares = (supply * sBps) / 10_000n;
      const requestAssets = assetsDown(requestShares, supply, ta0);
      const ta = (ta0 * BigInt(10_000 + moveBps)) / 10_000n;
      return { supply, requestShares, requestAssets, ta, partBps };
    });

  // Every pairing of zero, one, realistic and extreme values (a zero request, an empty pool, the bounded
  // supply 2^156 and the uint256 top): amount, request shares, value at request, supply, total assets.
  const claimEdges = () =>
    cross(
      [0n, 1n, 10n ** 18n, 10n ** 21n, MAX],
      [0n, 1n, 10n ** 21n, (1n << 128n) - 1n],
      [0n, 1n, 10n ** 9n, MAX_HELD],
      [0n, 1n, 10n ** 24n, 1n << 156n, MAX],
      [0n, 1n, 10n ** 12n, MAX_HELD],
    );

  const claimRows = (byAssets: boolean, seed: number) =>
    sample(
      fc.oneof(
        {
          weight: 6,
          arbitrary: requestArb.map((r) => [
            ((byAssets ? r.requestAssets : r.requestShares) * r.partBps) / 10_000n,
            r.requestShares,
            r.requestAssets,
            r.supply,
            r.ta,
          ]),
        },
        { weight: 2, arbitrary: fc.tuple(magnitude(41), magnitude(41), magnitude(29), magnitude(47), magnitude(29)).map((r) => [...r]) },
        { weight: 1, arbitrary: fc.tuple(any256, any256, any256, any256, any256).map((r) => [...r]) },
      ),
      seed,
      NEW_RANDOM,
    );

  it('requestAssetsDown', async () => {
    const edges = cross([0n, 1n, 10n ** 21n, (1n << 128n) - 1n, MAX], [0n, 1n, 10n ** 21n, (1n << 128n) - 1n, MAX], [0n, 1n, MAX_HELD, MAX]);
    const rows = claimRows(false, 12).map(([x, s, a]) => [x!, s!, a!]);
    await parityNew('requestAssetsDown', requestAssetsDown, [...edges, ...rows]);
  });

  it('requestSharesUp', async () => {
    const edges = cross([0n, 1n, MAX_HELD, MAX], [0n, 1n, 10n ** 21n, MAX], [0n, 1n, 10n ** 9n, MAX_HELD, MAX]);
    const rows = claimRows(true, 13).map(([x, s, a]) => [x!, s!, a!]);
    await parityNew('requestSharesUp', requestSharesUp, [...edges, ...rows]);
  });

  it('claimAssetsDown', async () => {
    await parityNew('claimAssetsDown', claimAssetsDown, [...claimEdges(), ...claimRows(false, 14)]);
  });

  it('claimSharesUp', async () => {
    await parityNew('claimSharesUp', claimSharesUp, [...claimEdges(), ...claimRows(true, 15)]);
  });

  it('claimSharesDown', async () => {
    await parityNew('claimSharesDown', claimSharesDown, [...claimEdges(), ...claimRows(true, 16)]);
  });
});
