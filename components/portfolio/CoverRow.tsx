import type { Address } from 'viem';
import { COVER_VIEW_LABEL } from '@/lib/cover/coverStatus';
import type { CoverOutlook } from '@/lib/cover/coverOutlook';
import { FEED_DECIMALS } from '@/lib/cover/feedChecks';
import { formatAmount } from '@/lib/format/amount';
import { formatDuration } from '@/lib/format/duration';
import { formatProbability } from '@/lib/format/estimate';
import { formatAssets } from '@/lib/format/tokenAmount';
import { coverFigures } from '@/lib/portfolio/coverFigures';
import type { HeldCover } from '@/lib/portfolio/heldCovers';
import { ChainTime } from '../ui/ChainTime';
import { ClaimAction } from './ClaimAction';
import { CoverTradePanel, type OpenOffer } from './CoverTradePanel';
import { SIGNING_ABIS } from './signingAbis';

type Props = {
  cover: HeldCover;
  /** Chain time of the page's block: the outlook and model value are as of it. */
  now: bigint;
  market: Address;
  exchange: { address: Address; feeBps: bigint } | undefined;
  offers: readonly OpenOffer[];
  account: Address;
  wrongNetwork: boolean;
};

/** One cover: its status and outlook as of the page's block, a one-click claim once the feed proves a touch, and its market side. */
export function CoverRow({ cover, now, market, exchange, offers, account, wrongNetwork }: Props) {
  const figures = coverFigures(cover, now);
  const id = cover.tokenId.toString();
  const owned = cover.holder.toLowerCase() === account.toLowerCase();
  return (
    <li className="py-3" data-testid={`cover-${id}`} data-view={figures.view}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span>
          <span className="font-medium">Cover #{id}</span>
          <span className="ml-2 text-sm text-slate-600 dark:text-slate-300">
            {cover.product.direction === 'Up' ? 'rise to' : 'fall to'} {formatAmount(cover.strike, FEED_DECIMALS, { maxFractionDigits: 2 })} · pays{' '}
            {formatAssets(cover.payout, { maxFractionDigits: 2 })}
          </span>
        </span>
        <span className="text-sm font-medium" data-testid={`cover-${id}-status`}>
          {COVER_VIEW_LABEL[figures.view]}
        </span>
      </div>
      {figures.outlook ? <CoverOutlookFigures id={id} outlook={figures.outlook} model={figures.model} /> : null}
      <p className="text-xs text-slate-500">
        <ChainTime seconds={cover.start} /> → <ChainTime seconds={cover.end} />; claims until <ChainTime seconds={cover.claimDeadline} />
        {owned ? '' : ' · held by another account now'}
      </p>
      <ClaimAction
        market={market}
        abi={SIGNING_ABIS.market}
        tokenId={cover.tokenId}
        round={figures.view === 'triggered' ? figures.claimRound : null}
        payout={cover.payout}
        account={account}
        wrongNetwork={wrongNetwork}
      />
      {/* The market side only while the cover can trade: a paid or expired cover has nothing to list or accept. */}
      {exchange && owned && figures.outlook ? (
        <CoverTradePanel
          tokenId={cover.tokenId}
          cover={{ status: cover.status, payout: cover.payout, end: cover.end, holder: cover.holder }}
          model={figures.model}
          listing={cover.listing}
          exchangeApproved={cover.approved.toLowerCase() === exchange.address.toLowerCase()}
          offers={offers}
          market={market}
          exchange={exchange.address}
          abis={SIGNING_ABIS}
          feeBps={exchange.feeBps}
          account={account}
          blockTimestamp={now}
          wrongNetwork={wrongNetwork}
        />
      ) : null}
      {figures.feedUnreadable ? <p className="text-xs text-red-700 dark:text-red-400">Could not read the price feed to check for a touch.</p> : null}
    </li>
  );
}

const signedPercent = (bps: bigint) => `${bps < 0n ? '−' : bps > 0n ? '+' : ''}${formatAmount(bps < 0n ? -bps : bps, 2, { maxFractionDigits: 2 })} %`;

/** Distance to strike, touch probability and term left now, and the cover's model value. */
function CoverOutlookFigures({ id, outlook, model }: { id: string; outlook: CoverOutlook; model: bigint | null }) {
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
      <div data-slot="model-value">
        <dt className="text-slate-500">Model value</dt>
        <dd
          className="font-mono tabular-nums"
          data-testid={`cover-${id}-model`}
          title="Payout × the model's touch probability over the time to the cover's end; the payout once a touch is proven"
        >
          {model === null ? '—' : formatAssets(model, { maxFractionDigits: 2 })}
        </dd>
      </div>
    </dl>
  );
}
