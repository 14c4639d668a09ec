'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTimestamp } from '@/lib/format/duration';
import type { TradePoint } from '@/lib/exchange/tradeSeries';

/** Trade prices (dots) against the model value (line) over time; loaded lazily with Recharts. */
export default function CoverTradesChart({ points }: { points: readonly TradePoint[] }) {
  return (
    <div className="h-56 w-full" data-testid="cover-trades-chart" data-points={points.length}>
      <ResponsiveContainer>
        <LineChart data={[...points]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" className="text-slate-200 dark:text-slate-800" />
          <XAxis
            dataKey="t"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(t: number) => formatTimestamp(BigInt(Math.floor(t))).slice(5, 16)}
            fontSize={11}
          />
          <YAxis domain={[0, 'auto']} width={56} fontSize={11} />
          <Tooltip
            labelFormatter={(t) => formatTimestamp(BigInt(Math.floor(Number(t))))}
            formatter={(v, name) => [`${Number(v).toFixed(2)} USDC`, name === 'price' ? 'Trade price' : 'Model value']}
          />
          <Line type="stepAfter" dataKey="model" stroke="#4f46e5" dot={false} isAnimationActive={false} />
          <Line dataKey="price" stroke="none" dot={{ r: 4, fill: '#f59e0b' }} isAnimationActive={false} connectNulls={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
