import { NavLink } from '../ui/NavLink';
import { Suspense } from 'react';
import { serverPublicClient } from '@/lib/chain/serverClient';
import { formatAmount } from '@/lib/format/amount';
import { formatRatio } from '@/lib/format/estimate';
import { readRiskBook } from '@/lib/risk/loadBook';
import { quickSolvency } from '@/lib/risk/quickSolvency';

const Frame = ({ children }: { children: React.ReactNode }) => (
  <NavLink
    href="/risk"
    className="block rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-indigo-400 dark:border-slate-800 dark:bg-slate-900"
    data-testid="overview-solvency"
  >
    {children}
  </NavLink>
);

async function SolvencyFigure() {
  let text: React.ReactNode;
  try {
    const s = quickSolvency(await readRiskBook(serverPublicClient(), { horizonDays: 30 }));
    const tone =
      s.pools.ratio < 1
        ? 'text-rose-700 dark:text-rose-400'
        : s.pools.ratio < 1.5
          ? 'text-amber-700 dark:text-amber-400'
          : 'text-emerald-700 dark:text-emerald-400';
    text = (
      <>
        <p className="mt-2">
          <span className={`font-mono text-3xl font-semibold tabular-nums ${tone}`} data-testid="overview-solvency-ratio">
            {formatRatio(s.pools.ratio)}
          </span>
          <span className="ml-2 text-sm text-slate-500">
            Junior {formatRatio(s.junior.ratio)} · Senior {formatRatio(s.senior.ratio)}
          </span>
        </p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          Capital over the 99.5 % value at risk of what the book could claim in 30 days ({formatAmount(BigInt(s.paths), 0)}-path Monte Carlo at block{' '}
          {s.blockNumber.toString()}). Loss distributions and stress tests on the risk page →
        </p>
      </>
    );
  } catch {
    text = <p className="mt-2 text-sm text-slate-500">The solvency estimate is unavailable right now. Open the risk page →</p>;
  }
  return text;
}

/** The overview's solvency ratio, linking to /risk. Streams in after the live capital (never holds it up). */
export function SolvencyCard() {
  return (
    <Frame>
      <h2 className="font-semibold">Solvency ratio</h2>
      <Suspense fallback={<div className="mt-2 h-16 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />}>
        <SolvencyFigure />
      </Suspense>
    </Frame>
  );
}
