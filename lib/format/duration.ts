// Durations in words for countdowns: the two largest units, e.g. "6 d 23 h", "4 h 05 min", "42 s".

export function formatDuration(seconds: bigint): string {
  const s = seconds < 0n ? 0n : seconds;
  const days = s / 86_400n;
  const hours = (s % 86_400n) / 3_600n;
  const minutes = (s % 3_600n) / 60n;
  const secs = s % 60n;
  const two = (v: bigint) => v.toString().padStart(2, '0');
  if (days > 0n) return `${days} d ${hours} h`;
  if (hours > 0n) return `${hours} h ${two(minutes)} min`;
  if (minutes > 0n) return `${minutes} min ${two(secs)} s`;
  return `${secs} s`;
}

/** A unix timestamp as a UTC date and minute, the same for every reader. */
export function formatTimestamp(seconds: bigint): string {
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Why every date the app shows says "chain time": dates come from block timestamps, and a chain's clock is
 * not the reader's (the local chain runs about two simulated weeks ahead of the wall clock).
 */
export const CHAIN_TIME_NOTE =
  "Chain time: the clock of the chain's blocks, which deadlines and cooldowns follow. It can differ from your clock; the local chain runs about two simulated weeks ahead.";

/** A block timestamp as the one way dates show: "2026-05-14 14:05 UTC (chain time)". */
export function formatChainTime(seconds: bigint): string {
  return `${formatTimestamp(seconds)} (chain time)`;
}

/** A governance period in words: whole days as "8 days" / "1 day", whole hours as "36 h", else `formatDuration`. */
export function formatPeriod(seconds: bigint): string {
  if (seconds > 0n && seconds % 86_400n === 0n) return `${seconds / 86_400n} ${seconds === 86_400n ? 'day' : 'days'}`;
  if (seconds > 0n && seconds % 3_600n === 0n) return `${seconds / 3_600n} h`;
  return formatDuration(seconds);
}
