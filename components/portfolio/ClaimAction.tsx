'use client';

import type { Address } from 'viem';
import { formatAssets } from '@/lib/format/tokenAmount';
import { isBusy } from '@/lib/tx/status';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useTransactor } from '../tx/useTransactor';
import { Button } from '../ui/Button';
import type { SigningAbis } from './signingAbis';

type Props = {
  market: Address;
  /** CoverMarket's `claim`, picked on the server. */
  abi: SigningAbis['market'];
  tokenId: bigint;
  /** The round the server found that `claim` pays with; null while there is nothing to claim. */
  round: bigint | null;
  payout: bigint;
  account: Address;
  wrongNetwork: boolean;
};

/**
 * The one-click claim of a triggered cover, with the round the server's search found. Rendered on every
 * row (the button only while there is a claim), so the claim's status line stays after the page is
 * rendered again with the cover paid.
 */
export function ClaimAction({ market, abi, tokenId, round, payout, account, wrongNetwork }: Props) {
  const claim = useTransactor();
  const amount = formatAssets(payout, { maxFractionDigits: 2 });
  return (
    <>
      {round !== null ? (
        <div className="mt-2 space-y-1">
          <Button
            type="button"
            onClick={() => claim.send({ label: 'Claim', address: market, abi, functionName: 'claim', args: [tokenId, round], account })}
            disabled={wrongNetwork || isBusy(claim.status)}
            data-testid={`claim-${tokenId}`}
          >
            {wrongNetwork ? 'Switch network to claim' : `Claim ${amount}`}
          </Button>
        </div>
      ) : null}
      <TxStatusLine status={claim.status} />
    </>
  );
}
