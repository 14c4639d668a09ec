// The cover exchange's server readers against the deployed market and exchange on anvil: a listed cover
// as the chain has it (not fillable before the exchange may move the token, fillable after, gone once
// cancelled), its row marked to model with the twin from the feed's and oracle's values at the read
// block, the fee, the trader's balance and allowance at that block (none without an account); one
// cover's page (terms, model value; no cover for an unknown id); an RPC that is away throws.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, type Address, type Hex, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { backstopPoolAbi, coverExchangeAbi, coverMarketAbi, mockAggregatorAbi, testUSDCAbi, volatilityOracleAbi } from '@/contracts-abi';
import { ANVIL_KEYS } from '@/scripts/testing/anvil';
import { startLocalChain, type LocalChain, sendAs } from '@/scripts/testing/localChain';
import { coverMarkDown, discountBps } from './coverMark';
import { type ExchangeAddresses, readCoverDetail, readExchangeMarket } from './exchangeState';

const USDC = 10n ** 6n;
const PRICE = 10n ** 8n;
const DAY = 86_400n;
const HOLDER = privateKeyToAccount(ANVIL_KEYS[3] as Hex);
const BUYER = privateKeyToAccount(ANVIL_KEYS[4] as Hex);

let chain: LocalChain;
let addresses: ExchangeAddresses;
let tokenId: bigint;

const send = (key: Hex, address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[] = []) =>
  sendAs(chain, key, address, abi, functionName, args);
const holderSends = (address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[]) =>
  send(ANVIL_KEYS[3] as Hex, address, abi, functionName, args);

/** The product's price and σ, read straight from the feed and oracle at `blockNumber`. */
async function markAt(blockNumber: bigint) {
  const c = chain.deployment.contracts;
  const [, answer] = await chain.publicClient.readContract({
    address: c.priceFeed.address,
    abi: mockAggregatorAbi,
    functionName: 'latestRoundData',
    blockNumber,
  });
  const [sigma] = await chain.publicClient.readContract({
    address: c.volatilityOracle.address,
    abi: volatilityOracleAbi,
    functionName: 'volatility',
    blockNumber,
  });
  return { spot: answer, sigma };
}

beforeAll(async () => {
  chain = await startLocalChain();
  const c = chain.deployment.contracts;
  addresses = { market: c.coverMarket.address, exchange: c.coverExchange.address, stablecoin: c.stablecoin.address };
  // A fresh round σ has folded (the market quotes only then), then a cover bought by the holder.
  await send(ANVIL_KEYS[0] as Hex, c.priceFeed.address, mockAggregatorAbi, 'pushAnswer', [3_000n * PRICE]);
  await send(ANVIL_KEYS[0] as Hex, c.volatilityOracle.address, volatilityOracleAbi, 'poke');
  // Capital in the Junior pool backs the cover (the market sells none against an empty pool).
  await holderSends(c.stablecoin.address, testUSDCAbi, 'faucet', [10_000n * USDC]);
  await holderSends(c.stablecoin.address, testUSDCAbi, 'approve', [c.juniorPool.address, 8_000n * USDC]);
  await holderSends(c.juniorPool.address, backstopPoolAbi, 'deposit', [8_000n * USDC, HOLDER.address]);
  const premium = await chain.publicClient.readContract({
    address: addresses.market,
    abi: coverMarketAbi,
    functionName: 'quote',
    args: [1n, 2_500n * PRICE, 400n * USDC, 10n * DAY],
  });
  await holderSends(c.stablecoin.address, testUSDCAbi, 'approve', [addresses.market, premium]);
  await holderSends(addresses.market, coverMarketAbi, 'buyCover', [1n, 2_500n * PRICE, 400n * USDC, 10n * DAY, premium]);
  tokenId = await chain.publicClient.readContract({ address: addresses.market, abi: coverMarketAbi, functionName: 'lastTokenId' });
  // The buyer holds some stablecoin and has allowed the exchange part of it.
  await send(ANVIL_KEYS[4] as Hex, c.stablecoin.address, testUSDCAbi, 'faucet', [500n * USDC]);
  await send(ANVIL_KEYS[4] as Hex, c.stablecoin.address, testUSDCAbi, 'approve', [addresses.exchange, 77n * USDC]);
}, 120_000);
afterAll(async () => chain?.stop());

