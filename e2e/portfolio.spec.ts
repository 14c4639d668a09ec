// /portfolio is rendered on the server for the account the wallet cookie names. The cookie is the
// visitor's to edit: one whose account is not an address gets the disconnected page, never an error.
import { expect, test } from '@playwright/test';
import { DEV_ACCOUNT } from '../lib/wallet/devAccount';
import { connectWith } from './support/page';

test('a visitor with no saved account, or a cookie whose account is not an address, gets the disconnected portfolio from the server', async ({
  page,
  browser,
}) => {
  const stranger = await browser.newContext();
  try {
    const fresh = await stranger.request.get('/portfolio');
    expect(fresh.status()).toBe(200);
    expect(await fresh.text()).toContain('data-testid="portfolio-disconnected"');
  } finally {
    await stranger.close();
  }

  await page.goto('/portfolio');
  await connectWith(page, /Dev account/);
  await expect(page.getByTestId('portfolio-total')).toBeVisible();
  const cookies = await page.context().cookies();
  // wagmi keeps its state as raw JSON in the cookie (no URL encoding).
  const saved = cookies.find((c) => c.value.toLowerCase().includes(DEV_ACCOUNT.toLowerCase()));
  expect(saved, 'the wallet cookie names the account').toBeDefined();

  const serverPage = async (value: string) => {
    const context = await browser.newContext();
    try {
      await context.addCookies([{ ...saved!, value }]);
      const response = await context.request.get('/portfolio');
      expect(response.status()).toBe(200);
      return await response.text();
    } finally {
      await context.close();
    }
  };
  // The cookie copied as it is: the server renders that account's portfolio (so the copy is a real one)…
  expect(await serverPage(saved!.value)).toContain('data-testid="portfolio-total"');
  // …and with its account edited into something that is not an address, the disconnected page.
  const html = await serverPage(saved!.value.replace(new RegExp(DEV_ACCOUNT, 'gi'), '0xnot-an-address'));
  expect(html).toContain('data-testid="portfolio-disconnected"');
  expect(html).not.toContain('data-testid="portfolio-total"');
});

test('one press on Disconnect, before the wallet’s code has arrived, disconnects: the page comes back for no account', async ({ page }) => {
  await page.goto('/portfolio');
  await connectWith(page, /Dev account/);
  await expect(page.getByTestId('portfolio-total')).toBeVisible();
  // A returning visitor: the chip is drawn from the cookie and the wallet's code is not loaded yet.
  await page.reload();
  await expect(page.getByTestId('connected-address')).toBeVisible();
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('button', { name: 'Connect wallet' })).toBeVisible();
  await expect(page.getByTestId('portfolio-disconnected')).toBeVisible();
  await expect(page.getByTestId('portfolio-total')).toHaveCount(0);
});
