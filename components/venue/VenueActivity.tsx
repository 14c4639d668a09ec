// What the keeper did and the pools paid: the venue's latest liquidations and bad debt with its split,
// read from the indexer on the server (in the page's own Suspense boundary, rendered again with the page).
import { ASSET_DECIMALS, ASSET_SYMBOL } from '@/lib/chain/tokens';
import { formatAmount } from '@/lib/format/amount';
import { INDEXER_URL } from '@/lib/history/indexerStatus';
import { fetchVenueActivity } from '@/lib/venue/venueActivity';

const KIND = {
  'liquidation-partial': 'Partial liquidation',
  'liquidation-full': 'Full liquidation',
  'liquidation-bad-debt': 'Liquidation with bad debt',
} as const;

export const ActivityPlaceholder = () => <div className="h-24 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />;

export async function VenueActivity() {
  const activity = await fetchVenueActivity(10, process.env.INDEXER_URL || INDEXER_URL).catch(() => null);
  if (!activity) return <p className="text-sm text-slate-500">History is unavailable: the indexer is not answering.</p>;
  const money = (v: bigint) => `${formatAmount(v, ASSET_DECIMALS, { maxFractionDigits: 2 })} ${ASSET_SYMBOL}`;
  const { liquidations, badDebts } = activity;
  return (
    <div className="space-y-4 text-sm">
      {liquidations.length === 0 ? <p className="text-slate-500">No liquidations yet.</p> : null}
      <ul className="space-y-1" data-testid="venue-liquidations">
        {liquidations.map((l) => (
          <li key={l.id} className="flex justify-between gap-2" data-testid="venue-liquidation" data-kind={l.kind} data-trader={l.trader.toLowerCase()}>
            <span>
              {KIND[l.kind]} · {l.trader.slice(0, 6)}…{l.trader.slice(-4)} ({l.isLong ? 'long' : 'short'})
            </span>
            <span className="font-mono tabular-nums">{l.badDebt > 0n ? `bad debt ${money(l.badDebt)}` : `fee ${money(l.liquidatorFee)}`}</span>
          </li>
        ))}
      </ul>
      {badDebts.length > 0 ? (
        <div>
          <h3 className="mb-1 font-medium">Bad debt and who paid it</h3>
          <ul className="space-y-1" data-testid="venue-bad-debts">
            {badDebts.map((d) => (
              <li key={d.id} data-testid="venue-bad-debt" data-trader={d.trader.toLowerCase()}>
                {d.deferred
                  ? `${money(d.debt)} waiting: the waterfall refused it for now (paused)`
                  : `${money(d.debt)}: Junior ${money(d.junior)}, Senior ${money(d.senior)}, auction ${money(d.recapitalization)}, socialised ${money(d.remainder)}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
