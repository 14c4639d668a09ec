// The underwriter's exit: stake → request → cooldown (time warp on anvil) → withdraw inside the window.
// A withdrawal pays the lower of the shares' value when requested and when claimed; the card says which,
// in words, before the wallet is asked to sign.
import { expect, test } from '@playwright/test';
import { formatAssets } from '../lib/format/tokenAmount';
import { DEV_ACCOUNT } from '../lib/wallet/devAccount';
import { convertToAssets, JUNIOR_POOL, payVenueFees, poolShares, previewClaimRedeem, redeemRequestOf, SENIOR_POOL, usdcBalance, warp } from './support/chain';
import { connectWith } from './support/page';

const usd = (v: bigint) => formatAssets(v, { maxFractionDigits: 2 });

const SHARE = 10n ** 18n;

test('stake → request withdrawal → cooldown countdown → warp → withdraw pays out and clears the request', async ({ page }) => {
  await page.goto('/pools/senior');
  await connectWith(page, /Dev account/);
  await page.getByRole('button', { name: /Get [\d,]+ test USDC/ }).click();
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
  expect(request.assetsAtRequest).toBeGreaterThan(0n);
  expect(await poolShares(DEV_ACCOUNT, SENIOR_POOL)).toBe(held - 120n * SHARE);

  // In cooldown: a countdown on the chain's clock, and no way to withdraw yet.
  const card = page.getByTestId('withdrawal-request');
  await expect(card).toHaveAttribute('data-phase', 'cooldown');
  await expect(page.getByTestId('countdown')).toHaveText(/^(6 d 23 h|7 d 0 h)$/);
  await expect(page.getByTestId('withdraw-button')).toBeDisabled();
  await expect(page.getByTestId('escrowed-shares')).toHaveText('120 shares');
  await expect(page.getByTestId('value-at-request')).toHaveText(usd(request.assetsAtRequest));

  // The portfolio shows the request in cooldown and its indexed history.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  await expect(page.getByTestId('stake-senior-request')).toHaveAttribute('data-phase', 'cooldown');
  await expect(page.getByTestId('account-history').getByText('Withdrawal requested')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Senior' }).click();

  // Seven days and a minute later the window is open; the page follows the chain's clock.
  await warp(7 * 86_400 + 60);
  await expect(card).toHaveAttribute('data-phase', 'claimable', { timeout: 20_000 });
  const walletBefore = await usdcBalance(DEV_ACCOUNT);
  // The claim's value: the lower of the value at request and now, as the page shows it before signing.
  const quoted = await previewClaimRedeem(120n * SHARE, DEV_ACCOUNT, SENIOR_POOL);
  expect(quoted).toBeLessThanOrEqual(request.assetsAtRequest);
  expect(quoted).toBeLessThanOrEqual(await convertToAssets(120n * SHARE, SENIOR_POOL));
  await expect(page.getByTestId('claim-preview')).toContainText(`You receive ≈ ${usd(quoted)}`);
  await page.getByTestId('withdraw-button').click();
  await expect(page.getByText('Withdraw: confirmed.')).toBeVisible();

  // Paid what the pool quoted just before, plus at most the premium/fees streamed in the seconds
  // until the block — never more than the value at request; request cleared, form back for next time.
  const paid = (await usdcBalance(DEV_ACCOUNT)) - walletBefore;
  expect(paid).toBeGreaterThanOrEqual(quoted);
  expect(paid).toBeLessThanOrEqual(quoted + 1_000_000n);
  expect(paid).toBeLessThanOrEqual(request.assetsAtRequest);
  expect((await redeemRequestOf(DEV_ACCOUNT, SENIOR_POOL)).shares).toBe(0n);
  await expect(page.getByTestId('request-button')).toBeVisible();
  await expect(page.getByTestId('escrowed-shares')).toHaveText('0 shares');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  await expect(page.getByTestId('stake-senior-request')).toHaveAttribute('data-phase', 'none');
  await expect(page.getByTestId('account-history').getByText('Withdrawal', { exact: true })).toBeVisible();
  await expect(page.getByTestId('stake-senior-earned')).toHaveText(/^[+−]/);
});

test('a withdrawal claimed after the share price rose pays the value at request, and the card says so before signing', async ({ page }) => {
  await page.goto('/pools/junior');
  await connectWith(page, /Dev account/);
  await page.getByRole('button', { name: /Get [\d,]+ test USDC/ }).click();
  await expect(page.getByText('Faucet: confirmed.')).toBeVisible();
  await page.getByLabel('Amount to stake').fill('200');
  await page.getByTestId('deposit-button').click();
  await expect(page.getByText('Deposit: confirmed.')).toBeVisible();

  await page.getByLabel('Shares to withdraw').fill('100');
  await page.getByTestId('request-button').click();
  await expect(page.getByText('Request withdrawal: confirmed.')).toBeVisible();
  const request = await redeemRequestOf(DEV_ACCOUNT, JUNIOR_POOL);
  expect(request.shares).toBe(100n * SHARE);

  // The venue pays 10,000 USDC of fees, earned over the next day: every share is worth more a week later.
  await payVenueFees(10_000n * 1_000_000n);
  await warp(7 * 86_400 + 60);
  const card = page.getByTestId('withdrawal-request');
  await expect(card).toHaveAttribute('data-phase', 'claimable', { timeout: 20_000 });
  const valueNow = await convertToAssets(100n * SHARE, JUNIOR_POOL);
  expect(valueNow).toBeGreaterThan(request.assetsAtRequest + 1_000_000n); // more than a dollar of gain

  // Before any signature: the payout is the value at request, and the page says why in plain words.
  await expect(page.getByTestId('claim-preview')).toContainText(`You receive ≈ ${usd(request.assetsAtRequest)}`);
  const basis = page.getByTestId('claim-basis');
  await expect(basis).toHaveAttribute('data-binding', 'atRequest');
  await expect(basis).toContainText('but a withdrawal pays what they were worth when you requested it');
  await expect(basis).toContainText(usd(request.assetsAtRequest));
  await expect(basis).toContainText('stays with the pool');

  const walletBefore = await usdcBalance(DEV_ACCOUNT);
  await page.getByTestId('withdraw-button').click();
  await expect(page.getByText('Withdraw: confirmed.')).toBeVisible();
  // Exactly the value at request: the gain since stayed in the pool.
  expect((await usdcBalance(DEV_ACCOUNT)) - walletBefore).toBe(request.assetsAtRequest);
  expect((await redeemRequestOf(DEV_ACCOUNT, JUNIOR_POOL)).shares).toBe(0n);
});
