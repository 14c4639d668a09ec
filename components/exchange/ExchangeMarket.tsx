import type { Address } from 'viem';
import { coverExchangeAbi } from '@/contracts-abi';
import { abiFunctions } from '@/lib/chain/abiItems';
import { contractAddress } from '@/lib/chain/config';
import { serverPublicClient } from '@/lib/chain/serverClient';
import { settle } from '@/lib/chain/settle';
import { readExchangeBook } from '@/lib/exchange/exchangeHistory';
import { type ExchangeAddresses, readExchangeMarket } from '@/lib/exchange/exchangeState';
import { formatAmount } from '@/lib/format/amount';
import { AutoRefresh } from '../chain/AutoRefresh';
import { ChainUnreachable } from '../chain/ChainUnreachable';
import { IndexerNoticeText } from '../history/IndexerNoticeText';
import { Card } from '../ui/Card';
import { ErrorState } from '../ui/ErrorState';
import { MarketListings } from './MarketListings';

/** The market, the exchange and the stablecoin as deployed on the target chain; undefined when Backstop's exchange is not deployed there. */
export function exchangeAddresses(): ExchangeAddresses | undefined {
  const market = contractAddress('coverMarket');
  const exchange = contractAddress('coverExchange');
  const stablecoin = contractAddress('stablecoin');
  return market && exchange && stablecoin ? { market, exchange, stablecoin } : undefined;
}

const MODEL_NOTE =
  'Model value: the payout times the probability that the price touches the strike before the cover ends (the same one-touch model the market prices with, without its markup), at the price, σ and chain time of the block the page was read at.';

/**
 * The listed covers, rendered on the server: which covers are listed comes from the indexer (the
 * exchange keeps no list); each listing, its cover and the products' price and σ are then read from the
 * chain at one block and marked to model there (lib/exchange/exchangeState.ts). Rendered again every 4 s
 * while visible; the browser code is the sort buttons and the buy button.
 */
export async function ExchangeMarket({ account, wrongNetwork }: { account: Address | undefined; wrongNetwork: boolean }) {
  const addresses = exchangeAddresses();
  if (!addresses) return <ErrorState title="No deployment" message="Backstop's cover exchange is not deployed on this chain." />;
  const { book, healthAt } = await readExchangeBook();
  const live = await settle(readExchangeMarket(serverPublicClient(), addresses, account, book?.listings.map((l) => l.tokenId) ?? []));
  // Rendered again every 4 s once this panel has answered (either way): a refresh started before it would
  // begin a new read while a slow RPC still holds the first.
  if ('error' in live) {
    return (
      <>
        <AutoRefresh everyMs={4_000} />
        <ChainUnreachable error={live.error} returns="The listings appear" />
      </>
    );
  }
  const state = live.value;
  return (
    <div className="space-y-4">
      <AutoRefresh everyMs={4_000} />
      <IndexerNoticeText health={healthAt(state.blockNumber)} />
      <Card title="Listed covers">
        <MarketListings
          rows={state.rows}
          listed={state.listed}
          trader={state.trader}
          account={account}
          wrongNetwork={wrongNetwork}
          blockTimestamp={state.blockTimestamp}
          exchange={addresses.exchange}
          stablecoin={addresses.stablecoin}
          buyAbi={abiFunctions(coverExchangeAbi, ['buy'])}
          empty={book ? 'No cover is listed right now.' : 'The indexer is not answering: listings cannot be shown right now.'}
        />
        <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
          {MODEL_NOTE} Sellers pay a {formatAmount(state.feeBps, 2)}% fee to the pools.
        </p>
      </Card>
    </div>
  );
}

/** The loaded panel's shape (the card with its sort row and a few listings), so nothing jumps when it arrives. */
export function ExchangeMarketLoading() {
  return (
    <div className="space-y-4" aria-busy="true" data-testid="market-loading">
      <div className="h-80 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
