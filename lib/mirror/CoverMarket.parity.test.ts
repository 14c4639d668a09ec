// Parity: the CoverMarket.quote twin (lib/mirror/CoverMarket.ts, `quoteCover`) against a deployed market.
// For 300 chain states (prices, σ — sometimes left behind the feed —, utilization, the pool's ceiling,
// capital all moving) 40 random quotes each (12,000, through StaticCallBatch at one block) must equal
// `quoteCover` on a snapshot read at that block, reverts included (named errors: strike range, ceiling,
// σ behind, uninsurable…).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeErrorResult, decodeFunctionResult, encodeFunctionData, type Hex } from 'viem';
import { deployCoverStack, startCoverChain, DEFAULT_PRICING, type Contract, type CoverChain, type CoverStack } from '../../scripts/testing/coverChain';
import { WAD } from './units';
import { quoteCover, type ProductTerms } from './CoverMarket';
import { ContractRevert } from './evm';

const CASES = 10_000;

let chain: CoverChain;

beforeAll(async () => {
  chain = await startCoverChain();
});
afterAll(async () => chain?.stop());

describe('CoverMarket.quote == quoteCover on the deployed market', () => {
  let stack: CoverStack;
  let batch: Contract;
  let products: { id: bigint; terms: ProductTerms }[];

  beforeAll(async () => {
    stack = await deployCoverStack(chain, { capital: 2_000_000_000_000n });
    batch = await chain.deploy('StaticCallBatch');
    await stack.fund(2, 10n ** 15n);
    products = [];
    const specs = [
      { direction: 'Down' as const, pricing: DEFAULT_PRICING, maxStrikeRatio: 400, claimGrace: 86_400 },
      { direction: 'Up' as const, pricing: DEFAULT_PRICING, maxStrikeRatio: 400, claimGrace: 86_400 },
      {
        direction: 'Down' as const,
        pricing: { baseMarkup: 15n * 10n ** 17n, slope: 2n * WAD, steepSlope: 10n * WAD, kink: WAD / 2n, minRate: WAD / 20n },
        maxStrikeRatio: 1_000,
        claimGrace: 3_601,
      },
      {
        direction: 'Up' as const,
        pricing: { baseMarkup: WAD, slope: 0n, steepSlope: 0n, kink: WAD / 10n, minRate: WAD / 20n },
        maxStrikeRatio: 110,
        claimGrace: 14 * 86_400,
      },
    ];
    for (const s of specs) {
      const id = await stack.register(s);
      products.push({
        id,
        terms: {
          direction: s.direction,
          minDuration: 3_600n,
          maxDuration: 90n * 86_400n,
          claimGrace: BigInt(s.claimGrace),
          maxStrikeRatio: BigInt(s.maxStrikeRatio),
          pricing: s.pricing,
        },
      });
    }
  });

  it('matches for 12,000 quotes over 300 chain states, reverts included', async () => {
    const rng = fc.sample(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { numRuns: 40_000, seed: 61 });
    let k = 0;
    const next = (n: number) => rng[k++ % rng.length]! % n;
    let spot = 3000_00000000n;
    let compared = 0;
    let reverts = 0;
    const mismatches: string[] = [];
    const byError = new Map<string, number>();
    const STATES = 300;
    const PER_STATE = 40;
    for (let state = 0; state < STATES; state++) {
      // Move the world: time, price (σ follows, or is left one round behind), and now and then a sale
      // (utilization), new capital or a new ceiling.
      await chain.advance(60 + next(3_000));
      spot = (spot * BigInt(970 + next(61))) / 1000n; // ±3 % per step: σ wanders inside [floor, cap]
      if (spot < 500_00000000n) spot = 500_00000000n;
      await chain.send(0, stack.feed, 'pushAnswer', [spot]);
      if (next(8) !== 0) await chain.send(0, stack.oracle, 'poke');
      if (next(3) === 0) {
        const product = products[next(2)]!;
        const strike = product.terms.direction === 'Down' ? (spot * BigInt(50 + next(45))) / 100n : (spot * BigInt(105 + next(95))) / 100n;
        const payout = BigInt(1 + next(200_000)) * 1_000_000n;
        try {
          await chain.send(2, stack.market, 'buyCover', [product.id, strike, payout, BigInt(3_600 + next(30 * 86_400)), (1n << 256n) - 1n]);
        } catch {
          // refused (uninsurable / no capacity): the state still moved
        }
      }
      if (next(10) === 0) {
        await stack.fund(3, 200_000_000_000n);
        await chain.send(3, stack.pool, 'deposit', [200_000_000_000n, chain.accounts[3]!.address]);
      }
      if (next(15) === 0) await chain.send(0, stack.pool, 'setMaxUtilizationBps', [BigInt(1_000 + next(8_501))]);
      const block = await chain.publicClient.getBlockNumber();
      const [[latestRoundId, answer], [sigma, , sigmaRoundId], [totalAssets, locked, maxUtilizationBps]] = await Promise.all([
        chain.read<readonly [bigint, bigint, bigint, bigint, bigint]>(stack.feed, 'latestRoundData', [], block),
        chain.read<readonly [bigint, bigint, bigint, string]>(stack.oracle, 'volatility', [], block),
        chain.read<readonly [bigint, bigint, bigint]>(stack.pool, 'underwritingCapital', [], block),
      ]);
      // Random product, strike (either side, inside and beyond the range, some breached), payout (some
      // over the ceiling), duration (some out of bounds).
      const queries = Array.from({ length: PER_STATE }, () => {
        const product = products[next(products.length)]!;
        const away = BigInt(1 + next(60));
        const roll = next(10);
        const strike =
          roll === 0
            ? (answer * BigInt(5 + next(1_200))) / 100n
            : roll === 1
              ? product.terms.direction === 'Down'
                ? (answer * 100n + product.terms.maxStrikeRatio - 1n) / product.terms.maxStrikeRatio - BigInt(next(3))
                : (answer * product.terms.maxStrikeRatio) / 100n + BigInt(next(3))
              : product.terms.direction === 'Down'
                ? (answer * (100n - away)) / 100n
                : (answer * (100n + (away * (product.terms.maxStrikeRatio - 100n)) / 60n)) / 100n;
        const payout = next(20) === 0 ? 0n : next(10) === 0 ? BigInt(next(2_000_000)) * 1_000_000n : BigInt(1 + next(300_000)) * 1_000_000n;
        const duration = BigInt(next(20) === 0 ? 1_000 + next(3_000) : 3_600 + next(90 * 86_400));
        return { product, strike, payout, duration };
      });
      const [timestamp, okList, results] = await chain.read<readonly [bigint, readonly boolean[], readonly Hex[]]>(
        batch,
        'run',
        [
          stack.market.address,
          queries.map((q) => encodeFunctionData({ abi: stack.market.abi, functionName: 'quote', args: [q.product.id, q.strike, q.payout, q.duration] })),
        ],
        block,
      );
      const snapshot = { spot: answer, latestRoundId, sigma, sigmaRoundId, locked, totalAssets, maxUtilizationBps, now: timestamp };
      queries.forEach((q, i) => {
        let c: { ok: boolean; value: bigint; error: string };
        if (okList[i]) {
          c = { ok: true, value: decodeFunctionResult({ abi: stack.market.abi, functionName: 'quote', data: results[i]! }) as bigint, error: '' };
        } else {
          let name = results[i]!.startsWith('0x4e487b71') ? 'Panic' : results[i]!.slice(0, 10);
          try {
            name = decodeErrorResult({ abi: stack.market.abi, data: results[i]! }).errorName;
          } catch {
            // not a market error (e.g. a Panic): compared by selector
          }
          c = { ok: false, value: 0n, error: name };
        }
        let twin: { ok: boolean; value: bigint; error: string };
        try {
          twin = { ok: true, value: quoteCover(q.product.terms, snapshot, q.strike, q.payout, q.duration), error: '' };
        } catch (e) {
          twin = { ok: false, value: 0n, error: e instanceof ContractRevert ? e.errorName : (e as Error).constructor.name };
        }
        compared++;
        if (!c.ok) {
          reverts++;
          byError.set(c.error, (byError.get(c.error) ?? 0) + 1);
        }
        if (c.ok !== twin.ok || c.value !== twin.value || c.error !== twin.error) {
          mismatches.push(
            `state ${state} ${JSON.stringify(q, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}: chain ${c.ok ? c.value : c.error} twin ${twin.ok ? twin.value : twin.error}`,
          );
        }
      });
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(CASES);
    expect(compared - reverts).toBeGreaterThan(2_000); // priced quotes, not only refusals
    for (const name of ['CoverMarketStrikeTooFar', 'CoverMarketAboveMaxUtilization', 'CoverMarketVolatilityBehind', 'CoverMarketStrikeBreached']) {
      expect(byError.get(name) ?? 0, name).toBeGreaterThan(0);
    }
    console.log(
      `CoverMarket.quote parity: ${STATES} states, ${compared} quotes (${compared - reverts} priced, ${reverts} named reverts: ${[...byError].map(([n, c]) => `${n} ${c}`).join(', ')}), 0 mismatches`,
    );
  }, 900_000);
});
