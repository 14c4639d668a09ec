// `npm run bundle` — first-load JS per route from a Turbopack build's route-bundle-stats.json,
// uncompressed and gzip (each chunk gzipped, then summed: what the network carries).
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
for (const route of stats.sort((a, b) => a.route.localeCompare(b.route))) {
  const gzip = route.firstLoadChunkPaths.reduce((sum, chunk) => {
    const file = path.isAbsolute(chunk) ? chunk : path.join(ROOT, chunk);
    const alt = path.join(distDir, chunk.replace(/^.*?static\//, 'static/'));
    const source = existsSync(file) ? file : alt;
    return sum + gzipSync(readFileSync(source), { level: 9 }).length;
  }, 0);
  console.log(`${route.route.padEnd(24)}${kB(route.firstLoadUncompressedJsBytes).padStart(14)}${kB(gzip).padStart(12)}`);
}
