'use client';

import { useEffect, useState } from 'react';
import { chainNow } from '@/lib/time/chainClock';

/**
 * The chain's current time in seconds on a server-rendered page: anchored on the block timestamp the
 * server read (a new one with every refresh) and run forward with the wall clock every `tickMs`.
 */
export function useChainClock(blockTimestamp: bigint, tickMs = 1_000): bigint {
  const [anchor, setAnchor] = useState(() => ({ blockTimestamp, observedAtMs: Date.now() }));
  const [nowMs, setNowMs] = useState(() => Date.now());
  if (anchor.blockTimestamp !== blockTimestamp) setAnchor({ blockTimestamp, observedAtMs: Date.now() });
  useEffect(() => {
    const id = setInterval(() => setNowMs(Date.now()), tickMs);
    return () => clearInterval(id);
  }, [tickMs]);
  return chainNow(anchor, Math.max(nowMs, anchor.observedAtMs));
}
