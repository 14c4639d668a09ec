// The venue trader's journey on the real stack, with the same keeper module `npm start` runs (started
// here, its control endpoint on E2E_KEEPER_PORT, where the app's dev panel posts): open a leveraged long
// with the twins' preview → see its liquidation price and 24 h touch probability → buy cover from the
// remedy (pre-filled /cover) → crash from the dev panel → the keeper liquidates it with bad debt → the
// pools absorb it → the cover pays. Then the trade form's bad-input table.
import { expect, test } from '@playwright/test';
import type { Address } from 'viem';
import { perpVenueAbi, volatilityOracleAbi } from '../contracts-abi';
import { deployments } from '../contracts-abi/deployments';
import { formatAmount, formatPercentWad } from '../lib/format/amount';
import { previewOpen } from '../lib/venue/openPreview';
import { toPositionState, toVenueParams } from '../lib/venue/params';
import { liquidationTouchProbability } from '../lib/venue/remedy';
import { DEV_ACCOUNT } from '../lib/wallet/devAccount';
import type { Deployment } from '../scripts/chain/deploy';
import { type KeeperHandle, startKeeper } from '../scripts/keeper/keeper';
import { ANVIL_KEYS } from '../scripts/testing/anvil';
import { E2E_KEEPER_PORT, E2E_RPC_URL } from '../scripts/testing/e2eEnv';
import { client, faucetTo, lastCover, publishPrice, usdcBalance, warp } from './support/chain';
import { connectWith } from './support/page';

const USDC = 1_000_000n;
const ETH = 10n ** 18n;
const contracts = deployments[31337]!.contracts;
const VENUE = contracts.perpVenue!.address as Address;
const ORACLE = contracts.volatilityOracle!.address as Address;

let keeper: KeeperHandle;
const keeperLog: string[] = [];
test.beforeAll(async () => {
  // No walk (prices are the spec's), no timer: the keeper acts when the dev panel asks for a crash.
  keeper = startKeeper({
    rpcUrl: E2E_RPC_URL,
    deployment: deployments[31337] as unknown as Deployment,
    intervalMs: 2 ** 31 - 1,
    controlPort: E2E_KEEPER_PORT,
    config: { pushEvery: 10n ** 12n, minFeesToDistribute: 10n ** 30n },
    log: (line) => keeperLog.push(line),
  });
});
test.afterAll(async () => {
  await keeper?.stop();
  console.log(keeperLog.join('\n'));
});

const read = <T>(functionName: string, args: readonly unknown[] = []) =>
  client.readContract({ address: VENUE, abi: perpVenueAbi, functionName, args } as never) as Promise<T>;
const usd = (v: bigint) => formatAmount(v, 8, { maxFractionDigits: 2 });

