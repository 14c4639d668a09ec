// The one-way layers of docs/ARCHITECTURE.md, checked over every TypeScript import:
//
//   app → components → lib → contracts-abi      indexer → lib      scripts → lib      e2e → scripts
//
// A layer may import the layers below it (app may import lib), never one above or beside it. lib is pure:
// no React, no Next.js, no wagmi, no framework. Tests (`*.test.ts`, beside the code or in indexer/test/) may
// also import scripts/: their rigs (scripts/testing/: chains, deployers) and the deploy and seed they drive. Run `npm run lint:layers`; `npm test` runs it first (with lint, format and
// tsc) and scripts/checks/layers.test.ts proves it fails on a planted wrong-way import.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type Layer = 'app' | 'components' | 'lib' | 'contracts-abi' | 'indexer' | 'scripts' | 'e2e';

/** What each layer may import besides itself and npm packages. */
export const ALLOWED: Record<Layer, readonly Layer[]> = {
  app: ['components', 'lib', 'contracts-abi'],
  components: ['lib', 'contracts-abi'],
  lib: ['contracts-abi'],
  'contracts-abi': [],
  indexer: ['lib', 'contracts-abi'],
  scripts: ['lib', 'contracts-abi'],
  e2e: ['scripts', 'lib', 'contracts-abi'],
};

/** npm packages a layer must not import: lib is pure logic, usable from a server, a worker, a script or a test. */
export const FORBIDDEN_PACKAGES: Partial<Record<Layer, readonly RegExp[]>> = {
  lib: [/^react($|\/)/, /^react-dom($|\/)/, /^next($|\/)/, /^wagmi($|\/)/, /^@wagmi\//, /^@tanstack\/react-query/, /^recharts($|\/)/],
  'contracts-abi': [/^(?!viem($|\/)).*/],
};

const LAYERS = Object.keys(ALLOWED) as Layer[];
const SOURCE = /\.(ts|tsx|mts|cts)$/;
const SKIP_DIRS = new Set(['node_modules', '.next', '.next-e2e', 'out', 'cache', 'generated', '.ponder', 'test-results', 'playwright-report']);

export type Violation = { file: string; specifier: string; reason: string };

/** The layer a repo-relative path belongs to, or undefined for files outside the layers (configs at the root). */
export function layerOf(relative: string): Layer | undefined {
  const top = relative.split('/')[0] as Layer;
  return LAYERS.includes(top) ? top : undefined;
}

const isTest = (relative: string) => /\.test\.tsx?$/.test(relative);

/** Every source file under the layers' folders, repo-relative with forward slashes. */
export function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) files.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  for (const layer of LAYERS) {
    try {
      walk(path.join(root, layer));
    } catch {
      // a layer folder that does not exist has nothing to check
    }
  }
  return files.sort();
}

/** Every module a file imports: static, type-only, re-exports, `import()` and `require()`. */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The repo-relative target of a project import (`@/…` or relative), or undefined for a package. */
function resolveProjectImport(fromFile: string, specifier: string): string | undefined {
  if (specifier.startsWith('@/')) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  return undefined;
}

/** Checks one file's imports against the layer rules. */
export function checkFile(relative: string, text: string): Violation[] {
  const from = layerOf(relative);
  if (!from) return [];
  const violations: Violation[] = [];
  for (const specifier of importsOf(text)) {
    const target = resolveProjectImport(relative, specifier);
    if (target === undefined) {
      const banned = FORBIDDEN_PACKAGES[from]?.find((re) => re.test(specifier));
      if (banned) violations.push({ file: relative, specifier, reason: `${from}/ must not import the package "${specifier}"` });
      continue;
    }
    if (target.startsWith('..')) {
      violations.push({ file: relative, specifier, reason: 'imports from outside the repository' });
      continue;
    }
    const to = layerOf(target);
    if (!to) {
      violations.push({ file: relative, specifier, reason: `imports ${target}, which belongs to no layer` });
      continue;
    }
    if (to === from || ALLOWED[from].includes(to)) continue;
    // Tests take their chains and deployers from the rigs, and drive the real deploy and seed.
    if (isTest(relative) && to === 'scripts' && from !== 'scripts') continue;
    violations.push({ file: relative, specifier, reason: `${from}/ may import ${[...ALLOWED[from]].join(', ') || 'nothing of ours'}, not ${to}/` });
  }
  return violations;
}

/** Checks every source file of the repository at `root`. */
export function checkLayers(root: string): { files: number; violations: Violation[] } {
  const files = sourceFiles(root);
  const violations = files.flatMap((f) => checkFile(f, readFileSync(path.join(root, f), 'utf8')));
  return { files: files.length, violations };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const { files, violations } = checkLayers(root);
  for (const v of violations) console.error(`${v.file}: import '${v.specifier}': ${v.reason}`);
  console.log(`layers: ${files} files, ${violations.length} wrong-way import${violations.length === 1 ? '' : 's'}`);
  process.exit(violations.length > 0 ? 1 : 0);
}
