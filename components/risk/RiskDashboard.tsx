'use client';

import { ChainTime } from '../ui/ChainTime';
import { useRouter } from 'next/navigation';
import { memo, useEffect, useRef, useState } from 'react';
import { formatAmount, formatPercentWad } from '@/lib/format/amount';
import { formatEstimateAssets } from '@/lib/format/estimate';
import type { RiskBook } from '@/lib/risk/book';
import type { DepthModel } from '@/lib/risk/cascade';
import { checkParams, DEFAULT_PARAMS, type ModelParams } from '@/lib/risk/model';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { ErrorState } from '../ui/ErrorState';
import { afterLoad } from './afterLoad';
import { RiskParamsForm } from './RiskParamsForm';
import { RiskResults } from './RiskResults';
import { SolvencyHistory } from './SolvencyHistory';
import { RunProgressBar } from './RunProgressBar';
import { useRiskRun, useRiskRunner } from './useRiskRun';
import { WhenNear, WhenNearLoad } from './WhenNear';

// Below the fold, with the exact twins they run: their code loads (a plain import()) and they render when a
// reader gets near them (not while the page loads: on a phone their code and first render were long
// tasks), into boxes of their own height. The cascade's depth model stays undefined (each panel takes
// the default) until the reader sets it, so the cascade's code is not part of the page's first load.
const Placeholder = () => <div className="h-72 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />;
const ResultsPlaceholder = () => <div className="h-64 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800" aria-busy="true" />;
const PANEL_MARGIN = '200px 0px';
const loadStressPanel = () => import('./StressPanel').then((m) => m.StressPanel);
const loadLiquidationPanel = () => import('./LiquidationPanel').then((m) => m.LiquidationPanel);
// Memoised, like the results and the history: the dashboard re-renders when a run starts and ends (its
// progress bar repaints alone), and that must not re-render the panels beside it.
const StressPanel = memo(function StressPanelNear(props: { book: RiskBook; depth: DepthModel | undefined }) {
  return <WhenNearLoad load={loadStressPanel} props={props} rootMargin={PANEL_MARGIN} placeholder={<Placeholder />} />;
});
const LiquidationPanel = memo(function LiquidationPanelNear(props: { book: RiskBook; depth: DepthModel | undefined; onDepth: (d: DepthModel) => void }) {
  return <WhenNearLoad load={loadLiquidationPanel} props={props} rootMargin={PANEL_MARGIN} placeholder={<Placeholder />} />;
});
const Results = memo(RiskResults);
const History = memo(SolvencyHistory);
const ParamsForm = memo(RiskParamsForm);

