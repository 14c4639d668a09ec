'use client';

import { useEffect, useState } from 'react';
import { useBlock } from 'wagmi';
import { chainNow, type ChainClockAnchor } from '@/lib/time/chainClock';

/**
 * The chain's current time in seconds, ticking every `tickMs` between blocks: every second for a
 * countdown, less often where only a threshold hours away matters (each tick re-renders the caller).
 */
export function useChainNow(tickMs = 1_000): bigint | undefined {
  const block = useBlock({ query: { refetchInterval: 4_000 } });
  const [anchor, setAnchor] = useState<ChainClockAnchor>();
  const [nowMs, setNowMs] = useState(() => Date.now());
  const timestamp = block.data?.timestamp;
  useEffect(() => {
    if (timestamp !== undefined) setAnchor({ blockTimestamp: timestamp, observedAtMs: Date.now() });
  }, [timestamp]);
  useEffect(() => {
    const id = setInterval(() => setNowMs(Date.now()), tickMs);
    return () => clearInterval(id);
  }, [tickMs]);
  return anchor ? chainNow(anchor, nowMs) : undefined;
}
