'use client';

import type { Address } from 'viem';
import { formatAssets } from '@/lib/format/tokenAmount';
import { portfolioTotal, positionValueDown } from '@/lib/portfolio/stake';
import { usePoolData } from '../pools/usePoolData';
import { Stat } from '../ui/Stat';

const usd = (v: bigint) => formatAssets(v, { maxFractionDigits: 2 });

/** The account's total: both stakes at what they are worth now, and the USDC in the wallet (live, from the chain). */
export function PortfolioTotal({ account }: { account: Address }) {
  // The same reads as the stake rows (one cache entry per pool): no extra round trip.
  const junior = usePoolData('junior', account).data;
  const senior = usePoolData('senior', account).data;
  // Until the chain answers, the same three stats with a placeholder (no test ids: nothing reads "…" as a
  // number), so the card has its loaded height on every screen and nothing below it moves.
  if (!junior || !senior)
    return (
      <dl className="grid grid-cols-2 gap-4 text-slate-400 sm:grid-cols-3" aria-busy="true">
        <Stat label="Total value" value="…" />
        <Stat label="Staked" value="…" />
        <Stat label="Wallet" value="…" />
      </dl>
    );
  const stakes = [junior, senior].map((d) => positionValueDown(d, d.shares, d.request));
  const staked = portfolioTotal(stakes, 0n);
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
      <Stat
        label="Total value"
        value={usd(portfolioTotal(stakes, junior.walletBalance))}
        testId="portfolio-total"
        hint="Your stakes at their value now plus the USDC in your wallet"
      />
      <Stat label="Staked" value={usd(staked)} testId="portfolio-staked" hint="Both layers, withdrawal requests at what claiming them pays" />
      <Stat label="Wallet" value={usd(junior.walletBalance)} testId="portfolio-wallet" />
    </dl>
  );
}
