import { notFound } from 'next/navigation';
import { PoolPanel } from '@/components/pools/PoolPanel';
import { isLayer, LAYERS } from '@/lib/chain/config';
import { LAYER_COPY } from '@/lib/pool/layers';

export function generateStaticParams() {
  return LAYERS.map((layer) => ({ layer }));
}

export default async function PoolPage({ params }: { params: Promise<{ layer: string }> }) {
  const { layer } = await params;
  if (!isLayer(layer)) notFound();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{LAYER_COPY[layer].title}</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-300">{LAYER_COPY[layer].risk}</p>
      </div>
      <PoolPanel layer={layer} />
    </div>
  );
}
