// The portfolio's indexed half, read on the server in one go: the account's stake flows (for "earned"),
// the covers it holds, its own events, and the exchange's open offers (on its covers). Never rejects:
// each part that fails is null, and the page says what it lacks while its live numbers stand.
import type { Address } from 'viem';
import { type ExchangeBook, fetchExchangeBook, fetchPortfolio, type Portfolio } from '../history/indexerApi';
import { answerOrNull, type IndexerHealth, indexerHealth, NO_INDEXER } from '../history/indexerNotice';
import { fetchIndexedBlock, INDEXER_URL } from '../history/indexerStatus';

export type AccountHistory = { health: IndexerHealth; portfolio: Portfolio | null; book: ExchangeBook | null };

/** `chainHead` is the block the page's live numbers come from, for the "N blocks behind" notice. */
export async function readAccountHistory(
  account: Address,
  chainHead: bigint | undefined,
  url: string | undefined = process.env.INDEXER_URL || INDEXER_URL,
): Promise<AccountHistory> {
  if (!url) return { health: NO_INDEXER, portfolio: null, book: null };
  const [indexed, portfolio, book] = await Promise.allSettled([fetchIndexedBlock(url), fetchPortfolio(account, 50, url), fetchExchangeBook(url)]);
  return { health: indexerHealth(indexed, chainHead), portfolio: answerOrNull(portfolio), book: answerOrNull(book) };
}
