// What the app checks about a price feed and the volatility oracle before it offers a quote: the same
// freshness rules the market enforces (CoverMarketStalePrice / CoverMarketStaleVolatility), said before
// anyone fills the form, and the feed's decimals the app's sentences assume.
import { formatDuration } from '../format/duration';

/** Chainlink's USD feeds answer with 8 decimals; sentences that print a feed price without reading its decimals assume them. */
export const FEED_DECIMALS = 8;

export type Freshness = { now: bigint; priceUpdatedAt: bigint; sigmaUpdatedAt: bigint; maxPriceAge: bigint; maxSigmaAge: bigint };

/** Why sales are refused right now because the price or σ is too old (the contract's rule), else undefined. */
export function staleQuoteReason(f: Freshness): string | undefined {
  if (f.now - f.priceUpdatedAt > f.maxPriceAge)
    return `The price feed has not updated for ${formatDuration(f.now - f.priceUpdatedAt)}; sales resume with the next round.`;
  if (f.now - f.sigmaUpdatedAt > f.maxSigmaAge) return 'Volatility has not been updated recently; sales resume after the next oracle poke.';
  return undefined;
}

/** A sentence when a feed does not answer in the decimals the app's words assume, else undefined. */
export function feedDecimalsProblem(decimals: number): string | undefined {
  return decimals === FEED_DECIMALS
    ? undefined
    : `This price feed answers with ${decimals} decimals, not the ${FEED_DECIMALS} the app expects of a USD feed: its prices would be shown wrong, so cover on it is not offered here.`;
}
