import { expect, type Page } from '@playwright/test';
import { EARLY_PRESS_RECORD } from '../../lib/hydration/earlyPressScript';

/** Connects through the wallet menu entry with this name. */
export async function connectWith(page: Page, walletName: RegExp | string): Promise<void> {
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('menuitem', { name: walletName }).click();
  await expect(page.getByTestId('connected-address')).toBeVisible();
}

/** The page has hydrated: the wallet button has taken the record of presses made before (lib/hydration/earlyPressScript.ts). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction((record) => (window as unknown as Record<string, unknown>)[record] === undefined, EARLY_PRESS_RECORD);
}

/** The USDC amount a stat shows, in base units (6 decimals), e.g. "1,234.5 USDC" → 1234500000n. */
export async function readUsdc(page: Page, testId: string): Promise<bigint> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText(), not the DOM property: the text a reader sees
  const text = (await page.getByTestId(testId).innerText()).replace(/[^0-9.]/g, '');
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0').slice(0, 6) || '0');
}
