'use client';

import { useIndexerLag } from './useHistory';

// A few blocks of lag is normal polling; say so only when history is visibly stale.
const STALE_BLOCKS = 5n;

/** Says plainly when history is missing or behind; live numbers on the page stay correct either way. */
export function IndexerNotice() {
  const { configured, down, behind } = useIndexerLag();
  let message: string | undefined;
  if (!configured) message = 'History is not available on this network: live numbers only.';
  else if (down) message = 'History is unavailable right now (the indexer is not answering). Live numbers below come straight from the chain.';
  else if (behind !== undefined && behind > STALE_BLOCKS) message = `History is ${behind} blocks behind the chain; charts and activity will catch up.`;
  if (!message) return null;
  return (
    <p role="status" data-testid="indexer-notice" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
      {message}
    </p>
  );
}
