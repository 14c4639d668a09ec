'use client';

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ASSET_DECIMALS } from '@/lib/chain/tokens';
import type { PoolSnapshot } from '@/lib/history/indexerApi';
import { formatTimestamp } from '@/lib/format/duration';

// Chart coordinates only: floats are fine for drawing, never for amounts a transaction carries.
function toPoints(snapshots: readonly PoolSnapshot[]) {
  return snapshots.map((s) => ({ t: Number(s.timestamp), price: Number(s.sharePrice) / 10 ** ASSET_DECIMALS }));
}

/** Share price over time (Recharts); loaded lazily so it never weighs on first load. */
export default function SharePriceChart({ snapshots }: { snapshots: readonly PoolSnapshot[] }) {
  const points = toPoints(snapshots);
  return (
    <div className="h-48 w-full" data-testid="share-price-chart">
      <ResponsiveContainer>
        <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" className="text-slate-200 dark:text-slate-800" />
          <XAxis
            dataKey="t"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(t: number) => formatTimestamp(BigInt(t)).slice(5, 10)}
            fontSize={11}
          />
          <YAxis domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(4)} width={56} fontSize={11} />
          <Tooltip labelFormatter={(t) => formatTimestamp(BigInt(Number(t)))} formatter={(v) => [Number(v).toFixed(6), 'Share price']} />
          <Area type="stepAfter" dataKey="price" stroke="#4f46e5" fill="#6366f1" fillOpacity={0.15} isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
