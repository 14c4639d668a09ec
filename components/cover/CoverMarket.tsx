import { Suspense } from 'react';
import type { Address } from 'viem';
import { contractAddress } from '@/lib/chain/config';
import { serverPublicClient } from '@/lib/chain/serverClient';
import { readCoverMarketState } from '@/lib/cover/coverMarketState';
import { readCoverPrefill } from '@/lib/venue/coverLink';
import { FaucetCard } from '../faucet/FaucetCard';
import { ErrorState } from '../ui/ErrorState';
import { CoverPanel } from './CoverPanel';
import { settle } from '@/lib/chain/settle';
import { ChainUnreachable } from '@/components/chain/ChainUnreachable';
import { coverMarketAbi } from '@/contracts-abi';
import { abiFunctions } from '@/lib/chain/abiItems';
import { AutoRefresh } from '../chain/AutoRefresh';

type Props = {
  /** The visitor's account (from the wallet cookie): its balance and allowance are read with the market. */
  account: Address | undefined;
  wrongNetwork: boolean;
  /** The page's query: /venue's remedy link pre-fills the form with it. */
  query: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The cover market, rendered on the server: products, quote inputs, the visitor's balance and allowance
 * and the strike chart's rounds, read at one block (lib/cover/coverMarketState.ts); the form computes
 * each quote in the browser with the twins. A failed read says so with a Retry, never a blank page.
 */
export async function CoverMarket({ account, wrongNetwork, query }: Props) {
  const market = contractAddress('coverMarket');
  const stablecoin = contractAddress('stablecoin');
  if (!market || !stablecoin) return <ErrorState title="No deployment" message="Backstop's cover market is not deployed on this chain." />;
  const [live, params] = await Promise.all([settle(readCoverMarketState(serverPublicClient(), { market, stablecoin }, account)), query]);
  // Rendered again every 4 s once this panel has answered (either way): a refresh started before it would
  // begin a new read while a slow RPC still holds the first.
  if ('error' in live) {
    return (
      <>
        <AutoRefresh everyMs={4_000} />
        <ChainUnreachable error={live.error} returns="Quotes appear" />
      </>
    );
  }
  if (live.value.products.length === 0) return <ErrorState title="No cover for sale" message="The cover market has no products registered yet." />;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (typeof value === 'string') search.set(key, value);
  return (
    <>
      <AutoRefresh everyMs={4_000} />
      <CoverPanel
        market={market}
        stablecoin={stablecoin}
        state={live.value}
        account={account}
        wrongNetwork={wrongNetwork}
        prefill={readCoverPrefill(search)}
        buyCoverAbi={abiFunctions(coverMarketAbi, ['buyCover'])}
        faucet={
          <Suspense fallback={null}>
            <FaucetCard stablecoin={stablecoin} account={account} disabled={wrongNetwork} />
          </Suspense>
        }
      />
    </>
  );
}

/** The loaded page's own grid, with blocks about its cards' heights, so nothing jumps when it arrives. */
export function CoverMarketLoading() {
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_22rem]" aria-busy="true" data-testid="cover-loading">
      <div className="h-[52rem] animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
      <div className="h-72 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
