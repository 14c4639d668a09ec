// What the venue page's forms sign, picked from the generated ABI on the server (lib/chain/abiItems.ts)
// and passed to them as a prop, so the venue's whole ABI stays out of the browser's first load. The
// client components import only the type.
import { perpVenueAbi } from '@/contracts-abi';
import { abiFunctions } from '@/lib/chain/abiItems';

/** PerpVenue: open or increase, add / remove margin, close, and withdraw what a liquidation left. */
export const VENUE_SIGNING_ABI = abiFunctions(perpVenueAbi, ['open', 'addMargin', 'removeMargin', 'close', 'withdrawOwed']);

export type VenueSigningAbi = typeof VENUE_SIGNING_ABI;
