import { fetchCoverMarketHistory, fetchExchangeBook } from '@/lib/history/indexerApi';
import { INDEXER_URL, IndexerError } from '@/lib/history/indexerStatus';
import { toBigintJson } from '@/lib/wire/bigintJson';

export const dynamic = 'force-dynamic';

/** 400 with a sentence for a malformed input (never a 500). */
const bad = (message: string, status = 400) => Response.json({ error: message }, { status });

/**
 * GET /history/<question>: the browser's history reads — the cover exchange's, whose pages read on the client (components/history/historyQueries.ts);
 * the server-rendered pages call lib/history on the server themselves —, asked of
 * the indexer here on the server over its SQL client, so the browser never downloads that client (its
 * query builder is ~90 kB gzip). Answers are JSON with bigints tagged (lib/wire/bigintJson.ts); an
 * indexer that is away or slow is a 503 with the sentence the page shows.
 */
export async function GET(request: Request, { params }: { params: Promise<{ question: string }> }): Promise<Response> {
  const { question } = await params;
  const query = new URL(request.url).searchParams;
  const url = process.env.INDEXER_URL || INDEXER_URL;
  let answer: () => Promise<unknown>;
  switch (question) {
    case 'exchange-book':
      answer = () => fetchExchangeBook(url);
      break;
    case 'cover-market': {
      const tokenId = query.get('tokenId') ?? '';
      if (!/^\d{1,24}$/.test(tokenId)) return bad('tokenId must be a whole number');
      answer = () => fetchCoverMarketHistory(BigInt(tokenId), url);
      break;
    }
    default:
      return bad(`No history question ${question}`, 404);
  }
  try {
    return new Response(toBigintJson(await answer()), { headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
  } catch (error) {
    return Response.json({ error: error instanceof IndexerError ? error.message : 'The indexer is not answering.' }, { status: 503 });
  }
}
