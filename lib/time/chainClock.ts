// The chain's clock, not the browser's: a local chain may be warped days ahead, and a user's
// computer may be wrong. Anchor on the latest block's timestamp and run forward with the wall clock.

export type ChainClockAnchor = { blockTimestamp: bigint; observedAtMs: number };

/** Seconds on the chain's clock at wall-clock `nowMs`, never earlier than the anchor block. */
export function chainNow(anchor: ChainClockAnchor, nowMs: number): bigint {
  const elapsed = Math.max(0, Math.floor((nowMs - anchor.observedAtMs) / 1000));
  return anchor.blockTimestamp + BigInt(elapsed);
}
