import { MarketView } from '@/components/exchange/MarketView';

export default function CoverMarketPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Cover market</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-300">
          Covers other holders sell, each against its model value now. A cover bought here pays you if its strike is touched before it ends.
        </p>
      </div>
      <MarketView />
    </div>
  );
}
