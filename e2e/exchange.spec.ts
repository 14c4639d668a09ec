// The cover exchange: one account lists its cover from /portfolio (bad prices refused in words first), another
// buys it on /cover/market against its model value, the price crashes through the strike, and the new owner
// claims from its portfolio and is paid. The cover's page shows the trade.
import { expect, test } from '@playwright/test';
import { DEV_ACCOUNT } from '../lib/wallet/devAccount';
import { ANVIL_KEYS } from '../scripts/testing/anvil';
import { E2E_RPC_URL } from '../scripts/testing/e2eEnv';
import { buyCoverAs, coverOwner, exchangeFeeOf, faucetTo, publishPrice, usdcBalance, warp } from './support/chain';
import { installInjectedWallet, TEST_WALLET_ACCOUNT, TEST_WALLET_NAME } from './support/injectedWallet';
import { connectWith } from './support/page';

const USDC = 1_000_000n;
const DAY = 86_400n;

test('list from the portfolio, buy on the market, crash, the new owner claims', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await publishPrice(2_800n);
  const tokenId = await buyCoverAs(ANVIL_KEYS[9]!, 1n, 2_500n, 400n * USDC, 10n * DAY);
  expect(await coverOwner(tokenId)).toBe(DEV_ACCOUNT);

  // The seller (the dev account) lists it from its portfolio.
  await page.goto('/portfolio');
  await connectWith(page, /Dev account/);
  const trade = page.getByTestId(`trade-${tokenId}`);
  await expect(trade).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId(`cover-${tokenId}-model`)).toHaveText(/^\d[\d,]*(\.\d+)? USDC$/);

  // Bad input for a listing: each refused in words, nothing signed.
  const price = page.getByTestId(`list-price-${tokenId}`);
  const badListings: [string, RegExp][] = [
    ['', /Enter the price/],
    ['abc', /as a number/],
    ['-3', /cannot be negative/],
    ['0', /more than zero/],
    ['1.1234567', /at most 6 decimals/],
    ['400.000001', /never be worth more than its payout/],
  ];
  for (const [text, message] of badListings) {
    await price.fill(text);
    await page.getByTestId(`list-${tokenId}`).click();
    await expect(page.getByTestId(`list-message-${tokenId}`)).toHaveText(message);
  }
  await price.fill('120');
  await page.getByTestId(`list-${tokenId}`).click();
  await expect(page.getByText('List: confirmed.')).toBeVisible();
  await expect(page.getByText('Approve the exchange for the cover: confirmed.')).toBeVisible();
  await expect(page.getByTestId(`cover-${tokenId}-listed`)).toHaveAttribute('data-live', 'yes');

  // The seller sees its own listing on the market and cannot buy it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Market' }).click();
  const sellerRow = page.getByTestId(`listing-${tokenId}`);
  await expect(sellerRow).toBeVisible({ timeout: 30_000 });
  await expect(sellerRow.getByText('Your listing')).toBeVisible();
  await expect(page.getByTestId(`buy-${tokenId}`)).toHaveCount(0);

  // Another account (an injected wallet, anvil #8) buys it against its model value.
  await faucetTo(ANVIL_KEYS[8]!, 1_000n * USDC);
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await installInjectedWallet(buyer, { rpcUrl: E2E_RPC_URL, chainId: 31337 });
  await buyer.goto('/cover/market');
  await connectWith(buyer, TEST_WALLET_NAME);
  const row = buyer.getByTestId(`listing-${tokenId}`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(buyer.getByTestId(`listing-${tokenId}-price`)).toHaveText('120 USDC');
  await expect(buyer.getByTestId(`listing-${tokenId}-discount`)).toHaveText(/(below|above|at) model/);
  // Sorting by strike puts the listings in strike order.
  await buyer.getByTestId('sort-strike').click();
  const strikes = await buyer.locator('[data-testid$="-strike"]').allInnerTexts();
  const numbers = strikes.map((s) => Number(s.replace(/,/g, '')));
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));

  const sellerBefore = await usdcBalance(DEV_ACCOUNT);
  const buyerBefore = await usdcBalance(TEST_WALLET_ACCOUNT);
  await buyer.getByTestId(`buy-${tokenId}`).click();
  await expect(buyer.getByText(`Buy cover #${tokenId}: confirmed.`)).toBeVisible();
  expect(await coverOwner(tokenId)).toBe(TEST_WALLET_ACCOUNT);
  const fee = await exchangeFeeOf(120n * USDC);
  expect(fee).toBe(600_000n); // 0.5 %, rounded up
  expect(await usdcBalance(DEV_ACCOUNT)).toBe(sellerBefore + 120n * USDC - fee);
  expect(await usdcBalance(TEST_WALLET_ACCOUNT)).toBe(buyerBefore - 120n * USDC);

  // The cover's page shows the trade against the model value (a read-only page: no wallet needed).
  await page.goto(`/cover/${tokenId}`);
  await expect(page.getByTestId('cover-trades')).toHaveAttribute('data-count', '1', { timeout: 30_000 });
  await expect(page.getByTestId('cover-detail-model')).toHaveText(/USDC$/);

  // The price crashes through the strike (after the activation delay, two confirming rounds).
  await warp(400);
  await publishPrice(2_480n);
  await warp(60);
  await publishPrice(2_450n);
  await buyer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  const owned = buyer.getByTestId(`cover-${tokenId}`);
  await expect(owned).toHaveAttribute('data-view', 'triggered', { timeout: 30_000 });
  const beforeClaim = await usdcBalance(TEST_WALLET_ACCOUNT);
  await buyer.getByTestId(`claim-${tokenId}`).click();
  await expect(buyer.getByText('Claim: confirmed.')).toBeVisible();
  expect(await usdcBalance(TEST_WALLET_ACCOUNT)).toBe(beforeClaim + 400n * USDC);
  await expect(owned).toHaveAttribute('data-view', 'paid');
  await buyerContext.close();
});

