// Amounts of the protocol's tokens in words: "1,234.5 USDC", "12.3456 shares", "500,000 BKS". The one formatter
// (formatAmount) with the token's decimals and name attached, so no component repeats them.
import { ASSET_DECIMALS, ASSET_SYMBOL, BKS_DECIMALS, SHARE_DECIMALS } from '../chain/tokens';
import { formatAmount, type FormatOptions } from './amount';

/** Stablecoin base units as "1,234.5 USDC" (every significant decimal unless `options` cut them). */
export function formatAssets(value: bigint, options: FormatOptions = {}): string {
  return `${formatAmount(value, ASSET_DECIMALS, options)} ${ASSET_SYMBOL}`;
}

/** Pool share base units as "12.3456 shares". */
export function formatShares(value: bigint, options: FormatOptions = {}): string {
  return `${formatAmount(value, SHARE_DECIMALS, options)} shares`;
}

/** BKS (the governance token, 18 decimals) base units as "500,000 BKS". */
export function formatBks(value: bigint, options: FormatOptions = {}): string {
  return `${formatAmount(value, BKS_DECIMALS, options)} BKS`;
}
