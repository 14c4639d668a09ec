// The local chain's believable past, scripted in one place and deterministic (same accounts, amounts
// and time steps every run): underwriters in both layers, a venue paying fees and drawing shortfalls,
// withdrawal requests in every state, and weeks of simulated time so yields and charts have history.
// Owner actions go through the timelock like any other governance change (scripts/chain/governance.ts):
// the stand-in venue is registered first (queued, 15 days warped, executed), and one change is left
// queued at the end so the overview shows a pending governance change.
import { createPublicClient, createWalletClient, http, type Abi, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import {
  backstopPoolAbi,
  coverExchangeAbi,
  coverMarketAbi,
  mockAggregatorAbi,
  shortfallWaterfallAbi,
  testUSDCAbi,
  volatilityOracleAbi,
} from '../../contracts-abi';
import type { Deployment } from './deploy';
import { enactChange, scheduleChange, type OwnerCall } from './governance';
import { ANVIL_KEYS } from '../testing/anvil';

const USDC = 10n ** 6n;
const SHARE = 10n ** 18n;
const DAY = 86_400;
const FAUCET_CAP = 10_000n * USDC; // TestUSDC.FAUCET_CAP

type PoolKey = 'juniorPool' | 'seniorPool';

export const SEED_STAKES: { key: Hex; layer: PoolKey; amount: bigint }[] = [
  { key: ANVIL_KEYS[1], layer: 'juniorPool', amount: 80_000n * USDC },
  { key: ANVIL_KEYS[2], layer: 'juniorPool', amount: 25_000n * USDC },
  { key: ANVIL_KEYS[3], layer: 'seniorPool', amount: 100_000n * USDC },
  { key: ANVIL_KEYS[4], layer: 'seniorPool', amount: 60_000n * USDC },
];

/** The account that stands in for a registered venue until the reference PerpVenue lands. */
export const TEST_VENUE_KEY = ANVIL_KEYS[7];
export const TEST_VENUE_EXPOSURE_CAP = 250_000n * USDC;

/** The local governance proposer and executor (the deployer, anvil #0: see scripts/chain/deploy.ts). */
export const GOVERNANCE_KEY = ANVIL_KEYS[0];
/** The change the seed leaves queued (Junior's cooldown from 7 to 8 days) and its label (the salt's source). */
export function seedQueuedChange(deployment: Deployment): { calls: OwnerCall[]; label: string } {
  const call = { target: deployment.contracts.juniorPool.address, abi: backstopPoolAbi, functionName: 'setCooldown', args: [8n * 86_400n] };
  return { calls: [call], label: 'seed: junior cooldown 8 days' };
}

function seeder(rpcUrl: string) {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain: foundry, transport });
  const write = async (key: Hex, address: Address, abi: Abi, functionName: string, args: readonly unknown[]) => {
    const wallet = createWalletClient({ chain: foundry, transport, account: privateKeyToAccount(key) });
    const hash = await wallet.writeContract({ address, abi, functionName, args: args as unknown[] });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`seed: ${functionName} on ${address} reverted (${hash})`);
  };
  const warp = async (seconds: number) => {
    await publicClient.request({ method: 'evm_increaseTime' as never, params: [seconds] as never });
    await publicClient.request({ method: 'evm_mine' as never });
  };
  const read = <T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []) =>
    publicClient.readContract({ address, abi, functionName, args: args as unknown[] }) as Promise<T>;
  // The test token's faucet gives at most FAUCET_CAP (10,000) per call: larger stakes draw in parts.
  const faucet = async (key: Hex, token: Address, amount: bigint) => {
    for (let left = amount; left > 0n; ) {
      const part = left < FAUCET_CAP ? left : FAUCET_CAP;
      await write(key, token, testUSDCAbi, 'faucet', [part]);
      left -= part;
    }
  };
  return { write, warp, read, faucet };
}

const PRICE = 10n ** 8n; // the feed's 8 decimals

/**
 * What the local keeper does: publish a price round on the mock feed and fold it into σ. Real
 * deployments read Chainlink's feeds; keepers only poke the oracle.
 */
export async function keeperTick(rpcUrl: string, deployment: Deployment, answer: bigint): Promise<void> {
  const { write } = seeder(rpcUrl);
  await write(ANVIL_KEYS[0], deployment.contracts.priceFeed.address, mockAggregatorAbi, 'pushAnswer', [answer]);
  await write(ANVIL_KEYS[0], deployment.contracts.volatilityOracle.address, volatilityOracleAbi, 'poke', []);
}

