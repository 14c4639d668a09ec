import { accountTotals, type AccountState } from '@/lib/portfolio/accountState';
import { formatAssets } from '@/lib/format/tokenAmount';
import { Stat } from '../ui/Stat';

const usd = (v: bigint) => formatAssets(v, { maxFractionDigits: 2 });

/** The account's total: both stakes at what they are worth now, and the USDC in the wallet (one block of the chain). */
export function PortfolioTotal({ state }: { state: AccountState }) {
  const { staked, total } = accountTotals(state);
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
      <Stat label="Total value" value={usd(total)} testId="portfolio-total" hint="Your stakes at their value now plus the USDC in your wallet" />
      <Stat label="Staked" value={usd(staked)} testId="portfolio-staked" hint="Both layers, withdrawal requests at what claiming them pays" />
      <Stat label="Wallet" value={usd(state.walletBalance)} testId="portfolio-wallet" />
    </dl>
  );
}
