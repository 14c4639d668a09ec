// The wallet menu is a WAI-ARIA menu button, usable from the keyboard alone, and focus follows the
// control as it changes: into the menu, back to the button, to Disconnect once connected, to Connect wallet
// once disconnected, and from the server-drawn button to the real one when the wallet's code arrives.
import { expect, test } from '@playwright/test';
import { EARLY_PRESS_ATTRIBUTE } from '../lib/hydration/earlyPressScript';
import { hydrated } from './support/page';

test('from the keyboard alone: open the menu, move in it, close it, open it again, connect, disconnect', async ({ page }) => {
  await page.goto('/pools/junior');
  const connect = page.getByRole('button', { name: 'Connect wallet' });
  await connect.focus();
  await page.keyboard.press('Enter');
  const items = page.getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  const count = await items.count();
  expect(count).toBeGreaterThanOrEqual(2); // the browser wallet entry and the dev account
  await page.keyboard.press('ArrowUp'); // wraps to the last
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('ArrowDown'); // and back round to the first
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(connect).toBeFocused();
  await expect(connect).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('Enter');
  await expect(items.first()).toBeFocused();
  const dev = page.getByRole('menuitem', { name: /Dev account/ });
  while (!(await dev.evaluate((el) => el === document.activeElement))) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('connected-address')).toBeVisible();
  const disconnect = page.getByRole('button', { name: 'Disconnect' });
  await expect(disconnect).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(connect).toBeVisible();
  await expect(connect).toBeFocused();
  await expect(page.getByTestId('connected-address')).toHaveCount(0);
});

test('a press outside the menu, or Tab out of it, closes it', async ({ page }) => {
  await page.goto('/pools/junior');
  const connect = page.getByRole('button', { name: 'Connect wallet' });
  await connect.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(connect).toHaveAttribute('aria-expanded', 'false');

  await connect.click();
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('menu')).toHaveCount(0);
});

test('focus on the server-drawn button moves to the real one when the wallet’s code arrives', async ({ page }) => {
  await page.goto('/pools/junior');
  await hydrated(page);
  const connect = page.getByRole('button', { name: 'Connect wallet' });
  // Focus starts the wallet's download (as a Tab onto the button would); the real button replaces this one.
  await connect.focus();
  await expect(connect).not.toHaveAttribute(EARLY_PRESS_ATTRIBUTE);
  await expect(connect).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
});
