import { formatAmount } from '@/lib/format/amount';
import { ASSET_DECIMALS, ASSET_SYMBOL, SHARE_DECIMALS } from '@/lib/chain/tokens';
import { convertToAssets } from '@/lib/pool/shares';
import { Stat } from '../ui/Stat';
import type { PoolData } from './usePoolData';

export function PoolStats({ data, connected }: { data: PoolData; connected: boolean }) {
  const positionValue = convertToAssets(data, data.shares);
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
      <Stat label="Pool TVL" value={`${formatAmount(data.totalAssets, ASSET_DECIMALS, { maxFractionDigits: 2 })} ${ASSET_SYMBOL}`} testId="pool-tvl" />
      <Stat label="Share price" value={`${formatAmount(data.sharePrice, ASSET_DECIMALS)} ${ASSET_SYMBOL}`} testId="share-price" hint="Assets one share redeems for" />
      <Stat label="Your shares" value={connected ? formatAmount(data.shares, SHARE_DECIMALS, { maxFractionDigits: 4 }) : '—'} testId="your-shares" />
      <Stat label="Your stake" value={connected ? `${formatAmount(positionValue, ASSET_DECIMALS, { maxFractionDigits: 2 })} ${ASSET_SYMBOL}` : '—'} testId="your-stake" />
    </dl>
  );
}
