// `npm run lighthouse [-- <base-url>] [<route> …] [--runs=N]`: Lighthouse on the running app (start it
// first with `npm start` (a production build); a dev server's numbers mean nothing). Every route is measured with
// Lighthouse's mobile preset (its default: simulated slow 4G, 4× CPU slowdown) and its desktop preset,
// N times each (default 3): one run on a 2-core machine is noisy, so the run with the median
// performance score is the one reported. Prints scores and metrics, every failing accessibility,
// best-practices and SEO audit with its nodes, and the performance diagnostics that did not pass.
// A measurement, not a test: it exits 0 whatever the scores (1 only when nothing could be measured).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Result } from 'lighthouse';
import { CHROMIUM_ARGS } from './testing/chromium';

const argv = process.argv.slice(2);
const base = (argv.find((a) => /^https?:\/\//.test(a)) ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const routes = argv.filter((a) => a.startsWith('/'));
if (routes.length === 0) routes.push('/', '/cover');
const runs = Math.max(1, Number(argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const FORMS: { name: string; config?: Config }[] = [{ name: 'mobile' }, { name: 'desktop', config: desktopConfig }];
const reportDir = path.join(tmpdir(), 'backstop-lighthouse'); // the median runs' full JSON, for the HTML viewer

// Fail fast with a hint instead of twelve Lighthouse errors when the stack is not up.
try {
  await fetch(base, { signal: AbortSignal.timeout(30_000) });
} catch {
  console.error(`${base} does not answer: start the stack first (\`npm start -- --prod\`), or pass its URL.`);
  process.exit(1);
}

// Debian's Chromium (no downloaded browser here), with the e2e suite's flags: they keep Chromium's own
// background traffic (updates, sync, component downloads) out of the measured network and CPU.
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});

type Measured = { route: string; form: string; median: Result; perfScores: number[] };
const measured: Measured[] = [];
const started = Date.now();
try {
  for (const route of routes) {
    for (const form of FORMS) {
      const results: Result[] = [];
      for (let i = 1; i <= runs; i++) {
        process.stderr.write(`lighthouse ${route} ${form.name} run ${i}/${runs}…\n`);
        const flags = { port: chrome.port, output: 'json' as const, logLevel: 'error' as const, onlyCategories: CATEGORIES };
        const lhr = (await lighthouse(`${base}${route}`, flags, form.config))?.lhr;
        if (!lhr || lhr.runtimeError) {
          console.log(`✗ ${route} ${form.name} run ${i}: ${lhr?.runtimeError?.message ?? 'no result'}`);
          continue;
        }
        results.push(lhr);
      }
      if (results.length === 0) continue;
      const byPerf = [...results].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
      const median = byPerf[Math.floor((byPerf.length - 1) / 2)]!;
      measured.push({ route, form: form.name, median, perfScores: byPerf.map((r) => score(r, 'performance')) });
      mkdirSync(reportDir, { recursive: true });
      writeFileSync(path.join(reportDir, `${route.replace(/\W+/g, '_') || 'root'}-${form.name}.json`), JSON.stringify(median));
    }
  }
} finally {
  await chrome.kill();
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
const cols = ['route', 'form', 'perf (min–max)', 'a11y', 'best-pr', 'seo', 'FCP', 'LCP', 'TBT', 'CLS', 'SI'];
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
]);
const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`\nLighthouse ${measured[0]!.median.lighthouseVersion} on ${base}, ${runs} run(s) per row, median performance run shown`);
console.log(`(metrics are from that run; mobile = simulated slow 4G + 4× CPU slowdown, desktop = simulated fast cable)\n`);
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
