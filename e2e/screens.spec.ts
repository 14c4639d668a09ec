// The main pages at desktop and phone widths: nothing overflows sideways, the heading and the page's key
// content render, and a full-page screenshot is saved (test-results/screens/) for a person to look at.
import { expect, test } from '@playwright/test';

const PAGES = [
  { path: '/', heading: /Insurance capital/, ready: 'layer-junior' },
  { path: '/pools/junior', heading: /Junior pool/, ready: 'pool-tvl' },
  { path: '/cover', heading: /Liquidation cover/, ready: 'strike-chart-plot' },
  { path: '/portfolio', heading: /Portfolio/, ready: 'portfolio-disconnected' },
  { path: '/venue', heading: /Perp venue/, ready: 'venue-price' },
  { path: '/cover/market', heading: /Cover market/, ready: 'market-listings' },
] as const;

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 390, height: 844 },
] as const;

for (const viewport of VIEWPORTS) {
  for (const pageSpec of PAGES) {
    test(`${pageSpec.path} renders without sideways overflow on ${viewport.name}`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.goto(pageSpec.path);
      await expect(page.getByRole('heading', { level: 1, name: pageSpec.heading })).toBeVisible();
      await expect(page.getByTestId(pageSpec.ready)).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const name = pageSpec.path === '/' ? 'overview' : pageSpec.path.slice(1).replace(/\//g, '-');
      await page.screenshot({ path: `test-results/screens/${name}-${viewport.name}.png`, fullPage: true });
    });
  }
}

// Dark mode follows the system setting: the page turns dark and stays readable.
for (const pageSpec of PAGES) {
  test(`${pageSpec.path} follows a dark system theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(pageSpec.path);
    await expect(page.getByTestId(pageSpec.ready)).toBeVisible();
    const [background, text] = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return [style.backgroundColor, style.color];
    });
    // Lightness 0–1 from the computed colour (Chromium reports Tailwind 4's colours as lab()/oklch()).
    const lightness = (css: string) => {
      const numbers = (css.match(/-?[\d.]+/g) ?? []).map(Number);
      if (css.startsWith('lab')) return (numbers[0] ?? 0) / 100;
      if (css.startsWith('oklch') || css.startsWith('oklab')) return numbers[0] ?? 0;
      const [r = 0, g = 0, b = 0] = numbers;
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    expect(lightness(background)).toBeLessThan(0.3);
    expect(lightness(text)).toBeGreaterThan(0.8);
    const name = pageSpec.path === '/' ? 'overview' : pageSpec.path.slice(1).replace(/\//g, '-');
    await page.screenshot({ path: `test-results/screens/${name}-dark.png`, fullPage: true });
  });
}
