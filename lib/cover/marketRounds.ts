// Where a market state keeps each feed's recent rounds, in a module of its own: the cover form reads
// them in the browser, and the reader beside it (coverMarketState.ts) carries viem's read path and the
// ABIs, which the page's first load must not.
import type { Address } from 'viem';
import type { Round } from './findClaimRound';

/** The key of a feed's rounds in `CoverMarketState.rounds`: its lower-cased address. */
export const feedKey = (feed: Address) => feed.toLowerCase();

/** A product's feed history from the state; null where it could not be read. */
export function roundsOf(state: { rounds: Record<string, Round[] | null> }, feed: Address): Round[] | null {
  return state.rounds[feedKey(feed)] ?? null;
}
