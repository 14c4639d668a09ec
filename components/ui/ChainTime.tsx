import { CHAIN_TIME_NOTE, formatChainTime } from '@/lib/format/duration';

/** A block timestamp on screen, the one way: its date and minute in UTC, marked as chain time (the note on hover). */
export function ChainTime({ seconds, className }: { seconds: bigint; className?: string }) {
  return (
    <time dateTime={new Date(Number(seconds) * 1000).toISOString()} title={CHAIN_TIME_NOTE} className={className} data-chain-time="">
      {formatChainTime(seconds)}
    </time>
  );
}
