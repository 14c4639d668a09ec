// The cover buyer's journey: a live quote from the twin equal to the contract's → buy → the mock feed
// crashes through the strike → the portfolio finds the round and claims in one click → paid.
import { expect, test } from '@playwright/test';
import { formatUnits } from 'viem';
import { DEV_ACCOUNT } from '../lib/wallet/devAccount';
import { ANVIL_KEYS } from '../scripts/testing/anvil';
import { faucetTo, lastCover, publishPrice, quoteOnChain, usdcBalance, warp } from './support/chain';
import { connectWith } from './support/page';

const USDC = 1_000_000n;
const DAY = 86_400n;

test('buy cover at a strike, crash the price through it, claim from the portfolio', async ({ page }) => {
  await faucetTo(ANVIL_KEYS[9]!, 1_000n * USDC);
  await publishPrice(2_800n);
  await page.goto('/cover');
  await connectWith(page, /Dev account/);
  await expect(page.getByTestId('cover-spot')).toHaveText('2,800 USD');

  // The strike can be picked on a chart of the feed's recent rounds: a click sets the field to the
  // price under the pointer, and the strike line follows.
  const strike = page.getByTestId('cover-strike');
  const plot = page.getByTestId('strike-chart-plot');
  await expect(plot).toBeVisible();
  expect(Number(await plot.getAttribute('data-points'))).toBeGreaterThanOrEqual(2);
  const [yMin, yMax] = [Number(await plot.getAttribute('data-y-min')), Number(await plot.getAttribute('data-y-max'))];
  const box = (await plot.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.7);
  await expect(strike).toHaveValue(/^\d+\.\d\d$/);
  const picked = Number(await strike.inputValue());
  expect(picked).toBeGreaterThan(yMin);
  expect(picked).toBeLessThan(yMax);
  await expect(plot.getByText(`Strike ${picked.toLocaleString('en-US', { maximumFractionDigits: 2 })}`, { exact: true })).toBeVisible();

  // Bad input is answered in the form; the button stays disabled and no wallet opens.
  const payout = page.getByTestId('cover-payout');
  const days = page.getByTestId('cover-duration');
  await strike.fill('2900');
  await payout.fill('400');
  await expect(page.getByTestId('cover-strike-message')).toContainText('below the price now');
  await strike.fill('2500');
  await payout.fill('0');
  await expect(page.getByTestId('cover-payout-message')).toContainText('more than zero');
  await payout.fill('10000000');
  await expect(page.getByTestId('cover-payout-message')).toContainText('can be sold from this pool now');
  await payout.fill('400');
  await days.fill('365');
  await expect(page.getByTestId('cover-duration-message')).toContainText('Cover runs from');
  await expect(page.getByTestId('buy-cover-button')).toBeDisabled();

  // The quote on screen is the contract's quote (the twin's exact number, shown rounded up to cents).
  await days.fill('10');
  const onChain = await quoteOnChain(1n, 2_500n, 400n * USDC, 10n * DAY);
  const cents = ((onChain + 9_999n) / 10_000n) * 10_000n;
  await expect(page.getByTestId('quote-premium')).toHaveText(`${formatUnits(cents, 6)} USDC`);
  await expect(page.getByTestId('quote-ptouch')).toHaveText(/^\d+(\.\d+)?%$/);

  const walletBefore = await usdcBalance(DEV_ACCOUNT);
  await page.getByTestId('buy-cover-button').click();
  await expect(page.getByText('Buy cover: confirmed.')).toBeVisible();
  const bought = await lastCover();
  expect(bought.owner).toBe(DEV_ACCOUNT);
  const paidPremium = walletBefore - (await usdcBalance(DEV_ACCOUNT));
  // The pool's assets grow by the second (premiums, fees), so the premium at the block may differ a
  // hair from the quote read above; it never exceeds the 1 % slippage bound the form sent.
  expect(paidPremium).toBeGreaterThan(onChain - onChain / 100n);
  expect(paidPremium).toBeLessThanOrEqual(onChain + onChain / 100n + 1n);

  // Not triggered yet: the portfolio shows it active, with no claim button.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  const row = page.getByTestId(`cover-${bought.tokenId}`);
  await expect(row).toHaveAttribute('data-view', 'active');
  await expect(page.getByTestId(`claim-${bought.tokenId}`)).toHaveCount(0);
  // Its live outlook: the price (2,800) must fall 10.71 % to the 2,500 strike; the model's touch chance is a percentage.
  await expect(page.getByTestId(`cover-${bought.tokenId}-distance`)).toHaveText('−10.71 %');
  await expect(page.getByTestId(`cover-${bought.tokenId}-ptouch`)).toHaveText(/^(\d+(\.\d+)? %|< 0\.01 %)$/);

  // After the activation delay the price crashes through the strike for two rounds.
  await warp(400);
  await publishPrice(2_480n);
  await warp(60);
  await publishPrice(2_450n);
  await expect(row).toHaveAttribute('data-view', 'triggered', { timeout: 20_000 });
  const beforeClaim = await usdcBalance(DEV_ACCOUNT);
  await page.getByTestId(`claim-${bought.tokenId}`).click();
  await expect(page.getByText('Claim: confirmed.')).toBeVisible();
  expect(await usdcBalance(DEV_ACCOUNT)).toBe(beforeClaim + 400n * USDC);
  await expect(row).toHaveAttribute('data-view', 'paid');
  // One history row for the claim (not "claimed" and "claim paid" for the same payout), naming the paying pool.
  const history = page.getByTestId('account-history');
  await expect(history.getByTestId('activity-row').filter({ hasText: 'Cover claimed' })).toHaveCount(1, { timeout: 20_000 });
  await expect(history.getByTestId('activity-row').filter({ hasText: 'Cover claimed' }).getByTestId('activity-pool')).toHaveText(/^(Junior|Senior) pool$/);
  await expect(history.getByText('Cover claim paid')).toHaveCount(0);
});
