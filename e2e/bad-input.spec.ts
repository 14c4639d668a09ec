// The bad-input table: each row is one case on the real stack. Every case checks the sentence the
// page shows, that the button stays disabled (Enter does not get past it either), and that the
// wallet was never asked to sign (a counting EIP-6963 test wallet on an account of its own).
// Rows that need a wallet or an RPC of their own live beside their journeys: the wallet rejecting
// and the wrong network in injected-wallet.spec.ts, an unreachable RPC in rpc-down.spec.ts, an
// unreachable indexer in overview.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import type { Address } from 'viem';
import { backstopPoolAbi, coverMarketAbi, mockAggregatorAbi, testUSDCAbi } from '../contracts-abi';
import { deployments } from '../contracts-abi/deployments';
import {
  COVER_MARKET,
  client,
  impersonatedAccount,
  JUNIOR_POOL,
  pokeOracle,
  poolShares,
  publishPrice,
  publishPriceOnly,
  quoteOnChain,
  sendFrom,
  setPoolPaused,
  STABLECOIN,
  warp,
} from './support/chain';
import { E2E_RPC_URL } from '../scripts/testing/e2eEnv';
import { installInjectedWallet, signatureRequests, TEST_WALLET_NAME } from './support/injectedWallet';
import { connectWith } from './support/page';

const USDC = 1_000_000n;
const SHARE = 10n ** 18n;
const DAY = 86_400;
const ACCOUNT: Address = '0x000000000000000000000000000000000000bad1';
const PRICE_FEED = deployments[31337]!.contracts.priceFeed!.address as Address;

test.beforeAll(async () => {
  await impersonatedAccount(ACCOUNT);
  await sendFrom(ACCOUNT, STABLECOIN, testUSDCAbi, 'faucet', [5_000n * USDC]);
  await sendFrom(ACCOUNT, STABLECOIN, testUSDCAbi, 'approve', [JUNIOR_POOL, 1_000n * USDC]);
  await sendFrom(ACCOUNT, JUNIOR_POOL, backstopPoolAbi, 'deposit', [1_000n * USDC, ACCOUNT]);
});

async function open(page: Page, path: string) {
  await installInjectedWallet(page, { rpcUrl: E2E_RPC_URL, chainId: 31337, account: ACCOUNT });
  await page.goto(path);
  await connectWith(page, TEST_WALLET_NAME);
}

/** Types `value`, expects `message` (or no message), a disabled button, and no signature request even on Enter. */
async function refuses(page: Page, field: string, value: string, messageTestId: string, message: RegExp | null, button: string) {
  const input = page.getByTestId(field);
  await input.fill(value);
  if (message) await expect(page.getByTestId(messageTestId)).toContainText(message);
  else await expect(page.getByTestId(messageTestId)).toHaveText('');
  await expect(page.getByTestId(button)).toBeDisabled();
  await input.press('Enter');
  expect(await signatureRequests(page)).toBe(0);
  await expect(input).toHaveValue(value); // nothing typed is lost
}

const STAKE_ROWS: [string, string, RegExp | null][] = [
  ['empty', '', null],
  ['zero', '0', /more than zero/],
  ['negative', '-5', /cannot be negative/],
  ['letters', 'abc', /Enter a number/],
  ['too many decimals', '1.0000001', /at most 6 decimals/],
  ['over the wallet balance', '99999999999', /more than your wallet holds/],
];
for (const [name, value, message] of STAKE_ROWS) {
  test(`stake amount: ${name}`, async ({ page }) => {
    await open(page, '/pools/junior');
    await refuses(page, 'stake-amount', value, 'amount-message', message, 'deposit-button');
  });
}

test('stake amount: over maxDeposit (the guardian paused new deposits)', async ({ page }) => {
  await setPoolPaused(JUNIOR_POOL, true);
  try {
    await open(page, '/pools/junior');
    await refuses(page, 'stake-amount', '10', 'amount-message', /not taking deposits right now/, 'deposit-button');
  } finally {
    await setPoolPaused(JUNIOR_POOL, false);
  }
});

const REQUEST_ROWS: [string, string, RegExp][] = [
  ['zero shares', '0', /more than zero/],
  ['letters', '1e3', /Enter a number/],
  ['more shares than held', '100000000', /you cannot request more/],
];
for (const [name, value, message] of REQUEST_ROWS) {
  test(`withdrawal request: ${name}`, async ({ page }) => {
    await open(page, '/pools/junior');
    await refuses(page, 'request-amount', value, 'request-message', message, 'request-button');
  });
}

