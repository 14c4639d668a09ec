// Typed reads of the indexer's REST API (indexer/src/api). History only: live state comes from the
// chain. Every number the API sends as a decimal string becomes a bigint here, in one place.
import type { Address, Hex } from 'viem';
import type { Layer } from '../chain/config';

/** Where the indexer answers; unset means this deployment has no indexer and pages use live state only. */
export const INDEXER_URL: string | undefined =
  process.env.NEXT_PUBLIC_INDEXER_URL || (Number(process.env.NEXT_PUBLIC_CHAIN_ID ?? 31337) === 31337 ? 'http://127.0.0.1:42069' : undefined);

export type PoolSnapshot = {
  blockNumber: bigint;
  timestamp: bigint;
  totalAssets: bigint;
  totalSupply: bigint;
  lockedAssets: bigint;
  unearnedPremium: bigint;
  freeAssets: bigint;
  sharePrice: bigint;
};

export type ProtocolEvent = {
  id: string;
  kind: string;
  contract: Address;
  account: Address | null;
  assets: bigint | null;
  shares: bigint | null;
  blockNumber: bigint;
  timestamp: bigint;
  txHash: Hex;
};

export type ApyWindow = { days: number; incomeApy: number | null; sharePriceApy: number | null };

export class IndexerError extends Error {}

const big = (v: unknown): bigint => BigInt(v as string);
const bigOrNull = (v: unknown): bigint | null => (v === null || v === undefined ? null : BigInt(v as string));

async function getJson(path: string, fetchImpl: typeof fetch = fetch): Promise<unknown> {
  if (!INDEXER_URL) throw new IndexerError('No indexer is configured for this network.');
  let res: Response;
  try {
    res = await fetchImpl(`${INDEXER_URL}${path}`, { cache: 'no-store' });
  } catch {
    throw new IndexerError('The indexer is not answering.');
  }
  if (!res.ok) throw new IndexerError(`The indexer answered ${res.status} for ${path}.`);
  return res.json();
}

export function parseSnapshot(row: Record<string, unknown>): PoolSnapshot {
  return {
    blockNumber: big(row.blockNumber),
    timestamp: big(row.timestamp),
    totalAssets: big(row.totalAssets),
    totalSupply: big(row.totalSupply),
    lockedAssets: big(row.lockedAssets),
    unearnedPremium: big(row.unearnedPremium),
    freeAssets: big(row.freeAssets),
    sharePrice: big(row.sharePrice),
  };
}

export function parseEvent(row: Record<string, unknown>): ProtocolEvent {
  return {
    id: String(row.id),
    kind: String(row.kind),
    contract: row.contract as Address,
    account: (row.account as Address | null) ?? null,
    assets: bigOrNull(row.assets),
    shares: bigOrNull(row.shares),
    blockNumber: big(row.blockNumber),
    timestamp: big(row.timestamp),
    txHash: row.txHash as Hex,
  };
}

export async function fetchSnapshots(layer: Layer, limit = 200): Promise<PoolSnapshot[]> {
  const rows = (await getJson(`/pools/${layer}/snapshots?limit=${limit}`)) as Record<string, unknown>[];
  return rows.map(parseSnapshot);
}

export async function fetchEvents(limit = 20): Promise<ProtocolEvent[]> {
  const rows = (await getJson(`/events?limit=${limit}`)) as Record<string, unknown>[];
  return rows.map(parseEvent);
}

export async function fetchApy(layer: Layer): Promise<ApyWindow[]> {
  const body = (await getJson(`/pools/${layer}/apy`)) as { windows: ApyWindow[] };
  return body.windows;
}

/** The newest block the indexer has processed (Ponder's /status). */
export async function fetchIndexedBlock(): Promise<bigint> {
  const status = (await getJson('/status')) as Record<string, { block: { number: number } }>;
  const numbers = Object.values(status).map((s) => s.block.number);
  if (numbers.length === 0) throw new IndexerError('The indexer has not started indexing yet.');
  return BigInt(Math.min(...numbers));
}

/** How far history trails the chain, for the "N blocks behind" notice. */
export function blocksBehind(chainHead: bigint, indexed: bigint): bigint {
  return chainHead > indexed ? chainHead - indexed : 0n;
}

export type IndexedPosition = { pool: Address; shares: bigint; escrowedShares: bigint; deposited: bigint; withdrawn: bigint };

export type IndexedRequest = {
  pool: Address;
  requestId: bigint;
  shares: bigint;
  remainingShares: bigint;
  claimedAssets: bigint;
  claimableAt: bigint;
  expiresAt: bigint;
  status: string;
};

export type IndexedCover = { tokenId: bigint; productId: bigint; status: string };

export type Portfolio = { positions: IndexedPosition[]; requests: IndexedRequest[]; covers: IndexedCover[]; events: ProtocolEvent[] };

export function parsePortfolio(body: { positions: Record<string, unknown>[]; requests: Record<string, unknown>[]; covers?: Record<string, unknown>[]; events: Record<string, unknown>[] }): Portfolio {
  return {
    positions: body.positions.map((p) => ({ pool: p.pool as Address, shares: big(p.shares), escrowedShares: big(p.escrowedShares), deposited: big(p.deposited), withdrawn: big(p.withdrawn) })),
    requests: body.requests.map((r) => ({
      pool: r.pool as Address,
      requestId: big(r.requestId),
      shares: big(r.shares),
      remainingShares: big(r.remainingShares),
      claimedAssets: big(r.claimedAssets),
      claimableAt: big(r.claimableAt),
      expiresAt: big(r.expiresAt),
      status: String(r.status),
    })),
    covers: (body.covers ?? []).map((c) => ({ tokenId: big(c.tokenId), productId: big(c.productId), status: String(c.status) })),
    events: body.events.map(parseEvent),
  };
}

export async function fetchPortfolio(account: Address, limit = 50): Promise<Portfolio> {
  return parsePortfolio((await getJson(`/accounts/${account}/portfolio?limit=${limit}`)) as Parameters<typeof parsePortfolio>[0]);
}
