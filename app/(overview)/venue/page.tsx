import { Suspense } from 'react';
import { VenueLoading, VenuePanel } from '@/components/venue/VenuePanel';

/**
 * Rendered on the server, the visitor's position included (the account comes from the wallet cookie):
 * the heading is sent at once, the market and position stream in after one batched chain read, and the
 * liquidations from the indexer after that in their own boundary.
 */
export default function VenuePage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Perp venue</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-300">
          Isolated-margin ETH perpetuals on the oracle price. Your position shows its liquidation price and the chance of touching it within a day; when that is
          too high, add the exact margin that brings it down, or buy cover that pays at that price.
        </p>
      </div>
      <Suspense fallback={<VenueLoading />}>
        <VenuePanel />
      </Suspense>
    </div>
  );
}
