// How a cover reads to its holder: the contract's status (`coverInfo().status`) plus what the app
// learns from the feed (a qualifying round exists, so it can be claimed now).

import { COVER_STATUS } from '../chain/enums';

export type CoverView = 'active' | 'triggered' | 'paid' | 'expired';

export function coverView(status: number, claimRound: bigint | null | undefined): CoverView {
  const s = COVER_STATUS[status] ?? 'none';
  if (s === 'claimed') return 'paid';
  if (s === 'expired' || s === 'released') return 'expired';
  return claimRound !== null && claimRound !== undefined ? 'triggered' : 'active';
}

export const COVER_VIEW_LABEL: Record<CoverView, string> = {
  active: 'Active',
  triggered: 'Triggered: claim now',
  paid: 'Paid',
  expired: 'Expired',
};
