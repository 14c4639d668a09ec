'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { testUSDCAbi } from '@/contracts-abi';
import { IS_LOCAL_CHAIN } from '@/lib/chain/config';
import { ASSET_DECIMALS, ASSET_SYMBOL } from '@/lib/chain/tokens';
import { formatAmount } from '@/lib/format/amount';
import { formatAssets } from '@/lib/format/tokenAmount';
import { isBusy } from '@/lib/tx/status';
import { chainScopes, type ChainScope } from '../query/queryKeys';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useTransactor } from '../tx/useTransactor';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';

type Props = {
  stablecoin: Address;
  account: Address | undefined;
  disabled: boolean;
  /** The scopes that show the account's stablecoin balance on this page (refetched after a draw). */
  invalidates: readonly ChainScope[];
};

/**
 * Test funds wherever a user needs them (pool and cover pages); hidden where the stablecoin is real.
 * One click draws the contract's own per-request cap (TestUSDC.FAUCET_CAP, read from the chain), so the
 * words say exactly what the click gives.
 */
export function TestFunds({ stablecoin, account, disabled, invalidates }: Props) {
  const { status, send } = useTransactor();
  const shown = IS_LOCAL_CHAIN || process.env.NEXT_PUBLIC_FAUCET === 'on';
  const cap = useReadContract({
    address: stablecoin,
    abi: testUSDCAbi,
    functionName: 'FAUCET_CAP',
    scopeKey: chainScopes.faucet(stablecoin),
    query: { enabled: shown, staleTime: Number.POSITIVE_INFINITY },
  });
  if (!shown) return null;
  const draw = cap.data;
  return (
    <Card title="Test funds">
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-300" data-testid="faucet-terms">
        {draw === undefined
          ? `This chain's ${ASSET_SYMBOL} is a test token with a faucet.`
          : `This chain's ${ASSET_SYMBOL} is a test token: each click mints ${formatAssets(draw)} to your account, the most the faucet gives in one request.`}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          disabled={disabled || !account || draw === undefined || isBusy(status)}
          data-testid="faucet-button"
          onClick={() =>
            account &&
            draw !== undefined &&
            send({
              label: 'Faucet',
              address: stablecoin,
              abi: testUSDCAbi,
              functionName: 'faucet',
              args: [draw],
              account,
              invalidates,
            })
          }
        >
          {draw === undefined ? `Get test ${ASSET_SYMBOL}` : `Get ${formatAmount(draw, ASSET_DECIMALS)} test ${ASSET_SYMBOL}`}
        </Button>
        <TxStatusLine status={status} />
      </div>
    </Card>
  );
}
