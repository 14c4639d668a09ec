// Parity: every PerpMath twin (PerpMath.ts) against PerpMathHarness on anvil. Per function: the boundary grid
// first (zero, one, each domain bound and one past it, both sides, fractions at 0 / 1 / past 1), then random
// inputs across all magnitudes and around the live market (ETH at 10²–10⁵ USD on an 8-decimal feed, USDC),
// with the liquidation price probed at ±1 feed unit. ≥ 10,000 answering inputs per function, reverts on top;
// answers and revert reasons must match exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkParity, cross, magnitude, sample, startHarness, type HarnessChain } from '../../scripts/testing/parity';
import {
  belowMarginFraction,
  BPS,
  closeOut,
  INDEX_SCALE,
  liquidationPrice,
  marginFractionUp,
  MAX_AMOUNT,
  MAX_HORIZON,
  MAX_INDEX,
  MAX_K,
  MAX_MARGIN,
  MAX_PRICE,
  MAX_SCALE,
  MAX_SIGMA,
  MAX_SIZE,
  mulBpsDown,
  mulBpsUp,
  notionalDown,
  notionalUp,
  partialCloseSizeUp,
  partialTargetFractionUp,
  pnlDown,
  socialLoss,
  socialLossChargeDown,
  splitUnraised,
  WAD,
} from './PerpMath';

const ANSWERS = 10_000;
const RANDOM = 13_000;
const USDC_SCALE = 10n ** 20n;

type Arg = bigint | boolean;
let h: HarnessChain;
beforeAll(async () => {
  h = await startHarness('PerpMathHarness');
});
afterAll(async () => h?.anvil.stop());

/** Runs `name` on chain and the twin on every row; identical answers and reverts, ≥ ANSWERS answers. */
async function parity(name: string, twin: (...args: never[]) => unknown, rows: readonly Arg[][]) {
  await checkParity<Arg>(h, name, twin as (...a: Arg[]) => unknown, rows, ANSWERS);
}

// ------------------------------------------------------------------ generators

const around = (v: bigint) => [v - 1n, v, v + 1n].filter((x) => x >= 0n);
const size = fc.oneof(magnitude(29), fc.bigInt({ min: 10n ** 15n, max: 10n ** 22n }));
const sizeIn = fc.bigInt({ min: 10n ** 15n, max: 10n ** 23n });
const price = fc.oneof({ weight: 9, arbitrary: fc.bigInt({ min: 10n ** 10n, max: 10n ** 13n }) }, { weight: 1, arbitrary: magnitude(20) });
const priceIn = fc.bigInt({ min: 10n ** 10n, max: 10n ** 13n });
const scale = fc.oneof(
  { weight: 6, arbitrary: fc.constant(USDC_SCALE) },
  { weight: 2, arbitrary: fc.constantFrom(1n, 10n ** 12n, 10n ** 18n, MAX_SCALE) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: MAX_SCALE + 10n }) },
);
const fraction = fc.oneof(
  { weight: 8, arbitrary: fc.bigInt({ min: 0n, max: WAD }) },
  { weight: 1, arbitrary: fc.constantFrom(0n, 1n, WAD - 1n, WAD, WAD + 1n) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 20n }) },
);
const liveFraction = fc.bigInt({ min: 10n ** 16n, max: 5n * 10n ** 17n });
const signedMargin = fc.oneof(
  { weight: 6, arbitrary: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 13n }) },
  { weight: 2, arbitrary: fc.tuple(magnitude(29), fc.boolean()).map(([m, neg]) => (neg ? -m : m)) },
  { weight: 1, arbitrary: fc.constantFrom(MAX_MARGIN, MAX_MARGIN + 1n, -MAX_MARGIN, -MAX_MARGIN - 1n, 0n, -1n) },
);
const bps = fc.oneof(fc.bigInt({ min: 0n, max: BPS }), fc.constantFrom(0n, 1n, BPS, BPS + 1n));
const amount = fc.oneof(magnitude(39), fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.constantFrom(0n, 1n, MAX_AMOUNT, MAX_AMOUNT + 1n));
const side = fc.boolean();

const sizeEdges = [0n, 1n, 10n ** 18n, MAX_SIZE, MAX_SIZE + 1n];
const priceEdges = [0n, 1n, 3_000n * 10n ** 8n, MAX_PRICE, MAX_PRICE + 1n];
const scaleEdges = [0n, 1n, USDC_SCALE, MAX_SCALE, MAX_SCALE + 1n];

