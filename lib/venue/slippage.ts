// The price limits the venue's trades carry (`acceptablePrice`): a trader accepts the oracle price moving at
// most SLIPPAGE_BPS against it between the preview and the block. Opening a long buys (a ceiling), a short
// sells (a floor); closing is the other way round.

export const SLIPPAGE_BPS = 100n;
const BPS = 10_000n;

/** `open`'s acceptablePrice: a long at most price × (1 + s), rounded up; a short at least price × (1 − s), rounded down. */
export function openSlippageLimit(isLong: boolean, price: bigint, bps: bigint = SLIPPAGE_BPS): bigint {
  return isLong ? (price * (BPS + bps) + BPS - 1n) / BPS : (price * (BPS - bps)) / BPS;
}

/** `close` / `reduce`'s acceptablePrice: a long at least price × (1 − s), a short at most price × (1 + s). */
export function exitSlippageLimit(isLong: boolean, price: bigint, bps: bigint = SLIPPAGE_BPS): bigint {
  return openSlippageLimit(!isLong, price, bps);
}
