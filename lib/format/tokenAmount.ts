// Amounts of the protocol's two tokens in words: "1,234.5 USDC", "12.3456 shares". The one formatter
// (formatAmount) with the token's decimals and name attached, so no component repeats them.
import { ASSET_DECIMALS, ASSET_SYMBOL, SHARE_DECIMALS } from '../chain/tokens';
import { formatAmount, type FormatOptions } from './amount';

/** Stablecoin base units as "1,234.5 USDC" (every significant decimal unless `options` cut them). */
export function formatAssets(value: bigint, options: FormatOptions = {}): string {
  return `${formatAmount(value, ASSET_DECIMALS, options)} ${ASSET_SYMBOL}`;
}

/** Pool share base units as "12.3456 shares". */
export function formatShares(value: bigint, options: FormatOptions = {}): string {
  return `${formatAmount(value, SHARE_DECIMALS, options)} shares`;
}
