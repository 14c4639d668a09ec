// Reads the chain directly, so specs check what the page shows against the source of truth.
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
import { ANVIL_KEYS } from '../../scripts/testing/anvil';
import { deployments } from '../../contracts-abi/deployments';
import { E2E_RPC_URL } from '../../scripts/testing/e2eEnv';

export const client = createPublicClient({ chain: foundry, transport: http(E2E_RPC_URL) });
const contracts = deployments[31337]!.contracts;
export const STABLECOIN = contracts.stablecoin!.address as Address;
export const JUNIOR_POOL = contracts.juniorPool!.address as Address;

export async function usdcBalance(account: Address): Promise<bigint> {
  return client.readContract({ address: STABLECOIN, abi: testUSDCAbi, functionName: 'balanceOf', args: [account] });
}

/** What one faucet request may mint: the contract's own cap (the page's faucet draws exactly this). */
export async function faucetCap(): Promise<bigint> {
  return client.readContract({ address: STABLECOIN, abi: testUSDCAbi, functionName: 'FAUCET_CAP' });
}

export async function poolShares(account: Address, pool: Address = JUNIOR_POOL): Promise<bigint> {
  return client.readContract({ address: pool, abi: backstopPoolAbi, functionName: 'balanceOf', args: [account] });
}

export async function poolTotalAssets(pool: Address = JUNIOR_POOL): Promise<bigint> {
  return client.readContract({ address: pool, abi: backstopPoolAbi, functionName: 'totalAssets' });
}

export const SENIOR_POOL = contracts.seniorPool!.address as Address;

/** Moves the chain's clock forward and mines a block, as a keeper-less test must. */
export async function warp(seconds: number): Promise<void> {
  await client.request({ method: 'evm_increaseTime' as never, params: [seconds] as never });
  await client.request({ method: 'evm_mine' as never });
}

export async function redeemRequestOf(account: Address, pool: Address) {
  const [requestId, shares, claimableAt, expiresAt, , assetsAtRequest] = await client.readContract({
    address: pool,
    abi: backstopPoolAbi,
    functionName: 'redeemRequest',
    args: [account],
  });
  return { requestId, shares, claimableAt, expiresAt, assetsAtRequest };
}

/** What `redeem(shares)` of `controller`'s request pays now: the lower of the value at request and now. */
export async function previewClaimRedeem(shares: bigint, controller: Address, pool: Address = JUNIOR_POOL): Promise<bigint> {
  return client.readContract({ address: pool, abi: backstopPoolAbi, functionName: 'previewClaimRedeem', args: [shares, controller] });
}

export async function convertToAssets(shares: bigint, pool: Address = JUNIOR_POOL): Promise<bigint> {
  return client.readContract({ address: pool, abi: backstopPoolAbi, functionName: 'convertToAssets', args: [shares] });
}

const contractsAll = deployments[31337]!.contracts;
export const COVER_MARKET = contractsAll.coverMarket!.address as Address;
const PRICE_FEED = contractsAll.priceFeed!.address as Address;
const VOLATILITY_ORACLE = contractsAll.volatilityOracle!.address as Address;

