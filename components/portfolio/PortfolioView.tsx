'use client';

import { IndexerNotice } from '../history/IndexerNotice';
import { Card } from '../ui/Card';
import { useWalletState } from '../wallet/useWalletState';
import { AccountHistory } from './AccountHistory';
import { MyCovers } from './MyCovers';
import { PortfolioTotal } from './PortfolioTotal';
import { StakesTable } from './StakesTable';

export function PortfolioView() {
  const { account, wrongNetwork } = useWalletState();
  if (!account) {
    return (
      <Card>
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="portfolio-disconnected">
          Connect a wallet to see your stakes, withdrawal requests, covers and history. Pool figures stay public on the overview.
        </p>
      </Card>
    );
  }
  return (
    <div className="space-y-6">
      <IndexerNotice />
      <Card>
        <PortfolioTotal account={account} />
        <p className="mt-2 text-xs text-slate-500">Covers are not counted in the total; each shows its distance to strike and touch probability below.</p>
      </Card>
      <Card title="My stakes">
        <StakesTable account={account} />
      </Card>
      <Card title="My covers">
        <MyCovers account={account} wrongNetwork={wrongNetwork} />
      </Card>
      <Card title="My history">
        <AccountHistory account={account} />
      </Card>
    </div>
  );
}
