import { describe, expect, it } from 'vitest';
import { compileBook } from './compile';
import { simulatePaths } from './engine';
import { DEFAULT_PARAMS } from './model';
import { allocateOutputs } from './outputs';
import { QUICK_PATHS, quickSolvency } from './quickSolvency';
import { summarise } from './summary';
import { syntheticBook } from './testing/syntheticBook';

describe('quickSolvency (the overview card)', () => {
  it("is the engine's solvency with the /risk defaults at 20,000 paths, and remembers an unchanged book", () => {
    const book = syntheticBook({ covers: 12 });
    const params = { ...DEFAULT_PARAMS, paths: QUICK_PATHS };
    const cb = compileBook(book, params);
    const out = allocateOutputs(params.paths);
    simulatePaths(cb, 0, params.paths, out);
    const s = summarise(cb, out);
    const q = quickSolvency(book);
    expect(q.pools).toEqual(s.pools.solvency);
    expect(q.junior).toEqual(s.layers.junior.solvency);
    // A new block with the same book (seconds later) is the same answer, from memory (the same object).
    expect(quickSolvency({ ...book, blockNumber: book.blockNumber + 1n, timestamp: book.timestamp + 12n })).toBe(q);
    // A different book is computed afresh.
    expect(quickSolvency(syntheticBook({ covers: 12, junior: 10_000_000 }))).not.toBe(q);
  });
});
