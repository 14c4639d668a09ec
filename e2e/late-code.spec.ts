// The server's HTML is on screen before the page's code has run, and the wallet's code arrives later
// still. Nothing a visitor does in those gaps is lost: a press on the wallet's button before hydration
// (lib/hydration/earlyPressScript.ts), an amount typed before it (components/hydration/useTypedBeforeHydration.ts), a press
// under way when the wallet's code arrives (components/wallet/usePressHold.ts). Here the code is held back.
import { expect, type Page, test } from '@playwright/test';
import { connectWith, hydrated } from './support/page';

type Held = { release: () => void; requests: Promise<unknown>[] };

/** Holds every script of the app (not its styles: a stylesheet holds the parser) until `release`; `requests` are the held ones' responses. */
async function holdPageCode(page: Page): Promise<Held> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const requests: Promise<unknown>[] = [];
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    requests.push(route.request().response());
    await released;
    await route.continue();
  });
  return { release, requests };
}

test('Connect wallet pressed before the page has hydrated opens the wallet menu once the code arrives', async ({ page }) => {
  const { release } = await holdPageCode(page);
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

  const { release } = await holdPageCode(page);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByTestId('connected-address')).toBeVisible();
  release();
  await expect(page.getByRole('button', { name: 'Connect wallet' })).toBeVisible();
  await expect(page.getByTestId('portfolio-disconnected')).toBeVisible();
  await expect(page.getByTestId('connected-address')).toHaveCount(0);
});

test('an amount typed before the page has hydrated reaches the form: its preview and its checks use it', async ({ page }) => {
  const { release } = await holdPageCode(page);
  await page.goto('/pools/junior', { waitUntil: 'domcontentloaded' });
  const amount = page.getByLabel('Amount to stake');
  await amount.fill('25000');
  await expect(page.getByTestId('stake-preview')).toHaveCount(0);
  release();
  await expect(page.getByTestId('stake-preview')).toContainText('Risk of staking 25,000 USDC');
  await expect(amount).toHaveValue('25000');
});

test('a field typed before the page has hydrated is checked once it has: the cover form answers a zero payout', async ({ page }) => {
  const { release } = await holdPageCode(page);
  await page.goto('/cover', { waitUntil: 'domcontentloaded' });
  await page.getByTestId('cover-payout').fill('0');
  release();
  await expect(page.getByTestId('cover-payout-message')).toContainText('more than zero');
  await expect(page.getByTestId('cover-payout')).toHaveValue('0');
});

/** Presses `button` with the mouse while the wallet's code, fetched by the hover, arrives mid-press. */
async function pressWhileTheWalletArrives(page: Page, button: ReturnType<Page['getByRole']>): Promise<void> {
  await hydrated(page);
  const held = await holdPageCode(page);
  const box = (await button.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await expect.poll(() => held.requests.length).toBeGreaterThan(0);
  held.release();
  await Promise.all(held.requests);
  // Let the page run the arrived code (a few tasks and frames) before the button is released.
  await page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(() => setTimeout(done, 200)), 0)));
  await page.mouse.up();
}

test('a press on Connect wallet under way when the wallet’s code arrives still opens the menu', async ({ page }) => {
  await page.goto('/pools/junior');
  await pressWhileTheWalletArrives(page, page.getByRole('button', { name: 'Connect wallet' }));
  await page.getByRole('menuitem', { name: /Dev account/ }).click();
  await expect(page.getByTestId('connected-address')).toBeVisible();
});

test('a press on Disconnect under way when the wallet’s code arrives still disconnects', async ({ page }) => {
  await page.goto('/pools/junior');
  await connectWith(page, /Dev account/);
  await page.reload(); // the chip is drawn from the cookie; the wallet's code is not loaded
  await pressWhileTheWalletArrives(page, page.getByRole('button', { name: 'Disconnect' }));
  await expect(page.getByRole('button', { name: 'Connect wallet' })).toBeVisible();
  await expect(page.getByTestId('connected-address')).toHaveCount(0);
});
