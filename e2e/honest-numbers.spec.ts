// Honest numbers and context (issue 17): dates say they are chain time, yields count losses, both layers'
// histories, each layer's 24 h cap and what is left of it, units on amounts, activity that names pools and
// addresses, test USDC on /cover with words that say what it gives, per-field cover errors, and a
// portfolio with a total, each cover's distance and touch probability, readable as cards at 390 px.
import { expect, test, type Page } from '@playwright/test';
import { coverMarketAbi, shortfallWaterfallAbi } from '../contracts-abi';
import { deployments } from '../contracts-abi/deployments';
import { formatAmount } from '../lib/format/amount';
import { formatYield } from '../lib/format/estimate';
import { DEV_ACCOUNT } from '../lib/wallet/devAccount';
import { E2E_INDEXER_URL } from '../scripts/testing/e2eEnv';
import { client, COVER_MARKET, faucetCap, usdcBalance } from './support/chain';
import { connectWith, readUsdc } from './support/page';

const WATERFALL = deployments[31337]!.contracts.shortfallWaterfall!.address as `0x${string}`;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function shoot(page: Page, name: string) {
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['390', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/honest-${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

test('overview: gross and net yield per layer (net as the indexer computes it), both share-price histories, activity naming pools and addresses, dates in chain time', async ({
  page,
}) => {
  await page.goto('/');
  for (const layer of ['junior', 'senior'] as const) {
    const { windows } = (await (await fetch(`${E2E_INDEXER_URL}/pools/${layer}/apy`)).json()) as { windows: { days: number; sharePriceApy: number | null }[] };
    const net = windows.find((w) => w.days === 7)!.sharePriceApy;
    // The auto-refresh re-streams the card: while React swaps it in, the old copy may still be in the DOM, hidden.
    await expect(page.getByTestId(`${layer}-net-apy-7`).filter({ visible: true })).toHaveText(formatYield(net));
    await expect(page.getByTestId(`${layer}-apy-7`).filter({ visible: true })).toHaveText(/^\d+\.\d\d%$/);
    await expect(page.getByTestId(`${layer}-share-price-history`)).toBeVisible();
  }
  const events = page.getByTestId('recent-events');
  // The seeded venue's shortfalls and fees name it; withdrawal requests say which pool they hit.
  await expect(events.getByTestId('activity-row').filter({ hasText: 'Shortfall absorbed' }).first()).toContainText('Perp venue');
  await expect(events.getByTestId('activity-row').filter({ hasText: 'Withdrawal requested' }).first().getByTestId('activity-pool')).toHaveText(
    /^(Junior|Senior) pool$/,
  );
  await expect(events.getByText('Cover claim paid')).toHaveCount(0);
  const times = events.locator('time[data-chain-time]');
  expect(await times.count()).toBeGreaterThan(0);
  for (const text of await times.allTextContents()) expect(text).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC \(chain time\)$/);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(page.getByTestId('junior-share-price-history').getByTestId('share-price-chart')).toBeVisible();
  await expect(page.getByTestId('senior-share-price-history').getByTestId('share-price-chart')).toBeVisible();
  await shoot(page, 'overview');
});

test('pool page: gross and net APY, the layer’s 24 h cap and what is left of it as on chain, units on every amount', async ({ page }) => {
  await page.goto('/pools/junior');
  await connectWith(page, /Dev account/);
  const [, , cap, available] = await client.readContract({ address: WATERFALL, abi: shortfallWaterfallAbi, functionName: 'layerState', args: [0] });
  const cents = (v: bigint) => (v / 10_000n) * 10_000n;
  await expect.poll(() => readUsdc(page, 'layer-cap')).toBe(cents(cap));
  await expect.poll(() => readUsdc(page, 'layer-cap-left')).toBe(cents(available));
  await expect(page.getByTestId('pool-apy-gross-7')).toHaveText(/^\d+\.\d\d%$/);
  await expect(page.getByTestId('pool-apy-net-7')).toHaveText(/^−?\d+\.\d\d%$/);
  await expect(page.getByTestId('escrowed-shares')).toHaveText(/ shares$/);
  await expect(page.getByTestId('your-shares')).toHaveText(/ shares$/);
  await expect(page.getByTestId('share-price')).toHaveText(/ USDC per share$/);
  await shoot(page, 'pool');
});

test('cover page: test USDC there too, its words the contract’s cap; the duration hint states the maximum; each field’s error under that field', async ({
  page,
}) => {
  await page.goto('/cover');
  await connectWith(page, /Dev account/);
  const draw = await faucetCap();
  await expect(page.getByTestId('faucet-terms')).toContainText(`each click mints ${formatAmount(draw, 6)} USDC`);
  const before = await usdcBalance(DEV_ACCOUNT);
  await page.getByTestId('faucet-button').click();
  await expect(page.getByText('Faucet: confirmed.')).toBeVisible();
  expect(await usdcBalance(DEV_ACCOUNT)).toBe(before + draw);

  const product = await client.readContract({ address: COVER_MARKET, abi: coverMarketAbi, functionName: 'product', args: [1n] });
  const maxDays = formatAmount((BigInt(product[0].maxDuration) * 10_000n) / 86_400n, 4, { grouping: false });
  await expect(page.getByTestId('cover-duration-message')).toContainText(`to ${maxDays} days`);
  await expect(page.getByTestId('cover-duration-message')).toContainText('maximum');
  // A bad duration with the strike still empty: the error shows under duration, the strike keeps its hint.
  await page.getByTestId('cover-duration').fill('365');
  await expect(page.getByTestId('cover-duration-message')).toContainText('Cover runs from');
  await expect(page.getByTestId('cover-strike-message')).toContainText('The price now is');
  // A bad payout too: each message under its own field.
  await page.getByTestId('cover-payout').fill('0');
  await expect(page.getByTestId('cover-payout-message')).toContainText('payout must be more than zero');
  await expect(page.getByTestId('cover-duration-message')).toContainText('Cover runs from');
  await page.getByTestId('cover-strike').fill('999999');
  await expect(page.getByTestId('cover-strike-message')).toContainText('strike below the price now');
  await expect(page.getByTestId('cover-payout-message')).toContainText('payout must be more than zero');
  await expect(page.getByTestId('buy-cover-button')).toBeDisabled();
  await shoot(page, 'cover');
});

test('portfolio: a total equal to stakes + wallet, covers with distance to strike and touch probability, cards at 390 px', async ({ page }) => {
  await page.goto('/portfolio');
  await connectWith(page, /Dev account/);
  await expect(page.getByTestId('portfolio-total')).toBeVisible();
  await expect
    .poll(async () => (await readUsdc(page, 'portfolio-staked')) + (await readUsdc(page, 'portfolio-wallet')) - (await readUsdc(page, 'portfolio-total')))
    .toBeLessThanOrEqual(10_000n); // each figure is cut to cents on its own
  expect(await readUsdc(page, 'portfolio-wallet')).toBe(((await usdcBalance(DEV_ACCOUNT)) / 10_000n) * 10_000n);
  // The cover spec left this account with a paid cover; any active one shows its outlook.
  const active = page.locator('[data-testid^="cover-"][data-view="active"]');
  for (const row of await active.all()) {
    const id = (await row.getAttribute('data-testid'))!;
    await expect(page.getByTestId(`${id}-distance`)).toHaveText(/^(−|\+)[\d.]+ %$|^touched$/);
    await expect(page.getByTestId(`${id}-ptouch`)).toHaveText(/%$/);
  }
  await page.setViewportSize(PHONE);
  const row = page.getByTestId('stake-junior');
  await expect(row).toBeVisible();
  const box = (await row.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expect(row.getByText('Value', { exact: true })).toBeVisible();
  await page.setViewportSize(DESKTOP);
  await shoot(page, 'portfolio');
});
