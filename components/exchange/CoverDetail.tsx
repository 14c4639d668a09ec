import { Suspense } from 'react';
import type { Address } from 'viem';
import { coverExchangeAbi } from '@/contracts-abi';
import { abiFunctions } from '@/lib/chain/abiItems';
import { COVER_STATUS } from '@/lib/chain/enums';
import { serverPublicClient } from '@/lib/chain/serverClient';
import { settle } from '@/lib/chain/settle';
import { FEED_DECIMALS } from '@/lib/cover/feedChecks';
import { type CoverTradeHistory, readCoverTradeHistory } from '@/lib/exchange/exchangeHistory';
import { readCoverDetail } from '@/lib/exchange/exchangeState';
import { formatAmount } from '@/lib/format/amount';
import { formatAssets } from '@/lib/format/tokenAmount';
import { AutoRefresh } from '../chain/AutoRefresh';
import { ChainUnreachable } from '../chain/ChainUnreachable';
import { IndexerNoticeText } from '../history/IndexerNoticeText';
import { Card } from '../ui/Card';
import { ChainTime } from '../ui/ChainTime';
import { ErrorState } from '../ui/ErrorState';
import { CoverTrades, CoverTradesPlaceholder } from './CoverTrades';
import { exchangeAddresses } from './ExchangeMarket';
import { MakeOfferForm } from './MakeOfferForm';

type Props = { tokenId: bigint; account: Address | undefined; wrongNetwork: boolean };

async function HistoryNotice({ history, chainHead }: { history: Promise<CoverTradeHistory>; chainHead: bigint | undefined }) {
  return <IndexerNoticeText health={(await history).healthAt(chainHead)} />;
}

/**
 * One cover, rendered on the server: its terms, status and model value from the chain at one block
 * (lib/exchange/exchangeState.ts, the CoverValue twin at the block's time), the offer form, and its trades
 * and open offers from the indexer behind their own Suspense, so a slow indexer never holds up the terms.
 * Rendered again every 4 s while visible.
 */
export async function CoverDetail({ tokenId, account, wrongNetwork }: Props) {
  const addresses = exchangeAddresses();
  if (!addresses) return <ErrorState title="No deployment" message="Backstop's cover exchange is not deployed on this chain." />;
  // Never rejects: a part that fails is null and the page says what it lacks.
  const history = readCoverTradeHistory(tokenId);
  const live = await settle(readCoverDetail(serverPublicClient(), addresses, tokenId, account));
  const chainHead = 'value' in live ? live.value.blockNumber : undefined;
  const trades = (
    <Card title="Trades against the model value">
      <Suspense fallback={<CoverTradesPlaceholder />}>
        <CoverTrades
          history={history}
          now={'value' in live && live.value.model !== null ? { t: live.value.blockTimestamp, model: live.value.model } : undefined}
        />
      </Suspense>
    </Card>
  );
  const notice = (
    <Suspense fallback={null}>
      <HistoryNotice history={history} chainHead={chainHead} />
    </Suspense>
  );
  // Rendered again every 4 s once this panel has answered (either way): a refresh started before it would
  // begin a new read while a slow RPC still holds the first.
  if ('error' in live) {
    return (
      <div className="space-y-4">
        <AutoRefresh everyMs={4_000} />
        {notice}
        <ChainUnreachable error={live.error} returns="The cover's terms and model value appear" />
        {trades}
      </div>
    );
  }
  const { cover, mark, model, trader, blockTimestamp } = live.value;
  if (!cover || !mark) {
    return (
      <>
        <AutoRefresh everyMs={4_000} />
        <Card>
          <p className="text-sm" data-testid="cover-detail-none">
            There is no cover #{tokenId.toString()}.
          </p>
        </Card>
      </>
    );
  }
  const status = COVER_STATUS[cover.status] ?? 'none';
  return (
    <div className="space-y-4">
      <AutoRefresh everyMs={4_000} />
      {notice}
      <Card title="Terms">
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Pays</dt>
            <dd>{formatAssets(cover.payout, { maxFractionDigits: 2 })}</dd>
          </div>
          <div>
            <dt className="text-slate-500 dark:text-slate-400">If the price {mark.down ? 'falls' : 'rises'} to</dt>
            <dd>{formatAmount(cover.strike, FEED_DECIMALS, { maxFractionDigits: 2 })} USD</dd>
          </div>
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Status</dt>
            <dd data-testid="cover-detail-status">{status}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-500 dark:text-slate-400">Window</dt>
            <dd>
              <ChainTime seconds={cover.start} /> → <ChainTime seconds={cover.end} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Model value now</dt>
            <dd data-testid="cover-detail-model" title="Payout × the model's touch probability over the time left, at the price and σ of the page's block">
              {model === null ? '—' : formatAssets(model, { maxFractionDigits: 2 })}
            </dd>
          </div>
          <div className="sm:col-span-3">
            <dt className="text-slate-500 dark:text-slate-400">Holder</dt>
            <dd className="font-mono text-xs break-all">{cover.holder}</dd>
          </div>
        </dl>
      </Card>
      {status === 'active' && blockTimestamp < cover.end ? (
        <Card title="Make an offer">
          <MakeOfferForm
            cover={{ tokenId, status: cover.status, payout: cover.payout, end: cover.end, holder: cover.holder }}
            trader={trader}
            account={account}
            wrongNetwork={wrongNetwork}
            blockTimestamp={blockTimestamp}
            exchange={addresses.exchange}
            stablecoin={addresses.stablecoin}
            makeOfferAbi={abiFunctions(coverExchangeAbi, ['makeOffer'])}
          />
        </Card>
      ) : null}
      {trades}
    </div>
  );
}

/** The loaded panel's shape (terms, offer form, trades), so nothing jumps when it arrives. */
export function CoverDetailLoading() {
  return (
    <div className="space-y-4" aria-busy="true" data-testid="cover-detail-loading">
      <div className="h-48 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
      <div className="h-32 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
      <div className="h-80 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