describe('readExchangeMarket on the real market and exchange', () => {
  it('reads a listing as the chain has it: not a row until fillable, then marked to model at the read block; gone once cancelled', async () => {
    await holderSends(addresses.exchange, coverExchangeAbi, 'list', [tokenId, 120n * USDC]);
    const unapproved = await readExchangeMarket(chain.publicClient, addresses, BUYER.address, [tokenId]);
    expect(unapproved.listed).toHaveLength(1);
    expect(unapproved.listed[0]!.listing).toEqual({ seller: HOLDER.address, price: 120n * USDC, live: false });
    expect(unapproved.rows).toEqual([]);

    await holderSends(addresses.market, coverMarketAbi, 'approve', [addresses.exchange, tokenId]);
    const state = await readExchangeMarket(chain.publicClient, addresses, BUYER.address, [tokenId]);
    const info = await chain.publicClient.readContract({
      address: addresses.market,
      abi: coverMarketAbi,
      functionName: 'coverInfo',
      args: [tokenId],
      blockNumber: state.blockNumber,
    });
    const { timestamp } = await chain.publicClient.getBlock({ blockNumber: state.blockNumber });
    expect(state.blockTimestamp).toBe(timestamp);
    expect(state.feeBps).toBe(50n);
    expect(state.listed[0]).toEqual({
      tokenId,
      listing: { seller: HOLDER.address, price: 120n * USDC, live: true },
      cover: { productId: 1n, strike: info.strike, payout: info.payout, start: info.start, end: info.end, status: info.status, holder: HOLDER.address },
    });
    const mark = await markAt(state.blockNumber);
    expect(mark.spot).toBe(3_000n * PRICE);
    const model = coverMarkDown({ ...info, down: true }, { ...mark, now: timestamp }, false);
    expect(model).toBeGreaterThan(0n);
    expect(state.rows).toEqual([
      {
        tokenId,
        productId: 1n,
        down: true,
        strike: info.strike,
        payout: info.payout,
        end: info.end,
        seller: HOLDER.address,
        price: 120n * USDC,
        model,
        discountBps: discountBps(120n * USDC, model),
      },
    ]);
    const [balance, allowance] = await Promise.all([
      chain.publicClient.readContract({
        address: addresses.stablecoin,
        abi: testUSDCAbi,
        functionName: 'balanceOf',
        args: [BUYER.address],
        blockNumber: state.blockNumber,
      }),
      chain.publicClient.readContract({
        address: addresses.stablecoin,
        abi: testUSDCAbi,
        functionName: 'allowance',
        args: [BUYER.address, addresses.exchange],
        blockNumber: state.blockNumber,
      }),
    ]);
    expect(state.trader).toEqual({ balance, allowance });
    expect(allowance).toBe(77n * USDC);

    const anonymous = await readExchangeMarket(chain.publicClient, addresses, undefined, [tokenId]);
    expect(anonymous.trader).toEqual({ balance: undefined, allowance: 0n });

    await holderSends(addresses.exchange, coverExchangeAbi, 'cancelListing', [tokenId]);
    const cancelled = await readExchangeMarket(chain.publicClient, addresses, BUYER.address, [tokenId]);
    expect(cancelled.listed).toEqual([]);
    expect(cancelled.rows).toEqual([]);
  });

  it('has no rows for no ids, and throws when the RPC is away', async () => {
    const empty = await readExchangeMarket(chain.publicClient, addresses, undefined, []);
    expect(empty.listed).toEqual([]);
    expect(empty.rows).toEqual([]);
    const away = createPublicClient({ chain: foundry, transport: http('http://127.0.0.1:9', { retryCount: 0 }) });
    await expect(readExchangeMarket(away, addresses, undefined, [tokenId])).rejects.toThrow();
  });
});

describe('readCoverDetail on the real market', () => {
  it('reads the cover and its model value at the read block, with the trader', async () => {
    const detail = await readCoverDetail(chain.publicClient, addresses, tokenId, BUYER.address);
    const info = await chain.publicClient.readContract({
      address: addresses.market,
      abi: coverMarketAbi,
      functionName: 'coverInfo',
      args: [tokenId],
      blockNumber: detail.blockNumber,
    });
    expect(detail.cover).toEqual({
      productId: 1n,
      strike: info.strike,
      payout: info.payout,
      start: info.start,
      end: info.end,
      status: info.status,
      holder: HOLDER.address,
    });
    const mark = await markAt(detail.blockNumber);
    expect(detail.mark).toEqual({ productId: 1n, down: true, ...mark });
    expect(detail.model).toBe(coverMarkDown({ ...info, down: true }, { ...mark, now: detail.blockTimestamp }, false));
    expect(detail.trader.balance).toBeGreaterThan(0n);
  });

  it('has no cover for an id never minted, and throws when the RPC is away', async () => {
    const none = await readCoverDetail(chain.publicClient, addresses, tokenId + 1_000n, undefined);
    expect(none).toMatchObject({ cover: null, mark: null, model: null, trader: { balance: undefined, allowance: 0n } });
    const away = createPublicClient({ chain: foundry, transport: http('http://127.0.0.1:9', { retryCount: 0 }) });
    await expect(readCoverDetail(away, addresses, tokenId, undefined)).rejects.toThrow();
  });
});
