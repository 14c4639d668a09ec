// `npm run lighthouse [-- <base-url>] [<route> …] [--runs=N] [--forms=mobile,desktop] [--connected=/portfolio,…]
// [--bare-port=P | --no-bare]`: Lighthouse on the running app (start it first with `npm start`, a
// production build; a dev server's numbers mean nothing), side by side with a bare Next 16 page.
//
// The reference: scripts/lighthouse/bare/ is the smallest Next 16 App Router page; it is built once
// (next build, ~20 s) and served with `next start` on its own port (the app's port + 50 unless
// --bare-port) for the run, and measured in the same rounds as the routes: round 1 measures the bare
// page and every route, then round 2, and so on. On a shared 2-core machine the load drifts by the
// minute, so interleaving puts each route's runs beside the reference's under the same load.
//
// Every route is measured with Lighthouse's mobile preset (simulated slow 4G, 4× CPU slowdown) and, unless
// --forms says otherwise, its desktop preset, N times each (default 3); the run with the median
// performance score is the one reported. Routes in --connected (default /portfolio when no route is
// named) are measured with the dev account connected: before the first round the wallet menu is clicked
// through once, like a user would, and its cookies are set for those runs and cleared after (Lighthouse
// resets caches and storage between runs, not cookies). Prints scores, metrics and the JavaScript
// transferred during the load, then every failing accessibility, best-practices and SEO audit with its
// nodes, and the performance diagnostics that did not pass.
// A measurement, not a test: it exits 0 whatever the scores (1 only when nothing could be measured).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Result } from 'lighthouse';
import puppeteer, { type Browser, type Cookie } from 'puppeteer-core';
import { ROOT } from './chain/artifacts';
import { run } from './chain/run';
import { CHROMIUM_ARGS } from './testing/chromium';

