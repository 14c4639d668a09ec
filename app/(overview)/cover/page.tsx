import { CoverPanel } from '@/components/cover/CoverPanel';

export default function CoverPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Liquidation cover</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-300">
          Set the strike at your position&apos;s liquidation price. If the oracle confirms the price touched it, the cover pays out — the cover is an NFT, so
          you can sell it too.
        </p>
      </div>
      <CoverPanel />
    </div>
  );
}
