import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverOutlook } from '../cover/coverOutlook';
import { modelValueDown } from '../mirror/CoverValue';
import { coverFigures } from './coverFigures';
import type { HeldCover } from './heldCovers';

const WAD = 10n ** 18n;
const DAY = 86_400n;
const PRICE = 10n ** 8n;
const USDC = 10n ** 6n;
const ACTIVE = 1;
const EXPIRED = 2;
const CLAIMED = 3;

const cover: HeldCover = {
  tokenId: 7n,
  strike: 2_500n * PRICE,
  payout: 400n * USDC,
  start: 1_000n * DAY,
  end: 1_010n * DAY,
  claimDeadline: 1_011n * DAY,
  status: ACTIVE,
  holder: '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720',
  product: {
    productId: 1n,
    direction: 'Down',
    feed: '0x0000000000000000000000000000000000000f01',
    oracle: '0x0000000000000000000000000000000000000f02',
    pool: '0x0000000000000000000000000000000000000f03',
    confirmations: 2,
    activationDelay: 300n,
  },
  spot: 2_800n * PRICE,
  sigma: (8n * WAD) / 10n,
  claimRound: null,
  listing: null,
  approved: '0x0000000000000000000000000000000000000000',
};
const now = 1_002n * DAY;

describe('coverFigures', () => {
  it('an active cover out of the money: its outlook from the twin and its model value payout × P_touch over the time to its end', () => {
    const f = coverFigures(cover, now);
    expect(f.view).toBe('active');
    expect(f.claimRound).toBeNull();
    expect(f.feedUnreadable).toBe(false);
    expect(f.outlook).toEqual(
      coverOutlook({
        direction: 'Down',
        spot: cover.spot,
        strike: cover.strike,
        sigma: cover.sigma,
        now,
        start: cover.start,
        end: cover.end,
        activationDelay: 300n,
      }),
    );
    expect(f.outlook!.distanceBps).toBe(-1_071n); // 2,800 → 2,500: −10.71 %
    expect(f.model).toBe(modelValueDown(cover.payout, true, cover.spot, cover.strike, cover.sigma, cover.end - now, false));
    expect(f.model! > 0n && f.model! < cover.payout).toBe(true);
  });

  it('a known claim round: triggered, worth its payout', () => {
    const f = coverFigures({ ...cover, claimRound: (1n << 64n) + 5n }, now);
    expect(f).toMatchObject({ view: 'triggered', claimRound: (1n << 64n) + 5n, model: cover.payout });
  });

  it('a feed that could not be searched: still active, said so, never shown as triggered', () => {
    expect(coverFigures({ ...cover, claimRound: 'unreadable' }, now)).toMatchObject({ view: 'active', claimRound: null, feedUnreadable: true });
  });

  it('paid or expired covers have no outlook and no model value', () => {
    expect(coverFigures({ ...cover, status: CLAIMED }, now)).toMatchObject({ view: 'paid', outlook: null, model: null });
    expect(coverFigures({ ...cover, status: EXPIRED }, now)).toMatchObject({ view: 'expired', outlook: null, model: null });
  });

  it('after its end an active cover is worth nothing and has no term left', () => {
    const f = coverFigures(cover, cover.end + 1n);
    expect(f.model).toBe(0n);
    expect(f.outlook).toMatchObject({ remaining: 0n, pTouch: 0n });
  });

  it('outside the twin’s domain: no model value rather than a wrong one', () => {
    expect(coverFigures({ ...cover, sigma: 10n ** 40n }, now).model).toBeNull();
  });

  it('the model value never exceeds the payout, is the payout at or through the strike while time is left, and 0 at the end (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1_000n, max: 5_000n }), fc.bigInt({ min: 0n, max: 10n * DAY }), (spotUsd, elapsed) => {
        const f = coverFigures({ ...cover, spot: spotUsd * PRICE }, cover.start + elapsed);
        if (f.model === null) return;
        expect(f.model <= cover.payout).toBe(true);
        if (cover.start + elapsed >= cover.end) expect(f.model).toBe(0n);
        else if (spotUsd * PRICE <= cover.strike) expect(f.model).toBe(cover.payout);
      }),
    );
  });
});
