// The portfolio's indexed half, read on the server in one go: the account's stake flows (for "earned"),
// the covers it holds, its own events, and the exchange's open offers (on its covers). Never rejects:
// each part that fails is null, and the page says what it lacks while its live numbers stand.
import type { Address } from 'viem';
import { type ExchangeBook, fetchExchangeBook, fetchPortfolio, type Portfolio } from '../history/indexerApi';
import type { IndexerHealth } from '../history/indexerNotice';
import { blocksBehind, fetchIndexedBlock, INDEXER_URL } from '../history/indexerStatus';

export type AccountHistory = { health: IndexerHealth; portfolio: Portfolio | null; book: ExchangeBook | null };

/** `chainHead` is the block the page's live numbers come from, for the "N blocks behind" notice. */
export async function readAccountHistory(
  account: Address,
  chainHead: bigint | undefined,
  url: string | undefined = process.env.INDEXER_URL || INDEXER_URL,
): Promise<AccountHistory> {
  if (!url) return { health: { configured: false, down: false, behind: undefined }, portfolio: null, book: null };
  const [indexed, portfolio, book] = await Promise.allSettled([fetchIndexedBlock(url), fetchPortfolio(account, 50, url), fetchExchangeBook(url)]);
  const indexedBlock = indexed.status === 'fulfilled' ? indexed.value : null;
  return {
    health: {
      configured: true,
      down: indexedBlock === null,
      behind: indexedBlock !== null && chainHead !== undefined ? blocksBehind(chainHead, indexedBlock) : undefined,
    },
    portfolio: portfolio.status === 'fulfilled' ? portfolio.value : null,
    book: book.status === 'fulfilled' ? book.value : null,
  };
}
