import { Suspense } from 'react';
import { PortfolioPlaceholder } from '@/components/portfolio/PortfolioPlaceholder';
import { PortfolioView } from '@/components/portfolio/PortfolioView';
import { Card } from '@/components/ui/Card';
import { savedWalletFromCookie } from '@/components/wallet/walletCookie';

/**
 * The connected account's portfolio, rendered on the server for the account its wallet cookie names:
 * a returning visitor gets every number in the first HTML, with no wallet code loaded.
 */
export default async function PortfolioPage() {
  const { account, wrongNetwork } = await savedWalletFromCookie();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Portfolio</h1>
        <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-300">
          Your stakes in both layers, your withdrawal requests and covers, read live from the chain, and your history from the indexer.
        </p>
      </div>
      {account ? (
        <Suspense fallback={<PortfolioPlaceholder />}>
          <PortfolioView account={account} wrongNetwork={wrongNetwork} />
        </Suspense>
      ) : (
        <Card>
          <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="portfolio-disconnected">
            Connect a wallet to see your stakes, withdrawal requests, covers and history. Pool figures stay public on the overview.
          </p>
        </Card>
      )}
    </div>
  );
}
