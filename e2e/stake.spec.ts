// The walking skeleton's journey: connect the dev account, draw test USDC, stake in Junior.
import { expect, test } from '@playwright/test';
import { formatAmount } from '../lib/format/amount';
import { DEV_ACCOUNT } from '../lib/wallet/devAccount';
import { faucetCap, poolShares, poolTotalAssets, usdcBalance } from './support/chain';
import { connectWith, readUsdc } from './support/page';

test('dev account: faucet → approve + deposit → wallet, shares and TVL update', async ({ page }) => {
  await page.goto('/pools/junior');
  await expect(page.getByRole('heading', { name: /Junior pool/ })).toBeVisible();
  await connectWith(page, /Dev account/);

  // Faucet: its words say what one click gives (the contract's cap), and the wallet rises by exactly that, as on chain.
  const walletBefore = await usdcBalance(DEV_ACCOUNT);
  const draw = await faucetCap();
  await expect(page.getByTestId('faucet-terms')).toContainText(`each click mints ${formatAmount(draw, 6)} USDC to your account`);
  await page.getByRole('button', { name: `Get ${formatAmount(draw, 6)} test USDC` }).click();
  await expect(page.getByText('Faucet: confirmed.')).toBeVisible();
  expect(await usdcBalance(DEV_ACCOUNT)).toBe(walletBefore + draw);
  await expect(page.getByTestId('wallet-balance')).toContainText(formatAmount(walletBefore + draw, 6));

  // Deposit 250 USDC: the preview comes from the lib/ twin before any wallet opens.
  const sharesBefore = await poolShares(DEV_ACCOUNT);
  const tvlBefore = await poolTotalAssets();
  await page.getByLabel('Amount to stake').fill('250');
  await expect(page.getByTestId('share-preview')).toContainText('You receive ≈');
  await expect(page.getByTestId('step-approve')).toContainText('needed');
  await page.getByTestId('deposit-button').click();
  await expect(page.getByText('Deposit: confirmed.')).toBeVisible();

  expect(await usdcBalance(DEV_ACCOUNT)).toBe(walletBefore + draw - 250_000_000n);
  const sharesAfter = await poolShares(DEV_ACCOUNT);
  expect(sharesAfter).toBeGreaterThan(sharesBefore);
  // TVL grew by the deposit, plus at most the fees streaming in meanwhile (the seed left some unearned).
  const tvlAfter = await poolTotalAssets();
  expect(tvlAfter - tvlBefore).toBeGreaterThanOrEqual(250_000_000n);
  expect(tvlAfter - tvlBefore).toBeLessThan(251_000_000n);

  // The page refetched after confirmation: its TVL is the chain's (give or take a second of streaming fees).
  await expect.poll(async () => (await poolTotalAssets()) - (await readUsdc(page, 'pool-tvl'))).toBeLessThan(1_000_000n);
  await expect(page.getByTestId('your-shares')).not.toHaveText('0 shares');
  await expect(page.getByLabel('Amount to stake')).toHaveValue('');
});
