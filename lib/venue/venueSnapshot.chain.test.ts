// readVenueSnapshot against the real PerpVenue on anvil: what the server hands /venue's forms must be what
// the venue and the token answer one by one, for a visitor with no account, a trader with a short (the
// market is that side's), and one with nothing held; and previewOpen from it must agree with the venue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address, Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { mockAggregatorAbi, perpVenueAbi, testUSDCAbi, volatilityOracleAbi } from '@/contracts-abi';
import { ANVIL_KEYS } from '@/scripts/testing/anvil';
import { startLocalChain, type LocalChain, sendAs } from '@/scripts/testing/localChain';
import { previewOpen } from './openPreview';
import { toPositionState } from './params';
import { marketFor, readVenueSnapshot, type VenueAddresses } from './venueSnapshot';

let chain: LocalChain;
let addresses: VenueAddresses;
const SHORT = privateKeyToAccount(ANVIL_KEYS[2] as Hex);
const IDLE = privateKeyToAccount(ANVIL_KEYS[3] as Hex).address;
const ETH = 10n ** 18n;
const USDC = 10n ** 6n;

const send = (key: Hex, address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[] = []) =>
  sendAs(chain, key, address, abi, functionName, args);
const read = <T>(functionName: string, args: readonly unknown[] = []) =>
  chain.publicClient.readContract({ address: addresses.venue, abi: perpVenueAbi, functionName, args } as never) as Promise<T>;

beforeAll(async () => {
  chain = await startLocalChain();
  const c = chain.deployment.contracts;
  addresses = { venue: c.perpVenue.address, stablecoin: c.stablecoin.address, feed: c.priceFeed.address, oracle: c.volatilityOracle.address };
  await send(ANVIL_KEYS[0], addresses.feed, mockAggregatorAbi, 'pushAnswer', [3_000n * 10n ** 8n]);
  await send(ANVIL_KEYS[0], addresses.oracle, volatilityOracleAbi, 'poke', []);
  await send(ANVIL_KEYS[2], addresses.stablecoin, testUSDCAbi, 'faucet', [5_000n * USDC]);
  await send(ANVIL_KEYS[2], addresses.stablecoin, testUSDCAbi, 'approve', [addresses.venue, 1_234n * USDC]);
  await send(ANVIL_KEYS[2], addresses.venue, perpVenueAbi, 'open', [false, 2n * ETH, 1_000n * USDC, 0n]);
}, 120_000);
afterAll(async () => chain?.stop());

describe('readVenueSnapshot', () => {
  it('is what the venue, the feed, the oracle and the token answer, at one block', async () => {
    const snapshot = await readVenueSnapshot(chain.publicClient, addresses, SHORT.address);
    const block = await chain.publicClient.getBlock();
    const [round, sigma, initialFraction, priceScale, long, short, stored, state, balance, allowance, owed] = await Promise.all([
      chain.publicClient.readContract({ address: addresses.feed, abi: mockAggregatorAbi, functionName: 'latestRoundData' }),
      chain.publicClient.readContract({ address: addresses.oracle, abi: volatilityOracleAbi, functionName: 'volatility' }),
      read<bigint>('marginFractionNow'),
      read<bigint>('priceScale'),
      read<readonly [bigint, bigint]>('sideState', [true]),
      read<readonly [bigint, bigint]>('sideState', [false]),
      read<{ size: bigint; entryPrice: bigint; margin: bigint; socialLossSnapshot: bigint; isLong: boolean }>('positionOf', [SHORT.address]),
      read('positionState', [SHORT.address]),
      chain.publicClient.readContract({ address: addresses.stablecoin, abi: testUSDCAbi, functionName: 'balanceOf', args: [SHORT.address] }),
      chain.publicClient.readContract({ address: addresses.stablecoin, abi: testUSDCAbi, functionName: 'allowance', args: [SHORT.address, addresses.venue] }),
      read<bigint>('owedTo', [SHORT.address]),
    ]);
    expect([snapshot.blockNumber, snapshot.blockTimestamp]).toEqual([block.number, block.timestamp]);
    expect(snapshot.market.price).toBe(3_000n * 10n ** 8n);
    expect(snapshot.priceUpdatedAt).toBe(round[3]);
    expect([snapshot.sigma, snapshot.sigmaUpdatedAt]).toEqual([sigma[0], BigInt(sigma[1])]);
    expect(snapshot.feedDecimals).toBe(8);
    expect([snapshot.market.initialFraction, snapshot.market.priceScale]).toEqual([initialFraction, priceScale]);
    expect(snapshot.sides).toEqual({ long: { openInterest: long[0], index: long[1] }, short: { openInterest: short[0], index: short[1] } });
    // The held short: the market is the short side's, the stored position and its state as the venue has them.
    expect(short[0]).toBe(2n * ETH);
    expect([snapshot.market.sideOpenInterest, snapshot.market.sideIndex]).toEqual([short[0], short[1]]);
    expect(snapshot.stored).toEqual({
      size: stored.size,
      entryPrice: stored.entryPrice,
      margin: stored.margin,
      socialLossSnapshot: stored.socialLossSnapshot,
      isLong: false,
    });
    expect(snapshot.state).toEqual(toPositionState(state as never));
    expect([snapshot.balance, snapshot.allowance, snapshot.owed]).toEqual([balance, allowance, owed]);
    expect(snapshot.allowance).toBe(234n * USDC);
    expect(marketFor(snapshot, true)).toEqual({ ...snapshot.market, sideOpenInterest: long[0], sideIndex: long[1] });
  });

  it('without an account: no balance, nothing held, the long side; an idle account: its balance, nothing held', async () => {
    const anonymous = await readVenueSnapshot(chain.publicClient, addresses, undefined);
    expect(anonymous.balance).toBeUndefined();
    expect([anonymous.stored.size, anonymous.state.size, anonymous.owed]).toEqual([0n, 0n, 0n]);
    expect(anonymous.market.sideOpenInterest).toBe(anonymous.sides.long.openInterest);
    const idle = await readVenueSnapshot(chain.publicClient, addresses, IDLE);
    expect(idle.balance).toBe(
      await chain.publicClient.readContract({ address: addresses.stablecoin, abi: testUSDCAbi, functionName: 'balanceOf', args: [IDLE] }),
    );
    expect(idle.state.size).toBe(0n);
  });

  it('previews an increase of the held short from the snapshot exactly as the venue then stores it', async () => {
    const snapshot = await readVenueSnapshot(chain.publicClient, addresses, SHORT.address);
    const market = marketFor(snapshot, false);
    const size = ETH / 2n;
    const least = previewOpen(false, size, 0n, market, snapshot.stored).minMarginIn;
    const preview = previewOpen(false, size, least + 10n * USDC, market, snapshot.stored);
    expect(preview.refusal).toBeNull();
    await send(ANVIL_KEYS[2], addresses.venue, perpVenueAbi, 'open', [false, size, least + 10n * USDC, 0n]);
    const after = toPositionState(await read('positionState', [SHORT.address]));
    expect([after.size, after.margin, after.liquidationPrice]).toEqual([preview.size, preview.margin, preview.liquidationPrice]);
  });
});
