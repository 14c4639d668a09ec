// findClaimRound against the real CoverMarket and MockAggregator on anvil. Each scenario sells a cover,
// then writes a random history of rounds around its window (a touch before purchase, lone prints, broken
// runs, incomplete and non-positive rounds, a phase change, rounds after the end). The expected answer
// is computed by brute force on chain: `claim` is simulated from every round id in time order and the
// first that would pay is the one findClaimRound must return. For every round, checkClaimRound must give
// the same custom error as the contract. Then the found round claims for real, and the round before it
// must not qualify.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Address } from 'viem';
import { checkClaimRound, findClaimRound, phaseOf, proxyRoundId, aggregatorRoundOf, type ClaimTerms, type GetRound } from './findClaimRound';
import { deployCoverStack, netExecutionGas, revertName, startCoverChain, type CoverChain, type CoverStack } from '../../scripts/testing/coverChain';
import { feedRoundReader, latestRoundIdOf } from './feedRounds';

let chain: CoverChain;
let stack: CoverStack;
const products: { id: bigint; direction: 'Down' | 'Up'; confirmations: number }[] = [];

beforeAll(async () => {
  chain = await startCoverChain();
  stack = await deployCoverStack(chain, { capital: 10_000_000_000_000n });
  for (const p of [
    { direction: 'Down' as const, confirmations: 2 },
    { direction: 'Up' as const, confirmations: 2 },
    { direction: 'Down' as const, confirmations: 3 },
  ]) {
    products.push({ ...p, id: await stack.register(p) });
  }
  await stack.fund(2, 10n ** 14n);
});
afterAll(async () => chain?.stop());

// The app's own feed adapter, so this test covers it too.
const getRound: GetRound = (id) => feedRoundReader(chain.publicClient, stack.feed.address)(id);
const latestRoundId = () => latestRoundIdOf(chain.publicClient, stack.feed.address);

/** Simulates `claim(tokenId, roundId)` from a keeper: null if it would pay, else the custom error name. */
async function simulateClaim(tokenId: bigint, roundId: bigint): Promise<string | null> {
  try {
    await chain.publicClient.simulateContract({
      address: stack.market.address,
      abi: stack.market.abi,
      functionName: 'claim',
      args: [tokenId, roundId],
      account: chain.accounts[4]!,
    });
    return null;
  } catch (e) {
    return revertName(e, stack.market.abi);
  }
}

/** Pushes the price to `spot` now and folds every round into σ (pokes walk ≤ 32 rounds each). */
async function refresh(spot: bigint) {
  await chain.send(0, stack.feed, 'pushAnswer', [spot]);
  const latest = await latestRoundId();
  for (let i = 0; i < 10 && (await chain.read<bigint>(stack.oracle, 'lastRoundId')) !== latest; i++) await chain.send(0, stack.oracle, 'poke');
}

describe('findClaimRound on the real market', () => {
  it('returns the first round from which claim pays, for random round histories', async () => {
    const scenarios = fc.sample(
      fc.record({
        product: fc.integer({ min: 0, max: 2 }),
        rounds: fc.array(
          fc.record({ move: fc.integer({ min: -400, max: 300 }), dt: fc.integer({ min: 1, max: 30_000 }), kind: fc.integer({ min: 0, max: 15 }) }),
          { minLength: 8, maxLength: 30 },
        ),
        lead: fc.integer({ min: 0, max: 3_000 }),
      }),
      { numRuns: 16, seed: 7 },
    );
    let found = 0;
    let claimsChecked = 0;
    const gas: { buy: bigint[]; claim: bigint[] } = { buy: [], claim: [] };
    for (const s of scenarios) {
      const product = products[s.product]!;
      await chain.advance(9 * 86_400);
      await refresh(3000_00000000n);
      const strike = product.direction === 'Down' ? 2700_00000000n : 3300_00000000n;
      const buy = await chain.send(2, stack.market, 'buyCover', [product.id, strike, 10_000_000_000n, 2n * 86_400n, (1n << 256n) - 1n]);
      gas.buy.push(netExecutionGas(buy.gasUsed, (await chain.publicClient.getTransaction({ hash: buy.hash })).input));
      const tokenId = await chain.read<bigint>(stack.market, 'lastTokenId');
      const info = await chain.read<{ start: bigint; end: bigint; holder: Address; payout: bigint }>(stack.market, 'coverInfo', [tokenId]);
      const terms: ClaimTerms = {
        direction: product.direction,
        strike,
        start: info.start,
        end: info.end,
        activationDelay: 300n,
        confirmations: product.confirmations,
      };

      // The history: rounds from before the purchase to after the end, prices walking around the strike.
      const ids: bigint[] = [];
      let t = info.start - BigInt(s.lead);
      for (const [k, r] of s.rounds.entries()) {
        t += BigInt(r.dt);
        const price = strike + (product.direction === 'Down' ? 1n : -1n) * BigInt(r.move) * 1_00000000n;
        const answer = r.kind === 1 ? 0n : price;
        if (r.kind === 2 && k > 0) await chain.send(0, stack.feed, 'startNewPhase');
        const next = (await latestRoundId()) + 1n;
        const id = r.kind === 2 && k > 0 ? proxyRoundId(phaseOf(next - 1n) + 1n, 1n) : next;
        if (r.kind === 3)
          await chain.send(0, stack.feed, 'setRound', [id, answer, 0n, t, id]); // startedAt 0
        else if (r.kind === 4)
          await chain.send(0, stack.feed, 'setRound', [id, answer, t, t, id - 1n]); // carried over
        else await chain.send(0, stack.feed, 'pushAnswerAt', [answer, t, t]);
        ids.push(id);
      }

      // Brute force on chain, and the reason for every rejection.
      let expected: bigint | null = null;
      for (const id of ids) {
        const chainReason = await simulateClaim(tokenId, id);
        const twin = await checkClaimRound(getRound, terms, id);
        expect(twin?.errorName ?? null).toBe(chainReason);
        claimsChecked++;
        if (chainReason === null && expected === null) expected = id;
      }
      const got = await findClaimRound({ getRound, cover: terms, latestRoundId: await latestRoundId() });
      expect(got).toBe(expected);
      if (got !== null) {
        found++;
        // The round before it (in its phase) does not qualify, on chain or in the twin.
        if (aggregatorRoundOf(got) > 1n) {
          expect(await simulateClaim(tokenId, got - 1n)).not.toBeNull();
          expect(await checkClaimRound(getRound, terms, got - 1n)).not.toBeNull();
        }
        const before = await chain.read<bigint>(stack.usdc, 'balanceOf', [info.holder]);
        const claim = await chain.send(4, stack.market, 'claim', [tokenId, got]);
        gas.claim.push(netExecutionGas(claim.gasUsed, (await chain.publicClient.getTransaction({ hash: claim.hash })).input));
        expect(await chain.read<bigint>(stack.usdc, 'balanceOf', [info.holder])).toBe(before + info.payout);
      }
      await refresh(3000_00000000n);
    }
    expect(found).toBeGreaterThanOrEqual(4);
    expect(found).toBeLessThan(scenarios.length);
    const max = (xs: bigint[]) => xs.reduce((a, b) => (b > a ? b : a), 0n);
    console.log(
      `findClaimRound: ${scenarios.length} scenarios, ${found} claimed with the found round, ${claimsChecked} rounds with matching reasons; ` +
        `net execution gas after refunds (anvil): claim ≤ ${max(gas.claim)}; buyCover ≤ ${max(gas.buy)} ` +
        `(worst case: each sale follows 9 idle days, so the pool walks their day buckets and opens two new ones)`,
    );
  }, 600_000);
});
