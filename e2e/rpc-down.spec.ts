// An unreachable RPC shows an error state with a retry, never a blank page; retry recovers.
import { expect, test } from '@playwright/test';
import { E2E_RPC_URL } from '../scripts/testing/e2eEnv';

test('RPC down → error state with retry → data after the RPC returns', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let rpcDown = true;
  await page.route(`${E2E_RPC_URL}/**`, (route) => (rpcDown ? route.abort('connectionrefused') : route.fallback()));
  await page.route(E2E_RPC_URL, (route) => (rpcDown ? route.abort('connectionrefused') : route.fallback()));
  await page.goto('/pools/junior');
  await expect(page.getByRole('heading', { name: /Junior pool/ })).toBeVisible();
  await expect(page.getByTestId('error-state')).toContainText('Cannot reach the chain', { timeout: 30_000 });
  rpcDown = false;
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('pool-tvl')).toContainText('USDC');
  await expect(page.getByTestId('error-state')).toHaveCount(0);
  expect(errors).toEqual([]);
});
