import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CoverMarket, CoverMarketLoading } from '@/components/cover/CoverMarket';
import { savedWalletFromCookie } from '@/components/wallet/walletCookie';

export const metadata: Metadata = { title: 'Liquidation cover — Backstop' };

/**
 * Rendered on the server (the account from the wallet cookie): the heading is sent at once, the market's
 * numbers stream in behind it, and the page is rendered again every 4 s while visible (the form keeps
 * what was typed). The wallet's code loads only when a signature is near.
 */
export default async function CoverPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const saved = await savedWalletFromCookie();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Liquidation cover</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-300">
          Set the strike at your position&apos;s liquidation price. If the oracle confirms the price touched it, the cover pays out — the cover is an NFT, so
          you can sell it too.
        </p>
      </div>
      <Suspense fallback={<CoverMarketLoading />}>
        <CoverMarket account={saved.account} wrongNetwork={saved.wrongNetwork} query={searchParams} />
      </Suspense>
    </div>
  );
}