/** Underwriters' first stakes in both layers (also the base of the indexer's integration test). */
export async function seedStakes(rpcUrl: string, deployment: Deployment): Promise<void> {
  const { write, faucet } = seeder(rpcUrl);
  const usdc = deployment.contracts.stablecoin.address;
  for (const stake of SEED_STAKES) {
    const pool = deployment.contracts[stake.layer].address;
    const holder = privateKeyToAccount(stake.key).address;
    await faucet(stake.key, usdc, stake.amount);
    await write(stake.key, usdc, testUSDCAbi, 'approve', [pool, stake.amount]);
    await write(stake.key, pool, backstopPoolAbi, 'deposit', [stake.amount, holder]);
  }
}

/** Two simulated weeks after the first stakes (the stand-in venue registered first): covers, fees, shortfalls, a crash and its claim, withdrawals in every state, a governance change left queued. */
export async function seedHistory(rpcUrl: string, deployment: Deployment): Promise<void> {
  const { write, warp: warpOnly, read, faucet } = seeder(rpcUrl);
  const { stablecoin, juniorPool, seniorPool, shortfallWaterfall, coverMarket } = deployment.contracts;
  // The price walks a fixed path; every time step publishes a round and updates σ, as a keeper would.
  const path = [3_050n, 2_980n, 3_020n, 3_100n, 3_060n, 2_990n, 3_040n, 2_960n, 3_010n];
  let step = 0;
  const tick = (answer: bigint) => keeperTick(rpcUrl, deployment, answer * PRICE);
  const warp = async (seconds: number) => {
    await warpOnly(seconds);
    await tick(path[step++ % path.length]!);
  };
  const buyCover = async (key: Hex, productId: bigint, strike: bigint, payout: bigint, days: bigint) => {
    const args = [productId, strike * PRICE, payout * USDC, days * BigInt(DAY)] as const;
    const premium = await read<bigint>(coverMarket.address, coverMarketAbi, 'quote', args);
    await write(key, usdc, testUSDCAbi, 'faucet', [premium]);
    await write(key, usdc, testUSDCAbi, 'approve', [coverMarket.address, premium]);
    await write(key, coverMarket.address, coverMarketAbi, 'buyCover', [...args, premium]);
  };
  const usdc = stablecoin.address;
  const waterfall = shortfallWaterfall.address;
  const holder = (key: Hex) => privateKeyToAccount(key).address;
  const venueFees = async (amount: bigint) => {
    await write(TEST_VENUE_KEY, usdc, testUSDCAbi, 'faucet', [amount]);
    await write(TEST_VENUE_KEY, usdc, testUSDCAbi, 'approve', [waterfall, amount]);
    await write(TEST_VENUE_KEY, waterfall, shortfallWaterfallAbi, 'distributeFees', [amount]);
  };

  // A late underwriter joins Junior.
  const late = ANVIL_KEYS[5];
  await faucet(late, usdc, 50_000n * USDC);
  await write(late, usdc, testUSDCAbi, 'approve', [juniorPool.address, 50_000n * USDC]);
  await write(late, juniorPool.address, backstopPoolAbi, 'deposit', [50_000n * USDC, holder(late)]);

  await tick(3_000n);
  await warpOnly(600);
  await tick(3_010n);
  // Traders cover their liquidation prices: two ETH longs (Junior backs them), one short (Senior).
  await buyCover(ANVIL_KEYS[6], 1n, 2_700n, 2_000n, 30n);
  await buyCover(ANVIL_KEYS[5], 1n, 2_400n, 3_000n, 60n);
  await buyCover(ANVIL_KEYS[8], 2n, 3_400n, 1_500n, 14n);

  // Week 1: the venue pays fees every few days.
  for (const fee of [120n, 90n]) {
    await warp(3 * DAY);
    await venueFees(fee * USDC);
  }
  // Week 2: an underwriter asks to leave Junior, a bad liquidation costs the venue 1,800 USDC.
  await warp(DAY);
  await write(ANVIL_KEYS[2], juniorPool.address, backstopPoolAbi, 'requestRedeem', [10_000n * SHARE, holder(ANVIL_KEYS[2]), holder(ANVIL_KEYS[2])]);
  await warp(2 * DAY);
  await write(TEST_VENUE_KEY, waterfall, shortfallWaterfallAbi, 'absorbShortfall', [1_800n * USDC]);
  await warp(2 * DAY);
  await venueFees(150n * USDC);
  // The exchange's book, three days before the seed ends: the overview's 12 recent events still show the
  // seeded fees, shortfalls and withdrawal requests after it (and after the e2e specs' own covers).
  await seedExchange(rpcUrl, deployment, buyCover);
  // Week 3: the Junior request is an hour into its claim window; a Senior underwriter requests and is
  // in cooldown; another liquidation leaves bad debt (inside Junior's daily cap, so Senior is untouched).
  await warp(3 * DAY + 3_600);
  await write(ANVIL_KEYS[4], seniorPool.address, backstopPoolAbi, 'requestRedeem', [20_000n * SHARE, holder(ANVIL_KEYS[4]), holder(ANVIL_KEYS[4])]);
  await write(TEST_VENUE_KEY, waterfall, shortfallWaterfallAbi, 'absorbShortfall', [2_500n * USDC]);
  await venueFees(110n * USDC);
  // A crash: two rounds at or below the first long's strike confirm the touch; its holder is paid
  // (anyone may submit the claim); the price recovers.
  await warpOnly(1_800);
  await tick(2_690n);
  const crashRound = await read<bigint>(deployment.contracts.priceFeed.address, mockAggregatorAbi, 'latestRoundId');
  await warpOnly(60);
  await tick(2_650n);
  await write(ANVIL_KEYS[0], coverMarket.address, coverMarketAbi, 'claim', [1n, crashRound]);
  await warpOnly(3_600);
  await tick(2_780n);
  // Governance queues a longer Junior cooldown: visible on the overview for the next 15 days.
  const queued = seedQueuedChange(deployment);
  await scheduleChange(rpcUrl, deployment, GOVERNANCE_KEY, queued.calls, queued.label);
}

