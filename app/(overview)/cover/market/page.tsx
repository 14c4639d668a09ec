import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ExchangeMarket, ExchangeMarketLoading } from '@/components/exchange/ExchangeMarket';
import { savedWalletFromCookie } from '@/components/wallet/walletCookie';

export const metadata: Metadata = { title: 'Cover market — Backstop' };

/**
 * Rendered on the server (the account from the wallet cookie): the heading is sent at once, the listings
 * stream in behind it, and the page is rendered again every 4 s while visible. The wallet's code loads
 * only when a signature is near.
 */
export default async function CoverMarketPage() {
  const saved = await savedWalletFromCookie();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Cover market</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-300">
          Covers other holders sell, each against its model value now. A cover bought here pays you if its strike is touched before it ends.
        </p>
      </div>
      <Suspense fallback={<ExchangeMarketLoading />}>
        <ExchangeMarket account={saved.account} wrongNetwork={saved.wrongNetwork} />
      </Suspense>
    </div>
  );
}
