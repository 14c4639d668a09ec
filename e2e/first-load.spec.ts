// What a page fetches while it loads (issue 17's "counting what it fetches during load"): the heavy code
// that only some moments need stays out of it. Each is recognised by a name that survives minification:
// - the SQL client's query builder (@ponder/client, Drizzle): history is asked of the app's /history route;
// - wagmi/viem's write half (transaction preparation, gas estimation): loaded when a signature is near;
// - viem's full public client (every public action, ENS included): the pages use bare clients;
// - the wallet (wagmi, its connectors, TanStack Query): the pages are rendered on the server, a connected
//   visitor's numbers included (the account comes from the wallet cookie), and the wallet's code loads
//   when it is reached for or a signature is near (components/wallet/walletLoader.ts).
// No timing here: which scripts arrive, not how fast.
import { expect, type Page, test } from '@playwright/test';
import { DEV_ACCOUNT } from '../lib/wallet/devAccount';
import { activeCoverId } from './support/chain';
import { connectWith } from './support/page';

type Marker = { what: string; marker: string };

const HEAVY: Marker[] = [
  { what: 'the SQL client (@ponder/client)', marker: 'drizzle' },
  { what: "wagmi/viem's write code", marker: 'EstimateGasExecutionError' },
  { what: "viem's full public client", marker: 'getEnsName' },
];
const WAGMI: Marker = { what: 'wagmi', marker: '@wagmi/core@' };
const WALLET: Marker[] = [WAGMI, { what: 'TanStack Query', marker: 'No QueryClient set' }];
const WRITE_CODE = HEAVY[1]!;

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

function expectNone(scripts: { url: string; text: string }[], path: string, markers: Marker[]) {
  expect(scripts.length, `${path}: scripts were seen`).toBeGreaterThan(0);
  for (const { what, marker } of markers) {
    const carriers = scripts.filter((s) => s.text.includes(marker)).map((s) => s.url);
    expect(carriers, `${path} fetched ${what} while loading`).toEqual([]);
  }
}

/** Scripts carrying each marker arrive after the first press on the page (so the markers are real ones). */
async function firstTouchFetches(page: Page, markers: Marker[]) {
  const arrivals = markers.map(({ marker }) =>
    page.waitForResponse(async (response) => response.request().resourceType() === 'script' && (await response.text()).includes(marker)),
  );
  await page.getByRole('heading', { level: 1 }).click();
  await Promise.all(arrivals);
}

// [path, a test id the loaded page shows, whether the page signs]
const PAGES = [
  ['/', 'junior-tvl', false],
  ['/cover', 'cover-spot', true],
  ['/pools/junior', 'pool-tvl', true],
  ['/venue', 'venue-price', true],
  ['/cover/market', 'market-listings', true],
] as const;

for (const [path, ready, signs] of PAGES) {
  test(`${path} loads without the SQL client, the write code, the full public client or the wallet`, async ({ page }) => {
    const scripts = await scriptsDuringLoad(page, async () => {
      await page.goto(path);
      await expect(page.getByTestId(ready)).toBeVisible();
    });
    expectNone(scripts, path, [...HEAVY, ...WALLET]);
    // A signature is near: the first press fetches the wallet and the write code.
    if (signs) await firstTouchFetches(page, [WAGMI, WRITE_CODE]);
  });
}

test('/pools/junior (connected) loads without them too: the account’s numbers come from the server, the wallet code waits', async ({ page }) => {
  await page.goto('/pools/junior');
  await connectWith(page, /Dev account/);
  const scripts = await scriptsDuringLoad(page, async () => {
    await page.reload(); // the connected page, as a returning visitor gets it
    await expect(page.getByTestId('connected-address')).toBeVisible();
    await expect(page.getByTestId('your-shares')).toHaveText(/ shares$/); // the account's own numbers, from the server
  });
  expectNone(scripts, '/pools/junior (connected)', [...HEAVY, ...WALLET]);
});

test('/venue (connected) loads without them too', async ({ page }) => {
  await page.goto('/venue');
  await connectWith(page, /Dev account/);
  const scripts = await scriptsDuringLoad(page, async () => {
    await page.reload();
    await expect(page.getByTestId('connected-address')).toBeVisible();
    await expect(page.getByTestId('venue-price')).toBeVisible();
  });
  expectNone(scripts, '/venue (connected)', [...HEAVY, ...WALLET]);
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
  expectNone(scripts, '/portfolio (connected)', [...HEAVY, ...WALLET]);
});

// A cover's page: its offer form signs (an active cover, so the form is there).
test('a cover’s page loads without them, anonymous and connected; the offer form fetches the wallet and the write code at the first press', async ({
  page,
}) => {
  const path = `/cover/${await activeCoverId(DEV_ACCOUNT)}`;
  const anonymous = await scriptsDuringLoad(page, async () => {
    await page.goto(path);
    await expect(page.getByTestId('cover-detail-model')).toHaveText(/USDC$/);
    await expect(page.getByTestId('make-offer')).toBeVisible();
  });
  expectNone(anonymous, path, [...HEAVY, ...WALLET]);
  await firstTouchFetches(page, [WAGMI, WRITE_CODE]);

  await connectWith(page, /Dev account/);
  const connected = await scriptsDuringLoad(page, async () => {
    await page.reload();
    await expect(page.getByTestId('connected-address')).toBeVisible();
    await expect(page.getByText(/Your balance: \d/)).toBeVisible(); // the account's own balance, from the server
  });
  expectNone(connected, `${path} (connected)`, [...HEAVY, ...WALLET]);
});

test('/cover/market (connected) loads without them too', async ({ page }) => {
  await page.goto('/cover/market');
  await connectWith(page, /Dev account/);
  const scripts = await scriptsDuringLoad(page, async () => {
    await page.reload();
    await expect(page.getByTestId('connected-address')).toBeVisible();
    await expect(page.getByTestId('market-listings')).toBeVisible();
  });
  expectNone(scripts, '/cover/market (connected)', [...HEAVY, ...WALLET]);
});
