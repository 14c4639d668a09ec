import Link from 'next/link';
import { LAYER_COPY } from '@/lib/pool/layers';
import { LAYERS } from '@/lib/chain/config';

export default function OverviewPage() {
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Insurance capital for a perpetuals venue</h1>
        <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-300">
          Underwriters stake a stablecoin into two layers that absorb the venue&apos;s liquidation shortfalls, and earn premiums and fees for it.
        </p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        {LAYERS.map((layer) => (
          <Link key={layer} href={`/pools/${layer}`} className="block rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-indigo-400 dark:border-slate-800 dark:bg-slate-900">
            <h2 className="font-semibold">{LAYER_COPY[layer].title}</h2>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{LAYER_COPY[layer].risk}</p>
          </Link>
        ))}
      </div>
    </div>
  );
}
