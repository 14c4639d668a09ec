// /risk on the seeded stack: the Monte Carlo runs in the page's Web Workers (run → progress → results,
// cancel), the stress sliders answer at once from the exact twins, a failing worker becomes an error
// state, and the pool page previews a stake's own risk. Screenshots at desktop and phone width are
// saved for a person to look at (test-results/screens/risk-*.png).
import { expect, test, type Page } from '@playwright/test';

// What lies below the first screen (the run's answer on a phone, the stress and liquidation panels) is
// drawn when a reader gets to it, not while the page loads: the tests scroll to it as a reader would.
async function revealPanel(page: Page, heading: string, testId: string) {
  await expect(async () => {
    await page.getByRole('heading', { name: heading, exact: true }).scrollIntoViewIfNeeded();
    await expect(page.getByTestId(testId)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

async function waitForResults(page: Page) {
  // The heading after the results: scrolled to, the results' place (just above it) is on screen.
  await page.getByRole('heading', { name: 'Stress tests', exact: true }).scrollIntoViewIfNeeded();
  await expect(page.getByTestId('risk-results')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('risk-solvency')).toHaveText(/^(\d[\d,.]*×|> 1,000×|∞)$/);
}

test('the page opens on an answer, then a larger run shows its progress and its results', async ({ page }) => {
  test.setTimeout(180_000); // the machine may be shared: runs are timed and printed, never asserted
  await page.goto('/risk');
  await expect(page.getByRole('heading', { level: 1, name: 'Risk' })).toBeVisible();
  await expect(page.getByTestId('risk-book-counts')).toHaveText(/^\d+ · [1-9]\d*$/); // covers · the venue's open positions (the seed's crash leaves some)
  await waitForResults(page);
  await expect(page.getByTestId('risk-run-info')).toContainText('100,000 paths × 30 steps');
  const info = await page.getByTestId('risk-run-info').textContent();
  console.log(`risk e2e: first run — ${info}`);
  // Each layer: a loss histogram (or the note that no path lost anything) and VaR/ES rows with intervals.
  for (const layer of ['junior', 'senior']) {
    await expect(page.getByTestId(`risk-histogram-${layer}`)).toBeVisible();
    await expect(page.getByTestId(`risk-tail-${layer}`).getByRole('row')).toHaveCount(4);
  }
  // The venue's open positions are in the book: no "no positions" note.
  await expect(page.getByTestId('risk-venue-empty')).toHaveCount(0);

  // A quarter of a million paths: the progress bar moves, the button waits, and the results come back for them.
  await page.getByText('Model parameters').click();
  await page.getByTestId('risk-paths').selectOption('250000');
  await page.getByTestId('risk-param-seed').fill('7');
  await page.getByTestId('risk-run').click();
  const bar = page.getByRole('progressbar', { name: 'Simulation progress' });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('risk-run')).toBeDisabled();
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
  // The page answers input while the workers run: the stress slider still moves.
  await revealPanel(page, 'Stress tests', 'stress-panel');
  await page.getByTestId('stress-move').fill('-30');
  await expect(page.getByTestId('stress-move-value')).toHaveText('−30 %');
  await expect(page.getByTestId('risk-run-info')).toContainText('250,000 paths', { timeout: 120_000 });
  await expect(page.getByTestId('risk-run-info')).toContainText('seed 7');
  await expect(bar).toHaveCount(0);
  console.log(`risk e2e: ${await page.getByTestId('risk-run-info').textContent()}`);
  // Printed, not asserted: 100k × 30 again on the warm workers.
  await page.getByTestId('risk-paths').selectOption('100000');
  await page.getByTestId('risk-run').click();
  await expect(page.getByTestId('risk-run-info')).toContainText('100,000 paths × 30 steps', { timeout: 60_000 });
  console.log(`risk e2e: warm workers — ${await page.getByTestId('risk-run-info').textContent()}`);
});

test('cancel stops the workers at once and keeps the last complete result', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/risk');
  await waitForResults(page);
  const before = (await page.getByTestId('risk-solvency').textContent()) ?? '';
  await page.getByText('Model parameters').click();
  await page.getByTestId('risk-paths').selectOption('1000000');
  await page.getByTestId('risk-run').click();
  const bar = page.getByRole('progressbar', { name: 'Simulation progress' });
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await page.getByTestId('risk-cancel').click();
  await expect(page.getByTestId('risk-cancelled')).toContainText('Cancelled. Showing the last complete run.');
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('risk-solvency')).toHaveText(before);
  // A new run after a cancel starts fresh workers and completes.
  await page.getByTestId('risk-paths').selectOption('10000');
  await page.getByTestId('risk-run').click();
  await expect(page.getByTestId('risk-run-info')).toContainText('10,000 paths', { timeout: 60_000 });
});

test('the stress sliders answer at once through the exact twins', async ({ page }) => {
  await page.goto('/risk');
  await revealPanel(page, 'Stress tests', 'stress-panel');
  const covers = page.getByTestId('stress-covers');
  await page.getByTestId('stress-move').fill('0');
  await expect(covers).toHaveText(/^0 · 0 USDC$/);
  // A 60 % fall reaches every active long cover's strike (the seeded one is 14 % below spot).
  await page.getByTestId('stress-move').fill('-60');
  await expect(page.getByTestId('stress-move-value')).toHaveText('−60 %');
  await expect(covers).toHaveText(/^[1-9]\d* · [1-9][\d,]* USDC$/);
  await expect(page.getByTestId('stress-layer-junior')).toContainText('loses');
  // σ × 2 raises the expected payouts of the covers still in play (at a 10 % fall none has paid yet).
  await page.getByTestId('stress-move').fill('-10');
  const expected = async () => Number(((await page.getByTestId('stress-expected').textContent()) ?? '').replace(/[^\d]/g, ''));
  await page.getByTestId('stress-sigma').fill('1');
  await expect(page.getByTestId('stress-sigma-value')).toHaveText('× 1.0');
  const atOne = await expected();
  await page.getByTestId('stress-sigma').fill('2');
  await expect(page.getByTestId('stress-sigma-value')).toHaveText('× 2.0');
  await expect.poll(expected).toBeGreaterThan(atOne);
  // An extra 200,000 USDC of venue bad debt: Junior pays first, within its 24 h cap; the rest goes on.
  await page.getByTestId('stress-extra').fill('200000');
  await expect(page.getByTestId('stress-shortfall')).toHaveText('200,000 USDC');
  await expect(page.getByTestId('stress-junior')).not.toHaveText('0 USDC');
  await expect(page.getByTestId('stress-senior')).not.toHaveText('0 USDC');
  // The liquidation map shows the venue's open positions by liquidation price, and the cascade's depth.
  await revealPanel(page, 'Liquidations', 'liquidation-panel');
  await expect(page.getByTestId('liquidation-empty')).toHaveCount(0);
  // The dashboard holds no depth model until the reader sets one (the cascade's code is not in the first
  // load): the panel shows the default, and a depth set here comes back through the dashboard's state.
  const depth = page.getByTestId('cascade-depth');
  await expect(depth).toHaveValue('5000000');
  await depth.fill('50000');
  await expect(depth).toHaveValue('50000');
  await expect(page.getByTestId('cascade-curve')).toBeVisible();
});

test('a worker that fails becomes an error state, and the rest of the page keeps working', async ({ page }) => {
  // Every Web Worker this page starts fails as a worker whose script cannot load would.
  await page.addInitScript(() => {
    class FailingWorker extends EventTarget {
      onmessage: unknown = null;
      onmessageerror: unknown = null;
      onerror: ((e: ErrorEvent) => void) | null = null;
      constructor() {
        super();
        setTimeout(() => this.onerror?.(new ErrorEvent('error', { message: 'the engine script could not be loaded' })), 20);
      }
      postMessage() {}
      terminate() {}
    }
    (window as unknown as { Worker: unknown }).Worker = FailingWorker;
  });
  await page.goto('/risk');
  const alert = page.getByRole('alert').filter({ hasText: 'The simulation stopped' });
  await expect(alert).toContainText('A risk worker failed: the engine script could not be loaded.');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Simulation progress' })).toHaveCount(0);
  // The stress tests do not need the workers.
  await revealPanel(page, 'Stress tests', 'stress-panel');
  await page.getByTestId('stress-extra').fill('50000');
  await expect(page.getByTestId('stress-shortfall')).toHaveText('50,000 USDC');
});

test("the pool page previews a stake's own 30-day risk before anyone signs", async ({ page }) => {
  await page.goto('/pools/junior');
  await page.getByLabel('Amount to stake').fill('25000');
  const preview = page.getByTestId('stake-preview');
  await expect(preview).toContainText('Risk of staking 25,000 USDC');
  await expect(page.getByTestId('stake-preview-var')).toHaveText(/^[\d,.]+ USDC · [\d,.]+ USDC$/, { timeout: 30_000 });
  await expect(page.getByTestId('stake-preview-solvency')).toHaveText(/^(\S+×|∞|> 1,000×) → (\S+×|∞|> 1,000×)$/);
  await preview.screenshot({ path: 'test-results/screens/risk-stake-preview.png' });
  // A new amount gives a new preview; clearing the field removes it.
  await page.getByLabel('Amount to stake').fill('100000');
  await expect(preview).toContainText('Risk of staking 100,000 USDC');
  await expect(page.getByTestId('stake-preview-var')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Amount to stake').fill('');
  await expect(preview).toHaveCount(0);
});

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 390, height: 844 },
] as const) {
  test(`/risk renders without sideways overflow on ${viewport.name} (screenshot)`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto('/risk');
    await waitForResults(page);
    await revealPanel(page, 'Stress tests', 'stress-result');
    // Let the solvency history recompute its past days (it runs after the main run, once its card nears
    // the screen: scrolled to, as a reader would).
    await page.getByRole('heading', { name: 'Solvency history' }).scrollIntoViewIfNeeded();
    await expect(page.getByTestId('solvency-history-chart').or(page.getByTestId('solvency-history-unavailable'))).toBeVisible({ timeout: 120_000 });
    await expect(page.getByText(/Recomputing \d+ \/ \d+ past days/)).toHaveCount(0, { timeout: 120_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/screens/risk-${viewport.name}.png`, fullPage: true });
  });
}

test('the overview shows the solvency ratio and links to /risk', async ({ page }) => {
  await page.goto('/');
  const card = page.getByTestId('overview-solvency');
  await expect(page.getByTestId('overview-solvency-ratio')).toHaveText(/^(\d[\d,.]*×|> 1,000×|∞)$/, { timeout: 30_000 });
  await card.screenshot({ path: 'test-results/screens/risk-overview-card.png' });
  await card.click();
  await expect(page).toHaveURL(/\/risk$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Risk' })).toBeVisible();
});
