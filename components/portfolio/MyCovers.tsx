import type { Address } from 'viem';
import { contractAddress } from '@/lib/chain/config';
import { serverPublicClient } from '@/lib/chain/serverClient';
import type { AccountHistory } from '@/lib/portfolio/accountHistory';
import { readHeldCovers } from '@/lib/portfolio/heldCovers';
import { CoverRow } from './CoverRow';

const Note = ({ children, testId }: { children: string; testId?: string }) => (
  <p className="text-sm text-slate-500 dark:text-slate-400" data-testid={testId}>
    {children}
  </p>
);

/**
 * Covers the account holds: the list comes from the indexer; each cover's terms, status, outlook and
 * claim round are read live from the chain at the page's block (the round search runs here, on the server).
 */
export async function MyCovers({
  account,
  wrongNetwork,
  history,
  blockNumber,
  now,
}: {
  account: Address;
  wrongNetwork: boolean;
  history: Promise<AccountHistory>;
  blockNumber: bigint;
  now: bigint;
}) {
  const market = contractAddress('coverMarket');
  if (!market) return null;
  const { portfolio, book } = await history;
  if (!portfolio) return <Note>Your covers are listed from the indexer, which is not answering right now.</Note>;
  if (portfolio.covers.length === 0) return <Note testId="no-covers">No covers yet.</Note>;
  const exchange = contractAddress('coverExchange');
  const held = await readHeldCovers(
    serverPublicClient(),
    { market, exchange },
    portfolio.covers.map((c) => c.tokenId),
    blockNumber,
  ).catch(() => null);
  if (!held) return <Note>Your covers could not be read from the chain just now; they appear again with the next refresh.</Note>;
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="my-covers">
      {held.covers.map((cover) => (
        <CoverRow
          key={cover.tokenId.toString()}
          cover={cover}
          now={now}
          market={market}
          exchange={exchange ? { address: exchange, feeBps: held.exchangeFeeBps } : undefined}
          offers={(book?.offers ?? [])
            .filter((o) => o.tokenId === cover.tokenId && o.expiry >= now)
            .map(({ offerId, amount, expiry }) => ({ offerId, amount, expiry }))}
          account={account}
          wrongNetwork={wrongNetwork}
        />
      ))}
    </ul>
  );
}
