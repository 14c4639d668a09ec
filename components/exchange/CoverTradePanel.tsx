'use client';

// A held cover's market side on /portfolio: its model value now, a form to list it (list, then approve the
// exchange for the token: in that order, so a relisting replaces an old ask before anything makes it
// fillable), and the offers on it, each accepted in one click (approving the token first when needed).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { coverExchangeAbi, coverMarketAbi } from '@/contracts-abi';
import { contractAddress } from '@/lib/chain/config';
import { coverMarkDown, describeDiscount, discountBps } from '@/lib/exchange/coverMark';
import { checkListing } from '@/lib/exchange/exchangeInput';
import { formatTimestamp } from '@/lib/format/duration';
import { formatAssets } from '@/lib/format/tokenAmount';
import { isBusy } from '@/lib/tx/status';
import { useChainNow } from '../chain/useChainNow';
import type { CoverProduct } from '../cover/useCoverMarket';
import { historyQueries } from '../history/historyQueries';
import { chainScopes } from '../query/queryKeys';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useTransactor } from '../tx/useTransactor';
import { Button } from '../ui/Button';
import { useProductMarks, useTrader } from './useExchange';

type Props = {
  tokenId: bigint;
  cover: { status: number; payout: bigint; strike: bigint; end: bigint; holder: Address };
  product: CoverProduct;
  account: Address;
  provable: boolean;
  wrongNetwork: boolean;
};

export function CoverTradePanel({ tokenId, cover, product, account, provable, wrongNetwork }: Props) {
  const now = useChainNow();
  const market = contractAddress('coverMarket');
  const marks = useProductMarks([product]);
  const trader = useTrader(account);
  const book = useQuery(historyQueries.exchangeBook());
  const approved = useReadContract({ address: market, abi: coverMarketAbi, functionName: 'getApproved', args: [tokenId], scopeKey: chainScopes.exchange() });
  const listing = useReadContract({
    address: trader.exchange,
    abi: coverExchangeAbi,
    functionName: 'listing',
    args: [tokenId],
    scopeKey: chainScopes.exchange(),
  });
  const first = useTransactor();
  const second = useTransactor();
  const [price, setPrice] = useState('');
  const [message, setMessage] = useState<string>();

  const mark = marks.byProduct.get(product.productId);
  const model =
    mark && now !== undefined ? safeMark(() => coverMarkDown({ ...cover, down: product.direction === 'Down' }, { ...mark, now }, provable)) : undefined;
  const held = cover.holder.toLowerCase() === account.toLowerCase();
  if (!held || !trader.exchange || !market) return null;
  const exchange = trader.exchange;
  const tradable = now !== undefined && now < cover.end && cover.status === 1;
  const offers = (book.data?.offers ?? []).filter((o) => o.tokenId === tokenId && (now === undefined || o.expiry >= now));
  const [liveListing, live] = listing.data ?? [undefined, false];
  const busy = isBusy(first.status) || isBusy(second.status) || wrongNetwork;
  const invalidates = [chainScopes.exchange(), chainScopes.cover(tokenId)];
  const exchangeApproved = approved.data?.toLowerCase() === exchange.toLowerCase();

  async function onList() {
    if (now === undefined) return;
    const check = checkListing(price, { tokenId, ...cover }, { account, now, assetDecimals: 6 });
    if (!check.ok) return setMessage(check.message);
    setMessage(undefined);
    const listed = await first.send({
      label: 'List',
      address: exchange,
      abi: coverExchangeAbi,
      functionName: 'list',
      args: [tokenId, check.price],
      account,
      invalidates,
    });
    if (!listed) return;
    await second.send({
      label: 'Approve the exchange for the cover',
      address: market!,
      abi: coverMarketAbi,
      functionName: 'approve',
      args: [exchange, tokenId],
      account,
      invalidates,
    });
  }

  async function onAccept(offerId: bigint, amount: bigint) {
    if (!exchangeApproved) {
      const ok = await first.send({
        label: 'Approve the exchange for the cover',
        address: market!,
        abi: coverMarketAbi,
        functionName: 'approve',
        args: [exchange, tokenId],
        account,
        invalidates,
      });
      if (!ok) return;
    }
    const fee = (amount * trader.feeBps + 9_999n) / 10_000n; // CoverExchange.feeOf: rounded up
    await second.send({
      label: 'Accept offer',
      address: exchange,
      abi: coverExchangeAbi,
      functionName: 'acceptOffer',
      args: [offerId, amount - fee],
      account,
      invalidates,
    });
  }

  async function onCancel() {
    await first.send({
      label: 'Cancel listing',
      address: exchange,
      abi: coverExchangeAbi,
      functionName: 'cancelListing',
      args: [tokenId],
      account,
      invalidates,
    });
  }

  return (
    <div className="mt-2 space-y-2 rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-800/50" data-testid={`trade-${tokenId}`}>
      <p>
        Model value <strong data-testid={`cover-${tokenId}-model`}>{model === undefined ? '…' : formatAssets(model, { maxFractionDigits: 2 })}</strong>
        {liveListing && liveListing.seller.toLowerCase() === account.toLowerCase() ? (
          <span data-testid={`cover-${tokenId}-listed`} data-live={live ? 'yes' : 'no'}>
            {' '}
            · listed at {formatAssets(liveListing.price, { maxFractionDigits: 2 })}
            {model !== undefined ? ` (${describeDiscount(discountBps(liveListing.price, model))})` : ''}
            {live ? '' : ' — not fillable: approve the exchange for the cover'}
          </span>
        ) : null}
      </p>
      {tradable ? (
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-2">
            <span>Ask (USDC)</span>
            <input
              className="w-28 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
              inputMode="decimal"
              value={price}
              onChange={(e) => setPrice(e.target.value)}
              data-testid={`list-price-${tokenId}`}
            />
          </label>
          <Button type="button" onClick={onList} disabled={busy} data-testid={`list-${tokenId}`}>
            {wrongNetwork ? 'Switch network to list' : 'List for sale'}
          </Button>
          {liveListing && liveListing.seller.toLowerCase() === account.toLowerCase() ? (
            <Button type="button" variant="secondary" onClick={onCancel} disabled={busy} data-testid={`cancel-listing-${tokenId}`}>
              Cancel listing
            </Button>
          ) : null}
        </div>
      ) : null}
      {message ? (
        <p className="text-red-700" data-testid={`list-message-${tokenId}`}>
          {message}
        </p>
      ) : null}
      {tradable && offers.length > 0 ? (
        <ul className="space-y-1" data-testid={`offers-${tokenId}`}>
          {offers.map((o) => (
            <li key={o.offerId.toString()} className="flex flex-wrap items-center justify-between gap-2">
              <span>
                Offer {formatAssets(o.amount, { maxFractionDigits: 2 })} until {formatTimestamp(o.expiry)}
                {model !== undefined ? ` (${describeDiscount(discountBps(o.amount, model))})` : ''}
              </span>
              <Button type="button" variant="secondary" disabled={busy} onClick={() => onAccept(o.offerId, o.amount)} data-testid={`accept-offer-${o.offerId}`}>
                Accept
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <TxStatusLine status={first.status} />
      <TxStatusLine status={second.status} />
    </div>
  );
}

function safeMark(f: () => bigint): bigint | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
