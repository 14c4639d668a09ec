// Every history query the browser runs: one key per question, and a query function that loads the
// SQL client (lib/history/indexerApi, the heaviest code the app has) only when history is first
// asked for, so no page carries it in its first load.
import type { Address } from 'viem';
import type { Layer } from '@/lib/chain/config';
import { fetchIndexedBlock, INDEXER_URL } from '@/lib/history/indexerStatus';
import { historyKeys } from '../query/queryKeys';

const api = () => import('@/lib/history/indexerApi');

const HISTORY = { refetchInterval: 5_000, retry: 1, enabled: Boolean(INDEXER_URL) } as const;

export const historyQueries = {
  snapshots: (layer: Layer) => ({ queryKey: historyKeys.snapshots(layer), queryFn: async () => (await api()).fetchSnapshots(layer), ...HISTORY }),
  apy: (layer: Layer) => ({ queryKey: historyKeys.apy(layer), queryFn: async () => (await api()).fetchApy(layer), ...HISTORY }),
  portfolio: (account: Address | undefined) => ({
    queryKey: historyKeys.portfolio(account),
    queryFn: async () => (await api()).fetchPortfolio(account!),
    ...HISTORY,
    enabled: HISTORY.enabled && Boolean(account),
  }),
  exchangeBook: () => ({ queryKey: historyKeys.exchangeBook(), queryFn: async () => (await api()).fetchExchangeBook(), ...HISTORY }),
  coverMarket: (tokenId: bigint) => ({
    queryKey: historyKeys.coverMarket(tokenId),
    queryFn: async () => (await api()).fetchCoverMarketHistory(tokenId),
    ...HISTORY,
  }),
  indexedBlock: () => ({ queryKey: historyKeys.indexedBlock(), queryFn: () => fetchIndexedBlock(), ...HISTORY }),
};
