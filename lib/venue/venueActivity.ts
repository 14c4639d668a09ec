// The venue's recent liquidations and bad debt from the indexer's REST routes (indexer/src/api/venue.ts),
// parsed into bigints: what /venue and the overview show of what the keeper did and the pools paid.
import { INDEXER_TIMEOUT_MS, INDEXER_URL, IndexerError } from '@/lib/history/indexerStatus';

export type VenueLiquidation = {
  id: string;
  trader: string;
  kind: 'liquidation-partial' | 'liquidation-full' | 'liquidation-bad-debt';
  isLong: boolean;
  sizeDelta: bigint;
  price: bigint;
  liquidatorFee: bigint;
  badDebt: bigint;
  blockNumber: bigint;
  timestamp: bigint;
};
export type VenueBadDebt = {
  id: string;
  trader: string;
  isLong: boolean;
  debt: bigint;
  junior: bigint;
  senior: bigint;
  recapitalization: bigint;
  remainder: bigint;
  auctionId: bigint;
  deferred: boolean;
  blockNumber: bigint;
};
export type VenueTotals = {
  longOpenInterest: bigint;
  shortOpenInterest: bigint;
  price: bigint;
  badDebt: bigint;
  paidByPools: bigint;
  recapitalized: bigint;
  socialised: bigint;
  feesToPools: bigint;
  blockNumber: bigint;
};
export type VenueActivity = { liquidations: VenueLiquidation[]; badDebts: VenueBadDebt[]; totals: VenueTotals | null };

const BIG = new Set([
  'sizeDelta',
  'price',
  'liquidatorFee',
  'badDebt',
  'blockNumber',
  'timestamp',
  'debt',
  'junior',
  'senior',
  'recapitalization',
  'remainder',
  'auctionId',
  'longOpenInterest',
  'shortOpenInterest',
  'paidByPools',
  'recapitalized',
  'socialised',
  'feesToPools',
]);

/** JSON rows with decimal strings → the same rows with bigints for every amount, price and block. */
export function parseRows<T>(rows: readonly Record<string, unknown>[]): T[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, BIG.has(k) && typeof v === 'string' ? BigInt(v) : v])) as T);
}

async function get(url: string, path: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(INDEXER_TIMEOUT_MS) });
  if (!res.ok) throw new IndexerError(`The indexer answered ${res.status} for ${path}.`);
  return (await res.json()) as Record<string, unknown>[];
}

export async function fetchVenueActivity(limit = 10, url: string | undefined = INDEXER_URL): Promise<VenueActivity> {
  if (!url) throw new IndexerError('No indexer is configured (NEXT_PUBLIC_INDEXER_URL).');
  const [liquidations, badDebts, series] = await Promise.all([
    get(url, `/venue/liquidations?limit=${limit}`),
    get(url, `/venue/bad-debt?limit=${limit}`),
    get(url, '/venue/series?limit=1'),
  ]);
  const [totals] = parseRows<VenueTotals>(series);
  return { liquidations: parseRows<VenueLiquidation>(liquidations), badDebts: parseRows<VenueBadDebt>(badDebts), totals: totals ?? null };
}
