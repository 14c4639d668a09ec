import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RiskDashboard } from '@/components/risk/RiskDashboard';
import { serverPublicClient } from '@/lib/chain/serverClient';
import { readRiskBook } from '@/lib/risk/loadBook';
import { settle } from '@/lib/chain/settle';
import { ChainUnreachable } from '@/components/chain/ChainUnreachable';

export const metadata: Metadata = { title: 'Risk — Backstop' };

/**
 * Read-only, so it lives with the overview: the book is read on the server at one block (no wallet or
 * RPC code in the browser) and the Monte Carlo runs in the browser's workers; the past books for the
 * solvency history come from /risk/history once the first run is done. The heading is sent at once and
 * the book streams in after it (reading it takes ~100 RPC reads): the browser paints the page's text
 * before the book arrives and before the scripts run, instead of after both. The book goes to the
 * dashboard as it is (React's payload carries bigints), so the browser decodes nothing while it hydrates.
 */
export default function RiskPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Risk</h1>
        <p className="mt-2 max-w-3xl text-slate-600 dark:text-slate-300">
          Can the pools pay? A Monte Carlo of everything that can cost them money — active covers and the venue&apos;s positions — over the next 30 days, from
          the chain&apos;s state now.
        </p>
      </div>
      <Suspense fallback={<BookLoading />}>
        <RiskBook />
      </Suspense>
    </div>
  );
}

/** As tall as the dashboard's first screens, so what follows does not move when the book arrives. */
function BookLoading() {
  return (
    <div className="min-h-[80vh] space-y-6" aria-busy="true" data-testid="risk-book-loading">
      <div className="h-40 animate-pulse rounded-xl bg-slate-100 sm:h-24 dark:bg-slate-800" />
      <div className="h-64 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800" />
    </div>
  );
}

async function RiskBook() {
  const client = serverPublicClient();
  const loaded = await settle(readRiskBook(client));
  return 'error' in loaded ? (
    <ChainUnreachable error={loaded.error} title="Cannot read the book from the chain" returns="The analysis appears" />
  ) : (
    <RiskDashboard book={loaded.value} />
  );
}
