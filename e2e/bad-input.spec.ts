// Every bad amount gets an inline sentence and a disabled button; no wallet request is sent.
import { expect, test } from '@playwright/test';
import { connectWith } from './support/page';

const CASES: [string, RegExp | null][] = [
  ['', null],
  ['0', /more than zero/],
  ['-5', /cannot be negative/],
  ['abc', /Enter a number/],
  ['1.0000001', /at most 6 decimals/],
  ['99999999999', /more than your wallet holds/],
];

test('amount field: empty, zero, negative, letters, too many decimals, over balance', async ({ page }) => {
  const walletRequests: string[] = [];
  await page.route('**/*', async (route) => {
    const body = route.request().postData() ?? '';
    if (body.includes('eth_sendTransaction')) walletRequests.push(body);
    await route.fallback();
  });
  await page.goto('/pools/junior');
  await connectWith(page, /Dev account/);
  const input = page.getByLabel('Amount to stake');
  const button = page.getByTestId('deposit-button');
  for (const [value, message] of CASES) {
    await input.fill(value);
    if (message) await expect(page.getByTestId('amount-message')).toContainText(message);
    else await expect(page.getByTestId('amount-message')).toHaveText('');
    await expect(button).toBeDisabled();
    await input.press('Enter'); // submitting by keyboard must not get past validation either
  }
  await expect(page.getByTestId('tx-status')).toHaveCount(0);
  expect(walletRequests).toEqual([]);
});
