import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fetchEvents, fetchPortfolio, historyDb } from './indexerApi';
import { blocksBehind, fetchIndexedBlock, IndexerError } from './indexerStatus';
import { eventLabel } from './eventCopy';

describe('indexer client', () => {
  it('says plainly when no indexer is configured or it does not answer', async () => {
    expect(() => historyDb('')).toThrow(IndexerError);
    // Port 9 (discard) has no listener here: a refused connection, not a hang.
    await expect(fetchEvents(5, 'http://127.0.0.1:9')).rejects.toThrow('The indexer is not answering.');
    await expect(fetchPortfolio('0x0000000000000000000000000000000000000001', 5, 'http://127.0.0.1:9')).rejects.toBeInstanceOf(IndexerError);
  });

  it('gives up on an indexer that accepts the connection and never answers', async () => {
    const hung: Server = createServer(() => {}); // never writes a response
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
    try {
      await expect(fetchEvents(5, url)).rejects.toThrow('The indexer is not answering.');
      await expect(fetchIndexedBlock(url)).rejects.toThrow('The indexer is not answering.');
    } finally {
      hung.closeAllConnections();
      hung.close();
    }
  });

  it('reuses one client per indexer URL', () => {
    expect(historyDb('http://127.0.0.1:9')).toBe(historyDb('http://127.0.0.1:9'));
    expect(historyDb('http://127.0.0.1:9')).not.toBe(historyDb('http://127.0.0.1:10'));
  });

  it('counts blocks behind, never negative', () => {
    expect(blocksBehind(10n, 7n)).toBe(3n);
    expect(blocksBehind(7n, 10n)).toBe(0n);
  });

  it('labels known kinds and spells out unknown ones', () => {
    expect(eventLabel('shortfall')).toBe('Shortfall absorbed');
    expect(eventLabel('some-new-kind')).toBe('some new kind');
  });
});

describe('eventAmount', () => {
  it('shows assets, else shares, else nothing', async () => {
    const { eventAmount } = await import('./eventCopy');
    expect(eventAmount({ assets: 1_234_500_000n, shares: 5n })).toBe('1,234.5 USDC');
    expect(eventAmount({ assets: null, shares: 2n * 10n ** 18n })).toBe('2 shares');
    expect(eventAmount({ assets: null, shares: null })).toBe('');
  });
});
