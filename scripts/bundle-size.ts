// `npm run bundle [-- <dist dir>]` — first-load JS per route from a Turbopack build's
// route-bundle-stats.json, uncompressed and gzip (each chunk gzipped, then summed: what the network
// carries), with the bare Next 16 reference page (scripts/lighthouse/bare, built by `npm run lighthouse`)
// beside them when it has been built.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './chain/artifacts';

const distDir = path.join(ROOT, process.argv[2] ?? process.env.NEXT_DIST_DIR ?? '.next');
const statsFile = path.join(distDir, 'diagnostics', 'route-bundle-stats.json');
if (!existsSync(statsFile)) {
  console.error(`No ${statsFile}: build first (npm test builds .next-e2e; \`next build\` builds .next).`);
  process.exit(1);
}
type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };
const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as RouteStats[];
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
console.log(`First-load JS per route (${path.relative(ROOT, distDir)})`);
console.log(`${'route'.padEnd(24)}${'uncompressed'.padStart(14)}${'gzip'.padStart(12)}`);
/** The gzip size of a route's first-load chunks: each chunk path is read from the build that listed it. */
function gzipOf(route: RouteStats, dist: string): number {
  return route.firstLoadChunkPaths.reduce((sum, chunk) => {
    const file = path.isAbsolute(chunk) ? chunk : path.join(dist, chunk.replace(/^.*?static\//, 'static/'));
    return sum + gzipSync(readFileSync(file), { level: 9 }).length;
  }, 0);
}
const row = (name: string, route: RouteStats, dist: string) =>
  console.log(`${name.padEnd(24)}${kB(route.firstLoadUncompressedJsBytes).padStart(14)}${kB(gzipOf(route, dist)).padStart(12)}`);
for (const route of stats.sort((a, b) => a.route.localeCompare(b.route))) row(route.route, route, distDir);
const bareDist = path.join(ROOT, 'scripts', 'lighthouse', 'bare', '.next');
const bareStats = path.join(bareDist, 'diagnostics', 'route-bundle-stats.json');
if (existsSync(bareStats)) {
  const bare = (JSON.parse(readFileSync(bareStats, 'utf8')) as RouteStats[]).find((r) => r.route === '/');
  if (bare) row('bare Next 16 (ref)', bare, bareDist);
}
