// Where a path's running extreme has got to on each side of the book. A falling price meets Down covers'
// strikes and longs' liquidation prices; a rising one Up covers' strikes and shorts' liquidation prices.
// Each side's two lists are merged into one sweep in crossing order, so a step that reaches new levels
// costs one search and one pointer move whatever mix of covers and positions it passes; two cumulative
// counts per merged index turn the merged pointer back into each list's own pointer (whose prefix sums
// give the payouts and the bad debt in O(1)).

/**
 * A sorted list of log-levels with a bucket index over them, so finding how far a price's extreme
 * reached costs O(1) on average however dense the book: bucket b of the grid over [origin, origin + G·w)
 * stores the first index whose level lies beyond the bucket's edge, and a search scans from there.
 */
export type LevelIndex = {
  /** Sorted in crossing order (descending for a falling price, ascending for a rising one), then ±∞. */
  levels: Float64Array;
  /** Down: grid[b] = first index with level < origin + b·w. Up: first index with level > origin + b·w. */
  grid: Int32Array;
  origin: number;
  inverseWidth: number;
};

/** One side's covers and positions merged in crossing order (ties: the cover first). */
export type Sweep = LevelIndex & {
  /** covers[i]: how many of the side's covers come before merged index i (0..n, length n + 1). */
  covers: Int32Array;
  /** positions[i]: how many of the side's positions come before merged index i. */
  positions: Int32Array;
};

export function levelIndex(levels: Float64Array, direction: 'down' | 'up'): LevelIndex {
  const n = levels.length - 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, levels[i]!);
    hi = Math.max(hi, levels[i]!);
  }
  // One object literal for every case (an empty side included): V8 then sees one shape (warmup.ts).
  if (n === 0) return { levels, grid: new Int32Array(2), origin: 0, inverseWidth: 0 };
  const buckets = Math.max(1, Math.min(1 << 16, 4 * n));
  const width = Math.max(hi - lo, 1e-12) / buckets;
  const grid = new Int32Array(buckets + 1);
  let i = 0;
  if (direction === 'down') {
    // Walk edges from the top (b = G) down to the bottom (b = 0); the first index below an edge only grows.
    for (let b = buckets; b >= 0; b--) {
      const edge = b === buckets ? Infinity : lo + b * width;
      while (i < n && levels[i]! >= edge) i++;
      grid[b] = i;
    }
  } else {
    for (let b = 0; b <= buckets; b++) {
      const edge = b === buckets ? Infinity : lo + b * width;
      while (i < n && levels[i]! <= edge) i++;
      grid[b] = i;
    }
  }
  return { levels, grid, origin: lo, inverseWidth: 1 / width };
}

/**
 * Merges a side's cover levels and position levels (each sorted in crossing order and ending in the
 * sentinel) into one indexed sweep.
 */
export function sweep(coverLevels: Float64Array, positionLevels: Float64Array, direction: 'down' | 'up'): Sweep {
  const nc = coverLevels.length - 1;
  const np = positionLevels.length - 1;
  const n = nc + np;
  const levels = new Float64Array(n + 1);
  const covers = new Int32Array(n + 1);
  const positions = new Int32Array(n + 1);
  const before = direction === 'down' ? (a: number, b: number) => a >= b : (a: number, b: number) => a <= b;
  let c = 0;
  let p = 0;
  for (let i = 0; i < n; i++) {
    covers[i] = c;
    positions[i] = p;
    if (p >= np || (c < nc && before(coverLevels[c]!, positionLevels[p]!))) levels[i] = coverLevels[c++]!;
    else levels[i] = positionLevels[p++]!;
  }
  covers[n] = c;
  positions[n] = p;
  levels[n] = direction === 'down' ? -Infinity : Infinity;
  const index = levelIndex(levels, direction);
  return { levels, grid: index.grid, origin: index.origin, inverseWidth: index.inverseWidth, covers, positions };
}

/**
 * First index ≥ `from` whose level is below `m` (descending levels): [from, result) were crossed.
 * The engine's path loop runs these same statements written out on its own locals (engine.ts: V8 does not
 * inline a call into that loop, and a call per crossing cost more than the search); change both together.
 */
export function passDown(index: LevelIndex, from: number, m: number): number {
  const levels = index.levels;
  if (levels[from]! < m) return from;
  const grid = index.grid;
  const last = grid.length - 1;
  // m lies in bucket c − 1, so the answer is at or after the first index below edge c. The bucket is
  // clamped then truncated (no Math.floor: any start gives the same answer, the scans below make it
  // exact; an in-range start keeps them short).
  const t = (m - index.origin) * index.inverseWidth + 1;
  let n = grid[t < 0 ? 0 : t > last ? last : t | 0]!;
  if (n < from) n = from;
  // The scan two steps at a time without a branch inside (a bucket holds 0–2 levels where the book is
  // dense, a count no predictor learns); the loop rarely repeats. One body for both steps (no rarely-run
  // statement: V8 compiles one without type feedback as a deopt).
  do {
    n += +(levels[n]! >= m);
    n += +(levels[n]! >= m);
  } while (levels[n]! >= m);
  // The bucket is computed in floating point: near an edge it can be one too far, so step back over
  // levels the extreme did not reach (the answer is exact whatever the grid's rounding).
  while (n > from && levels[n - 1]! < m) n--;
  return n;
}

/** First index ≥ `from` whose level is above `m` (ascending levels); see passDown. */
export function passUp(index: LevelIndex, from: number, m: number): number {
  const levels = index.levels;
  if (levels[from]! > m) return from;
  const grid = index.grid;
  const last = grid.length - 1;
  const t = (m - index.origin) * index.inverseWidth;
  let n = grid[t < 0 ? 0 : t > last ? last : t | 0]!;
  if (n < from) n = from;
  do {
    n += +(levels[n]! <= m);
    n += +(levels[n]! <= m);
  } while (levels[n]! <= m);
  while (n > from && levels[n - 1]! > m) n--;
  return n;
}
