// The activity feed's words for each indexed event kind.
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
};

export function eventLabel(kind: string): string {
  return EVENT_LABELS[kind] ?? kind.replace(/-/g, ' ');
}
