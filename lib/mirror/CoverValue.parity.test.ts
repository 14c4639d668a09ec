// Parity: the CoverValue twin (lib/mirror/CoverValue.ts) against CoverValueHarness (contracts/test/harness) on
// anvil: boundaries first (each case's switch: provable, no time left, at / one unit through / one unit short
// of the strike in both directions, touchProbability's domain edges, the payout × P overflow), then random
// covers at realistic magnitudes and random values over every magnitude — ≥ 10,000 that succeed, reverts
// included — in batches of 500 per eth_call; results and reverts must match exactly.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Contract, type CoverChain, startCoverChain } from '../../scripts/testing/coverChain';
import { modelValueDown } from './CoverValue';
import { MAX_UINT256 } from './evm';
import { MAX_DURATION, MAX_PRICE, MAX_SIGMA } from './TouchProbability';
import { DAY, WAD } from './units';

const CASES = 10_000;
const BATCH = 500;

let chain: CoverChain;
let harness: Contract;

beforeAll(async () => {
  chain = await startCoverChain();
  harness = await chain.deploy('CoverValueHarness');
});
afterAll(async () => chain?.stop());

type Row = { payout: bigint; down: boolean; spot: bigint; strike: bigint; sigma: bigint; remaining: bigint; provable: boolean };
type Outcome = { ok: boolean; value: bigint };

const attempt = (f: () => bigint): Outcome => {
  try {
    return { ok: true, value: f() };
  } catch {
    return { ok: false, value: 0n };
  }
};

async function onChain(rows: Row[]): Promise<Outcome[]> {
  const chunks: Promise<Outcome[]>[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const chunk = rows.slice(start, start + BATCH);
    chunks.push(
      chain.read<[boolean[], bigint[]]>(harness, 'modelValueBatch', [chunk]).then(([ok, out]) => ok.map((o, i) => ({ ok: o, value: o ? out[i]! : 0n }))),
    );
  }
  return (await Promise.all(chunks)).flat();
}

const magnitude = (maxExp: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxExp }), fc.bigInt({ min: 1n, max: 10n ** 18n })).map(([e, m]) => (m * 10n ** BigInt(e)) / 10n ** 18n);

/** Covers as the market sells them: payout < 2^96, strike within ×4 of an 8-decimal spot, σ 1–1,000 %, ≤ 90 days left. */
const realistic: fc.Arbitrary<Row> = fc
  .record({
    payout: fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: (1n << 96n) - 1n })),
    down: fc.boolean(),
    spot: fc.bigInt({ min: 10n ** 6n, max: 10n ** 14n }),
    distanceBps: fc.oneof({ arbitrary: fc.bigInt({ min: 1n, max: 7_500n }), weight: 5 }, { arbitrary: fc.bigInt({ min: -2_000n, max: 0n }), weight: 1 }),
    sigma: fc.bigInt({ min: WAD / 100n, max: 10n * WAD }),
    remaining: fc.oneof({ arbitrary: fc.bigInt({ min: 0n, max: 90n * DAY }), weight: 5 }, { arbitrary: fc.bigInt({ min: 0n, max: 3_600n }), weight: 1 }),
    provable: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  })
  .map(({ distanceBps, ...r }) => ({
    ...r,
    // A positive distance puts the strike on the cover's side of spot; a negative one through it.
    strike: r.down ? (r.spot * (10_000n - distanceBps)) / 10_000n : (r.spot * (10_000n + distanceBps)) / 10_000n,
  }));

/** Anything the ABI can carry: every magnitude up to uint256 (domain reverts, overflow). */
const wild: fc.Arbitrary<Row> = fc.record({
  payout: fc.oneof(magnitude(77), fc.constant(MAX_UINT256)),
  down: fc.boolean(),
  spot: fc.oneof(magnitude(40), fc.constant(0n)),
  strike: fc.oneof(magnitude(40), fc.constant(0n)),
  sigma: fc.oneof(magnitude(21), fc.constant(0n)),
  remaining: fc.oneof(magnitude(12), fc.constant(0n)),
  provable: fc.boolean(),
});

function edges(): Row[] {
  const base: Row = {
    payout: 10_000n * 10n ** 6n,
    down: true,
    spot: 3_000n * 10n ** 8n,
    strike: 2_700n * 10n ** 8n,
    sigma: (8n * WAD) / 10n,
    remaining: 7n * DAY,
    provable: false,
  };
  const rows: Row[] = [];
  for (const down of [true, false]) {
    const strike = down ? base.strike : 3_300n * 10n ** 8n;
    const b = { ...base, down, strike };
    const toward = down ? -1n : 1n; // one feed unit further from spot
    rows.push(
      b,
      { ...b, provable: true },
      { ...b, provable: true, remaining: 0n, sigma: MAX_SIGMA + 1n },
      { ...b, remaining: 0n },
      { ...b, remaining: 1n },
      { ...b, remaining: MAX_DURATION },
      { ...b, remaining: MAX_DURATION + 1n },
      { ...b, spot: strike },
      { ...b, spot: strike - toward },
      { ...b, spot: strike + toward },
      { ...b, sigma: 0n },
      { ...b, sigma: MAX_SIGMA },
      { ...b, sigma: MAX_SIGMA + 1n },
      { ...b, spot: 0n },
      { ...b, strike: 0n },
      { ...b, spot: MAX_PRICE, strike: MAX_PRICE - 1n },
      { ...b, spot: MAX_PRICE + 1n, strike: MAX_PRICE },
      { ...b, payout: 0n },
      { ...b, payout: MAX_UINT256 },
      { ...b, payout: MAX_UINT256, provable: true },
      { ...b, payout: MAX_UINT256 / WAD },
      { ...b, payout: (1n << 96n) - 1n, sigma: 10n * WAD, remaining: 90n * DAY },
    );
  }
  return rows;
}

describe('CoverValue twin == CoverValueHarness on anvil', () => {
  it('modelValueDown', async () => {
    const rows: Row[] = [...edges(), ...fc.sample(realistic, { numRuns: CASES, seed: 181 }), ...fc.sample(wild, { numRuns: 2_000, seed: 182 })];
    const out = await onChain(rows);
    const mismatches: string[] = [];
    let inside = 0;
    out.forEach((c, i) => {
      const r = rows[i]!;
      const t = attempt(() => modelValueDown(r.payout, r.down, r.spot, r.strike, r.sigma, r.remaining, r.provable));
      if (c.ok !== t.ok || c.value !== t.value) {
        mismatches.push(
          `${JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}: chain ${c.ok ? c.value : 'revert'} twin ${t.ok ? t.value : 'throw'}`,
        );
      }
      if (c.ok && c.value > 0n && c.value < r.payout) inside += 1;
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    const ok = out.filter((c) => c.ok).length;
    expect(ok).toBeGreaterThanOrEqual(CASES);
    // The formula itself (strictly between 0 and the payout), not only its short cuts, is exercised.
    expect(inside).toBeGreaterThan(CASES / 3);
    expect(out.length - ok).toBeGreaterThan(100);
    console.log(`modelValueDown parity: ${out.length} inputs (${out.length - ok} reverts, ${inside} strictly inside (0, payout)), 0 mismatches`);
  });
});
