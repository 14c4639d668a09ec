import { Suspense } from 'react';
import { contractAddress, poolAddress, type Layer } from '@/lib/chain/config';
import { serverPublicClient } from '@/lib/chain/serverClient';
import { readPoolHistory, type PoolHistory } from '@/lib/pool/poolHistory';
import { readPoolState } from '@/lib/pool/poolState';
import { FaucetCard } from '../faucet/FaucetCard';
import { IndexerNoticeText } from '../history/IndexerNoticeText';
import { ChartPlaceholder, LazySharePriceChart } from '../history/LazySharePriceChart';
import { Card } from '../ui/Card';
import { ErrorState } from '../ui/ErrorState';
import { savedWalletFromCookie } from '../wallet/walletCookie';
import { DepositForm } from './DepositForm';
import { POOL_SIGNING_ABI } from './signingAbi';
import { PoolStats } from './PoolStats';
import { WithdrawalCard } from './WithdrawalCard';
import { settle } from '@/lib/chain/settle';
import { ChainUnreachable } from '@/components/chain/ChainUnreachable';
import { AutoRefresh } from '../chain/AutoRefresh';

type History = Promise<PoolHistory>;

async function HistoryNotice({ history }: { history: History }) {
  return <IndexerNoticeText health={(await history).health} />;
}

async function SharePrice({ history }: { history: History }) {
  return <LazySharePriceChart snapshots={(await history).snapshots} />;
}

/**
 * The panel's shape while the chain is read (the stats card and the two forms at the heights they render:
 * 530 / 284 / 380 px stacked at 412 px wide, 310 / 340 / 340 px at 1280), so nothing moves when it arrives.
 */
export function PoolPanelLoading() {
  return (
    <div className="space-y-6" aria-busy="true" data-testid="pool-loading">
      <div className="h-[33rem] animate-pulse rounded-xl bg-slate-200 sm:h-[19.5rem] dark:bg-slate-800" />
      <div className="grid gap-6 md:grid-cols-2">
        <div className="h-72 animate-pulse rounded-xl bg-slate-200 md:h-[21.25rem] dark:bg-slate-800" />
        <div className="h-96 animate-pulse rounded-xl bg-slate-200 md:h-[21.25rem] dark:bg-slate-800" />
      </div>
    </div>
  );
}

/**
 * A pool page's numbers, rendered on the server: the pool's live state and the visitor's own position (the
 * account from the wallet cookie) from the chain first, history from the indexer streamed in after it (a
 * slow or hung indexer never holds up the live numbers). The forms are client components fed from these
 * props; the wallet's code loads only when a signature is near. Rendered again every 4 s while the tab is
 * visible, and after every mined transaction (the transaction helper's router.refresh).
 */
export async function PoolPanel({ layer }: { layer: Layer }) {
  const pool = poolAddress(layer);
  const stablecoin = contractAddress('stablecoin');
  const waterfall = contractAddress('shortfallWaterfall');
  if (!pool || !stablecoin || !waterfall) {
    return <ErrorState title="No deployment" message="Backstop is not deployed on this chain. Run the local stack or set NEXT_PUBLIC_CHAIN_ID." />;
  }
  const { account, wrongNetwork } = await savedWalletFromCookie();
  const live = await settle(readPoolState(serverPublicClient(), layer, { pool, stablecoin, waterfall }, account));
  if ('error' in live) {
    return (
      <>
        <AutoRefresh everyMs={4_000} />
        <ChainUnreachable error={live.error} returns="The pool's numbers appear" />
      </>
    );
  }
  const state = live.value;
  // Never rejects: each part that fails is null, and the page says what it lacks.
  const history = readPoolHistory(layer, state.blockNumber);
  return (
    <div className="space-y-6">
      <AutoRefresh everyMs={4_000} />
      <Suspense fallback={null}>
        <HistoryNotice history={history} />
      </Suspense>
      <Card>
        <PoolStats data={state} connected={Boolean(account)} apy={history.then((h) => h.apy)} />
      </Card>
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Stake">
          <DepositForm pool={pool} stablecoin={stablecoin} data={state} account={account} wrongNetwork={wrongNetwork} poolAbi={POOL_SIGNING_ABI} />
        </Card>
        <Card title="Withdraw">
          <WithdrawalCard pool={pool} data={state} account={account} wrongNetwork={wrongNetwork} poolAbi={POOL_SIGNING_ABI} />
        </Card>
        <FaucetCard stablecoin={stablecoin} account={account} disabled={wrongNetwork} />
      </div>
      <Card title="Share price history">
        <Suspense fallback={<ChartPlaceholder />}>
          <SharePrice history={history} />
        </Suspense>
      </Card>
    </div>
  );
}