describe('PerpMath twins == PerpMathHarness on anvil', () => {
  it('marginFractionUp', async () => {
    const edges = cross(
      [0n, 1n, WAD / 10n, (8n * WAD) / 10n, MAX_SIGMA, MAX_SIGMA + 1n],
      [0n, WAD, 3n * WAD, MAX_K, MAX_K + 1n],
      [0n, 1n, 3_600n, 86_400n, MAX_HORIZON, MAX_HORIZON + 1n],
      [0n, WAD / 20n, WAD, WAD + 1n],
    );
    const rows = sample(
      fc.oneof(
        fc.tuple(
          fc.bigInt({ min: 10n ** 16n, max: 3n * WAD }),
          fc.bigInt({ min: WAD / 2n, max: 10n * WAD }),
          fc.bigInt({ min: 3_600n, max: 7n * 86_400n }),
          fc.bigInt({ min: WAD / 50n, max: WAD / 2n }),
        ),
        fc.tuple(fc.bigInt({ min: 0n, max: MAX_SIGMA + 1n }), fc.bigInt({ min: 0n, max: MAX_K + 1n }), fc.bigInt({ min: 0n, max: MAX_HORIZON + 1n }), fraction),
      ),
      41,
      RANDOM,
    );
    await parity('marginFractionUp', marginFractionUp, [...edges, ...rows]);
  });

  it('mulBpsUp and mulBpsDown', async () => {
    const edges = cross([0n, 1n, 9_999n, 10_000n, WAD, MAX_AMOUNT, MAX_AMOUNT + 1n], [0n, 1n, 5n, 5_000n, BPS, BPS + 1n]);
    const rows = sample(fc.tuple(amount, bps), 42, RANDOM);
    await parity('mulBpsUp', mulBpsUp, [...edges, ...rows]);
    await parity('mulBpsDown', mulBpsDown, [...edges, ...rows]);
  });

  it('partialTargetFractionUp', async () => {
    const edges = cross([0n, 1n, WAD - 1n, WAD, WAD + 1n], [0n, 1n, WAD - 1n, WAD, WAD + 1n]);
    const rows = sample(fc.tuple(fraction, fraction), 43, RANDOM);
    await parity('partialTargetFractionUp', partialTargetFractionUp, [...edges, ...rows]);
  });

  it('notionalUp and notionalDown', async () => {
    const edges = cross(sizeEdges, priceEdges, scaleEdges);
    const rows = sample(fc.tuple(size, price, scale), 44, RANDOM);
    await parity('notionalUp', notionalUp, [...edges, ...rows]);
    await parity('notionalDown', notionalDown, [...edges, ...rows]);
  });

  it('pnlDown', async () => {
    const edges = cross([true, false] as never[], sizeEdges, priceEdges, priceEdges, scaleEdges) as Arg[][];
    const rows = sample(fc.tuple(side, size, price, price, scale), 45, RANDOM);
    await parity('pnlDown', pnlDown, [...edges, ...rows]);
  });

  it('belowMarginFraction (random, and ±1 feed unit around the liquidation price)', async () => {
    const edges = cross(
      [true, false] as never[],
      [0n, 1n, MAX_SIZE, MAX_SIZE + 1n],
      [1n, MAX_PRICE, MAX_PRICE + 1n],
      [0n, -1n, MAX_MARGIN, -MAX_MARGIN - 1n],
      [1n, MAX_PRICE],
      [0n, WAD, WAD + 1n],
      [USDC_SCALE, 0n],
    ) as Arg[][];
    const random = sample(fc.tuple(side, size, price, signedMargin, price, fraction, scale), 46, RANDOM);
    // The boundary that matters: the price at which a live position first liquidates, and one unit either side.
    const live = sample(fc.tuple(side, sizeIn, priceIn, fc.bigInt({ min: 1n, max: 10n ** 12n }), liveFraction), 47, 2_000).flatMap(
      ([isLong, s, entry, margin, f]) => {
        const l = liquidationPrice(isLong, s, entry, margin, f, USDC_SCALE);
        return around(l)
          .filter((p) => p > 0n && p <= MAX_PRICE)
          .map((p) => [isLong, s, entry, margin, p, f, USDC_SCALE] as Arg[]);
      },
    );
    await parity('belowMarginFraction', belowMarginFraction, [...edges, ...random, ...live]);
    // And the closed form is the boundary: liquidatable at the liquidation price, not one feed unit on the safe side.
    let probed = 0;
    for (const [isLong, s, entry, margin, f] of sample(fc.tuple(side, sizeIn, priceIn, fc.bigInt({ min: 1n, max: 10n ** 12n }), liveFraction), 47, 2_000)) {
      const l = liquidationPrice(isLong, s, entry, margin, f, USDC_SCALE);
      const safe = isLong ? l + 1n : l - 1n;
      if (l < 1n || l > MAX_PRICE || safe < 1n || safe > MAX_PRICE) continue;
      expect(belowMarginFraction(isLong, s, entry, margin, l, f, USDC_SCALE)).toBe(true);
      expect(belowMarginFraction(isLong, s, entry, margin, safe, f, USDC_SCALE)).toBe(false);
      probed++;
    }
    expect(probed).toBeGreaterThan(1_000);
  });

  it('liquidationPrice', async () => {
    const edges = cross(
      [true, false] as never[],
      [0n, 1n, 10n ** 18n, MAX_SIZE, MAX_SIZE + 1n],
      [1n, 3_000n * 10n ** 8n, MAX_PRICE, MAX_PRICE + 1n],
      [0n, -1n, 10n ** 9n, MAX_MARGIN, -MAX_MARGIN, MAX_MARGIN + 1n],
      [0n, WAD - 1n, WAD, WAD + 1n],
      [USDC_SCALE, 0n],
    ) as Arg[][];
    const rows = sample(
      fc.oneof(
        fc.tuple(side, sizeIn, priceIn, signedMargin, liveFraction, fc.constant(USDC_SCALE)),
        fc.tuple(side, size, price, signedMargin, fraction, scale),
      ),
      48,
      RANDOM,
    );
    await parity('liquidationPrice', liquidationPrice, [...edges, ...rows]);
  });

  it('partialCloseSizeUp', async () => {
    const edges = cross(
      [true, false] as never[],
      [0n, 1n, 10n ** 19n, MAX_SIZE + 1n],
      [1n, 3_000n * 10n ** 8n, MAX_PRICE + 1n],
      [0n, -1n, 10n ** 9n, MAX_MARGIN + 1n],
      [0n, 1n, 2_900n * 10n ** 8n],
      [0n, 10n ** 16n, 5n * 10n ** 16n, WAD, WAD + 1n],
      [0n, 25n, 60n, BPS, BPS + 1n],
      [USDC_SCALE],
    ) as Arg[][];
    // Live: positions just past their liquidation price (where the venue calls it), and random ones.
    const live = sample(
      fc.tuple(
        side,
        sizeIn,
        priceIn,
        fc.bigInt({ min: 10n ** 6n, max: 10n ** 12n }),
        liveFraction,
        fc.bigInt({ min: 0n, max: 500n }),
        fc.bigInt({ min: 0n, max: 60n }),
      ),
      49,
      8_000,
    ).map(([isLong, s, entry, margin, f, depth, fee]) => {
      const l = liquidationPrice(isLong, s, entry, margin, f, USDC_SCALE);
      const p = isLong ? (l > depth ? l - depth : 1n) : l + depth;
      return [isLong, s, entry, margin, p, partialTargetFractionUp(f * 2n > WAD ? WAD : f * 2n, f), fee, USDC_SCALE] as Arg[];
    });
    const random = sample(fc.tuple(side, size, price, signedMargin, price, fraction, bps, scale), 50, 8_000);
    await parity('partialCloseSizeUp', partialCloseSizeUp, [...edges, ...live, ...random]);
  });

  it('closeOut', async () => {
    const signedAmount = fc.oneof(
      fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
      fc.constantFrom(-MAX_AMOUNT - 1n, -MAX_AMOUNT, -1n, 0n, 1n, MAX_AMOUNT, MAX_AMOUNT + 1n),
    );
    const edges = cross(
      [-MAX_AMOUNT - 1n, -MAX_AMOUNT, -1n, 0n, 1n, 100n, MAX_AMOUNT, MAX_AMOUNT + 1n],
      [0n, 1n, 50n, 100n, MAX_AMOUNT, MAX_AMOUNT + 1n],
      [0n, 1n, 50n, 100n, MAX_AMOUNT, MAX_AMOUNT + 1n],
    );
    const rows = sample(fc.tuple(signedAmount, amount, amount), 51, 15_000);
    await parity('closeOut', closeOut, [...edges, ...rows]);
  });

  it('socialLoss', async () => {
    const edges = cross([0n, 1n, 10n ** 6n, MAX_AMOUNT, MAX_AMOUNT + 1n], [0n, 1n, 3n, 10n ** 18n, MAX_SIZE, MAX_SIZE + 1n]);
    const rows = sample(fc.tuple(amount, fc.oneof(size, fc.bigInt({ min: 1n, max: 10n ** 24n }))), 52, RANDOM);
    await parity('socialLoss', socialLoss, [...edges, ...rows]);
  });

  it('socialLossChargeDown', async () => {
    const index = fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.bigInt({ min: 0n, max: MAX_INDEX + 1n }));
    const edges = cross([0n, 1n, 10n ** 18n, MAX_SIZE, MAX_SIZE + 1n], [0n, 1n, INDEX_SCALE, MAX_INDEX, MAX_INDEX + 1n], [0n, 1n, INDEX_SCALE, MAX_INDEX]);
    const rows = sample(
      // Mostly a snapshot at or below the index (how the venue calls it), sometimes above it (a revert).
      fc
        .tuple(size, index, fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 9 }))
        .map(([s, i, back, roll]) => [s, i, roll > 0 ? i - (back > i ? i : back) : back]),
      53,
      RANDOM,
    );
    await parity('socialLossChargeDown', socialLossChargeDown, [...edges, ...rows]);
  });

  it('splitUnraised', async () => {
    const edges = cross([0n, 1n, 10n ** 6n, MAX_AMOUNT, MAX_AMOUNT + 1n], [0n, 1n, 10n ** 6n, MAX_AMOUNT, MAX_AMOUNT + 1n], [0n, 1n, 10n ** 6n, MAX_AMOUNT]);
    const rows = sample(
      fc
        .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 1_000 }))
        .map(([l, s, permille]) => [((l + s) * BigInt(permille)) / 1_000n + (permille === 1_000 ? 1n : 0n), l, s]),
      54,
      RANDOM,
    );
    await parity('splitUnraised', splitUnraised, [...edges, ...rows]);
  });
});
