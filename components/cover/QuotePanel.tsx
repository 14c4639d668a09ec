import type { QuoteBreakdown } from '@/lib/cover/quoteBreakdown';
import { formatAmount, formatPercentWad } from '@/lib/format/amount';
import { formatAssets } from '@/lib/format/tokenAmount';
import { formatDuration } from '@/lib/format/duration';

const usd = (v: bigint) => formatAssets(v, { maxFractionDigits: 2, rounding: 'Up' });

/** The live quote and why it is what it is. */
export function QuotePanel({ quote }: { quote: QuoteBreakdown }) {
  return (
    <dl className="grid grid-cols-2 gap-3 rounded-lg bg-slate-50 p-4 text-sm dark:bg-slate-800/60" data-testid="quote-panel">
      <div className="col-span-2">
        <dt className="text-xs uppercase tracking-wide text-slate-500">Premium</dt>
        <dd className="font-mono text-2xl tabular-nums" data-testid="quote-premium">
          {usd(quote.premium)}
        </dd>
        <dd className="text-xs text-slate-500" data-testid="quote-rate">
          {formatPercentWad(quote.premiumRate)} of the payout
        </dd>
      </div>
      <div>
        <dt className="text-xs text-slate-500">Touch probability</dt>
        <dd className="font-mono tabular-nums" data-testid="quote-ptouch">
          {formatPercentWad(quote.pTouch)}
        </dd>
      </div>
      <div>
        <dt className="text-xs text-slate-500">Utilization markup</dt>
        <dd className="font-mono tabular-nums">×{formatAmount(quote.averageMarkup, 18, { maxFractionDigits: 3 })}</dd>
      </div>
      <div>
        <dt className="text-xs text-slate-500">Cost of capital ({formatDuration(quote.lockLength)} locked)</dt>
        <dd className="font-mono tabular-nums" data-testid="quote-floor">
          {formatPercentWad(quote.floorRate, 3)}
          {quote.binding === 'minimum' ? ' (applies)' : ''}
        </dd>
      </div>
      <div>
        <dt className="text-xs text-slate-500">Can still be sold</dt>
        <dd className="font-mono tabular-nums" data-testid="quote-capacity">
          {usd(quote.capacity)}
        </dd>
      </div>
    </dl>
  );
}
