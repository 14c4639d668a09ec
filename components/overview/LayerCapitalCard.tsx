import { NavLink } from '@/components/ui/NavLink';
import { Suspense } from 'react';
import type { Layer } from '@/lib/chain/config';
import { formatPercentWad } from '@/lib/format/amount';
import { capitalBarBps, type CapitalBreakdown } from '@/lib/pool/capital';
import { LAYER_COPY } from '@/lib/pool/layers';
import type { ApyWindow } from '@/lib/history/indexerApi';
import { formatAssets } from '@/lib/format/tokenAmount';
import { formatYield } from '@/lib/format/estimate';

const usd = (v: bigint) => formatAssets(v, { maxFractionDigits: 0 });
type Apy = Promise<ApyWindow[] | null>;
type YieldCell = { gross: string; net: string };
const LOADING: YieldCell = { gross: '…', net: '…' };

/**
 * The realised yield cells, gross beside net: gross is premiums and fees earned ÷ capital; net is the share
 * price's own change, so a loss the layer absorbed counts. "…" while history streams in, "—" when unavailable.
 */
function ApyCells({ layer, week, month }: { layer: Layer; week: YieldCell; month: YieldCell }) {
  return (
    <>
      {(
        [
          [7, week],
          [30, month],
        ] as const
      ).map(([days, cell]) => (
        <div key={days}>
          <dt className="text-xs text-slate-500">APY {days} d</dt>
          <dd className="font-mono tabular-nums" title={`Premiums and fees earned over the last ${days} days, annualised (before losses)`}>
            <span data-testid={days === 7 ? `${layer}-apy-7` : undefined}>{cell.gross}</span>
            <span className="ml-1 text-xs text-slate-500">gross</span>
          </dd>
          <dd className="font-mono tabular-nums" title={`The share price's change over the last ${days} days, annualised: what holders got after losses`}>
            <span data-testid={`${layer}-net-apy-${days}`}>{cell.net}</span>
            <span className="ml-1 text-xs text-slate-500">net</span>
          </dd>
        </div>
      ))}
    </>
  );
}

const cellOf = (windows: ApyWindow[] | null, days: number): YieldCell => {
  const w = windows?.find((x) => x.days === days);
  return { gross: formatYield(w?.incomeApy), net: formatYield(w?.sharePriceApy) };
};

async function IndexedApy({ layer, apy }: { layer: Layer; apy: Apy }) {
  const windows = await apy;
  return <ApyCells layer={layer} week={cellOf(windows, 7)} month={cellOf(windows, 30)} />;
}

/** One layer at a glance: capital split as a bar, utilization, share price and realised yield (streamed from history). */
export function LayerCapitalCard({ layer, capital, apy }: { layer: Layer; capital: CapitalBreakdown & { sharePrice: bigint }; apy: Apy }) {
  const bars = capitalBarBps(capital);
  return (
    <NavLink
      href={`/pools/${layer}`}
      className="block rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-indigo-400 dark:border-slate-800 dark:bg-slate-900"
      data-testid={`layer-${layer}`}
    >
      <h2 className="font-semibold">{LAYER_COPY[layer].title}</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{LAYER_COPY[layer].risk}</p>
      <div
        className="mt-4 flex h-3 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800"
        role="img"
        aria-label={`Free ${usd(capital.freeAssets)}, locked ${usd(capital.lockedAssets)}, unearned ${usd(capital.unearnedPremium)}`}
      >
        <div className="bg-emerald-500" style={{ width: `${bars.free / 100}%` }} />
        <div className="bg-amber-500" style={{ width: `${bars.locked / 100}%` }} />
        <div className="bg-sky-400" style={{ width: `${bars.unearned / 100}%` }} />
      </div>
      <dl className="mt-3 grid grid-cols-3 gap-2 text-xs">
        <div>
          <dt className="text-slate-500">
            <span className="mr-1 inline-block size-2 rounded-full bg-emerald-500" />
            Free
          </dt>
          <dd className="font-mono tabular-nums" data-testid={`${layer}-free`}>
            {usd(capital.freeAssets)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">
            <span className="mr-1 inline-block size-2 rounded-full bg-amber-500" />
            Locked
          </dt>
          <dd className="font-mono tabular-nums" data-testid={`${layer}-locked`}>
            {usd(capital.lockedAssets)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">
            <span className="mr-1 inline-block size-2 rounded-full bg-sky-400" />
            Unearned
          </dt>
          <dd className="font-mono tabular-nums">{usd(capital.unearnedPremium)}</dd>
        </div>
      </dl>
      <dl className="mt-4 grid grid-cols-2 gap-3 border-t border-slate-100 pt-3 text-sm sm:grid-cols-4 dark:border-slate-800">
        <div>
          <dt className="text-xs text-slate-500">Capital</dt>
          <dd className="font-mono tabular-nums" data-testid={`${layer}-tvl`}>
            {usd(capital.totalAssets)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Utilization</dt>
          <dd className="font-mono tabular-nums" data-testid={`${layer}-utilization`}>
            {formatPercentWad(capital.utilizationWad)}
          </dd>
        </div>
        <Suspense fallback={<ApyCells layer={layer} week={LOADING} month={LOADING} />}>
          <IndexedApy layer={layer} apy={apy} />
        </Suspense>
      </dl>
    </NavLink>
  );
}
