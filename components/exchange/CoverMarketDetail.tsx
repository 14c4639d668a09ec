'use client';

// One cover's page: its terms and status, its model value now, and its trades against the model value over
// time (from the indexer), with the open offers and listing.
import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { contractAddress } from '@/lib/chain/config';
import { COVER_STATUS } from '@/lib/chain/enums';
import { FEED_DECIMALS } from '@/lib/cover/feedChecks';
import { coverMarkDown, describeDiscount, discountBps } from '@/lib/exchange/coverMark';
import { tradeSeries } from '@/lib/exchange/tradeSeries';
import { formatAmount } from '@/lib/format/amount';
import { formatTimestamp } from '@/lib/format/duration';
import { formatAssets } from '@/lib/format/tokenAmount';
import { useChainNow } from '../chain/useChainNow';
import { useCoverProducts } from '../cover/useCoverMarket';
import { historyQueries } from '../history/historyQueries';
import { useCoverInfo } from '../cover/useCoverInfo';
import { Card } from '../ui/Card';
import { MakeOfferForm } from './MakeOfferForm';
import { useProductMarks } from './useExchange';

const CoverTradesChart = dynamic(() => import('./CoverTradesChart'), { ssr: false, loading: () => <div className="h-56" /> });

export function CoverMarketDetail({ tokenId }: { tokenId: bigint }) {
  const now = useChainNow();
  const market = contractAddress('coverMarket');
  const info = useCoverInfo(market, tokenId);
  const { products } = useCoverProducts();
  const product = products?.find((p) => p.productId === info.data?.productId);
  const marks = useProductMarks(product ? [product] : []);
  const history = useQuery(historyQueries.coverMarket(tokenId));
  const c = info.data;
  if (!c) return <Card>{info.isError ? 'This cover could not be read.' : 'Loading…'}</Card>;
  if (COVER_STATUS[c.status] === 'none') return <Card>There is no cover #{tokenId.toString()}.</Card>;
  const mark = product ? marks.byProduct.get(product.productId) : undefined;
  let model: bigint | undefined;
  if (mark && now !== undefined && product) {
    try {
      model = coverMarkDown({ ...c, down: product.direction === 'Down' }, { ...mark, now }, false);
    } catch {
      model = undefined;
    }
  }
  const trades = history.data?.trades ?? [];
  const points = tradeSeries(trades, model !== undefined && now !== undefined ? { t: now, model } : undefined);

  return (
    <div className="space-y-4">
      <Card title={`Cover #${tokenId}`}>
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">Pays</dt>
            <dd>{formatAssets(c.payout, { maxFractionDigits: 2 })}</dd>
          </div>
          <div>
            <dt className="text-slate-500">If the price {product?.direction === 'Up' ? 'rises' : 'falls'} to</dt>
            <dd>{formatAmount(c.strike, FEED_DECIMALS, { maxFractionDigits: 2 })} USD</dd>
          </div>
          <div>
            <dt className="text-slate-500">Window</dt>
            <dd>
              {formatTimestamp(c.start)} → {formatTimestamp(c.end)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Status</dt>
            <dd data-testid="cover-detail-status">{COVER_STATUS[c.status]}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Model value now</dt>
            <dd data-testid="cover-detail-model">{model === undefined ? '…' : formatAssets(model, { maxFractionDigits: 2 })}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Holder</dt>
            <dd className="truncate font-mono text-xs">{c.holder}</dd>
          </div>
        </dl>
      </Card>
      {COVER_STATUS[c.status] === 'active' && now !== undefined && now < c.end ? (
        <Card title="Make an offer">
          <MakeOfferForm cover={{ tokenId, status: c.status, payout: c.payout, end: c.end, holder: c.holder }} />
        </Card>
      ) : null}
      <Card title="Trades against the model value">
        {trades.length === 0 ? <p className="text-sm text-slate-500">No trades yet.</p> : <CoverTradesChart points={points} />}
        <ul className="mt-3 divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="cover-trades" data-count={trades.length}>
          {trades.map((tr) => (
            <li key={tr.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span>{formatTimestamp(tr.timestamp)}</span>
              <span>
                {formatAssets(tr.price, { maxFractionDigits: 2 })} · model {formatAssets(tr.modelValue, { maxFractionDigits: 2 })} ·{' '}
                {describeDiscount(discountBps(tr.price, tr.modelValue))}
                {tr.offerId === 0n ? ' (listing)' : ' (offer)'}
              </span>
            </li>
          ))}
        </ul>
        {(history.data?.offers.length ?? 0) > 0 ? (
          <p className="mt-3 text-sm">Open offers: {history.data!.offers.map((o) => formatAssets(o.amount, { maxFractionDigits: 2 })).join(', ')}</p>
        ) : null}
      </Card>
    </div>
  );
}