test('open a leveraged long, see its liquidation risk, cover it, crash, get liquidated with bad debt the pools absorb, and the cover pays', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await faucetTo(ANVIL_KEYS[9]!, 10_000n * USDC);
  await publishPrice(3_000n);
  await page.goto('/venue');
  await connectWith(page, /Dev account/);
  await expect(page.getByTestId('venue-price')).toHaveText('3,000 USD');
  // Test USDC is on the venue page too, with the words the pool and cover pages use.
  await expect(page.getByTestId('faucet-terms')).toContainText('each click mints 10,000 USDC');
  // The server renders the page from this visitor's wallet cookie (a reload is the returning visitor's
  // page); another visitor's page carries no trace of their account.
  await page.reload();
  await expect(page.getByTestId('connected-address')).toBeVisible();
  const stranger = await browser.newContext();
  try {
    const html = await (await stranger.request.get('/venue')).text();
    expect(html.toLowerCase()).not.toContain(DEV_ACCOUNT.toLowerCase());
    expect(html).not.toContain(`${DEV_ACCOUNT.slice(0, 6)}…${DEV_ACCOUNT.slice(-4)}`);
    expect(html).toContain('Connect wallet');
  } finally {
    await stranger.close();
  }

  // The preview is the twins' answer for this order: the least margin that passes, and the liquidation price.
  const size = 5n * ETH;
  const [initialFraction, params, priceScale, [longOi, longIndex]] = await Promise.all([
    read<bigint>('marginFractionNow'),
    read<Record<string, bigint | number>>('params'),
    read<bigint>('priceScale'),
    read<readonly [bigint, bigint, bigint]>('sideState', [true]),
  ]);
  const market = {
    price: 3_000n * 10n ** 8n,
    initialFraction,
    params: toVenueParams(params as never),
    priceScale,
    sideOpenInterest: longOi,
    sideIndex: longIndex,
  };
  const least = previewOpen(true, size, 0n, market).minMarginIn;
  const preview = previewOpen(true, size, least, market);
  expect(preview.refusal).toBeNull();
  await page.getByTestId('trade-side-long').check({ force: true });
  await page.getByTestId('trade-size').fill('5');
  await page.getByTestId('trade-margin').fill(formatAmount(least, 6, { grouping: false }));
  await expect(page.getByTestId('trade-liquidation-price')).toHaveText(`${usd(preview.liquidationPrice)} USD`);
  await page.getByTestId('trade-submit').click();
  await expect(page.getByText('Open position: confirmed.')).toBeVisible();
  await expect(page.getByTestId('position-side')).toHaveText('Long 5 ETH');

  // The position: its exact liquidation price, and the 24 h touch probability at the oracle's σ.
  const state = toPositionState(await read('positionState', [DEV_ACCOUNT]));
  expect([state.size, state.liquidationPrice]).toEqual([size, preview.liquidationPrice]);
  const sigma = await client.readContract({ address: ORACLE, abi: volatilityOracleAbi, functionName: 'sigma' });
  const probability = liquidationTouchProbability(true, 3_000n * 10n ** 8n, state.liquidationPrice, sigma);
  await expect(page.getByTestId('position-liquidation-price')).toHaveText(`${usd(state.liquidationPrice)} USD`);
  await expect(page.getByTestId('position-touch-probability')).toHaveText(formatPercentWad(probability));
  expect(probability).toBeGreaterThan(10n ** 16n); // above 1 %: an 8× long a day from liquidation

  // Above the threshold: the warning and its two remedies; buying cover pre-fills /cover at the exact price.
  await page.getByTestId('risk-threshold').fill('1');
  await expect(page.getByTestId('risk-warning')).toBeVisible();
  await expect(page.getByTestId('remedy-add-margin')).toContainText(/Add [\d,.]+ USDC of margin/);
  await page.getByTestId('remedy-buy-cover').click();
  await expect(page).toHaveURL(/\/cover\?direction=Down&strike=/);
  await expect(page.getByTestId('cover-strike')).toHaveValue(formatAmount(state.liquidationPrice, 8, { grouping: false }));
  await expect(page.getByTestId('cover-duration')).toHaveValue('7');
  await page.getByTestId('buy-cover-button').click();
  await expect(page.getByText('Buy cover: confirmed.')).toBeVisible();
  const cover = await lastCover();
  expect(cover.owner).toBe(DEV_ACCOUNT);

  // After the cover's activation delay, the dev panel crashes the price 30 % in one round; the keeper
  // liquidates the position at once, with bad debt, and the waterfall absorbs it in the same transaction.
  await warp(400);
  await publishPrice(3_000n);
  await page.goto('/venue');
  await page.getByTestId('dev-crash-30').click();
  await expect(page.getByTestId('dev-crash-status')).toHaveText(/The price fell 30%; the keeper liquidated [1-9]\d* positions?\./, { timeout: 30_000 });
  expect(toPositionState(await read('positionState', [DEV_ACCOUNT])).size).toBe(0n);
  const mine = page.locator(`[data-testid="venue-liquidation"][data-trader="${DEV_ACCOUNT.toLowerCase()}"]`);
  await expect(mine.first()).toHaveAttribute('data-kind', 'liquidation-bad-debt', { timeout: 30_000 });
  const debt = page.locator(`[data-testid="venue-bad-debt"][data-trader="${DEV_ACCOUNT.toLowerCase()}"]`);
  await expect(debt.first()).toContainText(/Junior [1-9][\d,.]* USDC/);
  await expect(page.getByTestId('trade-submit')).toBeVisible(); // no position: the trade form again

  // A second round below the strike confirms the touch; the portfolio claims the cover, which pays.
  await warp(60);
  await publishPrice(2_000n);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  const row = page.getByTestId(`cover-${cover.tokenId}`);
  await expect(row).toHaveAttribute('data-view', 'triggered', { timeout: 30_000 });
  const before = await usdcBalance(DEV_ACCOUNT);
  await page.getByTestId(`claim-${cover.tokenId}`).click();
  await expect(page.getByText('Claim: confirmed.')).toBeVisible();
  expect(await usdcBalance(DEV_ACCOUNT)).toBeGreaterThan(before);
  await expect(row).toHaveAttribute('data-view', 'paid');

  // The overview shows the venue's open interest and its lifetime bad debt.
  await page.goto('/');
  await expect(page.getByTestId('overview-venue-oi')).toContainText('USDC');
  await expect(page.getByTestId('overview-venue-bad-debt')).toHaveText(/[1-9][\d,]* USDC/);
});

test('the trade form answers bad input in words and never opens the wallet', async ({ page }) => {
  await publishPrice(3_000n);
  await page.goto('/venue');
  await connectWith(page, /Dev account/);
  const size = page.getByTestId('trade-size');
  const margin = page.getByTestId('trade-margin');
  const button = page.getByTestId('trade-submit');
  const rows: [string, string, 'trade-size-message' | 'trade-margin-message', RegExp][] = [
    ['0', '500', 'trade-size-message', /The size must be more than zero\./],
    ['-1', '500', 'trade-size-message', /The size cannot be negative\./],
    ['1.0000000000000000001', '500', 'trade-size-message', /at most 18 decimals/],
    ['abc', '500', 'trade-size-message', /Enter the size as a number/],
    ['0.01', '20', 'trade-size-message', /A position must be worth at least 50 USDC/],
    ['1', '-5', 'trade-margin-message', /The margin cannot be negative\./],
    ['1', '5.0000001', 'trade-margin-message', /at most 6 decimals/],
    ['1', '0', 'trade-margin-message', /Enter the margin: at least [\d,.]+ USDC for this size\./],
    ['10', '100', 'trade-margin-message', /Over the leverage allowed now \([\d.]+× at today’s volatility\): put in at least [\d,.]+ USDC/],
    ['10', '99999999', 'trade-margin-message', /more than your USDC balance/],
  ];
  for (const [sizeText, marginText, field, message] of rows) {
    await size.fill(sizeText);
    await margin.fill(marginText);
    await expect(page.getByTestId(field), `${sizeText} / ${marginText}`).toHaveText(message);
    await expect(button).toBeDisabled();
  }
});
