// The portfolio's server readers against the protocol on anvil: an account stakes in both layers and asks
// to withdraw part of one, buys a cover and lists it; readAccountState must give the chain's own numbers
// (its stake values the contract's conversions), readHeldCovers the cover's terms, price, σ and listing,
// and — once the price has crashed through the strike for the product's confirmations — the round the
// market's `claim` pays with (simulated on chain from the account that holds it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, type Address, type Hex, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { backstopPoolAbi, coverExchangeAbi, coverMarketAbi, mockAggregatorAbi, testUSDCAbi, volatilityOracleAbi } from '@/contracts-abi';
import { ANVIL_KEYS } from '@/scripts/testing/anvil';
import { startLocalChain, type LocalChain, sendAs } from '@/scripts/testing/localChain';
import { accountTotals, readAccountState, type PortfolioAddresses } from './accountState';
import { coverFigures } from './coverFigures';
import { feedRoundReader } from '../cover/feedRounds';
import { readHeldCovers } from './heldCovers';

const USDC = 10n ** 6n;
const PRICE = 10n ** 8n;
const DAY = 86_400n;
const HOLDER = privateKeyToAccount(ANVIL_KEYS[3] as Hex);

let chain: LocalChain;
let addresses: PortfolioAddresses;

const send = (key: Hex, address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[] = []) =>
  sendAs(chain, key, address, abi, functionName, args);
const holderSends = (address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[]) =>
  send(ANVIL_KEYS[3] as Hex, address, abi, functionName, args);

async function warp(seconds: bigint) {
  await chain.publicClient.request({ method: 'evm_increaseTime' as never, params: [Number(seconds)] as never });
  await chain.publicClient.request({ method: 'evm_mine' as never });
}

async function publish(usd: bigint) {
  const c = chain.deployment.contracts;
  await send(ANVIL_KEYS[0] as Hex, c.priceFeed.address, mockAggregatorAbi, 'pushAnswer', [usd * PRICE]);
  await send(ANVIL_KEYS[0] as Hex, c.volatilityOracle.address, volatilityOracleAbi, 'poke');
}

// Uncached: the client otherwise answers from a block number read a moment ago, before the last write.
const latestBlock = () => chain.publicClient.getBlockNumber({ cacheTime: 0 });

beforeAll(async () => {
  chain = await startLocalChain();
  const c = chain.deployment.contracts;
  addresses = { stablecoin: c.stablecoin.address, pools: { junior: c.juniorPool.address, senior: c.seniorPool.address } };
  await holderSends(c.stablecoin.address, testUSDCAbi, 'faucet', [10_000n * USDC]);
  await holderSends(c.stablecoin.address, testUSDCAbi, 'faucet', [10_000n * USDC]);
  for (const [pool, amount] of [
    [c.juniorPool.address, 8_000n * USDC],
    [c.seniorPool.address, 3_000n * USDC],
  ] as const) {
    await holderSends(c.stablecoin.address, testUSDCAbi, 'approve', [pool, amount]);
    await holderSends(pool, backstopPoolAbi, 'deposit', [amount, HOLDER.address]);
  }
  const seniorShares = await chain.publicClient.readContract({
    address: c.seniorPool.address,
    abi: backstopPoolAbi,
    functionName: 'balanceOf',
    args: [HOLDER.address],
  });
  await holderSends(c.seniorPool.address, backstopPoolAbi, 'requestRedeem', [seniorShares / 3n, HOLDER.address, HOLDER.address]);
}, 120_000);
afterAll(async () => chain?.stop());

describe('readAccountState on the real pools', () => {
  it('gives the chain’s balances, totals and request at one block, and values the stakes as the pools convert them', async () => {
    const blockNumber = await latestBlock();
    const state = await readAccountState(chain.publicClient, addresses, HOLDER.address, blockNumber);
    expect(state.blockNumber).toBe(blockNumber);
    expect(state.blockTimestamp).toBe((await chain.publicClient.getBlock({ blockNumber })).timestamp);
    const read = (address: Address, functionName: string, args: readonly unknown[] = []) =>
      chain.publicClient.readContract({ address, abi: backstopPoolAbi, functionName, args, blockNumber } as never) as Promise<bigint>;
    expect(state.walletBalance).toBe(
      await chain.publicClient.readContract({
        address: addresses.stablecoin,
        abi: testUSDCAbi,
        functionName: 'balanceOf',
        args: [HOLDER.address],
        blockNumber,
      }),
    );
    for (const layer of ['junior', 'senior'] as const) {
      const pool = addresses.pools[layer];
      const stake = state.stakes[layer];
      expect(stake.pool).toBe(pool);
      expect(stake.totalAssets).toBe(await read(pool, 'totalAssets'));
      expect(stake.totalSupply).toBe(await read(pool, 'totalSupply'));
      expect(stake.shares).toBe(await read(pool, 'balanceOf', [HOLDER.address]));
    }
    expect(state.stakes.junior.request.shares).toBe(0n);
    expect(state.stakes.senior.request.shares).toBeGreaterThan(0n);
    expect(state.stakes.senior.request.owner).toBe(HOLDER.address);

    const totals = accountTotals(state);
    // Free shares at the pool's own conversion; a fresh request is worth its value at request (the price has not moved).
    expect(totals.stakes.junior).toBe(await read(addresses.pools.junior, 'convertToAssets', [state.stakes.junior.shares]));
    expect(totals.stakes.senior).toBe(
      (await read(addresses.pools.senior, 'convertToAssets', [state.stakes.senior.shares])) + state.stakes.senior.request.assetsAtRequest,
    );
    expect(totals.staked).toBe(totals.stakes.junior + totals.stakes.senior);
    expect(totals.total).toBe(totals.staked + state.walletBalance);
  });
});

