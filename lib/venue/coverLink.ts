// The "buy cover at my liquidation price" remedy: the /cover link that pre-fills the form. A long is
// liquidated when the price falls (the cover market's Down product), a short when it rises (Up).
import { formatAmount } from '@/lib/format/amount';

export type CoverPrefill = { direction: 'Down' | 'Up'; strike: string; payout: string; durationDays: string };

/**
 * The form's fields for cover at `liquidationPrice` paying `payout` (default: the position's margin, what
 * a liquidation takes from it) for `days`. The strike is written to the feed's full precision, so the
 * cover's strike is exactly the liquidation price.
 */
export function coverPrefill(isLong: boolean, liquidationPrice: bigint, payout: bigint, feedDecimals: number, assetDecimals: number, days = 7): CoverPrefill {
  return {
    direction: isLong ? 'Down' : 'Up',
    strike: formatAmount(liquidationPrice, feedDecimals, { grouping: false }),
    payout: formatAmount(payout, assetDecimals, { grouping: false, maxFractionDigits: 2, rounding: 'Up' }),
    durationDays: String(days),
  };
}

/** `/cover?direction=Down&strike=2731.5&payout=900&days=7`. */
export function coverHref(prefill: CoverPrefill): string {
  const q = new URLSearchParams({ direction: prefill.direction, strike: prefill.strike, payout: prefill.payout, days: prefill.durationDays });
  return `/cover?${q.toString()}`;
}

/** Reads the pre-fill back from the query (what /cover does); anything malformed is ignored field by field. */
export function readCoverPrefill(query: URLSearchParams): Partial<CoverPrefill> {
  const out: Partial<CoverPrefill> = {};
  const direction = query.get('direction');
  if (direction === 'Down' || direction === 'Up') out.direction = direction;
  const number = /^\d+(\.\d+)?$/;
  const strike = query.get('strike');
  if (strike && number.test(strike)) out.strike = strike;
  const payout = query.get('payout');
  if (payout && number.test(payout)) out.payout = payout;
  const days = query.get('days');
  if (days && number.test(days)) out.durationDays = days;
  return out;
}
