// The local chain's believable past, scripted in one place and deterministic (same accounts, amounts
// and time steps every run): underwriters in both layers, traders on the reference PerpVenue paying
// fees, a crash that liquidates some of them and leaves one position's bad debt to the waterfall, a
// cover at a liquidated trader's liquidation price that pays, withdrawal requests in every state, and
// weeks of simulated time so yields and charts have history. The venue is registered by the deploy;
// owner actions go through the timelock (scripts/chain/governance.ts): one change is left queued at the
// end so the overview shows a pending governance change.
import { createPublicClient, createWalletClient, http, type Abi, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { backstopPoolAbi, coverExchangeAbi, coverMarketAbi, perpVenueAbi, mockAggregatorAbi, testUSDCAbi } from '../../contracts-abi';
import type { Deployment } from './deploy';
import { scheduleChange, type OwnerCall } from './governance';
import { publishRound, startKeeper } from '../keeper/keeper';
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

/** The venue's operator: funds the house (the venue's counterparty balance) before anyone trades. */
export const HOUSE_FUNDER_KEY = ANVIL_KEYS[7];
export const SEED_HOUSE = 100_000n * USDC;

/**
 * The seeded traders (all open at the same round, so the crash is defined relative to one entry):
 * `marginTenths` / 10 is their margin as a multiple of the initial margin σ asked then (plus the fee).
 * The crash takes the price 1.15 initial fractions below the entry in one round, so (whatever σ the
 * walk left) the 1.3× long is liquidated in full, the 1.5× long partially, the 1.0× long gaps through
 * its margin and leaves bad debt, and the short gains.
 */
export const SEED_TRADERS = [
  { name: 'covered long', key: ANVIL_KEYS[6], isLong: true, size: 2n * 10n ** 18n, marginTenths: 13n },
  { name: 'partial long', key: ANVIL_KEYS[5], isLong: true, size: 3n * 10n ** 18n, marginTenths: 15n },
  { name: 'gap long', key: ANVIL_KEYS[3], isLong: true, size: 30n * 10n ** 18n, marginTenths: 10n },
  { name: 'short', key: ANVIL_KEYS[8], isLong: false, size: 10n * 10n ** 18n, marginTenths: 30n },
] as const;
/** The crash, in hundredths of the traders' initial fraction below their entry: 1.15. */
const CRASH_HUNDREDTHS_OF_FRACTION = 115n;

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

/** Two simulated weeks after the first stakes: trading on the venue and its fees, covers, a Junior and a Senior withdrawal request, a crash with liquidations, bad debt the waterfall absorbs and a cover that pays, a governance change left queued. */
export async function seedHistory(rpcUrl: string, deployment: Deployment): Promise<void> {
  const { write, warp: warpOnly, read, faucet } = seeder(rpcUrl);
  const { stablecoin, juniorPool, seniorPool, coverMarket, perpVenue } = deployment.contracts;
  const venue = perpVenue.address;
  // The price walks a fixed path; every time step publishes a round and updates σ, as the keeper would.
  const path = [3_050n, 2_980n, 3_020n, 3_100n, 3_060n, 2_990n, 3_040n, 2_960n, 3_010n];
  let step = 0;
  const tick = (answer: bigint) => publishRound(rpcUrl, deployment, answer);
  const warp = async (seconds: number) => {
    await warpOnly(seconds);
    await tick(path[step++ % path.length]! * PRICE);
  };
  const usdc = stablecoin.address;
  const holder = (key: Hex) => privateKeyToAccount(key).address;
  const buyCover = async (key: Hex, productId: bigint, strike: bigint, payout: bigint, days: bigint) => {
    const args = [productId, strike, payout * USDC, days * BigInt(DAY)] as const;
    const premium = await read<bigint>(coverMarket.address, coverMarketAbi, 'quote', args);
    await write(key, usdc, testUSDCAbi, 'faucet', [premium]);
    await write(key, usdc, testUSDCAbi, 'approve', [coverMarket.address, premium]);
    await write(key, coverMarket.address, coverMarketAbi, 'buyCover', [...args, premium]);
  };
  const latestAnswer = async () => (await read<readonly [bigint, bigint]>(deployment.contracts.priceFeed.address, mockAggregatorAbi, 'latestRoundData'))[1];
  const feeOf = async (size: bigint) => {
    const [params, scale] = await Promise.all([
      read<{ tradingFeeBps: number }>(venue, perpVenueAbi, 'params'),
      read<bigint>(venue, perpVenueAbi, 'priceScale'),
    ]);
    return (size * (await latestAnswer()) * BigInt(params.tradingFeeBps) + scale * 10_000n - 1n) / (scale * 10_000n);
  };
  /** Opens at the latest price with `tenths` / 10 of the initial margin σ asks now, plus the fee. */
  const open = async (key: Hex, isLong: boolean, size: bigint, tenths: bigint) => {
    const [fraction, scale, answer] = await Promise.all([
      read<bigint>(venue, perpVenueAbi, 'marginFractionNow'),
      read<bigint>(venue, perpVenueAbi, 'priceScale'),
      latestAnswer(),
    ]);
    const initial = (fraction * size * answer + scale * 10n ** 18n - 1n) / (scale * 10n ** 18n);
    const margin = (initial * tenths + 9n) / 10n + (await feeOf(size));
    await faucet(key, usdc, margin);
    await write(key, usdc, testUSDCAbi, 'approve', [venue, margin]);
    await write(key, venue, perpVenueAbi, 'open', [isLong, size, margin, answer]);
  };
  // The worst exit price accepted: a long at least 0, a short at most anything (the seed takes the market).
  const close = (key: Hex, isLong: boolean) => write(key, venue, perpVenueAbi, 'close', [isLong ? 0n : 2n ** 255n]);
  const distributeFees = () => write(HOUSE_FUNDER_KEY, venue, perpVenueAbi, 'distributeFees', []);

  // A late underwriter joins Junior; the venue's operator funds the house.
  const late = ANVIL_KEYS[5];
  await faucet(late, usdc, 50_000n * USDC);
  await write(late, usdc, testUSDCAbi, 'approve', [juniorPool.address, 50_000n * USDC]);
  await write(late, juniorPool.address, backstopPoolAbi, 'deposit', [50_000n * USDC, holder(late)]);
  await faucet(HOUSE_FUNDER_KEY, usdc, SEED_HOUSE);
  await write(HOUSE_FUNDER_KEY, usdc, testUSDCAbi, 'approve', [venue, SEED_HOUSE]);
  await write(HOUSE_FUNDER_KEY, venue, perpVenueAbi, 'fundHouse', [SEED_HOUSE]);

  await tick(3_000n * PRICE);
  await warpOnly(600);
  await tick(3_010n * PRICE);
  // Traders open at one round; the covered long insures exactly its liquidation price (Junior backs
  // long covers); two more covers: a long's at 2,400 and a short's at 3,400 (Senior).
  for (const t of SEED_TRADERS) await open(t.key, t.isLong, t.size, t.marginTenths);
  const covered = await read<{ liquidationPrice: bigint }>(venue, perpVenueAbi, 'positionState', [holder(SEED_TRADERS[0].key)]);
  await buyCover(SEED_TRADERS[0].key, 1n, covered.liquidationPrice, 2_000n, 30n);
  await buyCover(ANVIL_KEYS[5], 1n, 2_400n * PRICE, 3_000n, 60n);
  await buyCover(ANVIL_KEYS[8], 2n, 3_400n * PRICE, 1_500n, 14n);

  // Week 1: a day trader opens and closes every few days; the venue sends the pools their fee share.
  const dayTrader = ANVIL_KEYS[1];
  for (const isLong of [true, false]) {
    await warp(DAY);
    await open(dayTrader, isLong, 20n * 10n ** 18n, 20n);
    await warp(2 * DAY);
    await close(dayTrader, isLong);
    await distributeFees();
  }
  // Week 2: an underwriter asks to leave Junior; the short takes some profit.
  await warp(DAY);
  await write(ANVIL_KEYS[2], juniorPool.address, backstopPoolAbi, 'requestRedeem', [10_000n * SHARE, holder(ANVIL_KEYS[2]), holder(ANVIL_KEYS[2])]);
  await warp(2 * DAY);
  await write(SEED_TRADERS[3].key, venue, perpVenueAbi, 'reduce', [2n * 10n ** 18n, 2n ** 255n]);
  await warp(2 * DAY);
  await distributeFees();
  // The exchange's book, three days before the seed ends: the overview's 12 recent events still show the
  // seeded fees, shortfalls and withdrawal requests after it (and after the e2e specs' own covers).
  await seedExchange(rpcUrl, deployment, buyCover);
  // Week 3: the Junior request is an hour into its claim window; a Senior underwriter requests and is
  // in cooldown.
  await warp(3 * DAY + 3_600);
  await write(ANVIL_KEYS[4], seniorPool.address, backstopPoolAbi, 'requestRedeem', [20_000n * SHARE, holder(ANVIL_KEYS[4]), holder(ANVIL_KEYS[4])]);
  // The crash, through the keeper (the same module `npm start` runs): one round 1.15 initial fractions
  // below the traders' entry; the keeper liquidates at once — the covered long in full, the 1.5× long
  // partially, the gap long with bad debt that the waterfall absorbs in the same transaction. A second
  // round below the covered long's strike confirms the touch and its cover pays (anyone may claim).
  await warpOnly(1_800);
  await tick(3_010n * PRICE);
  const gap = await read<{ entryPrice: bigint; marginFraction: bigint }>(venue, perpVenueAbi, 'positionOf', [holder(SEED_TRADERS[2].key)]);
  const target = gap.entryPrice - (gap.entryPrice * gap.marginFraction * CRASH_HUNDREDTHS_OF_FRACTION) / (100n * 10n ** 18n);
  const now = await latestAnswer();
  const crashBps = Number(((now - target) * 10_000n + now - 1n) / now);
  const keeper = startKeeper({ rpcUrl, deployment, intervalMs: 2 ** 31 - 1, config: { pushEvery: 10n ** 12n }, log: (line) => console.log(`  seed ${line}`) });
  await keeper.crash(crashBps);
  await keeper.stop();
  const crashRound = await read<bigint>(deployment.contracts.priceFeed.address, mockAggregatorAbi, 'latestRoundId');
  await warpOnly(60);
  const crashed = await latestAnswer();
  await tick((crashed < covered.liquidationPrice ? crashed : covered.liquidationPrice) - 5n * PRICE);
  await write(ANVIL_KEYS[0], coverMarket.address, coverMarketAbi, 'claim', [1n, crashRound]);
  await warpOnly(3_600);
  await tick(2_780n * PRICE);
  await distributeFees();
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
    await buyCover(l.key, l.productId, l.strike * PRICE, l.payout, l.days);
    byPurpose[l.label] = await newestCover();
    await list(l.key, byPurpose[l.label]!, l.price);
  }
  // One listing sells (a trade on its cover's page), and a bid waits on another.
  const sold = byPurpose.sold!;
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

/** Everything the local stack starts with. */
export async function seedDemo(rpcUrl: string, deployment: Deployment): Promise<void> {
  await seedStakes(rpcUrl, deployment);
  await seedHistory(rpcUrl, deployment);
}
