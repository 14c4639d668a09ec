import { describeDiscount, discountBps } from '@/lib/exchange/coverMark';
import type { CoverTradeHistory } from '@/lib/exchange/exchangeHistory';
import { tradeSeries } from '@/lib/exchange/tradeSeries';
import { formatAssets } from '@/lib/format/tokenAmount';
import { ChainTime } from '../ui/ChainTime';
import { CoverTradesChart } from './CoverTradesChart';

/**
 * The cover's trades from the indexer (read on the server), drawn against the model value the indexer
 * computed at each trade's block and the value now (`now`, the page's block), listed, with its open offers.
 */
export async function CoverTrades({ history, now }: { history: Promise<CoverTradeHistory>; now: { t: bigint; model: bigint } | undefined }) {
  const answer = (await history).history;
  if (!answer) return <p className="text-sm text-slate-500 dark:text-slate-400">Trades are unavailable while the indexer is away; the terms above are live.</p>;
  const { trades, offers } = answer;
  return (
    <>
      {trades.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No trades yet.</p>
      ) : (
        <CoverTradesChart points={tradeSeries(trades, now)} />
      )}
      <ul className="mt-3 divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="cover-trades" data-count={trades.length}>
        {trades.map((tr) => (
          <li key={tr.id} className="flex flex-wrap justify-between gap-2 py-2">
            <ChainTime seconds={tr.timestamp} />
            <span>
              {formatAssets(tr.price, { maxFractionDigits: 2 })} · model {formatAssets(tr.modelValue, { maxFractionDigits: 2 })} ·{' '}
              {describeDiscount(discountBps(tr.price, tr.modelValue))}
              {tr.offerId === 0n ? ' (listing)' : ' (offer)'}
            </span>
          </li>
        ))}
      </ul>
      {offers.length > 0 ? (
        <p className="mt-3 text-sm" data-testid="cover-open-offers">
          Open offers: {offers.map((o) => formatAssets(o.amount, { maxFractionDigits: 2 })).join(', ')}
        </p>
      ) : null}
    </>
  );
}

/** The trades card's content while the indexer answers: about the chart's height, so nothing jumps. */
export function CoverTradesPlaceholder() {
  return <div className="h-56 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />;
}
