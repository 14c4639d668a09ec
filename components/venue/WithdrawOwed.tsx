'use client';

import type { Address } from 'viem';
import type { VenueSigningAbi } from './signingAbi';
import { ASSET_DECIMALS, ASSET_SYMBOL } from '@/lib/chain/tokens';
import { formatAmount } from '@/lib/format/amount';
import { isBusy } from '@/lib/tx/status';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useTransactor } from '../tx/useTransactor';
import { Button } from '../ui/Button';

type Props = { venue: Address; owed: bigint; account: Address; wrongNetwork: boolean; venueAbi: VenueSigningAbi };

/** What a liquidation left the trader (the venue's `owedTo`), and the one click that pays it out. */
export function WithdrawOwed({ venue, owed, account, wrongNetwork, venueAbi }: Props) {
  const withdraw = useTransactor();
  return (
    <>
      <p className="mb-2 text-sm" data-testid="venue-owed">
        {formatAmount(owed, ASSET_DECIMALS, { maxFractionDigits: 2 })} {ASSET_SYMBOL}
      </p>
      <Button
        variant="secondary"
        disabled={wrongNetwork || isBusy(withdraw.status)}
        onClick={() => void withdraw.send({ label: 'Withdraw', address: venue, abi: venueAbi, functionName: 'withdrawOwed', args: [], account })}
      >
        Withdraw
      </Button>
      <TxStatusLine status={withdraw.status} />
    </>
  );
}
