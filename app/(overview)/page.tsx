import { Suspense } from 'react';
import { OverviewPlaceholder, ProtocolOverview } from '@/components/overview/ProtocolOverview';

export default function OverviewPage() {
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Insurance capital for a perpetuals venue</h1>
        <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-300">
          Underwriters stake a stablecoin into two layers that absorb the venue&apos;s liquidation shortfalls, and earn premiums and fees for it.
        </p>
      </div>
      {/* The heading is sent at once; the chain's numbers stream in after it, so the browser paints the
          page's text before the RPC reads finish and before the scripts run. */}
      <Suspense fallback={<OverviewPlaceholder />}>
        <ProtocolOverview />
      </Suspense>
    </div>
  );
}