describe('readHeldCovers on the real market and exchange', () => {
  it('reads a held cover and its listing, finds no claim round before a touch and the paying one after it', async () => {
    const c = chain.deployment.contracts;
    const market = c.coverMarket.address;
    const exchange = c.coverExchange.address;
    const strike = 2_500n * PRICE;
    const payout = 400n * USDC;
    await publish(3_000n); // a fresh round σ has folded: the market quotes only then
    const premium = await chain.publicClient.readContract({
      address: market,
      abi: coverMarketAbi,
      functionName: 'quote',
      args: [1n, strike, payout, 10n * DAY],
    });
    await holderSends(c.stablecoin.address, testUSDCAbi, 'approve', [market, premium]);
    await holderSends(market, coverMarketAbi, 'buyCover', [1n, strike, payout, 10n * DAY, premium]);
    const tokenId = await chain.publicClient.readContract({ address: market, abi: coverMarketAbi, functionName: 'lastTokenId' });

    const before = await readHeldCovers(chain.publicClient, { market, exchange }, [tokenId], await latestBlock());
    expect(before.exchangeFeeBps).toBe(50n);
    const [cover] = before.covers;
    const info = await chain.publicClient.readContract({ address: market, abi: coverMarketAbi, functionName: 'coverInfo', args: [tokenId] });
    expect(cover).toMatchObject({
      tokenId,
      strike: info.strike,
      payout: info.payout,
      start: info.start,
      end: info.end,
      claimDeadline: info.claimDeadline,
      status: info.status,
      holder: HOLDER.address,
      spot: 3_000n * PRICE,
      claimRound: null,
      listing: null,
    });
    expect(cover!.product).toMatchObject({
      productId: 1n,
      direction: 'Down',
      feed: c.priceFeed.address,
      oracle: c.volatilityOracle.address,
      pool: c.juniorPool.address,
    });
    expect(cover!.sigma).toBeGreaterThan(0n);

    await holderSends(exchange, coverExchangeAbi, 'list', [tokenId, 120n * USDC]);
    await holderSends(market, coverMarketAbi, 'approve', [exchange, tokenId]);
    const listed = await readHeldCovers(chain.publicClient, { market, exchange }, [tokenId], await latestBlock());
    expect(listed.covers[0]!.listing).toEqual({ seller: HOLDER.address, price: 120n * USDC, live: true });
    expect(listed.covers[0]!.approved).toBe(exchange);

    // After the activation delay, two rounds through the strike (the product's confirmations).
    await warp(400n);
    await publish(2_480n);
    await warp(60n);
    await publish(2_450n);
    const blockNumber = await latestBlock();
    const after = await readHeldCovers(chain.publicClient, { market, exchange }, [tokenId], blockNumber);
    const round = after.covers[0]!.claimRound;
    expect(typeof round).toBe('bigint');
    const { timestamp } = await chain.publicClient.getBlock({ blockNumber });
    expect(coverFigures(after.covers[0]!, timestamp)).toMatchObject({ view: 'triggered', claimRound: round, model: payout });
    // The market pays with that round (the account that holds the cover claims).
    await chain.publicClient.simulateContract({
      address: market,
      abi: coverMarketAbi,
      functionName: 'claim',
      args: [tokenId, round as bigint],
      account: HOLDER.address,
    });
  }, 120_000);
});

describe('feedRoundReader on the real feed', () => {
  it('reads a published round, gives null where the feed reverts (no such round), and throws when the RPC is away', async () => {
    const feed = chain.deployment.contracts.priceFeed.address;
    const [latestId] = await chain.publicClient.readContract({ address: feed, abi: mockAggregatorAbi, functionName: 'latestRoundData' });
    const read = feedRoundReader(chain.publicClient, feed);
    expect((await read(latestId))?.roundId).toBe(latestId);
    expect(await read(latestId + 1_000n)).toBeNull();
    const away = createPublicClient({ chain: foundry, transport: http('http://127.0.0.1:9', { retryCount: 0 }) });
    await expect(feedRoundReader(away, feed)(latestId)).rejects.toThrow();
  });
});
