'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Layer } from '@/lib/chain/config';
import { formatEstimateAssets as usdc, formatProbability, formatRatio } from '@/lib/format/estimate';
import { formatAmount } from '@/lib/format/amount';
import { formatAssets } from '@/lib/format/tokenAmount';
import { bookFromJson, type RiskBook, type RiskBookJson, withStake } from '@/lib/risk/book';
import { DEFAULT_PARAMS } from '@/lib/risk/model';
import { stakeRisk, type StakeRisk } from '@/lib/risk/stakePreview';
import type { RiskSummary } from '@/lib/risk/summary';
import { ErrorState } from '../ui/ErrorState';
import { useRiskRunner } from './useRiskRun';

/** Paths per preview run: two runs (without and with the stake) in well under a second. */
export const PREVIEW_PATHS = 20_000;
const PARAMS = { ...DEFAULT_PARAMS, paths: PREVIEW_PATHS };
const DEBOUNCE_MS = 350;

/** How often the preview reads the book again while it is on screen. */
const BOOK_REFRESH_MS = 60_000;

/** GET /risk/book's answer: the book, or the sentence the preview shows instead. */
export type BookAnswer = { book: RiskBookJson } | { error: string };

type Book = { data?: RiskBook; error?: string; refetch: () => void };

/**
 * The book now, read on the server (GET /risk/book: the page ships no RPC code), again every minute; a
 * failed read keeps the last book and says why.
 */
function useServerBook(): Book {
  const [state, setState] = useState<{ data?: RiskBook; error?: string }>({});
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's trigger.
  useEffect(() => {
    const controller = new AbortController();
    const read = () =>
      fetch('/risk/book', { cache: 'no-store', signal: controller.signal })
        .then((r) => r.json() as Promise<BookAnswer>)
        .then(
          (answer) => setState((s) => ('book' in answer ? { data: bookFromJson(answer.book) } : { data: s.data, error: answer.error })),
          (e: unknown) => !controller.signal.aborted && setState((s) => ({ data: s.data, error: e instanceof Error ? e.message : String(e) })),
        );
    void read();
    const timer = setInterval(read, BOOK_REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [attempt]);
  const refetch = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, refetch };
}

type Preview = { status: 'running'; progress: number } | { status: 'done'; risk: StakeRisk } | { status: 'error'; message: string };

export default function StakePreviewPanel({ layer, amount }: { layer: Layer; amount: bigint }) {
  const book = useServerBook();
  const runner = useRiskRunner();
  const [preview, setPreview] = useState<Preview>({ status: 'running', progress: 0 });
  const [attempt, setAttempt] = useState(0);
  const [base, setBase] = useState<{ block: bigint; summary: RiskSummary } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `base` is a cache the effect fills itself (re-running on it would run the stake twice); `attempt` is the retry button's trigger.
  useEffect(() => {
    if (!book.data) return;
    const b = book.data;
    let stale = false;
    const timer = setTimeout(async () => {
      try {
        setPreview({ status: 'running', progress: 0 });
        // The layer as it is (once per book), then with the stake: same seed, so the difference is the stake's.
        let before = base && base.block === b.blockNumber ? base.summary : null;
        if (!before) {
          before = (await runner().run(b, PARAMS, { onProgress: (f) => !stale && setPreview({ status: 'running', progress: f / 2 }) })).summary;
          if (stale) return;
          setBase({ block: b.blockNumber, summary: before });
        }
        const after = (
          await runner().run(withStake(b, layer, amount), PARAMS, { onProgress: (f) => !stale && setPreview({ status: 'running', progress: 0.5 + f / 2 }) })
        ).summary;
        if (!stale) setPreview({ status: 'done', risk: stakeRisk(b, layer, amount, before, after) });
      } catch (error) {
        if (stale || (error instanceof DOMException && error.name === 'AbortError')) return;
        setPreview({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [book.data, layer, amount, runner, attempt]);

  const title = `Risk of staking ${formatAssets(amount, { maxFractionDigits: 2 })}`;
  if (book.error && !book.data)
    return <ErrorState title="No risk preview" message={`${book.error} The preview appears as soon as the chain answers.`} onRetry={book.refetch} />;
  if (preview.status === 'error') return <ErrorState title="The risk preview stopped" message={preview.message} onRetry={() => setAttempt((a) => a + 1)} />;
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700" data-testid="stake-preview">
      <h3 className="font-medium">{title}</h3>
      {preview.status !== 'done' ? (
        <div className="mt-2" aria-live="polite">
          <div
            role="progressbar"
            aria-label="Risk preview progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(preview.progress * 100)}
            className="h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
          >
            <div className="h-full bg-indigo-600" style={{ width: `${preview.progress * 100}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-500">
            {book.data ? `Simulating ${formatAmount(BigInt(PREVIEW_PATHS), 0)} paths × 30 days…` : 'Reading the book from the chain…'}
          </p>
        </div>
      ) : (
        <StakeFacts risk={preview.risk} />
      )}
    </section>
  );
}

function StakeFacts({ risk }: { risk: StakeRisk }) {
  const v = risk.tail.find((t) => t.alpha === 0.995)!;
  const v99 = risk.tail.find((t) => t.alpha === 0.99)!;
  return (
    <>
      <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-2">
        <div>
          <dt className="text-xs text-slate-500">Your share of the layer</dt>
          <dd className="font-mono tabular-nums">{formatProbability(risk.share)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Expected 30-day loss</dt>
          <dd className="font-mono tabular-nums" data-testid="stake-preview-mean">
            {usdc(risk.meanLoss)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">VaR 99 % · ES 99 %</dt>
          <dd className="font-mono tabular-nums">
            {usdc(v99.valueAtRisk)} · {usdc(v99.expectedShortfall)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">VaR 99.5 % · ES 99.5 %</dt>
          <dd className="font-mono tabular-nums" data-testid="stake-preview-var">
            {usdc(v.valueAtRisk)} · {usdc(v.expectedShortfall)}
          </dd>
          <dd className="text-xs text-slate-500">{formatProbability(risk.var995Fraction)} of the stake in a 1-in-200 month</dd>
        </div>
        <div className="col-span-2">
          <dt className="text-xs text-slate-500">Layer solvency (capital ÷ 99.5 % VaR of its 30-day claims)</dt>
          <dd className="font-mono tabular-nums" data-testid="stake-preview-solvency">
            {formatRatio(risk.solvencyBefore.ratio)} → {formatRatio(risk.solvencyAfter.ratio)}
          </dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
        Monte Carlo of the book with your stake added ({formatAmount(BigInt(PREVIEW_PATHS), 0)} paths; more on the risk page). An estimate, not a promise:
        losses can exceed it.
      </p>
    </>
  );
}
