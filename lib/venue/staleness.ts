// Why the venue would refuse to open now (a price or σ older than it accepts), in words; closing, reducing
// and adding margin stay open whatever the oracle's age (IPerpVenue, "Oracle and outages").
import { formatDuration } from '@/lib/format/duration';
import type { VenueParams } from './params';

export function venueStaleness(input: {
  now: bigint;
  priceUpdatedAt: bigint;
  sigmaUpdatedAt: bigint;
  params: Pick<VenueParams, 'maxPriceAge' | 'maxSigmaAge'>;
}): string | undefined {
  const priceAge = input.now - input.priceUpdatedAt;
  if (priceAge > input.params.maxPriceAge) {
    return `The price feed has not updated for ${formatDuration(priceAge)}: opening waits for the next round (closing and adding margin still work).`;
  }
  if (input.now - input.sigmaUpdatedAt > input.params.maxSigmaAge) return 'Volatility has not been updated recently: opening waits for the next oracle poke.';
  return undefined;
}