function paramsError(p: ModelParams, maxHorizon: number): string | null {
  try {
    checkParams(p);
    if (p.horizonDays > maxHorizon) return `The horizon can be at most ${maxHorizon} days for this book.`;
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * /risk in the browser: the book read on the server, the Monte Carlo on Web Workers (one per core the
 * browser reports; warmed when the page opens, run once at once), the stress sliders, the liquidation
 * map and cascade, and the solvency history recomputed from past state after the first run.
 */
export function RiskDashboard({ book }: { book: RiskBook }) {
  const router = useRouter();
  const runner = useRiskRunner();
  const { state, start, cancel, progress } = useRiskRun(runner);
  const [params, setParams] = useState<ModelParams>(DEFAULT_PARAMS);
  const [ranWith, setRanWith] = useState<ModelParams | null>(null);
  const [depth, setDepth] = useState<DepthModel | undefined>(undefined); // undefined: the cascade's default
  const [workers, setWorkers] = useState<number | null>(null); // known in the browser only
  const error = paramsError(params, book.horizonDaysLoaded);
  const paramsRef = useRef(params);
  paramsRef.current = error ? DEFAULT_PARAMS : params;
  const running = state.status === 'running';

  const run = () => {
    if (error) return;
    const p = params;
    void start(book, p).then((r) => r && setRanWith(p));
  };

  // Start and warm the workers with this book once the page has loaded, then run once: the page opens
  // on an answer (and a book read again from the chain is run again with the parameters on screen).
  const ranBlock = useRef<bigint | null>(null);
  useEffect(() => {
    if (ranBlock.current === book.blockNumber) return;
    const previous = ranBlock.current;
    const first = previous === null;
    ranBlock.current = book.blockNumber;
    setWorkers(runner().size);
    const p = first ? DEFAULT_PARAMS : paramsRef.current;
    const go = () => {
      if (first) void runner().warm(book, p);
      void start(book, p).then((r) => r && setRanWith(p));
    };
    if (!first) return void go();
    const cancel = afterLoad(go);
    // Unmounted (or re-run by React's development double effects) before it started: it has not run.
    return () => {
      if (cancel()) ranBlock.current = previous;
    };
  }, [book, runner, start]);

  const result = state.status === 'done' ? state.result : state.status === 'error' || state.status === 'cancelled' ? state.previous : undefined;
  const spot = formatAmount(book.spot, book.priceDecimals, { maxFractionDigits: 2 });
  const capital = book.layers.junior.totalAssets + book.layers.senior.totalAssets;

  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <dl className="grid flex-1 grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-5" data-testid="risk-book">
            <div>
              <dt className="text-xs text-slate-500">Book at block</dt>
              <dd className="font-mono">{book.blockNumber.toString()}</dd>
              <dd className="text-xs text-slate-500">
                <ChainTime seconds={book.timestamp} />
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Feed price</dt>
              <dd className="font-mono">{spot} USD</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">σ (oracle)</dt>
              <dd className="font-mono">{formatPercentWad(book.sigmaWad, 1)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Capital</dt>
              <dd className="font-mono">{formatEstimateAssets(Number(capital))}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Active covers · positions</dt>
              <dd className="font-mono" data-testid="risk-book-counts">
                {book.covers.length} · {book.positions.length}
              </dd>
            </div>
          </dl>
          <Button variant="secondary" className="self-start" onClick={() => router.refresh()} disabled={running}>
            Read the chain again
          </Button>
        </div>
      </Card>

      <Card title="Monte Carlo of the book">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
          Price paths from a jump-diffusion with the oracle&apos;s σ; on each, the covers that trigger, the positions that liquidate and the bad debt they
          leave, split by the waterfall&apos;s exact twin. It runs on{' '}
          {workers === null ? 'Web Workers' : `${workers} Web Worker${workers === 1 ? '' : 's'} (one per core your browser reports)`} and never blocks the page.
        </p>
        <ParamsForm params={params} onChange={setParams} maxHorizon={book.horizonDaysLoaded} error={error} disabled={running} />
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button onClick={run} disabled={running || Boolean(error)} data-testid="risk-run">
            {running ? 'Running…' : `Run ${formatAmount(BigInt(params.paths), 0)} paths`}
          </Button>
          {running ? (
            <Button variant="secondary" onClick={cancel} data-testid="risk-cancel">
              Cancel
            </Button>
          ) : null}
          {state.status === 'done' ? (
            <span className="text-xs text-slate-500" data-testid="risk-run-info">
              {formatAmount(BigInt(state.result.summary.paths), 0)} paths × {state.result.summary.steps} steps in{' '}
              {formatAmount(BigInt(Math.round(state.result.milliseconds)), 0)} ms on {state.result.workers} workers · seed {state.result.summary.seed}
            </span>
          ) : null}
          {state.status === 'cancelled' ? (
            <span className="text-sm text-slate-600 dark:text-slate-300" data-testid="risk-cancelled">
              Cancelled.{state.previous ? ' Showing the last complete run.' : ''}
            </span>
          ) : null}
        </div>
        {running ? <RunProgressBar progress={progress} /> : null}
        {state.status === 'error' ? (
          <div className="mt-3">
            <ErrorState title="The simulation stopped" message={`${state.message} Nothing on this page is affected; run it again.`} onRetry={run} />
          </div>
        ) : null}
      </Card>

      {/* The run finishes while the page loads; its answer (hundreds of elements) is drawn once its place is on screen. */}
      {result ? (
        <WhenNear placeholder={<ResultsPlaceholder />}>
          <Results summary={result.summary} />
        </WhenNear>
      ) : state.status !== 'error' ? (
        <ResultsPlaceholder />
      ) : null}

      <Card title="Stress tests">
        <StressPanel book={book} depth={depth} />
      </Card>

      <Card title="Liquidations">
        <LiquidationPanel book={book} depth={depth} onDepth={setDepth} />
      </Card>

      <Card title="Solvency history">
        <History
          key={book.blockNumber.toString()}
          block={book.blockNumber}
          runner={runner}
          params={ranWith}
          today={result?.summary.pools.solvency.ratio ?? null}
          ready={state.status === 'done' && ranWith !== null}
        />
      </Card>
    </div>
  );
}
