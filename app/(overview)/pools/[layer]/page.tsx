import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { PoolPanel, PoolPanelLoading } from '@/components/pools/PoolPanel';
import { isLayer } from '@/lib/chain/config';
import { LAYER_COPY } from '@/lib/pool/layers';

/**
 * Rendered on the server (the visitor's account from the wallet cookie): the heading and the layer's risk
 * in words go out in the first flush, the chain-dependent panel streams in after them.
 */
export default async function PoolPage({ params }: { params: Promise<{ layer: string }> }) {
  const { layer } = await params;
  if (!isLayer(layer)) notFound();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{LAYER_COPY[layer].title}</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-300">{LAYER_COPY[layer].risk}</p>
      </div>
      <Suspense fallback={<PoolPanelLoading />}>
        <PoolPanel layer={layer} />
      </Suspense>
    </div>
  );
}