const argv = process.argv.slice(2);
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const base = (argv.find((a) => /^https?:\/\//.test(a)) ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const named = argv.filter((a) => a.startsWith('/'));
const routes = named.length > 0 ? named : ['/', '/cover', '/pools/junior', '/portfolio', '/venue', '/risk'];
const connected = new Set((option('connected') ?? (named.length > 0 ? '' : '/portfolio')).split(',').filter(Boolean));
const runs = Math.max(1, Number(option('runs') ?? 3));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const ALL_FORMS: { name: string; config?: Config }[] = [{ name: 'mobile' }, { name: 'desktop', config: desktopConfig }];
const formNames = (option('forms') ?? 'mobile,desktop').split(',');
const FORMS = ALL_FORMS.filter((f) => formNames.includes(f.name));
const reportDir = path.join(tmpdir(), 'backstop-lighthouse'); // the median runs' full JSON, for the HTML viewer
const BARE_DIR = path.join(ROOT, 'scripts', 'lighthouse', 'bare');
const BARE_LABEL = 'bare Next 16';
const withBare = !argv.includes('--no-bare');
const barePort = Number(option('bare-port') ?? Number(new URL(base).port || 80) + 50);
const bareBase = `http://127.0.0.1:${barePort}`;
const NEXT_BIN = path.join(ROOT, 'node_modules', '.bin', 'next');

// Fail fast with a hint instead of a screen of Lighthouse errors when the stack is not up.
async function answers(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  do {
    try {
      await fetch(url, { signal: AbortSignal.timeout(10_000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  } while (Date.now() < deadline);
  return false;
}
if (!(await answers(base, 30_000))) {
  console.error(`${base} does not answer: start the stack first (\`npm start\`), or pass its URL.`);
  process.exit(1);
}

// The bare reference: built when its build is missing, served for this run only.
let bareServer: ChildProcess | undefined;
if (withBare) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: undefined };
  if (!existsSync(path.join(BARE_DIR, '.next', 'BUILD_ID'))) {
    process.stderr.write('building the bare Next 16 reference page…\n');
    await run(NEXT_BIN, ['build', BARE_DIR], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  bareServer = spawn(NEXT_BIN, ['start', BARE_DIR, '-p', String(barePort)], { cwd: ROOT, env, stdio: 'ignore', detached: true });
  if (!(await answers(bareBase, 30_000))) {
    stopBare();
    console.error(`The bare reference did not answer on ${bareBase}: is port ${barePort} free? (--bare-port=P, or --no-bare)`);
    process.exit(1);
  }
}
function stopBare() {
  if (bareServer?.pid && bareServer.exitCode === null) {
    try {
      process.kill(-bareServer.pid, 'SIGTERM'); // its process group: next start spawns a worker
    } catch {
      bareServer.kill('SIGTERM');
    }
  }
}

// Debian's Chromium (no downloaded browser here), with the e2e suite's flags: they keep Chromium's own
// background traffic (updates, sync, component downloads) out of the measured network and CPU.
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});

/** Connects the dev account through the wallet menu, as a user would, and returns the cookies that remember it. */
async function devAccountCookies(browser: Browser, route: string): Promise<Cookie[]> {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}${route}`, { waitUntil: 'networkidle2', timeout: 60_000 });
    await page.locator('::-p-aria(Connect wallet[role="button"])').click();
    await page.locator('[role="menuitem"] ::-p-text(Dev account)').click();
    await page.waitForSelector('[data-testid="connected-address"]', { timeout: 30_000 });
    return (await browser.cookies()).filter((c) => c.name.startsWith('wagmi'));
  } finally {
    await page.close();
  }
}

type Target = { label: string; url: string; connected: boolean };
const targets: Target[] = [
  ...(withBare ? [{ label: BARE_LABEL, url: `${bareBase}/`, connected: false }] : []),
  ...routes.map((route) => ({ label: connected.has(route) ? `${route} (connected)` : route, url: `${base}${route}`, connected: connected.has(route) })),
];
type Measured = { route: string; form: string; median: Result; perfScores: number[] };
const results = new Map<string, Result[]>(); // "label|form" → every run's result
const started = Date.now();
try {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const firstConnected = targets.find((t) => t.connected);
  const wallet = firstConnected ? await devAccountCookies(browser, new URL(firstConnected.url).pathname) : [];
  await browser.deleteCookie(...wallet);
  for (let i = 1; i <= runs; i++) {
    for (const target of targets) {
      if (target.connected) await browser.setCookie(...wallet);
      for (const form of FORMS) {
        process.stderr.write(`round ${i}/${runs}: ${target.label} ${form.name}…\n`);
        const flags = { port: chrome.port, output: 'json' as const, logLevel: 'error' as const, onlyCategories: CATEGORIES };
        const lhr = (await lighthouse(target.url, flags, form.config))?.lhr;
        if (!lhr || lhr.runtimeError) {
          console.log(`✗ ${target.label} ${form.name} run ${i}: ${lhr?.runtimeError?.message ?? 'no result'}`);
          continue;
        }
        const key = `${target.label}|${form.name}`;
        results.set(key, [...(results.get(key) ?? []), lhr]);
      }
      if (target.connected) await browser.deleteCookie(...wallet);
    }
  }
  await browser.disconnect();
} finally {
  await chrome.kill();
  stopBare();
}
const measured: Measured[] = [];
for (const target of targets) {
  for (const form of FORMS) {
    const all = results.get(`${target.label}|${form.name}`) ?? [];
    if (all.length === 0) continue;
    const byPerf = [...all].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
    const median = byPerf[Math.floor((byPerf.length - 1) / 2)]!;
    measured.push({ route: target.label, form: form.name, median, perfScores: byPerf.map((r) => score(r, 'performance')) });
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(path.join(reportDir, `${target.label.replace(/\W+/g, '_') || 'root'}-${form.name}.json`), JSON.stringify(median));
  }
}
if (measured.length === 0) {
  console.error('No Lighthouse run succeeded.');
  process.exit(1);
}

function score(lhr: Result, category: string): number {
  return Math.round((lhr.categories[category]?.score ?? 0) * 100);
}
function metric(lhr: Result, id: string, unit: 's' | 'ms' | ''): string {
  const value = lhr.audits[id]?.numericValue;
  if (value === undefined) return '–';
  if (unit === 's') return `${(value / 1000).toFixed(1)} s`;
  if (unit === 'ms') return `${Math.round(value)} ms`;
  return value.toFixed(3);
}

// Scores and metrics: the performance column is the median of the runs with their range.
/** JavaScript the page fetched during the load, as transferred (gzip from `next start`), in kB. */
function scriptKb(lhr: Result): string {
  const requests = (lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
  const bytes = requests.filter((r) => r.resourceType === 'Script').reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  return `${(bytes / 1000).toFixed(1)} kB`;
}
const cols = ['route', 'form', 'perf (min–max)', 'a11y', 'best-pr', 'seo', 'FCP', 'LCP', 'TBT', 'CLS', 'SI', 'JS loaded'];
const rows = measured.map(({ route, form, median, perfScores }) => [
  route,
  form,
  `${score(median, 'performance')} (${perfScores[0]}–${perfScores.at(-1)})`,
  String(score(median, 'accessibility')),
  String(score(median, 'best-practices')),
  String(score(median, 'seo')),
  metric(median, 'first-contentful-paint', 's'),
  metric(median, 'largest-contentful-paint', 's'),
  metric(median, 'total-blocking-time', 'ms'),
  metric(median, 'cumulative-layout-shift', ''),
  metric(median, 'speed-index', 's'),
  scriptKb(median),
]);
const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`\nLighthouse ${measured[0]!.median.lighthouseVersion} on ${base}, ${runs} interleaved round(s), median performance run shown`);
console.log(`(metrics are from that run; mobile = simulated slow 4G + 4× CPU slowdown, desktop = simulated fast cable;`);
console.log(
  ` "${BARE_LABEL}" is the reference page of scripts/lighthouse/bare/ measured in the same rounds; JS loaded = scripts transferred during the load)\n`,
);
console.log(line(cols));
for (const row of rows) console.log(line(row));

// Failing audits of the other categories, grouped by audit so each problem is listed once, with
// the pages and form factors where it shows and the nodes (selector + snippet) to fix.
type Item = Record<string, unknown> & { node?: { selector?: string; snippet?: string; explanation?: string } };
const items = (audit: Result['audits'][string]) => (audit.details as { items?: Item[] } | undefined)?.items ?? [];
const clip = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text).replace(/\s+/g, ' ');
for (const category of CATEGORIES.slice(1)) {
  const failing = new Map<string, { title: string; where: Map<string, Set<string>>; nodes: Map<string, { text: string; where: Set<string> }> }>();
  for (const { route, form, median } of measured) {
    for (const ref of median.categories[category]?.auditRefs ?? []) {
      const audit = median.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1 || !['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
      const entry = failing.get(ref.id) ?? { title: audit.title, where: new Map(), nodes: new Map() };
      failing.set(ref.id, entry);
      entry.where.set(route, (entry.where.get(route) ?? new Set()).add(form));
      for (const item of items(audit)) {
        const node = item.node;
        const text = node
          ? `${node.selector ?? '?'}  ${clip(node.snippet ?? '')}${node.explanation ? `\n        ${clip(node.explanation.split('\n').slice(0, 2).join(' '), 240)}` : ''}`
          : clip(
              Object.values(item)
                .filter((v) => typeof v === 'string' || typeof v === 'number')
                .join('  '),
              240,
            );
        const seen = entry.nodes.get(text) ?? { text, where: new Set<string>() };
        entry.nodes.set(text, seen);
        seen.where.add(`${route} ${form}`);
      }
    }
  }
  console.log(`\n${category}: ${failing.size === 0 ? 'no failing audits' : `${failing.size} failing audit(s)`}`);
  for (const [id, { title, where, nodes }] of failing) {
    const pages = [...where].map(([route, forms]) => `${route} (${[...forms].join(', ')})`).join('; ');
    console.log(`  ✗ ${id}: ${title}\n    on ${pages}`);
    for (const node of nodes.values())
      console.log(`      - ${node.text}${nodes.size > 1 && where.size > 1 ? `\n        [${[...node.where].join('; ')}]` : ''}`);
  }
}

// Performance diagnostics that did not pass, per page, largest estimated savings first, with the
// top resources behind each (the numbers Lighthouse's report shows under "Diagnostics").
type Savings = { overallSavingsMs?: number; overallSavingsBytes?: number };
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log('\nPerformance diagnostics (median run; not passed, largest savings first)');
for (const { route, form, median } of measured) {
  const audits = (median.categories.performance?.auditRefs ?? [])
    .filter((ref) => ref.group === 'diagnostics')
    .map((ref) => median.audits[ref.id]!)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'notApplicable')
    .sort((a, b) => {
      const sa = (a.details ?? {}) as Savings,
        sb = (b.details ?? {}) as Savings;
      return (sb.overallSavingsMs ?? 0) - (sa.overallSavingsMs ?? 0) || (sb.overallSavingsBytes ?? 0) - (sa.overallSavingsBytes ?? 0);
    });
  console.log(`\n  ${route} ${form}: ${audits.length === 0 ? 'none' : ''}`);
  for (const audit of audits) {
    const s = (audit.details ?? {}) as Savings;
    const savings = [s.overallSavingsMs ? `~${Math.round(s.overallSavingsMs)} ms` : '', s.overallSavingsBytes ? `~${kB(s.overallSavingsBytes)}` : '']
      .filter(Boolean)
      .join(', ');
    console.log(`    • ${audit.id}: ${audit.displayValue ?? audit.title}${savings ? ` (savings ${savings})` : ''}`);
    for (const item of items(audit).slice(0, 5)) {
      const label = item.url ?? item.groupLabel ?? item.node?.selector ?? item.label ?? '';
      const numbers = (['wastedBytes', 'totalBytes', 'wastedMs', 'duration', 'total', 'scripting', 'transferSize'] as const)
        .filter((k) => typeof item[k] === 'number')
        .map((k) => `${k} ${/Bytes|Size/.test(k) ? kB(item[k] as number) : `${Math.round(item[k] as number)} ms`}`);
      if (label || numbers.length > 0) console.log(`        ${clip(String(label), 110)}  ${numbers.join(', ')}`);
    }
  }
}
console.log(`\n${measured.length} page × form factor(s), ${((Date.now() - started) / 1000).toFixed(0)} s; full JSON of each median run in ${reportDir}`);
