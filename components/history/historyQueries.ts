// Every history query the browser runs (the cover exchange's; the other pages read history on the server): one key per question, answered by the app's own server
// (app/history/[question]/route.ts), which asks the indexer over its SQL client. The browser only
// fetches JSON: the SQL client's query builder (~90 kB gzip) never ships to it.
import type { CoverMarketHistory, ExchangeBook } from '@/lib/history/indexerApi';
import { INDEXER_TIMEOUT_MS, INDEXER_URL, IndexerError } from '@/lib/history/indexerStatus';
import { fromBigintJson } from '@/lib/wire/bigintJson';
import { historyKeys } from '../query/queryKeys';

/** One history answer from the app's server; an indexer that is away becomes the IndexerError the page shows. */
async function ask<T>(question: string, params: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    // The server gives up on the indexer after INDEXER_TIMEOUT_MS; this covers the app's own round trip too.
    response = await fetch(`/history/${question}?${new URLSearchParams(params)}`, {
      cache: 'no-store',
      signal: AbortSignal.timeout(INDEXER_TIMEOUT_MS + 3_000),
    });
  } catch {
    throw new IndexerError('The indexer is not answering.');
  }
  const text = await response.text();
  if (!response.ok) {
    let message = 'The indexer is not answering.';
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? message;
    } catch {
      // not our JSON (a proxy's error page): the plain sentence above
    }
    throw new IndexerError(message);
  }
  return fromBigintJson<T>(text);
}

const HISTORY = { refetchInterval: 5_000, retry: 1, enabled: Boolean(INDEXER_URL) } as const;

export const historyQueries = {
  exchangeBook: () => ({ queryKey: historyKeys.exchangeBook(), queryFn: () => ask<ExchangeBook>('exchange-book'), ...HISTORY }),
  coverMarket: (tokenId: bigint) => ({
    queryKey: historyKeys.coverMarket(tokenId),
    queryFn: () => ask<CoverMarketHistory>('cover-market', { tokenId: tokenId.toString() }),
    ...HISTORY,
  }),
};
