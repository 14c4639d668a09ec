// The cover exchange's indexed half, read on the server: the book (which covers are listed, the open
// offers) for the market page, and one cover's trades, offers and listing for its page. Never rejects:
// a part that fails is null and the page says what it lacks, next to the indexer's health.
import { type CoverMarketHistory, type ExchangeBook, fetchCoverMarketHistory, fetchExchangeBook } from '../history/indexerApi';
import { answerOrNull, type IndexerHealth, indexerHealth, NO_INDEXER } from '../history/indexerNotice';
import { fetchIndexedBlock, INDEXER_URL } from '../history/indexerStatus';

const indexerUrl = () => process.env.INDEXER_URL || INDEXER_URL;

/**
 * The indexer's health against the block the page's live numbers come from (`chainHead`), for the
 * "N blocks behind" notice: asked of the answer once that block is known, since the history is read
 * alongside the chain (the market's listings are read before it: the chain is asked about those ids).
 */
export type HealthAt = (chainHead: bigint | undefined) => IndexerHealth;

export type BookHistory = { healthAt: HealthAt; book: ExchangeBook | null };
export type CoverTradeHistory = { healthAt: HealthAt; history: CoverMarketHistory | null };

const noIndexer: HealthAt = () => NO_INDEXER;

/** The exchange's book as indexed: the covers listed and the open offers. */
export async function readExchangeBook(url: string | undefined = indexerUrl()): Promise<BookHistory> {
  if (!url) return { healthAt: noIndexer, book: null };
  const [indexed, book] = await Promise.allSettled([fetchIndexedBlock(url), fetchExchangeBook(url)]);
  return { healthAt: (chainHead) => indexerHealth(indexed, chainHead), book: answerOrNull(book) };
}

/** Cover `tokenId`'s trades (oldest first), open offers and listing as indexed. */
export async function readCoverTradeHistory(tokenId: bigint, url: string | undefined = indexerUrl()): Promise<CoverTradeHistory> {
  if (!url) return { healthAt: noIndexer, history: null };
  const [indexed, history] = await Promise.allSettled([fetchIndexedBlock(url), fetchCoverMarketHistory(tokenId, url)]);
  return { healthAt: (chainHead) => indexerHealth(indexed, chainHead), history: answerOrNull(history) };
}
