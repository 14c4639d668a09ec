// Parity: every WaterfallMath twin (waterfallMath.ts) against WaterfallMathHarness on anvil. Per function:
// the boundary grid first (empty layers, caps at 0 / 100 % / beyond, window edges, uint256 overflow
// edges), then ≥ 2,000 random inputs across all magnitudes; answers and revert reasons must match exactly.
import { afterAll, beforeAll, describe, it } from 'vitest';
import fc from 'fast-check';
import { checkParity, cross, magnitude, sample, startHarness, type HarnessChain } from '../../scripts/testing/parity';
import { allocateShortfall, layerAvailableDown, layerCapDown, rollWindow, splitFeesSeniorDown, WINDOW, windowOf } from './WaterfallMath';
import { MAX_UINT256 } from './evm';
import { BPS } from './units';

const CASES = 2_000;
// Overflow paths revert on purpose, so more random inputs than the 2,000 required answers.
const RANDOM = 4_000;
const MAX = MAX_UINT256;

let h: HarnessChain;
beforeAll(async () => {
  h = await startHarness('WaterfallMathHarness');
});
afterAll(async () => h?.anvil.stop());

const parity = (name: string, twin: (...args: bigint[]) => unknown, rows: bigint[][]) => checkParity(h, name, twin, rows, CASES);
const any256 = fc.oneof(magnitude(77), fc.bigInt({ min: 0n, max: MAX }));
/** Stablecoin amounts a pool can hold (uint96), across every magnitude. */
const amount = fc.oneof(magnitude(29), fc.bigInt({ min: 0n, max: 10n ** 12n }));
const bps = fc.oneof(fc.bigInt({ min: 0n, max: BPS }), fc.constantFrom(0n, 1n, 5_000n, BPS - 1n, BPS), fc.bigInt({ min: BPS + 1n, max: 10n ** 6n }), any256);

describe('WaterfallMath twins == WaterfallMathHarness on anvil', () => {
  it('windowOf', async () => {
    const edges = [0n, 1n, WINDOW - 1n, WINDOW, WINDOW + 1n, MAX - 1n, MAX];
    const rows = sample(fc.oneof(fc.bigInt({ min: 1_600_000_000n, max: 4_000_000_000n }), any256), 21, RANDOM);
    await parity(
      'windowOf',
      windowOf,
      [...edges, ...rows].map((t) => [t]),
    );
  });

  it('rollWindow', async () => {
    const stored = [0n, 1n, 19_000n, MAX - 1n, MAX];
    // nowWindow one before, equal, one after, two after the stored window (wrapping at the ends of uint256).
    const edges = stored.flatMap((s) =>
      [-1n, 0n, 1n, 2n].flatMap((k) => {
        const now = s + k;
        return now < 0n || now > MAX
          ? []
          : [
              [s, 7n, 11n, now],
              [s, 0n, MAX, now],
            ];
      }),
    );
    const rows = sample(
      fc.oneof(
        fc.tuple(fc.bigInt({ min: 18_000n, max: 30_000n }), amount, amount, fc.integer({ min: -1, max: 3 })).map(([s, p, c, k]) => [s, p, c, s + BigInt(k)]),
        fc.tuple(any256, any256, any256, any256).map((r) => [...r]),
      ),
      22,
      RANDOM,
    );
    await parity('rollWindow', rollWindow, [...edges, ...rows]);
  });

  const capEdges = cross([0n, 1n, 10n ** 6n, (1n << 96n) - 1n, MAX], [0n, 1n, 10n ** 6n, MAX], [0n, 1n, 2_500n, 5_000n, BPS, BPS + 1n, MAX]);
  const capRows = () =>
    sample(
      fc.oneof(
        fc.tuple(amount, amount, bps),
        // used near the cap: the `used >= cap` branch and its neighbours
        fc.tuple(amount, fc.bigInt({ min: 0n, max: BPS }), fc.integer({ min: -2, max: 2 })).map(([f, b, k]) => {
          const used = (f * b) / (BPS - b + 1n) + BigInt(k);
          return [f, used < 0n ? 0n : used, b] as const;
        }),
        fc.tuple(any256, any256, any256),
      ),
      23,
      RANDOM,
    ).map((r) => [...r]);

  it('layerCapDown', async () => {
    await parity('layerCapDown', layerCapDown, [...capEdges, ...capRows()]);
  });

  it('layerAvailableDown', async () => {
    await parity('layerAvailableDown', layerAvailableDown, [...capEdges, ...capRows()]);
  });

  it('allocateShortfall', async () => {
    const v = [0n, 1n, 10n ** 6n, MAX];
    const rows = sample(
      fc.oneof(
        fc.tuple(amount, amount, amount, amount),
        fc.tuple(amount, amount, amount, fc.constant((1n << 96n) - 1n)),
        fc.tuple(any256, any256, any256, any256),
      ),
      24,
      RANDOM,
    ).map((r) => [...r]);
    await parity('allocateShortfall', allocateShortfall, [...cross(v, v, v, v), ...rows]);
  });

  it('splitFeesSeniorDown', async () => {
    const edges = cross([0n, 1n, 9_999n, 10_000n, 10n ** 6n, (1n << 96n) - 1n, MAX], [0n, 1n, 3_000n, BPS - 1n, BPS, BPS + 1n, MAX]);
    const rows = sample(fc.oneof(fc.tuple(amount, fc.bigInt({ min: 0n, max: BPS })), fc.tuple(amount, bps), fc.tuple(any256, any256)), 25, RANDOM).map((r) => [
      ...r,
    ]);
    await parity('splitFeesSeniorDown', splitFeesSeniorDown, [...edges, ...rows]);
  });
});
