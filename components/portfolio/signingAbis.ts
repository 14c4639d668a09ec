// What the portfolio's buttons sign, picked from the generated ABIs on the server (lib/chain/abiItems.ts)
// and passed to them as props, so the ABI modules stay out of the browser's first load. The client
// components import only the types.
import { coverExchangeAbi, coverMarketAbi } from '@/contracts-abi';
import { abiFunctions } from '@/lib/chain/abiItems';

export const SIGNING_ABIS = {
  /** CoverMarket: `claim` a triggered cover; `approve` the exchange for a cover. */
  market: abiFunctions(coverMarketAbi, ['claim', 'approve']),
  /** CoverExchange: list, cancel a listing, accept an offer. */
  exchange: abiFunctions(coverExchangeAbi, ['list', 'cancelListing', 'acceptOffer']),
};

export type SigningAbis = typeof SIGNING_ABIS;
