// The EIP-6963 path: a wallet announced by the page, on the wrong chain first, then rejecting.
import { expect, test } from '@playwright/test';
import { E2E_RPC_URL } from '../scripts/testing/e2eEnv';
import { installInjectedWallet, rejectNextSignature, TEST_WALLET_ACCOUNT, TEST_WALLET_NAME } from './support/injectedWallet';
import { usdcBalance } from './support/chain';
import { connectWith } from './support/page';

test('wrong network gets a switch prompt, and switching fixes the page', async ({ page }) => {
  await installInjectedWallet(page, { rpcUrl: E2E_RPC_URL, chainId: 31337 });
  await page.addInitScript(() => {
    // Start the wallet on Ethereum mainnet.
    (window as unknown as { __testWallet: { chainId: number } }).__testWallet.chainId = 1;
  });
  await page.goto('/pools/junior');
  await connectWith(page, TEST_WALLET_NAME);
  await expect(page.getByTestId('wrong-network')).toContainText('Your wallet is on chain 1');
  await expect(page.getByTestId('deposit-button')).toBeDisabled();
  await expect(page.getByTestId('deposit-button')).toHaveText(/Switch your wallet/);
  await page.getByRole('button', { name: /Switch to Local Anvil/ }).click();
  await expect(page.getByTestId('wrong-network')).toHaveCount(0);
  await expect(page.getByTestId('deposit-button')).toHaveText(/Deposit|Enter/);
});

test('the server-rendered cover form: wrong network refuses to sign until the wallet switches, typed fields kept', async ({ page }) => {
  await installInjectedWallet(page, { rpcUrl: E2E_RPC_URL, chainId: 31337 });
  await page.addInitScript(() => {
    (window as unknown as { __testWallet: { chainId: number } }).__testWallet.chainId = 1;
  });
  await page.goto('/cover');
  await connectWith(page, TEST_WALLET_NAME);
  await expect(page.getByTestId('wrong-network')).toContainText('Your wallet is on chain 1');
  await page.getByTestId('cover-payout').fill('100');
  await expect(page.getByTestId('buy-cover-button')).toBeDisabled();
  await expect(page.getByTestId('buy-cover-button')).toHaveText(/Switch your wallet/);
  await page.getByRole('button', { name: /Switch to Local Anvil/ }).click();
  await expect(page.getByTestId('wrong-network')).toHaveCount(0);
  await expect(page.getByTestId('buy-cover-button')).toHaveText(/Buy cover/);
  await expect(page.getByTestId('cover-payout')).toHaveValue('100');
});

test('a rejected signature says so and keeps the form as it was', async ({ page }) => {
  await installInjectedWallet(page, { rpcUrl: E2E_RPC_URL, chainId: 31337 });
  await page.goto('/pools/junior');
  await connectWith(page, TEST_WALLET_NAME);
  const before = await usdcBalance(TEST_WALLET_ACCOUNT);
  await rejectNextSignature(page);
  await page.getByRole('button', { name: /Get 10,000 test USDC/ }).click();
  await expect(page.getByTestId('tx-status').first()).toContainText('You rejected the transaction');
  expect(await usdcBalance(TEST_WALLET_ACCOUNT)).toBe(before);

  // The wallet signs the next one: faucet works through the injected provider.
  await page.getByRole('button', { name: /Get 10,000 test USDC/ }).click();
  await expect(page.getByText('Faucet: confirmed.')).toBeVisible();
  expect(await usdcBalance(TEST_WALLET_ACCOUNT)).toBe(before + 10_000_000_000n);

  // Reject the deposit: the typed amount stays.
  await page.getByLabel('Amount to stake').fill('12.5');
  await rejectNextSignature(page);
  await page.getByTestId('deposit-button').click();
  await expect(page.getByText(/You rejected the transaction/)).toBeVisible();
  await expect(page.getByLabel('Amount to stake')).toHaveValue('12.5');
});

test('with no wallet extension, "Browser wallet" says so in words and offers the dev account', async ({ page }) => {
  await page.goto('/pools/junior');
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('menuitem', { name: 'Browser wallet' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'No wallet extension was found in this browser.' });
  await expect(alert).toBeVisible();
  await expect(alert).not.toContainText(/Provider not found|wagmi/);
  await alert.getByRole('button', { name: 'dev account' }).click();
  await expect(page.getByTestId('connected-address')).toBeVisible();
});
