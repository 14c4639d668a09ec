import { convertToAssets, type PoolShareState } from '../mirror/BackstopPool';
// Derived history figures, computed in one place for the indexer and the app.

export const ONE_SHARE = 10n ** 18n;

/** Assets one whole share (1e18) redeems for, rounded down exactly as `convertToAssets` on chain. */
export function sharePrice(pool: PoolShareState): bigint {
  return convertToAssets(pool, ONE_SHARE);
}
