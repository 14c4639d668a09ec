// Parity: every AuctionMath twin (auctionMath.ts) against AuctionMathHarness on anvil. Per function: the
// boundary grid first (floor ≥ start, before the start, the last second and the end of the decay, zero
// prices, mint caps that bind by one unit, uint256 overflow edges), then ≥ 2,000 random inputs across all
// magnitudes; answers and revert reasons must match exactly. The rolling mint budget (`mintBudgetDown`, issue 13
// item 4) is new: ≥ 10,000 answers plus its reverts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkParity, cross, magnitude, sample, startHarness, type HarnessChain } from '../../scripts/testing/parity';
import { auctionPriceUp, BKS_UNIT, bksOutDown, dilutionWadDown, mintBudgetDown, mintCapDown, quoteBuyBksDownPaidUp, stableInUp } from './AuctionMath';
import { MAX_UINT256 } from './evm';

const CASES = 2_000;
// Overflow paths revert on purpose, so more random inputs than the 2,000 required answers.
const RANDOM = 4_000;
const MAX = MAX_UINT256;

let h: HarnessChain;
beforeAll(async () => {
  h = await startHarness('AuctionMathHarness');
});
afterAll(async () => h?.anvil.stop());

const parity = (name: string, twin: (...args: bigint[]) => unknown, rows: bigint[][]) => checkParity(h, name, twin, rows, CASES);
const any256 = fc.oneof(magnitude(77), fc.bigInt({ min: 0n, max: MAX }));
/** A price in stablecoin base units per whole BKS (0.000001 … 10^12 USDC). */
const price = fc.oneof(
  fc.bigInt({ min: 1n, max: 10n ** 8n }),
  magnitude(18).map((p) => p + 1n),
);
const stable = fc.oneof(magnitude(29), fc.bigInt({ min: 0n, max: 10n ** 9n }));
const bks = fc.oneof(magnitude(36), fc.bigInt({ min: 0n, max: 10n ** 24n }));

