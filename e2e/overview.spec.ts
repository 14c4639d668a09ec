// The overview: live capital per layer equals the chain; history (activity, share price) comes
// from the real indexer; without the indexer the page says so and keeps the live numbers.
import { expect, test } from '@playwright/test';
import { encodeFunctionData, keccak256, toHex, zeroHash, type Abi } from 'viem';
import { recapitalizerAbi, timelockControllerAbi } from '../contracts-abi';
import { deployments } from '../contracts-abi/deployments';
import { formatTimestamp } from '../lib/format/duration';
import { seedQueuedChange } from '../scripts/chain/seed';
import type { Deployment } from '../scripts/chain/deploy';
import { client, JUNIOR_POOL, poolTotalAssets, SENIOR_POOL } from './support/chain';
import { connectWith, readUsdc } from './support/page';
import { E2E_INDEXER_URL } from '../scripts/testing/e2eEnv';
import { withIndexerHung } from './support/indexer';

test('overview shows each layer’s live capital and the indexed activity and share-price history', async ({ page }) => {
  await page.goto('/');
  for (const [layer, pool] of [
    ['junior', JUNIOR_POOL],
    ['senior', SENIOR_POOL],
  ] as const) {
    const onChain = await poolTotalAssets(pool);
    await expect.poll(() => readUsdc(page, `${layer}-tvl`)).toBe((onChain / 1_000_000n) * 1_000_000n);
    await expect(page.getByTestId(`${layer}-utilization`)).toHaveText(/^\d+(\.\d+)?%$/);
  }
  // The seeded history: the venue's fees and shortfall, withdrawal requests.
  const events = page.getByTestId('recent-events');
  await expect(events.getByText('Venue fees').first()).toBeVisible();
  await expect(events.getByText('Shortfall absorbed').first()).toBeVisible();
  await expect(events.getByText('Withdrawal requested').first()).toBeVisible();
  // Fees were earned over the last week, so the 7-day yield is a positive percentage.
  await expect(page.getByTestId('junior-apy-7')).toHaveText(/^\d+\.\d\d%$/);
  // The chart's code loads when it nears the viewport (it sits below the fold).
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  // Both layers' histories (Junior's and Senior's), side by side.
  await expect(page.getByTestId('share-price-chart')).toHaveCount(2);
  await expect(page.getByTestId('indexer-notice')).toHaveCount(0);
});

test('overview lists the queued governance change in words, and the recapitalization mint budget', async ({ page }) => {
  const deployment = deployments[31337] as unknown as Deployment;
  const timelock = deployment.contracts.timelock.address;
  // The seed queued Junior's cooldown 7 → 8 days through the timelock; the page says so, with the time it can run.
  const { calls, label } = seedQueuedChange(deployment);
  const id = await client.readContract({
    address: timelock,
    abi: timelockControllerAbi,
    functionName: 'hashOperationBatch',
    args: [
      calls.map((c) => c.target),
      calls.map(() => 0n),
      calls.map((c) => encodeFunctionData({ abi: c.abi as Abi, functionName: c.functionName, args: (c.args ?? []) as unknown[] })),
      zeroHash,
      keccak256(toHex(label)),
    ],
  });
  const readyAt = await client.readContract({ address: timelock, abi: timelockControllerAbi, functionName: 'getTimestamp', args: [id] });
  expect(readyAt).toBeGreaterThan(1n); // still queued
  await page.goto('/');
  const queued = page.getByTestId('queued-changes');
  await expect(queued).toContainText('Junior pool: cooldown 7 days → 8 days');
  await expect(queued).toContainText(new RegExp(`can execute (from|now \\(ready since) ${formatTimestamp(readyAt)}`));
  // No auction has minted yet: the whole rolling budget (5 % of the BKS supply) is left, as on chain.
  const [, , available] = await client.readContract({ address: deployment.contracts.recapitalizer.address, abi: recapitalizerAbi, functionName: 'mintBudget' });
  expect(available).toBeGreaterThan(0n);
  await expect(page.getByTestId('mint-budget-available')).toHaveText(`${(available / 10n ** 18n).toLocaleString('en-US')} BKS`);
});

test('with the indexer hung, the server-rendered overview says so and the live capital still shows', async ({ page }) => {
  await withIndexerHung(async () => {
    await page.goto('/');
    await expect(page.getByTestId('indexer-notice')).toContainText('History is unavailable right now');
    await expect(page.getByText('Recent activity is unavailable while the indexer is away.')).toBeVisible();
    await expect(page.getByText('Share-price history is unavailable while the indexer is away.')).toHaveCount(2); // both layers
    const onChain = await poolTotalAssets(JUNIOR_POOL);
    expect(await readUsdc(page, 'junior-tvl')).toBe((onChain / 1_000_000n) * 1_000_000n);
  });
  // Back up: the next refresh brings history back without a reload.
  await expect(page.getByTestId('recent-events')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('indexer-notice')).toHaveCount(0);
});

test('with the indexer hung, a server-rendered pool page keeps its live numbers and says history is away', async ({ page }) => {
  // The pool page reads history on the server now (it used to in the browser, through the indexer's /status
  // and the app's /history route): the browser asks neither, and a hung indexer is what the server meets.
  const browserHistoryReads: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(E2E_INDEXER_URL) || new URL(url).pathname.startsWith('/history/')) browserHistoryReads.push(url);
  });
  await withIndexerHung(async () => {
    await page.goto('/pools/junior');
    await expect(page.getByTestId('pool-tvl')).toContainText('USDC');
    await expect(page.getByTestId('indexer-notice')).toContainText('History is unavailable right now', { timeout: 30_000 });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(page.getByText('Share-price history is unavailable while the indexer is away.')).toBeVisible();
    await expect(page.getByTestId('pool-apy-net-7')).toHaveText('—');
  });
  expect(browserHistoryReads).toEqual([]);
});

test('the overview loads its wallet only when reached for, and the connection carries to the pages that sign', async ({ page }) => {
  await page.goto('/');
  await connectWith(page, /Dev account/); // click → the wallet code loads → the menu opens
  await expect(page.getByTestId('connected-address')).toContainText('0xa0Ee');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
  await expect(page.getByTestId('connected-address')).toContainText('0xa0Ee');
  await expect(page.getByTestId('portfolio-disconnected')).toHaveCount(0);
  // Back on the overview after a reload, the saved connection is drawn at once and then made live.
  await page.goto('/');
  await expect(page.getByTestId('connected-address')).toContainText('0xa0Ee');
});