async function sendAs(key: Hex, address: Address, abi: Abi, functionName: string, args: readonly unknown[]) {
  const wallet = createWalletClient({ chain: foundry, transport: http(E2E_RPC_URL), account: privateKeyToAccount(key) });
  const hash = await wallet.writeContract({ address, abi, functionName, args: args as unknown[] });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${functionName} reverted`);
}

/**
 * The registered venue (the real PerpVenue) pays `amount` of fees through the waterfall (streamed into
 * both layers over a day). Its own fee share is a few dollars per trade, so the test speaks as the venue
 * (anvil impersonation) with freshly minted test USDC: the pools see exactly what a busy venue sends.
 */
export async function payVenueFees(amount: bigint): Promise<void> {
  const waterfall = contractsAll.shortfallWaterfall!.address as Address;
  const venue = contractsAll.perpVenue!.address as Address;
  await client.request({ method: 'anvil_impersonateAccount' as never, params: [venue] as never });
  await client.request({ method: 'anvil_setBalance' as never, params: [venue, '0x56BC75E2D63100000'] as never });
  try {
    const wallet = createWalletClient({ chain: foundry, transport: http(E2E_RPC_URL), account: venue });
    for (const [address, abi, functionName, args] of [
      [STABLECOIN, testUSDCAbi, 'faucet', [amount]],
      [STABLECOIN, testUSDCAbi, 'approve', [waterfall, amount]],
      [waterfall, shortfallWaterfallAbi, 'distributeFees', [amount]],
    ] as const) {
      const hash = await wallet.writeContract({ address, abi: abi as Abi, functionName, args: args as unknown as unknown[] });
      if ((await client.waitForTransactionReceipt({ hash })).status !== 'success') throw new Error(`${functionName} reverted`);
    }
  } finally {
    await client.request({ method: 'anvil_stopImpersonatingAccount' as never, params: [venue] as never });
  }
}

/** The local keeper's job: publish a price round (USD, 8 decimals on the feed) and update σ. */
export async function publishPrice(usd: bigint): Promise<void> {
  await sendAs(ANVIL_KEYS[0], PRICE_FEED, mockAggregatorAbi, 'pushAnswer', [usd * 10n ** 8n]);
  await sendAs(ANVIL_KEYS[0], VOLATILITY_ORACLE, volatilityOracleAbi, 'poke', []);
}

/** A new round on the mock feed without folding it into σ: the oracle is then one round behind. */
export async function publishPriceOnly(usd: bigint): Promise<void> {
  await sendAs(ANVIL_KEYS[0], PRICE_FEED, mockAggregatorAbi, 'pushAnswer', [usd * 10n ** 8n]);
}

/** Folds every published round into σ. */
export async function pokeOracle(): Promise<void> {
  await sendAs(ANVIL_KEYS[0], VOLATILITY_ORACLE, volatilityOracleAbi, 'poke', []);
}

/** Test USDC for the dev account, drawn from the faucet with its own key. */
export async function faucetTo(key: Hex, amount: bigint): Promise<void> {
  await sendAs(key, STABLECOIN, testUSDCAbi, 'faucet', [amount]);
}

export async function quoteOnChain(productId: bigint, strikeUsd: bigint, payout: bigint, duration: bigint): Promise<bigint> {
  return client.readContract({ address: COVER_MARKET, abi: coverMarketAbi, functionName: 'quote', args: [productId, strikeUsd * 10n ** 8n, payout, duration] });
}

export async function lastCover(): Promise<{ tokenId: bigint; owner: Address }> {
  const tokenId = await client.readContract({ address: COVER_MARKET, abi: coverMarketAbi, functionName: 'lastTokenId' });
  const owner = await client.readContract({ address: COVER_MARKET, abi: coverMarketAbi, functionName: 'ownerOf', args: [tokenId] });
  return { tokenId, owner };
}

/** An empty account anvil signs for without its key (impersonated), with gas money: state no other spec touches. */
export async function impersonatedAccount(address: Address): Promise<Address> {
  await client.request({ method: 'anvil_impersonateAccount' as never, params: [address] as never });
  await client.request({ method: 'anvil_setBalance' as never, params: [address, '0x56bc75e2d63100000'] as never }); // 100 ETH
  return address;
}

/** A transaction from an impersonated account (anvil signs it). */
export async function sendFrom(from: Address, address: Address, abi: Abi, functionName: string, args: readonly unknown[]): Promise<void> {
  const wallet = createWalletClient({ chain: foundry, transport: http(E2E_RPC_URL), account: from });
  const hash = await wallet.writeContract({ address, abi, functionName, args: args as unknown[], account: from, chain: foundry });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${functionName} reverted`);
}

const TIMELOCK = contractsAll.timelock!.address as Address;

/**
 * The guardian's pause of new risk in a pool (deposits, mints, new cover), and the owner's resume. The owner
 * is the timelock, whose resume would take its 15-day delay (warping that far would move every later
 * spec's clock): the test signs as the timelock itself (anvil impersonation) instead.
 */
export async function setPoolPaused(pool: Address, paused: boolean): Promise<void> {
  if (paused) return sendAs(ANVIL_KEYS[0], pool, backstopPoolAbi, 'pause', []); // the local guardian (deployer)
  await impersonatedAccount(TIMELOCK);
  await sendFrom(TIMELOCK, pool, backstopPoolAbi as Abi, 'unpause', []);
}

/** Buys cover from `key` straight on the market (faucet, approve, buy at the quote); returns its token id. */
export async function buyCoverAs(key: Hex, productId: bigint, strikeUsd: bigint, payout: bigint, duration: bigint): Promise<bigint> {
  const premium = await quoteOnChain(productId, strikeUsd, payout, duration);
  await sendAs(key, STABLECOIN, testUSDCAbi, 'faucet', [premium]);
  await sendAs(key, STABLECOIN, testUSDCAbi, 'approve', [COVER_MARKET, premium]);
  await sendAs(key, COVER_MARKET, coverMarketAbi, 'buyCover', [productId, strikeUsd * 10n ** 8n, payout, duration, premium]);
  return client.readContract({ address: COVER_MARKET, abi: coverMarketAbi, functionName: 'lastTokenId' });
}

export const COVER_EXCHANGE = contractsAll.coverExchange!.address as Address;

export async function coverOwner(tokenId: bigint): Promise<Address> {
  return client.readContract({ address: COVER_MARKET, abi: coverMarketAbi, functionName: 'ownerOf', args: [tokenId] });
}

export async function exchangeFeeOf(price: bigint): Promise<bigint> {
  return client.readContract({ address: COVER_EXCHANGE, abi: coverExchangeAbi, functionName: 'feeOf', args: [price] });
}

/** A cover that is active for at least another day and held by someone other than `notHeldBy` (the newest such); throws when there is none. */
export async function activeCoverId(notHeldBy: Address): Promise<bigint> {
  const last = await client.readContract({ address: COVER_MARKET, abi: coverMarketAbi, functionName: 'lastTokenId' });
  const { timestamp } = await client.getBlock({ blockTag: 'latest' });
  for (let id = last; id > 0n; id--) {
    const info = await client.readContract({ address: COVER_MARKET, abi: coverMarketAbi, functionName: 'coverInfo', args: [id] });
    if (info.status === 1 && info.end > timestamp + 86_400n && info.holder.toLowerCase() !== notHeldBy.toLowerCase()) return id;
  }
  throw new Error('No active cover on the e2e chain');
}
