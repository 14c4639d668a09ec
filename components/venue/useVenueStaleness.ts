'use client';

import type { VenueParams } from '@/lib/venue/params';
import { venueStaleness } from '@/lib/venue/staleness';
import { useChainClock } from '../chain/useChainClock';

export type StalenessClock = {
  blockTimestamp: bigint;
  priceUpdatedAt: bigint;
  sigmaUpdatedAt: bigint;
  params: Pick<VenueParams, 'maxPriceAge' | 'maxSigmaAge'>;
};

/**
 * Why opening would be refused now (a price or σ older than the venue accepts), on the chain's clock:
 * anchored on the server's block and run forward between refreshes, so a feed that stops updating is
 * said even while the page shows the last block it read.
 */
export function useVenueStaleness({ blockTimestamp, priceUpdatedAt, sigmaUpdatedAt, params }: StalenessClock): string | undefined {
  const now = useChainClock(blockTimestamp, 15_000);
  return venueStaleness({ now, priceUpdatedAt, sigmaUpdatedAt, params });
}
