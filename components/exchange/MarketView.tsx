'use client';

// The cover market: every live listing with its model value and the ask's discount to it, sortable by strike,
// expiry and discount; one signature to buy once the exchange may spend the price (approve first otherwise).
import { useQuery } from '@tanstack/react-query';
import { NavLink } from '@/components/ui/NavLink';
import { useState } from 'react';
import { coverExchangeAbi } from '@/contracts-abi';
import { FEED_DECIMALS } from '@/lib/cover/feedChecks';
import { describeDiscount } from '@/lib/exchange/coverMark';
import { checkBuy } from '@/lib/exchange/exchangeInput';
import { type MarketRow, marketRows, type SortKey, sortMarketRows } from '@/lib/exchange/marketRows';
import { formatAmount } from '@/lib/format/amount';
import { formatTimestamp } from '@/lib/format/duration';
import { formatAssets } from '@/lib/format/tokenAmount';
import { signingGate } from '@/lib/tx/signingGate';
import { useChainNow } from '../chain/useChainNow';
import { useCoverProducts } from '../cover/useCoverMarket';
import { historyQueries } from '../history/historyQueries';
import { chainScopes } from '../query/queryKeys';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useApproveThenAct } from '../tx/useApproveThenAct';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { useWalletState } from '../wallet/useWalletState';
import { useListedCovers, useProductMarks, useTrader } from './useExchange';

const SORTS: { key: SortKey; label: string }[] = [
  { key: 'discount', label: 'Discount to model' },
  { key: 'strike', label: 'Strike' },
  { key: 'expiry', label: 'Expiry' },
];

export function MarketView() {
  const { account, wrongNetwork } = useWalletState();
  const now = useChainNow();
  const { products } = useCoverProducts();
  const book = useQuery(historyQueries.exchangeBook());
  const tokenIds = book.data?.listings.map((l) => l.tokenId) ?? [];
  const listed = useListedCovers(tokenIds);
  const marks = useProductMarks(products ?? []);
  const trader = useTrader(account);
  const flow = useApproveThenAct();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'discount', descending: false });
  const [message, setMessage] = useState<{ tokenId: bigint; text: string }>();

  const down = (productId: bigint) => products?.find((p) => p.productId === productId)?.direction !== 'Up';
  const inputs = tokenIds.flatMap((tokenId) => {
    const chain = listed.byToken.get(tokenId);
    return chain ? [{ tokenId, ...chain }] : [];
  });
  const rows = now === undefined ? [] : sortMarketRows(marketRows(inputs, marks.byProduct, down, now), sort.key, sort.descending);
  const gate = signingGate({ connected: Boolean(account), wrongNetwork }, 'buy cover');

  async function onBuy(row: MarketRow) {
    const chain = listed.byToken.get(row.tokenId);
    if (!account || !chain || now === undefined || !trader.exchange || !trader.stablecoin) return;
    const check = checkBuy(chain.listing, { tokenId: row.tokenId, ...chain.cover }, { account, now, balance: trader.balance });
    if (!check.ok) return setMessage({ tokenId: row.tokenId, text: check.message });
    setMessage(undefined);
    await flow.run(
      { token: trader.stablecoin, spender: trader.exchange, amount: check.maxPrice, allowance: trader.allowance },
      {
        label: `Buy cover #${row.tokenId}`,
        address: trader.exchange,
        abi: coverExchangeAbi,
        functionName: 'buy',
        // The price shown is the most the buyer pays: a seller raising it in front of this buy makes it revert.
        args: [row.tokenId, check.maxPrice],
        account,
        invalidates: [chainScopes.exchange(), chainScopes.cover(row.tokenId)],
      },
    );
  }

  return (
    <Card title="Listed covers">
      <fieldset className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        <legend className="sr-only">Sort listings</legend>
        <span className="text-slate-500">Sort by</span>
        {SORTS.map((s) => (
          <Button
            key={s.key}
            type="button"
            variant={sort.key === s.key ? 'primary' : 'secondary'}
            data-testid={`sort-${s.key}`}
            onClick={() => setSort((prev) => ({ key: s.key, descending: prev.key === s.key ? !prev.descending : false }))}
          >
            {s.label}
            {sort.key === s.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
          </Button>
        ))}
      </fieldset>
      {book.isError ? <p className="text-sm text-red-700">The indexer is not answering: listings cannot be shown right now.</p> : null}
      {rows.length === 0 && !book.isLoading ? <p className="text-sm text-slate-500">No cover is listed right now.</p> : null}
      <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="market-listings" data-count={rows.length}>
        {rows.map((row) => (
          <li key={row.tokenId.toString()} className="py-3" data-testid={`listing-${row.tokenId}`} data-discount-bps={row.discountBps?.toString() ?? ''}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <NavLink href={`/cover/${row.tokenId}`} className="font-medium underline-offset-2 hover:underline">
                Cover #{row.tokenId.toString()}
              </NavLink>
              <span className="text-sm text-slate-600 dark:text-slate-300">
                {row.down ? 'fall to' : 'rise to'}{' '}
                <span data-testid={`listing-${row.tokenId}-strike`}>{formatAmount(row.strike, FEED_DECIMALS, { maxFractionDigits: 2 })}</span> · pays{' '}
                {formatAssets(row.payout, { maxFractionDigits: 2 })} · ends {formatTimestamp(row.end)}
              </span>
            </div>
            <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-sm">
              <span>
                Ask <strong data-testid={`listing-${row.tokenId}-price`}>{formatAssets(row.price, { maxFractionDigits: 2 })}</strong> · model{' '}
                <span data-testid={`listing-${row.tokenId}-model`}>{formatAssets(row.model, { maxFractionDigits: 2 })}</span> ·{' '}
                <span data-testid={`listing-${row.tokenId}-discount`}>{describeDiscount(row.discountBps)}</span>
              </span>
              {account && row.seller.toLowerCase() === account.toLowerCase() ? (
                <span className="text-xs text-slate-500">Your listing</span>
              ) : (
                <Button type="button" data-testid={`buy-${row.tokenId}`} disabled={Boolean(gate) || flow.busy} onClick={() => onBuy(row)}>
                  {gate ??
                    (trader.allowance < row.price
                      ? `Approve and buy for ${formatAssets(row.price, { maxFractionDigits: 2 })}`
                      : `Buy for ${formatAssets(row.price, { maxFractionDigits: 2 })}`)}
                </Button>
              )}
            </div>
            {message?.tokenId === row.tokenId ? (
              <p className="mt-1 text-sm text-red-700" data-testid={`buy-${row.tokenId}-message`}>
                {message.text}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <TxStatusLine status={flow.approve.status} />
      <TxStatusLine status={flow.act.status} />
      <p className="mt-3 text-xs text-slate-500">
        Model value: the payout times the probability that the price touches the strike before the cover ends (the same one-touch model the market prices with,
        without its markup). Sellers pay a {(Number(trader.feeBps) / 100).toLocaleString('en-US')}% fee to the pools.
      </p>
    </Card>
  );
}
