// The exchange's history readers never reject: no indexer configured is "not available here", an indexer
// that does not answer is "down" with no book and no trades (the page says what it lacks).
import { describe, expect, it } from 'vitest';
import { NO_INDEXER } from '../history/indexerNotice';
import { readCoverTradeHistory, readExchangeBook } from './exchangeHistory';

const AWAY = 'http://127.0.0.1:9';

describe('exchange history readers', () => {
  it('offer no history where no indexer is configured', async () => {
    const book = await readExchangeBook('');
    expect(book.book).toBeNull();
    expect(book.healthAt(10n)).toEqual(NO_INDEXER);
    const trades = await readCoverTradeHistory(1n, '');
    expect(trades.history).toBeNull();
    expect(trades.healthAt(undefined)).toEqual(NO_INDEXER);
  });

  it('resolve with nothing and a down indexer when it does not answer', async () => {
    const book = await readExchangeBook(AWAY);
    expect(book.book).toBeNull();
    expect(book.healthAt(10n)).toEqual({ configured: true, down: true, behind: undefined });
    const trades = await readCoverTradeHistory(1n, AWAY);
    expect(trades.history).toBeNull();
    expect(trades.healthAt(10n).down).toBe(true);
  });
});
