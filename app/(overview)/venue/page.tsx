import { VenuePanel } from '@/components/venue/VenuePanel';

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
      <VenuePanel />
    </div>
  );
}
