// Parity: the CoverPricing twins (lib/mirror/CoverPricing.ts) against CoverPricingHarness
// (contracts/test/harness) on anvil: ≥ 10,000 inputs each for markupDown, markupIntegralDown, chargedLength,
// premiumUp and quoteUp — boundaries first, then random values over every magnitude — evaluated in batches
// of 500 per eth_call; results and reverts must match exactly. The market's checks around the library:
// CoverMarket.parity.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chargedLength, premiumUp, quoteUp, markupDown, markupIntegralDown, MAX_TOTAL_ASSETS, type Pricing } from './CoverPricing';
import { DEFAULT_PRICING, startCoverChain, type Contract, type CoverChain } from '../../scripts/testing/coverChain';
import { WAD, YEAR } from '@/lib/mirror/units';

const CASES = 10_000;
const BATCH = 500;
const U64 = (1n << 64n) - 1n;

let chain: CoverChain;
let harness: Contract;

beforeAll(async () => {
  chain = await startCoverChain();
  harness = await chain.deploy('CoverPricingHarness');
});
afterAll(async () => chain?.stop());

type Outcome = { ok: boolean; value: bigint };
const attempt = (f: () => bigint): Outcome => {
  try {
    return { ok: true, value: f() };
  } catch {
    return { ok: false, value: 0n };
  }
};

/** Evaluates `functionName` on the harness over `rows`, BATCH rows per eth_call. */
async function onChain<R>(functionName: string, rows: R[], toArgs: (chunk: R[]) => unknown[]): Promise<Outcome[]> {
  const chunks: Promise<Outcome[]>[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const args = toArgs(rows.slice(start, start + BATCH));
    chunks.push(chain.read<[boolean[], bigint[]]>(harness, functionName, args).then(([ok, out]) => ok.map((o, i) => ({ ok: o, value: o ? out[i]! : 0n }))));
  }
  return (await Promise.all(chunks)).flat();
}

function compare<R>(name: string, rows: R[], chainOut: Outcome[], twin: (r: R) => bigint) {
  const mismatches: string[] = [];
  chainOut.forEach((c, i) => {
    const t = attempt(() => twin(rows[i]!));
    if (c.ok !== t.ok || c.value !== t.value) {
      mismatches.push(
        `${name}(${JSON.stringify(rows[i], (_, v) => (typeof v === 'bigint' ? v.toString() : v))}): chain ${c.ok ? c.value : 'revert'} twin ${t.ok ? t.value : 'throw'}`,
      );
    }
  });
  expect(mismatches.slice(0, 5)).toEqual([]);
  const ok = chainOut.filter((c) => c.ok).length;
  expect(ok).toBeGreaterThanOrEqual(CASES);
  console.log(`${name} parity: ${chainOut.length} inputs (${chainOut.length - ok} reverts), 0 mismatches`);
}

/** A value with a random magnitude (10^0 … 10^maxExp) and random digits: covers every scale. */
const magnitude = (maxExp: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxExp }), fc.bigInt({ min: 1n, max: 10n ** 18n })).map(([e, m]) => (m * 10n ** BigInt(e)) / 10n ** 18n);
const sample = <T>(arb: fc.Arbitrary<T>, seed: number, numRuns = CASES) => fc.sample(arb, { numRuns, seed });

/** Pricing inside the market's governance bounds (mostly) or anywhere in uint64 (the library's domain). */
const bounded: fc.Arbitrary<Pricing> = fc
  .record({
    baseMarkup: fc.bigInt({ min: WAD, max: 3n * WAD }),
    slope: fc.bigInt({ min: 0n, max: 2n * WAD }),
    extra: fc.bigInt({ min: 0n, max: 8n * WAD }),
    kink: fc.bigInt({ min: WAD / 10n, max: (95n * WAD) / 100n }),
    minRate: fc.bigInt({ min: WAD / 10_000n, max: WAD }),
  })
  .map(({ extra, ...p }) => ({ ...p, steepSlope: p.slope + extra }));
const anyU64 = fc.oneof(
  fc.bigInt({ min: 0n, max: U64 }),
  magnitude(19).filter((v) => v <= U64),
);
const wild: fc.Arbitrary<Pricing> = fc.record({ baseMarkup: anyU64, slope: anyU64, steepSlope: anyU64, kink: anyU64, minRate: anyU64 });
const pricing = fc.oneof({ arbitrary: bounded, weight: 4 }, { arbitrary: wild, weight: 1 });

