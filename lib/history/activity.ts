// The activity feed's rows in words: what happened, which pool it hit, who (by name when the address is
// one we know: a pool, the market, the auction, the timelock, a venue) and how much. One row per event:
// a cover claim is the market's CoverClaimed row (the indexer records the paying pool on it); a pool's
// own "claim paid" row for the same transaction, from an index built before that, is folded into it.
import type { Address } from 'viem';
import { addressName, type AddressBook } from '../chain/addressBook';
import { eventAmount, eventLabel } from './eventCopy';
import type { ProtocolEvent } from './queries';

export type ActivityRow = {
  id: string;
  label: string;
  /** "Junior pool" / "Senior pool", or null when the event is not one pool's (fees, shortfalls, auctions). */
  pool: string | null;
  /** The account in words ("Test venue", "Cover market") or shortened hex; null when the event has none. */
  who: string | null;
  amount: string;
  timestamp: bigint;
  txHash: string;
};

const POOL_KEYS = ['juniorPool', 'seniorPool'] as const;

function poolOf(event: Pick<ProtocolEvent, 'pool' | 'contract'>, book: AddressBook): Address | null {
  if (event.pool) return event.pool as Address;
  // Older rows carry no pool: a pool's own events name it as the emitting contract.
  const emitter = event.contract.toLowerCase();
  return POOL_KEYS.some((k) => book[k]?.toLowerCase() === emitter) ? (event.contract as Address) : null;
}

export function activityRows(events: readonly ProtocolEvent[], book: AddressBook): ActivityRow[] {
  const claimedIn = new Map<string, ProtocolEvent>();
  for (const e of events) if (e.kind === 'cover-claimed') claimedIn.set(e.txHash.toLowerCase(), e);
  const paidBy = new Map<string, Address>();
  for (const e of events) if (e.kind === 'claim-paid') paidBy.set(e.txHash.toLowerCase(), e.contract as Address);
  const rows: ActivityRow[] = [];
  for (const e of events) {
    const tx = e.txHash.toLowerCase();
    if (e.kind === 'claim-paid' && claimedIn.has(tx)) continue;
    const pool = poolOf(e, book) ?? (e.kind === 'cover-claimed' ? (paidBy.get(tx) ?? null) : null);
    rows.push({
      id: e.id,
      label: eventLabel(e.kind),
      pool: pool ? addressName(pool, book) : null,
      who: e.account ? addressName(e.account, book) : null,
      amount: eventAmount(e),
      timestamp: e.timestamp,
      txHash: e.txHash,
    });
  }
  return rows;
}
