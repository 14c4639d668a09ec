// What a page fetches while it loads (issue 17's "counting what it fetches during load"): the heavy code
// that only some moments need stays out of it. Each is recognised by a name that survives minification:
// - the SQL client's query builder (@ponder/client, Drizzle): history is asked of the app's /history route;
// - wagmi/viem's write half (transaction preparation, gas estimation): loaded when a signature is near;
// - viem's full public client (every public action, ENS included): the pages use bare clients.
// No timing here: which scripts arrive, not how fast.
import { expect, type Page, test } from '@playwright/test';
import { connectWith } from './support/page';

const HEAVY = [
  { what: 'the SQL client (@ponder/client)', marker: 'drizzle' },
  { what: "wagmi/viem's write code", marker: 'EstimateGasExecutionError' },
  { what: "viem's full public client", marker: 'getEnsName' },
];

/** Every script the page fetched from navigation until the network went quiet, as text. */
async function scriptsDuringLoad(page: Page, load: () => Promise<unknown>): Promise<{ url: string; text: string }[]> {
  const bodies: Promise<{ url: string; text: string }>[] = [];
  const onResponse = (response: import('@playwright/test').Response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.text().then((text) => ({ url: response.url(), text })));
  };
  page.on('response', onResponse);
  try {
    await load();
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('response', onResponse);
  }
  return Promise.all(bodies);
}

// A server-rendered page that signs loads the wallet only when a signature is near: none of its code, and
// no client-side query cache, in the first load.
const WALLET = [
  { what: 'wagmi', marker: 'WagmiCoreError' },
  { what: 'TanStack Query', marker: 'No QueryClient set' },
];

function expectNoHeavyCode(scripts: { url: string; text: string }[], path: string, heavy = HEAVY) {
  expect(scripts.length, `${path}: scripts were seen`).toBeGreaterThan(0);
  for (const { what, marker } of heavy) {
    const carriers = scripts.filter((s) => s.text.includes(marker)).map((s) => s.url);
    expect(carriers, `${path} fetched ${what} while loading`).toEqual([]);
  }
}

for (const [path, ready] of [
  ['/', 'junior-tvl'],
  ['/cover', 'cover-spot'],
  ['/venue', 'venue-price'],
] as const) {
  test(`${path} loads without the SQL client, the write code or the full public client`, async ({ page }) => {
    const scripts = await scriptsDuringLoad(page, async () => {
      await page.goto(path);
      await expect(page.getByTestId(ready)).toBeVisible();
    });
    expectNoHeavyCode(scripts, path);
  });
}

test('/pools/junior loads without them; the write code arrives at the first touch', async ({ page }) => {
  const scripts = await scriptsDuringLoad(page, async () => {
    await page.goto('/pools/junior');
    await expect(page.getByTestId('pool-tvl')).toBeVisible();
  });
  expectNoHeavyCode(scripts, '/pools/junior');
  // A signature is near: the first pointer press on a page with a form fetches the write code (so the
  // marker above is a real one, and the warm-up works).
  const writeCode = page.waitForResponse(
    async (response) => response.request().resourceType() === 'script' && (await response.text()).includes('EstimateGasExecutionError'),
  );
  await page.getByRole('heading', { level: 1 }).click();
  await writeCode;
});

test('/portfolio (connected) is whole in the server’s HTML and loads without them, nor wagmi or a query cache', async ({ page }) => {
  await page.goto('/portfolio');
  await connectWith(page, /Dev account/);
  // A returning visitor (the wallet cookie set): the server's HTML carries the account's numbers.
  const html = await (await page.request.get('/portfolio')).text();
  for (const testId of ['portfolio-total', 'portfolio-wallet', 'stake-junior-value', 'stake-senior-request']) {
    expect(html, testId).toContain(`data-testid="${testId}"`);
  }
  const scripts = await scriptsDuringLoad(page, async () => {
    await page.reload(); // the connected page, as a returning visitor gets it
    await expect(page.getByTestId('connected-address')).toBeVisible();
    await expect(page.getByTestId('portfolio-total')).toBeVisible();
  });
  expectNoHeavyCode(scripts, '/portfolio', [...HEAVY, ...WALLET]);
});
