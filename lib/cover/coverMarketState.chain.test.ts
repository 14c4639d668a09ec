// The cover page's server reader against a deployed market on anvil: it must hand the browser exactly
// what `CoverMarket.quote` reads, so the twin's quote computed from it in the page equals the contract's
// at the block it was read (300 random quotes, reverts included: same named error). Also: every
// product and its terms, the account's balance and allowance (none without an account), the feed's
// recent rounds oldest first with refused rounds left out, and an unreachable RPC failing the history
// rather than drawing an empty one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPublicClient, http, type PublicClient } from 'viem';
import { foundry } from 'viem/chains';
import { deployCoverStack, revertName, startCoverChain, type CoverChain, type CoverStack } from '../../scripts/testing/coverChain';
import { quoteCover } from '../mirror/CoverMarket';
import { ContractRevert } from '../mirror/evm';
import { readCoverMarketState, readRecentRounds } from './coverMarketState';
import { roundsOf } from './marketRounds';

let chain: CoverChain;
let stack: CoverStack;

beforeAll(async () => {
  chain = await startCoverChain();
  stack = await deployCoverStack(chain, { capital: 2_000_000_000_000n });
  await stack.register({ direction: 'Down' });
  await stack.register({ direction: 'Up', maxStrikeRatio: 150, claimGrace: 3 * 86_400 });
  await stack.fund(2, 50_000_000_000n);
  // A few rounds for the chart, σ folded in, and a sale so the pool has some capital locked.
  for (const price of [3010n, 2990n, 3050n, 3020n]) {
    await chain.advance(600);
    await chain.send(0, stack.feed, 'pushAnswer', [price * 100_000_000n]);
  }
  for (let i = 0; i < 5; i++) await chain.send(0, stack.oracle, 'poke');
  await chain.send(2, stack.market, 'buyCover', [1n, 2_700_00000000n, 1_000_000_000n, 7n * 86_400n, (1n << 256n) - 1n]);
  await chain.advance(120);
}, 120_000);
afterAll(async () => chain?.stop());

const addresses = () => ({ market: stack.market.address, stablecoin: stack.usdc.address });

describe('readCoverMarketState', () => {
  it('reads every product, the account’s balance and allowance, and the feed’s recent rounds', async () => {
    const account = chain.accounts[2]!.address;
    const state = await readCoverMarketState(chain.publicClient, addresses(), account);
    expect(state.products.map((p) => [p.productId, p.direction, p.maxStrikeRatio, p.claimGrace, p.paused])).toEqual([
      [1n, 'Down', 400n, 86_400n, false],
      [2n, 'Up', 150n, 3n * 86_400n, false],
    ]);
    expect(state.products[0]!.feed.toLowerCase()).toBe(stack.feed.address.toLowerCase());
    const balance = await chain.read<bigint>(stack.usdc, 'balanceOf', [account], state.blockNumber);
    for (const snapshot of state.snapshots) {
      expect(snapshot.balance).toBe(balance);
      expect(snapshot.allowance).toBe((1n << 256n) - 1n);
      expect(snapshot.feedDecimals).toBe(8);
      expect(snapshot.market.spot).toBe(3020_00000000n);
      expect(snapshot.market.locked).toBeGreaterThan(0n);
    }
    const rounds = roundsOf(state, stack.feed.address)!;
    const latest = state.snapshots[0]!.market.latestRoundId;
    // The deploy's first round and the four pushed here, consecutive ids ending at the latest.
    expect(rounds.map((r) => r.roundId)).toEqual([4n, 3n, 2n, 1n, 0n].map((back) => latest - back));
    expect(rounds.at(-1)!.answer).toBe(3020_00000000n);
    expect(rounds.every((r, i) => i === 0 || r.updatedAt >= rounds[i - 1]!.updatedAt)).toBe(true);
  });

  it('has no balance without an account (the allowance is the zero address’s)', async () => {
    const state = await readCoverMarketState(chain.publicClient, addresses(), undefined);
    expect(state.snapshots.every((s) => s.balance === undefined && s.allowance === 0n)).toBe(true);
  });

  it('gives the twin exactly what the contract quotes from: 300 random quotes equal at the read block, reverts included', async () => {
    const state = await readCoverMarketState(chain.publicClient, addresses(), undefined);
    const cases = fc.sample(
      fc.record({
        product: fc.integer({ min: 0, max: 1 }),
        // Mostly strikes and payouts a buyer would ask for; the edges (breached, too far, zero, over the
        // ceiling, durations just outside the bounds) often enough to compare the refusals too.
        // (a buyer's strike: below the price for Down, above it for Up)
        distanceBps: fc.oneof(
          { arbitrary: fc.integer({ min: 100, max: 4_000 }), weight: 4 },
          { arbitrary: fc.integer({ min: -40_000, max: 40_000 }), weight: 1 },
        ),
        payout: fc.oneof(
          { arbitrary: fc.bigInt({ min: 1n, max: 100_000_000_000n }), weight: 8 },
          { arbitrary: fc.constantFrom(0n, 1_700_000_000_000n), weight: 1 },
        ),
        duration: fc.oneof(
          { arbitrary: fc.bigInt({ min: 3_600n, max: 90n * 86_400n }), weight: 4 },
          { arbitrary: fc.constantFrom(0n, 3_599n, 3_600n, 90n * 86_400n, 90n * 86_400n + 1n), weight: 1 },
        ),
      }),
      { numRuns: 300, seed: 17 },
    );
    let reverts = 0;
    for (const c of cases) {
      const product = state.products[c.product]!;
      const snapshot = state.snapshots[c.product]!;
      const bps = 10_000 + (product.direction === 'Down' ? -c.distanceBps : c.distanceBps);
      const strike = (snapshot.market.spot * BigInt(Math.max(0, bps))) / 10_000n;
      let twin: string;
      try {
        twin = quoteCover(product, { ...snapshot.market, now: state.blockTimestamp }, strike, c.payout, c.duration).toString();
      } catch (e) {
        if (!(e instanceof ContractRevert)) throw e;
        twin = e.errorName;
      }
      let onChain: string;
      try {
        onChain = (await chain.read<bigint>(stack.market, 'quote', [product.productId, strike, c.payout, c.duration], state.blockNumber)).toString();
      } catch (e) {
        onChain = revertName(e, stack.market.abi);
        reverts++;
      }
      expect(
        twin,
        JSON.stringify({ ...c, strike }, (_, v) => (typeof v === 'bigint' ? v.toString() : v)),
      ).toBe(onChain);
    }
    // Both kinds were compared.
    expect(reverts).toBeGreaterThan(30);
    expect(reverts).toBeLessThan(200);
  });

  it('leaves out rounds the feed refuses, and fails (not empties) the history when the RPC is unreachable', async () => {
    const state = await readCoverMarketState(chain.publicClient, addresses(), undefined);
    const latest = state.snapshots[0]!.market.latestRoundId;
    const beyond = await readRecentRounds(chain.publicClient, stack.feed.address, latest + 3n);
    expect(beyond.map((r) => r.roundId)).toEqual(roundsOf(state, stack.feed.address)!.map((r) => r.roundId));
    const down = createPublicClient({ chain: foundry, transport: http('http://127.0.0.1:9', { retryCount: 0, timeout: 2_000 }) }) as PublicClient;
    await expect(readRecentRounds(down, stack.feed.address, latest)).rejects.toThrow();
    await expect(readCoverMarketState(down, addresses(), undefined)).rejects.toThrow();
  });
});
