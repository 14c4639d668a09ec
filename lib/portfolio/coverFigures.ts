// What a held cover's row says at chain time `now`: how it reads to its holder (active, triggered, paid,
// expired), and while it is active its outlook (distance to strike, touch probability over the term left)
// and its model value (payout × P_touch, the CoverValue twin; the payout once a claim round is known).
import { COVER_STATUS } from '../chain/enums';
import { type CoverOutlook, coverOutlook } from '../cover/coverOutlook';
import { type CoverView, coverView } from '../cover/coverStatus';
import { coverMarkDown } from '../exchange/coverMark';
import { ContractRevert } from '../mirror/evm';
import type { HeldCover } from './heldCovers';

export type CoverFigures = {
  view: CoverView;
  /** The round a claim pays with, when the feed proves a touch. */
  claimRound: bigint | null;
  /** The feed could not be searched for a touch (said under the row; the cover still shows as it stands). */
  feedUnreadable: boolean;
  /** Only while the cover is active. */
  outlook: CoverOutlook | null;
  /** Base units, rounded down; null when not active or outside the twin's domain (no number rather than a wrong one). */
  model: bigint | null;
};

export function coverFigures(cover: HeldCover, now: bigint): CoverFigures {
  const claimRound = typeof cover.claimRound === 'bigint' ? cover.claimRound : null;
  const view = coverView(cover.status, claimRound);
  const base = { view, claimRound, feedUnreadable: cover.claimRound === 'unreadable' };
  if (COVER_STATUS[cover.status] !== 'active') return { ...base, outlook: null, model: null };
  const { direction, activationDelay } = cover.product;
  const outlook = coverOutlook({
    direction,
    spot: cover.spot,
    strike: cover.strike,
    sigma: cover.sigma,
    now,
    start: cover.start,
    end: cover.end,
    activationDelay,
  });
  let model: bigint | null = null;
  try {
    model = coverMarkDown({ ...cover, down: direction === 'Down' }, { spot: cover.spot, sigma: cover.sigma, now }, claimRound !== null);
  } catch (error) {
    if (!(error instanceof ContractRevert)) throw error;
  }
  return { ...base, outlook, model };
}