describe('cover pricing twins == CoverPricingHarness on anvil', () => {
  it('markupDown', async () => {
    type Row = [bigint, Pricing];
    const edges: Row[] = [0n, DEFAULT_PRICING.kink, DEFAULT_PRICING.kink + 1n, WAD, MAX_TOTAL_ASSETS, MAX_TOTAL_ASSETS + 1n, (1n << 256n) - 1n].map((u) => [
      u,
      DEFAULT_PRICING,
    ]);
    const rows: Row[] = [
      ...edges,
      ...sample(fc.tuple(fc.oneof(fc.bigInt({ min: 0n, max: 2n * WAD }), magnitude(30)), pricing), 21),
      ...sample(fc.tuple(magnitude(77), wild), 22, 500),
    ];
    const out = await onChain('markupDownBatch', rows, (c) => [c.map((r) => r[0]), c.map((r) => r[1])]);
    compare('markupDown', rows, out, ([u, p]) => markupDown(u, p));
  });

  it('markupIntegralDown', async () => {
    type Row = [bigint, bigint, Pricing];
    const ta = fc.oneof(
      fc.bigInt({ min: 1n, max: 10n ** 16n }),
      magnitude(29).map((v) => v + 1n),
      fc.constant(MAX_TOTAL_ASSETS),
    );
    const inside = fc.tuple(ta, fc.bigInt({ min: 0n, max: WAD }), pricing).map(([t, f, p]) => [(t * f) / WAD, t, p] as Row);
    const edges: Row[] = [
      [0n, 1n, DEFAULT_PRICING],
      [1n, 1n, DEFAULT_PRICING],
      [MAX_TOTAL_ASSETS, MAX_TOTAL_ASSETS, { baseMarkup: U64, slope: U64, steepSlope: U64, kink: U64, minRate: U64 }],
      [MAX_TOTAL_ASSETS, MAX_TOTAL_ASSETS, { baseMarkup: U64, slope: U64, steepSlope: U64, kink: 0n, minRate: U64 }],
      [0n, 0n, DEFAULT_PRICING],
      [2n, 1n, DEFAULT_PRICING],
      [MAX_TOTAL_ASSETS + 1n, MAX_TOTAL_ASSETS + 1n, DEFAULT_PRICING],
    ];
    const rows: Row[] = [...edges, ...sample(inside, 31), ...sample(fc.tuple(magnitude(30), magnitude(30), wild), 32, 500)];
    const out = await onChain('markupIntegralBatch', rows, (c) => [c.map((r) => r[0]), c.map((r) => r[1]), c.map((r) => r[2])]);
    compare('markupIntegralDown', rows, out, ([x, t, p]) => markupIntegralDown(x, t, p));
  });

  it('chargedLength', async () => {
    type Row = [bigint, bigint, bigint];
    const DAY = 86_400n;
    const MAXD = 100n * YEAR;
    const edges: Row[] = [
      [0n, 0n, 0n],
      [1_700_006_400n, 3_600n, 3_600n],
      [1_700_006_399n, 3_600n, 3_600n],
      [1_700_006_400n - 7_201n, 3_600n, 3_600n],
      [2n * MAXD, MAXD, MAXD],
      [2n * MAXD + 1n, 0n, 0n],
      [0n, MAXD + 1n, 0n],
      [0n, 0n, MAXD + 1n],
    ];
    const near = fc
      .tuple(fc.bigInt({ min: 1_600_000_000n, max: 2_100_000_000n }), fc.bigInt({ min: 0n, max: 400n * DAY }), fc.bigInt({ min: 0n, max: 14n * DAY }))
      .map((r) => r as Row);
    const boundary = fc
      .tuple(
        fc.bigInt({ min: 18_000n, max: 25_000n }),
        fc.bigInt({ min: -3n, max: 3n }),
        fc.bigInt({ min: 3_600n, max: 30n * DAY }),
        fc.bigInt({ min: 3_600n, max: 2n * DAY }),
      )
      .map(([day, off, d, g]) => [day * DAY + off - d - g, d, g] as Row); // end + grace next to a day boundary
    const rows: Row[] = [
      ...edges,
      ...sample(near, 71, 6_000),
      ...sample(boundary, 72, 4_500),
      ...sample(
        fc.tuple(magnitude(12), magnitude(11), magnitude(11)).map((r) => r as Row),
        73,
        500,
      ),
    ];
    const out = await onChain('chargedLengthBatch', rows, (c) => [c.map((r) => r[0]), c.map((r) => r[1]), c.map((r) => r[2])]);
    compare('chargedLength', rows, out, ([n, d, g]) => chargedLength(n, d, g));
  });

  it('premiumUp', async () => {
    type Row = { payout: bigint; pTouch: bigint; locked: bigint; totalAssets: bigint; length: bigint; pricing: Pricing };
    const inside = fc
      .tuple(
        fc.oneof(
          fc.bigInt({ min: 1n, max: 10n ** 15n }),
          magnitude(28).map((v) => v + 1n),
          fc.constant(MAX_TOTAL_ASSETS),
        ),
        fc.bigInt({ min: 0n, max: WAD }),
        fc.bigInt({ min: 1n, max: WAD }),
        fc.oneof(fc.bigInt({ min: 0n, max: WAD }), fc.constantFrom(0n, 1n, WAD / 2n, WAD)),
        fc.oneof(fc.bigInt({ min: 0n, max: YEAR }), fc.bigInt({ min: 0n, max: 100n * YEAR })),
        pricing,
      )
      .map(([ta, lockedFrac, payoutFrac, pTouch, length, p]) => {
        const locked = (ta * lockedFrac) / WAD;
        const room = ta - locked;
        const payout = room === 0n ? 1n : 1n + ((room - 1n) * payoutFrac) / WAD;
        return { payout, pTouch, locked, totalAssets: ta, length, pricing: p };
      });
    const outside = fc.record({
      payout: magnitude(30),
      pTouch: magnitude(19),
      locked: magnitude(30),
      totalAssets: magnitude(30),
      length: magnitude(10),
      pricing: wild,
    });
    const edges: Row[] = [
      { payout: 1n, pTouch: 0n, locked: 0n, totalAssets: 1n, length: 0n, pricing: DEFAULT_PRICING },
      {
        payout: MAX_TOTAL_ASSETS,
        pTouch: WAD,
        locked: 0n,
        totalAssets: MAX_TOTAL_ASSETS,
        length: 100n * YEAR,
        pricing: { baseMarkup: U64, slope: U64, steepSlope: U64, kink: U64, minRate: U64 },
      },
      {
        payout: MAX_TOTAL_ASSETS,
        pTouch: 0n,
        locked: 0n,
        totalAssets: MAX_TOTAL_ASSETS,
        length: 100n * YEAR,
        pricing: { baseMarkup: U64, slope: U64, steepSlope: U64, kink: 0n, minRate: U64 },
      },
      { payout: 0n, pTouch: 1n, locked: 0n, totalAssets: 10n, length: 1n, pricing: DEFAULT_PRICING },
      { payout: 1n, pTouch: WAD + 1n, locked: 0n, totalAssets: 10n, length: 1n, pricing: DEFAULT_PRICING },
      { payout: 6n, pTouch: 1n, locked: 5n, totalAssets: 10n, length: 1n, pricing: DEFAULT_PRICING },
      { payout: 1n, pTouch: 1n, locked: 0n, totalAssets: 10n, length: 100n * YEAR + 1n, pricing: DEFAULT_PRICING },
      { payout: 1n, pTouch: 1n, locked: 0n, totalAssets: MAX_TOTAL_ASSETS + 1n, length: 1n, pricing: DEFAULT_PRICING },
    ];
    const rows: Row[] = [...edges, ...sample(inside, 41), ...sample(outside, 42, 500)];
    const out = await onChain('premiumBatch', rows, (c) => [c]);
    compare('premiumUp', rows, out, (r) => premiumUp(r.payout, r.pTouch, r.locked, r.totalAssets, r.length, r.pricing));
  });

  it('quoteUp (touchProbability + premiumUp)', async () => {
    type Row = {
      spot: bigint;
      strike: bigint;
      sigma: bigint;
      duration: bigint;
      length: bigint;
      payout: bigint;
      locked: bigint;
      totalAssets: bigint;
      pricing: Pricing;
    };
    const price = fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 12n }), magnitude(39));
    const near = fc
      .tuple(fc.bigInt({ min: 10n ** 6n, max: 10n ** 26n }), fc.bigInt({ min: 10n ** 15n, max: 95n * 10n ** 16n }), fc.boolean())
      .map(([s, d, up]) => [s, up ? s + (s * d) / WAD : s - (s * d) / WAD] as const);
    const inside = fc
      .tuple(
        fc.oneof({ arbitrary: near, weight: 4 }, { arbitrary: fc.tuple(price, price).map(([a, b]) => [a + 1n, b + 1n] as const), weight: 1 }),
        fc.oneof(fc.bigInt({ min: 5n * 10n ** 16n, max: 3n * WAD }), fc.bigInt({ min: 0n, max: 100n * WAD })),
        fc.oneof(fc.bigInt({ min: 3_600n, max: YEAR }), fc.bigInt({ min: 0n, max: 100n * YEAR })),
        fc.oneof(
          fc.bigInt({ min: 10n ** 6n, max: 10n ** 16n }),
          magnitude(28).map((v) => v + 1n),
        ),
        fc.bigInt({ min: 0n, max: WAD }),
        fc.bigInt({ min: 1n, max: WAD }),
        pricing,
        fc.oneof(fc.bigInt({ min: 2n * 86_400n, max: 400n * 86_400n }), fc.bigInt({ min: 0n, max: 100n * YEAR + 10n })),
      )
      .map(([[spot, strike], sigma, duration, ta, lf, pf, p, length]) => {
        const locked = (ta * lf) / WAD;
        const room = ta - locked;
        const payout = room === 0n ? 1n : 1n + ((room - 1n) * pf) / WAD;
        return { spot, strike, sigma, duration, length, payout, locked, totalAssets: ta, pricing: p };
      });
    const outside = fc.record({
      spot: magnitude(40),
      strike: magnitude(40),
      sigma: magnitude(21),
      duration: magnitude(11),
      length: magnitude(11),
      payout: magnitude(30),
      locked: magnitude(30),
      totalAssets: magnitude(30),
      pricing: wild,
    });
    const rows: Row[] = [...sample(inside, 51, CASES + 500), ...sample(outside, 52, 500)];
    const out = await onChain('quoteUpBatch', rows, (c) => [c]);
    compare('quoteUp', rows, out, (r) => quoteUp(r.spot, r.strike, r.sigma, r.duration, r.length, r.payout, r.locked, r.totalAssets, r.pricing));
  });
});
