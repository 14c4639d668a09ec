'use client';

// A held cover's market side on /portfolio: its listing (against the model value the server computed), a
// form to list it (list, then approve the exchange for the token: in that order, so a relisting replaces
// an old ask before anything makes it fillable), and the offers on it, each accepted in one click
// (approving the token first when needed). Everything it shows comes from the server's render; after a
// mined write the transaction helper renders the page again.
import { useState } from 'react';
import type { Address } from 'viem';
import { describeDiscount, discountBps } from '@/lib/exchange/coverMark';
import { checkListing } from '@/lib/exchange/exchangeInput';
import { formatTimestamp } from '@/lib/format/duration';
import { formatAssets } from '@/lib/format/tokenAmount';
import { isBusy } from '@/lib/tx/status';
import { useChainClock } from '../chain/useChainClock';
import { useTypedBeforeHydration } from '../hydration/useTypedBeforeHydration';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useTransactor } from '../tx/useTransactor';
import { Button } from '../ui/Button';
import type { SigningAbis } from './signingAbis';

export type OpenOffer = { offerId: bigint; amount: bigint; expiry: bigint };

type Props = {
  tokenId: bigint;
  cover: { status: number; payout: bigint; end: bigint; holder: Address };
  /** The cover's model value at the page's block (null when not active or outside the twin's domain). */
  model: bigint | null;
  listing: { seller: Address; price: bigint; live: boolean } | null;
  /** The exchange may move the token already (`getApproved`). */
  exchangeApproved: boolean;
  offers: readonly OpenOffer[];
  market: Address;
  exchange: Address;
  /** What the panel signs (approve, list, cancel, accept), picked on the server. */
  abis: SigningAbis;
  /** CoverExchange.feeBps. */
  feeBps: bigint;
  account: Address;
  blockTimestamp: bigint;
  wrongNetwork: boolean;
};

export function CoverTradePanel({
  tokenId,
  cover,
  model,
  listing,
  exchangeApproved,
  offers,
  market,
  exchange,
  abis,
  feeBps,
  account,
  blockTimestamp,
  wrongNetwork,
}: Props) {
  const now = useChainClock(blockTimestamp);
  const first = useTransactor();
  const second = useTransactor();
  const [price, setPrice] = useState('');
  const priceInput = useTypedBeforeHydration(price, setPrice);
  const [message, setMessage] = useState<string>();

  const tradable = now < cover.end && cover.status === 1;
  const open = offers.filter((o) => o.expiry >= now);
  const ownListing = listing && listing.seller.toLowerCase() === account.toLowerCase() ? listing : null;
  const busy = isBusy(first.status) || isBusy(second.status) || wrongNetwork;
  const against = (amount: bigint) => (model !== null ? ` (${describeDiscount(discountBps(amount, model))})` : '');

  const approveExchange = (send: typeof first.send) =>
    send({ label: 'Approve the exchange for the cover', address: market, abi: abis.market, functionName: 'approve', args: [exchange, tokenId], account });

  async function onList() {
    const check = checkListing(price, { tokenId, ...cover }, { account, now, assetDecimals: 6 });
    if (!check.ok) return setMessage(check.message);
    setMessage(undefined);
    const listed = await first.send({ label: 'List', address: exchange, abi: abis.exchange, functionName: 'list', args: [tokenId, check.price], account });
    if (!listed) return;
    await approveExchange(second.send);
  }

  async function onAccept(offerId: bigint, amount: bigint) {
    if (!exchangeApproved && !(await approveExchange(first.send))) return;
    const fee = (amount * feeBps + 9_999n) / 10_000n; // CoverExchange.feeOf: rounded up
    await second.send({ label: 'Accept offer', address: exchange, abi: abis.exchange, functionName: 'acceptOffer', args: [offerId, amount - fee], account });
  }

  async function onCancel() {
    await first.send({ label: 'Cancel listing', address: exchange, abi: abis.exchange, functionName: 'cancelListing', args: [tokenId], account });
  }

  return (
    <div className="mt-2 space-y-2 rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-800/50" data-testid={`trade-${tokenId}`}>
      <p>
        {ownListing ? (
          <span data-testid={`cover-${tokenId}-listed`} data-live={ownListing.live ? 'yes' : 'no'}>
            Listed at {formatAssets(ownListing.price, { maxFractionDigits: 2 })}
            {against(ownListing.price)}
            {ownListing.live ? '' : ' — not fillable: approve the exchange for the cover'}
          </span>
        ) : tradable ? (
          'Not listed: set an ask to sell this cover on the exchange.'
        ) : (
          'This cover can no longer be traded.'
        )}
      </p>
      {tradable ? (
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-2">
            <span>Ask (USDC)</span>
            <input
              className="w-28 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
              inputMode="decimal"
              ref={priceInput}
              value={price}
              onChange={(e) => setPrice(e.target.value)}
              data-testid={`list-price-${tokenId}`}
            />
          </label>
          <Button type="button" onClick={onList} disabled={busy} data-testid={`list-${tokenId}`}>
            {wrongNetwork ? 'Switch network to list' : 'List for sale'}
          </Button>
          {ownListing ? (
            <Button type="button" variant="secondary" onClick={onCancel} disabled={busy} data-testid={`cancel-listing-${tokenId}`}>
              Cancel listing
            </Button>
          ) : null}
        </div>
      ) : null}
      {message ? (
        <p className="text-red-700 dark:text-red-400" data-testid={`list-message-${tokenId}`}>
          {message}
        </p>
      ) : null}
      {tradable && open.length > 0 ? (
        <ul className="space-y-1" data-testid={`offers-${tokenId}`}>
          {open.map((o) => (
            <li key={o.offerId.toString()} className="flex flex-wrap items-center justify-between gap-2">
              <span>
                Offer {formatAssets(o.amount, { maxFractionDigits: 2 })} until {formatTimestamp(o.expiry)}
                {against(o.amount)}
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
