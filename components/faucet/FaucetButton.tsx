'use client';

import type { Address } from 'viem';
import type { AbiFunctionItem } from '@/lib/chain/abiItems';
import type { testUSDCAbi } from '@/contracts-abi';
import { ASSET_DECIMALS, ASSET_SYMBOL } from '@/lib/chain/tokens';
import { formatAmount } from '@/lib/format/amount';
import { isBusy } from '@/lib/tx/status';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useTransactor } from '../tx/useTransactor';
import { Button } from '../ui/Button';

export type FaucetAbi = AbiFunctionItem<typeof testUSDCAbi, 'faucet'>[];

type Props = { stablecoin: Address; account: Address | undefined; disabled: boolean; draw: bigint | undefined; faucetAbi: FaucetAbi };

/** The faucet's one click: mints `draw` (the faucet's cap) to the account. */
export function FaucetButton({ stablecoin, account, disabled, draw, faucetAbi }: Props) {
  const { status, send } = useTransactor();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        disabled={disabled || !account || draw === undefined || isBusy(status)}
        data-testid="faucet-button"
        onClick={() =>
          account && draw !== undefined && send({ label: 'Faucet', address: stablecoin, abi: faucetAbi, functionName: 'faucet', args: [draw], account })
        }
      >
        {draw === undefined ? `Get test ${ASSET_SYMBOL}` : `Get ${formatAmount(draw, ASSET_DECIMALS)} test ${ASSET_SYMBOL}`}
      </Button>
      <TxStatusLine status={status} />
    </div>
  );
}
