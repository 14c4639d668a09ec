// An unreachable RPC shows an error state with a retry, never a blank page; retry recovers. The pool page
// reads the chain on the server, so the server's RPC is what fails here: the real chain is stopped
// (withChainHung), the server's reads time out (serverPublicClient: 5 s, no retries), and the page says so.
import { expect, type Page, test } from '@playwright/test';
import { withChainHung } from './support/chainProcess';

/** The page's own server renders in flight (router.refresh asks for its RSC payload), counted from the network. */
function countRefreshes(page: Page): () => number {
  let inFlight = 0;
  const isRefresh = (request: import('@playwright/test').Request) => request.headers().rsc === '1';
  page.on('request', (request) => isRefresh(request) && inFlight++);
  page.on('requestfinished', (request) => isRefresh(request) && inFlight--);
  page.on('requestfailed', (request) => isRefresh(request) && inFlight--);
  return () => inFlight;
}

test('RPC down → error state with retry → data after the RPC returns', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const refreshesInFlight = countRefreshes(page);
  await withChainHung(async () => {
    // A fresh navigation while the chain does not answer: the heading at once, then the error state.
    await page.goto('/pools/junior');
    await expect(page.getByRole('heading', { name: /Junior pool/ })).toBeVisible();
    await expect(page.getByTestId('error-state')).toContainText('Cannot reach the chain', { timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(page.getByTestId('pool-tvl')).toHaveCount(0);
    // The page keeps trying on its own every few seconds while visible. Hidden, it stops, so the Retry
    // below is what brings the numbers back: wait until every render already asked for has failed too.
    await page.evaluate(() => Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }));
    await expect.poll(refreshesInFlight, { timeout: 30_000 }).toBe(0);
    await expect(page.getByTestId('error-state')).toContainText('Cannot reach the chain');
  });
  // The chain answers again: Retry renders the page on the server once more.
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('pool-tvl')).toContainText('USDC');
  await expect(page.getByTestId('error-state')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the cover market with the RPC down: the heading, then the error state with retry; the listings after it returns', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const refreshesInFlight = countRefreshes(page);
  await withChainHung(async () => {
    await page.goto('/cover/market');
    await expect(page.getByRole('heading', { name: 'Cover market' })).toBeVisible();
    await expect(page.getByTestId('error-state')).toContainText('Cannot reach the chain', { timeout: 30_000 });
    await expect(page.getByTestId('market-listings')).toHaveCount(0);
    await page.evaluate(() => Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }));
    await expect.poll(refreshesInFlight, { timeout: 30_000 }).toBe(0);
  });
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('market-listings')).toBeVisible();
  await expect(page.getByTestId('error-state')).toHaveCount(0);
  expect(errors).toEqual([]);
});
