// Parity: every PoolMath twin (poolMath.ts) against PoolMathHarness on anvil. Per function: boundaries
// first (zero, one, day edges, the uint256 overflow edges), then ≥ 2,000 random inputs across all
// magnitudes, evaluated in batches through StaticCallBatch; answers and revert reasons must match exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assetsDown, assetsUp, DAY, dayOf, earningEndDay, lockReleaseDay, MAX_UINT256, RATE_SCALE, rateDown, sharesDown, sharesUp, unearnedUp, VIRTUAL_SHARES } from './poolMath';
import { checkParity, cross, magnitude, runBatches, sample, startHarness, type HarnessChain } from './testing/parity';

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
    const outcomes = await runBatches(h.anvil.rpcUrl, h.batch, h.harness, h.abi, [{ functionName: 'DAY' }, { functionName: 'RATE_SCALE' }, { functionName: 'VIRTUAL_SHARES' }]);
    expect(outcomes.map((o) => (o.ok ? o.value : undefined))).toEqual([DAY, RATE_SCALE, VIRTUAL_SHARES]);
  });

  const amounts = [0n, 1n, 2n, 10n ** 6n, 10n ** 12n, 10n ** 18n, (1n << 96n) - 1n, MAX];
  const supplies = [0n, 1n, 10n ** 12n, 10n ** 30n, MAX - VIRTUAL_SHARES, MAX - VIRTUAL_SHARES + 1n, MAX];
  const assets = [0n, 1n, 10n ** 6n, (1n << 96n) - 1n, MAX - 1n, MAX];
  // Realistic pools (assets < 2^96, supply ~ assets × 1e12) and arbitrary uint256s (overflow paths).
  const conversionRows = () =>
    sample(
      fc.oneof(
        fc.tuple(magnitude(30), magnitude(41), magnitude(29)),
        fc.tuple(magnitude(77), magnitude(77), magnitude(77)),
        fc.tuple(any256, any256, any256),
      ),
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

  it('earningEndDay', async () => {
    // `(end + DAY) − 1` overflows on the last DAY values of uint256, though the ceiling itself would fit.
    await parity('earningEndDay', earningEndDay, [...dayEdges.map((t) => [t]), ...timestamps()]);
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
        fc.tuple(magnitude(28), fc.bigInt({ min: 1n, max: 401n * DAY }), fc.bigInt({ min: 0n, max: 500n * DAY })).map(([u, d, e]) => [u, (u * RATE_SCALE) / d, e]),
        fc.tuple(magnitude(29), magnitude(39), fc.bigInt({ min: 0n, max: 10n ** 9n })).map((r) => [...r]),
        fc.tuple(any256, any256, any256).map((r) => [...r]),
      ),
      10,
      RANDOM,
    );
    await parity('unearnedUp', unearnedUp, [...edges, ...rows]);
  });
});
