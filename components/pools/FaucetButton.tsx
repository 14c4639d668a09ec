'use client';

import type { Address } from 'viem';
import { testUSDCAbi } from '@/contracts-abi';
import { IS_LOCAL_CHAIN } from '@/lib/chain/config';
import { ASSET_SYMBOL } from '@/lib/chain/tokens';
import { isBusy } from '@/lib/tx/status';
import { useTransactor } from '../tx/useTransactor';
import { TxStatusLine } from '../tx/TxStatusLine';
import { Button } from '../ui/Button';
import { chainScopes } from '../query/queryKeys';

const FAUCET_DRAW = 1_000n * 10n ** 6n;

/** Test funds on the local chain and testnets; hidden where the stablecoin is real. */
export function FaucetButton({ stablecoin, pool, account, disabled }: { stablecoin: Address; pool: Address; account: Address | undefined; disabled: boolean }) {
  const { status, send } = useTransactor();
  if (!IS_LOCAL_CHAIN && process.env.NEXT_PUBLIC_FAUCET !== 'on') return null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        disabled={disabled || !account || isBusy(status)}
        onClick={() =>
          account &&
          send({
            label: 'Faucet',
            address: stablecoin,
            abi: testUSDCAbi,
            functionName: 'faucet',
            args: [FAUCET_DRAW],
            account,
            invalidates: [chainScopes.pool(pool)],
          })
        }
      >
        Get 1,000 test {ASSET_SYMBOL}
      </Button>
      <TxStatusLine status={status} />
    </div>
  );
}
