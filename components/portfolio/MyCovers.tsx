'use client';

import type { Address } from 'viem';
import { contractAddress } from '@/lib/chain/config';
import { useCoverProducts } from '../cover/useCoverMarket';
import { CoverRow } from './CoverRow';
import { usePortfolio } from './usePortfolio';

/** Covers the account holds (the list comes from the indexer; each status is read live). */
export function MyCovers({ account, wrongNetwork }: { account: Address; wrongNetwork: boolean }) {
  const portfolio = usePortfolio(account);
  const { products } = useCoverProducts();
  const market = contractAddress('coverMarket');
  if (!market) return null;
  if (portfolio.isError) return <p className="text-sm text-slate-500">Your covers are listed from the indexer, which is not answering right now.</p>;
  if (!portfolio.data || !products) return <div className="h-16 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />;
  if (portfolio.data.covers.length === 0)
    return (
      <p className="text-sm text-slate-500" data-testid="no-covers">
        No covers yet.
      </p>
    );
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="my-covers">
      {portfolio.data.covers.map((c) => (
        <CoverRow key={c.tokenId.toString()} tokenId={c.tokenId} market={market} products={products} account={account} wrongNetwork={wrongNetwork} />
      ))}
    </ul>
  );
}