describe('AuctionMath twins == AuctionMathHarness on anvil', () => {
  it('auctionPriceUp', async () => {
    const t0 = 1_700_000_000n;
    const edges = [
      ...cross(
        [2_000_000n, 500_000n, 1n, MAX],
        [500_000n, 2_000_000n, 0n, MAX],
        [t0],
        [0n, 1n, 86_400n, MAX],
        [t0 - 1n, t0, t0 + 1n, t0 + 86_399n, t0 + 86_400n, t0 + 86_401n, MAX],
      ),
      [MAX, 0n, 0n, MAX, MAX - 1n], // the largest decay, one second before its end
      [MAX, 0n, 0n, MAX, 1n],
    ];
    const rows = sample(
      fc.oneof(
        fc
          .tuple(
            price,
            price,
            fc.bigInt({ min: 1_600_000_000n, max: 2_000_000_000n }),
            fc.bigInt({ min: 0n, max: 30n * 86_400n }),
            fc.bigInt({ min: -3_600n, max: 40n * 86_400n }),
          )
          .map(([a, b, s, d, e]) => [a > b ? a : b, a > b ? b : a, s, d, s + e]),
        fc.tuple(price, price, magnitude(10), magnitude(8), magnitude(10)).map((r) => [...r]),
        fc.tuple(any256, any256, any256, any256, any256).map((r) => [...r]),
      ),
      31,
      RANDOM,
    );
    await parity('auctionPriceUp', auctionPriceUp, [...edges, ...rows]);
  });

  it('mintCapDown', async () => {
    const edges = cross([0n, 1n, 10n ** 26n, MAX / 10_000n, MAX], [0n, 1n, 500n, 10_000n, 10_001n, MAX]);
    const rows = sample(fc.oneof(fc.tuple(bks, fc.bigInt({ min: 0n, max: 10_000n })), fc.tuple(any256, any256)), 32, RANDOM).map((r) => [...r]);
    await parity('mintCapDown', mintCapDown, [...edges, ...rows]);
  });

  it('mintBudgetDown (≥ 10,000 answers)', async () => {
    const supplies = [0n, 1n, 9_999n, 10_000n, 10n ** 26n, MAX / 10_000n, MAX / 2_000n + 1n, MAX];
    const edges = [
      ...cross(supplies, [0n, 1n, 10n ** 24n, MAX], [0n, 1n, 500n, 2_000n, 10_000n, 10_001n, MAX]),
      // used exactly at the cap, one below and one above: cap = floor((S − used) × 500 / 10000)
      ...[-1n, 0n, 1n].map((d) => [10_500n * 10n ** 18n, 500n * 10n ** 18n + d, 500n]),
      [10n ** 26n + 5n * 10n ** 24n, 5n * 10n ** 24n, 500n], // spent to the unit
      [10n ** 26n + 5n * 10n ** 24n - 1n, 5n * 10n ** 24n - 1n, 500n],
      [1n, 2n, 500n], // used > supply: Panic(0x11)
    ];
    // Realistic states: supply ≥ used, used around the cap; then anything (used > supply reverts).
    const state = fc
      .tuple(bks, fc.bigInt({ min: 0n, max: 2_500n }), fc.bigInt({ min: 1n, max: 2_000n }), fc.integer({ min: -3, max: 3 }))
      .map(([base, usedBps, bps, jitter]) => {
        const used = (base * usedBps) / 10_000n + BigInt(jitter) < 0n ? 0n : (base * usedBps) / 10_000n + BigInt(jitter);
        return [base + used, used, bps] as const;
      });
    const rows = sample(
      fc.oneof(
        { weight: 8, arbitrary: state },
        { weight: 1, arbitrary: fc.tuple(any256, any256, any256) },
        { weight: 1, arbitrary: fc.tuple(any256, any256, fc.bigInt({ min: 0n, max: 10_000n })) },
      ),
      37,
      12_000,
    ).map((r) => [...r]);
    const tally = await checkParity(h, 'mintBudgetDown', mintBudgetDown, [...edges, ...rows], 10_000);
    expect(tally.reverts).toBeGreaterThan(100);
  });

  it('bksOutDown', async () => {
    const edges = cross([0n, 1n, 10n ** 6n, MAX / BKS_UNIT, MAX / BKS_UNIT + 1n, MAX], [0n, 1n, 500_000n, 2_000_000n, BKS_UNIT, MAX]);
    const rows = sample(fc.oneof(fc.tuple(stable, price), fc.tuple(any256, any256)), 33, RANDOM).map((r) => [...r]);
    await parity('bksOutDown', bksOutDown, [...edges, ...rows]);
  });

  it('stableInUp', async () => {
    const edges = cross([0n, 1n, BKS_UNIT - 1n, BKS_UNIT, MAX], [0n, 1n, 500_000n, BKS_UNIT, MAX]);
    const rows = sample(fc.oneof(fc.tuple(bks, price), fc.tuple(any256, any256)), 34, RANDOM).map((r) => [...r]);
    await parity('stableInUp', stableInUp, [...edges, ...rows]);
  });

  it('quoteBuyBksDownPaidUp', async () => {
    const edges = [
      ...cross([0n, 1n, 10n ** 6n, MAX], [0n, 1n, 500_000n, MAX], [0n, 1n, 10n ** 6n, MAX], [0n, 1n, 2n * BKS_UNIT, MAX]),
      // the mint cap binds by exactly one base unit of BKS
      [10n ** 6n, 10n ** 6n, 10n ** 6n, BKS_UNIT - 1n],
      [10n ** 6n, 10n ** 6n, 10n ** 6n, BKS_UNIT],
    ];
    const rows = sample(
      fc.oneof(
        fc.tuple(stable, price, stable, bks),
        // mint cap close to what the payment buys
        fc.tuple(stable, price, fc.integer({ min: -2, max: 2 })).map(([s, p, k]) => {
          const out = (s * BKS_UNIT) / p + BigInt(k);
          return [s, p, s, out < 0n ? 0n : out] as const;
        }),
        fc.tuple(any256, any256, any256, any256),
      ),
      35,
      RANDOM,
    ).map((r) => [...r]);
    await parity('quoteBuyBksDownPaidUp', quoteBuyBksDownPaidUp, [...edges, ...rows]);
  });

  it('dilutionWadDown', async () => {
    const edges = cross([0n, 1n, 10n ** 24n, MAX / BKS_UNIT + 1n, MAX], [0n, 1n, 10n ** 26n, MAX]);
    const rows = sample(fc.oneof(fc.tuple(bks, bks), fc.tuple(any256, any256)), 36, RANDOM).map((r) => [...r]);
    await parity('dilutionWadDown', dilutionWadDown, [...edges, ...rows]);
  });
});
