// The market view's rows: each live listing with its cover's terms, its model value now and the ask's
// discount to it, and the orders the table sorts by.
import { coverMarkDown, discountBps, type MarketNow } from './coverMark';

export type MarketRow = {
  tokenId: bigint;
  productId: bigint;
  down: boolean;
  strike: bigint;
  payout: bigint;
  end: bigint;
  seller: `0x${string}`;
  price: bigint;
  model: bigint;
  /** Basis points of the model value the ask is below it (negative: above); null when the model value is 0. */
  discountBps: bigint | null;
};

export type ListingInput = {
  tokenId: bigint;
  listing: { seller: `0x${string}`; price: bigint; live: boolean };
  cover: { productId: bigint; strike: bigint; payout: bigint; end: bigint; status: number };
};

export type SortKey = 'strike' | 'expiry' | 'discount';

/** Rows for every listing that can fill now and whose product's price and σ are known. */
export function marketRows(
  inputs: readonly ListingInput[],
  marks: ReadonlyMap<bigint, Omit<MarketNow, 'now'>>,
  down: (productId: bigint) => boolean,
  now: bigint,
): MarketRow[] {
  const rows: MarketRow[] = [];
  for (const { tokenId, listing, cover } of inputs) {
    const mark = marks.get(cover.productId);
    if (!listing.live || !mark || now >= cover.end) continue;
    const isDown = down(cover.productId);
    let model = 0n;
    try {
      model = coverMarkDown({ ...cover, down: isDown }, { ...mark, now }, false);
    } catch {
      model = 0n; // no price (0) from the feed: no mark
    }
    rows.push({
      tokenId,
      productId: cover.productId,
      down: isDown,
      strike: cover.strike,
      payout: cover.payout,
      end: cover.end,
      seller: listing.seller,
      price: listing.price,
      model,
      discountBps: discountBps(listing.price, model),
    });
  }
  return rows;
}

const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorted copy: by strike or expiry ascending, or by discount (deepest discount first; no model value last). */
export function sortMarketRows(rows: readonly MarketRow[], key: SortKey, descending = false): MarketRow[] {
  const sorted = [...rows].sort((a, b) => {
    let c = 0;
    if (key === 'strike') c = cmp(a.strike, b.strike);
    else if (key === 'expiry') c = cmp(a.end, b.end);
    else if (a.discountBps === null || b.discountBps === null) c = a.discountBps === null ? (b.discountBps === null ? 0 : 1) : -1;
    else c = cmp(b.discountBps, a.discountBps);
    return c !== 0 ? (descending ? -c : c) : cmp(a.tokenId, b.tokenId);
  });
  return sorted;
}