test('offers: bad input refused in words, an offer escrowed, accepted from the portfolio', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await publishPrice(2_800n);
  // A payout above any balance the bidder has, so the balance refusal is reached (the contract checks the payout first).
  const tokenId = await buyCoverAs(ANVIL_KEYS[9]!, 1n, 2_600n, 5_000n * USDC, 10n * DAY);

  // The holder may not bid on its own cover.
  await page.goto(`/cover/${tokenId}`);
  await connectWith(page, /Dev account/);
  await page.getByTestId('offer-amount').fill('50');
  await page.getByTestId('make-offer').click();
  await expect(page.getByTestId('offer-message')).toHaveText(/trade with yourself/);

  // A bidder (anvil #8): each bad offer refused before its wallet opens, then a good one escrowed.
  await faucetTo(ANVIL_KEYS[8]!, 100n * USDC);
  const bidderContext = await browser.newContext();
  const bidder = await bidderContext.newPage();
  await installInjectedWallet(bidder, { rpcUrl: E2E_RPC_URL, chainId: 31337 });
  await bidder.goto(`/cover/${tokenId}`);
  await connectWith(bidder, TEST_WALLET_NAME);
  const balance = await usdcBalance(TEST_WALLET_ACCOUNT);
  expect(balance).toBeLessThan(4_999n * USDC);
  // The form checks the balance it shows: wait until it has read it.
  await expect(bidder.getByText(/Your balance: \d/)).toBeVisible();
  const badOffers: [string, string, RegExp][] = [
    ['', '3', /Enter the offer/],
    ['x', '3', /as a number/],
    ['0', '3', /more than zero/],
    ['50', '', /how many days/],
    ['50', '0', /expire in the future/],
    ['5000.5', '3', /never be worth more than its payout/],
    [(balance / USDC + 1n).toString(), '3', /below the .* this needs/],
  ];
  for (const [amount, days, message] of badOffers) {
    await bidder.getByTestId('offer-amount').fill(amount);
    await bidder.getByTestId('offer-days').fill(days);
    await bidder.getByTestId('make-offer').click();
    await expect(bidder.getByTestId('offer-message')).toHaveText(message);
  }
  await bidder.getByTestId('offer-amount').fill('50');
  await bidder.getByTestId('offer-days').fill('3');
  await bidder.getByTestId('make-offer').click();
  await expect(bidder.getByText('Make offer: confirmed.')).toBeVisible();
  expect(await usdcBalance(TEST_WALLET_ACCOUNT)).toBe(balance - 50n * USDC);

  // The holder accepts it from its portfolio (approving the token first).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  const offers = page.getByTestId(`offers-${tokenId}`);
  await expect(offers).toBeVisible({ timeout: 30_000 });
  const before = await usdcBalance(DEV_ACCOUNT);
  await offers.getByRole('button', { name: 'Accept' }).first().click();
  // Once the sale confirms the cover leaves this portfolio, and its row (with the row's status line) with it.
  await expect.poll(() => coverOwner(tokenId), { timeout: 30_000 }).toBe(TEST_WALLET_ACCOUNT);
  await expect(page.getByTestId(`offers-${tokenId}`)).toHaveCount(0);
  expect(await usdcBalance(DEV_ACCOUNT)).toBe(before + 50n * USDC - (await exchangeFeeOf(50n * USDC)));
  await bidderContext.close();
});
