'use client';

import { IS_LOCAL_CHAIN, type Layer } from '@/lib/chain/config';
import { describeError } from '@/lib/tx/describeError';
import { useWalletState } from '../wallet/useWalletState';
import { Card } from '../ui/Card';
import { ErrorState } from '../ui/ErrorState';
import { DepositForm } from './DepositForm';
import { FaucetButton } from './FaucetButton';
import { PoolStats } from './PoolStats';
import { usePoolData } from './usePoolData';
import { WithdrawalCard } from './WithdrawalCard';
import { IndexerNotice } from '../history/IndexerNotice';
import { SharePriceHistory } from '../history/SharePriceHistory';

export function PoolPanel({ layer }: { layer: Layer }) {
  const { account, wrongNetwork } = useWalletState();
  const { pool, stablecoin, data, query } = usePoolData(layer, account);

  if (!pool || !stablecoin) {
    return <ErrorState title="No deployment" message="Backstop is not deployed on this chain. Run the local stack or set NEXT_PUBLIC_CHAIN_ID." />;
  }
  if (query.isError && !data) {
    return (
      <ErrorState
        title="Cannot reach the chain"
        message={`${describeError(query.error).message} The pool's numbers will appear as soon as the RPC answers.`}
        onRetry={() => query.refetch()}
      />
    );
  }
  if (!data) {
    return (
      <div className="grid gap-6 md:grid-cols-2" aria-busy="true">
        <div className="h-48 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
        <div className="h-48 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <IndexerNotice />
      {query.isError ? <ErrorState title="Live data is stale" message={describeError(query.error).message} onRetry={() => query.refetch()} /> : null}
      <Card>
        <PoolStats data={data} connected={Boolean(account)} />
      </Card>
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Stake">
          <DepositForm pool={pool} stablecoin={stablecoin} data={data} account={account} wrongNetwork={wrongNetwork} />
        </Card>
        <Card title="Withdraw">
          <WithdrawalCard pool={pool} data={data} account={account} wrongNetwork={wrongNetwork} />
        </Card>
        {IS_LOCAL_CHAIN ? (
          <Card title="Test funds">
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">The local chain's stablecoin has a faucet: up to 10,000 per request.</p>
            <FaucetButton stablecoin={stablecoin} pool={pool} account={account} disabled={wrongNetwork} />
          </Card>
        ) : null}
      </div>
      <Card title="Share price history">
        <SharePriceHistory layer={layer} />
      </Card>
    </div>
  );
}
