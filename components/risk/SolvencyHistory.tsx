'use client';

import { useEffect, useState } from 'react';
import { formatAmount } from '@/lib/format/amount';
import { formatRatio } from '@/lib/format/estimate';
import { bookFromJson, type RiskBookJson } from '@/lib/risk/book';
import type { ModelParams } from '@/lib/risk/model';
import type { RiskRunner } from '@/lib/risk/runner';
import { LineChart } from './charts';
import { useNearScreen } from './WhenNear';

export type HistoryJson = { points: Array<{ day: number; blockNumber: string; book: RiskBookJson }> } | { error: string };

/** Paths per past point: enough for a stable ratio, cheap enough for two weeks of points. */
export const HISTORY_PATHS = 20_000;

type Point = { day: number; ratio: number };

const dayText = (day: number) => (day === 0 ? 'today' : `${-day} d ago`);

/**
 * The pools' solvency ratio over the last days, recomputed in the browser from the book as it was at
 * the end of each day (read from past chain state by GET /risk/history; lib/risk/history.ts says why).
 * Fetched and run once the main simulation is done and the card nears the screen (two weeks of books
 * and 14 runs are seconds of work the page's first view does not need), on the same workers, with its
 * model and seed.
 */
export function SolvencyHistory({
  block,
  runner,
  params,
  today,
  ready,
}: {
  block: bigint;
  runner: () => RiskRunner;
  params: ModelParams | null;
  today: number | null;
  ready: boolean;
}) {
  const [data, setData] = useState<HistoryJson | null>(null);
  const [points, setPoints] = useState<Point[]>([]);
  const [done, setDone] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const [box, near] = useNearScreen<HTMLDivElement>('400px 0px');

  // The past books, once: after the first run, so reading them never competes with it.
  useEffect(() => {
    if (!ready || !near || data) return;
    const controller = new AbortController();
    fetch(`/risk/history?block=${block}`, { signal: controller.signal })
      .then((r) => (r.ok ? (r.json() as Promise<HistoryJson>) : { error: `Solvency history is unavailable (HTTP ${r.status}).` }))
      .then(
        setData,
        (e: unknown) => !controller.signal.aborted && setData({ error: `Solvency history is unavailable: ${e instanceof Error ? e.message : String(e)}` }),
      );
    return () => controller.abort();
  }, [ready, near, data, block]);

  useEffect(() => {
    if (!ready || !params || !data || !('points' in data)) return;
    let stopped = false;
    setPoints([]);
    setDone(0);
    setFailed(null);
    (async () => {
      for (const p of data.points) {
        const book = bookFromJson(p.book);
        const run = { ...params, paths: HISTORY_PATHS, horizonDays: Math.min(params.horizonDays, book.horizonDaysLoaded) };
        try {
          const r = await runner().run(book, run);
          if (stopped) return;
          setPoints((prev) => [...prev, { day: p.day, ratio: r.summary.pools.solvency.ratio }]);
          setDone((d) => d + 1);
        } catch (error) {
          // Replaced by a new main run: its completion starts the history again.
          if (!stopped && !(error instanceof DOMException && error.name === 'AbortError')) setFailed(error instanceof Error ? error.message : String(error));
          return;
        }
      }
    })();
    return () => {
      stopped = true;
    };
  }, [data, ready, runner, params]);

  if (!data)
    return (
      <div ref={box}>
        <p className="text-sm text-slate-500 dark:text-slate-400">{ready && near ? 'Reading past state…' : 'The history follows the first simulation.'}</p>
      </div>
    );
  if ('error' in data)
    return (
      <p className="text-sm text-slate-500 dark:text-slate-400" data-testid="solvency-history-unavailable">
        {data.error}
      </p>
    );
  const total = data.points.length;
  if (total === 0)
    return (
      <p className="text-sm text-slate-500 dark:text-slate-400" data-testid="solvency-history-unavailable">
        No earlier state yet: the chain is younger than a day.
      </p>
    );
  const all = [...points, ...(today !== null && done === total ? [{ day: 0, ratio: today }] : [])];
  // ∞ (nothing claimed in the worst 0.5 %) is drawn at the top of the chart and named in the list.
  const finite = all.filter((p) => Number.isFinite(p.ratio)).map((p) => p.ratio);
  const cap = finite.length ? Math.max(2, ...finite) * 1.1 : 3;
  return (
    <div data-testid="solvency-history">
      {failed ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          The history stopped: {failed}
        </p>
      ) : null}
      {done < total && !failed ? (
        <p className="text-xs text-slate-500" aria-live="polite">
          Recomputing {done} / {total} past days…
        </p>
      ) : null}
      {all.length >= 2 ? (
        <LineChart
          testId="solvency-history-chart"
          label={`Solvency ratio over the last ${total} days: ${all.map((p) => `${dayText(p.day)} ${formatRatio(p.ratio)}`).join(', ')}.`}
          series={[{ name: 'pools', tone: 'stroke-indigo-600', dot: 'fill-indigo-600', points: all.map((p) => ({ x: p.day, y: Math.min(p.ratio, cap) })) }]}
          xLabel={dayText}
          yFormat={(y) => `${y.toFixed(1)}×`}
          reference={1}
        />
      ) : null}
      {done === total ? (
        <ol className="mt-2 flex flex-wrap gap-x-3 gap-y-1 font-mono text-xs text-slate-600 dark:text-slate-300" aria-label="Solvency ratio by day">
          {all.map((p) => (
            <li key={p.day}>
              <span className="font-sans text-slate-500">{dayText(p.day)}</span> {formatRatio(p.ratio)}
            </li>
          ))}
        </ol>
      ) : null}
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
        Each point: the book read from the chain at the end of that day, {formatAmount(BigInt(HISTORY_PATHS), 0)} paths with the last run&apos;s model and seed.
        Dashed line: 1×.
      </p>
    </div>
  );
}