/** The exchange's seeded book (see SEED_LISTINGS): covers listed in the app's order (list, then approve), one sold, one offer. */
async function seedExchange(
  rpcUrl: string,
  deployment: Deployment,
  buyCover: (key: Hex, productId: bigint, strike: bigint, payout: bigint, days: bigint) => Promise<void>,
): Promise<void> {
  const { write, read } = seeder(rpcUrl);
  const { stablecoin, coverMarket, coverExchange } = deployment.contracts;
  const usdc = stablecoin.address;
  const exchange = coverExchange.address;
  const newestCover = () => read<bigint>(coverMarket.address, coverMarketAbi, 'lastTokenId');
  const list = async (key: Hex, tokenId: bigint, price: bigint) => {
    await write(key, exchange, coverExchangeAbi, 'list', [tokenId, price * USDC]);
    await write(key, coverMarket.address, coverMarketAbi, 'approve', [exchange, tokenId]);
  };
  const pay = async (key: Hex, amount: bigint) => {
    await write(key, usdc, testUSDCAbi, 'faucet', [amount * USDC]);
    await write(key, usdc, testUSDCAbi, 'approve', [exchange, amount * USDC]);
  };
  const byPurpose: Record<string, bigint> = {};
  for (const l of SEED_LISTINGS) {
    await buyCover(l.key, l.productId, l.strike, l.payout, l.days);
    byPurpose[l.label] = await newestCover();
    await list(l.key, byPurpose[l.label]!, l.price);
  }
  // One listing sells (a trade on its cover's page), and a bid waits on another.
  const sold = byPurpose['sold']!;
  await pay(ANVIL_KEYS[3], 400n);
  await write(ANVIL_KEYS[3], exchange, coverExchangeAbi, 'buy', [sold, 400n * USDC]);
  await pay(ANVIL_KEYS[1], 150n);
  const day = 86_400n;
  const now = (await createPublicClient({ chain: foundry, transport: http(rpcUrl) }).getBlock()).timestamp;
  await write(ANVIL_KEYS[1], exchange, coverExchangeAbi, 'makeOffer', [byPurpose['bid on']!, 150n * USDC, now + 5n * day]);
}

/** Covers the seed buys and lists (price in USDC); "sold" is bought by anvil #3, "bid on" gets anvil #1's offer. */
export const SEED_LISTINGS = [
  { label: 'sold', key: ANVIL_KEYS[6], productId: 1n, strike: 2_500n, payout: 2_000n, days: 20n, price: 400n },
  { label: 'bid on', key: ANVIL_KEYS[5], productId: 1n, strike: 2_600n, payout: 1_500n, days: 30n, price: 380n },
  { label: 'far', key: ANVIL_KEYS[6], productId: 1n, strike: 2_200n, payout: 3_000n, days: 45n, price: 260n },
  { label: 'up', key: ANVIL_KEYS[8], productId: 2n, strike: 3_500n, payout: 1_000n, days: 21n, price: 320n },
] as const;

/** Registers the stand-in venue the way governance does: queued, the delay warped, executed (before any stake). */
export async function registerStandInVenue(rpcUrl: string, deployment: Deployment): Promise<void> {
  const venue = privateKeyToAccount(TEST_VENUE_KEY).address;
  const waterfall = deployment.contracts.shortfallWaterfall.address;
  await enactChange(
    rpcUrl,
    deployment,
    GOVERNANCE_KEY,
    [{ target: waterfall, abi: shortfallWaterfallAbi, functionName: 'setVenue', args: [venue, TEST_VENUE_EXPOSURE_CAP] }],
    'seed: register the stand-in venue',
  );
}

/** Everything the local stack starts with. */
export async function seedDemo(rpcUrl: string, deployment: Deployment): Promise<void> {
  await registerStandInVenue(rpcUrl, deployment);
  await seedStakes(rpcUrl, deployment);
  await seedHistory(rpcUrl, deployment);
}
