// What a page says about its history source. A few blocks of lag is normal polling; say so only
// when history is visibly stale. Live numbers on the page stay correct either way.
export const STALE_BLOCKS = 5n;

export type IndexerHealth = { configured: boolean; down: boolean; behind: bigint | undefined };

export function indexerNotice({ configured, down, behind }: IndexerHealth): string | undefined {
  if (!configured) return 'History is not available on this network: live numbers only.';
  if (down) return 'History is unavailable right now (the indexer is not answering). Live numbers come straight from the chain.';
  if (behind !== undefined && behind > STALE_BLOCKS) return `History is ${behind} blocks behind the chain; charts and activity will catch up.`;
  return undefined;
}
