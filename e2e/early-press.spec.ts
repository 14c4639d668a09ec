// The server's HTML is on screen before the page's code has run. A press on the wallet's button in that
// gap must still count (components/hydration/earlyPress.ts): here the code is held back until after it.
import { expect, type Page, test } from '@playwright/test';
import { connectWith } from './support/page';

/** Holds every script of the app (not its styles: a stylesheet holds the parser) until the returned function is called. */
async function holdPageCode(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('Connect wallet pressed before the page has hydrated opens the wallet menu once the code arrives', async ({ page }) => {
  const release = await holdPageCode(page);
  await page.goto('/portfolio', { waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  // Without the page's code nothing can answer yet.
  await expect(page.getByRole('menu')).toHaveCount(0);
  release();
  await page.getByRole('menuitem', { name: /Dev account/ }).click();
  await expect(page.getByTestId('connected-address')).toBeVisible();
  await expect(page.getByTestId('portfolio-total')).toBeVisible();
});

test('Disconnect pressed before the page has hydrated disconnects once the code arrives', async ({ page }) => {
  await page.goto('/portfolio');
  await connectWith(page, /Dev account/);
  await expect(page.getByTestId('portfolio-total')).toBeVisible();

  const release = await holdPageCode(page);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByTestId('connected-address')).toBeVisible();
  release();
  await expect(page.getByRole('button', { name: 'Connect wallet' })).toBeVisible();
  await expect(page.getByTestId('portfolio-disconnected')).toBeVisible();
  await expect(page.getByTestId('connected-address')).toHaveCount(0);
});