test('withdraw: refused before the window opens and gone after it closes (the shares come back)', async ({ page }) => {
  await sendFrom(ACCOUNT, JUNIOR_POOL, backstopPoolAbi, 'requestRedeem', [100n * SHARE, ACCOUNT, ACCOUNT]);
  await open(page, '/pools/junior');
  await expect(page.getByTestId('withdrawal-request')).toHaveAttribute('data-phase', 'cooldown');
  await expect(page.getByTestId('withdraw-button')).toBeDisabled();
  await expect(page.getByTestId('withdraw-button')).toHaveText('Withdraw (after the cooldown)');
  expect(await signatureRequests(page)).toBe(0);

  // Past cooldown (7 d) and window (3 d): the request lapsed, there is nothing to withdraw, and the
  // page offers a new request that first returns the lapsed shares.
  await warp(10 * DAY + 120);
  await publishPrice(await spot()); // keep the feed and σ fresh for the specs after this one
  await page.reload();
  // The pool page is rendered on the server for the account in the wallet cookie, so reading it needs no
  // reconnect (the test wallet forgets its connection on reload, like a locked extension: a signature would
  // ask for the connection again, and none is made here).
  await expect(page.getByTestId('connected-address')).toContainText('bad1');
  await expect(page.getByText(/your lapsed request is returned to you first/)).toBeVisible();
  await expect(page.getByTestId('withdraw-button')).toHaveCount(0);
  expect(await signatureRequests(page)).toBe(0);
  expect(await poolShares(ACCOUNT)).toBeGreaterThan(0n);
});

async function spot(): Promise<bigint> {
  const [, answer] = await client.readContract({ address: PRICE_FEED, abi: mockAggregatorAbi, functionName: 'latestRoundData' });
  return answer / 10n ** 8n;
}

/** The cover form with a valid strike, payout and duration, so one field at a time can go wrong. */
async function coverForm(page: Page) {
  await open(page, '/cover');
  const strike = ((await spot()) * 8n) / 10n;
  await page.getByTestId('cover-strike').fill(String(strike));
  await page.getByTestId('cover-payout').fill('100');
  await page.getByTestId('cover-duration').fill('7');
  await expect(page.getByTestId('quote-premium')).toBeVisible();
}

test('cover strike: above the price for a cover that pays on a fall', async ({ page }) => {
  await coverForm(page);
  const above = (await spot()) + 100n;
  await refuses(page, 'cover-strike', String(above), 'cover-strike-message', /pick a strike below the price now/, 'buy-cover-button');
});

test('cover strike: already breached (at the price now)', async ({ page }) => {
  await coverForm(page);
  await refuses(page, 'cover-strike', String(await spot()), 'cover-strike-message', /pick a strike below the price now/, 'buy-cover-button');
});

const COVER_ROWS: [string, string, string, RegExp][] = [
  ['strike: letters', 'cover-strike', 'abc', /Enter the strike as a number/],
  ['strike: zero', 'cover-strike', '0', /must be above zero/],
  ['payout: empty (no error yet, only the hint)', 'cover-payout', '', /Paid to whoever holds the cover/],
  ['payout: zero', 'cover-payout', '0', /more than zero/],
  ['payout: negative', 'cover-payout', '-1', /cannot be negative/],
  ['payout: too many decimals', 'cover-payout', '1.1234567', /at most 6 decimals/],
  [
    'payout: over the pool’s utilization ceiling',
    'cover-payout',
    '100000000',
    /at most [\d,.]+ USDC of cover can be sold from this pool now \(it keeps 20% of its capital free for shortfalls and withdrawals\)/,
  ],
  [
    'strike: beyond the strike range (a strike nobody can touch)',
    'cover-strike',
    '1',
    /The strike must be between [\d,.]+ and the price now \([\d,.]+\): within ×4 of the price/,
  ],
  ['duration: longer than the product allows', 'cover-duration', '365', /Cover runs from/],
  ['duration: shorter than an hour', 'cover-duration', '0.01', /Cover runs from/],
];
for (const [name, field, value, message] of COVER_ROWS) {
  test(`cover ${name}`, async ({ page }) => {
    await coverForm(page);
    await refuses(page, field, value, `${field}-message`, message, 'buy-cover-button');
  });
}

test('cover: σ behind the latest price round is refused in the form until the oracle catches up', async ({ page }) => {
  await coverForm(page);
  await publishPriceOnly(await spot()); // a round σ has not folded
  try {
    await expect(page.getByTestId('cover-quote-message')).toHaveText(/Volatility has not caught up with the latest price round/, { timeout: 15_000 });
    await expect(page.getByTestId('buy-cover-button')).toBeDisabled();
    await page.getByTestId('cover-payout').press('Enter');
    expect(await signatureRequests(page)).toBe(0);
  } finally {
    await pokeOracle();
  }
  await expect(page.getByTestId('quote-premium')).toBeVisible({ timeout: 15_000 });
});

test('claim: an untriggered cover shows as active with no claim to make', async ({ page }) => {
  const strike = ((await spot()) / 2n) * 10n ** 8n;
  const quoted = await quoteOnChain(1n, strike / 10n ** 8n, 100n * USDC, 7n * BigInt(DAY));
  const maxPremium = quoted + quoted / 100n + 1n; // the pool's assets stream by the second
  await sendFrom(ACCOUNT, STABLECOIN, testUSDCAbi, 'approve', [COVER_MARKET, maxPremium]);
  await sendFrom(ACCOUNT, COVER_MARKET, coverMarketAbi, 'buyCover', [1n, strike, 100n * USDC, 7n * BigInt(DAY), maxPremium]);
  const tokenId = await client.readContract({ address: COVER_MARKET, abi: coverMarketAbi, functionName: 'lastTokenId' });
  await open(page, '/portfolio');
  await expect(page.getByTestId(`cover-${tokenId}`)).toHaveAttribute('data-view', 'active');
  await expect(page.getByTestId(`claim-${tokenId}`)).toHaveCount(0);
  expect(await signatureRequests(page)).toBe(0);
});
