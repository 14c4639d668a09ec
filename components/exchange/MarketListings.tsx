'use client';

// The market's listings, each against its model value (computed on the server at the page's block),
// sortable by strike, expiry and discount; one signature to buy once the exchange may spend the price
// (an approval first otherwise). Everything shown comes from the server's render; after a mined buy the
// transaction helper renders the page again.
import { useState } from 'react';
import type { Address } from 'viem';
import type { coverExchangeAbi } from '@/contracts-abi';
import type { AbiFunctionItem } from '@/lib/chain/abiItems';
import { FEED_DECIMALS } from '@/lib/cover/feedChecks';
import { describeDiscount } from '@/lib/exchange/coverMark';
import { checkBuy } from '@/lib/exchange/exchangeInput';
import type { ListedCover, Trader } from '@/lib/exchange/exchangeState';
import { type MarketRow, type SortKey, sortMarketRows } from '@/lib/exchange/marketRows';
import { formatAmount } from '@/lib/format/amount';
import { formatAssets } from '@/lib/format/tokenAmount';
import { needsApproval, signingGate } from '@/lib/tx/signingGate';
import { useChainClock } from '../chain/useChainClock';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useApproveThenAct } from '../tx/useApproveThenAct';
import { Button } from '../ui/Button';
import { ChainTime } from '../ui/ChainTime';
import { NavLink } from '../ui/NavLink';

export type BuyAbi = AbiFunctionItem<typeof coverExchangeAbi, 'buy'>[];

const SORTS: { key: SortKey; label: string }[] = [
  { key: 'discount', label: 'Discount to model' },
  { key: 'strike', label: 'Strike' },
  { key: 'expiry', label: 'Expiry' },
];

type Props = {
  /** The listings that can fill, marked to model at the page's block. */
  rows: readonly MarketRow[];
  /** Each listed cover as the chain has it (what a buy checks against). */
  listed: readonly ListedCover[];
  trader: Trader;
  account: Address | undefined;
  wrongNetwork: boolean;
  blockTimestamp: bigint;
  exchange: Address;
  stablecoin: Address;
  /** `CoverExchange.buy`, picked on the server. */
  buyAbi: BuyAbi;
  /** What to say when there is no row (the indexer may be away: then the listings are unknown, not absent). */
  empty: string;
};

export function MarketListings({ rows, listed, trader, account, wrongNetwork, blockTimestamp, exchange, stablecoin, buyAbi, empty }: Props) {
  const now = useChainClock(blockTimestamp, 15_000);
  const flow = useApproveThenAct();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'discount', descending: false });
  const [message, setMessage] = useState<{ tokenId: bigint; text: string }>();
  const sorted = sortMarketRows(rows, sort.key, sort.descending);
  const gate = signingGate({ connected: Boolean(account), wrongNetwork }, 'buy cover');

  async function onBuy(row: MarketRow) {
    const chain = listed.find((l) => l.tokenId === row.tokenId);
    if (!account || !chain) return;
    const check = checkBuy(chain.listing, { tokenId: row.tokenId, ...chain.cover }, { account, now, balance: trader.balance });
    if (!check.ok) return setMessage({ tokenId: row.tokenId, text: check.message });
    setMessage(undefined);
    await flow.run(
      { token: stablecoin, spender: exchange, amount: check.maxPrice, allowance: trader.allowance },
      {
        label: `Buy cover #${row.tokenId}`,
        address: exchange,
        abi: buyAbi,
        functionName: 'buy',
        // The price shown is the most the buyer pays: a seller raising it in front of this buy makes it revert.
        args: [row.tokenId, check.maxPrice],
        account,
      },
    );
  }

  return (
    <>
      <fieldset className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        <legend className="sr-only">Sort listings</legend>
        <span className="text-slate-500">Sort by</span>
        {SORTS.map((s) => (
          <Button
            key={s.key}
            type="button"
            variant={sort.key === s.key ? 'primary' : 'secondary'}
            data-testid={`sort-${s.key}`}
            aria-pressed={sort.key === s.key}
            onClick={() => setSort((prev) => ({ key: s.key, descending: prev.key === s.key ? !prev.descending : false }))}
          >
            {s.label}
            {sort.key === s.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
          </Button>
        ))}
      </fieldset>
      {sorted.length === 0 ? <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p> : null}
      <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="market-listings" data-count={sorted.length}>
        {sorted.map((row) => (
          <li key={row.tokenId.toString()} className="py-3" data-testid={`listing-${row.tokenId}`} data-discount-bps={row.discountBps?.toString() ?? ''}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <NavLink href={`/cover/${row.tokenId}`} className="font-medium underline-offset-2 hover:underline">
                Cover #{row.tokenId.toString()}
              </NavLink>
              <span className="text-sm text-slate-600 dark:text-slate-300">
                {row.down ? 'fall to' : 'rise to'}{' '}
                <span data-testid={`listing-${row.tokenId}-strike`}>{formatAmount(row.strike, FEED_DECIMALS, { maxFractionDigits: 2 })}</span> · pays{' '}
                {formatAssets(row.payout, { maxFractionDigits: 2 })} · ends <ChainTime seconds={row.end} />
              </span>
            </div>
            <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-sm">
              <span>
                Ask <strong data-testid={`listing-${row.tokenId}-price`}>{formatAssets(row.price, { maxFractionDigits: 2 })}</strong> · model{' '}
                <span data-testid={`listing-${row.tokenId}-model`}>{formatAssets(row.model, { maxFractionDigits: 2 })}</span> ·{' '}
                <span data-testid={`listing-${row.tokenId}-discount`}>{describeDiscount(row.discountBps)}</span>
              </span>
              {account && row.seller.toLowerCase() === account.toLowerCase() ? (
                <span className="text-xs text-slate-500 dark:text-slate-400">Your listing</span>
              ) : (
                <Button type="button" data-testid={`buy-${row.tokenId}`} disabled={Boolean(gate) || flow.busy} onClick={() => onBuy(row)}>
                  {gate ??
                    (needsApproval(trader.allowance, row.price)
                      ? `Approve and buy for ${formatAssets(row.price, { maxFractionDigits: 2 })}`
                      : `Buy for ${formatAssets(row.price, { maxFractionDigits: 2 })}`)}
                </Button>
              )}
            </div>
            {message?.tokenId === row.tokenId ? (
              <p className="mt-1 text-sm text-red-700 dark:text-red-400" data-testid={`buy-${row.tokenId}-message`}>
                {message.text}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <TxStatusLine status={flow.approve.status} />
      <TxStatusLine status={flow.act.status} />
    </>
  );
}
