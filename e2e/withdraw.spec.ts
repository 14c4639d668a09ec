// The underwriter's exit: stake → request → cooldown (time warp on anvil) → withdraw inside the window.
import { expect, test } from '@playwright/test';
import { DEV_ACCOUNT } from '../lib/wallet/devAccount';
import { poolShares, previewRedeem, redeemRequestOf, SENIOR_POOL, usdcBalance, warp } from './support/chain';
import { connectWith } from './support/page';

const SHARE = 10n ** 18n;

test('stake → request withdrawal → cooldown countdown → warp → withdraw pays out and clears the request', async ({ page }) => {
  await page.goto('/pools/senior');
  await connectWith(page, /Dev account/);
  await page.getByRole('button', { name: /Get 1,000 test USDC/ }).click();
  await expect(page.getByText('Faucet: confirmed.')).toBeVisible();
  await page.getByLabel('Amount to stake').fill('300');
  await page.getByTestId('deposit-button').click();
  await expect(page.getByText('Deposit: confirmed.')).toBeVisible();
  const held = await poolShares(DEV_ACCOUNT, SENIOR_POOL);

  // Asking for more than is held is refused in the form, before any wallet opens.
  await page.getByLabel('Shares to withdraw').fill('99999999');
  await expect(page.getByTestId('request-message')).toContainText('you cannot request more');
  await expect(page.getByTestId('request-button')).toBeDisabled();

  await page.getByLabel('Shares to withdraw').fill('120');
  await expect(page.getByTestId('request-message')).toContainText('Worth ≈');
  await page.getByTestId('request-button').click();
  await expect(page.getByText('Request withdrawal: confirmed.')).toBeVisible();
  const request = await redeemRequestOf(DEV_ACCOUNT, SENIOR_POOL);
  expect(request.shares).toBe(120n * SHARE);
  expect(await poolShares(DEV_ACCOUNT, SENIOR_POOL)).toBe(held - 120n * SHARE);

  // In cooldown: a countdown on the chain's clock, and no way to withdraw yet.
  const card = page.getByTestId('withdrawal-request');
  await expect(card).toHaveAttribute('data-phase', 'cooldown');
  await expect(page.getByTestId('countdown')).toHaveText(/^(6 d 23 h|7 d 0 h)$/);
  await expect(page.getByTestId('withdraw-button')).toBeDisabled();
  await expect(page.getByTestId('escrowed-shares')).toHaveText('120');

  // The portfolio shows the request in cooldown and its indexed history.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  await expect(page.getByTestId('stake-senior-request')).toHaveAttribute('data-phase', 'cooldown');
  await expect(page.getByTestId('account-history').getByText('Withdrawal requested')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Senior' }).click();

  // Seven days and a minute later the window is open; the page follows the chain's clock.
  await warp(7 * 86_400 + 60);
  await expect(card).toHaveAttribute('data-phase', 'claimable', { timeout: 20_000 });
  await expect(page.getByTestId('claim-preview')).toContainText('You receive ≈');
  const walletBefore = await usdcBalance(DEV_ACCOUNT);
  const quoted = await previewRedeem(120n * SHARE, SENIOR_POOL);
  await page.getByTestId('withdraw-button').click();
  await expect(page.getByText('Withdraw: confirmed.')).toBeVisible();

  // Paid what the pool quoted just before, plus at most the premium/fees streamed in the seconds
  // until the block (the seeded fees stream into Senior); request cleared, form back for next time.
  const paid = (await usdcBalance(DEV_ACCOUNT)) - walletBefore;
  expect(paid).toBeGreaterThanOrEqual(quoted);
  expect(paid).toBeLessThanOrEqual(quoted + 1_000_000n);
  expect((await redeemRequestOf(DEV_ACCOUNT, SENIOR_POOL)).shares).toBe(0n);
  await expect(page.getByTestId('request-button')).toBeVisible();
  await expect(page.getByTestId('escrowed-shares')).toHaveText('0');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  await expect(page.getByTestId('stake-senior-request')).toHaveAttribute('data-phase', 'none');
  await expect(page.getByTestId('account-history').getByText('Withdrawal', { exact: true })).toBeVisible();
  await expect(page.getByTestId('stake-senior-earned')).toHaveText(/^[+−]/);
});
