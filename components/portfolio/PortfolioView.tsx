import { Suspense } from 'react';
import type { Address } from 'viem';
import { contractAddress, LAYERS, poolAddress, type Layer } from '@/lib/chain/config';
import { serverPublicClient } from '@/lib/chain/serverClient';
import { type AccountHistory as History, readAccountHistory } from '@/lib/portfolio/accountHistory';
import { type AccountState, readAccountState } from '@/lib/portfolio/accountState';
import { AutoRefresh } from '../chain/AutoRefresh';
import { IndexerNoticeText } from '../history/IndexerNoticeText';
import { Card } from '../ui/Card';
import { AccountHistory } from './AccountHistory';
import { MyCovers } from './MyCovers';
import { CoversPlaceholder, HistoryPlaceholder } from './PortfolioPlaceholder';
import { PortfolioTotal } from './PortfolioTotal';
import { StakesTable } from './StakesTable';
import { settle, type Settled } from '@/lib/chain/settle';
import { ChainUnreachable } from '@/components/chain/ChainUnreachable';

async function HistoryNotice({ history }: { history: Promise<History> }) {
  return <IndexerNoticeText health={(await history).health} />;
}

/** The pools and the stablecoin as deployed on the target chain; undefined when Backstop is not deployed there. */
function deployedAddresses() {
  const stablecoin = contractAddress('stablecoin');
  const pools = Object.fromEntries(LAYERS.map((layer) => [layer, poolAddress(layer)]));
  if (!stablecoin || LAYERS.some((layer) => !pools[layer])) return undefined;
  return { stablecoin, pools: pools as Record<Layer, Address> };
}

/**
 * The portfolio, rendered on the server: the account's stakes and wallet from the chain at one block first,
 * then its covers (listed by the indexer, each read live with its claim round found on the server) and its
 * history, each streamed in behind its own Suspense so a slow indexer never holds up the live numbers.
 * Rendered again every 4 s while the tab is visible; the only browser code is the buttons and forms.
 */
/** `account` is checksummed (the page checks the cookie's account). */
export async function PortfolioView({ account, wrongNetwork }: { account: Address; wrongNetwork: boolean }) {
  const addresses = deployedAddresses();
  const live: Settled<AccountState> = addresses
    ? await settle(readAccountState(serverPublicClient(), addresses, account))
    : { error: new Error('Backstop is not deployed on this chain.') };
  // Never rejects: each part that fails is null, and the page says what it lacks.
  const history = readAccountHistory(account, 'value' in live ? live.value.blockNumber : undefined);
  return (
    <div className="space-y-6">
      <AutoRefresh everyMs={4_000} />
      <Suspense fallback={null}>
        <HistoryNotice history={history} />
      </Suspense>
      {'error' in live ? (
        <ChainUnreachable error={live.error} returns="Your stakes, wallet and covers appear" />
      ) : (
        <>
          <Card>
            <PortfolioTotal state={live.value} />
            <p className="mt-2 text-xs text-slate-500">
              Covers are not counted in the total; each shows its distance to strike, touch probability and model value below.
            </p>
          </Card>
          <Card title="My stakes">
            <StakesTable state={live.value} positions={history.then((h) => h.portfolio?.positions ?? null)} />
          </Card>
          <Card title="My covers">
            <Suspense fallback={<CoversPlaceholder />}>
              <MyCovers account={account} wrongNetwork={wrongNetwork} history={history} blockNumber={live.value.blockNumber} now={live.value.blockTimestamp} />
            </Suspense>
          </Card>
        </>
      )}
      <Card title="My history">
        <Suspense fallback={<HistoryPlaceholder />}>
          <AccountHistory history={history} />
        </Suspense>
      </Card>
    </div>
  );
}
