// The server renders each visitor's page from that visitor's own wallet cookie: after one visitor
// connects (and the server has rendered their connected page), another visitor's server-rendered
// page carries no trace of the first one's account.
import { expect, test } from '@playwright/test';
import { DEV_ACCOUNT } from '../lib/wallet/devAccount';
import { activeCoverId } from './support/chain';
import { connectWith } from './support/page';

test('one visitor’s connected wallet never appears in another visitor’s server-rendered page', async ({ page, browser }) => {
  await page.goto('/pools/junior');
  await connectWith(page, /Dev account/);
  await page.reload(); // the server now renders this visitor's page from their cookie
  await expect(page.getByTestId('connected-address')).toBeVisible();

  const stranger = await browser.newContext();
  try {
    // A cover the dev account does not hold: its page names its holder, who is not the visitor.
    const cover = `/cover/${await activeCoverId(DEV_ACCOUNT)}`;
    for (const path of ['/pools/junior', '/cover', '/portfolio', '/', '/cover/market', cover]) {
      const html = await (await stranger.request.get(path)).text();
      expect(html.toLowerCase(), path).not.toContain(DEV_ACCOUNT.toLowerCase());
      expect(html, path).not.toContain(`${DEV_ACCOUNT.slice(0, 6)}…${DEV_ACCOUNT.slice(-4)}`);
      expect(html, path).toContain('Connect wallet');
    }
  } finally {
    await stranger.close();
  }
});
