'use client';

import { ChainTime } from '../ui/ChainTime';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Address } from 'viem';
import { useClient } from 'wagmi';
import { coverMarketAbi } from '@/contracts-abi';
import { coverView, COVER_VIEW_LABEL } from '@/lib/cover/coverStatus';
import { feedRoundReader, latestRoundIdOf } from '@/lib/cover/feedRounds';
import { findClaimRound } from '@/lib/cover/findClaimRound';
import { formatAmount } from '@/lib/format/amount';
import { isBusy } from '@/lib/tx/status';
import { CoverTradePanel } from '../exchange/CoverTradePanel';
import { TxStatusLine } from '../tx/TxStatusLine';
import { useTransactor } from '../tx/useTransactor';
import { Button } from '../ui/Button';
import { useCoverSnapshot, type CoverProduct } from '../cover/useCoverMarket';
import { coverOutlook, type CoverOutlook } from '@/lib/cover/coverOutlook';
import { formatProbability } from '@/lib/format/estimate';
import { formatDuration } from '@/lib/format/duration';
import { useChainNow } from '../chain/useChainNow';
import { formatAssets } from '@/lib/format/tokenAmount';
import { decodeCoverStatus } from '@/lib/chain/enums';
import { useCoverInfo } from '../cover/useCoverInfo';
import { chainScopes, coverKeys } from '../query/queryKeys';
import { FEED_DECIMALS } from '@/lib/cover/feedChecks';

type Props = {
  tokenId: bigint;
  market: Address;
  products: readonly CoverProduct[];
  account: Address;
  wrongNetwork: boolean;
  /** The cover's model value (payout × P_touch over the term left), when the cover exchange supplies it. */
  modelValue?: ReactNode;
};

/** One cover: live status from the market, and a one-click claim once the feed confirms a touch. */
export function CoverRow({ tokenId, market, products, account, wrongNetwork, modelValue }: Props) {
  // The bare client (no bundled actions): the feed reader calls only readContract on it.
  const client = useClient();
  const claim = useTransactor();
  const info = useCoverInfo(market, tokenId);
  const product = products.find((p) => p.productId === info.data?.productId);
  const active = info.data !== undefined && decodeCoverStatus(info.data.status) === 'active';
  // The round finder reads the feed only while the cover can still pay.
  const { snapshot } = useCoverSnapshot(product, account);
  const now = useChainNow(15_000);
  const round = useQuery({
    queryKey: coverKeys.claimRound(market, tokenId, info.data?.end),
    enabled: Boolean(client && product && info.data && active),
    refetchInterval: 5_000,
    queryFn: async () => {
      const c = info.data!;
      return findClaimRound({
        getRound: feedRoundReader(client!, product!.feed),
        latestRoundId: await latestRoundIdOf(client!, product!.feed),
        cover: {
          direction: product!.direction,
          strike: c.strike,
          start: c.start,
          end: c.end,
          activationDelay: product!.activationDelay,
          confirmations: product!.confirmations,
        },
        maxReads: 2_000,
      });
    },
  });
  if (!info.data) return <li className="h-12 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />;
  const c = info.data;
  const view = coverView(c.status, round.data);
  const owned = c.holder.toLowerCase() === account.toLowerCase();

  async function onClaim() {
    if (round.data === null || round.data === undefined) return;
    await claim.send({
      label: 'Claim',
      address: market,
      abi: coverMarketAbi,
      functionName: 'claim',
      args: [tokenId, round.data],
      account,
      invalidates: [chainScopes.cover(tokenId), ...(product ? [chainScopes.pool(product.pool)] : [])],
    });
  }

  return (
    <li className="py-3" data-testid={`cover-${tokenId}`} data-view={view}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span>
          <span className="font-medium">Cover #{tokenId.toString()}</span>
          <span className="ml-2 text-sm text-slate-600 dark:text-slate-300">
            {product?.direction === 'Up' ? 'rise to' : 'fall to'} {formatAmount(c.strike, FEED_DECIMALS, { maxFractionDigits: 2 })} · pays{' '}
            {formatAssets(c.payout, { maxFractionDigits: 2 })}
          </span>
        </span>
        <span className="text-sm font-medium" data-testid={`cover-${tokenId}-status`}>
          {COVER_VIEW_LABEL[view]}
        </span>
      </div>
      {active && snapshot && product && now !== undefined ? (
        <CoverOutlookFigures
          tokenId={tokenId}
          outlook={coverOutlook({
            direction: product.direction,
            spot: snapshot.market.spot,
            strike: c.strike,
            sigma: snapshot.market.sigma,
            now,
            start: c.start,
            end: c.end,
            activationDelay: product.activationDelay,
          })}
          modelValue={modelValue}
        />
      ) : null}
      <p className="text-xs text-slate-500">
        <ChainTime seconds={c.start} /> → <ChainTime seconds={c.end} />; claims until <ChainTime seconds={c.claimDeadline} />
        {owned ? '' : ' · held by another account now'}
      </p>
      {view === 'triggered' ? (
        <div className="mt-2 space-y-1">
          <Button type="button" onClick={onClaim} disabled={wrongNetwork || isBusy(claim.status)} data-testid={`claim-${tokenId}`}>
            {wrongNetwork ? 'Switch network to claim' : `Claim ${formatAssets(c.payout, { maxFractionDigits: 2 })}`}
          </Button>
        </div>
      ) : null}
      {product ? (
        <CoverTradePanel
          tokenId={tokenId}
          cover={c}
          product={product}
          account={account}
          provable={round.data !== null && round.data !== undefined}
          wrongNetwork={wrongNetwork}
        />
      ) : null}
      {round.isError ? <p className="text-xs text-red-700">Could not read the price feed to check for a touch.</p> : null}
      <TxStatusLine status={claim.status} />
    </li>
  );
}

const signedPercent = (bps: bigint) => `${bps < 0n ? '−' : bps > 0n ? '+' : ''}${formatAmount(bps < 0n ? -bps : bps, 2, { maxFractionDigits: 2 })} %`;

/** Distance to strike and touch probability now, and the slot where a model value goes. */
function CoverOutlookFigures({ tokenId, outlook, modelValue }: { tokenId: bigint; outlook: CoverOutlook; modelValue: ReactNode }) {
  const id = tokenId.toString();
  return (
    <dl className="mt-1 grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-4">
      <div>
        <dt className="text-slate-500">Distance to strike</dt>
        <dd className="font-mono tabular-nums" data-testid={`cover-${id}-distance`} title="The price move still needed to touch the strike">
          {outlook.distanceBps === 0n ? 'touched' : signedPercent(outlook.distanceBps)}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">Touch probability now</dt>
        <dd
          className="font-mono tabular-nums"
          data-testid={`cover-${id}-ptouch`}
          title="The pricing model's chance of a touch before the cover ends, at the oracle's σ over the term left"
        >
          {outlook.pTouch === null ? '—' : formatProbability(Number(outlook.pTouch) / 1e18)}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">Term left</dt>
        <dd className="font-mono tabular-nums">{formatDuration(outlook.remaining)}</dd>
      </div>
      {/* The model value (payout × P_touch over the term left) goes here when the cover exchange supplies it. */}
      {modelValue ? (
        <div data-slot="model-value">
          <dt className="text-slate-500">Model value</dt>
          <dd className="font-mono tabular-nums">{modelValue}</dd>
        </div>
      ) : null}
    </dl>
  );
}
