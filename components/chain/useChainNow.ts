'use client';

import { useEffect, useState } from 'react';
import { useBlock } from 'wagmi';
import { chainNow, type ChainClockAnchor } from '@/lib/time/chainClock';

/** The chain's current time in seconds, ticking every second between blocks. */
export function useChainNow(): bigint | undefined {
  const block = useBlock({ query: { refetchInterval: 4_000 } });
  const [anchor, setAnchor] = useState<ChainClockAnchor>();
  const [nowMs, setNowMs] = useState(() => Date.now());
  const timestamp = block.data?.timestamp;
  useEffect(() => {
    if (timestamp !== undefined) setAnchor({ blockTimestamp: timestamp, observedAtMs: Date.now() });
  }, [timestamp]);
  useEffect(() => {
    const id = setInterval(() => setNowMs(Date.now()), 1_000);
    return () => clearInterval(id);
  }, []);
  return anchor ? chainNow(anchor, nowMs) : undefined;
}
