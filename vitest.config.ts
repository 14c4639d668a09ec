import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Unit, property and parity tests of lib/ and scripts/. Parity tests start their own anvil.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'indexer/test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
