import { ASSET_DECIMALS, ASSET_SYMBOL } from '@/lib/chain/tokens';
import { formatAmount } from '@/lib/format/amount';
import type { VenueState } from '@/lib/overview/venueState';
import type { VenueTotals } from '@/lib/venue/venueActivity';

const money = (v: bigint) => `${formatAmount(v, ASSET_DECIMALS, { maxFractionDigits: 0 })} ${ASSET_SYMBOL}`;

/** The reference venue the pools insure: its open interest now, and the bad debt it has left and who paid it. */
export function VenueCard({ venue, totals }: { venue: VenueState; totals: VenueTotals | null }) {
  return (
    <section aria-labelledby="venue-title" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="venue-title" className="font-semibold">
        Perp venue
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-xs text-slate-500">Open interest, longs / shorts</dt>
          <dd className="font-mono tabular-nums" data-testid="overview-venue-oi">
            {money(venue.longNotional)} / {money(venue.shortNotional)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Bad debt, lifetime</dt>
          <dd className="font-mono tabular-nums" data-testid="overview-venue-bad-debt">
            {totals ? money(totals.badDebt) : '—'}
          </dd>
          {totals ? (
            <dd className="text-xs text-slate-500">
              pools paid {money(totals.paidByPools)}, auctions {money(totals.recapitalized)}, socialised {money(totals.socialised)}
            </dd>
          ) : (
            <dd className="text-xs text-slate-500">history unavailable</dd>
          )}
        </div>
        <div>
          <dt className="text-xs text-slate-500">Waterfall exposure used</dt>
          <dd className="font-mono tabular-nums">
            {money(venue.exposureUsed)} of {money(venue.exposureCap)}
          </dd>
        </div>
        {venue.deferredBadDebt > 0n ? (
          <div>
            <dt className="text-xs text-slate-500">Bad debt waiting (waterfall paused)</dt>
            <dd className="font-mono tabular-nums">{money(venue.deferredBadDebt)}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
