'use client';

import type { Address } from 'viem';
import { requestPhase } from '@/lib/pool/redeemRequest';
import { useChainClock } from '../chain/useChainClock';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useTransactor } from '../tx/useTransactor';
import { ClaimWithdrawal } from './ClaimWithdrawal';
import { RequestRedeemForm } from './RequestRedeemForm';
import type { PoolState } from '@/lib/pool/poolState';
import type { PoolSigningAbi } from './signingAbi';

type Props = { pool: Address; data: PoolState; account: Address | undefined; wrongNetwork: boolean; poolAbi: PoolSigningAbi };

/** The ERC-7540 exit: request → cooldown → claim window, on the chain's clock. The transaction
 *  statuses live here so a confirmation stays visible after the card moves to its next step. */
export function WithdrawalCard({ pool, data, account, wrongNetwork, poolAbi }: Props) {
  // The chain's clock from the block the server read, run forward between renders.
  const now = useChainClock(data.blockTimestamp);
  const request = useTransactor();
  const claim = useTransactor();
  const phase = account ? requestPhase(data.request, now) : ({ kind: 'none' } as const);
  const step =
    account && (phase.kind === 'cooldown' || phase.kind === 'claimable') ? (
      <ClaimWithdrawal pool={pool} data={data} account={account} wrongNetwork={wrongNetwork} phase={phase} claim={claim} poolAbi={poolAbi} />
    ) : (
      <RequestRedeemForm
        pool={pool}
        data={data}
        account={account}
        wrongNetwork={wrongNetwork}
        replacesLapsed={phase.kind === 'lapsed'}
        request={request}
        poolAbi={poolAbi}
      />
    );
  return (
    <div className="space-y-2">
      {step}
      <TxStatusLine status={request.status} />
      <TxStatusLine status={claim.status} />
    </div>
  );
}
