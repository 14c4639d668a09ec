// How a layer's capital splits, for display: free (usable by withdrawals and shortfalls), locked
// (backing active covers) and unearned premium (held, not yet part of the share price). Every part is
// the pool's own view (`freeAssets()` included), read from the chain; only the display ratios are here.

export type CapitalState = { totalAssets: bigint; lockedAssets: bigint; unearnedPremium: bigint; freeAssets: bigint };

export type CapitalBreakdown = CapitalState & {
  /** Everything the pool holds for its stakers and covers: total assets plus unearned premium. */
  heldAssets: bigint;
  /** locked / totalAssets in WAD, rounded down; 0 for an empty pool. */
  utilizationWad: bigint;
};

const WAD = 10n ** 18n;

export function capitalBreakdown(state: CapitalState): CapitalBreakdown {
  return {
    ...state,
    heldAssets: state.totalAssets + state.unearnedPremium,
    utilizationWad: state.totalAssets === 0n ? 0n : (state.lockedAssets * WAD) / state.totalAssets,
  };
}

/** Each part's share of the held assets, in basis points, for bar widths (they sum to ≤ 10,000). */
export function capitalBarBps(b: CapitalBreakdown): { free: number; locked: number; unearned: number } {
  if (b.heldAssets === 0n) return { free: 0, locked: 0, unearned: 0 };
  const bps = (v: bigint) => Number((v * 10_000n) / b.heldAssets);
  return { free: bps(b.freeAssets), locked: bps(b.lockedAssets), unearned: bps(b.unearnedPremium) };
}
