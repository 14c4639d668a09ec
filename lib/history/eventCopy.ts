// The activity feed's words for each indexed event kind, and the amount each row shows.
import { formatAssets, formatShares } from '../format/tokenAmount';
import type { ProtocolEvent } from './indexerApi';
export const EVENT_LABELS: Record<string, string> = {
  deposit: 'Deposit',
  withdraw: 'Withdrawal',
  'redeem-request': 'Withdrawal requested',
  'redeem-lapsed': 'Request lapsed',
  'claim-paid': 'Cover claim paid',
  shortfall: 'Shortfall absorbed',
  fees: 'Venue fees',
  'auction-opened': 'Recapitalization auction',
  'bks-purchased': 'BKS bought',
  'auction-settled': 'Auction settled',
  'cover-bought': 'Cover bought',
  'cover-claimed': 'Cover claimed',
  'liquidation-partial': 'Venue: partial liquidation',
  'liquidation-full': 'Venue: liquidation',
  'liquidation-bad-debt': 'Venue: liquidation with bad debt',
};

export function eventLabel(kind: string): string {
  return EVENT_LABELS[kind] ?? kind.replace(/-/g, ' ');
}

/** A feed row's amount: its assets, else its shares, else nothing (e.g. a lapse with no amount). */
export function eventAmount(event: Pick<ProtocolEvent, 'assets' | 'shares'>): string {
  if (event.assets !== null) return formatAssets(event.assets, { maxFractionDigits: 2 });
  if (event.shares !== null) return formatShares(event.shares, { maxFractionDigits: 2 });
  return '';
}
